import type { RequestHandler } from 'express';
import { limitExceeded } from '../graphql/limits';

/** A GraphQL-shaped error body, so that clients read every refusal the same way (`extensions.http` left out). */
export function errorBody(message: string, extensions: Record<string, unknown>) {
  const { http: _http, ...visible } = extensions;
  return { errors: [{ message, extensions: visible }] };
}

/**
 * Caps the operations in one batched request (a JSON array body) before Apollo runs any of them:
 * 400 `QUERY_TOO_COMPLEX`, "batch size 12 exceeds the allowed 10". With batching off
 * (`maxBatchSize` 0), Apollo refuses every array itself.
 */
export function batchSizeLimit(maxBatchSize: number): RequestHandler {
  return (req, res, next) => {
    if (maxBatchSize > 0 && Array.isArray(req.body) && req.body.length > maxBatchSize) {
      const error = limitExceeded('batch size', req.body.length, maxBatchSize);
      res.status(400).json(errorBody(error.message, error.extensions));
      return;
    }
    next();
  };
}

/**
 * Longest `operationName` a request may give. A GraphQL name is an identifier (the examples' longest
 * is 29 characters); a longer one is refused before Apollo echoes it back in "Unknown operation
 * named …" and the request log records it.
 */
export const MAX_OPERATION_NAME_LENGTH = 256;

/** The `operationName` of each operation in a request: a POST body (one or a batch) or a GET query string. */
function operationNames(req: Parameters<RequestHandler>[0]): unknown[] {
  if (req.method === 'GET') return [req.query?.operationName].flat();
  const body: unknown = req.body;
  const operations = Array.isArray(body) ? body : [body];
  return operations.map((op) => (typeof op === 'object' && op !== null ? (op as Record<string, unknown>).operationName : undefined));
}

/**
 * Refuses an `operationName` longer than `MAX_OPERATION_NAME_LENGTH` characters with 400
 * `BAD_REQUEST`: "operationName: expected a name of at most 256 characters, received 90000
 * characters". Other wrong types are left to Apollo, which refuses them itself.
 */
export function operationNameLimit(): RequestHandler {
  return (req, res, next) => {
    const long = operationNames(req).find((name): name is string => typeof name === 'string' && name.length > MAX_OPERATION_NAME_LENGTH);
    if (long !== undefined) {
      const message = `operationName: expected a name of at most ${MAX_OPERATION_NAME_LENGTH} characters, received ${long.length} characters`;
      res.status(400).json(errorBody(message, { code: 'BAD_REQUEST' }));
      return;
    }
    next();
  };
}
