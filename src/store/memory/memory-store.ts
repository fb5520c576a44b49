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
  type ChangeLookup,
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
  type SeedConflict,
  type ValidateOptions,
} from '../../domain';
import { applyToGraph, checkAgainstGraph } from './change-application';
import { recordBefore, recordHistory, type HistorySource } from './change-history';
import { memoryChangeLookup } from './change-lookup';
import { EntityLists } from './entity-list';
import type { Journal } from './journal';
import { replayJournal, type JournalReplayOptions } from './journal-replay';
import { MemoryGraph } from './memory-graph';
import { listRelationships } from './relationship-list';
import { SeedReconciliation } from './seed-reconciliation';

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
  private conflicts: readonly SeedConflict[] = [];

  /**
   * The seeds, then every change in the journal at `journalPath` (validated as it applies). Where
   * the seeds changed a record since a curator changed it, the curated record wins and the
   * difference is listed in `seedConflicts` (seed-reconciliation.ts).
   */
  static open(dataset: Dataset, options: MemoryStoreOptions = {}): MemoryStore {
    const store = new MemoryStore(dataset);
    if (options.readOnly) store.readOnly = true;
    const reconciliation = new SeedReconciliation(
      dataset,
      store.graph,
      () => store.lookup(),
      (change, history) => store.apply(change, null, { replaying: true }, history),
    );
    store.journal = replayJournal(options, (record) => reconciliation.replay(record));
    store.conflicts = reconciliation.conflicts();
    return store;
  }

  /** The seed conflicts found when the journal was replayed at open: each seed record the seeds changed since a curator did (the curated one was kept). */
  get seedConflicts(): readonly SeedConflict[] {
    return this.conflicts;
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
    graph.degreeStats ??= computeDegreeStats(graph.nodes.values(), graph.adjacency.relationships(), graph.observations.all(), graph.history.lengths());
    return graph.degreeStats;
  }

  /** The version of the live content: changes with every curated change, equal for equal data. */
  async getDatasetVersion(): Promise<string> {
    return versionOfDigest(this.graph.digest());
  }

  /** Each record's history, oldest first (derived from the journal: it survives a restart). */
  async getHistory(refs: readonly RecordRef[]): Promise<HistoryEntry[][]> {
    return refs.map((ref) => this.graph.history.of(ref));
  }

  async applyChange(change: Change): Promise<AppliedChange> {
    if (this.readOnly) throw new Error('this memory store was opened read-only: it takes no changes');
    return this.apply(change, this.journal);
  }

  async close(): Promise<void> {
    this.journal?.close();
    this.journal = null;
  }

  private lookup(): ChangeLookup {
    const graph = this.graph;
    return memoryChangeLookup({ nodes: graph.nodes, retiredNodes: graph.retired.nodes, out: graph.adjacency.out, observations: graph.observations.byMetric });
  }

  /**
   * Validates, journals (when `journal` is given, with the target's record before the change),
   * then updates the indexes and the history (`history`: what replay keeps from the journal;
   * null: no entry). All synchronous: no other request runs between the check, the fsync and
   * the update.
   */
  private apply(change: Change, journal: Journal | null = null, options: ValidateOptions = {}, history: HistorySource | null = { change }): AppliedChange {
    const graph = this.graph;
    const valid = validateChange(change, this.lookup(), options);
    checkAgainstGraph(graph, valid);
    journal?.append(change, recordBefore(graph, valid));
    const applied: AppliedChange = { op: change.op, recordedBy: change.actor, recordedAt: change.at, ...applyToGraph(graph, valid, change) };
    if (history) recordHistory(graph, valid, history);
    return applied;
  }
}
