import type { ApolloServerPlugin } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REDACTED, redactSecrets } from '../redact';
import { pino, type DestinationStream, type Level, type LevelWithSilent, type Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming request id is kept only if it is short and plain, so it cannot forge log lines or headers. */
const PLAIN_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
/** Probes and scrapes poll often; their lines are logged at debug level. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * JSON logs, one object a line, on stdout unless `destination` is given (tests pass a stream).
 * Secrets never reach a line: authorization and cookie headers are censored wherever a request's
 * headers are logged, and each written line is masked for the URI passwords in it and for every
 * one of `secrets` (the Neo4j password, curator tokens: `configSecrets`), whatever logged it.
 */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream, secrets: readonly string[] = []): Logger {
  return pino(
    {
      level,
      base: { service: 'usmx-graph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'], censor: REDACTED },
      hooks: { streamWrite: (line) => redactSecrets(line, secrets) },
    },
    destination,
  );
}

/** What the GraphQL layer adds to a request's log line; filled in by `operationLogPlugin`. */
export interface OperationLog {
  /** The operation names of the request (several in a batch); null for an anonymous operation. */
  readonly operations: Array<string | null>;
  /** `extensions.code` of every error in the response, each once. */
  readonly errorCodes: Set<string>;
}

/** Where a request's `OperationLog` sits: on the GraphQL context (Apollo copies symbol keys along). */
export const OPERATION_LOG = Symbol('operationLog');

const operationLogs = new WeakMap<ServerResponse, OperationLog>();

/** A fresh `OperationLog` for `res`, logged with the request's line when the response finishes. */
export function openOperationLog(res: ServerResponse): OperationLog {
  const log: OperationLog = { operations: [], errorCodes: new Set() };
  operationLogs.set(res, log);
  return log;
}

/** Longest operation name written to the log as is; longer ones are cut there, with a marker. */
export const MAX_LOGGED_NAME_LENGTH = 128;

/** `name` cut to `MAX_LOGGED_NAME_LENGTH` characters plus "…[+N characters]", so a log line stays short. */
export function loggedOperationName(name: string | null): string | null {
  if (name === null || name.length <= MAX_LOGGED_NAME_LENGTH) return name;
  return `${name.slice(0, MAX_LOGGED_NAME_LENGTH)}…[+${name.length - MAX_LOGGED_NAME_LENGTH} characters]`;
}

/** Records each GraphQL operation's name (bounded: `loggedOperationName`) and error codes into the request's `OperationLog`. */
export function operationLogPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const log = (contextValue as { [OPERATION_LOG]?: OperationLog })[OPERATION_LOG];
          if (!log) return;
          log.operations.push(loggedOperationName(operationName ?? (typeof request.operationName === 'string' ? request.operationName : null)));
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (typeof error.extensions?.code === 'string') log.errorCodes.add(error.extensions.code);
          }
        },
      };
    },
  };
}

function levelFor(req: IncomingMessage, res: ServerResponse): Level {
  if (res.statusCode >= 500) return 'error';
  if (res.statusCode >= 400) return 'warn';
  return PROBES.has((req.url ?? '').split('?')[0]) ? 'debug' : 'info';
}

function graphqlFields(res: ServerResponse): Record<string, unknown> {
  const log = operationLogs.get(res);
  if (!log || log.operations.length === 0) return {};
  return {
    operationName: log.operations.length === 1 ? log.operations[0] : log.operations,
    errorCodes: [...log.errorCodes],
  };
}

/**
 * The request log: one line per request when the response finishes (or the connection closes
 * first), with the request id (an incoming `x-request-id` if plain, else a new UUID, echoed in the
 * response), method, URL, status, `responseTime` in milliseconds and, for GraphQL, the operation
 * name and error codes. Headers are not logged (they may carry tokens).
 *
 * Written straight to pino rather than through pino-http: the line is the same, but pino-http
 * builds two child loggers and serializer wrappers for every request so that handlers can log
 * through `req.log`, which nothing here does. Profiled under load on small queries
 * (bench/http/profile.ts), that was about 120 µs of CPU per request, a sixth of the server's CPU
 * per answer (bench/notes/http.md); this costs one pino call per request.
 */
export function requestLogger(logger: Logger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const started = performance.now();
    const incoming = req.headers[REQUEST_ID_HEADER];
    const reqId = typeof incoming === 'string' && PLAIN_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, reqId);
    // Kept now: routers rewrite req.url for mounted handlers.
    const request = { method: req.method, url: req.url };
    let logged = false;
    const complete = (): void => {
      if (logged) return;
      logged = true;
      res.off('finish', complete);
      res.off('close', complete);
      const level = levelFor(req, res);
      if (!logger.isLevelEnabled(level)) return;
      const line = { reqId, req: request, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started), ...graphqlFields(res) };
      logger[level](line, res.statusCode >= 500 ? 'request errored' : 'request completed');
    };
    res.once('finish', complete);
    res.once('close', complete);
    next();
  };
}
