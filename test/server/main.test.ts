import { spawn } from 'node:child_process';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts src/main.ts as `npm start` would (through tsx, without the build step). */
function startMain(env: Record<string, string>, onReady?: (url: string, stop: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let ready = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 25000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /at (http:\/\/localhost:\d+\/)/.exec(stdout);
      if (match && !ready && onReady) {
        ready = true;
        onReady(match[1], () => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the server process', () => {
  it('serves the seeded graph, reports ready, and stops cleanly on SIGTERM', async () => {
    let answers: unknown[] = [];
    const run = await startMain({ PORT: '0' }, (url, stop) => {
      void (async () => {
        const ready = await (await fetch(`${url}readyz`)).json();
        const graphql = await (
          await fetch(`${url}graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ entity(id: "usmca") { name } }' }),
          })
        ).json();
        answers = [ready, graphql];
        stop();
      })();
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/usmx-graph ready: \d+ entities/);
    expect(answers[0]).toMatchObject({ status: 'ready', store: 'memory' });
    expect(answers[1]).toMatchObject({ data: { entity: { name: 'United States–Mexico–Canada Agreement' } } });
  });

  it('refuses to start on invalid seeds, with one message per problem and no stack trace', async () => {
    const run = await startMain({ PORT: '0', SEEDS_DIR: 'test/fixtures/broken-seeds/multiple-defects' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^usmx-graph cannot start: 6 problems in the seeds:/);
    expect(run.stderr).toContain('test/fixtures/broken-seeds/multiple-defects/10-edges.yaml:4:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a bad PORT, naming the variable and the value', async () => {
    const run = await startMain({ PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('usmx-graph cannot start: PORT: expected an integer from 0 to 65535, received "eighty"');
  });
});
