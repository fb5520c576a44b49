import { datasetDigest, versionOfDigest, type Dataset } from '../../domain';
import type { Neo4jExecutor } from './executor';
import { SCHEMA_STATEMENTS } from './statements';
import { nodeFromNeo4j, observationFromNeo4j, relationshipFromNeo4j } from './mappers';
import { idsToKeep, overwriteRows, planCurated, readCurated, rowsToWrite, type CuratedPlan } from './seed-curated';
import { batches } from './seed-rows';

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
  /** Apply the seeds over curated seed records too (`--overwrite-curated`); by default they are kept. */
  readonly overwriteCurated?: boolean;
}

export interface WriteDatasetReport {
  /** How many nodes `reset` removed; null without reset. */
  readonly removed: number | null;
  /** Curated records whose seed item changed since (seed-curated.ts), and those `overwriteCurated` reverted. */
  readonly curated: Pick<CuratedPlan, 'conflicts' | 'reverted'>;
}

/** Creates the constraints and indexes in `cypher/schema/` (idempotent: IF NOT EXISTS), then waits until they are online. */
export async function ensureSchema(executor: Neo4jExecutor): Promise<void> {
  for (const name of SCHEMA_STATEMENTS) await executor.execute(name, {}, 'auto-commit');
}

/**
 * Writes the dataset idempotently: MERGE in UNWIND batches (one transaction per batch), then
 * removes what the seeds no longer hold, then records the content digest and version. Writing the same
 * dataset twice leaves the same graph. Records a curator created, corrected or retired are kept
 * as the curator left them (seed-curated.ts; `overwriteCurated` applies the seeds over them and
 * writes an `overwriteBySeed` change record on each). `reset` first removes this project's
 * nodes (its labels only: a database shared with other data keeps that data); the report says
 * how many, and which curated records conflict with the seeds.
 */
export async function writeDataset(executor: Neo4jExecutor, dataset: Dataset, options: WriteDatasetOptions = {}): Promise<WriteDatasetReport> {
  const size = options.batchSize ?? 500;
  let removed: number | null = null;
  if (options.reset) {
    const result = await executor.execute('seed/delete-project', {}, 'auto-commit');
    removed = Number(result.records[0]?.get('removed') ?? 0);
  }
  await ensureSchema(executor);
  const plan = planCurated(dataset, options.reset ? [] : await readCurated(executor), options.overwriteCurated === true);
  const rows = rowsToWrite(dataset, plan);
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
  const keep = idsToKeep(dataset, plan);
  await executor.execute('seed/prune-relationships', { relationshipIds: keep.relationshipIds }, 'write');
  await executor.execute('seed/prune-nodes', { entityIds: keep.entityIds, observationIds: keep.observationIds }, 'write');
  if (plan.moves.length > 0) await executor.execute('change/move-history', { moves: plan.moves }, 'write');
  if (plan.reverted.length > 0) await executor.execute('change/write-history', { entries: overwriteRows(plan.reverted, new Date().toISOString()) }, 'write');
  // The digest of the live graph: the seeds written plus the curated records kept. Curated
  // changes update it from there.
  const live = (await executor.execute('seed/get-live', {}, 'read')).records[0];
  const digest = datasetDigest({
    nodes: (live.get('entities') as Parameters<typeof nodeFromNeo4j>[0][]).map(nodeFromNeo4j),
    relationships: (live.get('relationships') as Array<{ type: string; rel: Record<string, unknown>; from: string; to: string }>).map((e) =>
      relationshipFromNeo4j(e.type, e.rel, e.from, e.to),
    ),
    observations: (live.get('observations') as Array<Record<string, unknown>>).map(observationFromNeo4j),
  });
  const seeded = datasetDigest(dataset);
  await executor.execute('seed/set-dataset-version', { digest, version: versionOfDigest(digest), seededVersion: versionOfDigest(seeded) }, 'write');
  return { removed, curated: { conflicts: plan.conflicts, reverted: plan.reverted } };
}
