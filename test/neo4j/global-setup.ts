/**
 * jest globalSetup: gives the Neo4j suites (`*.int.test.ts`) a server through NEO4J_TEST_URI,
 * NEO4J_TEST_USERNAME and NEO4J_TEST_PASSWORD. Set here, before the workers spawn, they reach
 * every worker.
 *
 * - NEO4J_URI set: use that server (credentials from NEO4J_USERNAME / NEO4J_PASSWORD).
 * - Otherwise: start the test Neo4j from this folder (Java + Maven; see README.md).
 * - Java or Maven missing: with CI=true that is an error (a skipped Neo4j suite is a failed CI);
 *   on a laptop the suites skip, and this says so loudly.
 */
import { Neo4jUnavailableError, startTestNeo4j, type TestNeo4j } from './start';

declare global {
  // Read back by global-teardown.ts, which jest runs in this same process.
  var __USMX_TEST_NEO4J__: TestNeo4j | undefined;
}

const isCi = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');

function skipWarning(reason: string): string {
  const bar = '!'.repeat(78);
  return [
    '',
    bar,
    '!!  NEO4J SUITES SKIPPED: no test Neo4j could be started.',
    `!!  ${reason}`,
    '!!  Every *.int.test.ts suite is skipped; only the memory store is tested.',
    '!!  Fix: install Java 17+ and Maven 3.8+ (apt-get install openjdk-17-jdk-headless maven),',
    '!!  or point NEO4J_URI (+ NEO4J_USERNAME / NEO4J_PASSWORD) at a Neo4j 5.26 server.',
    '!!  With CI=true this is an error, not a skip.',
    bar,
    '',
  ].join('\n');
}

export default async function globalSetup(): Promise<void> {
  const external = process.env.NEO4J_URI;
  if (external) {
    process.env.NEO4J_TEST_URI = external;
    process.env.NEO4J_TEST_USERNAME = process.env.NEO4J_USERNAME ?? 'neo4j';
    process.env.NEO4J_TEST_PASSWORD = process.env.NEO4J_PASSWORD ?? '';
    return;
  }
  let neo4j: TestNeo4j;
  try {
    neo4j = await startTestNeo4j();
  } catch (error) {
    if (error instanceof Neo4jUnavailableError && !isCi()) {
      console.warn(skipWarning(error.message));
      return;
    }
    throw error;
  }
  globalThis.__USMX_TEST_NEO4J__ = neo4j;
  process.env.NEO4J_TEST_URI = neo4j.uri;
  process.env.NEO4J_TEST_USERNAME = neo4j.username;
  process.env.NEO4J_TEST_PASSWORD = neo4j.password;
}
