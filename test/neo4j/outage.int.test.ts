/**
 * A Neo4j that goes away while the API runs: queries get a clean SERVICE_UNAVAILABLE error,
 * the process stays up, and answers come back when Neo4j returns. Uses a Neo4j of its own
 * (stopped and restarted on the same port and data directory), not the shared test server.
 * And through such an outage no answer, log line or error carries a credential.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jStore, connectExecutor, writeDataset } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j, type TestNeo4j } from './start';
import { closedPort } from '../helpers/ports';

const QUERY = '{ entity(id: "usmca") { name ... on Agreement { parties { id } } } }';

describeNeo4j('Neo4j outage and recovery', () => {
  let neo4j: TestNeo4j;
  let dataDir: string;
  let store: Neo4jStore;
  let server: TestServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'usmx-outage-'));
    neo4j = await startTestNeo4j({ dataDir });
    const executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, timeoutMs: 5000 });
    await writeDataset(executor, seedDataset());
    store = new Neo4jStore(executor);
    server = await startTestServer(store);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers, fails cleanly while Neo4j is down, and recovers when it returns', async () => {
    const before = await server.post(QUERY);
    expect(before.errors).toBeUndefined();
    expect(before.data).toEqual({
      entity: { name: 'United States–Mexico–Canada Agreement', parties: [{ id: 'canada' }, { id: 'mexico' }, { id: 'united-states' }] },
    });

    await neo4j.stop();
    const during = await server.post(QUERY);
    expect(during.data).toEqual({ entity: null });
    expect(during.errors).toHaveLength(1);
    expect(during.errors![0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.errors![0].message).toMatch(new RegExp(`^Neo4j at ${neo4j.uri.replace(/[.:/]/g, '\\$&')} is unavailable`));

    neo4j = await neo4j.restart();
    let after = await server.post(QUERY);
    for (let attempt = 0; after.errors && attempt < 20; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await server.post(QUERY);
    }
    expect(after).toEqual(before);
  }, 240_000);
});

interface Process {
  readonly url: string;
  output(): string;
  /** SIGTERM (SIGKILL after 20 s); resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
}

/** Starts src/main.ts; resolves once it says where it listens, or with its output if it exits first. */
function startMain(env: Record<string, string>): Promise<Process | { code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'trace', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let listening = false;
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /at (http:\/\/localhost:\d+\/)/.exec(output);
      if (match && !listening) {
        listening = true;
        resolve({
          url: match[1],
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            const code = await exited;
            clearTimeout(timer);
            return code;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    void exited.then((code) => {
      if (!listening) resolve({ code, output });
    });
  });
}

const MUTATION =
  'mutation { createEntity(input: { id: "outage-topic", kind: Topic, name: "Outage topic" }, sources: ["deck-2022#1"]) { entity { id } recordedBy } }';

/** Every kind of answer the API gives, as text: probes, reads, a write, bad requests, exports. */
async function everyAnswer(url: string, token: string): Promise<{ texts: string[]; readyz: { status: number; body: string }; query: string }> {
  const post = (body: unknown, authorization?: string): Promise<Response> =>
    fetch(`${url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
  const responses: Array<[string, Promise<Response>]> = [
    ['healthz', fetch(`${url}healthz`)],
    ['readyz', fetch(`${url}readyz`)],
    ['query', post({ query: QUERY })],
    ['search', post({ query: '{ search(text: "border") { __typename } }' })],
    ['get', fetch(`${url}graphql?query=${encodeURIComponent('{ entity(id: "mexico") { name } }')}`)],
    ['write', post({ query: MUTATION }, `Bearer ${token}`)],
    ['wrong token', post({ query: MUTATION }, `Bearer ${token.slice(0, -1)}x`)],
    ['syntax', post({ query: '{ entity(id: ' })],
    ['export json', fetch(`${url}export?format=json`)],
    ['export csv', fetch(`${url}export?format=csv&part=nodes`)],
    ['landing', fetch(url, { headers: { accept: 'text/html' } })],
  ];
  const texts: string[] = [];
  const byName = new Map<string, { status: number; body: string }>();
  for (const [name, pending] of responses) {
    const res = await pending;
    const body = await res.text();
    byName.set(name, { status: res.status, body });
    texts.push(`${name} ${res.status} ${JSON.stringify([...res.headers])} ${body}`);
  }
  return { texts, readyz: byName.get('readyz')!, query: byName.get('query')!.body };
}

describeNeo4j('secrets through a Neo4j outage', () => {
  const token = `curator-${randomBytes(12).toString('hex')}`;
  let neo4j: TestNeo4j;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'usmx-secrets-'));
    neo4j = await startTestNeo4j({ dataDir });
    const executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, timeoutMs: 5000 });
    await writeDataset(executor, seedDataset());
    await executor.driver.close();
  }, 240_000);

  afterAll(async () => {
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const leaks = (text: string, secrets: string[]): string[] => secrets.filter((secret) => text.includes(secret));

  it.each(['development', 'production'])(
    'a server never reached: the startup error names the URI without its password (%s)',
    async (mode) => {
      const password = `pw-${randomBytes(12).toString('hex')}`;
      const port = await closedPort();
      const result = await startMain({ NODE_ENV: mode, NEO4J_URI: `bolt://neo4j:${password}@127.0.0.1:${port}`, CURATOR_TOKENS: `alice=${token}` });
      expect('code' in result && result.code).toBe(1);
      const output = 'code' in result ? result.output : '';
      expect(output).toMatch(new RegExp(`^usmx-graph cannot start: cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port}: no server answered`, 'm'));
      expect(leaks(output, [password, token])).toEqual([]);
    },
    60_000,
  );

  it('a server that goes away: no answer or log line of any mode carries the password or a token', async () => {
    const { password, username } = neo4j;
    const url = new URL(neo4j.uri);
    const inUri = `${url.protocol}//${encodeURIComponent(username)}:${encodeURIComponent(password)}@${url.host}`;
    const setups: Array<Record<string, string>> = [
      { NODE_ENV: 'development', NEO4J_URI: inUri },
      { NODE_ENV: 'production', NEO4J_URI: inUri },
      { NODE_ENV: 'development', NEO4J_URI: neo4j.uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password },
      { NODE_ENV: 'production', NEO4J_URI: neo4j.uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password },
    ];
    const servers: Process[] = [];
    try {
      for (const env of setups) {
        const started = await startMain({ ...env, CURATOR_TOKENS: `alice=${token}` });
        if ('code' in started) throw new Error(`did not start (${started.code}): ${started.output}`);
        servers.push(started);
      }
      const before = await Promise.all(servers.map((s) => everyAnswer(s.url, token)));
      expect(before.map((b) => b.readyz.status)).toEqual([200, 200, 200, 200]);

      await neo4j.stop();
      const during = await Promise.all(servers.map((s) => everyAnswer(s.url, token)));
      for (const answers of during) {
        expect(answers.readyz.status).toBe(503);
        expect(JSON.parse(answers.readyz.body)).toMatchObject({
          status: 'unavailable',
          store: 'neo4j',
          reason: expect.stringContaining(`Neo4j at ${neo4j.uri} is unavailable`),
        });
        expect(JSON.parse(answers.query).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      }
      const codes = await Promise.all(servers.map((s) => s.stop()));
      expect(codes).toEqual([0, 0, 0, 0]);
      const everything = [...before, ...during].flatMap((a) => a.texts).join('\n') + servers.map((s) => s.output()).join('\n');
      // Something was said about the outage (the check below is not vacuous).
      expect(everything).toContain('is unavailable');
      expect(leaks(everything, [password, encodeURIComponent(password), token])).toEqual([]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }, 240_000);
});
