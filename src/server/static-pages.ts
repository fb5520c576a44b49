import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Express, type RequestHandler, type Response } from 'express';
import type { PagesConfig } from '../config';

/**
 * Every script, style and font of the pages comes from this server, and the pages only talk to
 * it: the browser refuses anything else, so they work (and leak nothing) with no internet.
 * GraphiQL's editor (Monaco) runs web workers from blobs and sets inline styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The built pages under `webDir` (`npm run build`): `<page>/index.html` plus shared `assets/`. */
function sendPage(res: Response, webDir: string, page: string): void {
  const file = resolve(webDir, page, 'index.html');
  if (!existsSync(file)) {
    res.status(503).type('text/plain').send(`The /${page} page is not built: run \`npm run build\` (looked for ${file}).\n`);
    return;
  }
  res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY).set('Cache-Control', 'no-cache').sendFile(file);
}

function turnedOff(page: string, variable: string): RequestHandler {
  return (_req, res) => {
    res.status(404).type('text/plain').send(`The /${page} page is turned off on this server (${variable}).\n`);
  };
}

/**
 * Mounts `/explore` (the research explorer) and `/graphiql` (the offline query editor) when
 * turned on, and the hashed `assets/` they load. Both are clients of `/graphql` like any other.
 */
export function mountStaticPages(app: Express, pages: PagesConfig): void {
  // A page turned off answers 404 and says why (rather than falling through to GraphQL on `/`).
  if (!pages.explorer) app.get('/explore', turnedOff('explore', 'EXPLORER'));
  if (!pages.graphiql) app.get('/graphiql', turnedOff('graphiql', 'GRAPHIQL'));
  if (!pages.explorer && !pages.graphiql) return;
  const webDir = resolve(pages.webDir);
  // File names carry a content hash, so they can be cached for good; a miss stops here (not at GraphQL on `/`).
  app.use('/assets', express.static(resolve(webDir, 'assets'), { immutable: true, maxAge: '1y', index: false }), (_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  if (pages.explorer) app.get('/explore', (_req, res) => sendPage(res, webDir, 'explore'));
  if (pages.graphiql) app.get('/graphiql', (_req, res) => sendPage(res, webDir, 'graphiql'));
}
