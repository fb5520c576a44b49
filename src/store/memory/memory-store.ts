import {
  EdgeType,
  NodeKind,
  compareNodes,
  compareObservations,
  rankSearchHits,
  computeNodeValidity,
  computeDegreeStats,
  type DegreeStats,
  isValidAt,
  relationshipValidity,
  type Validity,
  overlaps,
  parsePartialDate,
  type Dataset,
  type GraphNode,
  type GraphStats,
  type GraphStore,
  type NodeFilter,
  type NodePage,
  type NodeQuery,
  type Observation,
  type ObservationQuery,
  type Relationship,
  type RelationshipHit,
  type RelationshipQuery,
  type SearchHit,
  type SearchQuery,
  type AppliedChange,
  type Change,
  ChangeRejectedError,
  duplicateObservationMessage,
  duplicateRelationshipMessage,
  unknownRelationshipError,
  validateChange,
  type ValidatedChange,
  type ValidateOptions,
  compareRelationships,
  type CitedItem,
  type CitedItemsQuery,
  type RelationshipListQuery,
  type RelationshipPage,
  applyDelta,
  datasetDigest,
  versionOfDigest,
  type ContentDelta,
  type ContentDigest,
} from '../../domain';
import { CitationIndex } from './citation-index';
import { memoryChangeLookup } from './change-lookup';
import { Journal, type JournalOptions } from './journal';
import { listRelationships } from './relationship-list';
import { SearchIndex } from './search-index';
import { SortedNodes } from './sorted-nodes';

/** A retired entity: kept, with who and when, and what its retirement hid from reads. */
interface RetiredNode {
  readonly node: GraphNode;
  readonly retiredBy: string;
  readonly retiredAt: string;
  readonly edges: readonly Relationship[];
  readonly observations: readonly Observation[];
}

interface RetiredRelationship {
  readonly relationship: Relationship;
  readonly retiredBy: string;
  readonly retiredAt: string;
}

export interface MemoryStoreOptions extends JournalOptions {
  /** Journal file: changes are replayed from it at open and appended (fsync'd) before they are acknowledged. */
  readonly journalPath?: string;
  /**
   * Replay the journal without writing to it (`Journal.read`: never created, cut or moved), and
   * refuse changes. For reading a server's curated graph from another process (`npm run export`).
   */
  readonly readOnly?: boolean;
}

/**
 * Edges per node, type and direction, held as the hits `getRelationships` answers with (the edge,
 * its direction, the node at the other end), sorted by that node: a hop reads one array and
 * follows no id to another map (bench/notes/scaling.md). Kept current on every change, including
 * a neighbour's new version (`refreshEnds`).
 */
type Adjacency = Map<string, Map<EdgeType, RelationshipHit[]>>;

/**
 * The embedded store: the whole graph in memory with indexes by id, by kind (pre-sorted for
 * paging), adjacency per edge type and direction, observations per metric, and a full-text index
 * (search-index.ts). Curated changes (`applyChange`) update every index in place, synchronously,
 * so a request never sees half a change; with a journal they are durable before they are
 * acknowledged and replayed over the seeds on the next start.
 */
export class MemoryStore implements GraphStore {
  readonly name = 'memory';
  private readonly nodes = new Map<string, GraphNode>();
  private readonly sorted: SortedNodes;
  private readonly out: Adjacency = new Map();
  private readonly in: Adjacency = new Map();
  private readonly observations = new Map<string, Observation[]>();
  private readonly index = new SearchIndex(this.nodes);
  /**
   * Digest of the live content (dataset-version.ts): computed on first use (a large synthetic
   * graph opens without hashing it), then kept current by each change's delta.
   */
  private digest: ContentDigest | null = null;
  private validity: Map<string, Validity>;
  private readonly relationships = new Map<string, Relationship>();
  private readonly observationIds = new Set<string>();
  private readonly retiredNodes = new Map<string, RetiredNode>();
  private readonly retiredRelationships = new Map<string, RetiredRelationship>();
  private journal: Journal | null = null;
  private readOnly = false;
  /** Who cites each source (reverse provenance), kept current by every change. */
  private readonly citations = new CitationIndex();
  /** Every live relationship in compareRelationships order; rebuilt on first read after an edge change. */
  private sortedRelationships: Relationship[] | null = null;
  /** Computed on first use after a change (`apply` drops it). */
  private degreeStats: DegreeStats | null = null;

  /** The seeds, then every change in the journal at `journalPath` (validated as it applies). */
  static open(dataset: Dataset, options: MemoryStoreOptions = {}): MemoryStore {
    const store = new MemoryStore(dataset);
    if (options.readOnly) store.readOnly = true;
    if (options.journalPath) {
      const journal = options.readOnly ? null : Journal.open(options.journalPath, options);
      const records = journal ? journal.records : Journal.read(options.journalPath, options);
      for (const record of records) {
        try {
          store.apply(record.change, null, { replaying: true });
        } catch (error) {
          journal?.close();
          throw new Error(`journal ${options.journalPath}:${record.seq}: change ${record.change.op} no longer applies over the seeds: ${(error as Error).message}`);
        }
      }
      store.journal = journal;
    }
    return store;
  }

  constructor(dataset: Dataset) {
    this.validity = computeNodeValidity(dataset);
    for (const node of dataset.nodes) this.nodes.set(node.id, node);
    this.sorted = new SortedNodes(dataset.nodes);
    for (const rel of dataset.relationships) {
      this.addHits(rel);
      this.relationships.set(rel.id, rel);
    }
    for (const adjacency of [this.out, this.in]) {
      for (const byType of adjacency.values()) for (const list of byType.values()) sortEdgeList(list);
    }
    for (const obs of dataset.observations) {
      this.observationIds.add(obs.id);
      const list = this.observations.get(obs.metricId) ?? [];
      list.push(obs);
      this.observations.set(obs.metricId, list);
    }
    for (const list of this.observations.values()) list.sort(compareObservations);
    for (const node of dataset.nodes) this.citations.add({ kind: 'ENTITY', node });
    for (const relationship of dataset.relationships) this.citations.add({ kind: 'RELATIONSHIP', relationship });
    for (const observation of dataset.observations) this.citations.add({ kind: 'OBSERVATION', observation });

    for (const node of dataset.nodes) this.index.putEntity(node);
    for (const rel of dataset.relationships) this.index.putRelationship(rel);
    for (const obs of dataset.observations) this.index.putObservation(obs);
  }

  async getNodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.nodes.get(id) ?? null);
  }

  /**
   * Each node's edges are kept sorted per type and direction by the node at the other end (see
   * sortEdgeList), so an answer is assembled in compareHits order — types in order, OUT before
   * IN, then the other end — with no sort per call and no sort keys to look up: a hop touches
   * only the node's own edges and the nodes at their other ends, which is what a hop over a graph
   * too big for the CPU caches pays for (bench/notes/scaling.md).
   */
  async getRelationships(queries: readonly RelationshipQuery[]): Promise<RelationshipHit[][]> {
    return queries.map((q) => {
      const hits: RelationshipHit[] = [];
      const outByType = q.direction !== 'IN' ? this.out.get(q.nodeId) : undefined;
      const inByType = q.direction !== 'OUT' ? this.in.get(q.nodeId) : undefined;
      if (!outByType && !inByType) return hits;
      const types = q.types && q.types.length > 0 ? [...new Set(q.types)].sort() : edgeTypesOf(outByType, inByType);
      const kinds = q.kinds && q.kinds.length > 0 ? q.kinds : null;
      const validAt = q.validAt;
      const collect = (list: readonly RelationshipHit[] | undefined): void => {
        if (!list) return;
        for (const hit of list) {
          if (kinds && !kinds.includes(hit.other.kind)) continue;
          if (validAt !== undefined && !(isValidAt(relationshipValidity(hit.relationship), validAt) && isValidAt(this.validity.get(hit.other.id)!, validAt))) continue;
          hits.push(hit);
        }
      };
      for (const type of types) {
        collect(outByType?.get(type));
        collect(inByType?.get(type));
      }
      return hits;
    });
  }

  /** Adds `rel` to the edge lists of both its ends (unsorted; see sortEdgeList). */
  private addHits(rel: Relationship): void {
    addEdge(this.out, rel.from, { relationship: rel, direction: 'OUT', other: this.nodes.get(rel.to)! });
    addEdge(this.in, rel.to, { relationship: rel, direction: 'IN', other: this.nodes.get(rel.from)! });
  }

  /** Re-sorts the edge lists that hold `rel` (after it was added, or an end was renamed). */
  private resortEdge(rel: Relationship): void {
    const outList = this.out.get(rel.from)?.get(rel.type);
    if (outList) sortEdgeList(outList);
    const inList = this.in.get(rel.to)?.get(rel.type);
    if (inList) sortEdgeList(inList);
  }

  /**
   * After `node` got a new version: the hits at its neighbours that point at it get the new
   * version, and their lists are re-sorted (the list is ordered by the other end's name).
   */
  private refreshEnds(node: GraphNode): void {
    for (const [adjacency, end] of [[this.in, 'to'], [this.out, 'from']] as const) {
      // Edges whose `end` is the node sit in the neighbour's list of the other adjacency.
      for (const rel of this.edgesOf(adjacency === this.in ? this.out : this.in, node.id)) {
        const neighbour = end === 'to' ? rel.to : rel.from;
        const list = adjacency.get(neighbour)?.get(rel.type);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) if (list[i].relationship.id === rel.id) list[i] = { ...list[i], other: node };
        sortEdgeList(list);
      }
    }
  }

  async findNodes(query: NodeQuery): Promise<NodePage> {
    const kinds = query.kinds ?? [];
    const filter = query.filter;
    const topics = filter?.addresses && filter.addresses.length > 0 ? this.withNarrower(filter.addresses) : null;
    let candidates = this.sorted.ofKinds(kinds);
    let byTopic = false;
    if (topics) {
      // What addresses the topics, from their ADDRESSES in-edges, when those are fewer than the
      // nodes of the kinds (the usual case: a topic is addressed by a few entities).
      let edges = 0;
      for (const topic of topics) edges += this.in.get(topic)?.get(EdgeType.ADDRESSES)?.length ?? 0;
      if (edges < candidates.length) {
        const wanted = kinds.length > 0 ? new Set<string>(kinds) : null;
        const found = new Set<GraphNode>();
        for (const topic of topics) {
          for (const hit of this.in.get(topic)?.get(EdgeType.ADDRESSES) ?? []) {
            if (!wanted || wanted.has(hit.other.kind)) found.add(hit.other);
          }
        }
        candidates = [...found].sort(compareNodes);
        byTopic = true;
      }
    }
    const accepts = this.matcher(filter, byTopic ? null : topics);
    const matches = accepts ? candidates.filter(accepts) : candidates;
    const unknown = (ids: readonly string[] | undefined, usable: (node: GraphNode | undefined) => boolean): string[] =>
      [...new Set(ids ?? [])].filter((id) => !usable(this.nodes.get(id)));
    return {
      nodes: matches.slice(query.offset, query.offset + query.limit),
      totalCount: matches.length,
      unknownIds: { addresses: unknown(filter?.addresses, (n) => n?.kind === NodeKind.Topic), relatedTo: unknown(filter?.relatedTo, (n) => n !== undefined) },
    };
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return rankSearchHits(query, this.index.find(query.text));
  }

  async getObservations(queries: readonly ObservationQuery[]): Promise<Observation[][]> {
    return queries.map((q) =>
      (this.observations.get(q.metricId) ?? []).filter(
        (o) =>
          // An undated observation matches no date range (only a query without one).
          (o.periodStart === null ? q.from === undefined && q.to === undefined : overlaps(o.periodStart, o.periodEnd!, q.from ?? null, q.to ?? null)) &&
          Object.entries(q.dimensions ?? {}).every(([k, v]) => o.dimensions[k] === v),
      ),
    );
  }

  async getCitedItems(queries: readonly CitedItemsQuery[]): Promise<CitedItem[][]> {
    return queries.map((q) => this.citations.items(q));
  }

  async getCitedSlides(sourceIds: readonly string[]): Promise<number[][]> {
    return sourceIds.map((id) => this.citations.slides(id));
  }

  async findRelationships(query: RelationshipListQuery): Promise<RelationshipPage> {
    return listRelationships(
      {
        sorted: () => (this.sortedRelationships ??= [...this.relationships.values()].sort(compareRelationships)),
        edgesAt: (id, direction) => this.edgesOf(direction === 'OUT' ? this.out : this.in, id),
        node: (id) => this.nodes.get(id),
        validity: (id) => this.validity.get(id),
      },
      query,
    );
  }

  async getStats(): Promise<GraphStats> {
    const nodesByKind: Record<string, number> = {};
    for (const n of this.nodes.values()) nodesByKind[n.kind] = (nodesByKind[n.kind] ?? 0) + 1;
    let relationships = 0;
    for (const byType of this.out.values()) for (const list of byType.values()) relationships += list.length;
    let observations = 0;
    for (const list of this.observations.values()) observations += list.length;
    return { nodesByKind, relationships, observations };
  }

  async getDegreeStats(): Promise<DegreeStats> {
    this.degreeStats ??= computeDegreeStats(this.nodes.values(), this.liveRelationships(), this.liveObservations());
    return this.degreeStats;
  }

  private *liveRelationships(): Iterable<Relationship> {
    for (const byType of this.out.values()) for (const hits of byType.values()) for (const hit of hits) yield hit.relationship;
  }

  private *liveObservations(): Iterable<Observation> {
    for (const list of this.observations.values()) yield* list;
  }

  /** The version of the live content: changes with every curated change, equal for equal data. */
  async getDatasetVersion(): Promise<string> {
    this.digest ??= datasetDigest({
      nodes: [...this.nodes.values()],
      relationships: [...this.relationships.values()],
      observations: [...this.observations.values()].flat(),
    });
    return versionOfDigest(this.digest);
  }

  /** Keeps the digest current (when it was computed already; otherwise it is computed from the live content when asked). */
  private changed(delta: ContentDelta): void {
    if (this.digest !== null) this.digest = applyDelta(this.digest, delta);
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
    const valid = validateChange(change, memoryChangeLookup({ nodes: this.nodes, retiredNodes: this.retiredNodes, out: this.out, observations: this.observations }), options);
    this.checkAgainstStore(valid);
    journal?.append(change);
    this.degreeStats = null;
    return { op: change.op, recordedBy: change.actor, recordedAt: change.at, ...this.mutate(valid, change) };
  }

  /** What only the store can tell: duplicates and unknown relationship ids. */
  private checkAgainstStore(valid: ValidatedChange): void {
    if (valid.op === 'addRelationship' && this.relationships.has(valid.relationship.id)) throw new ChangeRejectedError([duplicateRelationshipMessage(valid.relationship)]);
    if (valid.op === 'addObservation' && this.observationIds.has(valid.observation.id)) throw new ChangeRejectedError([duplicateObservationMessage(valid.observation)]);
    if (valid.op === 'retireRelationship' && !this.relationships.has(valid.id)) throw unknownRelationshipError(valid.id);
  }

  private mutate(valid: ValidatedChange, change: Change): Partial<AppliedChange> {
    switch (valid.op) {
      case 'createEntity': {
        this.nodes.set(valid.node.id, valid.node);
        this.sorted.insert(valid.node);
        this.index.putEntity(valid.node);
        this.citations.add({ kind: 'ENTITY', node: valid.node });
        this.refreshValidity();
        this.changed({ added: { nodes: [valid.node] } });
        // A Metric comes with its first observation.
        if (valid.observation) this.addObservation(valid.observation);
        return { node: valid.node, ...(valid.observation ? { observation: valid.observation } : {}) };
      }
      case 'updateEntity': {
        const old = this.nodes.get(valid.node.id)!;
        this.citations.remove({ kind: 'ENTITY', node: old });
        this.citations.add({ kind: 'ENTITY', node: valid.node });
        this.sorted.remove(old);
        this.sorted.insert(valid.node);
        this.nodes.set(valid.node.id, valid.node);
        // Its neighbours' edge lists point at it and are ordered by its name, which may have changed.
        this.refreshEnds(valid.node);
        this.index.putEntity(valid.node);
        this.refreshValidity();
        this.changed({ removed: { nodes: [old] }, added: { nodes: [valid.node] } });
        return { node: valid.node };
      }
      case 'retireEntity': {
        const node = valid.node;
        const edges = [...this.edgesOf(this.out, node.id), ...this.edgesOf(this.in, node.id)];
        for (const rel of edges) this.removeEdge(rel);
        const observations = this.observations.get(node.id) ?? [];
        for (const observation of observations) this.citations.remove({ kind: 'OBSERVATION', observation });
        this.citations.remove({ kind: 'ENTITY', node });
        this.observations.delete(node.id);
        this.nodes.delete(node.id);
        this.sorted.remove(node);
        this.index.removeEntity(node.id);
        for (const obs of observations) this.index.removeObservation(obs.id);
        this.retiredNodes.set(node.id, { node, retiredBy: change.actor, retiredAt: change.at, edges, observations });
        this.refreshValidity();
        // A self-loop is in both lists: count each edge once.
        this.changed({ removed: { nodes: [node], relationships: [...new Map(edges.map((r) => [r.id, r])).values()], observations } });
        return { node };
      }
      case 'addRelationship': {
        const rel = valid.relationship;
        this.addHits(rel);
        this.resortEdge(rel);
        this.relationships.set(rel.id, rel);
        this.citations.add({ kind: 'RELATIONSHIP', relationship: rel });
        this.sortedRelationships = null;
        this.retiredRelationships.delete(rel.id);
        this.index.putRelationship(rel);
        if (rel.type === EdgeType.REPLACES) this.refreshValidity();
        this.changed({ added: { relationships: [rel] } });
        return { relationship: rel, to: this.nodes.get(rel.to) };
      }
      case 'retireRelationship': {
        const rel = this.relationships.get(valid.id)!;
        this.removeEdge(rel);
        this.retiredRelationships.set(rel.id, { relationship: rel, retiredBy: change.actor, retiredAt: change.at });
        if (rel.type === EdgeType.REPLACES) this.refreshValidity();
        this.changed({ removed: { relationships: [rel] } });
        return { relationship: rel, to: this.nodes.get(rel.to) };
      }
      case 'addObservation':
        this.addObservation(valid.observation);
        return { observation: valid.observation };
    }
  }

  private addObservation(obs: Observation): void {
    const list = this.observations.get(obs.metricId) ?? [];
    list.push(obs);
    list.sort(compareObservations);
    this.observations.set(obs.metricId, list);
    this.observationIds.add(obs.id);
    this.citations.add({ kind: 'OBSERVATION', observation: obs });
    this.index.putObservation(obs);
    this.changed({ added: { observations: [obs] } });
  }

  private edgesOf(adjacency: Adjacency, id: string): Relationship[] {
    return [...(adjacency.get(id)?.values() ?? [])].flat().map((hit) => hit.relationship);
  }

  private removeEdge(rel: Relationship): void {
    removeFrom(this.out, rel.from, rel);
    removeFrom(this.in, rel.to, rel);
    this.relationships.delete(rel.id);
    this.citations.remove({ kind: 'RELATIONSHIP', relationship: rel });
    this.sortedRelationships = null;
    this.index.removeRelationship(rel.id);
  }

  /** Lifetimes depend on dates and REPLACES edges; recomputing them all takes well under a millisecond. */
  private refreshValidity(): void {
    this.validity = computeNodeValidity({ nodes: [...this.nodes.values()], relationships: [...this.relationships.values()] });
  }

  /** The filter as a predicate, with its topic and id sets built once per query rather than once per node. */
  /**
   * The test a node must pass for `filter`, or null when every node passes. `topics` (the
   * filter's topics with their narrower ones) is null when the candidates already address them.
   */
  private matcher(filter: NodeFilter | undefined, topics: Set<string> | null): ((node: GraphNode) => boolean) | null {
    if (!filter) return null;
    const wanted = filter.relatedTo && filter.relatedTo.length > 0 ? new Set(filter.relatedTo) : null;
    const types = filter.types && filter.types.length > 0 ? filter.types : null;
    const dated = filter.from !== undefined || filter.to !== undefined;
    if (filter.validAt === undefined && !types && !topics && !wanted && !dated) return null;
    return (node) => {
      if (filter.validAt !== undefined && !isValidAt(this.validity.get(node.id)!, filter.validAt)) return false;
      if (types && (node.type === null || !types.includes(node.type))) return false;
      if (topics) {
        const addressed = this.out.get(node.id)?.get(EdgeType.ADDRESSES) ?? [];
        if (!addressed.some((hit) => topics.has(hit.other.id))) return false;
      }
      if (wanted) {
        const touches = (adj: Adjacency): boolean => [...(adj.get(node.id)?.values() ?? [])].some((list) => list.some((hit) => wanted.has(hit.other.id)));
        if (!touches(this.out) && !touches(this.in)) return false;
      }
      if (dated) {
        const overlapping = Object.values(node.dates).some((text) => {
          const d = parsePartialDate(text!)!;
          return overlaps(d.start, d.end, filter.from ?? null, filter.to ?? null);
        });
        if (!overlapping) return false;
      }
      return true;
    };
  }

  /** The given topics and every topic below them in the BROADER hierarchy. */
  private withNarrower(topicIds: readonly string[]): Set<string> {
    const seen = new Set<string>(topicIds);
    const queue = [...topicIds];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const hit of this.in.get(id)?.get(EdgeType.BROADER) ?? []) {
        if (!seen.has(hit.other.id)) {
          seen.add(hit.other.id);
          queue.push(hit.other.id);
        }
      }
    }
    return seen;
  }
}

/** The edge types a node has in either direction, in order. */
function edgeTypesOf(outByType: Map<EdgeType, RelationshipHit[]> | undefined, inByType: Map<EdgeType, RelationshipHit[]> | undefined): EdgeType[] {
  const types = new Set<EdgeType>(outByType?.keys());
  for (const type of inByType?.keys() ?? []) types.add(type);
  return [...types].sort();
}

function removeFrom(adjacency: Adjacency, key: string, rel: Relationship): void {
  const byType = adjacency.get(key);
  const list = byType?.get(rel.type);
  if (!byType || !list) return;
  const rest = list.filter((hit) => hit.relationship.id !== rel.id);
  if (rest.length > 0) byType.set(rel.type, rest);
  else byType.delete(rel.type);
  if (byType.size === 0) adjacency.delete(key);
}

function addEdge(adjacency: Adjacency, key: string, hit: RelationshipHit): void {
  let byType = adjacency.get(key);
  if (!byType) adjacency.set(key, (byType = new Map()));
  const list = byType.get(hit.relationship.type) ?? [];
  list.push(hit);
  byType.set(hit.relationship.type, list);
}

/** Sorts one edge list by the node at its other end, then edge id (compareHits' tail). */
function sortEdgeList(list: RelationshipHit[]): void {
  list.sort((a, b) => compareNodes(a.other, b.other) || (a.relationship.id < b.relationship.id ? -1 : a.relationship.id > b.relationship.id ? 1 : 0));
}
