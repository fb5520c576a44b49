import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { GraphStore } from '../graphql/context';
import { MAX_VARIABLES_DEPTH, nestingDepth } from '../graphql/limits';
import type { AnswerCache } from './answer-cache';
import { DATASET_VERSION_HEADER } from './apollo';
import { etagOf, ifNoneMatchHits, publicCacheControl, requestHash } from './cache-keys';
import { loggedOperationName, openOperationLog } from './logging';
import { prefetchVersion } from './request-version';

/** The query of a plain (non-batched) GraphQL request over GET or POST, or null for anything else. */
function plainRequest(req: Request): { query: string; operationName: string | undefined; variables: unknown } | null {
  const fields: Record<string, unknown> | undefined =
    req.method === 'GET' ? (req.query as Record<string, unknown>) : req.method === 'POST' && req.body && !Array.isArray(req.body) ? req.body : undefined;
  // APQ (extensions.persistedQuery) and other extensions are Apollo's to check: a wrong hash must still be refused.
  if (!fields || typeof fields.query !== 'string' || fields.extensions !== undefined) return null;
  const operationName = fields.operationName;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  let variables = fields.variables;
  if (req.method === 'GET' && variables !== undefined) {
    if (typeof variables !== 'string') return null;
    try {
      variables = JSON.parse(variables);
    } catch {
      return null;
    }
  }
  // Apollo refuses variables that are not an object: leave those to it.
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  // Variables nested past the limit are Apollo's to refuse (query-limits.ts), measured without recursion before they are hashed.
  if (nestingDepth(variables, MAX_VARIABLES_DEPTH + 1) > MAX_VARIABLES_DEPTH) return null;
  return { query: fields.query, operationName: operationName ?? undefined, variables };
}

/** A subset of Apollo's CSRF rule (it passes nothing Apollo would refuse): a JSON POST, or a preflight header. */
function passesCsrf(req: Request): boolean {
  if (req.method === 'POST' && req.is('application/json')) return true;
  return Boolean(req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name']);
}

/** Only clients that take plain JSON (as Apollo would answer them); others go through Apollo. */
function acceptsJson(req: Request): boolean {
  const accept = req.headers.accept;
  return (
    !accept || (!accept.includes('multipart') && !accept.includes('graphql-response+json') && (accept.includes('application/json') || accept.includes('*/*')))
  );
}

/**
 * Answers a repeated query straight from the response cache, before Apollo: a request whose
 * operation name, document and variables were answered without errors under the current dataset
 * version (so it passed validation and the limits then) gets the same body, without parsing,
 * validating, estimating or executing it again. Everything else, and every miss, goes on to Apollo
 * (whose plugin, response-cache.ts, stores the answer). The version is read here only when an
 * answer to the request is held, and then handed to the request's context if that answer is stale.
 * `onAnswered` hears each query answered here (request metrics and the span's name).
 */
export function cachedAnswers(
  cache: AnswerCache,
  store: GraphStore,
  httpMaxAgeSeconds: number,
  onAnswered: (operationName: string | null, startedMs: number) => void = () => undefined,
): (req: Request, res: Response, next: NextFunction) => Promise<void> {
  const cacheControl = publicCacheControl(httpMaxAgeSeconds);
  return async (req, res, next) => {
    const started = performance.now();
    const request = cache.enabled && passesCsrf(req) && acceptsJson(req) ? plainRequest(req) : null;
    if (!request) return next();
    const hash = requestHash(request.operationName, request.query, request.variables);
    // Nothing held for this request (a first request, or one refused before): Apollo reads the
    // version once the operation is allowed, so a refused one costs no store call.
    if (!cache.holds(hash)) return next();
    const read = store.getDatasetVersion().catch(() => null);
    const version = await read;
    if (version === null) return next();
    cache.observe(version);
    const cached = cache.find(version, hash);
    if (!cached) {
      prefetchVersion(res, read);
      return next();
    }
    openOperationLog(res).operations.push(loggedOperationName(cached.operationName));
    res.setHeader(DATASET_VERSION_HEADER.toLowerCase(), version);
    if (req.method === 'GET') {
      const etag = etagOf(version, hash);
      res.setHeader('etag', etag);
      res.setHeader('cache-control', cacheControl);
      if (ifNoneMatchHits(req.headers['if-none-match'], etag)) {
        cache.count('notModified');
        onAnswered(cached.operationName, started);
        res.status(304).end();
        return;
      }
    } else {
      res.setHeader('cache-control', 'no-store');
    }
    cache.count('hits');
    onAnswered(cached.operationName, started);
    res.status(200).type('application/json; charset=utf-8').send(cached.body);
  };
}
