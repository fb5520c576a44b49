/**
 * HTTP: our server as shipped (`node dist/main.js`, production settings) against Apollo Server 5
 * serving the plain graphql-js schema (bench/http/plain-server.ts), both over the same data (the
 * seeds merged with the synthetic graph), both pinned to the server core(s); the load generator
 * (bench/http/load-worker.ts: autocannon, and an open-loop paced sender) runs in its own process
 * pinned to the client core. Every response body is checked; any bad body fails the run.
 *
 * Measured, in interleaved rounds (a warm-up round discarded, the order of the two servers
 * alternating round by round):
 * 1. maximum throughput on a mix of the reference queries (closed loop): ours / plain per round;
 * 2. p99 latency at a fixed rate, half the plain server's maximum from (1): plain p99 / ours p99
 *    per round (≥ 1: ours is no slower);
 * 3. maximum throughput per reference query; those with large answers (the 10k-item list, and
 *    depth-4 nesting, which reaches the synthetic hub topic) are left out of the mix and
 *    reported in a table of their own.
 *
 * `node --import tsx bench/http/main.ts` (BENCH_QUICK=1 for a smoke run). Builds dist/ first when
 * it is missing or older than src/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSeeds } from '../../src/seed';
import { assertEqual, assertOk, assertSameData, postGraphQL } from '../lib/check';
import { CAN_PIN, CLIENT_CORES, SERVER_CORES, pinned } from '../lib/cores';
import { ensureBuilt } from '../lib/build';
import { freePort } from '../lib/net';
import { writeSeedFiles } from '../lib/seed-files';
import { coefficientOfVariation, median } from '../lib/stats';
import { goal, goalCell, goalRecord, msCell, percentCell, ratioCell, writeResult, type Cell, type GoalRecord } from '../lib/report';
import { QUICK } from '../lib/env';
import { mainListLength } from '../plain/main-list';
import { REFERENCE_QUERIES, type ReferenceQuery } from '../queries';
import { generateDataset, mergeDatasets } from '../synth/generate';
import type { LoadJob, LoadRequest, LoadResult, WorkerMessage } from './load-worker';

const ROOT = path.join(__dirname, '..', '..');
const HOST = '127.0.0.1';
const SYNTHETIC_NODES = QUICK ? 8_000 : 40_000;
const SYNTH_SEED = 42;
/** Concurrent connections of the closed-loop (maximum throughput) runs. */
const CONNECTIONS = 10;
/** For queries with large answers: fewer connections (enough to keep the server busy), a fixed number of answers. */
const LARGE_CONNECTIONS = 2;
const MIX = { rounds: QUICK ? 2 : 8, warmupRounds: 1, seconds: QUICK ? 2 : 5 };
const PER_QUERY = { rounds: QUICK ? 1 : 5, warmupRounds: 1, seconds: QUICK ? 1 : 3 };
const GOAL = 0.9;
/** Clock ticks per second (`getconf CLK_TCK`, usually 100), the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
/** Our server's cost limit for the bench: the default (200,000) refuses depth-4 nesting (estimated ~31M over the 40k-node synthetic graph): the highest allowed. */
const MAX_QUERY_COST = 100_000_000;
/** Answers at least this large (JSON of `data`) are left out of the mix and measured on their own. */
const LARGE_ANSWER_BYTES = 100_000;
const BIG_LIST = 'list-10k';

function log(message: string): void {
  process.stderr.write(`http: ${message}\n`);
}

// ── Processes ──────────────────────────────────────────────────────────────────────────────────

interface Server {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
}

async function waitReady(name: string, base: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name}: the server exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name}: not ready within ${timeoutMs} ms`);
}

async function startServer(name: string, args: readonly string[], env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<Server> {
  const port = await freePort(HOST);
  const { command, args: full } = pinned(SERVER_CORES, process.execPath, args);
  // stdout (the request log of ours) goes to /dev/null; stderr stays visible for start-up problems.
  const child = spawn(command, full, { cwd: ROOT, env: { ...process.env, ...env, HOST, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  const base = `http://${HOST}:${port}`;
  await waitReady(name, base, child);
  return { name, url: `${base}/graphql`, child };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The load worker: one child process on the client core for the whole bench, jobs over IPC. */
class LoadWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: WorkerMessage) => {
      const id = 'result' in message ? message.result.id : message.id;
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      if ('result' in message) waiter?.resolve(message.result);
      else waiter?.reject(new Error(`load worker: ${message.error}`));
    });
    child.once('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load worker exited (${code})`));
      this.pending.clear();
    });
  }

  static start(children: ChildProcess[]): LoadWorker {
    const { command, args } = pinned(CLIENT_CORES, process.execPath, ['--import', 'tsx', path.join('bench', 'http', 'load-worker.ts')]);
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    return new LoadWorker(child);
  }

  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...job, id } as LoadJob);
    });
  }
}

// ── Measurement ────────────────────────────────────────────────────────────────────────────────

/** Throws unless every response of a run was a good body and nothing failed on the socket. */
function checkRun(result: LoadResult, where: string): LoadResult {
  if (result.bad > 0 || result.errors > 0) {
    throw new Error(
      `${where}: ${result.bad} bad bodies, ${result.errors} socket errors or timeouts (of ${result.responses} responses)${result.firstBad ? `; first: ${result.firstBad}` : ''}`,
    );
  }
  if (result.ok === 0) throw new Error(`${where}: no answers at all`);
  return result;
}

/** A run's result with the CPU time its server spent meanwhile. */
interface Measured extends LoadResult {
  /** Server CPU time (user + system, all threads, from /proc) per good answer, in ms; NaN without /proc. */
  readonly serverCpuMsPerAnswer: number;
}

interface RoundPair {
  readonly ours: Measured;
  readonly plain: Measured;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat; NaN without /proc. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

async function measured(worker: LoadWorker, server: Server, job: Omit<LoadJob, 'id'>, where: string): Promise<Measured> {
  const before = cpuMs(server.child.pid!);
  const result = checkRun(await worker.run(job), where);
  return { ...result, serverCpuMsPerAnswer: (cpuMs(server.child.pid!) - before) / result.ok };
}

/** Interleaved rounds: both servers per round, alternating which goes first; warm-up rounds discarded. */
async function interleaved(
  label: string,
  servers: { ours: Server; plain: Server },
  rounds: number,
  warmupRounds: number,
  job: (server: Server) => Omit<LoadJob, 'id'>,
  worker: LoadWorker,
): Promise<RoundPair[]> {
  const kept: RoundPair[] = [];
  for (let round = 0; round < warmupRounds + rounds; round++) {
    const order = round % 2 === 0 ? (['ours', 'plain'] as const) : (['plain', 'ours'] as const);
    const results: Partial<Record<'ours' | 'plain', Measured>> = {};
    for (const side of order) results[side] = await measured(worker, servers[side], job(servers[side]), `${label}, round ${round}, ${side}`);
    const pair = { ours: results.ours!, plain: results.plain! };
    const tag = round < warmupRounds ? 'warm-up' : `round ${round - warmupRounds + 1}/${rounds}`;
    const show = (r: Measured): string => `${r.throughput.toFixed(0)} req/s, p99 ${msCell(r.p99Ms)}, CPU ${msCell(r.serverCpuMsPerAnswer)}/answer`;
    log(`${label} ${tag}: ours ${show(pair.ours)}; plain ${show(pair.plain)}`);
    if (round >= warmupRounds) kept.push(pair);
  }
  return kept;
}

interface Summary {
  readonly ratios: number[];
  readonly ratio: number;
  readonly cv: number;
}

function summarize(pairs: readonly RoundPair[], ratio: (p: RoundPair) => number): Summary {
  const ratios = pairs.map(ratio);
  return { ratios, ratio: median(ratios), cv: coefficientOfVariation(ratios) };
}

function requestFor(query: ReferenceQuery, variables: Record<string, unknown>, items: number): LoadRequest {
  const operationName = /^\s*query\s+(\w+)/.exec(query.query)?.[1];
  return { name: query.id, body: JSON.stringify({ query: query.query, operationName, variables }), items };
}

const post = postGraphQL;

const rps = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} req/s`;

async function main(): Promise<void> {
  ensureBuilt(log);

  const started = Date.now();
  const synthetic = generateDataset({ nodes: SYNTHETIC_NODES, seed: SYNTH_SEED });
  const dataset = mergeDatasets(loadSeeds('seeds'), synthetic);
  const hub = synthetic.probes.hubTopicId;
  // Both servers read the data as seed YAML from SEEDS_DIR (ours as in production).
  const seedsDir = mkdtempSync(path.join(tmpdir(), 'usmx-bench-http-'));
  writeSeedFiles(seedsDir, dataset);
  log(
    `data: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships (seeds + ${SYNTHETIC_NODES} synthetic, seed ${SYNTH_SEED}) in ${Date.now() - started} ms`,
  );

  const children: ChildProcess[] = [];
  const killAll = (): void => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  };
  process.once('exit', killAll);
  try {
    const [ours, plain] = await Promise.all([
      startServer(
        'ours',
        ['dist/main.js'],
        // Production settings; LOG_LEVEL left at the production default (info: one line per request), the log discarded to
        // /dev/null. MAX_QUERY_COST raised from 200,000 so depth-4 (estimated cost ~31M) is served; the check still runs.
        // RESPONSE_CACHE off: this bench measures the uncached path (the cache bench measures the cache).
        {
          NODE_ENV: 'production',
          LOG_LEVEL: '',
          NEO4J_URI: '',
          SEEDS_DIR: seedsDir,
          JOURNAL_PATH: path.join(seedsDir, 'journal.jsonl'),
          MAX_QUERY_COST: String(MAX_QUERY_COST),
          RESPONSE_CACHE: 'off',
        },
        children,
      ),
      startServer('plain', ['--import', 'tsx', path.join('bench', 'http', 'plain-server.ts')], { NODE_ENV: 'production', SEEDS_DIR: seedsDir }, children),
    ]);
    const servers = { ours, plain };
    log(`servers ready in ${Date.now() - started} ms: ours ${ours.url}, plain ${plain.url}`);

    // One checked answer per query from each server: same data, and the length of the main list.
    const requests = new Map<string, LoadRequest>();
    const answerBytes = new Map<string, number>();
    /** Latency of the (cold) checked answer, the slower of the two servers: sizes the runs of large queries. */
    const firstAnswerMs = new Map<string, number>();
    for (const query of REFERENCE_QUERIES) {
      const variables: Record<string, unknown> = { ...query.variables, ...(query.query.includes('$hub') ? { hub } : {}) };
      const probe = requestFor(query, variables, -1);
      const t0 = performance.now();
      const a = await post(ours.url, probe.body);
      const t1 = performance.now();
      const b = await post(plain.url, probe.body);
      firstAnswerMs.set(query.id, Math.max(t1 - t0, performance.now() - t1));
      assertOk(a, `${query.id} (ours)`);
      assertOk(b, `${query.id} (plain)`);
      assertSameData(a.data, b.data, query.id);
      const items = mainListLength(a.data);
      if (items <= 0) throw new Error(`${query.id}: expected a non-empty main list, received ${JSON.stringify(a.data).slice(0, 200)}`);
      if (query.id === BIG_LIST) assertEqual(items, synthetic.probes.hubAddressedBy, `${query.id}: items`);
      requests.set(query.id, requestFor(query, variables, items));
      answerBytes.set(query.id, JSON.stringify(a.data).length);
    }
    log(`both servers give the same answers to all ${REFERENCE_QUERIES.length} reference queries`);

    const worker = LoadWorker.start(children);
    const isLarge = (q: ReferenceQuery): boolean => answerBytes.get(q.id)! >= LARGE_ANSWER_BYTES;
    /** Answers per run of a large query: about PER_QUERY.seconds at the first answer's pace, at least 4 per connection. */
    const largeAmount = (q: ReferenceQuery): number =>
      Math.max(4 * LARGE_CONNECTIONS, Math.round((PER_QUERY.seconds * 1000 * LARGE_CONNECTIONS) / firstAnswerMs.get(q.id)!));
    const mix = REFERENCE_QUERIES.filter((q) => !isLarge(q)).map((q) => requests.get(q.id)!);

    // 1. Maximum throughput on the mix.
    const maxPairs = await interleaved(
      'max throughput (mix)',
      servers,
      MIX.rounds,
      MIX.warmupRounds,
      (s) => ({ mode: 'max', url: s.url, seconds: MIX.seconds, connections: CONNECTIONS, requests: mix }),
      worker,
    );
    const throughput = summarize(maxPairs, (p) => p.ours.throughput / p.plain.throughput);
    const plainMax = median(maxPairs.map((p) => p.plain.throughput));
    const oursMax = median(maxPairs.map((p) => p.ours.throughput));

    // 2. p99 at a fixed rate: half the plain server's maximum.
    const rate = Math.max(1, Math.round(plainMax / 2));
    const pacedPairs = await interleaved(
      `p99 at ${rate} req/s (mix)`,
      servers,
      MIX.rounds,
      MIX.warmupRounds,
      (s) => ({ mode: 'paced', url: s.url, seconds: MIX.seconds, rate, requests: mix }),
      worker,
    );
    const p99 = summarize(pacedPairs, (p) => p.plain.p99Ms / p.ours.p99Ms);
    const cpu = summarize(maxPairs, (p) => p.plain.serverCpuMsPerAnswer / p.ours.serverCpuMsPerAnswer);

    // 3. Maximum throughput per query (the 10k-item list on its own).
    const perQuery: Array<{ query: ReferenceQuery; pairs: RoundPair[]; summary: Summary }> = [];
    for (const query of REFERENCE_QUERIES) {
      const request = requests.get(query.id)!;
      const pairs = await interleaved(
        `max throughput (${query.id})`,
        servers,
        PER_QUERY.rounds,
        PER_QUERY.warmupRounds,
        (s) =>
          isLarge(query)
            ? { mode: 'max', url: s.url, seconds: 0, amount: largeAmount(query), connections: LARGE_CONNECTIONS, requests: [request] }
            : { mode: 'max', url: s.url, seconds: PER_QUERY.seconds, connections: CONNECTIONS, requests: [request] },
        worker,
      );
      perQuery.push({ query, pairs, summary: summarize(pairs, (p) => p.ours.throughput / p.plain.throughput) });
    }
    worker.child.disconnect();

    const misses: string[] = [];
    const goals: GoalRecord[] = [];
    const met = (figure: number, what: string, measure = what): string => {
      const g = goal(figure, '>=', GOAL);
      if (!g.met) misses.push(`HTTP ${what}: ${ratioCell(figure)}, goal ${g.text}`);
      goals.push(goalRecord(measure, ratioCell(figure), g));
      return goalCell(g);
    };
    const mixNames = mix.map((r) => `\`${r.name}\``).join(', ');
    const mixRows: Cell[][] = [
      [
        'max throughput',
        rps(oursMax),
        rps(plainMax),
        `ours / plain throughput: ${ratioCell(throughput.ratio)}`,
        percentCell(throughput.cv),
        met(throughput.ratio, 'max throughput on the mix, ours / plain'),
      ],
      [
        `p99 latency at ${rate} req/s`,
        msCell(median(pacedPairs.map((p) => p.ours.p99Ms))),
        msCell(median(pacedPairs.map((p) => p.plain.p99Ms))),
        `plain p99 / ours p99: ${ratioCell(p99.ratio)}`,
        percentCell(p99.cv),
        met(p99.ratio, `p99 at ${rate} req/s on the mix, plain p99 / ours p99`),
      ],
      [
        'server CPU per answer (in the max-throughput runs)',
        msCell(median(maxPairs.map((p) => p.ours.serverCpuMsPerAnswer))),
        msCell(median(maxPairs.map((p) => p.plain.serverCpuMsPerAnswer))),
        `plain / ours: ${ratioCell(cpu.ratio)}`,
        percentCell(cpu.cv),
        '— (explains the throughput)',
      ],
    ];
    const queryRow = ({ query, pairs, summary }: (typeof perQuery)[number]): Cell[] => [
      query.title,
      `${(answerBytes.get(query.id)! / 1000).toFixed(answerBytes.get(query.id)! < 10_000 ? 1 : 0)} kB`,
      rps(median(pairs.map((p) => p.ours.throughput))),
      rps(median(pairs.map((p) => p.plain.throughput))),
      ratioCell(summary.ratio),
      percentCell(summary.cv),
      met(summary.ratio, `max throughput on ${query.id}, ours / plain`, `${query.title}: max throughput, ours / plain`),
      `${msCell(median(pairs.map((p) => p.ours.serverCpuMsPerAnswer)))} / ${msCell(median(pairs.map((p) => p.plain.serverCpuMsPerAnswer)))}`,
    ];
    const small = perQuery.filter((q) => !isLarge(q.query));
    const large = perQuery.filter((q) => isLarge(q.query));

    // One paragraph; the set-up in full (and why), the checks and the profiles are in bench/notes/http.md.
    const pinning = CAN_PIN ? `servers on core(s) ${SERVER_CORES}, the load generator on core ${CLIENT_CORES}` : 'no core pinning';
    const method = [
      `Our server as shipped (\`node dist/main.js\`, \`NODE_ENV=production\`, the memory store, \`RESPONSE_CACHE=off\` so every answer is executed, the request log on) ` +
        `against Apollo Server 5 serving the plain graphql-js schema (\`bench/http/plain-server.ts\`, also on Express 5, no plugins), ` +
        `both reading the seeds and a ${SYNTHETIC_NODES.toLocaleString('en-US')}-node synthetic graph from the same seed YAML. ` +
        `autocannon in its own process (${pinning}) measures max throughput on a mix of ${mixNames} (${CONNECTIONS} connections, ` +
        `${MIX.rounds} interleaved rounds of ${MIX.seconds} s after ${MIX.warmupRounds} warm-up), p99 at a paced rate of half the plain server's maximum (${rate} req/s), ` +
        `and each query alone (${PER_QUERY.rounds} rounds; answers of ${LARGE_ANSWER_BYTES / 1000} kB or more apart, with ${LARGE_CONNECTIONS} connections). ` +
        `Every body is checked. Goal: ours / plain throughput, and plain / ours p99, ≥ ${GOAL}.`,
      QUICK ? '**BENCH_QUICK=1: a smoke run with few, short rounds; the figures are not meaningful.**' : '',
    ]
      .filter(Boolean)
      .join('\n\n');

    const file = writeResult(
      {
        id: 'http',
        order: 20,
        title: 'HTTP: our server vs Apollo Server with the plain schema',
        method,
        goals,
        tables: [
          {
            title: `Mix of ${mix.length} reference queries`,
            description: `Max throughput: good answers per second, median over rounds; ratio = median of the per-round ours / plain. p99: at a paced rate of half the plain server’s maximum, median over rounds; ratio = median of the per-round plain p99 / ours p99. Higher is better for both; goal ≥ ${GOAL}. Server CPU per answer: the server’s user + system CPU time during the max-throughput runs over its good answers (steadier than throughput on a busy machine).`,
            columns: ['measure', 'ours', 'plain', 'ratio', 'CV', 'goal'],
            rows: mixRows,
          },
          {
            title: 'Max throughput per reference query',
            description:
              'Good answers per second, median over rounds; answer = size of the JSON `data`; ratio = median over rounds of ours / plain (higher is better); server CPU per answer as above (medians).',
            columns: ['query', 'answer', 'ours', 'plain', 'ratio ours/plain', 'CV', 'goal', 'server CPU per answer, ours / plain'],
            rows: small.map(queryRow),
          },
          {
            title: 'Reference queries with large answers (left out of the mix)',
            description: `Max throughput on each query alone; answer = size of the JSON \`data\`. The 10k-item list (${synthetic.probes.hubAddressedBy.toLocaleString('en-US')} entities) and depth-4 nesting (its dialogues address the synthetic hub topic, so it walks the hub's whole list) would dominate a mix. Ratio = median over rounds of ours / plain.`,
            columns: ['query', 'answer', 'ours', 'plain', 'ratio ours/plain', 'CV', 'goal', 'server CPU per answer, ours / plain'],
            rows: large.map(queryRow),
          },
        ],
        misses,
      },
      {
        quick: QUICK,
        syntheticNodes: SYNTHETIC_NODES,
        syntheticSeed: SYNTH_SEED,
        connections: CONNECTIONS,
        mix: { ...MIX, queries: mix.map((r) => r.name) },
        perQuery: PER_QUERY,
        maxThroughput: { ...throughput, rounds: maxPairs },
        p99AtRate: { rate, ...p99, rounds: pacedPairs },
        queries: perQuery.map(({ query, pairs, summary }) => ({ id: query.id, ...summary, rounds: pairs })),
      },
    );
    log(`wrote ${file}${misses.length ? `; missed: ${misses.join(' | ')}` : '; every goal met'}`);
  } finally {
    await Promise.all(children.map(stopChild));
    rmSync(seedsDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`http: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
