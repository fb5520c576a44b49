import { createHash } from 'node:crypto';

// How an answer is named in the response cache and by HTTP caches: the dataset version plus a
// hash of what selects the answer within it. Shared by the Apollo plugin (response-cache.ts) and
// the middleware that answers repeats before Apollo (cached-answers.ts), so both find one entry.

/** Variables with object keys sorted, so `{a, b}` and `{b, a}` share a key; absent and null are `{}`. */
function stableJson(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** SHA-256 (hex) of what selects the answer besides the version: operation name, document text, variables. */
export function requestHash(operationName: string | null | undefined, source: string, variables: unknown): string {
  return createHash('sha256')
    .update(operationName ?? '')
    .update('\0')
    .update(source)
    .update('\0')
    .update(stableJson(variables))
    .digest('hex');
}

/** The strong ETag of an answer: `"<version>-<24 hex characters of the request hash>"`. */
export function etagOf(version: string, hash: string): string {
  return `"${version}-${hash.slice(0, 24)}"`;
}

/** Whether an `If-None-Match` header names `etag` (a list, weak forms and `*` included, RFC 9110 §13.1.2). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** `Cache-Control` of a cacheable GET answer (docs/operations.md, Caching). */
export function publicCacheControl(maxAgeSeconds: number): string {
  return `public, max-age=${maxAgeSeconds}, must-revalidate`;
}
