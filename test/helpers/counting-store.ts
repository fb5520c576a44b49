import type { GraphStore } from '../../src/domain';

export interface StoreCall {
  readonly method: string;
  /** Number of keys in a batch call (ids, queries), or 1 for a single query. */
  readonly keys: number;
}

/**
 * Wraps a store and records every call, as dataloader's own tests record batches. The degree
 * statistics the cost estimate reads before each operation are not recorded: the store answers
 * them from its cache (a real read happens once, and again only after a curated change).
 */
export function countingStore(inner: GraphStore): { store: GraphStore; calls: StoreCall[]; reset(): void } {
  const calls: StoreCall[] = [];
  const wrap = (target: GraphStore): GraphStore =>
    new Proxy(target, {
      get(t, property, receiver) {
        const value = Reflect.get(t, property, receiver);
        if (typeof value !== 'function' || property === 'close') return value;
        if (property === 'getDegreeStats') return (value as () => unknown).bind(t);
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
