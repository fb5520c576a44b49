import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { collectGraph, explainError, parseExportOptions, renderExport, type ExportSource } from '../export';
import { ErrorCode } from '../graphql/errors';
import { DATASET_VERSION_HEADER } from './apollo';

/** HTTP status per domain error code; anything else is a 500. */
const STATUS: Readonly<Partial<Record<ErrorCode, number>>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** Query parameters as Express parsed them: a repeated parameter arrives as a list and is refused. */
function raw(req: Request) {
  const q = req.query as Record<string, unknown>;
  return { format: q.format, id: q.id, depth: q.depth, part: q.part, base: q.base };
}

/**
 * `GET /export?format=json|csv|graphml|jsonld[&id=<entity>&depth=1..3][&part=nodes|edges|observations]`:
 * the whole graph or a neighbourhood as a download named after the scope and dataset version,
 * which also travels in the X-Dataset-Version header. Bad parameters and unknown ids answer 400
 * with `{ error: { code: "BAD_USER_INPUT", message } }`; an unexpected failure is logged (masked)
 * and answered 500 without its details in production. Compressed (br, then gzip) when the client
 * accepts it: every format is text (the seeds' JSON-LD shrinks from 728 kB to about a tenth).
 */
export function exportHandler(store: ExportSource, production: boolean, logger: Logger): RequestHandler[] {
  return [compression({ filter: () => true }), exportDocument(store, production, logger)];
}

function exportDocument(store: ExportSource, production: boolean, logger: Logger): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const options = parseExportOptions(raw(req));
      const graph = await collectGraph(store, options.scope);
      const document = renderExport(graph, options);
      res.attachment(document.filename);
      res.type(`${document.contentType}; charset=utf-8`);
      res.set(DATASET_VERSION_HEADER, graph.datasetVersion);
      res.send(document.body);
    } catch (error) {
      const known = explainError(error);
      if (!known) logger.error({ err: error }, 'export failed');
      const code = known?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
      const message = known?.message ?? (production || !(error instanceof Error) ? 'Internal server error' : error.message);
      res.status(STATUS[code] ?? 500).json({ error: { code, message } });
    }
  };
}
