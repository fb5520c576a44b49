import { applyDelta, computeNodeValidity, datasetDigest, versionOfDigest, type Dataset } from '../../domain';
import type { Neo4jExecutor } from './executor';
import { loadStatements } from './statements';
import { nodeFromNeo4j, nodeToProperties, observationFromNeo4j, observationToProperties, relationshipFromNeo4j, relationshipToProperties } from './mappers';

export interface SeedCounts {
  readonly nodesByKind: Readonly<Record<string, number>>;
  readonly relationships: number;
  readonly observations: number;
}

/** Creates the constraints and indexes in `cypher/schema/` (idempotent: IF NOT EXISTS). */
export async function ensureSchema(executor: Neo4jExecutor): Promise<void> {
  const statements = loadStatements();
  for (const [name, text] of statements) {
    if (name.startsWith('schema/')) await executor.autoCommit(text, {}, name);
  }
  await executor.autoCommit('CALL db.awaitIndexes(300)', {}, 'schema/await-indexes');
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes the dataset idempotently: MERGE in UNWIND batches (one transaction per batch), then
 * removes what the seeds no longer hold, then records the content digest and version. Writing the same
 * dataset twice leaves the same graph. `reset` empties the database first.
 */
export async function writeDataset(executor: Neo4jExecutor, dataset: Dataset, options: { reset?: boolean; batchSize?: number } = {}): Promise<void> {
  const size = options.batchSize ?? 500;
  if (options.reset) await executor.autoCommit(executor.statement('seed/delete-all'), {}, 'seed/delete-all');
  await ensureSchema(executor);
  const validity = computeNodeValidity(dataset);
  for (const batch of batches(dataset.nodes, size)) {
    await executor.write('seed/merge-nodes', { rows: batch.map((n) => ({ id: n.id, kind: n.kind, properties: nodeToProperties(n, validity.get(n.id)!) })) });
  }
  for (const batch of batches(dataset.relationships, size)) {
    await executor.write('seed/merge-relationships', {
      rows: batch.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, properties: relationshipToProperties(r) })),
    });
  }
  for (const batch of batches(dataset.observations, size)) {
    await executor.write('seed/merge-observations', { rows: batch.map((o) => ({ id: o.id, metricId: o.metricId, properties: observationToProperties(o) })) });
  }
  await executor.write('seed/prune-relationships', { relationshipIds: dataset.relationships.map((r) => r.id) });
  await executor.write('seed/prune-nodes', { entityIds: dataset.nodes.map((n) => n.id), observationIds: dataset.observations.map((o) => o.id) });
  // The digest of the live graph: what was written (not the dataset's own `version` field) plus
  // the curated records re-seeding keeps. Curated changes update it from there.
  const curated = (await executor.read('seed/get-curated', {})).records[0];
  const seeded = datasetDigest(dataset);
  const digest = applyDelta(seeded, {
    added: {
      nodes: (curated.get('entities') as Parameters<typeof nodeFromNeo4j>[0][]).map(nodeFromNeo4j),
      relationships: (curated.get('relationships') as Array<{ type: string; rel: Record<string, unknown>; from: string; to: string }>).map((e) => relationshipFromNeo4j(e.type, e.rel, e.from, e.to)),
      observations: (curated.get('observations') as Array<Record<string, unknown>>).map(observationFromNeo4j),
    },
  });
  await executor.write('seed/set-dataset-version', { digest, version: versionOfDigest(digest), seededVersion: versionOfDigest(seeded) });
}
