import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { Context } from '../graphql/context';
import type { AnswerCache } from './answer-cache';
import { etagOf, ifNoneMatchHits, publicCacheControl, requestHash } from './cache-keys';
import { requestVersion } from './request-version';

// Query answers change only with the dataset version, so a version + the request is a complete
// cache key. The version is read once per request (one cheap store read, request-version.ts),
// never remembered in process, so a replica whose database another replica changed serves the
// new version's answer on its very next request.

/** Introspection (`__schema`, `__type`; not `__typename`) is never cached: it follows the schema, not the data. */
const INTROSPECTION = /\b__(schema|type)\b/;

interface Cacheable {
  readonly version: string;
  readonly hash: string;
  readonly etag: string;
  readonly get: boolean;
  /** Answered from the in-process cache or with 304: nothing to store. */
  served: boolean;
  /** The operation's name from the document, kept with the answer (metrics and logs of a cached repeat). */
  readonly operationName: string | null;
}

/**
 * Caching of query answers by dataset version. A query (not a mutation, not introspection)
 * answered without errors gets, on GET, a strong `ETag` (version + request hash) and
 * `Cache-Control: public, max-age=<httpMaxAgeSeconds>, must-revalidate`; a GET whose
 * `If-None-Match` names the current ETag is answered `304` without executing. With the in-process
 * cache on, any query (GET or POST) is answered from it when the same request was answered under
 * the same version. POSTs, mutations, errors and introspection are answered `Cache-Control: no-store`.
 */
export function responseCachePlugin(cache: AnswerCache, httpMaxAgeSeconds: number): ApolloServerPlugin<Context> {
  const cacheControl = publicCacheControl(httpMaxAgeSeconds);
  return {
    async requestDidStart() {
      let state: Cacheable | undefined;
      return {
        // Runs once the operation is parsed, validated and within the limits: refused ones cost no store call.
        async responseForOperation({ operation, source, request, contextValue }): Promise<GraphQLResponse | null> {
          const get = request.http?.method === 'GET';
          if (operation.operation !== 'query' || INTROSPECTION.test(source)) return null;
          // With the in-process cache off, a POST needs no version before executing (datasetVersionPlugin reads it alongside).
          if (!cache.enabled && !get) return null;
          const version = await requestVersion(contextValue);
          if (version === null) return null;
          cache.observe(version);
          const hash = requestHash(request.operationName, source, request.variables);
          state = { version, hash, etag: etagOf(version, hash), get, served: false, operationName: operation.name?.value ?? null };
          if (get && ifNoneMatchHits(request.http?.headers.get('if-none-match'), state.etag)) {
            cache.count('notModified');
            state.served = true;
            return { http: { status: 304, headers: new HeaderMap() }, body: { kind: 'single', singleResult: {} } };
          }
          const cached = cache.find(version, hash);
          cache.count(cached ? 'hits' : 'misses');
          if (!cached) return null;
          state.served = true;
          // Rare here (the middleware before Apollo answers most repeats): the stored text, parsed back.
          const { data } = JSON.parse(cached.body) as { data: Record<string, unknown> };
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response }) {
          if (state && response.body.kind === 'single') {
            const result = response.body.singleResult;
            const notModified = response.http.status === 304;
            if (notModified || (!result.errors && result.data && (response.http.status ?? 200) === 200)) {
              if (!state.served) cache.set(state.version, state.hash, result.data as Record<string, unknown>, state.operationName);
              if (state.get) {
                response.http.headers.set('etag', state.etag);
                response.http.headers.set('cache-control', cacheControl);
                return;
              }
            }
          }
          // Everything else is for this client only (Apollo's cache-control plugin, which said so, is off: apollo.ts).
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
