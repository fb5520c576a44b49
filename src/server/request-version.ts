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
    read = ctx.store.getDatasetVersion().catch(() => null);
    reads.set(ctx, read);
  }
  return read;
}

/** Whether this request has read the version yet (a refused operation never does). */
export function versionWasRead(ctx: Context): boolean {
  return reads.has(ctx);
}
