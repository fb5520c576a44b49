import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../../src/store/neo4j';

/** Bolt messages a client sent, by kind, as the driver's debug log reports them. */
export interface BoltCounts {
  /** Cypher statements (RUN messages). */
  run: number;
  /** Explicit transactions opened (BEGIN messages); auto-commit statements open none. */
  begin: number;
  /** Transactions committed (COMMIT messages). */
  commit: number;
}

/**
 * A driver whose debug log is counted, not printed: every client message (`C: RUN …`,
 * `C: BEGIN …`, `C: COMMIT`) bumps a counter. Used once per query, outside the timed runs (the
 * logging itself costs time), to tell how many statements and transactions each side sends.
 */
export function countingDriver(connection: Neo4jConnection): { driver: Driver; counts: BoltCounts; reset(): void } {
  const counts: BoltCounts = { run: 0, begin: 0, commit: 0 };
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    logging: {
      level: 'debug',
      logger: (_level, message) => {
        const m = / C: (RUN|BEGIN|COMMIT)\b/.exec(message);
        if (m) counts[m[1].toLowerCase() as keyof BoltCounts]++;
      },
    },
  });
  return {
    driver,
    counts,
    reset: () => {
      counts.run = 0;
      counts.begin = 0;
      counts.commit = 0;
    },
  };
}
