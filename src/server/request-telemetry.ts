import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode, type Context as TraceContext, type Span } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics, RequestOutcome, Tracing } from '../telemetry';
import { loggedOperationName } from './logging';

/** The W3C Trace Context header: read on requests, and set on responses to name the request's span. */
export const TRACEPARENT_HEADER = 'traceparent';

/** Codes a client's request causes (the request should change); any other code is the server's. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
/** Every code the error formatter can give, so `usmx_graphql_errors_total{code}` stays bounded. */
const KNOWN_CODES = new Set([...CLIENT_CODES, 'TIME_BUDGET_EXCEEDED', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/** `ok` without errors; `client_error` when every error is the client's; else `server_error`. */
export function requestOutcome(codes: readonly string[]): RequestOutcome {
  if (codes.length === 0) return 'ok';
  return codes.every((code) => CLIENT_CODES.has(code)) ? 'client_error' : 'server_error';
}

/**
 * Per GraphQL operation: counts it (`usmx_graphql_requests_total{operation, type, outcome}`),
 * times it (`usmx_graphql_request_duration_seconds`), counts its errors by code, and names the
 * request's span after it (`query WhatReplacedNafta`, with `graphql.operation.name` and
 * `graphql.operation.type`), failed when a server-side error is in the answer.
 */
/** Names the request's active span after its operation (`query WhatReplacedNafta`). */
function nameSpan(tracing: Tracing | null, type: string, name: string | null): void {
  const span = tracing?.activeSpan();
  if (!span) return;
  const shown = loggedOperationName(name);
  span.updateName(shown ? `${type} ${shown}` : type);
  span.setAttributes({ 'graphql.operation.type': type, ...(shown ? { 'graphql.operation.name': shown } : {}) });
}

/**
 * What the plugin records for an operation Apollo never saw: a query answered from the response
 * cache before Apollo (cached-answers.ts) is counted, timed and named as an answered query.
 * `startedMs` is `performance.now()` when the cache began to answer it.
 */
export function cachedAnswerTelemetry(metrics: Metrics | null, tracing: Tracing | null): (operationName: string | null, startedMs: number) => void {
  return (operationName, startedMs) => {
    nameSpan(tracing, 'query', operationName);
    if (!metrics) return;
    const operation = metrics.operationLabel(operationName, true);
    metrics.graphqlRequests.inc({ operation, type: 'query', outcome: 'ok' });
    metrics.graphqlDuration.observe({ operation, type: 'query' }, (performance.now() - startedMs) / 1000);
  };
}

export function requestTelemetryPlugin(metrics: Metrics | null, tracing: Tracing | null): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      let resolved = false;
      let type = 'unknown';
      let name: string | null = null;
      return {
        async didResolveOperation({ operation, operationName }) {
          resolved = true;
          type = operation?.operation ?? 'unknown';
          name = operationName;
          nameSpan(tracing, type, name);
        },
        async willSendResponse({ response }) {
          const codes: string[] = [];
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              const code = error.extensions?.code;
              codes.push(typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER');
            }
          }
          const outcome = requestOutcome(codes);
          if (metrics) {
            const operation = metrics.operationLabel(name, resolved);
            metrics.graphqlRequests.inc({ operation, type, outcome });
            metrics.graphqlDuration.observe({ operation, type }, (performance.now() - started) / 1000);
            for (const code of codes) metrics.graphqlErrors.inc({ code });
          }
          const span = tracing?.activeSpan();
          if (span && codes.length > 0) {
            span.setAttribute('usmx.graphql.error_codes', [...new Set(codes)]);
            if (outcome === 'server_error') span.setStatus({ code: SpanStatusCode.ERROR, message: codes.find((c) => !CLIENT_CODES.has(c)) });
          }
        },
      };
    },
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * A server span per request on a route: `start` (first in the route's chain) opens it,
 * continuing the caller's trace when a valid `traceparent` came in, and answers with the
 * span's own `traceparent`; `enter` (last before the handler, so nothing in between, such as
 * the body parser's stream callbacks, can drop it) makes it the active span, so the store calls
 * the handler makes are its children. The span ends when the response has been sent.
 */
export function requestSpans(tracing: Tracing, route: string): { start: Middleware; enter: Middleware } {
  const spans = new WeakMap<IncomingMessage, { span: Span; parent: TraceContext }>();
  return {
    start(req, res, next) {
      const parent = tracing.extract(req.headers);
      const method = req.method ?? 'GET';
      // Express rewrites req.url below a mount point; the query string (a GET's document and variables) stays out.
      const path = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];
      const span = tracing.startServerSpan(`${method} ${route}`, parent, { 'http.request.method': method, 'http.route': route, 'url.path': path });
      spans.set(req, { span, parent });
      res.setHeader(TRACEPARENT_HEADER, tracing.traceparent(span));
      let ended = false;
      const end = (): void => {
        if (ended) return;
        ended = true;
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
      res.once('finish', end);
      res.once('close', end);
      next();
    },
    enter(req, _res, next) {
      const started = spans.get(req);
      if (!started) return next();
      tracing.withSpan(started.span, next, started.parent);
    },
  };
}
