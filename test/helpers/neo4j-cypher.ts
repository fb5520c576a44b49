import { join } from 'node:path';
import type { Driver, QueryResult, RecordShape } from 'neo4j-driver';
import { loadStatements, type StatementName } from '../../src/store/neo4j';

/**
 * Cypher text run straight through the driver, outside the store adapter (which runs only the
 * files in cypher/, through `Neo4jExecutor.execute`): for tests that set up or inspect the
 * database around the adapter.
 */
export async function runCypher<R extends RecordShape = RecordShape>(
  driver: Driver,
  text: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<R>> {
  const session = driver.session();
  try {
    return await session.run<R>(text, params);
  } finally {
    await session.close();
  }
}

/** The statements of test/neo4j/cypher/test/ (`test/slow`, `test/get-metadata`) beside every file of cypher/: `ExecutorOptions.statements`. */
export function statementsWithTestOnes(): ReadonlyMap<string, string> {
  return new Map([...loadStatements(), ...loadStatements(join(__dirname, '../neo4j/cypher'))]);
}

/** A statement of test/neo4j/cypher/ by name, for `execute` (which takes the names of cypher/). */
export const testStatement = (name: `test/${string}`): StatementName => name as StatementName;
