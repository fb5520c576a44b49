import { compareNodes, type GraphNode } from '../../domain';

/**
 * The memory store's list index: every node in `compareNodes` order, and the same order per kind
 * (what a label index is to Neo4j). A list of one kind with no other filter is a slice of its
 * kind's array; a filtered list scans only the kinds it asks for. Kept in order by binary
 * insertion as nodes are created, renamed and retired.
 */
export class SortedNodes {
  private all: GraphNode[];
  private readonly byKind = new Map<string, GraphNode[]>();

  constructor(nodes: Iterable<GraphNode>) {
    this.all = [...nodes].sort(compareNodes);
    for (const node of this.all) this.kindList(node.kind).push(node);
  }

  /** All nodes, in order. */
  get nodes(): readonly GraphNode[] {
    return this.all;
  }

  /** The nodes of `kinds` in order (all nodes when `kinds` is empty); a shared array, not a copy, for one kind. */
  ofKinds(kinds: readonly string[]): readonly GraphNode[] {
    if (kinds.length === 0) return this.all;
    if (kinds.length === 1) return this.byKind.get(kinds[0]) ?? [];
    const wanted = new Set(kinds);
    return this.all.filter((n) => wanted.has(n.kind));
  }

  insert(node: GraphNode): void {
    insertSorted(this.all, node);
    insertSorted(this.kindList(node.kind), node);
  }

  /** Removes the node with `node`'s id (the object itself may be a newer version). */
  remove(node: GraphNode): void {
    this.all = this.all.filter((n) => n.id !== node.id);
    for (const [kind, list] of this.byKind) {
      const i = list.findIndex((n) => n.id === node.id);
      if (i >= 0) {
        list.splice(i, 1);
        if (list.length === 0) this.byKind.delete(kind);
      }
    }
  }

  private kindList(kind: string): GraphNode[] {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = []));
    return list;
  }
}

function insertSorted(list: GraphNode[], node: GraphNode): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareNodes(list[mid], node) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, node);
}
