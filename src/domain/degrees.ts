import type { GraphNode, Observation, Relationship } from './model';

/** Largest counts seen per direction of an edge: OUT from the entity, IN to it, and both together. */
export interface DirectionMaxima {
  readonly OUT: number;
  readonly IN: number;
  readonly BOTH: number;
}

/**
 * Upper bounds on how many items a list of the live graph holds, for the query cost estimate:
 * the most edges any entity of a kind has (per edge type and direction, and in all), the most
 * citations on one record, the most observations of one metric. Computed by the store from what
 * it holds, kept current under curation (`applyChange`). A kind or type with no edge is absent
 * (read it as 0).
 */
export interface DegreeStats {
  /** Live entities per kind. */
  readonly nodesByKind: Readonly<Record<string, number>>;
  /** Live relationships between live entities. */
  readonly relationships: number;
  /** Live observations. */
  readonly observations: number;
  /** `maxDegree[kind][edgeType]`: most edges of that type one entity of that kind has, per direction. */
  readonly maxDegree: Readonly<Record<string, Readonly<Record<string, DirectionMaxima>>>>;
  /** `maxTotalDegree[kind]`: most edges of any type one entity of that kind has, per direction. */
  readonly maxTotalDegree: Readonly<Record<string, DirectionMaxima>>;
  /** Most citations (`sources`) on one entity of a kind. */
  readonly maxEntityCitations: Readonly<Record<string, number>>;
  readonly maxRelationshipCitations: number;
  readonly maxObservationCitations: number;
  /** Most observations of one metric. */
  readonly maxObservationsPerMetric: number;
  /** Most dimensions on one observation. */
  readonly maxDimensions: number;
  /** Most history entries of one record (entity, relationship or observation; retired ones count too, so it is an upper bound). */
  readonly maxHistoryEntries: number;
}

type Counts = { OUT: number; IN: number; BOTH: number };
const zero = (): Counts => ({ OUT: 0, IN: 0, BOTH: 0 });

/**
 * Degree statistics of a live graph: `nodes`, the relationships between them and the
 * observations of their metrics, and the length of each record's history. The memory store computes them this way; the Neo4j store with
 * `cypher/stats/get-degrees.cypher`, and the contract suite checks both against this.
 */
export function computeDegreeStats(
  nodes: Iterable<GraphNode>,
  relationships: Iterable<Relationship>,
  observations: Iterable<Observation>,
  historyLengths: Iterable<number> = [],
): DegreeStats {
  const kindOf = new Map<string, string>();
  const nodesByKind: Record<string, number> = {};
  const maxEntityCitations: Record<string, number> = {};
  for (const n of nodes) {
    kindOf.set(n.id, n.kind);
    nodesByKind[n.kind] = (nodesByKind[n.kind] ?? 0) + 1;
    maxEntityCitations[n.kind] = Math.max(maxEntityCitations[n.kind] ?? 0, n.sources.length);
  }
  // Per entity: counts per edge type and in all, per direction.
  const perNode = new Map<string, { byType: Map<string, Counts>; total: Counts }>();
  const bump = (id: string, type: string, direction: 'OUT' | 'IN'): void => {
    let entry = perNode.get(id);
    if (!entry) perNode.set(id, (entry = { byType: new Map(), total: zero() }));
    let counts = entry.byType.get(type);
    if (!counts) entry.byType.set(type, (counts = zero()));
    counts[direction]++;
    counts.BOTH++;
    entry.total[direction]++;
    entry.total.BOTH++;
  };
  let relationshipCount = 0;
  let maxRelationshipCitations = 0;
  for (const r of relationships) {
    relationshipCount++;
    maxRelationshipCitations = Math.max(maxRelationshipCitations, r.sources.length);
    bump(r.from, r.type, 'OUT');
    bump(r.to, r.type, 'IN');
  }
  const maxDegree: Record<string, Record<string, Counts>> = {};
  const maxTotalDegree: Record<string, Counts> = {};
  for (const [id, { byType, total }] of perNode) {
    const kind = kindOf.get(id);
    if (kind === undefined) continue;
    const byKind = (maxDegree[kind] ??= {});
    for (const [type, counts] of byType) raise((byKind[type] ??= zero()), counts);
    raise((maxTotalDegree[kind] ??= zero()), total);
  }
  let observationCount = 0;
  let maxObservationCitations = 0;
  let maxDimensions = 0;
  let maxObservationsPerMetric = 0;
  const perMetric = new Map<string, number>();
  for (const o of observations) {
    observationCount++;
    maxObservationCitations = Math.max(maxObservationCitations, o.sources.length);
    maxDimensions = Math.max(maxDimensions, Object.keys(o.dimensions).length);
    const count = (perMetric.get(o.metricId) ?? 0) + 1;
    perMetric.set(o.metricId, count);
    maxObservationsPerMetric = Math.max(maxObservationsPerMetric, count);
  }
  return {
    nodesByKind,
    relationships: relationshipCount,
    observations: observationCount,
    maxDegree,
    maxTotalDegree,
    maxEntityCitations,
    maxRelationshipCitations,
    maxObservationCitations,
    maxObservationsPerMetric,
    maxDimensions,
    maxHistoryEntries: Math.max(0, ...historyLengths),
  };
}

function raise(target: Counts, counts: Counts): void {
  target.OUT = Math.max(target.OUT, counts.OUT);
  target.IN = Math.max(target.IN, counts.IN);
  target.BOTH = Math.max(target.BOTH, counts.BOTH);
}
