/**
 * Round-trips benchmark (section `roundtrips`): how many store calls one GraphQL request makes,
 * against nesting depth 1–5 and top-level list sizes 1, 10 and 100, on both stores. The goal is
 * one call per nesting level (round trips = depth), whatever the list size: the per-request
 * DataLoaders (src/graphql/context.ts) gather every load of a level into one batch.
 *
 * Run from the repo root: `node --import tsx bench/roundtrips/main.ts` (BENCH_QUICK=1: a 2k-node
 * graph instead of 10k; the counts are the same). Neo4j: the test Neo4j, or BENCH_NEO4J_URI
 * (bench/lib/neo4j.ts); BENCH_ROUNDTRIPS_NEO4J=0 skips it.
 *
 * Each request runs in-process through our real schema (createSchema, createContext(store),
 * graphql `execute`) over the synthetic graph (bench/synth). Depth d is a top-level
 * `actors(first: N)` list (depth 1) with d − 1 nested `relationships(direction: OUT) { node }`
 * levels; every entity has 3–4 outgoing edges, so every level really has entities. Calls are
 * counted by wrapping the store (test/helpers/counting-store.ts); on Neo4j the store's own
 * `statementsRun` must agree. Every response is checked: no errors, the top level is the first
 * N actors in name order, and every entity's edges are exactly its outgoing edges in the
 * generated graph, so the count of entities at every level is the expected one.
 */
import 'reflect-metadata';
import { execute, parse, type DocumentNode } from 'graphql';
import { compareNodes, NodeKind, type Dataset, type GraphStore } from '../../src/domain';
import { createContext, type LoaderSchedule } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { MemoryStore } from '../../src/store/memory';
import type { Neo4jStore } from '../../src/store/neo4j';
import { countingStore, type StoreCall } from '../../test/helpers/counting-store';
import { assertEqual, assertOk, type GraphQLBody } from '../lib/check';
import { benchNeo4j, loadIntoNeo4j } from '../lib/neo4j';
import { goalCell, writeResult, type Cell, type Goal, type GoalRecord, type Table } from '../lib/report';
import { QUICK, flagEnv } from '../lib/env';
import { generateDataset } from '../synth/generate';

const NODES = QUICK ? 2_000 : 10_000;
const DEPTHS = [1, 2, 3, 4, 5] as const;
const LIST_SIZES = [1, 10, 100] as const;
const WITH_NEO4J = flagEnv('BENCH_ROUNDTRIPS_NEO4J', true);

function log(message: string): void {
  console.error(`[roundtrips] ${message}`);
}

/** `actors(first: N)` with `depth − 1` nested OUT-relationship levels. */
function depthQuery(depth: number, first: number): string {
  let selection = 'id kind';
  for (let level = 1; level < depth; level++) selection = `id kind relationships(direction: OUT) { type node { ${selection} } }`;
  return `query Depth${depth}List${first} { actors(first: ${first}) { edges { node { ${selection} } } } }`;
}

interface EntityJson {
  id: string;
  kind: string;
  relationships?: Array<{ type: string; node: EntityJson }>;
}

/** Outgoing edges of every node in the generated graph, as "TYPE>target" sorted, for checking. */
function outgoing(dataset: Dataset): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of dataset.relationships) {
    const list = out.get(r.from) ?? [];
    list.push(`${r.type}>${r.to}`);
    out.set(r.from, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/**
 * Checks the response against the graph and returns the number of entities at each level
 * (level 1: the actors). Throws on any difference.
 */
function checkResponse(body: GraphQLBody, where: string, depth: number, expectedTop: readonly string[], out: ReadonlyMap<string, string[]>): number[] {
  assertOk(body, where);
  const data = body.data as { actors: { edges: Array<{ node: EntityJson }> } };
  let level: EntityJson[] = data.actors.edges.map((e) => e.node);
  assertEqual(
    level.map((n) => n.id),
    expectedTop,
    `${where}: top-level actors`,
  );
  const counts: number[] = [];
  for (let d = 1; d <= depth; d++) {
    counts.push(level.length);
    if (d === depth) break;
    const next: EntityJson[] = [];
    for (const entity of level) {
      const edges = entity.relationships;
      if (!edges) throw new Error(`${where}: level ${d} entity ${entity.id} has no relationships field`);
      assertEqual(edges.map((e) => `${e.type}>${e.node.id}`).sort(), out.get(entity.id) ?? [], `${where}: OUT edges of ${entity.id} at level ${d}`);
      for (const e of edges) next.push(e.node);
    }
    if (next.length === 0) throw new Error(`${where}: level ${d + 1} has no entities`);
    level = next;
  }
  return counts;
}

interface Measurement {
  readonly store: string;
  readonly depth: number;
  readonly first: number;
  readonly roundTrips: number;
  readonly calls: readonly StoreCall[];
  /** Entities in the response at each level. */
  readonly entitiesPerLevel: readonly number[];
}

async function measureStore(
  name: string,
  inner: GraphStore,
  schedule: LoaderSchedule,
  documents: ReadonlyMap<string, DocumentNode>,
  expectedTop: ReadonlyMap<number, readonly string[]>,
  out: ReadonlyMap<string, string[]>,
  statements?: () => number,
): Promise<Measurement[]> {
  const schema = await createSchema();
  const counting = countingStore(inner);
  const results: Measurement[] = [];
  for (const depth of DEPTHS) {
    for (const first of LIST_SIZES) {
      const where = `${name} depth ${depth} first ${first}`;
      // Twice: the count must not depend on warm caches (each request has fresh DataLoaders anyway).
      let roundTrips = -1;
      let entitiesPerLevel: number[] = [];
      let calls: StoreCall[] = [];
      for (let run = 0; run < 2; run++) {
        counting.reset();
        const before = statements?.();
        const body = (await execute({
          schema,
          document: documents.get(`${depth}/${first}`)!,
          contextValue: createContext(counting.store, { schedule }),
        })) as GraphQLBody;
        entitiesPerLevel = checkResponse(body, where, depth, expectedTop.get(first)!, out);
        calls = [...counting.calls];
        if (statements && before !== undefined) assertEqual(statements() - before, calls.length, `${where}: Neo4j statements run vs store calls`);
        if (run === 1) assertEqual(calls.length, roundTrips, `${where}: round trips on a second run`);
        roundTrips = calls.length;
      }
      log(`${where}: ${roundTrips} round trips (${calls.map((c) => `${c.method}×${c.keys}`).join(', ')}); entities per level ${entitiesPerLevel.join(' / ')}`);
      results.push({ store: name, depth, first, roundTrips, calls, entitiesPerLevel });
    }
  }
  return results;
}

async function main(): Promise<void> {
  log(`generating a ${NODES.toLocaleString('en-US')}-node synthetic graph`);
  const dataset = generateDataset({ nodes: NODES });
  const out = outgoing(dataset);
  const actors = dataset.nodes.filter((n) => n.kind === NodeKind.Actor).sort(compareNodes);
  const expectedTop = new Map(LIST_SIZES.map((n) => [n, actors.slice(0, n).map((a) => a.id)]));
  const documents = new Map<string, DocumentNode>();
  for (const depth of DEPTHS) for (const first of LIST_SIZES) documents.set(`${depth}/${first}`, parse(depthQuery(depth, first)));

  const measurements: Measurement[] = [];
  measurements.push(...(await measureStore('memory', new MemoryStore(dataset), 'microtask', documents, expectedTop, out)));

  if (WITH_NEO4J) {
    log('starting Neo4j');
    const neo4j = await benchNeo4j();
    try {
      const { store, loadMs } = await loadIntoNeo4j({ ...neo4j, timeoutMs: 600_000 }, dataset);
      log(`loaded into Neo4j in ${Math.round(loadMs)} ms`);
      try {
        const neo4jStore: Neo4jStore = store;
        measurements.push(...(await measureStore('neo4j', neo4jStore, 'macrotask', documents, expectedTop, out, () => neo4jStore.statementsRun)));
      } finally {
        await store.close();
      }
    } finally {
      await neo4j.stop();
    }
  }

  const stores = [...new Set(measurements.map((m) => m.store))];
  const misses: string[] = [];
  const rows: Cell[][] = DEPTHS.map((depth) => {
    const figures = stores.flatMap((s) => LIST_SIZES.map((first) => measurements.find((m) => m.store === s && m.depth === depth && m.first === first)!));
    const met = figures.every((m) => m.roundTrips === depth);
    for (const m of figures)
      if (m.roundTrips !== depth) misses.push(`${m.store}: depth ${depth}, list of ${m.first}: ${m.roundTrips} round trips (goal = ${depth})`);
    const g: Goal = { text: `= ${depth}`, met };
    return [depth, ...figures.map((m) => m.roundTrips), goalCell(g)];
  });
  // One summary goal per store: every request of every depth and list size.
  const goals: GoalRecord[] = stores.map((store) => {
    const own = measurements.filter((m) => m.store === store);
    const exact = own.filter((m) => m.roundTrips === m.depth).length;
    return {
      measure: `${store}: store round trips per request, depth ${DEPTHS[0]}–${DEPTHS[DEPTHS.length - 1]} × N = ${LIST_SIZES.join(', ')}`,
      value: `= depth in ${exact} of ${own.length}`,
      goal: '= depth',
      met: exact === own.length,
    };
  });
  const entityRows: Cell[][] = DEPTHS.map((depth) => [
    depth,
    ...LIST_SIZES.map((first) => measurements.find((m) => m.store === 'memory' && m.depth === depth && m.first === first)!.entitiesPerLevel.join(' / ')),
  ]);
  const tables: Table[] = [
    {
      title: 'Store round trips per GraphQL request',
      description: `Store calls made by one request, by nesting depth (rows) and top-level list size (columns), on each store. Depth d = \`actors(first: N)\` plus d − 1 nested \`relationships(direction: OUT) { node }\` levels, over the ${NODES.toLocaleString('en-US')}-node synthetic graph. Goal: one round trip per level, whatever N.`,
      columns: ['depth', ...stores.flatMap((s) => LIST_SIZES.map((n) => `${s}, N = ${n}`)), 'goal'],
      rows,
    },
    {
      title: 'Entities returned at each level',
      description: 'What those requests fetched (level 1 / level 2 / …), checked against the generated graph; the same on both stores.',
      columns: ['depth', ...LIST_SIZES.map((n) => `N = ${n}`)],
      rows: entityRows,
    },
  ];
  const file = writeResult(
    {
      id: 'roundtrips',
      order: 30,
      title: 'Round trips: store calls against nesting depth',
      // One paragraph; how calls are counted and what is checked: bench/notes/roundtrips.md.
      method:
        `Store calls per GraphQL request, by nesting depth (${DEPTHS[0]}–${DEPTHS[DEPTHS.length - 1]}) and top-level list size (N = ${LIST_SIZES.join(', ')}), ` +
        `executed in-process through our schema over a ${NODES.toLocaleString('en-US')}-node synthetic graph on the memory store${stores.includes('neo4j') ? ' and on Neo4j' : ''}; ` +
        `counted by a proxy around the store (on Neo4j, one call is one Cypher statement), every answer checked against the generated graph. ` +
        'No timing: a count, the same on every machine. Goal: one round trip per level, whatever N.',
      goals,
      tables,
      misses,
    },
    { nodes: NODES, measurements },
  );
  log(`wrote ${file}`);
  for (const t of tables) {
    console.error(`\n${t.title}\n${t.columns.join(' | ')}`);
    for (const r of t.rows) console.error(r.join(' | '));
  }
  if (misses.length > 0) {
    console.error(`\nmissed goals:\n${misses.join('\n')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
