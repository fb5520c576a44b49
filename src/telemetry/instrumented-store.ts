import type {
  AppliedChange,
  Change,
  CitedItem,
  CitedItemsQuery,
  DegreeStats,
  GraphNode,
  GraphStats,
  GraphStore,
  HistoryEntry,
  NodePage,
  NodeQuery,
  Observation,
  ObservationQuery,
  RecordRef,
  RelationshipHit,
  RelationshipListQuery,
  RelationshipPage,
  RelationshipQuery,
  SearchHit,
  SearchQuery,
} from '../domain';
import type { Histogram } from 'prom-client';
import type { Metrics } from './metrics';
import type { Tracing } from './tracing';

type Method = Exclude<
  { [K in keyof GraphStore]-?: GraphStore[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof GraphStore],
  'withDeadline'
>;

/** What one store's calls are timed and traced with; shared by the store and its deadline views. */
interface Instruments {
  readonly timers: Map<Method, { ok: Histogram.Internal<string>; error: Histogram.Internal<string> }>;
  readonly metrics: Metrics | null;
  readonly tracing: Tracing | null;
}

/**
 * The GraphStore port, timed and traced: every call is observed in
 * `usmx_store_call_duration_seconds{store, method, outcome}` and, with tracing on, is a span
 * `store.<method>` under the request's span (the Neo4j statements it runs nest under it). Wraps
 * the store once in the composition root; the adapters themselves stay free of telemetry. A
 * method added to the port must be added here too (the compiler says so).
 */
export class InstrumentedStore implements GraphStore {
  readonly name: string;

  private constructor(
    private readonly inner: GraphStore,
    private readonly instruments: Instruments,
  ) {
    this.name = inner.name;
  }

  /** `store` itself when there is nothing to record with; otherwise the instrumented view. */
  static wrap(store: GraphStore, metrics: Metrics | null, tracing: Tracing | null): GraphStore {
    if (!metrics && !tracing) return store;
    return new InstrumentedStore(store, { timers: new Map(), metrics, tracing });
  }

  /** The inner store's deadline view, instrumented alike (one per request with a time budget). */
  get withDeadline(): GraphStore['withDeadline'] {
    const inner = this.inner;
    if (!inner.withDeadline) return undefined;
    return (deadline: number) => new InstrumentedStore(inner.withDeadline!(deadline), this.instruments);
  }

  getNodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return this.call('getNodesByIds', ids.length, () => this.inner.getNodesByIds(ids));
  }

  getRelationships(queries: readonly RelationshipQuery[]): Promise<RelationshipHit[][]> {
    return this.call('getRelationships', queries.length, () => this.inner.getRelationships(queries));
  }

  findNodes(query: NodeQuery): Promise<NodePage> {
    return this.call('findNodes', undefined, () => this.inner.findNodes(query));
  }

  search(query: SearchQuery): Promise<SearchHit[]> {
    return this.call('search', undefined, () => this.inner.search(query));
  }

  getObservations(queries: readonly ObservationQuery[]): Promise<Observation[][]> {
    return this.call('getObservations', queries.length, () => this.inner.getObservations(queries));
  }

  getCitedItems(queries: readonly CitedItemsQuery[]): Promise<CitedItem[][]> {
    return this.call('getCitedItems', queries.length, () => this.inner.getCitedItems(queries));
  }

  getCitedSlides(sourceIds: readonly string[]): Promise<number[][]> {
    return this.call('getCitedSlides', sourceIds.length, () => this.inner.getCitedSlides(sourceIds));
  }

  findRelationships(query: RelationshipListQuery): Promise<RelationshipPage> {
    return this.call('findRelationships', undefined, () => this.inner.findRelationships(query));
  }

  getStats(): Promise<GraphStats> {
    return this.call('getStats', undefined, () => this.inner.getStats());
  }

  getDegreeStats(): Promise<DegreeStats> {
    return this.call('getDegreeStats', undefined, () => this.inner.getDegreeStats());
  }

  getDatasetVersion(): Promise<string> {
    return this.call('getDatasetVersion', undefined, () => this.inner.getDatasetVersion());
  }

  applyChange(change: Change): Promise<AppliedChange> {
    return this.call('applyChange', undefined, () => this.inner.applyChange(change));
  }

  getHistory(refs: readonly RecordRef[]): Promise<HistoryEntry[][]> {
    return this.call('getHistory', refs.length, () => this.inner.getHistory(refs));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Times `work` (and traces it, when tracing is on); `keys` is the batch size of a batch call. */
  private async call<T>(method: Method, keys: number | undefined, work: () => Promise<T>): Promise<T> {
    const timer = this.timer(method);
    const tracing = this.instruments.tracing;
    let run = work;
    if (tracing) {
      const attributes = keys === undefined ? { 'usmx.store': this.name } : { 'usmx.store': this.name, 'usmx.store.keys': keys };
      run = () => tracing.endAfter(tracing.startChildSpan(`store.${method}`, attributes), work);
    }
    if (!timer) return run();
    // async/await rather than then-callbacks: measurably cheaper per call on the memory store.
    const started = performance.now();
    try {
      const value = await run();
      timer.ok.observe((performance.now() - started) / 1000);
      return value;
    } catch (error) {
      timer.error.observe((performance.now() - started) / 1000);
      throw error;
    }
  }

  /** The histogram children for `method` (label lookups cost more than an observation, so kept). */
  private timer(method: Method): { ok: Histogram.Internal<string>; error: Histogram.Internal<string> } | undefined {
    const metrics = this.instruments.metrics;
    if (!metrics) return undefined;
    let timer = this.instruments.timers.get(method);
    if (!timer) {
      timer = {
        ok: metrics.storeCalls.labels({ store: this.name, method, outcome: 'ok' }),
        error: metrics.storeCalls.labels({ store: this.name, method, outcome: 'error' }),
      };
      this.instruments.timers.set(method, timer);
    }
    return timer;
  }
}
