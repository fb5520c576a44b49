import DataLoader from 'dataloader';
import type { GraphStore, Observation, ObservationQuery, RelationshipQuery } from '../domain';
import { READ_ONLY, type Access } from './auth';
import { entityView, relationshipView, type EntityView, type RelationshipView } from './views';

export interface Loaders {
  /** Entities by id; `null` for an unknown id. */
  readonly node: DataLoader<string, EntityView | null>;
  /** Edges of a node with the node at the other end, per (node, direction, types, kinds). */
  readonly relationships: DataLoader<RelationshipQuery, RelationshipView[], string>;
  /** Observations of a metric, per (metric, period range, dimensions). */
  readonly observations: DataLoader<ObservationQuery, Observation[], string>;
}

/** What every resolver receives. Built fresh for each request, so caches never leak between users. */
export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  /** Whether writes are on, and the curator calling (from `Authorization: Bearer <token>`). */
  readonly access: Access;
}

/**
 * Waiting one macrotask (setImmediate) gathers every load issued while a whole level of the
 * query resolves, however its promises interleave, so each nesting level is one store call.
 */
const schedule = (callback: () => void): void => {
  setImmediate(callback);
};

/** Canonical cache key for structured keys (arrays sorted so equal queries share a key). */
function keyOf(value: object): string {
  return JSON.stringify(value, (_k, v: unknown) => (Array.isArray(v) ? [...v].sort() : v));
}

export function createLoaders(store: GraphStore): Loaders {
  return {
    node: new DataLoader(
      async (ids) => (await store.getNodesByIds(ids)).map((n) => (n ? entityView(n) : null)),
      { batchScheduleFn: schedule },
    ),
    relationships: new DataLoader<RelationshipQuery, RelationshipView[], string>(
      async (queries) => (await store.getRelationships(queries)).map((hits) => hits.map(relationshipView)),
      { batchScheduleFn: schedule, cacheKeyFn: keyOf },
    ),
    observations: new DataLoader<ObservationQuery, Observation[], string>((queries) => store.getObservations(queries), { batchScheduleFn: schedule, cacheKeyFn: keyOf }),
  };
}

export function createContext(store: GraphStore, access: Access = READ_ONLY): Context {
  return { store, loaders: createLoaders(store), access };
}
