import {
  EdgeType,
  EntityListRules,
  entityListOrder,
  pageEntityList,
  type EntityListGraph,
  type GraphNode,
  type NodePage,
  type NodeQuery,
  type RelationshipHit,
  type Validity,
} from '../../domain';
import type { MemoryGraph } from './memory-graph';

/**
 * The memory store's entity lists (`findNodes`): the indexes pick the candidates, already in list
 * order — a kind's own sorted array, or what addresses the filter's topics when that is fewer —
 * and the domain's rule book (`EntityListRules`, list-filter.ts) decides which are in the list.
 * Answers the rule book's questions about the graph from the live adjacency.
 */
export class EntityLists implements EntityListGraph {
  constructor(private readonly graph: MemoryGraph) {}

  /** A page of the list `query` asks for, with its total and the filter's unknown ids. */
  find(query: NodeQuery): NodePage {
    const rules = new EntityListRules(query, this);
    const kinds = query.kinds ?? [];
    let candidates = this.graph.sorted.ofKinds(kinds);
    if (rules.topics) candidates = this.addressing(rules.topics, kinds, candidates);
    const matches = rules.kindsOnly ? candidates : candidates.filter(rules.admits);
    return pageEntityList(matches, query, this);
  }

  node(id: string): GraphNode | undefined {
    return this.graph.nodes.get(id);
  }

  validity(id: string): Validity {
    return this.graph.validity.get(id)!;
  }

  addressesAny(id: string, topics: ReadonlySet<string>): boolean {
    const addressed = this.graph.adjacency.out.get(id)?.get(EdgeType.ADDRESSES);
    if (addressed) for (const hit of addressed) if (topics.has(hit.other.id)) return true;
    return false;
  }

  relatedToAny(id: string, ids: ReadonlySet<string>): boolean {
    return touches(this.graph.adjacency.out.get(id), ids) || touches(this.graph.adjacency.in.get(id), ids);
  }

  forEachNarrower(topicId: string, visit: (narrowerId: string) => void): void {
    const broader = this.graph.adjacency.in.get(topicId)?.get(EdgeType.BROADER);
    if (broader) for (const hit of broader) visit(hit.other.id);
  }

  /**
   * What addresses the topics, from their ADDRESSES in-edges, in list order, when those edges
   * are fewer than `ofKinds` (the usual case: a topic is addressed by a few entities); else
   * `ofKinds` itself. Either way a superset of the list: the rules still decide.
   */
  private addressing(topics: ReadonlySet<string>, kinds: readonly string[], ofKinds: readonly GraphNode[]): readonly GraphNode[] {
    const inEdges = this.graph.adjacency.in;
    let edges = 0;
    for (const topic of topics) edges += inEdges.get(topic)?.get(EdgeType.ADDRESSES)?.length ?? 0;
    if (edges >= ofKinds.length) return ofKinds;
    const wanted = kinds.length > 0 ? new Set<string>(kinds) : null;
    const found = new Set<GraphNode>();
    for (const topic of topics) {
      for (const hit of inEdges.get(topic)?.get(EdgeType.ADDRESSES) ?? []) if (!wanted || wanted.has(hit.other.kind)) found.add(hit.other);
    }
    return [...found].sort(entityListOrder);
  }
}

/** Whether any of a node's edge lists (one direction) reaches one of `ids`. */
function touches(byType: ReadonlyMap<EdgeType, readonly RelationshipHit[]> | undefined, ids: ReadonlySet<string>): boolean {
  if (byType) for (const list of byType.values()) for (const hit of list) if (ids.has(hit.other.id)) return true;
  return false;
}
