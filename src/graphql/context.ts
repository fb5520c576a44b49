import DataLoader from 'dataloader';
import type { CitedItem, CitedItemsQuery, GraphStore, Observation, ObservationQuery, RelationshipHit, RelationshipQuery } from '../domain';
import { READ_ONLY, type Access } from './auth';
import { entityView, type EntityView } from './views';

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
}

/** What every resolver receives. Built fresh for each request, so caches never leak between users. */
export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  /** Whether writes are on, and the curator calling (from `Authorization: Bearer <token>`). */
  readonly access: Access;
}

/**
 * For a store that answers over I/O: waiting one macrotask (setImmediate) gathers every load
 * issued while a whole level of the query resolves, however its answers arrive, so each nesting
 * level is one store call. A store that answers in process settles a level within one drain of
 * the microtask queue, which DataLoader's own schedule (after the queue drains) already waits
 * for; the macrotask would only add an event-loop turn per level.
 */
const nextMacrotask = (callback: () => void): void => {
  setImmediate(callback);
};

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

export function createLoaders(store: GraphStore): Loaders {
  const schedule = store.answersInProcess ? undefined : nextMacrotask;
  return {
    node: new DataLoader(
      async (ids) => (await store.getNodesByIds(ids)).map((n) => (n ? entityView(n) : null)),
      { batchScheduleFn: schedule },
    ),
    relationships: new DataLoader<RelationshipQuery, RelationshipHit[], string>((queries) => store.getRelationships(queries), {
      batchScheduleFn: schedule,
      cacheKeyFn: relationshipKey,
    }),
    observations: new DataLoader<ObservationQuery, Observation[], string>((queries) => store.getObservations(queries), { batchScheduleFn: schedule, cacheKeyFn: keyOf }),
    citedItems: new DataLoader<CitedItemsQuery, CitedItem[], string>((queries) => store.getCitedItems(queries), {
      batchScheduleFn: schedule,
      cacheKeyFn: (q) => `${q.sourceId}\0${q.slide ?? ''}`,
    }),
    citedSlides: new DataLoader<string, number[]>((ids) => store.getCitedSlides(ids), { batchScheduleFn: schedule }),
  };
}

export function createContext(store: GraphStore, access: Access = READ_ONLY): Context {
  return { store, loaders: createLoaders(store), access };
}
