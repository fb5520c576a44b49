import type { ErrorRequestHandler } from 'express';
import zlib from 'node:zlib';
import { limitExceeded } from '../graphql/limits';
import { errorBody } from './http-limits';

/** What body-parser (and raw-body, zlib under it) put on the errors it passes to `next`. */
interface BodyParserError extends Error {
  /** body-parser's kind of refusal: `entity.too.large`, `entity.parse.failed`, `encoding.unsupported` … */
  type?: string;
  status?: number;
  /** Set by http-errors: the message is meant for the client. */
  expose?: boolean;
  /** zlib's code for a body that does not decompress (`Z_DATA_ERROR`, `ERR__ERROR_FORMAT_PADDING_1` …). */
  code?: string;
  length?: number;
  received?: number;
  limit?: number;
  encoding?: string;
  charset?: string;
}

/** The content encodings body-parser decompresses (zstd where Node.js has it; identity is no encoding). */
const ENCODINGS = `gzip, deflate, br${'createZstdDecompress' in zlib ? ', zstd' : ''} or identity`;

/** Status and message for a client error the body parser refused, or undefined for anything else. */
function clientRefusal(error: BodyParserError, encoding: string): { status: number; message: string } | undefined {
  switch (error.type) {
    case 'encoding.unsupported':
      return { status: 415, message: `content-encoding: expected ${ENCODINGS}, received ${JSON.stringify(error.encoding ?? encoding)}` };
    case 'charset.unsupported':
      return { status: 415, message: `content-type charset: expected utf-8, received ${JSON.stringify(error.charset ?? '')}` };
    case 'entity.parse.failed':
      return { status: 400, message: `request body: expected JSON, received text that does not parse (${error.message})` };
    case 'request.aborted':
      return { status: 400, message: 'request body: the client closed the connection before sending the whole body' };
    case 'request.size.invalid':
      return { status: 400, message: 'request body: expected as many bytes as content-length says, received a different number' };
  }
  if (error.status === undefined || error.status < 400 || error.status >= 500) return undefined;
  // zlib's errors carry no `type`: body-parser only sets their status.
  if (error.type === undefined && encoding !== 'identity') {
    return {
      status: 400,
      message: `request body: expected data compressed as content-encoding ${JSON.stringify(encoding)} says, received data that does not decompress`,
    };
  }
  return { status: error.status, message: error.expose === false ? 'bad request' : error.message };
}

/**
 * Answers every error that reaches Express's end of the line as JSON in the GraphQL shape, never
 * as Express's HTML page (which shows the stack outside production): an oversized body is 413
 * `QUERY_TOO_COMPLEX` with the measured and allowed bytes; an unsupported content encoding or
 * charset 415, malformed JSON or a compressed body that does not decompress 400, all
 * `BAD_REQUEST` saying what was expected and what arrived. Anything else (a bug) is 500
 * `INTERNAL_SERVER_ERROR` with a masked message; the request log records the status.
 */
export function bodyErrorHandler(): ErrorRequestHandler {
  return (error: BodyParserError, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error.type === 'entity.too.large' && error.limit !== undefined) {
      const measured = error.length ?? error.received ?? error.limit + 1;
      const refusal = limitExceeded('request body (bytes)', measured, error.limit, 413);
      res.status(413).json(errorBody(refusal.message, refusal.extensions));
      return;
    }
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    const refusal = clientRefusal(error, encoding);
    if (refusal) {
      res.status(refusal.status).json(errorBody(refusal.message, { code: 'BAD_REQUEST' }));
      return;
    }
    res.status(500).json(errorBody('Internal server error', { code: 'INTERNAL_SERVER_ERROR' }));
  };
}
