import type { ErrorRequestHandler, RequestHandler } from 'express';
import { limitExceeded } from '../graphql/limits';

/** A GraphQL-shaped error body, so that clients read every refusal the same way. */
function errorBody(message: string, extensions: Record<string, unknown>) {
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

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  length?: number;
  received?: number;
  limit?: number;
}

/**
 * Answers the body parser's refusals as JSON instead of Express's HTML page: an oversized body
 * is 413 `QUERY_TOO_COMPLEX` with the measured and allowed bytes; malformed JSON and other
 * client errors keep their 4xx status as `BAD_REQUEST`.
 */
export function bodyErrorHandler(): ErrorRequestHandler {
  return (error: BodyParserError, _req, res, next) => {
    if (error.type === 'entity.too.large' && error.limit !== undefined) {
      const measured = error.length ?? error.received ?? error.limit + 1;
      const refusal = limitExceeded('request body (bytes)', measured, error.limit, 413);
      res.status(413).json(errorBody(refusal.message, refusal.extensions));
      return;
    }
    if (typeof error.type === 'string' && error.status !== undefined && error.status >= 400 && error.status < 500) {
      res.status(error.status).json(errorBody(error.message, { code: 'BAD_REQUEST' }));
      return;
    }
    next(error);
  };
}
