import {
  compareNodes,
  isValidAt,
  relationshipValidity,
  type EdgeType,
  type GraphNode,
  type Relationship,
  type RelationshipHit,
  type RelationshipQuery,
  type Validity,
} from '../../domain';

/** One direction's edge lists: per node, per edge type. */
export type EdgeLists = Map<string, Map<EdgeType, RelationshipHit[]>>;

/**
 * Edges per node, type and direction, held as the hits `getRelationships` answers with (the edge,
 * its direction, the node at the other end), sorted by that node: a hop reads one array and
 * follows no id to another map (bench/notes/scaling.md). Kept current on every change, including
 * a neighbour's new version (`refreshEnds`). Holds live edges only.
 */
export class Adjacency {
  /** Edges by their `from` node (hits with direction OUT). */
  readonly out: EdgeLists = new Map();
  /** Edges by their `to` node (hits with direction IN). */
  readonly in: EdgeLists = new Map();

  /** The lists of `relationships`, whose ends `node` finds (every end must exist). */
  constructor(relationships: Iterable<Relationship>, node: (id: string) => GraphNode) {
    for (const rel of relationships) this.addHits(rel, node);
    for (const lists of [this.out, this.in]) {
      for (const byType of lists.values()) for (const list of byType.values()) sortEdgeList(list);
    }
  }

  /** Adds a new edge to the lists of both its ends, in order. */
  add(rel: Relationship, node: (id: string) => GraphNode): void {
    this.addHits(rel, node);
    const outList = this.out.get(rel.from)?.get(rel.type);
    if (outList) sortEdgeList(outList);
    const inList = this.in.get(rel.to)?.get(rel.type);
    if (inList) sortEdgeList(inList);
  }

  /** Removes an edge from the lists of both its ends. */
  remove(rel: Relationship): void {
    removeFrom(this.out, rel.from, rel);
    removeFrom(this.in, rel.to, rel);
  }

  /** The live edges starting (OUT) or ending (IN) at a node, in no particular order. */
  edgesOf(id: string, direction: 'OUT' | 'IN'): Relationship[] {
    return [...((direction === 'OUT' ? this.out : this.in).get(id)?.values() ?? [])].flat().map((hit) => hit.relationship);
  }

  /**
   * After `node` got a new version: the hits at its neighbours that point at it get the new
   * version, and their lists are re-sorted (the list is ordered by the other end's name).
   */
  refreshEnds(node: GraphNode): void {
    for (const [lists, end] of [
      [this.in, 'to'],
      [this.out, 'from'],
    ] as const) {
      // Edges whose `end` is the node sit in the neighbour's list of the other direction.
      for (const rel of this.edgesOf(node.id, lists === this.in ? 'OUT' : 'IN')) {
        const neighbour = end === 'to' ? rel.to : rel.from;
        const list = lists.get(neighbour)?.get(rel.type);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) if (list[i].relationship.id === rel.id) list[i] = { ...list[i], other: node };
        sortEdgeList(list);
      }
    }
  }

  /**
   * `getRelationships` for one query. Each node's lists are kept sorted per type and direction by
   * the node at the other end, so hits come out in compareHits order — types in order, OUT before
   * IN, then the other end — with no sort per call and no sort keys to look up: a hop touches
   * only the node's own edges and the nodes at their other ends, which is what a hop over a graph
   * too big for the CPU caches pays for (bench/notes/scaling.md).
   */
  hitsOf(q: RelationshipQuery, validity: ReadonlyMap<string, Validity>): RelationshipHit[] {
    const hits: RelationshipHit[] = [];
    const outByType = q.direction !== 'IN' ? this.out.get(q.nodeId) : undefined;
    const inByType = q.direction !== 'OUT' ? this.in.get(q.nodeId) : undefined;
    if (!outByType && !inByType) return hits;
    const types = q.types && q.types.length > 0 ? [...new Set(q.types)].sort() : edgeTypesOf(outByType, inByType);
    const kinds = q.kinds && q.kinds.length > 0 ? q.kinds : null;
    const validAt = q.validAt;
    const collect = (list: readonly RelationshipHit[] | undefined): void => {
      if (!list) return;
      for (const hit of list) {
        if (kinds && !kinds.includes(hit.other.kind)) continue;
        if (validAt !== undefined && !(isValidAt(relationshipValidity(hit.relationship), validAt) && isValidAt(validity.get(hit.other.id)!, validAt))) continue;
        hits.push(hit);
      }
    };
    for (const type of types) {
      collect(outByType?.get(type));
      collect(inByType?.get(type));
    }
    return hits;
  }

  /** How many live edges there are. */
  count(): number {
    let edges = 0;
    for (const byType of this.out.values()) for (const list of byType.values()) edges += list.length;
    return edges;
  }

  /** Every live edge once (from its OUT list). */
  *relationships(): Iterable<Relationship> {
    for (const byType of this.out.values()) for (const hits of byType.values()) for (const hit of hits) yield hit.relationship;
  }

  /** Adds `rel` to the edge lists of both its ends (unsorted; see sortEdgeList). */
  private addHits(rel: Relationship, node: (id: string) => GraphNode): void {
    addEdge(this.out, rel.from, { relationship: rel, direction: 'OUT', other: node(rel.to) });
    addEdge(this.in, rel.to, { relationship: rel, direction: 'IN', other: node(rel.from) });
  }
}

/** The edge types a node has in either direction, in order. */
function edgeTypesOf(outByType: Map<EdgeType, RelationshipHit[]> | undefined, inByType: Map<EdgeType, RelationshipHit[]> | undefined): EdgeType[] {
  const types = new Set<EdgeType>(outByType?.keys());
  for (const type of inByType?.keys() ?? []) types.add(type);
  return [...types].sort();
}

function removeFrom(lists: EdgeLists, key: string, rel: Relationship): void {
  const byType = lists.get(key);
  const list = byType?.get(rel.type);
  if (!byType || !list) return;
  const rest = list.filter((hit) => hit.relationship.id !== rel.id);
  if (rest.length > 0) byType.set(rel.type, rest);
  else byType.delete(rel.type);
  if (byType.size === 0) lists.delete(key);
}

function addEdge(lists: EdgeLists, key: string, hit: RelationshipHit): void {
  let byType = lists.get(key);
  if (!byType) lists.set(key, (byType = new Map()));
  const list = byType.get(hit.relationship.type) ?? [];
  list.push(hit);
  byType.set(hit.relationship.type, list);
}

/** Sorts one edge list by the node at its other end, then edge id (compareHits' tail). */
function sortEdgeList(list: RelationshipHit[]): void {
  list.sort((a, b) => compareNodes(a.other, b.other) || (a.relationship.id < b.relationship.id ? -1 : a.relationship.id > b.relationship.id ? 1 : 0));
}
