import { LRUCache } from 'lru-cache';

/** What the response cache has done since start: for `/metrics` and tests. */
export interface ResponseCacheStats {
  /** Whether the in-process cache is on (RESPONSE_CACHE); the HTTP counters move either way. */
  readonly enabled: boolean;
  /** Query answers served from the in-process cache, without executing. */
  readonly hits: number;
  /** Cacheable queries that had to be executed (not in the cache, or the cache is off). */
  readonly misses: number;
  /** GET requests answered `304 Not Modified` (their `If-None-Match` named the current ETag), without executing. */
  readonly notModified: number;
  /** Answers put in the cache. */
  readonly stores: number;
  /** Answers dropped to stay within `maxBytes` (least recently used first). */
  readonly evictions: number;
  /** Times a new dataset version emptied the cache. */
  readonly invalidations: number;
  /** Answers held now, and their size (characters of answer JSON plus key). */
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
}

export type CacheCounter = 'hits' | 'misses' | 'notModified' | 'stores' | 'evictions' | 'invalidations';

/**
 * A cached answer: the whole body as sent (`data` and `extensions.datasetVersion`), kept as text
 * only, so the size the bound counts is what the cache holds.
 */
export interface CachedAnswer {
  readonly body: string;
  /** The operation's name as Apollo resolved it (from the document when the request named none); null when anonymous. */
  readonly operationName: string | null;
}

/**
 * The in-process cache of query answers (`data` only: answers with errors are never stored),
 * keyed by dataset version + request hash and bounded by size (lru-cache). Only the current
 * version's answers are kept: the first read of a new version empties the cache, and an answer
 * computed under an older version (a request that began before a curated change) is not stored.
 */
export class AnswerCache {
  private readonly lru: LRUCache<string, CachedAnswer> | null;
  private readonly counts: Record<CacheCounter, number> = { hits: 0, misses: 0, notModified: 0, stores: 0, evictions: 0, invalidations: 0 };
  private version: string | null = null;

  /** `onCount` hears every counter move (the `/metrics` lookups: hits and 304s as hits, misses). */
  constructor(
    enabled: boolean,
    readonly maxBytes: number,
    private readonly onCount: (counter: CacheCounter) => void = () => undefined,
  ) {
    this.lru = enabled
      ? new LRUCache<string, CachedAnswer>({
          maxSize: maxBytes,
          sizeCalculation: (entry, key) => entry.body.length + key.length,
          dispose: (_value, _key, reason) => {
            if (reason === 'evict') this.counts.evictions++;
          },
        })
      : null;
  }

  /** Whether answers are kept in process (RESPONSE_CACHE). */
  get enabled(): boolean {
    return this.lru !== null;
  }

  count(counter: CacheCounter): void {
    this.counts[counter]++;
    this.onCount(counter);
  }

  /** Records the version a request just read: a version other than the last one read empties the cache. */
  observe(version: string): void {
    if (version === this.version) return;
    if (this.version !== null && this.lru && this.lru.size > 0) {
      this.lru.clear();
      this.counts.invalidations++;
    }
    this.version = version;
  }

  /** Whether an answer to request `hash` is held (of the last version read; whether that is still current needs a read). */
  holds(hash: string): boolean {
    return this.lru?.has(hash) ?? false;
  }

  /** The answer to request `hash` under `version`, if kept (counts nothing: callers count a hit or a miss). */
  find(version: string, hash: string): CachedAnswer | undefined {
    return version === this.version ? this.lru?.get(hash) : undefined;
  }

  /** Keeps an answer computed under `version`, unless a newer version has been read meanwhile or it alone exceeds the bound. */
  set(version: string, hash: string, data: Record<string, unknown>, operationName: string | null): void {
    if (!this.lru || version !== this.version) return;
    // The body Apollo would send (runHttpQuery: errors, data, extensions, then a newline).
    const body = `${JSON.stringify({ data, extensions: { datasetVersion: version } })}\n`;
    if (body.length + hash.length > this.maxBytes) return;
    this.lru.set(hash, { body, operationName });
    this.counts.stores++;
  }

  stats(): ResponseCacheStats {
    return { enabled: this.enabled, ...this.counts, entries: this.lru?.size ?? 0, bytes: this.lru?.calculatedSize ?? 0, maxBytes: this.maxBytes };
  }
}
