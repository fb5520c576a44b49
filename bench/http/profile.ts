/**
 * Where the HTTP bench's servers spend their CPU (not part of `npm run bench`): starts our server
 * (`dist/main.js`, production settings, as bench/http/main.ts does) and then the plain one
 * (bench/http/plain-server.ts) under `node --cpu-prof`, each alone on the server core, loads
 * each with autocannon for PROFILE_SECONDS on a query mix, stops it with SIGTERM so V8 writes the
 * profile, and prints for the loaded window only (samples before the load are dropped):
 * - CPU per answer, from the samples;
 * - self time by package (node_modules/<package>, our src/ files, node internals, GC);
 * - the functions with the most self time and the most inclusive time.
 *
 * `node --import tsx bench/http/profile.ts` with, optionally, PROFILE_QUERIES (comma-separated
 * reference query ids; default the HTTP bench's mix), PROFILE_SECONDS (default 15),
 * PROFILE_SYNTHETIC_NODES (default 40,000, as the HTTP bench), PROFILE_SIDES (`ours,plain`),
 * PROFILE_TOP (rows per table, default 25), PROFILE_KEEP=1 (keep the .cpuprofile files, for
 * Chrome DevTools or speedscope; their directory is printed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadSeeds } from '../../src/seed';
import { ensureBuilt } from '../lib/build';
import { assertOk } from '../lib/check';
import { analyze, table, type CpuProfile } from '../lib/cpuprofile';
import { CLIENT_CORES, SERVER_CORES, pinSelf, pinned } from '../lib/cores';
import { freePort } from '../lib/net';
import { flagEnv, listEnv, positiveIntEnv } from '../lib/env';
import { writeSeedFiles } from '../lib/seed-files';
import { REFERENCE_QUERIES } from '../queries';
import { generateDataset, mergeDatasets } from '../synth/generate';

const ROOT = path.join(__dirname, '..', '..');
const HOST = '127.0.0.1';

const SECONDS = positiveIntEnv('PROFILE_SECONDS', 15);
const NODES = positiveIntEnv('PROFILE_SYNTHETIC_NODES', 40_000);
const TOP = positiveIntEnv('PROFILE_TOP', 25);
const MIX_IDS = listEnv('PROFILE_QUERIES', ['search', 'fentanyl-dialogues', 'list-20x3']);
const SIDES = listEnv('PROFILE_SIDES', ['ours', 'plain']);

// ── Servers and load ───────────────────────────────────────────────────────────────────────────

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not ready within 180 s');
}

function load(url: string, bodies: readonly string[], seconds: number): Promise<autocannon.Result> {
  const requests = bodies.map((body) => ({ method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body }));
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 10, duration: seconds, requests }, (error, result) => (error ? reject(error as Error) : resolve(result)));
  });
}

async function profileSide(side: string, seedsDir: string, bodies: readonly string[], profileDir: string): Promise<void> {
  const args =
    side === 'ours'
      ? ['dist/main.js']
      : side === 'plain'
        ? ['--import', 'tsx', path.join('bench', 'http', 'plain-server.ts')]
        : ((): never => {
            throw new Error(`PROFILE_SIDES: expected ours and/or plain, received ${JSON.stringify(side)}`);
          })();
  const env =
    side === 'ours'
      ? {
          NODE_ENV: 'production',
          LOG_LEVEL: process.env.LOG_LEVEL ?? '',
          NEO4J_URI: '',
          SEEDS_DIR: seedsDir,
          JOURNAL_PATH: path.join(seedsDir, 'journal.jsonl'),
          MAX_QUERY_COST: '100000000',
          RESPONSE_CACHE: 'off',
        }
      : { NODE_ENV: 'production', SEEDS_DIR: seedsDir };
  const dir = path.join(profileDir, side);
  const port = await freePort(HOST);
  const { command, args: full } = pinned(SERVER_CORES, process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...args]);
  const child = spawn(command, full, { cwd: ROOT, env: { ...process.env, ...env, HOST, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://${HOST}:${port}`;
  try {
    await waitReady(base, child);
    for (const body of bodies) {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assertOk((await res.json()) as Parameters<typeof assertOk>[0], `${side}: ${body.slice(0, 60)}`);
    }
    await load(base, bodies, 3); // warm-up, before the window
    const started = performance.now();
    const result = await load(base, bodies, SECONDS);
    child.kill('SIGTERM');
    await exited;
    const windowMs = performance.now() - started;
    const answers = result.requests.total - result.non2xx - result.errors;
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`${side}: no .cpuprofile written in ${dir}`);
    const a = analyze(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile, windowMs);
    console.log(
      `\n═══ ${side}: ${answers} answers in ${(windowMs / 1000).toFixed(1)} s (${(answers / (windowMs / 1000)).toFixed(0)}/s, ${result.non2xx} non-2xx); ` +
        `busy ${(a.busyMs / 1000).toFixed(1)} s of ${(a.sampledMs / 1000).toFixed(1)} s sampled, ${((1000 * a.busyMs) / answers).toFixed(0)} µs CPU per answer (main thread)`,
    );
    console.log(table('self time by package', a.selfByPackage, a.busyMs, answers, TOP));
    console.log(table('self time by function', a.selfByFunction, a.busyMs, answers, TOP));
    console.log(table('inclusive time by function', a.inclusiveByFunction, a.busyMs, answers, TOP * 2));
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  ensureBuilt((m) => process.stderr.write(`profile: ${m}\n`));
  pinSelf(CLIENT_CORES);
  const synthetic = generateDataset({ nodes: NODES, seed: 42 });
  const dataset = mergeDatasets(loadSeeds('seeds'), synthetic);
  const seedsDir = mkdtempSync(path.join(tmpdir(), 'usmx-profile-http-'));
  const profileDir = mkdtempSync(path.join(tmpdir(), 'usmx-cpuprofile-'));
  try {
    writeSeedFiles(seedsDir, dataset);
    const bodies = MIX_IDS.map((id) => {
      const q = REFERENCE_QUERIES.find((r) => r.id === id);
      if (!q) throw new Error(`PROFILE_QUERIES: no reference query ${JSON.stringify(id)}; expected one of ${REFERENCE_QUERIES.map((r) => r.id).join(', ')}`);
      const variables = { ...q.variables, ...(q.query.includes('$hub') ? { hub: synthetic.probes.hubTopicId } : {}) };
      return JSON.stringify({ query: q.query, operationName: /^\s*query\s+(\w+)/.exec(q.query)?.[1], variables });
    });
    console.log(`data: ${dataset.nodes.length} nodes; mix: ${MIX_IDS.join(', ')}; ${SECONDS} s of load per server, 10 connections`);
    for (const side of SIDES) await profileSide(side, seedsDir, bodies, profileDir);
  } finally {
    rmSync(seedsDir, { recursive: true, force: true });
    if (flagEnv('PROFILE_KEEP')) console.log(`\nprofiles kept in ${profileDir}`);
    else rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`profile: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
