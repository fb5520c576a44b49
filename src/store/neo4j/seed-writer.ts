import { applyDelta, datasetDigest, versionOfDigest, type Dataset } from '../../domain';
import type { Neo4jExecutor } from './executor';
import { SCHEMA_STATEMENTS } from './statements';
import { nodeFromNeo4j, observationFromNeo4j, relationshipFromNeo4j } from './mappers';
import { batches, seedRows } from './seed-rows';

export interface SeedCounts {
  readonly nodesByKind: Readonly<Record<string, number>>;
  readonly relationships: number;
  readonly observations: number;
}

/** Which part of the seeds a batch wrote, for progress lines (`seeding nodes 200/438`). */
export type SeedPart = 'nodes' | 'relationships' | 'observations';

export interface WriteDatasetOptions {
  /** First remove this project's nodes (:Entity, :Observation, :Dataset); other nodes stay. */
  readonly reset?: boolean;
  /** Rows per UNWIND batch (one transaction each); default 500. */
  readonly batchSize?: number;
  /** Called after each batch with the rows of that part written so far. */
  readonly onProgress?: (part: SeedPart, done: number, total: number) => void;
}

export interface WriteDatasetReport {
  /** How many nodes `reset` removed; null without reset. */
  readonly removed: number | null;
}

/** Creates the constraints and indexes in `cypher/schema/` (idempotent: IF NOT EXISTS), then waits until they are online. */
export async function ensureSchema(executor: Neo4jExecutor): Promise<void> {
  for (const name of SCHEMA_STATEMENTS) await executor.execute(name, {}, 'auto-commit');
}

/**
 * Writes the dataset idempotently: MERGE in UNWIND batches (one transaction per batch), then
 * removes what the seeds no longer hold, then records the content digest and version. Writing the same
 * dataset twice leaves the same graph. `reset` first removes this project's nodes (its labels
 * only: a database shared with other data keeps that data); the report says how many.
 */
export async function writeDataset(executor: Neo4jExecutor, dataset: Dataset, options: WriteDatasetOptions = {}): Promise<WriteDatasetReport> {
  const size = options.batchSize ?? 500;
  let removed: number | null = null;
  if (options.reset) {
    const result = await executor.execute('seed/delete-project', {}, 'auto-commit');
    removed = Number(result.records[0]?.get('removed') ?? 0);
  }
  await ensureSchema(executor);
  const rows = seedRows(dataset);
  const parts = [
    ['nodes', 'seed/merge-nodes', rows.nodes],
    ['relationships', 'seed/merge-relationships', rows.relationships],
    ['observations', 'seed/merge-observations', rows.observations],
  ] as const;
  for (const [part, statement, all] of parts) {
    let done = 0;
    for (const batch of batches<object>(all, size)) {
      await executor.execute(statement, { rows: batch }, 'write');
      done += batch.length;
      options.onProgress?.(part, done, all.length);
    }
  }
  await executor.execute('seed/prune-relationships', { relationshipIds: dataset.relationships.map((r) => r.id) }, 'write');
  await executor.execute('seed/prune-nodes', { entityIds: dataset.nodes.map((n) => n.id), observationIds: dataset.observations.map((o) => o.id) }, 'write');
  // The digest of the live graph: what was written (not the dataset's own `version` field) plus
  // the curated records re-seeding keeps. Curated changes update it from there.
  const curated = (await executor.execute('seed/get-curated', {}, 'read')).records[0];
  const seeded = datasetDigest(dataset);
  const digest = applyDelta(seeded, {
    added: {
      nodes: (curated.get('entities') as Parameters<typeof nodeFromNeo4j>[0][]).map(nodeFromNeo4j),
      relationships: (curated.get('relationships') as Array<{ type: string; rel: Record<string, unknown>; from: string; to: string }>).map((e) =>
        relationshipFromNeo4j(e.type, e.rel, e.from, e.to),
      ),
      observations: (curated.get('observations') as Array<Record<string, unknown>>).map(observationFromNeo4j),
    },
  });
  await executor.execute('seed/set-dataset-version', { digest, version: versionOfDigest(digest), seededVersion: versionOfDigest(seeded) }, 'write');
  return { removed };
}
