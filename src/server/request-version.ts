import type { Context } from '../graphql/context';

// One read of the dataset version per request, shared by the plugins that need it (the response
// cache keys answers by it, datasetVersionPlugin reports it): a second read would cost Neo4j a
// second round trip, and could disagree with the first across a curated change.
const reads = new WeakMap<Context, Promise<string | null>>();

/**
 * The dataset version for this request, read from the store on first call and shared afterwards;
 * null when the store cannot say (the answer then goes out without version and is not cached).
 */
export function requestVersion(ctx: Context): Promise<string | null> {
  let read = reads.get(ctx);
  if (!read) {
    read = pending.get(ctx) ?? ctx.store.getDatasetVersion().catch(() => null);
    reads.set(ctx, read);
  }
  return read;
}

/** Whether this request has read the version yet (a refused operation never does). */
export function versionWasRead(ctx: Context): boolean {
  return reads.has(ctx);
}

// The middleware that answers repeats before Apollo (cached-answers.ts) reads the version before
// the GraphQL context exists; on a miss it leaves the read here, keyed by the response, and the
// context adopts it, so the request still reads the version once.
const prefetched = new WeakMap<object, Promise<string | null>>();
const pending = new WeakMap<Context, Promise<string | null>>();

/** Leaves a version read made before the GraphQL context for the request answering on `res`. */
export function prefetchVersion(res: object, read: Promise<string | null>): void {
  prefetched.set(res, read);
}

/** Lets `ctx` use the version read already made for its response, if any (`requestVersion` takes it instead of reading again). */
export function adoptPrefetchedVersion(ctx: Context, res: object): Context {
  const read = prefetched.get(res);
  if (read) pending.set(ctx, read);
  return ctx;
}
