import { sortKey } from './text';
import type { GraphNode, Observation } from './model';
import type { RelationshipHit } from './store';

// The orders every store must return; defined once so that both stores agree exactly.
// Strings compare by UTF-16 code unit (JavaScript `<`), which is also how Neo4j orders strings.

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `sortKey(node.name)`, computed once per node object: a sort compares each node ~log n times,
 * and folding (Unicode normalization and a regular expression) dominated sorting long lists.
 * Nodes are immutable (a change replaces the object), so the cached key never goes stale.
 */
const nodeKeys = new WeakMap<GraphNode, string>();

function nodeKey(node: GraphNode): string {
  let key = nodeKeys.get(node);
  if (key === undefined) {
    key = sortKey(node.name);
    nodeKeys.set(node, key);
  }
  return key;
}

/** Nodes by folded name, then id. */
export function compareNodes(a: GraphNode, b: GraphNode): number {
  return cmp(nodeKey(a), nodeKey(b)) || cmp(a.id, b.id);
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

/**
 * Sorts edges in place into `compareHits` order, with each node's sort key looked up once
 * (decorate, sort, undecorate) rather than twice per comparison: a 10,000-edge list sorts in
 * about half the time. Returns `hits`.
 */
export function sortHits(hits: RelationshipHit[]): RelationshipHit[] {
  if (hits.length < 2) return hits;
  const keyed = hits.map((hit) => ({ hit, key: nodeKey(hit.other) }));
  keyed.sort(
    (a, b) =>
      cmp(a.hit.relationship.type, b.hit.relationship.type) ||
      (a.hit.direction === b.hit.direction ? 0 : a.hit.direction === 'OUT' ? -1 : 1) ||
      cmp(a.key, b.key) ||
      cmp(a.hit.other.id, b.hit.other.id) ||
      cmp(a.hit.relationship.id, b.hit.relationship.id),
  );
  keyed.forEach((k, i) => (hits[i] = k.hit));
  return hits;
}

/** Observations of one metric: by period start, then period end, then id; undated ones last, by the year reported. */
export function compareObservations(a: Observation, b: Observation): number {
  if (a.periodStart === null || b.periodStart === null) {
    if (a.periodStart !== b.periodStart) return a.periodStart === null ? 1 : -1;
    return (a.reportedIn ?? 0) - (b.reportedIn ?? 0) || cmp(a.id, b.id);
  }
  return cmp(a.periodStart, b.periodStart) || cmp(a.periodEnd!, b.periodEnd!) || cmp(a.id, b.id);
}
