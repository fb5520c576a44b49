/**
 * In-process execution: our schema vs a plain graphql-js schema (bench/plain/schema.ts) on the
 * reference queries (bench/queries.ts), both over ONE MemoryStore holding the seeds merged with a
 * synthetic graph (bench/synth), both run with graphql-js `execute` on documents parsed and
 * validated once up front — so this measures execution alone: resolvers, type-graphql's
 * machinery, DataLoader batching, result completion. HTTP, parsing, validation and Apollo's
 * plugins are the HTTP bench's business.
 *
 * Each timed operation builds a fresh context (our `createContext(store)`; the plain schema's
 * `createPlainContext(store)`), as a server does per request, and its answer is checked
 * (`assertOk` plus the length of its main list), so an error can never pass for speed. Before
 * timing, each query's answers from both schemas are compared once (`assertSameData`) and the
 * store calls each makes are counted (both should batch one call per level).
 *
 * `node --import tsx bench/inprocess/main.ts` (BENCH_QUICK=1 for a smoke run).
 */
import './production-mode';
import 'reflect-metadata';
import { execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compiledExecutor } from '../../src/graphql/compiled-executor';
import { createContext, type Context } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { loadSeeds } from '../../src/seed';
import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../../test/helpers/counting-store';
import { compareAB, type AbResult, type Side } from '../lib/ab';
import { collectGarbage } from '../lib/gc';
import { assertEqual, assertOk, assertSameData } from '../lib/check';
import { CAN_PIN, SERVER_CORES, pinSelf } from '../lib/cores';
import { goal, goalCell, goalRecord, msCell, percentCell, ratioCell, writeResult, type Cell, type GoalRecord } from '../lib/report';
import { QUICK } from '../lib/env';
import { mainListLength } from '../plain/main-list';
import { createPlainContext, plainSchema } from '../plain/schema';
import { REFERENCE_QUERIES, type ReferenceQuery } from '../queries';
import { generateDataset, mergeDatasets } from '../synth/generate';

/** Synthetic nodes merged with the seeds: the hub topic is addressed by min(10,000, nodes / 4) entities, so 40k gives the 10k-item list. */
const SYNTHETIC_NODES = QUICK ? 8_000 : 40_000;
const SYNTH_SEED = 42;
const AB = QUICK ? { rounds: 4, warmupRounds: 1, targetRoundMs: 60 } : { rounds: 12, warmupRounds: 2, targetRoundMs: 250 };
const GOALS: Record<ReferenceQuery['kind'], number> = { list: 1.15, nesting: 1.5 };

function log(message: string): void {
  process.stderr.write(`inprocess: ${message}\n`);
}

interface Prepared {
  readonly query: ReferenceQuery;
  readonly document: DocumentNode;
  readonly variables: Record<string, unknown>;
  /** Length of the main list in the checked answer; every timed answer must have it too. */
  readonly items: number;
  readonly storeCalls: { ours: number; plain: number };
}

async function main(): Promise<void> {
  const pinnedHere = pinSelf(SERVER_CORES);
  log(`pinned to core(s) ${SERVER_CORES}: ${pinnedHere}`);

  const started = Date.now();
  const synthetic = generateDataset({ nodes: SYNTHETIC_NODES, seed: SYNTH_SEED });
  const dataset = mergeDatasets(loadSeeds('seeds'), synthetic);
  const store = new MemoryStore(dataset);
  const hub = synthetic.probes.hubTopicId;
  log(
    `store: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships (seeds + ${SYNTHETIC_NODES} synthetic) in ${Date.now() - started} ms; hub ${hub}`,
  );

  const ours = await createSchema();
  const compiled = compiledExecutor(ours);
  const run = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, contextValue: unknown): Promise<ExecutionResult> =>
    Promise.resolve(execute({ schema, document, variableValues: variables, contextValue }));

  // Parse and validate once; check both answers agree and count store calls per side.
  const prepared: Prepared[] = [];
  for (const query of REFERENCE_QUERIES) {
    const document = parse(query.query);
    for (const [name, schema] of [
      ['ours', ours],
      ['plain', plainSchema],
    ] as const) {
      const errors = validate(schema, document);
      if (errors.length) throw new Error(`${query.id}: invalid against the ${name} schema: ${errors.map((e) => e.message).join('; ')}`);
    }
    const variables: Record<string, unknown> = { ...query.variables, ...(query.query.includes('$hub') ? { hub } : {}) };
    const countedOurs = countingStore(store);
    const countedPlain = countingStore(store);
    const a = await run(ours, document, variables, createContext(countedOurs.store, { schedule: 'microtask' }));
    const b = await run(plainSchema, document, variables, createPlainContext(countedPlain.store));
    assertOk(a, `${query.id} (ours)`);
    assertOk(b, `${query.id} (plain)`);
    assertSameData(a.data, b.data, query.id);
    const items = mainListLength(a.data);
    if (items <= 0) throw new Error(`${query.id}: expected a non-empty list in the answer, received ${JSON.stringify(a.data).slice(0, 200)}`);
    if (query.id === 'list-10k') assertEqual(items, synthetic.probes.hubAddressedBy, `${query.id}: items`);
    const storeCalls = { ours: countedOurs.calls.length, plain: countedPlain.calls.length };
    log(`${query.id}: same answers from both (${items} items in the main list; store calls ours ${storeCalls.ours}, plain ${storeCalls.plain})`);
    prepared.push({ query, document, variables, items, storeCalls });
  }

  const results: Array<{ prepared: Prepared; ab: AbResult; served: AbResult }> = [];
  for (const p of prepared) {
    const side = (name: string, execute: () => Promise<ExecutionResult>): Side => ({
      name,
      async run() {
        const result = await execute();
        assertOk(result, `${p.query.id} (${name})`);
        const items = mainListLength(result.data);
        if (items !== p.items) throw new Error(`${p.query.id} (${name}): expected ${p.items} items in the main list, received ${items}`);
        return result;
      },
    });
    const oursContext = (): Context => createContext(store, { schedule: 'microtask' });
    const plainSide = side('plain', () => run(plainSchema, p.document, p.variables, createPlainContext(store)));
    // Our schema under graphql-js (the framework's cost), then as the server runs it (compiled by graphql-jit).
    // Each comparison starts on a settled heap: a collection of the set-up's garbage (the store build,
    // the previous comparison) under way during calibration once gave search 56 operations a round.
    collectGarbage();
    const ab = await compareAB(
      side('ours', () => run(ours, p.document, p.variables, oursContext())),
      plainSide,
      AB,
    );
    log(
      `${p.query.id}: ours ${msCell(ab.a.p50Ms)}, plain ${msCell(ab.b.p50Ms)}, ratio ${ratioCell(ab.ratio)} (CV ${percentCell(ab.cv)}, ${ab.iterations} ops/side/round)`,
    );
    collectGarbage();
    const served = await compareAB(
      side('ours compiled', () => compiled({ document: p.document, variableValues: p.variables, contextValue: oursContext() })),
      plainSide,
      AB,
    );
    log(
      `${p.query.id}: ours compiled ${msCell(served.a.p50Ms)}, plain ${msCell(served.b.p50Ms)}, ratio ${ratioCell(served.ratio)} (CV ${percentCell(served.cv)})`,
    );
    results.push({ prepared: p, ab, served });
  }

  const misses: string[] = [];
  const goals: GoalRecord[] = [];
  const tableRows = (pick: (r: (typeof results)[number]) => AbResult, label: string): Cell[][] =>
    results.map((r) => {
      const { prepared: p } = r;
      const ab = pick(r);
      const g = goal(ab.ratio, '<=', GOALS[p.query.kind]);
      if (!g.met) misses.push(`in-process ${p.query.id} (${p.query.kind}), ${label}: ours/plain p50 ratio ${ratioCell(ab.ratio)}, goal ${g.text}`);
      goals.push(goalRecord(`${p.query.title}, ${label}: ours / plain p50`, ratioCell(ab.ratio), g));
      return [
        p.query.title,
        p.query.kind,
        msCell(ab.a.p50Ms),
        msCell(ab.b.p50Ms),
        ratioCell(ab.ratio),
        percentCell(ab.cv),
        goalCell(g),
        `${p.storeCalls.ours} / ${p.storeCalls.plain}`,
      ];
    });
  const rows = tableRows((r) => r.ab, 'graphql-js');
  const servedRows = tableRows((r) => r.served, 'compiled');

  // One paragraph; why it is measured so, and the profiles, are in bench/notes/inprocess.md.
  const method = [
    `Our schema (\`createSchema()\`, type-graphql) against a plain graphql-js schema with hand-written resolvers (\`bench/plain/schema.ts\`), ` +
      `executing the reference queries in one process over one MemoryStore (the seeds and a ${SYNTHETIC_NODES.toLocaleString('en-US')}-node synthetic graph, seed ${SYNTH_SEED}), ` +
      `documents parsed and validated once: execution alone. each comparison after a full garbage collection, ${AB.rounds} interleaved A/B rounds after ${AB.warmupRounds} warm-up, operations per round calibrated on warm operations; ` +
      `ratio = median of the per-round ours / plain p50 ratios; every answer checked; \`NODE_ENV=${process.env.NODE_ENV}\`; ` +
      `${CAN_PIN ? `pinned to core(s) ${SERVER_CORES}` : 'no core pinning'}. Goal: ours / plain ≤ ${GOALS.list} on lists, ≤ ${GOALS.nesting} on deep nesting. ` +
      'Two tables: our schema executed by graphql-js `execute` as the plain one is (what the framework costs), and as the server executes it, compiled by graphql-jit (`src/graphql/compiled-executor.ts`), against the same plain graphql-js run.',
    QUICK ? '**BENCH_QUICK=1: a smoke run with few rounds; the figures are not meaningful.**' : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  const file = writeResult(
    {
      id: 'inprocess',
      order: 10,
      title: 'In-process execution: our schema vs plain graphql-js',
      method,
      goals,
      tables: [
        {
          title: 'Reference queries, executed in-process',
          description:
            'p50: median latency of one `execute` (fresh context included). Ratio: median over rounds of (our median / plain median) in that round — lower is better, 1.00× means equal. CV: coefficient of variation of the per-round ratios. Goal: ≤ 1.15 for lists, ≤ 1.5 for deep nesting. Store calls: calls to the store port for one execution, ours / plain.',
          columns: ['query', 'kind', 'ours p50', 'plain p50', 'ratio ours/plain', 'CV', 'goal', 'store calls'],
          rows,
        },
        {
          title: 'As served: our schema compiled by graphql-jit vs plain graphql-js',
          description:
            'The same queries, ours run by the compiled executor the server uses, plain by graphql-js `execute` (as Apollo Server runs it). Columns as above.',
          columns: ['query', 'kind', 'ours compiled p50', 'plain p50', 'ratio ours/plain', 'CV', 'goal', 'store calls'],
          rows: servedRows,
        },
      ],
      misses,
    },
    {
      quick: QUICK,
      syntheticNodes: SYNTHETIC_NODES,
      syntheticSeed: SYNTH_SEED,
      storeNodes: dataset.nodes.length,
      storeRelationships: dataset.relationships.length,
      hubTopicId: hub,
      hubAddressedBy: synthetic.probes.hubAddressedBy,
      options: AB,
      queries: results.map(({ prepared: p, ab, served }) => ({ id: p.query.id, kind: p.query.kind, items: p.items, storeCalls: p.storeCalls, ...ab, served })),
    },
  );
  log(`wrote ${file}${misses.length ? `; missed: ${misses.join(' | ')}` : '; every goal met'}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`inprocess: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
