import neo4j from 'neo4j-driver';
import {
  compareNodes,
  compareObservations,
  NODE_KINDS,
  rankSearchHits,
  queryTerms,
  SEARCH_CANDIDATE_LIMIT,
  SEARCH_TARGETS,
  SearchTarget,
  type SearchCandidate,
  sortHits,
  type GraphNode,
  type GraphStats,
  type GraphStore,
  type HistoryEntry,
  type RecordRef,
  type NodeFilter,
  type NodePage,
  type NodeQuery,
  type Observation,
  type ObservationQuery,
  type RelationshipHit,
  type RelationshipQuery,
  type SearchHit,
  type SearchQuery,
  type AppliedChange,
  type Direction,
  type Change,
  citedItem,
  compareCitedItems,
  type CitedItem,
  type CitedItemsQuery,
  type RelationshipListQuery,
  type RelationshipPage,
  type DegreeStats,
} from '../../domain';
import { applyChange } from './apply-change';
import { degreeStatsFromRecords } from './degree-stats';
import type { Neo4jExecutor } from './executor';
import type { StatementName } from './statements';
import { historyEntryFromNeo4j } from './history-records';
import { luceneQuery, luceneTerm } from './lucene';
import { citingRecordFromRow, nodeFromRow, observationFromNeo4j, relationshipFromRow, toNumber } from './mappers';

/**
 * The production store: the same port as the memory store over Neo4j. Every call is one
 * statement, an auto-commit read (a curated change: one write transaction), batched with UNWIND so a DataLoader batch is one round trip.
 */
export class Neo4jStore implements GraphStore {
  readonly name = 'neo4j';

  /**
   * @param shared what the views made by `withDeadline` share with the store they came from:
   *   the statement counter and the degree statistics cache.
   * @param deadline epoch ms after which reads of this view give up (see `withDeadline`).
   */
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly shared: SharedState = { statementsRun: 0, degreeStats: null, statsVersion: null },
    private readonly deadline?: number,
  ) {}

  /** Statements run (by this store and its deadline views), for tests and benchmarks that count round trips. */
  get statementsRun(): number {
    return this.shared.statementsRun;
  }

  async getNodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    if (ids.length === 0) return [];
    const result = await this.read('node/get-by-ids', { ids: [...ids] });
    const nodes: (GraphNode | null)[] = ids.map(() => null);
    for (const record of result.records) {
      const row = record.get('node') as Row | null;
      nodes[toNumber(record.get('i'))] = row ? nodeFromRow(row) : null;
    }
    return nodes;
  }

  async getRelationships(queries: readonly RelationshipQuery[]): Promise<RelationshipHit[][]> {
    const hits: RelationshipHit[][] = queries.map(() => []);
    if (queries.length === 0) return hits;
    const result = await this.read('relationship/get-for-nodes', {
      queries: queries.map((q) => ({
        nodeId: q.nodeId,
        direction: q.direction,
        types: [...(q.types ?? [])],
        kinds: [...(q.kinds ?? [])],
        validAt: q.validAt ?? null,
      })),
    });
    for (const r of result.records) {
      const i = toNumber(r.get('i'));
      const direction = r.get('direction') as Direction;
      const other = nodeFromRow(r.get('other') as Row);
      const [from, to] = direction === 'OUT' ? [queries[i].nodeId, other.id] : [other.id, queries[i].nodeId];
      hits[i].push({ relationship: relationshipFromRow(r.get('type') as string, r.get('rel') as Row, from, to), direction, other });
    }
    for (const list of hits) sortHits(list);
    return hits;
  }

  async findNodes(query: NodeQuery): Promise<NodePage> {
    const f = query.filter ?? {};
    const page = { offset: neo4j.int(query.offset), limit: neo4j.int(query.limit) };
    // The plain typed lists walk the sort index instead of sorting (node/list.cypher).
    const result = isUnfiltered(f)
      ? await this.read('node/list', { kinds: [...(query.kinds?.length ? query.kinds : NODE_KINDS)], ...page })
      : await this.read('node/find', {
          kinds: [...(query.kinds ?? [])],
          types: [...(f.types ?? [])],
          topics: [...(f.addresses ?? [])],
          relatedTo: [...(f.relatedTo ?? [])],
          from: f.from ?? null,
          to: f.to ?? null,
          validAt: f.validAt ?? null,
          ...page,
        });
    const record = result.records[0];
    const nodes = (record.get('page') as Row[]).map(nodeFromRow);
    // Neo4j orders by the same sort key; sorting again costs nothing and pins the contract.
    const unknown = (key: string): string[] => (record.has(key) ? (record.get(key) as string[]) : []);
    return {
      nodes: nodes.sort(compareNodes),
      totalCount: toNumber(record.get('totalCount')),
      // node/list takes no ids; node/find reports those that name nothing usable.
      unknownIds: { addresses: unknown('unknownTopics'), relatedTo: unknown('unknownRelated') },
    };
  }

  /** One statement: candidates from both full-text indexes and the corpus statistics (search/query.cypher). */
  async search(query: SearchQuery): Promise<SearchHit[]> {
    const lucene = luceneQuery(query.text);
    if (lucene === null) return [];
    const result = await this.read('search/query', {
      query: lucene,
      terms: queryTerms(query.text).map((word) => ({ word, query: luceneTerm(word) })),
      kinds: [...(query.kinds ?? [])],
      targets: [...(query.targets?.length ? query.targets : SEARCH_TARGETS)],
      candidates: neo4j.int(SEARCH_CANDIDATE_LIMIT),
    });
    const record = result.records[0];
    const candidates: SearchCandidate[] = [
      ...(record.get('entities') as Row[]).map((row) => ({ target: SearchTarget.ENTITY, node: nodeFromRow(row) })),
      ...(record.get('relationships') as Array<{ type: string; rel: Row; from: Row; to: Row }>).map((r) => {
        const [node, other] = [nodeFromRow(r.from), nodeFromRow(r.to)];
        return { target: SearchTarget.RELATIONSHIP, node, other, relationship: relationshipFromRow(r.type, r.rel, node.id, other.id) };
      }),
      ...(record.get('observations') as Array<{ observation: Record<string, unknown>; metric: Row }>).map((o) => ({
        target: SearchTarget.OBSERVATION,
        node: nodeFromRow(o.metric),
        observation: observationFromNeo4j(o.observation),
      })),
    ];
    const frequencies = new Map((record.get('frequencies') as Array<[string, unknown]>).map(([word, n]) => [word, toNumber(n)]));
    return rankSearchHits(query, { candidates, corpus: { documents: toNumber(record.get('documents')), frequencies } });
  }

  async getObservations(queries: readonly ObservationQuery[]): Promise<Observation[][]> {
    const lists: Observation[][] = queries.map(() => []);
    if (queries.length === 0) return lists;
    const result = await this.read('observation/get-for-metrics', {
      queries: queries.map((q) => ({ metricId: q.metricId, from: q.from ?? null, to: q.to ?? null, dimensions: { ...(q.dimensions ?? {}) } })),
    });
    for (const r of result.records) {
      lists[toNumber(r.get('i'))] = (r.get('observations') as Array<Record<string, unknown>>).map(observationFromNeo4j).sort(compareObservations);
    }
    return lists;
  }

  async getCitedItems(queries: readonly CitedItemsQuery[]): Promise<CitedItem[][]> {
    if (queries.length === 0) return [];
    const result = await this.read('citation/get-cited-items', { sourceIds: [...new Set(queries.map((q) => q.sourceId))] });
    const records = result.records.map((r) =>
      citingRecordFromRow(
        r.get('kind') as string,
        r.get('type') as string | null,
        r.get('fromId') as string | null,
        r.get('toId') as string | null,
        r.get('row'),
      ),
    );
    return queries.map((q) => {
      const items: CitedItem[] = [];
      for (const record of records) {
        const item = citedItem(q, record);
        if (item) items.push(item);
      }
      return items.sort(compareCitedItems);
    });
  }

  async getCitedSlides(sourceIds: readonly string[]): Promise<number[][]> {
    if (sourceIds.length === 0) return [];
    const result = await this.read('citation/get-cited-slides', { sourceIds: [...new Set(sourceIds)] });
    const bySource = new Map<string, number[]>();
    for (const r of result.records)
      bySource.set(
        r.get('sourceId') as string,
        (r.get('slides') as unknown[]).map(toNumber).sort((a, b) => a - b),
      );
    return sourceIds.map((id) => [...(bySource.get(id) ?? [])]);
  }

  async findRelationships(query: RelationshipListQuery): Promise<RelationshipPage> {
    const result = await this.read('relationship/find', {
      types: [...(query.types ?? [])],
      kinds: [...(query.kinds ?? [])],
      from: query.from ?? null,
      to: query.to ?? null,
      validAt: query.validAt ?? null,
      offset: neo4j.int(query.offset),
      limit: neo4j.int(query.limit),
    });
    const record = result.records[0];
    const page = record.get('page') as Array<[string, string, string, Row]>;
    return {
      relationships: page.map(([type, from, to, rel]) => relationshipFromRow(type, rel, from, to)),
      totalCount: toNumber(record.get('totalCount')),
    };
  }

  async getStats(): Promise<GraphStats> {
    const [nodes, relationships, observations] = await Promise.all([
      this.read('stats/count-nodes', {}),
      this.read('stats/count-relationships', {}),
      this.read('stats/count-observations', {}),
    ]);
    return {
      nodesByKind: Object.fromEntries(nodes.records.map((r) => [r.get('kind'), toNumber(r.get('count'))])),
      relationships: toNumber(relationships.records[0].get('count')),
      observations: toNumber(observations.records[0].get('count')),
    };
  }

  /**
   * `stats/get-degrees` reads every live edge, so its answer is kept until this process applies
   * a change or reads a new dataset version (another replica's change; `getDatasetVersion`).
   */
  async getDegreeStats(): Promise<DegreeStats> {
    this.shared.degreeStats ??= this.read('stats/get-degrees', {}).then(
      (result) => degreeStatsFromRecords(result.records),
      (error: unknown) => {
        this.shared.degreeStats = null;
        throw error;
      },
    );
    return this.shared.degreeStats;
  }

  /** The same store, whose reads time out no later than `deadline` (the request's time budget). */
  withDeadline(deadline: number): Neo4jStore {
    return new Neo4jStore(this.executor, this.shared, deadline);
  }

  /** The version of the live content, kept current by every curated change (apply-change.ts). */
  async getDatasetVersion(): Promise<string> {
    const result = await this.read('stats/get-dataset-version', {});
    const version = String(result.records[0]?.get('version') ?? 'unseeded');
    // Every GraphQL answer reads the version, so a change made by another process (another
    // replica) is noticed here: the degree statistics of an older version are dropped.
    if (this.shared.statsVersion !== version) {
      if (this.shared.statsVersion !== null) this.shared.degreeStats = null;
      this.shared.statsVersion = version;
    }
    return version;
  }

  /** The version of the seeds alone as last written (`npm run seed`), without curated records; null when unseeded. */
  async getSeededVersion(): Promise<string | null> {
    const result = await this.read('stats/get-dataset-version', {});
    const seeded = result.records[0]?.get('seededVersion') as unknown;
    return typeof seeded === 'string' ? seeded : null;
  }

  /** Each record's change records, oldest first: one statement for the batch (history/get-for-records.cypher). */
  async getHistory(refs: readonly RecordRef[]): Promise<HistoryEntry[][]> {
    if (refs.length === 0) return [];
    const result = await this.read('history/get-for-records', { refs: refs.map((r) => ({ kind: r.kind, id: r.id })) });
    const entries: HistoryEntry[][] = refs.map(() => []);
    for (const record of result.records) {
      entries[toNumber(record.get('i'))] = (record.get('changes') as Array<Record<string, unknown>>).map(historyEntryFromNeo4j);
    }
    return entries;
  }

  /** One write transaction per change (apply-change.ts); durable once it resolves. */
  async applyChange(change: Change): Promise<AppliedChange> {
    this.shared.statementsRun++;
    try {
      return await applyChange(this.executor, change);
    } finally {
      this.shared.degreeStats = null;
    }
  }

  async close(): Promise<void> {
    await this.executor.driver.close();
  }

  private read(name: StatementName, params: Record<string, unknown>) {
    this.shared.statementsRun++;
    return this.executor.execute(name, params, 'read', this.deadline === undefined ? undefined : this.deadline - Date.now());
  }
}

/** No criterion but the kinds: `findNodes` can take the sort index's order (node/list.cypher). */
function isUnfiltered(f: NodeFilter): boolean {
  return !f.addresses?.length && !f.relatedTo?.length && !f.types?.length && f.from === undefined && f.to === undefined && f.validAt === undefined;
}

interface SharedState {
  statementsRun: number;
  degreeStats: Promise<DegreeStats> | null;
  /** The dataset version last read; a different one drops `degreeStats`. */
  statsVersion: string | null;
}

/** An entity or relationship as the read statements return it: a row of properties (mappers.ts NODE_ROW). */
type Row = readonly unknown[];
