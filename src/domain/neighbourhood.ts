import { compareHits, compareNodes } from './order';
import type { EdgeType } from './edge-types';
import type { NodeKind } from './kinds';
import type { GraphNode, Relationship } from './model';
import type { GraphStore } from './store';

export const MAX_NEIGHBOURHOOD_DEPTH = 3;

export interface NeighbourhoodQuery {
  readonly id: string;
  readonly depth: number;
  readonly edgeTypes?: readonly EdgeType[];
  /** Only entities of these kinds join the neighbourhood (the centre always does). */
  readonly kinds?: readonly NodeKind[];
  readonly validAt?: string;
  /** Most entities in the answer, the centre included. */
  readonly limit: number;
}

export interface NeighbourhoodNode {
  readonly node: GraphNode;
  /** Hops from the centre. */
  readonly depth: number;
}

/** An entity whose edges were not all followed because the answer reached `limit`. */
export interface LeftOut {
  readonly node: GraphNode;
  /** Edges of this entity (to entities not in the answer) that were left out. */
  readonly omittedEdges: number;
}

export interface Neighbourhood {
  readonly center: GraphNode;
  readonly nodes: readonly NeighbourhoodNode[];
  readonly edges: readonly Relationship[];
  readonly truncated: boolean;
  readonly leftOut: readonly LeftOut[];
}

/**
 * The entities within `depth` hops of a centre (edges in either direction) and every edge among
 * them — the induced subgraph, so a graph viewer draws the web the graph holds, not a star.
 * Breadth first, one store call per level, plus one for the edges among the entities of the
 * last level (whose edges to earlier levels are already known). Entities join in a stable order
 * (level, then parent order, then edge order) until `limit`, and every entity whose edges to an
 * entity within `depth` were cut by the limit is listed in `leftOut` with how many — nothing is
 * cut silently. Null when the centre does not exist.
 */
export async function findNeighbourhood(store: GraphStore, q: NeighbourhoodQuery): Promise<Neighbourhood | null> {
  const [center] = await store.getNodesByIds([q.id]);
  if (!center) return null;
  const included = new Map<string, NeighbourhoodNode>([[center.id, { node: center, depth: 0 }]]);
  const edges = new Map<string, Relationship>();
  const leftOut: LeftOut[] = [];
  const edgesOf = (nodes: readonly GraphNode[]) =>
    store.getRelationships(nodes.map((n) => ({ nodeId: n.id, direction: 'BOTH' as const, types: q.edgeTypes, kinds: q.kinds, validAt: q.validAt })));
  let frontier: GraphNode[] = [center];
  for (let level = 0; level < q.depth && frontier.length > 0; level++) {
    const lists = await edgesOf(frontier);
    const next: GraphNode[] = [];
    frontier.forEach((node, i) => {
      let omitted = 0;
      for (const hit of lists[i].sort(compareHits)) {
        if (!included.has(hit.other.id)) {
          if (included.size >= q.limit) {
            omitted++;
            continue;
          }
          included.set(hit.other.id, { node: hit.other, depth: level + 1 });
          next.push(hit.other);
        }
        edges.set(hit.relationship.id, hit.relationship);
      }
      if (omitted > 0) leftOut.push({ node, omittedEdges: omitted });
    });
    frontier = next;
  }
  // The last level's edges among themselves (their edges beyond it are past `depth`, not cut).
  if (frontier.length > 1) {
    const lists = await edgesOf(frontier);
    for (const list of lists) for (const hit of list) if (included.has(hit.other.id)) edges.set(hit.relationship.id, hit.relationship);
  }
  const nodes = [...included.values()].sort((a, b) => a.depth - b.depth || compareNodes(a.node, b.node));
  const edgeList = [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { center, nodes, edges: edgeList, truncated: leftOut.length > 0, leftOut };
}
