import type { GraphStore } from '../../src/domain';

export interface StoreCall {
  readonly method: string;
  /** Number of keys in a batch call (ids, queries), or 1 for a single query. */
  readonly keys: number;
}

/**
 * Wraps a store and records every call, as dataloader's own tests record batches, except the
 * dataset version every GraphQL answer reads once for its `extensions` (src/server/apollo.ts):
 * not a data load, so the counts stay per nesting level.
 */
export function countingStore(inner: GraphStore): { store: GraphStore; calls: StoreCall[]; reset(): void } {
  const calls: StoreCall[] = [];
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      // Bound to the store itself, so the statements it runs are not recorded either.
      if (property === 'getDatasetVersion') return (value as () => Promise<string>).bind(target);
      return (...args: unknown[]) => {
        calls.push({ method: String(property), keys: Array.isArray(args[0]) ? args[0].length : 1 });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls, reset: () => calls.splice(0, calls.length) };
}
