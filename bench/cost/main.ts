/**
 * Cost benchmark (section `cost`): the query cost estimate (src/graphql/limits) against the work
 * each operation really does, for every example operation and for issue F's costly operations.
 * Not a timed test: it records, per operation, the estimate, the store calls, the fields in the
 * answer, the answer's size and the CPU time, so a reader can see whether the estimate follows
 * the work. The one goal is a count: the estimate is at least the number of fields in the
 * answer (every field costs 1 and lists are priced at their upper bound).
 *
 * Run from the repo root: `node --import tsx bench/cost/main.ts` (BENCH_QUICK=1: 2 rounds instead
 * of 9). Memory store over the committed seeds, in-process (`createSchema`, `createContext`,
 * graphql `execute`), limits not applied (the refused operations run too, once).
 */
import 'reflect-metadata';
import { execute, parse } from 'graphql';
import { createContext } from '../../src/graphql/context';
import { measureDocument } from '../../src/graphql/limits';
import { createSchema } from '../../src/graphql/schema';
import { loadConfig } from '../../src/config';
import { MemoryStore } from '../../src/store/memory';
import { loadSeeds } from '../../src/seed';
import { countingStore } from '../../test/helpers/counting-store';
import { AMPLIFICATION_QUERY, HUNDRED_ENTITIES_QUERY, THIRTY_SEARCHES_QUERY } from '../../test/helpers/costly-queries';
import { exampleOperations } from '../../test/graphql/examples';
import { assertOk, type GraphQLBody } from '../lib/check';
import { goalCell, goal, goalRecord, msCell, writeResult, type Cell } from '../lib/report';
import { QUICK } from '../lib/env';
import { median } from '../lib/stats';

const ROUNDS = QUICK ? 2 : 9;

function log(message: string): void {
  console.error(`[cost] ${message}`);
}

/** Fields in an answer: every key of every object (a list's items count through their keys). */
function countFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countFields(v), 0);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + 1 + countFields(v), 0);
  return 0;
}

interface Measurement {
  readonly name: string;
  readonly estimate: number;
  readonly accepted: boolean;
  readonly storeCalls: number;
  readonly fields: number;
  readonly bytes: number;
  readonly cpuMs: number;
}

async function main(): Promise<void> {
  const store = new MemoryStore(loadSeeds('seeds'));
  const counting = countingStore(store);
  const schema = await createSchema();
  const stats = await store.getDegreeStats();
  const { maxCost } = loadConfig({}).limits;
  const operations = [
    ...exampleOperations().map((op) => ({ name: op.name, document: op.document })),
    { name: "100 entities with the examples' nested fields", document: HUNDRED_ENTITIES_QUERY },
    { name: 'amplification: 9 × mexico, 4 levels of relationships', document: AMPLIFICATION_QUERY },
    { name: '30 aliased fuzzy searches', document: THIRTY_SEARCHES_QUERY },
  ];
  const measurements: Measurement[] = [];
  for (const op of operations) {
    const document = parse(op.document);
    const estimate = measureDocument(schema, stats, document).cost ?? NaN;
    const run = async () => (await execute({ schema, document, contextValue: createContext(counting.store, { schedule: 'microtask' }) })) as GraphQLBody;
    counting.reset();
    const first = await run();
    assertOk(first, op.name);
    const storeCalls = counting.calls.length;
    const text = JSON.stringify(first.data);
    // The amplification takes seconds per run: once is enough to see it.
    const rounds = estimate > maxCost * 100 ? 1 : ROUNDS;
    const cpu: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const before = process.cpuUsage();
      await run();
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    const m = {
      name: op.name,
      estimate,
      accepted: estimate <= maxCost,
      storeCalls,
      fields: countFields(first.data),
      bytes: Buffer.byteLength(text),
      cpuMs: median(cpu),
    };
    measurements.push(m);
    log(`${m.name}: estimate ${m.estimate}, ${m.fields} fields, ${m.bytes} bytes, ${m.storeCalls} store calls, ${m.cpuMs.toFixed(2)} ms CPU`);
  }
  const misses = measurements.filter((m) => m.estimate < m.fields).map((m) => `${m.name}: estimate ${m.estimate} below the ${m.fields} fields answered`);
  // The summary's one goal: the tightest operation (lowest estimate per field answered).
  const tightness = (m: Measurement): number => m.estimate / Math.max(1, m.fields);
  const tightest = measurements.reduce((a, b) => (tightness(b) < tightness(a) ? b : a));
  const goals = [
    goalRecord(
      `estimate ÷ fields answered, lowest of ${measurements.length} operations`,
      `${tightness(tightest).toFixed(2)} (${tightest.name})`,
      goal(tightness(tightest), '>=', 1),
    ),
  ];
  const rows: Cell[][] = measurements.map((m) => [
    m.name,
    m.estimate.toLocaleString('en-US'),
    m.accepted ? 'accepted' : 'refused',
    m.storeCalls,
    m.fields.toLocaleString('en-US'),
    m.bytes.toLocaleString('en-US'),
    msCell(m.cpuMs),
    m.estimate > 0 ? `${((m.cpuMs * 1000) / m.estimate).toFixed(2)} µs` : '–',
    goalCell(goal(m.estimate / Math.max(1, m.fields), '>=', 1)),
  ]);
  const file = writeResult(
    {
      id: 'cost',
      order: 60,
      title: 'Cost estimate against the real work',
      // One paragraph; how each column is measured: bench/notes/cost.md.
      method:
        `The query cost estimate (\`measureDocument\`, with the store's degree statistics; the default allowed cost is ${maxCost.toLocaleString('en-US')}) ` +
        `against the real work of every operation of \`schema/examples.graphql\` and of the costly operations the limits refuse, executed in-process on the memory store over the seeds ` +
        `without the limits: store calls, fields answered, answer bytes, CPU (median of ${ROUNDS} runs). ` +
        'Goal: the estimate is an upper bound of the fields answered (estimate ÷ fields ≥ 1); CPU per estimated unit shows how well it tracks time.',
      goals,
      tables: [
        {
          title: 'Estimate and work per operation',
          description: `Estimate: the query cost, accepted or refused at the default limit (${maxCost.toLocaleString('en-US')}). Store calls, fields (every key of the answer) and bytes (its JSON) are what one execution did; CPU is the median over runs; CPU per unit is CPU ÷ estimate.`,
          columns: [
            'operation',
            'estimate',
            'at the default limit',
            'store calls',
            'fields answered',
            'answer bytes',
            'CPU',
            'CPU per unit',
            'estimate ≥ fields',
          ],
          rows,
        },
      ],
      misses,
    },
    { maxCost, measurements },
  );
  log(`wrote ${file}`);
  if (misses.length > 0) console.error(`\nmissed goals:\n${misses.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
