/**
 * Scaling benchmark (section `scaling`): how the stores' basic operations cost as the graph grows
 * from 1k to 1M nodes (memory) and 1k to 100k nodes (Neo4j), on the deterministic synthetic graph
 * of bench/synth (same ontology as the seeds, fixed fan-out: 3–4 edges out and at most 24 in per
 * entity at every size, plus one hub topic that the probes stay away from).
 *
 * Run from the repo root, with a big heap and the GC exposed (heap bytes per node is measured
 * between two forced collections):
 *
 *     node --import tsx --expose-gc --max-old-space-size=16384 bench/scaling/main.ts
 *
 * Environment: BENCH_QUICK=1 (1k and 10k only, few samples); BENCH_SCALING_MAX (largest memory
 * size, default 1000000); BENCH_SCALING_NEO4J_MAX (largest Neo4j size, default 100000; 0 skips
 * Neo4j); BENCH_NEO4J_URI etc. (bench/lib/neo4j.ts) to use a running Neo4j instead of the test one.
 *
 * Per size and store: load time (memory: `new MemoryStore(dataset)`; Neo4j: the production seed
 * writer, `writeDataset`, batches of 5000), heap bytes per node (memory only: heapUsed after the
 * store is built and the generated Dataset dropped, minus heapUsed before generating, both after
 * `gc()`, divided by the node count: everything the store holds per node, edges and indexes
 * included), and the p50 of five operations through the GraphStore port, each cycling through
 * the generator's probes so no single key stays hot:
 *   - id lookup: getNodesByIds([id]);
 *   - 1-hop: getRelationships([{ id, BOTH }]);
 *   - 2-hop: 1-hop, then ONE batched getRelationships over the distinct neighbours;
 *   - search: search({ text: probe word, limit: 10 }) (each probe word names 5 nodes);
 *   - connections: findConnections (the algorithm the `connections` query runs) between a probe
 *     pair 2–4 hops apart, maxHops 4, first 5, over every edge type but ADDRESSES (the hub's).
 * Every answer is checked against the generated graph (node id, exact edge counts for 1-hop and
 * 2-hop, the 5 search hits, a path of the expected length), so an error can't pass for speed.
 *
 * The goal is relative to a baseline in the same process at each size (bench/scaling/csr.ts: the
 * same graph in a typed-array CSR, the same probes, 1-hop and 2-hop, the same checks): the memory
 * store's 1-hop and 2-hop p50 within 1.3× of the baseline's, and its heap per node beside the
 * CSR's. (The old goal, the 1M figure within 1.5× of the 1k one, measured the memory chips: no
 * structure keeps it once the graph outgrows the CPU caches.)
 */
import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { findConnections, type GraphStore } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { connectExecutor } from '../../src/store/neo4j';
import { measureLatency, type LatencyStats, type Side } from '../lib/ab';
import { assertEqual } from '../lib/check';
import { CAN_PIN, CLIENT_CORES, pinSelf } from '../lib/cores';
import { benchNeo4j, loadIntoNeo4j } from '../lib/neo4j';
import { countingStore } from '../../test/helpers/counting-store';
import { goal, goalCell, goalRecord, msCell, ratioCell, writeResult, type Cell, type GoalRecord, type Table } from '../lib/report';
import { QUICK, intEnv } from '../lib/env';
import { buildCsr, csrOneHop, csrTwoHop, type Csr } from './csr';
import { CONNECTION_EDGE_TYPES, generateDataset, NODES_PER_SEARCH_TERM, type SynthDataset, type SynthProbes } from '../synth/generate';
import { collectGarbage } from '../lib/gc';

const MEMORY_SIZES = (QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000]).filter((n) => n <= intEnv('BENCH_SCALING_MAX', { fallback: 1_000_000 }));
const NEO4J_SIZES = (QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000]).filter((n) => n <= intEnv('BENCH_SCALING_NEO4J_MAX', { fallback: 100_000 }));
/** measureLatency options per store and operation: connections are slower, Neo4j needs a longer JIT warm-up. */
const SAMPLES = {
  memory: QUICK ? { samples: 40, warmup: 10 } : { samples: 600, warmup: 100 },
  neo4j: QUICK ? { samples: 20, warmup: 20 } : { samples: 300, warmup: 200 },
  connections: QUICK ? { samples: 20, warmup: 5 } : { samples: 150, warmup: 30 },
} as const;
/** Goal on the memory store's 1-hop and 2-hop p50 as a multiple of the CSR baseline's, at every size. */
const BASELINE_GOAL = 1.3;
const BASELINE_OPERATIONS = ['1-hop', '2-hop'] as const;
type BaselineOperation = (typeof BASELINE_OPERATIONS)[number];
/** Heap the 1M run needs (measured about 6 GiB; the generated Dataset and the store coexist while building). */
const HEAP_NEEDED_1M = 12 * 2 ** 30;

const OPERATIONS = ['lookup', '1-hop', '2-hop', 'search', 'connections', '1-hop-warm', '2-hop-warm'] as const;
type Operation = (typeof OPERATIONS)[number];
/** Diagnostics, memory store only: the same hops with each probe repeated, so its data is in the CPU caches. */
const WARM_OPERATIONS: ReadonlySet<Operation> = new Set(['1-hop-warm', '2-hop-warm']);
/** How many times in a row a warm diagnostic repeats one probe. */
const WARM_REPEAT = 50;
const OPERATION_TITLES: Record<Operation, string> = {
  lookup: 'id lookup (getNodesByIds, 1 id)',
  '1-hop': '1-hop (getRelationships, BOTH)',
  '2-hop': '2-hop (1-hop, then one batch over the neighbours)',
  search: 'search (a probe word, limit 10)',
  connections: 'connections (2–4 hops apart, maxHops 4)',
  '1-hop-warm': `diagnostic: 1-hop, each probe ${WARM_REPEAT}× in a row (caches warm)`,
  '2-hop-warm': `diagnostic: 2-hop, each probe ${WARM_REPEAT}× in a row (caches warm)`,
};

function log(message: string): void {
  console.error(`[scaling] ${message}`);
}

/** What a structure costs in memory: the JS heap plus ArrayBuffers (typed arrays' backing stores live outside the heap). */
function memoryUsed(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Two full collections (the second frees what the first's finalizers released). */
function gc(): void {
  collectGarbage();
  collectGarbage();
}

/** What each probe should answer, computed from the generated graph (not from a store). */
interface Expected {
  readonly probes: SynthProbes;
  /** Edges touching each lookup id (1-hop hit count). */
  readonly degree: ReadonlyMap<string, number>;
  /** Sum of the edge counts of each lookup id's distinct neighbours (2-hop hit count). */
  readonly secondHop: ReadonlyMap<string, number>;
}

function meanHits(expected: Expected): { oneHop: number; twoHop: number } {
  const ids = expected.probes.lookupIds;
  const mean = (m: ReadonlyMap<string, number>): number => ids.reduce((sum, id) => sum + (m.get(id) ?? 0), 0) / ids.length;
  return { oneHop: mean(expected.degree), twoHop: mean(expected.secondHop) };
}

function expectations(dataset: SynthDataset): Expected {
  const probes = new Set(dataset.probes.lookupIds);
  const degree = new Map<string, number>();
  const neighbours = new Map<string, Set<string>>();
  for (const id of probes) neighbours.set(id, new Set());
  for (const r of dataset.relationships) {
    if (probes.has(r.from)) {
      degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
      neighbours.get(r.from)!.add(r.to);
    }
    if (probes.has(r.to)) {
      degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
      neighbours.get(r.to)!.add(r.from);
    }
  }
  const wanted = new Map<string, number>();
  for (const set of neighbours.values()) for (const id of set) wanted.set(id, 0);
  for (const r of dataset.relationships) {
    if (wanted.has(r.from)) wanted.set(r.from, wanted.get(r.from)! + 1);
    if (wanted.has(r.to)) wanted.set(r.to, wanted.get(r.to)! + 1);
  }
  const secondHop = new Map<string, number>();
  for (const [id, set] of neighbours) {
    let sum = 0;
    for (const v of set) sum += wanted.get(v)!;
    secondHop.set(id, sum);
  }
  return { probes: dataset.probes, degree, secondHop };
}

/**
 * A Side that cycles through `keys`, so successive operations touch different parts of the graph;
 * with `repeat` > 1 each key is used that many times in a row (the warm-cache diagnostics).
 */
function cycling<K>(name: string, keys: readonly K[], run: (key: K) => Promise<void>, repeat = 1): Side {
  let next = 0;
  return {
    name,
    run: () => {
      const key = keys[Math.floor(next / repeat)];
      next = (next + 1) % (keys.length * repeat);
      return run(key);
    },
  };
}

function sides(store: GraphStore, expected: Expected): Record<Operation, Side> {
  const { probes } = expected;
  const where = (what: string, key: string): string => `${store.name} ${what} ${key}`;
  const oneHop = async (id: string): Promise<void> => {
    const [hits] = await store.getRelationships([{ nodeId: id, direction: 'BOTH' }]);
    assertEqual(hits.length, expected.degree.get(id) ?? 0, where('1-hop', id));
  };
  const twoHop = async (id: string): Promise<void> => {
    const [hits] = await store.getRelationships([{ nodeId: id, direction: 'BOTH' }]);
    const neighbours = [...new Set(hits.map((h) => h.other.id))];
    const second = await store.getRelationships(neighbours.map((nodeId) => ({ nodeId, direction: 'BOTH' as const })));
    let total = 0;
    for (const list of second) total += list.length;
    assertEqual(total, expected.secondHop.get(id) ?? 0, where('2-hop', id));
  };
  return {
    lookup: cycling('lookup', probes.lookupIds, async (id) => {
      const [node] = await store.getNodesByIds([id]);
      if (node?.id !== id) throw new Error(`${where('lookup', id)}: expected the node, received ${JSON.stringify(node)?.slice(0, 200)}`);
    }),
    '1-hop': cycling('1-hop', probes.lookupIds, oneHop),
    '2-hop': cycling('2-hop', probes.lookupIds, twoHop),
    '1-hop-warm': cycling('1-hop-warm', probes.lookupIds, oneHop, WARM_REPEAT),
    '2-hop-warm': cycling('2-hop-warm', probes.lookupIds, twoHop, WARM_REPEAT),
    search: cycling('search', probes.searchTerms, async (term) => {
      const hits = await store.search({ text: term, limit: 10 });
      assertEqual(hits.length, NODES_PER_SEARCH_TERM, where('search', term));
      for (const h of hits)
        if (!h.node.name.toLowerCase().includes(term)) throw new Error(`${where('search', term)}: hit ${h.node.id} "${h.node.name}" does not name the term`);
    }),
    connections: cycling('connections', probes.connectionPairs, async ([from, to]) => {
      const result = await findConnections(store, { from, to, maxHops: 4, edgeTypes: CONNECTION_EDGE_TYPES, first: 5 });
      const length = result.shortestLength;
      const path = result.paths[0];
      if (length === null || length < 2 || length > 4 || !path || path.nodes[0].id !== from || path.nodes[path.nodes.length - 1].id !== to) {
        throw new Error(
          `${where('connections', `${from} → ${to}`)}: expected a path of 2–4 hops, received shortestLength ${length} and ${result.paths.length} paths`,
        );
      }
    }),
  };
}

/** Runs each connection pair once through a counting proxy: how many nodes the search expanded, on average. */
async function connectionsWork(store: GraphStore, probes: SynthProbes): Promise<number> {
  const counting = countingStore(store);
  for (const [from, to] of probes.connectionPairs) {
    await findConnections(counting.store, { from, to, maxHops: 4, edgeTypes: CONNECTION_EDGE_TYPES, first: 5 });
  }
  const expanded = counting.calls.filter((c) => c.method === 'getRelationships').reduce((sum, c) => sum + c.keys, 0);
  return expanded / probes.connectionPairs.length;
}

function operationsFor(store: GraphStore): Operation[] {
  return OPERATIONS.filter((op) => store.name === 'memory' || !WARM_OPERATIONS.has(op));
}

/**
 * Runs every operation `iterations` times untimed: the first size measured must not pay for the
 * JIT (V8's, and Neo4j's JVM's), or it would flatter every ratio to it.
 */
async function warmUp(store: GraphStore, expected: Expected, iterations: number): Promise<void> {
  const all = sides(store, expected);
  for (const op of operationsFor(store)) {
    const n = op === 'connections' ? Math.ceil(iterations / 20) : iterations;
    for (let i = 0; i < n; i++) await all[op].run();
  }
}

async function measureAll(store: GraphStore, expected: Expected): Promise<Partial<Record<Operation, LatencyStats>>> {
  const all = sides(store, expected);
  const out: Partial<Record<Operation, LatencyStats>> = {};
  for (const op of operationsFor(store)) {
    const options = op === 'connections' ? SAMPLES.connections : store.name === 'neo4j' ? SAMPLES.neo4j : SAMPLES.memory;
    const stats = await measureLatency(all[op], options);
    out[op] = stats;
    log(`  ${op}: p50 ${msCell(stats.p50Ms)} (${stats.samples} samples)`);
  }
  return out;
}

interface SizeResult {
  readonly nodes: number;
  readonly relationships: number;
  readonly observations: number;
  readonly generateMs: number;
  readonly loadMs: number;
  /** Memory store only. */
  readonly heapBytesPerNode: number | null;
  /** Mean edges a probe's 1-hop and 2-hop return: the work, which the fixed fan-out keeps constant. */
  readonly meanHits: { readonly oneHop: number; readonly twoHop: number };
  /** Mean nodes whose edges a connections query fetched (its breadth-first search): its work. */
  readonly connectionsExpanded: number;
  readonly latency: Partial<Record<Operation, LatencyStats>>;
  /** Memory store only: the CSR baseline over the same graph. */
  readonly baseline: BaselineResult | null;
}

interface BaselineResult {
  readonly buildMs: number;
  readonly heapBytesPerNode: number;
  readonly latency: Record<BaselineOperation, LatencyStats>;
}

function baselineSides(csr: Csr, expected: Expected): Record<BaselineOperation, Side> {
  const where = (what: string, key: string): string => `CSR baseline ${what} ${key}`;
  return {
    '1-hop': cycling('1-hop', expected.probes.lookupIds, async (id) => {
      assertEqual(csrOneHop(csr, id).length, expected.degree.get(id) ?? 0, where('1-hop', id));
    }),
    '2-hop': cycling('2-hop', expected.probes.lookupIds, async (id) => {
      let total = 0;
      for (const list of csrTwoHop(csr, id)) total += list.length;
      assertEqual(total, expected.secondHop.get(id) ?? 0, where('2-hop', id));
    }),
  };
}

/**
 * The same graph (generated again: the generator is deterministic) in the CSR baseline, its heap
 * per node measured as the store's is, then the same 1-hop and 2-hop probes, warmed up first.
 */
async function runBaseline(nodes: number, expected: Expected): Promise<BaselineResult> {
  gc();
  const before = memoryUsed();
  let dataset: SynthDataset | null = generateDataset({ nodes });
  const started = performance.now();
  const csr = buildCsr(dataset);
  const buildMs = performance.now() - started;
  dataset = null;
  gc();
  const heapBytesPerNode = (memoryUsed() - before) / nodes;
  log(`  CSR baseline built in ${msCell(buildMs)}, ${Math.round(heapBytesPerNode)} bytes per node`);
  const all = baselineSides(csr, expected);
  const latency = {} as Record<BaselineOperation, LatencyStats>;
  for (const op of BASELINE_OPERATIONS) {
    for (let i = 0; i < (QUICK ? 200 : 3000); i++) await all[op].run();
    latency[op] = await measureLatency(all[op], SAMPLES.memory);
    log(`  CSR ${op}: p50 ${usCell(latency[op].p50Ms)}`);
  }
  return { buildMs, heapBytesPerNode, latency };
}

async function runMemory(nodes: number, first: boolean): Promise<SizeResult> {
  log(`memory, ${nodes.toLocaleString('en-US')} nodes: generating`);
  gc();
  const heapBefore = memoryUsed();
  let started = performance.now();
  let dataset: SynthDataset | null = generateDataset({ nodes });
  const generateMs = performance.now() - started;
  const counts = { relationships: dataset.relationships.length, observations: dataset.observations.length };
  log(`  generated ${counts.relationships.toLocaleString('en-US')} edges in ${msCell(generateMs)}; building the store`);
  started = performance.now();
  let store: MemoryStore | null = new MemoryStore(dataset);
  const loadMs = performance.now() - started;
  const expected = expectations(dataset);
  dataset = null;
  if (first) await warmUp(store, expected, QUICK ? 200 : 3000);
  gc();
  const heapBytesPerNode = (memoryUsed() - heapBefore) / nodes;
  log(`  store built in ${msCell(loadMs)}, ${Math.round(heapBytesPerNode)} heap bytes per node`);
  const latency = await measureAll(store, expected);
  await store.close();
  const connectionsExpanded = await connectionsWork(store, expected.probes);
  store = null;
  const baseline = await runBaseline(nodes, expected);
  return { nodes, ...counts, generateMs, loadMs, heapBytesPerNode, meanHits: meanHits(expected), connectionsExpanded, latency, baseline };
}

async function runNeo4j(sizes: readonly number[]): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  if (sizes.length === 0) return results;
  log('starting Neo4j');
  const neo4j = await benchNeo4j();
  const pinnedSelf = CAN_PIN && pinSelf(CLIENT_CORES);
  log(`Neo4j at ${neo4j.uri} (Neo4j pinned: ${neo4j.pinned}, this process pinned to core ${pinnedSelf ? CLIENT_CORES : '-'})`);
  try {
    for (const nodes of sizes) {
      log(`neo4j, ${nodes.toLocaleString('en-US')} nodes: generating`);
      let started = performance.now();
      const dataset = generateDataset({ nodes });
      const generateMs = performance.now() - started;
      // Remove the project's nodes first, so the timed load is the write alone, not the previous size's deletion.
      // Ten minutes, as for the load below: removing 100k nodes may take longer than the default 10 s.
      const cleaner = await connectExecutor({ ...neo4j, timeoutMs: 600_000 });
      await cleaner.execute('seed/delete-project', {}, 'auto-commit');
      await cleaner.driver.close();
      log(`  writing ${dataset.relationships.length.toLocaleString('en-US')} edges with the seed writer`);
      started = performance.now();
      // A 10-minute transaction timeout (the store's default is 10 s): a batch of 5000 rows, or
      // the prune over every id, may take longer than that at 100k nodes on a loaded machine.
      const { store, loadMs } = await loadIntoNeo4j({ ...neo4j, timeoutMs: 600_000 }, dataset);
      log(`  loaded in ${msCell(loadMs)} (${msCell(performance.now() - started)} with connecting)`);
      try {
        const expected = expectations(dataset);
        if (results.length === 0) await warmUp(store, expected, QUICK ? 50 : 1000);
        const latency = await measureAll(store, expected);
        const connectionsExpanded = await connectionsWork(store, expected.probes);
        results.push({
          nodes,
          relationships: dataset.relationships.length,
          observations: dataset.observations.length,
          generateMs,
          loadMs,
          heapBytesPerNode: null,
          meanHits: meanHits(expected),
          connectionsExpanded,
          latency,
          baseline: null,
        });
      } finally {
        await store.close();
      }
    }
  } finally {
    await neo4j.stop();
  }
  return results;
}

function sizeLabel(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : String(n);
}

/** p50 per operation and size, and its ratio to the smallest size's (no goal: see baselineTable). */
function latencyTable(storeName: string, results: readonly SizeResult[]): Table {
  const base = results[0];
  const largest = results[results.length - 1];
  const p50 = (r: SizeResult, op: Operation): number => r.latency[op]!.p50Ms;
  const rows: Cell[][] = OPERATIONS.filter((op) => base.latency[op] !== undefined).map((op) => {
    const cells: Cell[] = [OPERATION_TITLES[op]];
    for (const r of results) cells.push(`${msCell(p50(r, op))} (${ratioCell(p50(r, op) / p50(base, op))})`);
    cells.push(ratioCell(p50(largest, op) / p50(base, op)));
    return cells;
  });
  return {
    title: `${storeName}: p50 latency by graph size`,
    description: `Each cell: p50 (and its multiple of the ${sizeLabel(base.nodes)}-node p50). "largest ÷ ${sizeLabel(base.nodes)}" is the ${sizeLabel(largest.nodes)}-node p50 over the ${sizeLabel(base.nodes)}-node p50, reported without a goal: the hops' goal is against the CSR baseline at the same size (next table).${results[0].latency['2-hop-warm'] ? ` The diagnostic rows repeat each probe ${WARM_REPEAT} times in a row, so its nodes and edges are in the CPU caches: the same work as the hop rows without the cache misses.` : ''}`,
    columns: ['operation', ...results.map((r) => `${sizeLabel(r.nodes)} nodes`), `largest ÷ ${sizeLabel(base.nodes)}`],
    rows,
  };
}

/** µs with two decimals: the baseline's hops take well under a microsecond, which msCell would print as 0 µs. */
const usCell = (ms: number): string => `${(ms * 1000).toFixed(2)} µs`;

/** The memory store against the CSR baseline at each size: hops' p50 (the goal) and bytes per node. */
function baselineTable(results: readonly SizeResult[], misses: string[], goals: GoalRecord[]): Table {
  const rows: Cell[][] = [];
  for (const r of results) {
    const b = r.baseline!;
    const cells: Cell[] = [sizeLabel(r.nodes)];
    for (const op of BASELINE_OPERATIONS) {
      const ratio = r.latency[op]!.p50Ms / b.latency[op].p50Ms;
      const g = goal(Number(ratio.toFixed(2)), '<=', BASELINE_GOAL);
      cells.push(usCell(r.latency[op]!.p50Ms), usCell(b.latency[op].p50Ms), ratioCell(ratio), goalCell(g));
      if (!g.met) misses.push(`Memory store: ${op} p50 at ${sizeLabel(r.nodes)} nodes is ${ratioCell(ratio)} the CSR baseline's (goal ≤ ${BASELINE_GOAL})`);
      goals.push(goalRecord(`memory store ${op} p50 at ${sizeLabel(r.nodes)} nodes ÷ the CSR baseline's`, ratioCell(ratio), g));
    }
    const ours = r.heapBytesPerNode ?? 0;
    cells.push(Math.round(ours).toLocaleString('en-US'), Math.round(b.heapBytesPerNode).toLocaleString('en-US'), ratioCell(ours / b.heapBytesPerNode));
    rows.push(cells);
  }
  return {
    title: 'Memory store against a typed-array CSR baseline',
    description:
      `The same graph at each size as a typed-array CSR (\`bench/scaling/csr.ts\`, same process), answering the same probes' 1-hop and 2-hop, checked and timed the same way. ` +
      'The store returns typed, dated, cited relationships with the node at the other end, the baseline bare indices: the ratio is the price of that shape and of our indirections. ' +
      `Goal: the store's p50 ≤ ${BASELINE_GOAL}× the baseline's at every size. Bytes per node: JS heap plus ArrayBuffers held once built (the store with every index, the CSR its arrays and ids).`,
    columns: [
      'nodes',
      '1-hop: store',
      '1-hop: CSR',
      '1-hop ratio',
      '1-hop goal',
      '2-hop: store',
      '2-hop: CSR',
      '2-hop ratio',
      '2-hop goal',
      'bytes per node: store',
      'bytes per node: CSR',
      'store ÷ CSR',
    ],
    rows,
  };
}

function loadTable(storeName: string, results: readonly SizeResult[], memory: boolean): Table {
  return {
    title: `${storeName}: load time${memory ? ' and heap per node' : ''}`,
    description: memory
      ? "work per probe = mean edges a lookup probe's 1-hop and 2-hop return (the fixed fan-out keeps them level), and mean nodes a connections query expands (its breadth-first search; it grows until the graph is large enough that 4-hop neighbourhoods stop overlapping). load = building the MemoryStore (indexes by id, kind, adjacency, observations, MiniSearch) from the generated Dataset; heap bytes per node = heapUsed plus arrayBuffers after building and dropping the Dataset, minus the same before generating (both after gc()), per node: nodes, edges, observations and indexes together."
      : 'work per probe: as above. load = the production seed writer (`writeDataset`, UNWIND batches of 5000, schema, prune, version) into an emptied database.',
    columns: [
      'nodes',
      'edges',
      'observations',
      'work per probe: 1-hop edges / 2-hop edges / connections nodes expanded',
      'generate',
      'load',
      ...(memory ? ['heap bytes per node'] : []),
    ],
    rows: results.map((r) => [
      r.nodes.toLocaleString('en-US'),
      r.relationships.toLocaleString('en-US'),
      r.observations.toLocaleString('en-US'),
      `${r.meanHits.oneHop.toFixed(1)} / ${r.meanHits.twoHop.toFixed(1)} / ${Math.round(r.connectionsExpanded)}`,
      msCell(r.generateMs),
      msCell(r.loadMs),
      ...(memory ? [Math.round(r.heapBytesPerNode ?? 0).toLocaleString('en-US')] : []),
    ]),
  };
}

async function main(): Promise<void> {
  gc();
  const heapLimit = getHeapStatistics().heap_size_limit;
  if (MEMORY_SIZES.includes(1_000_000) && heapLimit < HEAP_NEEDED_1M) {
    throw new Error(
      `the 1M-node memory run needs a heap of at least ${HEAP_NEEDED_1M / 2 ** 30} GiB, this process has ${(heapLimit / 2 ** 30).toFixed(1)} GiB: ` +
        'run node --import tsx --expose-gc --max-old-space-size=16384 bench/scaling/main.ts (or set BENCH_SCALING_MAX=100000)',
    );
  }
  log(`memory sizes ${MEMORY_SIZES.map(sizeLabel).join(', ')}; Neo4j sizes ${NEO4J_SIZES.map(sizeLabel).join(', ') || 'none'}${QUICK ? ' (quick)' : ''}`);

  // Sizes one after another; each store is released (and collected) before the next is built.
  const memory: SizeResult[] = [];
  for (const nodes of MEMORY_SIZES) memory.push(await runMemory(nodes, memory.length === 0));
  gc();
  const neo4j = await runNeo4j(NEO4J_SIZES);

  const misses: string[] = [];
  const goals: GoalRecord[] = [];
  const tables: Table[] = [];
  if (memory.length > 0) tables.push(latencyTable('Memory store', memory), baselineTable(memory, misses, goals), loadTable('Memory store', memory, true));
  if (neo4j.length > 0) tables.push(latencyTable('Neo4j store', neo4j), loadTable('Neo4j store', neo4j, false));

  const file = writeResult(
    {
      id: 'scaling',
      order: 40,
      title: `Scaling: the stores from ${sizeLabel(MEMORY_SIZES[0] ?? 1_000)} to ${sizeLabel(MEMORY_SIZES[MEMORY_SIZES.length - 1] ?? 1_000_000)} nodes, against a CSR baseline`,
      // One paragraph; the generator, probes, checks and what was tried: bench/notes/scaling.md.
      method: [
        `The store port's lookup, 1-hop, 2-hop, search and connections over a deterministic synthetic graph (\`bench/synth\`, the seeds' ontology, fixed fan-out so a probe does the same work at every size) ` +
          `at ${MEMORY_SIZES.map(sizeLabel).join(', ')} nodes on the memory store ${NEO4J_SIZES.length > 0 ? `and ${NEO4J_SIZES.map(sizeLabel).join(', ')} on Neo4j` : '(Neo4j not measured in this run)'}; ` +
          `each operation timed alone (memory ${SAMPLES.memory.samples} samples after ${SAMPLES.memory.warmup} warm-up), cycling through probes so no key stays hot, every answer checked against the generated graph. ` +
          `At each memory size the same graph is measured again as a typed-array CSR (\`bench/scaling/csr.ts\`). Goal: the memory store's 1-hop and 2-hop p50 ≤ ${BASELINE_GOAL}× the CSR's at every size.`,
        QUICK ? '**Quick run (BENCH_QUICK=1): few samples, small sizes — a smoke test, not a measurement.**' : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      goals,
      tables,
      misses,
    },
    { quick: QUICK, memory, neo4j },
  );
  log(`wrote ${file}`);
  for (const t of tables) {
    console.error(`\n${t.title}\n${t.columns.join(' | ')}`);
    for (const r of t.rows) console.error(r.join(' | '));
  }
  if (misses.length > 0) console.error(`\nmissed goals:\n${misses.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
