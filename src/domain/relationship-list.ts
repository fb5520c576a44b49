import type { EdgeType } from './edge-types';
import type { NodeKind } from './kinds';
import type { Relationship } from './model';

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
