import { sortKey } from './text';
import type { GraphNode, Observation } from './model';
import type { RelationshipHit } from './store';

// The orders every store must return; defined once so that both stores agree exactly.
// Strings compare by UTF-16 code unit (JavaScript `<`), which is also how Neo4j orders strings.

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Nodes by folded name, then id. */
export function compareNodes(a: GraphNode, b: GraphNode): number {
  return cmp(sortKey(a.name), sortKey(b.name)) || cmp(a.id, b.id);
}

/** Edges of one node: by type, then direction (OUT first), then the other end, then edge id. */
export function compareHits(a: RelationshipHit, b: RelationshipHit): number {
  return (
    cmp(a.relationship.type, b.relationship.type) ||
    (a.direction === b.direction ? 0 : a.direction === 'OUT' ? -1 : 1) ||
    compareNodes(a.other, b.other) ||
    cmp(a.relationship.id, b.relationship.id)
  );
}

/** Observations of one metric: by period start, then period end, then id. */
export function compareObservations(a: Observation, b: Observation): number {
  return cmp(a.periodStart, b.periodStart) || cmp(a.periodEnd, b.periodEnd) || cmp(a.id, b.id);
}
