import { computeNodeValidity, type Dataset } from '../../domain';
import { nodeToProperties, observationToProperties, relationshipToProperties } from './mappers';

/** The UNWIND rows of the seed statements (`cypher/seed/merge-*`, `plan-*`) for one dataset. */
export interface SeedRows {
  readonly nodes: ReadonlyArray<{ id: string; kind: string; properties: Record<string, unknown> }>;
  readonly relationships: ReadonlyArray<{ id: string; type: string; from: string; to: string; properties: Record<string, unknown> }>;
  readonly observations: ReadonlyArray<{ id: string; metricId: string; properties: Record<string, unknown> }>;
}

export function seedRows(dataset: Dataset): SeedRows {
  const validity = computeNodeValidity(dataset);
  return {
    nodes: dataset.nodes.map((n) => ({ id: n.id, kind: n.kind, properties: nodeToProperties(n, validity.get(n.id)!) })),
    relationships: dataset.relationships.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, properties: relationshipToProperties(r) })),
    observations: dataset.observations.map((o) => ({ id: o.id, metricId: o.metricId, properties: observationToProperties(o) })),
  };
}

/** The properties as Neo4j keeps them after `SET x = properties`: a null one is not stored. */
export function storedProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null && value !== undefined));
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
