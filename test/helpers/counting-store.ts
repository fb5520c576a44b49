import type { GraphStore } from '../../src/domain';

export interface StoreCall {
  readonly method: string;
  /** Number of keys in a batch call (ids, queries), or 1 for a single query. */
  readonly keys: number;
}

/**
 * Wraps a store and records every call, as dataloader's own tests record batches. Not recorded:
 * the degree statistics the cost estimate reads before each operation (the store answers them
 * from its cache), and the dataset version every GraphQL answer reads once for its `extensions`
 * (src/server/apollo.ts): neither is a data load, so the counts stay per nesting level.
 */
export function countingStore(inner: GraphStore): { store: GraphStore; calls: StoreCall[]; reset(): void } {
  const calls: StoreCall[] = [];
  const wrap = (target: GraphStore): GraphStore =>
    new Proxy(target, {
      get(t, property, receiver) {
        const value = Reflect.get(t, property, receiver);
        if (typeof value !== 'function' || property === 'close') return value;
        // Bound to the store itself, so the statements they run are not recorded either.
        if (property === 'getDegreeStats' || property === 'getDatasetVersion') return (value as () => unknown).bind(t);
        // A request's deadline view (Neo4j) is counted as the store it comes from.
        if (property === 'withDeadline') return (deadline: number) => wrap((value as (d: number) => GraphStore).call(t, deadline));
        return (...args: unknown[]) => {
          calls.push({ method: String(property), keys: Array.isArray(args[0]) ? args[0].length : 1 });
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  return { store: wrap(inner), calls, reset: () => calls.splice(0, calls.length) };
}
