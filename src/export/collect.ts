import {
  BadInputError,
  NodeKind,
  compareObservations,
  type GraphNode,
  type Citation,
  type GraphStore,
  type Observation,
  type Relationship,
  type RelationshipQuery,
} from '../domain';

/** The part of the `GraphStore` port an export reads: nothing else, so any store can be exported. */
export type ExportSource = Pick<GraphStore, 'findNodes' | 'getNodesByIds' | 'getRelationships' | 'getObservations' | 'getDatasetVersion'>;

/** The whole graph, or the entities within `depth` hops (either direction) of `id`. */
export type ExportScope = { readonly kind: 'graph' } | { readonly kind: 'neighbourhood'; readonly id: string; readonly depth: number };

/** What every format renders: plain domain objects in a fixed order, so equal data gives equal bytes. */
export interface ExportGraph {
  readonly datasetVersion: string;
  readonly scope: ExportScope;
  /** Ordered by id. */
  readonly nodes: readonly GraphNode[];
  /** Ordered by id; both ends of every edge are in `nodes`. */
  readonly relationships: readonly Relationship[];
  /** Observations of the metrics in `nodes`, by metric id, then period (the store's order). */
  readonly observations: readonly Observation[];
  /**
   * The `Source` entities the exported entities and observations cite that are not in `nodes`
   * (a neighbourhood's), ordered by id, so a format that draws citations as edges (GraphML) has
   * their ends. Empty for the whole graph; the formats that write citations as text ignore it.
   */
  readonly citedSources: readonly GraphNode[];
}

/** Nodes per `findNodes` call; large enough that the seeds take one or two pages. */
export const NODE_PAGE_SIZE = 500;
/** Node queries per `getRelationships` / `getObservations` call (one round trip each on Neo4j). */
export const BATCH_SIZE = 100;

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 3;

/** A step of `collectGraph`, for progress on large graphs: nodes read, nodes whose edges were read, metrics whose observations were read. */
export type CollectStep = 'nodes' | 'edges' | 'observations';

/** Called after each store call of a step with how much of it is done. */
export type CollectProgress = (step: CollectStep, done: number, total: number) => void;

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `getRelationships` in batches of BATCH_SIZE, answers aligned to `queries`. */
async function relationshipsOf(store: ExportSource, queries: readonly RelationshipQuery[], onBatch?: (done: number) => void) {
  const answers = [];
  for (const batch of chunks(queries, BATCH_SIZE)) {
    for (const answer of await store.getRelationships(batch)) answers.push(answer);
    onBatch?.(answers.length);
  }
  return answers;
}

async function allNodes(store: ExportSource, onProgress?: CollectProgress): Promise<GraphNode[]> {
  const nodes: GraphNode[] = [];
  for (;;) {
    const page = await store.findNodes({ offset: nodes.length, limit: NODE_PAGE_SIZE });
    for (const node of page.nodes) nodes.push(node);
    onProgress?.('nodes', nodes.length, Math.max(page.totalCount, nodes.length));
    if (page.nodes.length === 0 || nodes.length >= page.totalCount) return nodes;
  }
}

/**
 * The entities within `depth` hops of `id`, following edges both ways (breadth first, one
 * batched store call per hop). Throws BAD_USER_INPUT for an unknown id.
 */
async function neighbourhood(store: ExportSource, id: string, depth: number): Promise<GraphNode[]> {
  const [root] = await store.getNodesByIds([id]);
  if (!root) throw new BadInputError('id', 'the id of an entity', id);
  const seen = new Map<string, GraphNode>([[root.id, root]]);
  let frontier = [root.id];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const hits = await relationshipsOf(
      store,
      frontier.map((nodeId) => ({ nodeId, direction: 'BOTH' as const })),
    );
    frontier = [];
    for (const hit of hits.flat()) {
      if (seen.has(hit.other.id)) continue;
      seen.set(hit.other.id, hit.other);
      frontier.push(hit.other.id);
    }
  }
  return [...seen.values()];
}

/**
 * Reads the graph to export through the port: nodes (paged, or by breadth-first search), then
 * the outgoing edges of every node (so each edge is read once) whose other end is also exported
 * — for a neighbourhood, that is every edge among its entities, not only the ones walked — then
 * the observations of the exported metrics. `onProgress` hears after each store call how far
 * the current step is (the CLI's progress on large graphs).
 */
export async function collectGraph(store: ExportSource, scope: ExportScope, onProgress?: CollectProgress): Promise<ExportGraph> {
  const datasetVersion = await store.getDatasetVersion();
  const nodes = scope.kind === 'graph' ? await allNodes(store, onProgress) : await neighbourhood(store, scope.id, scope.depth);
  nodes.sort(byId);
  const ids = new Set(nodes.map((n) => n.id));

  const hits = await relationshipsOf(
    store,
    nodes.map((n) => ({ nodeId: n.id, direction: 'OUT' as const })),
    (done) => onProgress?.('edges', done, nodes.length),
  );
  const relationships = hits
    .flat()
    .filter((hit) => ids.has(hit.other.id))
    .map((hit) => hit.relationship)
    .sort(byId);

  const metrics = nodes.filter((n) => n.kind === NodeKind.Metric).map((n) => n.id);
  const observations: Observation[] = [];
  let metricsDone = 0;
  for (const batch of chunks(metrics, BATCH_SIZE)) {
    const lists = await store.getObservations(batch.map((metricId) => ({ metricId })));
    for (const list of lists) for (const observation of [...list].sort(compareObservations)) observations.push(observation);
    metricsDone += batch.length;
    onProgress?.('observations', metricsDone, metrics.length);
  }
  const citedSources = await sourcesOutside(store, ids, [...nodes, ...observations]);
  return { datasetVersion, scope, nodes, relationships, observations, citedSources };
}

/** The Source entities `items` cite whose ids are not in `exported`, ordered by id. */
async function sourcesOutside(
  store: ExportSource,
  exported: ReadonlySet<string>,
  items: ReadonlyArray<{ readonly sources: readonly Citation[] }>,
): Promise<GraphNode[]> {
  const missing = [...new Set(items.flatMap((item) => item.sources.map((c) => c.sourceId)))].filter((id) => !exported.has(id)).sort();
  const found: GraphNode[] = [];
  for (const batch of chunks(missing, BATCH_SIZE)) for (const node of await store.getNodesByIds(batch)) if (node) found.push(node);
  return found;
}
