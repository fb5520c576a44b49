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
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      if (property === 'getDegreeStats') return (value as () => unknown).bind(target);
      return (...args: unknown[]) => {
        calls.push({ method: String(property), keys: Array.isArray(args[0]) ? args[0].length : 1 });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls, reset: () => calls.splice(0, calls.length) };
}
