import {
  RelationshipListRules,
  compareRelationships,
  type Relationship,
  type RelationshipListGraph,
  type RelationshipListQuery,
  type RelationshipPage,
} from '../../domain';

/** What the graph-wide relationship list reads from the memory store. */
export interface RelationshipListSource extends RelationshipListGraph {
  /** Every live relationship in `compareRelationships` order. */
  readonly sorted: () => readonly Relationship[];
  /** The live relationships starting (OUT) or ending (IN) at a node, in any order. */
  readonly edgesAt: (nodeId: string, direction: 'OUT' | 'IN') => readonly Relationship[];
}

/**
 * `findRelationships` over the memory store: with `from` or `to`, only that entity's edges are
 * read (then sorted); otherwise the store's sorted list of every live edge. The domain's rule
 * book (`RelationshipListRules`) decides which are in the list.
 */
export function listRelationships(source: RelationshipListSource, q: RelationshipListQuery): RelationshipPage {
  const candidates =
    q.from !== undefined
      ? [...source.edgesAt(q.from, 'OUT')].sort(compareRelationships)
      : q.to !== undefined
        ? [...source.edgesAt(q.to, 'IN')].sort(compareRelationships)
        : source.sorted();
  const matches = candidates.filter(new RelationshipListRules(q, source).admits);
  return { relationships: matches.slice(q.offset, q.offset + q.limit), totalCount: matches.length };
}
