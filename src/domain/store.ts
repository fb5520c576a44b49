import type { EdgeType } from './edge-types';
import type { NodeKind } from './kinds';
import type { AppliedChange, Change } from './changes';
import type { DegreeStats } from './degrees';
import type { HistoryEntry } from './history';
import type { RecordRef } from './records';
import type { Dataset, GraphNode, Observation, Relationship } from './model';
import type { CitedItem, CitedItemsQuery } from './provenance';
import type { RelationshipListQuery, RelationshipPage } from './relationship-list';
import type { SearchCandidate, SearchMatch, SearchTarget } from './search-model';

export type Direction = 'OUT' | 'IN';
export type DirectionFilter = Direction | 'BOTH';

/** Which edges of one node to fetch. */
export interface RelationshipQuery {
  readonly nodeId: string;
  readonly direction: DirectionFilter;
  /** Only these edge types; empty or absent means all. */
  readonly types?: readonly EdgeType[];
  /** Only edges whose other end is of these kinds; empty or absent means all. */
  readonly kinds?: readonly NodeKind[];
  /** As of this ISO day: only edges that held then, to entities that existed then (see validity.ts). */
  readonly validAt?: string;
}

/** An edge seen from one of its ends, with the node at the other end already loaded. */
export interface RelationshipHit {
  readonly relationship: Relationship;
  /** OUT when the queried node is the edge's `from`. */
  readonly direction: Direction;
  readonly other: GraphNode;
}

/** Filters on node lists. All given criteria must hold. */
export interface NodeFilter {
  /** Nodes that ADDRESS any of these topics or a narrower one. */
  readonly addresses?: readonly string[];
  /** Nodes with an edge of any type, either direction, to any of these ids. */
  readonly relatedTo?: readonly string[];
  /** Subtypes (ActorType, PolicyType, …). */
  readonly types?: readonly string[];
  /** Nodes with at least one date overlapping [from, to] (inclusive ISO days; either may be open). */
  readonly from?: string;
  readonly to?: string;
  /** As of this ISO day: only entities whose lifetime includes it (see validity.ts). */
  readonly validAt?: string;
}

export interface NodeQuery {
  readonly kinds?: readonly NodeKind[];
  readonly filter?: NodeFilter;
  readonly offset: number;
  readonly limit: number;
}

export interface NodePage {
  readonly nodes: readonly GraphNode[];
  readonly totalCount: number;
  /**
   * The filter's ids that name nothing it can use, each once, in the order given: `addresses`
   * ids that are not live topics, `relatedTo` ids that are not live entities. They match nothing;
   * the GraphQL layer refuses a filter that has any. Reported by the list query itself, so
   * checking a filter's ids costs no store call of its own.
   */
  readonly unknownIds: { readonly addresses: readonly string[]; readonly relatedTo: readonly string[] };
}

export interface SearchQuery {
  readonly text: string;
  /** Only hits whose reported entity (`SearchHit.node`) is of these kinds; empty or absent means all. */
  readonly kinds?: readonly NodeKind[];
  /** Only these targets (entities, relationships, observations); empty or absent means all. */
  readonly targets?: readonly SearchTarget[];
  readonly limit: number;
}

/**
 * A ranked search hit: the candidate (an entity; a relationship with its `from` end as `node` and
 * its `to` end as `other`; an observation with its metric as `node`), its score and the fields
 * that matched with the matched words marked.
 */
export interface SearchHit extends SearchCandidate {
  /** Relevance; higher is better. Comparable only within one result list. */
  readonly score: number;
  readonly matches: readonly SearchMatch[];
}

/** Which observations of one metric to fetch. */
export interface ObservationQuery {
  readonly metricId: string;
  /** Observations whose period overlaps [from, to] (inclusive ISO days; either may be open). */
  readonly from?: string;
  readonly to?: string;
  /** Only observations carrying all of these dimension values. */
  readonly dimensions?: Readonly<Record<string, string>>;
}

export interface GraphStats {
  readonly nodesByKind: Readonly<Record<string, number>>;
  readonly relationships: number;
  readonly observations: number;
}

/**
 * The store port. Batch-first: every lookup takes many keys and answers one entry per key, in
 * key order (`null` or an empty list for a gap), so a DataLoader can sit in front of it.
 */
export interface GraphStore {
  /** A short name for logs and test titles ("memory", "neo4j"). */
  readonly name: string;

  /** Nodes by id, aligned to `ids`; `null` where no node has that id. */
  getNodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]>;

  /** For each query, the matching edges of that node with the node at the other end. */
  getRelationships(queries: readonly RelationshipQuery[]): Promise<RelationshipHit[][]>;

  /** A page of nodes ordered by name (accent- and case-folded) then id, and the total count. */
  findNodes(query: NodeQuery): Promise<NodePage>;

  /**
   * Full-text search over entity names, aliases and descriptions and over relationship and
   * observation notes; folds accents and case, tolerates typos. The store finds candidates and
   * counts documents per query term (SearchCorpus); `rankSearchHits` scores and orders them.
   */
  search(query: SearchQuery): Promise<SearchHit[]>;

  /** For each query, the metric's observations ordered by period start, then dimensions. */
  getObservations(queries: readonly ObservationQuery[]): Promise<Observation[][]>;

  /**
   * Reverse provenance: for each query, the live entities, relationships and observations that
   * cite the source (on the query's slide, when given), each with the slides it cites the
   * source on, in `compareCitedItems` order (entities, relationships, observations; each by id).
   */
  getCitedItems(queries: readonly CitedItemsQuery[]): Promise<CitedItem[][]>;

  /**
   * For each source id, the deck slides on which live entities, relationships and observations
   * cite it, ascending and distinct (empty for an id nothing cites).
   */
  getCitedSlides(sourceIds: readonly string[]): Promise<number[][]>;

  /**
   * A page of live relationships of the whole graph matching the query, in
   * `compareRelationships` order (type, then id), and how many match in all.
   */
  findRelationships(query: RelationshipListQuery): Promise<RelationshipPage>;

  /** Counts, for health checks and the README's figures. */
  getStats(): Promise<GraphStats>;

  /**
   * Upper bounds on list sizes in the live graph (most edges per kind, edge type and direction,
   * most citations, most observations per metric), for the query cost estimate. Kept current
   * under `applyChange`; cheap to call again (the store caches it until its next change).
   */
  getDegreeStats(): Promise<DegreeStats>;

  /** Version (content hash) of the dataset the store holds. */
  getDatasetVersion(): Promise<string>;

  /**
   * Applies one curated change, checked with the seed checker's rules against the live graph
   * (`validateChange`), and resolves only once it is durable (journal fsync'd, or transaction
   * committed). Rejects with ChangeRejectedError / BadInputError (BAD_USER_INPUT) and changes
   * nothing when the change is invalid. Retired records stay stored but leave every read.
   */
  applyChange(change: Change): Promise<AppliedChange>;
  /**
   * For each record, the curated changes that touched it, oldest first (history.ts); empty for a
   * record no curator changed or an id that names nothing. A retired record keeps its history;
   * an observation that moved to a new id has its history under the new one.
   */
  getHistory(refs: readonly RecordRef[]): Promise<HistoryEntry[][]>;

  /**
   * Optional: a view of this store whose reads give up once `deadline` (epoch milliseconds) has
   * passed — Neo4j transactions get a timeout no longer than what is left. The per-request time
   * budget uses it where a store offers it.
   */
  withDeadline?(deadline: number): GraphStore;

  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** Creates a store holding exactly `dataset`; the contract suite is written against this. */
export type StoreFactory = (dataset: Dataset) => Promise<GraphStore>;
