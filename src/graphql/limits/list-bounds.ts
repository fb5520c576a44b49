import { NODE_KINDS, type DegreeStats } from '../../domain';

/**
 * Upper bounds read off `DegreeStats` for the cost estimate (`cost.ts`). An owner that is not a
 * node kind (the `Entity` interface) may be any kind: the largest over all kinds.
 */
export function listBounds(stats: DegreeStats) {
  const kindsOf = (owner: string): readonly string[] => ((NODE_KINDS as readonly string[]).includes(owner) ? [owner] : NODE_KINDS);

  /**
   * Most edges one entity of `owner`'s kind has of `types` (all when empty) in `direction`: the
   * sum of the per-type maxima, capped by the largest total degree.
   */
  const degreeOf = (owner: string, types: readonly string[], direction: 'OUT' | 'IN' | 'BOTH'): number => {
    let most = 0;
    for (const kind of kindsOf(owner)) {
      const total = stats.maxTotalDegree[kind]?.[direction] ?? 0;
      if (types.length === 0) {
        most = Math.max(most, total);
        continue;
      }
      let perType = 0;
      for (const type of new Set(types)) perType += stats.maxDegree[kind]?.[type]?.[direction] ?? 0;
      most = Math.max(most, Math.min(perType, total));
    }
    return most;
  };

  const nodesOf = (kinds: readonly string[] | undefined): number => {
    let count = 0;
    for (const kind of kinds?.length ? new Set(kinds) : NODE_KINDS) count += stats.nodesByKind[kind] ?? 0;
    return count;
  };

  const citationsOf = (owner: string): number => Math.max(0, ...kindsOf(owner).map((k) => stats.maxEntityCitations[k] ?? 0));

  const maxDegreeAnyKind = degreeOf('Entity', [], 'BOTH');
  return {
    degreeOf,
    nodesOf,
    citationsOf,
    /** The largest degree of any entity, either direction. */
    maxDegreeAnyKind,
    /** For a list of objects the statistics do not describe: the largest per-record list they know. */
    anyList: Math.max(1, maxDegreeAnyKind, citationsOf('Entity'), stats.maxObservationsPerMetric, stats.maxRelationshipCitations),
  };
}
