import {
  compareRelationships,
  computeDegreeStats,
  rankSearchHits,
  validateChange,
  versionOfDigest,
  type AppliedChange,
  type Change,
  type CitedItem,
  type CitedItemsQuery,
  type Dataset,
  type DegreeStats,
  type GraphNode,
  type GraphStats,
  type GraphStore,
  type HistoryEntry,
  type RecordRef,
  type NodePage,
  type NodeQuery,
  type Observation,
  type ObservationQuery,
  type RelationshipHit,
  type RelationshipListQuery,
  type RelationshipPage,
  type RelationshipQuery,
  type SearchHit,
  type SearchQuery,
  type ValidateOptions,
} from '../../domain';
import { applyToGraph, checkAgainstGraph } from './change-application';
import { memoryChangeLookup } from './change-lookup';
import { EntityLists } from './entity-list';
import type { Journal } from './journal';
import { replayJournal, type JournalReplayOptions } from './journal-replay';
import { MemoryGraph } from './memory-graph';
import { listRelationships } from './relationship-list';

export type MemoryStoreOptions = JournalReplayOptions;

/**
 * The embedded store: the whole graph in memory with indexes by id, by kind (pre-sorted for
 * paging), adjacency per edge type and direction, observations per metric, and a full-text index
 * (memory-graph.ts holds them). Curated changes (`applyChange`) update every index in place,
 * synchronously, so a request never sees half a change; with a journal they are durable before
 * they are acknowledged and replayed over the seeds on the next start (journal-replay.ts).
 */
export class MemoryStore implements GraphStore {
  readonly name = 'memory';
  private readonly graph: MemoryGraph;
  private readonly lists: EntityLists;
  private journal: Journal | null = null;
  private readOnly = false;

  /** The seeds, then every change in the journal at `journalPath` (validated as it applies). */
  static open(dataset: Dataset, options: MemoryStoreOptions = {}): MemoryStore {
    const store = new MemoryStore(dataset);
    if (options.readOnly) store.readOnly = true;
    store.journal = replayJournal(options, (change) => store.apply(change, null, { replaying: true }));
    return store;
  }

  constructor(dataset: Dataset) {
    this.graph = new MemoryGraph(dataset);
    this.lists = new EntityLists(this.graph);
  }

  async getNodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.graph.nodes.get(id) ?? null);
  }

  /** Each node's edge lists are kept in answer order (adjacency.ts): a hop filters, never sorts. */
  async getRelationships(queries: readonly RelationshipQuery[]): Promise<RelationshipHit[][]> {
    return queries.map((q) => this.graph.adjacency.hitsOf(q, this.graph.validity));
  }

  /** The indexes pick the candidates; the domain's rule book decides (entity-list.ts). */
  async findNodes(query: NodeQuery): Promise<NodePage> {
    return this.lists.find(query);
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return rankSearchHits(query, this.graph.search.find(query.text));
  }

  async getObservations(queries: readonly ObservationQuery[]): Promise<Observation[][]> {
    return queries.map((q) => this.graph.observations.select(q));
  }

  async getCitedItems(queries: readonly CitedItemsQuery[]): Promise<CitedItem[][]> {
    return queries.map((q) => this.graph.citations.items(q));
  }

  async getCitedSlides(sourceIds: readonly string[]): Promise<number[][]> {
    return sourceIds.map((id) => this.graph.citations.slides(id));
  }

  async findRelationships(query: RelationshipListQuery): Promise<RelationshipPage> {
    const graph = this.graph;
    return listRelationships(
      {
        sorted: () => (graph.sortedRelationships ??= [...graph.relationships.values()].sort(compareRelationships)),
        edgesAt: (id, direction) => graph.adjacency.edgesOf(id, direction),
        node: (id) => graph.nodes.get(id),
        validity: (id) => graph.validity.get(id),
      },
      query,
    );
  }

  async getStats(): Promise<GraphStats> {
    const nodesByKind: Record<string, number> = {};
    for (const n of this.graph.nodes.values()) nodesByKind[n.kind] = (nodesByKind[n.kind] ?? 0) + 1;
    return { nodesByKind, relationships: this.graph.adjacency.count(), observations: this.graph.observations.count() };
  }

  async getDegreeStats(): Promise<DegreeStats> {
    const graph = this.graph;
    graph.degreeStats ??= computeDegreeStats(graph.nodes.values(), graph.adjacency.relationships(), graph.observations.all());
    return graph.degreeStats;
  }

  /** The version of the live content: changes with every curated change, equal for equal data. */
  async getDatasetVersion(): Promise<string> {
    return versionOfDigest(this.graph.digest());
  }

  // Stage K in progress: history comes with this store's change records.
  getHistory(_refs: readonly RecordRef[]): Promise<HistoryEntry[][]> {
    return Promise.reject(new Error('getHistory: not yet supported by this store (stage K in progress)'));
  }

  async applyChange(change: Change): Promise<AppliedChange> {
    if (this.readOnly) throw new Error('this memory store was opened read-only: it takes no changes');
    return this.apply(change, this.journal);
  }

  async close(): Promise<void> {
    this.journal?.close();
    this.journal = null;
  }

  /**
   * Validates, journals (when `journal` is given), then updates the indexes. All synchronous: no
   * other request runs between the check, the fsync and the update.
   */
  private apply(change: Change, journal: Journal | null = null, options: ValidateOptions = {}): AppliedChange {
    const graph = this.graph;
    const lookup = memoryChangeLookup({
      nodes: graph.nodes,
      retiredNodes: graph.retired.nodes,
      out: graph.adjacency.out,
      observations: graph.observations.byMetric,
    });
    const valid = validateChange(change, lookup, options);
    checkAgainstGraph(graph, valid);
    journal?.append(change);
    return { op: change.op, recordedBy: change.actor, recordedAt: change.at, ...applyToGraph(graph, valid, change) };
  }
}
