import { compareRelationships, isValidAt, relationshipValidity, type GraphNode, type Relationship, type RelationshipListQuery, type RelationshipPage, type Validity } from '../../domain';

/** What the graph-wide relationship list reads from the memory store. */
export interface RelationshipListSource {
  /** Every live relationship in `compareRelationships` order. */
  readonly sorted: () => readonly Relationship[];
  /** The live relationships starting (OUT) or ending (IN) at a node, in any order. */
  readonly edgesAt: (nodeId: string, direction: 'OUT' | 'IN') => readonly Relationship[];
  readonly node: (id: string) => GraphNode | undefined;
  readonly validity: (id: string) => Validity | undefined;
}

/**
 * `findRelationships` over the memory store: with `from` or `to`, only that entity's edges are
 * read (then sorted); otherwise the store's sorted list of every live edge is filtered in order.
 */
export function listRelationships(source: RelationshipListSource, q: RelationshipListQuery): RelationshipPage {
  const types = q.types && q.types.length > 0 ? new Set<string>(q.types) : null;
  const kinds = q.kinds && q.kinds.length > 0 ? new Set<string>(q.kinds) : null;
  const validAt = q.validAt;
  const alive = (id: string): boolean => validAt === undefined || isValidAt(source.validity(id)!, validAt);
  const candidates =
    q.from !== undefined
      ? [...source.edgesAt(q.from, 'OUT')].sort(compareRelationships)
      : q.to !== undefined
        ? [...source.edgesAt(q.to, 'IN')].sort(compareRelationships)
        : source.sorted();
  const matches = candidates.filter(
    (r) =>
      (q.from === undefined || r.from === q.from) &&
      (q.to === undefined || r.to === q.to) &&
      (!types || types.has(r.type)) &&
      (!kinds || kinds.has(source.node(r.from)!.kind) || kinds.has(source.node(r.to)!.kind)) &&
      (validAt === undefined || (isValidAt(relationshipValidity(r), validAt) && alive(r.from) && alive(r.to))),
  );
  return { relationships: matches.slice(q.offset, q.offset + q.limit), totalCount: matches.length };
}
