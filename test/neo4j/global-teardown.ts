/** jest globalTeardown: stops the test Neo4j that global-setup.ts started, if it started one. */
import './global-setup'; // for the `__USMX_TEST_NEO4J__` global's type

export default async function globalTeardown(): Promise<void> {
  const neo4j = globalThis.__USMX_TEST_NEO4J__;
  globalThis.__USMX_TEST_NEO4J__ = undefined;
  await neo4j?.stop();
}
