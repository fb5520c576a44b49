/**
 * Where in-process execution spends its time (not part of `npm run bench`): for each reference
 * query and each schema (ours, plain), runs `execute` in a loop for PROFILE_MS under V8's CPU
 * profiler (`node:inspector`, this process only, start-up excluded) on the same store and data as
 * bench/inprocess/main.ts, and prints µs per operation, then self time by package and the
 * functions with the most self and inclusive time.
 *
 * `node --import tsx bench/inprocess/profile.ts [query ids …]` with, optionally, PROFILE_MS
 * (default 4000), PROFILE_SIDES (`ours,plain`), PROFILE_SYNTHETIC_NODES (default 40,000),
 * PROFILE_TOP (rows per table, default 20).
 */
import './production-mode';
import 'reflect-metadata';
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { loadSeeds } from '../../src/seed';
import { MemoryStore } from '../../src/store/memory';
import { assertOk } from '../lib/check';
import { SERVER_CORES, pinSelf } from '../lib/cores';
import { analyze, table, type CpuProfile } from '../lib/cpuprofile';
import { listEnv, positiveIntEnv } from '../lib/env';
import { createPlainContext, plainSchema } from '../plain/schema';
import { REFERENCE_QUERIES } from '../queries';
import { generateDataset, mergeDatasets } from '../synth/generate';

const MS = positiveIntEnv('PROFILE_MS', 4000);
const NODES = positiveIntEnv('PROFILE_SYNTHETIC_NODES', 40_000);
const TOP = positiveIntEnv('PROFILE_TOP', 20);
const SIDES = listEnv('PROFILE_SIDES', ['ours', 'plain']);

async function main(): Promise<void> {
  pinSelf(SERVER_CORES);
  const ids = process.argv.slice(2);
  for (const id of ids) {
    if (!REFERENCE_QUERIES.some((q) => q.id === id))
      throw new Error(`no reference query ${JSON.stringify(id)}; expected one of ${REFERENCE_QUERIES.map((q) => q.id).join(', ')}`);
  }
  const synthetic = generateDataset({ nodes: NODES, seed: 42 });
  const store = new MemoryStore(mergeDatasets(loadSeeds('seeds'), synthetic));
  const ours = await createSchema();
  const sides: Record<string, { schema: GraphQLSchema; context: () => unknown }> = {
    ours: { schema: ours, context: () => createContext(store, { schedule: 'microtask' }) },
    plain: { schema: plainSchema, context: () => createPlainContext(store) },
  };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });

  for (const query of REFERENCE_QUERIES.filter((q) => ids.length === 0 || ids.includes(q.id))) {
    const document: DocumentNode = parse(query.query);
    const variableValues = { ...query.variables, ...(query.query.includes('$hub') ? { hub: synthetic.probes.hubTopicId } : {}) };
    for (const name of SIDES) {
      const side = sides[name];
      if (!side) throw new Error(`PROFILE_SIDES: expected ours and/or plain, received ${JSON.stringify(name)}`);
      const once = async (): Promise<void> => {
        assertOk(await execute({ schema: side.schema, document, variableValues, contextValue: side.context() }), `${query.id} (${name})`);
      };
      for (let warm = performance.now(); performance.now() - warm < MS / 4;) await once();
      await session.post('Profiler.start');
      const started = performance.now();
      let operations = 0;
      while (performance.now() - started < MS) {
        await once();
        operations++;
      }
      const elapsed = performance.now() - started;
      const { profile } = await session.post('Profiler.stop');
      const a = analyze(profile as unknown as CpuProfile);
      console.log(`\n═══ ${query.id} · ${name}: ${operations} operations, ${((1000 * elapsed) / operations).toFixed(1)} µs each`);
      console.log(table('self time by package', a.selfByPackage, a.busyMs, operations, TOP, 'op'));
      console.log(table('self time by function', a.selfByFunction, a.busyMs, operations, TOP, 'op'));
      console.log(table('inclusive time by function', a.inclusiveByFunction, a.busyMs, operations, TOP * 2, 'op'));
    }
  }
  session.disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`profile: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
