import type { EdgeType } from './edge-types';
import type { NodeKind } from './kinds';
import type { GraphNode, Relationship } from './model';
import { isValidAt, relationshipValidity, type Validity } from './validity';

/** A graph-wide list of relationships: all given criteria must hold. */
export interface RelationshipListQuery {
  /** Only these edge types; empty or absent means all. */
  readonly types?: readonly EdgeType[];
  /** Only edges starting at this entity. */
  readonly from?: string;
  /** Only edges ending at this entity. */
  readonly to?: string;
  /** Only edges with at least one end of these kinds; empty or absent means all. */
  readonly kinds?: readonly NodeKind[];
  /** As of this ISO day: only edges that held then, between entities that existed then (see validity.ts). */
  readonly validAt?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface RelationshipPage {
  /** The page, in `compareRelationships` order. */
  readonly relationships: readonly Relationship[];
  readonly totalCount: number;
}

/**
 * The order of graph-wide relationship lists: by type, then id (`from:TYPE:to[@validFrom]`,
 * so by start, end and date), in code-unit order, which is how Neo4j orders strings too.
 */
export function compareRelationships(a: Relationship, b: Relationship): number {
  return a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the relationship-list rules read about the live graph besides the relationship itself. */
export interface RelationshipListGraph {
  /** The live entity with this id, if any. */
  readonly node: (id: string) => GraphNode | undefined;
  /** A live entity's lifetime (validity.ts). */
  readonly validity: (id: string) => Validity | undefined;
}

/**
 * The rule book of graph-wide relationship lists (`findRelationships`): one query's criteria,
 * compiled once. Every criterion given must hold; an empty list or absent value is none:
 * - `types`: the edge is of one of them;
 * - `from` / `to`: it starts / ends at that entity;
 * - `kinds`: at least one of its ends is of one of them;
 * - `validAt`: it held that day and both its ends existed then.
 * The memory store decides with it; `cypher/relationship/find.cypher` pushes it down to Neo4j.
 */
export class RelationshipListRules {
  private readonly types: ReadonlySet<string> | null;
  private readonly kinds: ReadonlySet<string> | null;

  constructor(
    private readonly query: RelationshipListQuery,
    private readonly graph: RelationshipListGraph,
  ) {
    this.types = query.types && query.types.length > 0 ? new Set<string>(query.types) : null;
    this.kinds = query.kinds && query.kinds.length > 0 ? new Set<string>(query.kinds) : null;
  }

  /** Whether `rel` (a live relationship between live entities) is in the list. */
  readonly admits = (rel: Relationship): boolean => {
    const q = this.query;
    if (q.from !== undefined && rel.from !== q.from) return false;
    if (q.to !== undefined && rel.to !== q.to) return false;
    if (this.types && !this.types.has(rel.type)) return false;
    if (this.kinds && !this.kinds.has(this.graph.node(rel.from)!.kind) && !this.kinds.has(this.graph.node(rel.to)!.kind)) return false;
    if (q.validAt === undefined) return true;
    return (
      isValidAt(relationshipValidity(rel), q.validAt) &&
      isValidAt(this.graph.validity(rel.from)!, q.validAt) &&
      isValidAt(this.graph.validity(rel.to)!, q.validAt)
    );
  };
}

/** The reference list: `relationships` (every live one, in any order) through the rules, ordered and paged. */
export function listRelationshipsOf(relationships: Iterable<Relationship>, query: RelationshipListQuery, graph: RelationshipListGraph): RelationshipPage {
  const matches = [...relationships].filter(new RelationshipListRules(query, graph).admits).sort(compareRelationships);
  return { relationships: matches.slice(query.offset, query.offset + query.limit), totalCount: matches.length };
}
