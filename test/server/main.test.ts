import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts src/main.ts as `npm start` would (through tsx, without the build step). */
function startMain(env: Record<string, string>, onReady?: (url: string, stop: () => void) => void, onSpawn?: (pid: number) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onSpawn?.(child.pid ?? 0);
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

  it.each(['0x12C1', '1e3', ' 4808 '])('refuses PORT=%j, naming the variable', async (port) => {
    const run = await startMain({ PORT: port });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`usmx-graph cannot start: PORT: expected an integer from 0 to 65535, received ${JSON.stringify(port)}`);
  });

  it('refuses a taken port with one line and a non-zero exit, never saying ready', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'usmx-main-'));
    try {
      const run = await startMain({ PORT: String(port), JOURNAL_PATH: join(dir, 'journal.jsonl') });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`usmx-graph cannot start: port ${port} on 127.0.0.1 is in use (EADDRINUSE); stop the other process or choose another PORT\n`);
      expect(run.stdout).not.toMatch(/ready|GraphQL at/);
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a JOURNAL_PATH on /proc at once instead of hanging', async () => {
    const run = await startMain({ PORT: '0', JOURNAL_PATH: '/proc/self/status' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'usmx-graph cannot start: JOURNAL_PATH: expected a regular file path (the journal of curated changes), received "/proc/self/status" (on /proc, a kernel filesystem, not storage)',
    );
  });

  it('lets one process write a journal: a second one refuses to start, naming the path and the holder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usmx-main-'));
    const journal = join(dir, 'journal.jsonl');
    let second: Run | undefined;
    let firstPid = 0;
    try {
      const first = await startMain(
        { PORT: '0', JOURNAL_PATH: journal },
        (_url, stop) => {
          void (async () => {
            second = await startMain({ PORT: '0', JOURNAL_PATH: journal });
            stop();
          })();
        },
        (pid) => (firstPid = pid),
      );
      expect(first.code).toBe(0);
      expect(second?.code).toBe(1);
      expect(second?.stdout).not.toMatch(/ready/);
      expect(second?.stderr).toMatch(
        new RegExp(
          `^usmx-graph cannot start: JOURNAL_PATH ${journal.replace(/[.]/g, '\\.')} is in use by process ${firstPid} on \\S+ \\(since [0-9T:.Z-]+\\); one process may write a journal \\(lock ${journal.replace(/[.]/g, '\\.')}\\.lock\\)\\n$`,
        ),
      );
      // The first released its lock on SIGTERM: the journal can be opened again.
      const third = await startMain({ PORT: '0', JOURNAL_PATH: journal }, (_url, stop) => stop());
      expect(third.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
