/**
 * The explorer's size budget, shared by the browser tests (which enforce it) and `npm run bench`
 * (which reports it): the JavaScript the browser loads before the explorer first draws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes (gzip, level 9) the initial JavaScript of /explore may weigh. */
export const INITIAL_JS_BUDGET_GZIP = 40_000;

export interface InitialJs {
  /** The entry script and what index.html preloads, as `assets/<name>.js`. */
  readonly files: readonly string[];
  readonly gzipBytes: number;
  readonly rawBytes: number;
}

/** The initial JavaScript of the explorer built into `webDir` (`explore/index.html` and its scripts). */
export function initialJs(webDir: string): InitialJs {
  const html = readFileSync(join(webDir, 'explore', 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  if (files.length === 0) throw new Error(`${join(webDir, 'explore', 'index.html')}: expected script tags for assets/*.js, found none`);
  const contents = files.map((file) => readFileSync(join(webDir, file)));
  return {
    files,
    gzipBytes: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
    rawBytes: contents.reduce((sum, c) => sum + c.length, 0),
  };
}
