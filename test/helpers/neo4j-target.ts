import type { Neo4jConnection } from '../../src/store/neo4j';

const ci = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/** The Neo4j that jest's global setup gives the *.int.test.ts suites, or null where none runs. */
export function neo4jTarget(): Neo4jConnection | null {
  const uri = process.env.NEO4J_TEST_URI;
  if (!uri) return null;
  return { uri, username: process.env.NEO4J_TEST_USERNAME ?? 'neo4j', password: process.env.NEO4J_TEST_PASSWORD ?? '' };
}

/**
 * `describe` when a test Neo4j is there; with CI=true and none, a suite that fails (a skipped
 * Neo4j suite is a failed CI); elsewhere `describe.skip`, announced loudly.
 */
export function describeNeo4j(name: string, body: (target: Neo4jConnection) => void): void {
  const target = neo4jTarget();
  if (target) {
    describe(name, () => body(target));
  } else if (ci) {
    describe(name, () => {
      it('has a Neo4j to run against', () => {
        throw new Error('CI=true but NEO4J_TEST_URI is unset: the Neo4j suites must run in CI (see test/neo4j/README.md)');
      });
    });
  } else {
    console.warn(`SKIPPED on Neo4j: ${name} (no test Neo4j; see test/neo4j/README.md)`);
    describe.skip(name, () => body({ uri: '', username: '', password: '' }));
  }
}
