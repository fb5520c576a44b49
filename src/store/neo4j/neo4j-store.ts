import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import {
  compareHits,
  compareNodes,
  compareObservations,
  rankSearchHits,
  searchCandidates,
  type GraphNode,
  type GraphStats,
  type GraphStore,
  type NodePage,
  type NodeQuery,
  type Observation,
  type ObservationQuery,
  type RelationshipHit,
  type RelationshipQuery,
  type SearchHit,
  type SearchQuery,
  type AppliedChange,
  type Change,
} from '../../domain';
import { applyChange } from './apply-change';
import type { Neo4jExecutor } from './executor';
import { luceneQuery } from './lucene';
import { nodeFromNeo4j, observationFromNeo4j, relationshipFromNeo4j } from './mappers';

/**
 * The production store: the same port as the memory store over Neo4j. Every call is one
 * statement in one read transaction (a curated change: one write transaction), batched with UNWIND so a DataLoader batch is one round trip.
 */
export class Neo4jStore implements GraphStore {
  readonly name = 'neo4j';
  /** Statements run, for tests and benchmarks that count round trips. */
  statementsRun = 0;

  constructor(private readonly executor: Neo4jExecutor) {}

  async getNodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    if (ids.length === 0) return [];
    const result = await this.read('node/get-by-ids', { ids: [...ids] });
    const nodes: (GraphNode | null)[] = ids.map(() => null);
    for (const record of result.records) {
      const node = record.get('node') as Neo4jNode | null;
      nodes[toNumber(record.get('i'))] = node ? nodeFromNeo4j(node) : null;
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
      hits[toNumber(r.get('i'))].push({
        relationship: relationshipFromNeo4j(r.get('type'), r.get('rel'), r.get('from'), r.get('to')),
        direction: r.get('direction'),
        other: nodeFromNeo4j(r.get('other')),
      });
    }
    for (const list of hits) list.sort(compareHits);
    return hits;
  }

  async findNodes(query: NodeQuery): Promise<NodePage> {
    const f = query.filter ?? {};
    const result = await this.read('node/find', {
      kinds: [...(query.kinds ?? [])],
      types: [...(f.types ?? [])],
      topics: [...(f.addresses ?? [])],
      relatedTo: [...(f.relatedTo ?? [])],
      from: f.from ?? null,
      to: f.to ?? null,
      validAt: f.validAt ?? null,
      offset: neo4j.int(query.offset),
      limit: neo4j.int(query.limit),
    });
    const record = result.records[0];
    const page = (record.get('page') as Neo4jNode[]).map(nodeFromNeo4j);
    // Neo4j orders by the same sort key; sorting again costs nothing and pins the contract.
    return { nodes: page.sort(compareNodes), totalCount: toNumber(record.get('totalCount')) };
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const lucene = luceneQuery(query.text);
    if (lucene === null) return [];
    const result = await this.read('search/query', {
      query: lucene,
      kinds: [...(query.kinds ?? [])],
      candidates: neo4j.int(searchCandidates(query.limit)),
    });
    return rankSearchHits(query.text, result.records.map((r) => nodeFromNeo4j(r.get('node'))), query.limit);
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

  async getDatasetVersion(): Promise<string> {
    const result = await this.read('stats/get-dataset-version', {});
    return String(result.records[0]?.get('version') ?? 'unseeded');
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

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value);
}
