import neo4j from 'neo4j-driver';
import { redactSecrets, redactUri } from '../../redact';
import { Neo4jExecutor, type ExecutorOptions } from './executor';
import { Neo4jStore } from './neo4j-store';

export interface Neo4jConnection {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database?: string;
  readonly timeoutMs?: number;
  /** Wraps every statement (metrics, tracing): `ExecutorOptions.instrument`. */
  readonly instrument?: ExecutorOptions['instrument'];
  /** Extra transaction metadata per statement: `ExecutorOptions.traceMetadata`. */
  readonly traceMetadata?: ExecutorOptions['traceMetadata'];
}

/** Why the store could not start, in one line naming the server (never its credentials). */
export class Neo4jConnectError extends Error {
  constructor(uri: string, cause: string, secrets: readonly string[] = []) {
    super(redactSecrets(`cannot reach Neo4j at ${redactUri(uri)}: ${cause}`, secrets));
    this.name = 'Neo4jConnectError';
  }
}

function describeCause(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized') return 'authentication failed (check NEO4J_USERNAME and NEO4J_PASSWORD)';
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return `database not found (${message})`;
  if (code === 'ServiceUnavailable') {
    const cause = /Caused by: (.*)$/.exec(message)?.[1];
    return `no server answered (${cause ?? message})`;
  }
  return code ? `${code}: ${message}` : message;
}

/** Opens a driver, checks the server and credentials, and returns the executor behind the store. */
export async function connectExecutor(connection: Neo4jConnection): Promise<Neo4jExecutor> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    // Fail fast when the server is gone; the process stays up and retries on the next query.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'usmx-graph',
  });
  try {
    await driver.verifyAuthentication({ database: connection.database });
    await driver.getServerInfo({ database: connection.database });
  } catch (error) {
    await driver.close();
    throw new Neo4jConnectError(connection.uri, describeCause(error), [connection.password]);
  }
  return new Neo4jExecutor(driver, {
    uri: connection.uri,
    database: connection.database,
    timeoutMs: connection.timeoutMs ?? 10_000,
    secrets: [connection.password],
    instrument: connection.instrument,
    traceMetadata: connection.traceMetadata,
  });
}

export async function connectNeo4jStore(connection: Neo4jConnection): Promise<Neo4jStore> {
  return new Neo4jStore(await connectExecutor(connection));
}
