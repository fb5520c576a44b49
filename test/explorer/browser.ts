/**
 * The browser tests' harness: Debian's Chromium driven by playwright-core (no browser download),
 * the web pages built from web/ into test-artifacts/ (so the test sees the source, not a stale
 * dist/), and a page that records console errors, HTTP error answers and every request that leaves its origin
 * (aborted, so nothing reaches the network either way).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = resolve('test-artifacts/explorer');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

const isCi = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');

/** The Chromium to drive, or null (on a laptop without it: the suite skips, loudly; in CI it fails). */
export function findChromium(): string | null {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path)) ?? null;
  if (found) return found;
  const message = `no Chromium at ${CANDIDATES.filter(Boolean).join(', ')} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (isCi()) throw new Error(`Browser tests need Chromium: ${message}`);
  const bar = '!'.repeat(78);
  console.warn(['', bar, '!!  BROWSER TESTS SKIPPED: ' + message, '!!  With CI=true this is an error, not a skip.', bar, ''].join('\n'));
  return null;
}

/** Builds web/ (typed operations, then Vite) into a fresh folder and returns it. */
export function buildWeb(): string {
  const outDir = join(ARTIFACTS, 'web');
  const run = (args: string[]): void => {
    execFileSync(process.execPath, args, { stdio: 'pipe', timeout: 180_000 });
  };
  run([resolve('node_modules/@graphql-codegen/cli/esm/bin.js'), '--config', 'web/codegen.ts', '--silent']);
  run([resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.mts', '--outDir', outDir, '--logLevel', 'error']);
  return outDir;
}

export function launch(executablePath: string): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

export interface WatchedPage {
  readonly page: Page;
  /** Requests to anywhere but the page's origin, each aborted. */
  readonly outside: string[];
  /** Console errors, uncaught page errors and answers with an HTTP error (the browser's own /favicon.ico request too). */
  readonly errors: string[];
}

/** A page in a fresh context where everything not on `origin` is aborted and recorded. */
export async function watchedPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // blob: and data: never reach the network; anything else must be this server.
    if (url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  // Fail a step with its own message well before the test's timeout.
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  // Chromium does not always log a failed answer (e.g. a missing icon) to the console: record each.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http: ${response.status()} ${response.url()}`);
  });
  return { page, outside, errors };
}

/** Writes a screenshot of the page to test-artifacts/explorer/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}
