/** The kill-restart scenario shared by the memory and Neo4j tests. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  /** The GraphQL endpoint. */
  readonly url: string;
  output(): string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

const METRIC = 'southwest-border-apprehensions';

interface Write {
  readonly kind: 'entity' | 'observation';
  readonly key: string;
  readonly query: string;
}

function write(i: number): Write {
  if (i % 3 === 0) {
    const id = `curated-topic-${i}`;
    return {
      kind: 'entity',
      key: id,
      query: `mutation { createEntity(input: { id: "${id}", kind: Topic, name: "Curated topic ${i}" }, sources: ["deck-2022#1"]) { entity { id } recordedBy } }`,
    };
  }
  const day = new Date(Date.UTC(2040, 0, 1 + i)).toISOString().slice(0, 10);
  return {
    kind: 'observation',
    key: day,
    query: `mutation { addObservation(input: { metric: "${METRIC}", value: ${i}, period: "${day}" }, sources: ["deck-2022#1"]) { observation { id } recordedAt } }`,
  };
}

async function post(
  url: string,
  query: string,
  token?: string,
): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: unknown[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] } };
}

/**
 * Starts the server, streams writes from 4 concurrent clients, SIGKILLs the server once `killAfter`
 * writes are acknowledged (others in flight), restarts it, and lists acknowledged writes missing.
 */
export async function runKillRestart(start: () => Promise<ServerProcess>, token: string, killAfter = 30): Promise<{ acknowledged: number; missing: string[] }> {
  const first = await start();
  const acknowledged: Write[] = [];
  let next = 0;
  let dead = false;
  let killing: Promise<void> | null = null;
  const client = async (): Promise<void> => {
    while (!dead) {
      const w = write(next++);
      try {
        const { status, body } = await post(first.url, w.query, token);
        if (status === 200 && body.data && !body.errors) acknowledged.push(w);
        else if (!dead) throw new Error(`write refused: ${JSON.stringify(body)}`);
      } catch (error) {
        if (!dead) throw error;
      }
      if (acknowledged.length >= killAfter && !killing) {
        dead = true;
        killing = first.kill();
      }
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  await killing;

  const second = await start();
  try {
    const missing: string[] = [];
    const entities = acknowledged.filter((w) => w.kind === 'entity');
    for (const w of entities) {
      const { body } = await post(second.url, `{ entity(id: "${w.key}") { id } }`);
      if ((body.data?.entity as { id?: string } | null)?.id !== w.key) missing.push(w.key);
    }
    const { body } = await post(second.url, `{ entity(id: "${METRIC}") { ... on Metric { observations(from: "2040") { period } } } }`);
    const periods = new Set(((body.data?.entity as { observations?: { period: string }[] })?.observations ?? []).map((o) => o.period));
    for (const w of acknowledged.filter((a) => a.kind === 'observation')) if (!periods.has(w.key)) missing.push(w.key);
    return { acknowledged: acknowledged.length, missing };
  } finally {
    await second.kill();
  }
}

/** Starts src/main.ts as `npm start` would (through tsx), on a free port, with `env`. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = /at (http:\/\/localhost:\d+\/)/.exec(out);
      if (match) clearTimeout(timer);
      if (match) resolve({ url: `${match[1]}graphql`, output: () => out, kill: () => killed(child) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
