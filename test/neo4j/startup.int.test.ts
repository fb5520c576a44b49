/**
 * Starting against a Neo4j that cannot be used: one clear line naming the URI and the cause,
 * a non-zero exit, no stack dump. And NEO4J_URI really selects the Neo4j store. A taken port is
 * a startup error here too (the driver must not keep a process alive that never listens), and
 * credentials written into NEO4J_URI are used but never shown.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describeNeo4j } from '../helpers/neo4j-target';
import { closedPort } from '../helpers/ports';

function run(env: Record<string, string>, onReady?: (url: string, stop: () => void) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /at (http:\/\/localhost:\d+\/)/.exec(stdout);
      if (match && onReady) {
        const ready = onReady;
        onReady = undefined;
        ready(match[1], () => child.kill('SIGTERM'));
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

/** A listener for `run` that reads /readyz once into `into.body`, then stops the server. */
function readReadyz(into: { body?: unknown }) {
  return (url: string, stop: () => void): void => {
    void fetch(`${url}readyz`)
      .then((r) => r.json())
      .then((body) => {
        into.body = body;
        stop();
      });
  };
}

describeNeo4j('starting on Neo4j', (target) => {
  it('refuses a wrong password with one line naming the URI', async () => {
    const result = await run({ NEO4J_URI: target.uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: 'not-the-password' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `usmx-graph cannot start: cannot reach Neo4j at ${target.uri}: authentication failed (check NEO4J_USERNAME and NEO4J_PASSWORD)`,
    );
  });

  it('refuses an unreachable host with one line naming the URI and the cause', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const result = await run({ NEO4J_URI: uri, NEO4J_PASSWORD: 'x' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(`^usmx-graph cannot start: cannot reach Neo4j at ${uri.replace(/[.:/]/g, '\\$&')}: no server answered \\(connect ECONNREFUSED [^)]+\\)$`),
    );
  });

  it('refuses a malformed NEO4J_URI before connecting', async () => {
    const result = await run({ NEO4J_URI: 'http://localhost:7474' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'usmx-graph cannot start: NEO4J_URI: expected a URI such as bolt://host:7687 or neo4j+s://host, received "http://localhost:7474"',
    );
  });

  it('serves from Neo4j when NEO4J_URI is set', async () => {
    const ready: { body?: unknown } = {};
    const result = await run({ NEO4J_URI: target.uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: target.password }, readReadyz(ready));
    expect(result.code).toBe(0);
    expect(ready.body).toMatchObject({ status: 'ready', store: 'neo4j' });
  });

  it('refuses a taken port with one line and a non-zero exit, never saying ready', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const started = Date.now();
      const result = await run({ NEO4J_URI: target.uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: target.password, PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`usmx-graph cannot start: port ${port} on 127.0.0.1 is in use (EADDRINUSE); stop the other process or choose another PORT\n`);
      expect(result.stdout).not.toMatch(/ready|GraphQL at/);
      // It exits by itself (the driver is closed), well before run()'s 60 s SIGKILL.
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      taken.close();
    }
  });

  it('uses credentials written into NEO4J_URI and shows them nowhere', async () => {
    const url = new URL(target.uri);
    const withCredentials = `${url.protocol}//${encodeURIComponent(target.username)}:${encodeURIComponent(target.password)}@${url.host}`;
    const ready: { body?: unknown } = {};
    const result = await run({ NEO4J_URI: withCredentials, LOG_LEVEL: 'trace' }, readReadyz(ready));
    expect(result.code).toBe(0);
    expect(ready.body).toMatchObject({ status: 'ready', store: 'neo4j' });
    expect(result.stdout + result.stderr).not.toContain(target.password);
  });

  it('refuses a wrong password written into NEO4J_URI without echoing it', async () => {
    const url = new URL(target.uri);
    const secret = `wrong-${Math.random().toString(36).slice(2)}`;
    // Another user than the other tests': Neo4j rate-limits failed logins per user.
    const result = await run({ NEO4J_URI: `${url.protocol}//usmx-nobody:${secret}@${url.host}` });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `usmx-graph cannot start: cannot reach Neo4j at ${target.uri}: authentication failed (check NEO4J_USERNAME and NEO4J_PASSWORD)`,
    );
    expect(result.stdout + result.stderr).not.toContain(secret);
  });
});
