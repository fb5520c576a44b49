import neo4j from 'neo4j-driver';
import {
  compareNodes,
  compareObservations,
  NODE_KINDS,
  rankSearchHits,
  searchCandidates,
  sortHits,
  type GraphNode,
  type GraphStats,
  type GraphStore,
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
} from '../../domain';
import { applyChange } from './apply-change';
import type { Neo4jExecutor } from './executor';
import { luceneQuery } from './lucene';
import { nodeFromRow, observationFromNeo4j, relationshipFromRow } from './mappers';

/**
 * The production store: the same port as the memory store over Neo4j. Every call is one
 * statement, an auto-commit read (a curated change: one write transaction), batched with UNWIND so a DataLoader batch is one round trip.
 */
export class Neo4jStore implements GraphStore {
  readonly name = 'neo4j';
  readonly answersInProcess = false;
  /** Statements run, for tests and benchmarks that count round trips. */
  statementsRun = 0;

  constructor(private readonly executor: Neo4jExecutor) {}

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

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const lucene = luceneQuery(query.text);
    if (lucene === null) return [];
    const result = await this.read('search/query', {
      query: lucene,
      kinds: [...(query.kinds ?? [])],
      candidates: neo4j.int(searchCandidates(query.limit)),
    });
    return rankSearchHits(query.text, result.records.map((r) => nodeFromRow(r.get('node') as Row)), query.limit);
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

  /** The version of the live content, kept current by every curated change (apply-change.ts). */
  async getDatasetVersion(): Promise<string> {
    const result = await this.read('stats/get-dataset-version', {});
    return String(result.records[0]?.get('version') ?? 'unseeded');
  }

  /** The version of the seeds alone as last written (`npm run seed`), without curated records; null when unseeded. */
  async getSeededVersion(): Promise<string | null> {
    const result = await this.read('stats/get-dataset-version', {});
    const seeded = result.records[0]?.get('seededVersion') as unknown;
    return typeof seeded === 'string' ? seeded : null;
  }

  /** One write transaction per change (apply-change.ts); durable once it resolves. */
  async applyChange(change: Change): Promise<AppliedChange> {
    this.statementsRun++;
    return applyChange(this.executor, change);
  }

  async close(): Promise<void> {
    await this.executor.driver.close();
  }

  private read(name: Parameters<Neo4jExecutor['read']>[0], params: Record<string, unknown>) {
    this.statementsRun++;
    return this.executor.read(name, params);
  }
}

/** No criterion but the kinds: `findNodes` can take the sort index's order (node/list.cypher). */
function isUnfiltered(f: NodeFilter): boolean {
  return (
    !f.addresses?.length &&
    !f.relatedTo?.length &&
    !f.types?.length &&
    f.from === undefined &&
    f.to === undefined &&
    f.validAt === undefined
  );
}

/** An entity or relationship as the read statements return it: a row of properties (mappers.ts NODE_ROW). */
type Row = readonly unknown[];

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value);
}
