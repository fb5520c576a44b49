import type { Dataset } from '../../domain';
import type { Neo4jExecutor } from './executor';
import { toNumber } from './mappers';
import { idsToKeep, planCurated, readCurated, rowsToWrite, type CuratedPlan } from './seed-curated';
import { batches, seedRows, storedProperties } from './seed-rows';

/** What seeding would do to one part of the graph. */
export interface SeedPartPlan {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  /** In the database but no longer in the seeds (and not curated): seeding removes them. */
  readonly remove: number;
}

/** What `writeDataset` would change, computed with reads only (`npm run seed -- --dry-run`). */
export interface SeedPlan {
  /** With reset: how many of this project's nodes it would remove first; null without. */
  readonly reset: number | null;
  readonly nodes: SeedPartPlan;
  readonly relationships: SeedPartPlan;
  readonly observations: SeedPartPlan;
  /** The curated records whose seed item changed since, and those `overwriteCurated` would revert (none with reset). */
  readonly curated: Pick<CuratedPlan, 'conflicts' | 'reverted'>;
}

/** Sums a `plan-*` statement's toCreate/toUpdate over batches of rows. */
async function planPart(
  executor: Neo4jExecutor,
  statement: 'seed/plan-nodes' | 'seed/plan-relationships' | 'seed/plan-observations',
  rows: readonly object[],
  remove: number,
): Promise<SeedPartPlan> {
  let create = 0;
  let update = 0;
  for (const batch of batches(rows, 500)) {
    const record = (await executor.execute(statement, { rows: batch }, 'read')).records[0];
    create += toNumber(record?.get('toCreate'));
    update += toNumber(record?.get('toUpdate'));
  }
  return { create, update, unchanged: rows.length - create - update, remove };
}

/**
 * What seeding `dataset` would create, update, leave and remove, and which curated records
 * conflict with the seeds (or `overwriteCurated` would revert), read from the database without
 * writing. With `reset`, everything would be created afresh after removing this project's nodes.
 */
export async function planDataset(executor: Neo4jExecutor, dataset: Dataset, options: { reset?: boolean; overwriteCurated?: boolean } = {}): Promise<SeedPlan> {
  if (options.reset) {
    const rows = seedRows(dataset);
    const count = toNumber((await executor.execute('seed/count-project', {}, 'read')).records[0]?.get('nodes'));
    const fresh = (n: number): SeedPartPlan => ({ create: n, update: 0, unchanged: 0, remove: 0 });
    return {
      reset: count,
      nodes: fresh(rows.nodes.length),
      relationships: fresh(rows.relationships.length),
      observations: fresh(rows.observations.length),
      curated: { conflicts: [], reverted: [] },
    };
  }
  // As writeDataset: the seed items curated records stand in for are not written, and pruning keeps those records.
  const curated = planCurated(dataset, await readCurated(executor), options.overwriteCurated === true);
  const rows = rowsToWrite(dataset, curated);
  const prune = (await executor.execute('seed/plan-prune', idsToKeep(dataset, curated), 'read')).records[0];
  const stored = <T extends { properties: Record<string, unknown> }>(list: readonly T[]): T[] =>
    list.map((row) => ({ ...row, properties: storedProperties(row.properties) }));
  return {
    reset: null,
    nodes: await planPart(executor, 'seed/plan-nodes', stored(rows.nodes), toNumber(prune?.get('entities'))),
    relationships: await planPart(executor, 'seed/plan-relationships', stored(rows.relationships), toNumber(prune?.get('relationships'))),
    observations: await planPart(executor, 'seed/plan-observations', stored(rows.observations), toNumber(prune?.get('observations'))),
    curated: { conflicts: curated.conflicts, reverted: curated.reverted },
  };
}
