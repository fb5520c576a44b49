/**
 * Section `neo4j-graphql`: our API against @neo4j/graphql (v7) on the same Neo4j and the same
 * data. Both schemas run in this process with graphql-js `execute` on documents parsed once:
 *
 *   ours   — createSchema() (type-graphql) with a fresh createContext(Neo4jStore) per operation:
 *            DataLoaders batch each nesting level into one Cypher statement (a round trip per level);
 *   theirs — new Neo4jGraphQL({ typeDefs, driver }).getSchema() over type-defs.graphql (their own
 *            type definitions for our graph): each operation is translated into ONE Cypher statement.
 *
 * The graph is the committed seeds merged with a deterministic synthetic graph (bench/synth),
 * written by our production seed writer, so Neo4j holds exactly what our API serves. Each
 * reference query (bench/queries.ts) is answered once by both sides and the answers compared
 * (same entities, same order, see their-queries.ts) before timing; every timed answer is then
 * checked for errors and for its item count. Timing: interleaved A/B rounds (bench/lib/ab.ts).
 *
 * Run alone: `node --import tsx bench/neo4j-graphql/main.ts` (BENCH_QUICK=1 for a smoke run).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { execute, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import { createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { Neo4jExecutor, Neo4jStore } from '../../src/store/neo4j';
import { seedDataset } from '../../test/helpers/dataset';
import { compareAB, type AbResult, type Side } from '../lib/ab';
import { assertEqual, assertOk, assertSameData } from '../lib/check';
import { CAN_PIN, CLIENT_CORES, pinSelf, SERVER_CORES } from '../lib/cores';
import { benchNeo4j, loadIntoNeo4j } from '../lib/neo4j';
import { goal, goalCell, goalRecord, msCell, percentCell, ratioCell, writeResult, type Cell, type GoalRecord } from '../lib/report';
import { QUICK, flagEnv } from '../lib/env';
import { round } from '../lib/stats';
import { generateDataset, mergeDatasets } from '../synth/generate';
import { countingDriver, type BoltCounts } from './bolt-count';
import { theirQueries, type Data, type TheirQuery } from './their-queries';

const SYNTHETIC_NODES = QUICK ? 10_000 : 30_000;
const AB = QUICK ? { rounds: 3, warmupRounds: 1, targetRoundMs: 60, minIterations: 2 } : { rounds: 12, warmupRounds: 2, targetRoundMs: 400, minIterations: 1 };
const GOAL = 1.0;
const TYPE_DEFS = readFileSync(path.join(__dirname, 'type-defs.graphql'), 'utf8');

const log = (message: string): void => console.error(`neo4j-graphql: ${message}`);

type Run = () => Promise<ExecutionResult>;

/** One query's two runnable sides, and the same two over drivers whose messages are counted. */
interface Pair {
  readonly q: TheirQuery;
  readonly ours: Run;
  readonly theirs: Run;
  readonly oursCounted: Run;
  readonly theirsCounted: Run;
}

interface Row {
  readonly id: string;
  readonly title: string;
  readonly items: number;
  readonly ab: AbResult;
  readonly ours: BoltCounts & { storeCalls: number };
  readonly theirs: BoltCounts;
}

function runner(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>>, context: () => unknown): Run {
  return async () => (await execute({ schema, document, variableValues: { ...variables }, contextValue: context() })) as ExecutionResult;
}

/** A timed side: runs, then throws on errors or on a wrong item count. */
function side(name: string, run: Run, project: (d: Data) => unknown, size: (plain: unknown) => number, expected: number, where: string): Side {
  return {
    name,
    run: async () => {
      const body = await run();
      assertOk(body, where);
      const n = size(project(body.data as Data));
      if (n !== expected) throw new Error(`${where}: expected ${expected} items, received ${n}`);
      return body;
    },
  };
}

async function main(): Promise<void> {
  const pinnedSelf = CAN_PIN && pinSelf(CLIENT_CORES);
  const server = await benchNeo4j();
  const neo4jPinned = server.pinned || flagEnv('BENCH_NEO4J_PINNED');
  const drivers: Array<{ close(): Promise<void> }> = [];
  let ourStore: Neo4jStore | undefined;
  try {
    log(`generating ${SYNTHETIC_NODES} synthetic nodes and merging them with the seeds`);
    const synth = generateDataset({ nodes: SYNTHETIC_NODES });
    const dataset = mergeDatasets(seedDataset(), synth);
    const hub = synth.probes.hubTopicId;
    // A generous timeout: the seed writer's 5000-row batches can take longer than the 10 s query default on a busy 2-core box.
    const loaded = await loadIntoNeo4j({ ...server, timeoutMs: 300_000 }, dataset);
    ourStore = loaded.store;
    log(`loaded ${dataset.nodes.length} nodes and ${dataset.relationships.length} relationships in ${Math.round(loaded.loadMs)} ms`);

    const ourSchema = await createSchema();
    const theirDriver = neo4j.driver(server.uri, neo4j.auth.basic(server.username, server.password));
    drivers.push(theirDriver);
    const theirSchema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver: theirDriver }).getSchema();

    // Statement counting, outside the timed runs: both sides over drivers whose debug log is counted.
    const ourCounting = countingDriver(server);
    const theirCounting = countingDriver(server);
    drivers.push(ourCounting.driver, theirCounting.driver);
    const countedStore = new Neo4jStore(new Neo4jExecutor(ourCounting.driver, { uri: server.uri, timeoutMs: 30_000 }));
    const theirCountedSchema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver: theirCounting.driver }).getSchema();

    const store = ourStore;
    const pairs: Pair[] = theirQueries(dataset, hub).map((q) => {
      const ours = parse(q.ref.query);
      const theirs = parse(q.query);
      const ourVariables = { ...(q.ref.variables ?? {}), ...(q.ref.query.includes('$hub') ? { hub } : {}) };
      return {
        q,
        ours: runner(ourSchema, ours, ourVariables, () => createContext(store, { schedule: 'macrotask' })),
        theirs: runner(theirSchema, theirs, q.variables, () => ({})),
        oursCounted: runner(ourSchema, ours, ourVariables, () => createContext(countedStore, { schedule: 'macrotask' })),
        theirsCounted: runner(theirCountedSchema, theirs, q.variables, () => ({})),
      };
    });

    const rows: Row[] = [];
    const raw: Record<string, unknown> = {};
    for (const pair of pairs) {
      const { q } = pair;
      const where = `neo4j-graphql/${q.ref.id}`;

      // 1. Same answer, once, before timing.
      const a = await pair.ours();
      const b = await pair.theirs();
      assertOk(a, `${where} (ours)`);
      assertOk(b, `${where} (@neo4j/graphql)`);
      const plainA = q.ours(a.data as Data);
      const plainB = q.theirs(b.data as Data);
      assertSameData(plainA, plainB, `${where}: ours vs @neo4j/graphql (${q.unordered ? 'as sets' : 'same order'})`);
      const items = q.size(plainA);
      if (items === 0) throw new Error(`${where}: expected a non-empty answer, received none`);

      // 2. Statements and transactions each side sends for one operation (warm: the counted pair ran once before).
      await pair.oursCounted();
      await pair.theirsCounted();
      ourCounting.reset();
      theirCounting.reset();
      const before = countedStore.statementsRun;
      assertOk(await pair.oursCounted(), `${where} (ours, counted)`);
      const storeCalls = countedStore.statementsRun - before;
      assertOk(await pair.theirsCounted(), `${where} (@neo4j/graphql, counted)`);
      const ourCounts = { ...ourCounting.counts, storeCalls };
      const theirCounts = { ...theirCounting.counts };
      assertEqual(ourCounts.run, storeCalls, `${where}: Cypher statements sent by ours vs Neo4jStore.statementsRun`);

      // 3. Interleaved A/B.
      log(`${q.ref.id}: ${items} items; statements ours ${ourCounts.run}, theirs ${theirCounts.run}; timing …`);
      const ab = await compareAB(
        side('ours', pair.ours, q.ours, q.size, items, `${where} (ours)`),
        side('@neo4j/graphql', pair.theirs, q.theirs, q.size, items, `${where} (@neo4j/graphql)`),
        AB,
      );
      log(
        `${q.ref.id}: ours p50 ${msCell(ab.a.p50Ms)}, theirs p50 ${msCell(ab.b.p50Ms)}, ratio ${ratioCell(ab.ratio)} (CV ${percentCell(ab.cv)}, ${ab.iterations} ops/side/round)`,
      );
      rows.push({ id: q.ref.id, title: q.ref.title, items, ab, ours: ourCounts, theirs: theirCounts });
      raw[q.ref.id] = { theirQuery: q.query, theirVariables: q.variables, items, statements: { ours: ourCounts, theirs: theirCounts }, ab };
    }

    const misses: string[] = [];
    const goals: GoalRecord[] = [];
    const tableRows: Cell[][] = rows.map((r) => {
      const g = goal(r.ab.ratio, '<=', GOAL);
      if (!g.met) misses.push(`@neo4j/graphql, ${r.title}: ours / theirs p50 ${ratioCell(r.ab.ratio)} (goal ≤ ${GOAL})`);
      goals.push(goalRecord(`${r.title}: ours / theirs p50`, ratioCell(r.ab.ratio), g));
      return [r.title, r.items, msCell(r.ab.a.p50Ms), msCell(r.ab.b.p50Ms), ratioCell(r.ab.ratio), percentCell(r.ab.cv), goalCell(g)];
    });
    const statementRows: Cell[][] = rows.map((r) => [r.title, r.ours.run, r.ours.begin, r.theirs.run, r.theirs.begin]);

    const pinning = [
      pinnedSelf ? `the bench process on core ${CLIENT_CORES}` : 'the bench process unpinned',
      neo4jPinned ? `Neo4j on core(s) ${SERVER_CORES}` : 'Neo4j unpinned',
    ].join(', ');
    const differences: Cell[][] = rows.map((r) => [r.title, pairs.find((p) => p.q.ref.id === r.id)!.q.difference]);
    // One paragraph; the set-up in full, how answers are compared and statements counted: bench/notes/neo4j-graphql.md.
    const method =
      `Our GraphQL layer (\`createSchema()\`, a fresh \`createContext(Neo4jStore)\` per operation: one Cypher statement per nesting level) against \`@neo4j/graphql\` ${theirVersion()} ` +
      '(its own type definitions for our graph, `bench/neo4j-graphql/type-defs.graphql`: one Cypher statement per operation), both in the bench process over the same Neo4j 5.26 ' +
      `holding the seeds and a ${SYNTHETIC_NODES.toLocaleString('en-US')}-node synthetic graph (${dataset.nodes.length.toLocaleString('en-US')} nodes, ${dataset.relationships.length.toLocaleString('en-US')} relationships). ` +
      `Answers compared before timing; ${AB.rounds} interleaved A/B rounds after ${AB.warmupRounds} warm-up; ratio = median of the per-round ours / theirs p50; ${pinning}. ` +
      `Goal: ours / theirs ≤ ${GOAL}.`;

    const file = writeResult(
      {
        id: 'neo4j-graphql',
        order: 50,
        title: 'Against @neo4j/graphql',
        method,
        goals,
        tables: [
          {
            title: 'Latency: ours / @neo4j/graphql',
            description:
              'p50 per operation over all kept rounds; ratio = median of per-round p50 ratios (below 1: ours is faster); CV of the per-round ratios.',
            columns: ['query', 'items', 'ours p50', 'theirs p50', 'ratio', 'CV', 'goal'],
            rows: tableRows,
          },
          {
            title: 'Cypher statements per operation',
            description:
              'Bolt messages each side sent for one operation: Cypher statements (RUN) and explicit transactions (BEGIN). Ours sends each read as an auto-commit statement (no BEGIN/COMMIT); theirs runs its one statement in a managed read transaction.',
            columns: ['query', 'ours: statements', 'ours: transactions', 'theirs: statements', 'theirs: transactions'],
            rows: statementRows,
          },
          {
            title: 'Where the two queries differ',
            description: 'How each reference query is asked in their API where it cannot be asked as in ours, and what is compared.',
            columns: ['query', 'difference'],
            rows: differences,
          },
        ],
        misses,
      },
      {
        quick: QUICK,
        syntheticNodes: SYNTHETIC_NODES,
        nodes: dataset.nodes.length,
        relationships: dataset.relationships.length,
        loadMs: round(loaded.loadMs, 0),
        hub,
        queries: raw,
      },
    );
    log(`wrote ${file}`);
  } finally {
    await ourStore?.close();
    await Promise.all(drivers.map((d) => d.close()));
    await server.stop();
  }
}

function theirVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('@neo4j/graphql')), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
