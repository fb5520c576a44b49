import { overlaps, parsePartialDate } from './dates';
import { NodeKind } from './kinds';
import type { GraphNode } from './model';
import { compareNodes } from './order';
import type { NodeFilter, NodePage, NodeQuery } from './store';
import { isValidAt, type Validity } from './validity';

/**
 * The rule book of entity lists (`findNodes`), written once: which entities a list holds, in
 * which order, and which of its filter's ids name nothing usable. The memory store decides with
 * it (its indexes only pre-narrow the candidates); `cypher/node/find.cypher` pushes the same rules
 * down to Neo4j and the contract suite holds it to this book (test/store/list-rules.contract.ts).
 * Graph-wide relationship lists have theirs beside their query (`RelationshipListRules`,
 * relationship-list.ts).
 */

/** What the rules read about the live graph beyond an entity's own fields. */
export interface EntityListGraph {
  /** The live entity with this id, if any. */
  node(id: string): GraphNode | undefined;
  /** A live entity's lifetime (validity.ts). */
  validity(id: string): Validity;
  /** Whether the entity has a live ADDRESSES edge to one of `topics`. */
  addressesAny(id: string, topics: ReadonlySet<string>): boolean;
  /** Whether a live edge of any type, in either direction, joins the entity to one of `ids`. */
  relatedToAny(id: string, ids: ReadonlySet<string>): boolean;
  /** Calls `visit` with each topic directly under a topic (the `from` ends of the live BROADER edges into it). */
  forEachNarrower(topicId: string, visit: (narrowerId: string) => void): void;
}

/** The order of entity lists: by name folded for accents and case, then id (`compareNodes`). */
export const entityListOrder: (a: GraphNode, b: GraphNode) => number = compareNodes;

/** A non-empty list as a set; an absent or empty one is no criterion (null). */
function setOf(values: readonly string[] | undefined): ReadonlySet<string> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

/**
 * One entity list's criteria, compiled once per query (sets built, the topic hierarchy walked).
 * Every criterion given must hold; an empty list or an absent value is no criterion:
 * - `kinds`: the entity is of one of them;
 * - `types`: it has a subtype, one of them (an entity without a subtype never matches);
 * - `addresses`: it ADDRESSES one of the topics or a topic under one of them (BROADER, any depth);
 * - `relatedTo`: an edge of any type, in either direction, joins it to one of the entities;
 * - `from` / `to`: one of its dates overlaps [from, to] (inclusive days, either end open); an
 *   entity without dates never matches a date range;
 * - `validAt`: its lifetime includes the day (validity.ts).
 */
export class EntityListRules {
  readonly kinds: ReadonlySet<string> | null;
  readonly types: ReadonlySet<string> | null;
  /** The filter's topics and every topic under them; null when the filter names none. */
  readonly topics: ReadonlySet<string> | null;
  readonly relatedTo: ReadonlySet<string> | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly validAt: string | null;
  /** No criterion but the kinds: every entity of the kinds is in the list. */
  readonly kindsOnly: boolean;

  constructor(
    query: Pick<NodeQuery, 'kinds' | 'filter'>,
    private readonly graph: EntityListGraph,
  ) {
    const f: NodeFilter = query.filter ?? {};
    this.kinds = setOf(query.kinds);
    this.types = setOf(f.types);
    this.topics = f.addresses && f.addresses.length > 0 ? withNarrower(f.addresses, graph) : null;
    this.relatedTo = setOf(f.relatedTo);
    this.from = f.from ?? null;
    this.to = f.to ?? null;
    this.validAt = f.validAt ?? null;
    this.kindsOnly = !this.types && !this.topics && !this.relatedTo && this.from === null && this.to === null && this.validAt === null;
  }

  /** Whether `node` (a live entity) is in the list. */
  readonly admits = (node: GraphNode): boolean => {
    if (this.kinds && !this.kinds.has(node.kind)) return false;
    if (this.kindsOnly) return true;
    if (this.validAt !== null && !isValidAt(this.graph.validity(node.id), this.validAt)) return false;
    if (this.types && (node.type === null || !this.types.has(node.type))) return false;
    if (this.topics && !this.graph.addressesAny(node.id, this.topics)) return false;
    if (this.relatedTo && !this.graph.relatedToAny(node.id, this.relatedTo)) return false;
    if ((this.from !== null || this.to !== null) && !this.datedWithin(node)) return false;
    return true;
  };

  private datedWithin(node: GraphNode): boolean {
    for (const role in node.dates) {
      const date = parsePartialDate(node.dates[role as keyof GraphNode['dates']]!)!;
      if (overlaps(date.start, date.end, this.from, this.to)) return true;
    }
    return false;
  }
}

/** The given topics and every topic below them in the BROADER hierarchy (each visited once). */
function withNarrower(topicIds: readonly string[], graph: EntityListGraph): Set<string> {
  const seen = new Set<string>(topicIds);
  const queue = [...topicIds];
  const visit = (narrower: string): void => {
    if (!seen.has(narrower)) {
      seen.add(narrower);
      queue.push(narrower);
    }
  };
  while (queue.length > 0) graph.forEachNarrower(queue.pop()!, visit);
  return seen;
}

/**
 * The filter's ids that name nothing usable, each once, in the order given: `addresses` that are
 * not live topics, `relatedTo` that are not live entities. They match nothing; the GraphQL layer
 * refuses a filter that has any.
 */
export function unknownListIds(filter: NodeFilter | undefined, graph: EntityListGraph): NodePage['unknownIds'] {
  const unknown = (ids: readonly string[] | undefined, usable: (node: GraphNode | undefined) => boolean): string[] =>
    ids && ids.length > 0 ? [...new Set(ids)].filter((id) => !usable(graph.node(id))) : [];
  return { addresses: unknown(filter?.addresses, (n) => n?.kind === NodeKind.Topic), relatedTo: unknown(filter?.relatedTo, (n) => n !== undefined) };
}

/** The page `query` asks for out of `matches` (every entity in the list, in `entityListOrder`). */
export function pageEntityList(matches: readonly GraphNode[], query: NodeQuery, graph: EntityListGraph): NodePage {
  return { nodes: matches.slice(query.offset, query.offset + query.limit), totalCount: matches.length, unknownIds: unknownListIds(query.filter, graph) };
}

/** The reference list: `nodes` (every live entity, in any order) through the rules, ordered and paged. */
export function listEntities(nodes: Iterable<GraphNode>, query: NodeQuery, graph: EntityListGraph): NodePage {
  const rules = new EntityListRules(query, graph);
  return pageEntityList([...nodes].filter(rules.admits).sort(entityListOrder), query, graph);
}
