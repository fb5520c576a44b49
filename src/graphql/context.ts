import DataLoader from 'dataloader';
import {
  recordKey,
  type CitedItem,
  type CitedItemsQuery,
  type GraphStore,
  type HistoryEntry,
  type Observation,
  type ObservationQuery,
  type RecordRef,
  type RelationshipHit,
  type RelationshipQuery,
} from '../domain';
import { READ_ONLY, type Access } from './auth';
import { checkDeadline, deadlineStore, startDeadline, type Deadline } from './deadline';
import { entityView, type EntityView } from './views';

/** The port `createContext` reads from, for the server (which imports graphql, not domain). */
export type { GraphStore };

export interface Loaders {
  /** Entities by id; `null` for an unknown id. */
  readonly node: DataLoader<string, EntityView | null>;
  /**
   * Edges of a node with the node at the other end, per (node, direction, types, kinds), as the
   * store returns them: most fields read only the other end (`entityView(hit.other)`), so the
   * `relationships` field alone makes `RelationshipView`s, rather than one per edge per load.
   */
  readonly relationships: DataLoader<RelationshipQuery, RelationshipHit[], string>;
  /** Observations of a metric, per (metric, period range, dimensions). */
  readonly observations: DataLoader<ObservationQuery, Observation[], string>;
  /** What cites a source (reverse provenance), per (source, slide). */
  readonly citedItems: DataLoader<CitedItemsQuery, CitedItem[], string>;
  /** The slides on which anything cites a source, per source id. */
  readonly citedSlides: DataLoader<string, number[]>;
  /** A record's history, oldest first, by `RecordRef`. */
  readonly history: DataLoader<RecordRef, HistoryEntry[], string>;
}

/** What every resolver receives. Built fresh for each request, so caches never leak between users. */
export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  /** Whether writes are on, and the curator calling (from `Authorization: Bearer <token>`). */
  readonly access: Access;
  /** When the request must stop (REQUEST_TIME_BUDGET_MS); absent: no budget. */
  readonly deadline?: Deadline;
}

/**
 * When a loader sends the loads it has gathered as one store call. It depends on how the store
 * answers, which only whoever builds the store knows (main.ts, the test and bench set-ups), so it
 * is passed in with the store rather than read from it:
 * - `'microtask'`: DataLoader's own schedule, once the microtask queue drains. A store that
 *   answers in process, without I/O (the memory store), settles a whole query level within one
 *   drain, so this already gathers the level; a macrotask would only add an event-loop turn per level.
 * - `'macrotask'`: one macrotask later (setImmediate), so loads issued from answers that arrive in
 *   separate I/O callbacks (Neo4j) still go out as one call per level. Right for any store: the default.
 */
export type LoaderSchedule = 'microtask' | 'macrotask';

/** Batches on the next macrotask (see `LoaderSchedule`). */
const nextMacrotask = (callback: () => void): void => {
  setImmediate(callback);
};

/** How a request's context is built; every field optional. */
export interface ContextOptions {
  /** Whether writes are on, and the curator calling; read only by default. */
  readonly access?: Access;
  /** The request's time budget (REQUEST_TIME_BUDGET_MS); absent: no budget. */
  readonly timeBudgetMs?: number;
  /** When the loaders send their batches; `'macrotask'` by default. */
  readonly schedule?: LoaderSchedule;
}

/** Canonical cache key for structured keys (arrays sorted so equal queries share a key). */
function keyOf(value: object): string {
  return JSON.stringify(value, (_k, v: unknown) => (Array.isArray(v) ? [...v].sort() : v));
}

const sortedList = (xs: readonly string[] | undefined): string => (!xs || xs.length === 0 ? '' : xs.length === 1 ? xs[0] : [...xs].sort().join(','));

/**
 * The relationship loader's cache key, built by hand: it is computed for every relationship
 * field of every item (60 times for 20 items × 3 fields), and `keyOf`'s JSON.stringify with a
 * replacer showed in profiles. Ids, edge types, kinds and days contain neither `,` nor `\0`.
 */
function relationshipKey(q: RelationshipQuery): string {
  return `${q.nodeId}\0${q.direction}\0${sortedList(q.types)}\0${sortedList(q.kinds)}\0${q.validAt ?? ''}`;
}

/**
 * A loader whose `load` (and so `loadMany`) refuses once the deadline has passed, cached keys
 * included: a large answer built from cached loads (the same hub reached again and again) does no
 * store call that could notice the time. A subclass: replacing `load` on each loader instead (an
 * own property per instance) made every request with a time budget promote its objects to the old
 * generation (in process, 20 × 3 under a budget: 821 KB per young-generation collection against
 * none, pauses 4.4 ms against 1.3 ms; bench/notes/http.md).
 */
class DeadlineLoader<K, V, C = K> extends DataLoader<K, V, C> {
  constructor(
    batchLoadFn: DataLoader.BatchLoadFn<K, V>,
    options: DataLoader.Options<K, V, C>,
    private readonly deadline: Deadline,
  ) {
    super(batchLoadFn, options);
  }

  override load(key: K): Promise<V> {
    try {
      checkDeadline(this.deadline);
    } catch (error) {
      return Promise.reject(error);
    }
    return super.load(key);
  }
}

/** A loader that refuses loads past `deadline` when there is one. */
function loader<K, V, C = K>(
  batchLoadFn: DataLoader.BatchLoadFn<K, V>,
  options: DataLoader.Options<K, V, C>,
  deadline: Deadline | undefined,
): DataLoader<K, V, C> {
  return deadline ? new DeadlineLoader(batchLoadFn, options, deadline) : new DataLoader(batchLoadFn, options);
}

/**
 * A request's loaders, each made when first read: most requests use one or two of the six, and
 * every request pays for its context (bench/notes/inprocess.md). A class, so that a context costs
 * one small object (getters in an object literal are slow to create).
 */
class LazyLoaders implements Loaders {
  #node: Loaders['node'] | undefined;
  #relationships: Loaders['relationships'] | undefined;
  #observations: Loaders['observations'] | undefined;
  #citedItems: Loaders['citedItems'] | undefined;
  #citedSlides: Loaders['citedSlides'] | undefined;
  #history: Loaders['history'] | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly deadline: Deadline | undefined,
    private readonly batchScheduleFn: ((callback: () => void) => void) | undefined,
  ) {}

  get node(): Loaders['node'] {
    const { store, batchScheduleFn } = this;
    return (this.#node ??= loader(
      async (ids: readonly string[]) => (await store.getNodesByIds(ids)).map((n) => (n ? entityView(n) : null)),
      { batchScheduleFn },
      this.deadline,
    ));
  }

  get relationships(): Loaders['relationships'] {
    const { store, batchScheduleFn } = this;
    return (this.#relationships ??= loader<RelationshipQuery, RelationshipHit[], string>(
      (queries) => store.getRelationships(queries),
      { batchScheduleFn, cacheKeyFn: relationshipKey },
      this.deadline,
    ));
  }

  get observations(): Loaders['observations'] {
    const { store, batchScheduleFn } = this;
    return (this.#observations ??= loader<ObservationQuery, Observation[], string>(
      (queries) => store.getObservations(queries),
      { batchScheduleFn, cacheKeyFn: keyOf },
      this.deadline,
    ));
  }

  get citedItems(): Loaders['citedItems'] {
    const { store, batchScheduleFn } = this;
    return (this.#citedItems ??= loader<CitedItemsQuery, CitedItem[], string>(
      (queries) => store.getCitedItems(queries),
      { batchScheduleFn, cacheKeyFn: (q) => `${q.sourceId}\0${q.slide ?? ''}` },
      this.deadline,
    ));
  }

  get citedSlides(): Loaders['citedSlides'] {
    const { store, batchScheduleFn } = this;
    return (this.#citedSlides ??= loader<string, number[]>((ids) => store.getCitedSlides(ids), { batchScheduleFn }, this.deadline));
  }

  get history(): Loaders['history'] {
    const { store, batchScheduleFn } = this;
    return (this.#history ??= loader<RecordRef, HistoryEntry[], string>(
      (refs) => store.getHistory(refs),
      { batchScheduleFn, cacheKeyFn: recordKey },
      this.deadline,
    ));
  }
}

/** Fresh loaders over `store`, batching on `schedule`, refusing loads past `deadline`; each made when first read. */
export function createLoaders(store: GraphStore, deadline?: Deadline, schedule: LoaderSchedule = 'macrotask'): Loaders {
  return new LazyLoaders(store, deadline, schedule === 'macrotask' ? nextMacrotask : undefined);
}

/**
 * A request's context. With `timeBudgetMs`, the request gets a deadline: its store calls and
 * loads refuse with TIME_BUDGET_EXCEEDED past it, and Neo4j statements time out by then.
 */
export function createContext(store: GraphStore, options: ContextOptions = {}): Context {
  const { access = READ_ONLY, timeBudgetMs, schedule } = options;
  if (timeBudgetMs === undefined) return { store, loaders: createLoaders(store, undefined, schedule), access };
  const deadline = startDeadline(timeBudgetMs);
  const bounded = deadlineStore(store, deadline);
  return { store: bounded, loaders: createLoaders(bounded, deadline, schedule), access, deadline };
}
