import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** Where Prometheus scrapes. */
export const METRICS_PATH = '/metrics';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * `GET /metrics`: the registry in Prometheus's text format, never cached. With `token` set, a
 * scrape must send `Authorization: Bearer <token>` (compared in constant time) or gets 401; the
 * answer names what was expected, never the token. Labels hold operation names (bounded),
 * store methods and statement file names: no variables, URIs or credentials.
 */
export function metricsHandler(registry: Registry, token?: string): (req: IncomingMessage, res: ServerResponse) => void {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return (req, res) => {
    if (expected) {
      const given = req.headers.authorization;
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        sendError(
          res,
          401,
          'UNAUTHENTICATED',
          `${METRICS_PATH} needs "Authorization: Bearer <METRICS_TOKEN>"; ${typeof given === 'string' ? 'the token sent does not match' : 'no Authorization header was sent'}`,
          {
            'www-authenticate': 'Bearer realm="metrics"',
          },
        );
        return;
      }
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'the metrics could not be collected'),
    );
  };
}

/** The handler of the separate metrics listener (METRICS_PORT): `GET /metrics`, 404 for anything else. */
export function metricsListener(registry: Registry, token?: string): RequestListener {
  const handler = metricsHandler(registry, token);
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== METRICS_PATH) return sendError(res, 404, 'NOT_FOUND', `only GET ${METRICS_PATH} is served on this port`);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${METRICS_PATH} takes GET, not ${req.method}`, { allow: 'GET, HEAD' });
    handler(req, res);
  };
}
