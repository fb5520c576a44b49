import { compareHits } from './order';
import type { EdgeType } from './edge-types';
import type { GraphNode, Relationship } from './model';
import type { Direction, GraphStore, RelationshipHit } from './store';

export const MAX_CONNECTION_HOPS = 6;

/** How many hops beyond the shortest a returned path may have: alternatives, not detours. */
export const EXTRA_HOPS = 1;

/** Enumeration stops after this many candidate paths per length (hubs can multiply them). */
export const MAX_CANDIDATES_PER_LENGTH = 2000;

export interface ConnectionsQuery {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly edgeTypes?: readonly EdgeType[];
  /** ISO day: walk only edges that held then, through entities that existed then. */
  readonly validAt?: string;
  readonly first: number;
}

/** One step of a path. `direction` is OUT when the edge points the way the path walks. */
export interface Hop {
  readonly from: GraphNode;
  readonly to: GraphNode;
  readonly relationship: Relationship;
  readonly direction: Direction;
}

export interface Path {
  readonly nodes: readonly GraphNode[];
  readonly hops: readonly Hop[];
  /** Lower is more specific: the sum of ln(1 + degree) of the entities passed through. */
  readonly hubScore: number;
}

export interface ConnectionsResult {
  /** Length of the shortest path, null when none exists within maxHops. */
  readonly shortestLength: number | null;
  readonly paths: readonly Path[];
  /** Paths of the considered lengths that exist beyond `first` (at least; enumeration is capped). */
  readonly morePaths: boolean;
}

/**
 * The shortest paths between two entities (and those one hop longer), walking edges in either
 * direction, ranked by length and then by how specific they are: a path through a hub such as
 * a country ranks below one through a policy that names both ends. Works on any store through
 * the port: a breadth-first search from `to` fetches one level of neighbours per store call,
 * so it costs at most maxHops + 1 round trips, and both stores give the same answer.
 */
export async function findConnections(store: GraphStore, q: ConnectionsQuery): Promise<ConnectionsResult> {
  if (q.from === q.to) return { shortestLength: 0, paths: [], morePaths: false };
  const adjacency = new Map<string, RelationshipHit[]>();
  const fetch = async (ids: readonly string[]): Promise<void> => {
    const missing = ids.filter((id) => !adjacency.has(id));
    if (missing.length === 0) return;
    const lists = await store.getRelationships(missing.map((nodeId) => ({ nodeId, direction: 'BOTH' as const, types: q.edgeTypes, validAt: q.validAt })));
    missing.forEach((id, i) => adjacency.set(id, lists[i].sort(compareHits)));
  };

  // Distances to `to`, level by level, until the source is found and EXTRA_HOPS more levels.
  const distance = new Map<string, number>([[q.to, 0]]);
  const known = new Map<string, GraphNode>();
  let frontier = [q.to];
  let longest = q.maxHops;
  for (let level = 0; level < longest && frontier.length > 0; level++) {
    await fetch(frontier);
    const next: string[] = [];
    for (const id of frontier) {
      for (const hit of adjacency.get(id)!) {
        if (distance.has(hit.other.id)) continue;
        distance.set(hit.other.id, level + 1);
        known.set(hit.other.id, hit.other);
        next.push(hit.other.id);
        if (hit.other.id === q.from) longest = Math.min(q.maxHops, level + 1 + EXTRA_HOPS);
      }
    }
    frontier = next;
  }
  const shortest = distance.get(q.from);
  if (shortest === undefined) return { shortestLength: null, paths: [], morePaths: false };
  await fetch([q.from]);
  const startNode = known.get(q.from)!;

  const degree = (id: string): number => adjacency.get(id)?.length ?? 0;
  const candidates: Path[] = [];
  let capped = false;
  for (let length = shortest; length <= longest; length++) {
    const found: Path[] = [];
    const nodes: GraphNode[] = [];
    const hops: Hop[] = [];
    const visited = new Set<string>([q.from]);
    const walk = (id: string, remaining: number): void => {
      if (found.length >= MAX_CANDIDATES_PER_LENGTH) {
        capped = true;
        return;
      }
      if (remaining === 0) {
        if (id === q.to) {
          const inner = nodes.slice(0, -1);
          found.push({ nodes: [...nodes], hops: [...hops], hubScore: inner.reduce((sum, n) => sum + Math.log1p(degree(n.id)), 0) });
        }
        return;
      }
      for (const hit of adjacency.get(id) ?? []) {
        const next = hit.other.id;
        const d = distance.get(next);
        if (visited.has(next) || d === undefined || d > remaining - 1) continue;
        const from = nodes.length > 0 ? nodes[nodes.length - 1] : startNode;
        visited.add(next);
        nodes.push(hit.other);
        hops.push({ from, to: hit.other, relationship: hit.relationship, direction: hit.direction });
        walk(next, remaining - 1);
        nodes.pop();
        hops.pop();
        visited.delete(next);
      }
    };
    walk(q.from, length);
    candidates.push(...found.map((p) => ({ ...p, nodes: [startNode, ...p.nodes] })));
  }
  // As of a date, an edge counts only when the entity at its other end existed then, and the
  // search starts at `to` without that check: if `to` itself did not exist, it reached `from`,
  // yet no walk back arrives at it. No path then means no connection on that day.
  if (candidates.length === 0 && !capped) return { shortestLength: null, paths: [], morePaths: false };
  candidates.sort(comparePaths);
  return { shortestLength: shortest, paths: candidates.slice(0, q.first), morePaths: capped || candidates.length > q.first };
}

function pathKey(p: Path): string {
  return p.hops.map((h) => h.relationship.id).join(' ');
}

function comparePaths(a: Path, b: Path): number {
  if (a.hops.length !== b.hops.length) return a.hops.length - b.hops.length;
  if (Math.abs(a.hubScore - b.hubScore) > 1e-9) return a.hubScore - b.hubScore;
  const ka = pathKey(a);
  const kb = pathKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
