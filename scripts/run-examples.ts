/* `npm run examples [OperationName]`: runs schema/examples.graphql on the seeds (memory store) and prints each answer. */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';
import { MemoryStore } from '../src/store/memory';
import { loadSeeds } from '../src/seed';
import { startTestServer } from '../test/helpers/graphql';
void (async () => {
  try {
  const store = new MemoryStore(loadSeeds('seeds'));
  const s = await startTestServer(store);
  const src = readFileSync('schema/examples.graphql', 'utf8');
  for (const def of parse(src).definitions) {
    const name = (def as OperationDefinitionNode).name!.value;
    if (process.argv[2] && name !== process.argv[2]) continue;
    const r = await s.execute(src, {}, name);
    console.log(`=== ${name}`);
    console.log(JSON.stringify(r.errors ? r.errors.map((e) => e.message) : r.data, null, process.argv[2] ? 2 : 0).slice(0, process.argv[2] ? undefined : 1200));
  }
  await s.close();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
})();
