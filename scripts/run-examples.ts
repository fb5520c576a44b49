/* `npm run examples [OperationName]`: runs schema/examples.graphql on the seeds (memory store) and prints each answer. */
import 'reflect-metadata';
import { MemoryStore } from '../src/store/memory';
import { loadSeeds } from '../src/seed';
import { exampleOperations } from '../test/graphql/examples';
import { startTestServer } from '../test/helpers/graphql';

void (async () => {
  try {
    const store = new MemoryStore(loadSeeds('seeds'));
    const s = await startTestServer(store);
    const only = process.argv[2];
    // Each operation is sent alone with the fragments it uses, as a client would send it (the
    // whole file is past the server's token limit).
    for (const op of exampleOperations()) {
      if (only && op.name !== only) continue;
      const r = await s.execute(op.document, {}, op.name);
      console.log(`=== ${op.name}`);
      console.log(JSON.stringify(r.errors ? r.errors.map((e) => e.message) : r.data, null, only ? 2 : 0).slice(0, only ? undefined : 1200));
    }
    await s.close();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
})();
