/**
 * The explorer bench's steps, each timed inside the page on its own clock (`performance.now()`,
 * checked every animation frame): from the user's action (or the navigation's start) to the frame
 * where its answer is on screen. Each step also reports its GraphQL requests (Resource Timing:
 * request start to last byte) and their bodies, so the same requests can be replayed with fetch.
 */
import type { Page } from 'playwright-core';

/** The page's globals as the functions run in it see them (this file's lib has no DOM). */
declare const window: { explorerGraph?: unknown; benchOld?: unknown };
declare const document: {
  querySelector(
    s: string,
  ): ({ textContent: string | null; value: string; click(): void; dispatchEvent(e: unknown): boolean; requestSubmit(): void } & Record<string, unknown>) | null;
};
declare const performance: { now(): number; getEntriesByType(t: string): Array<{ name: string; startTime: number; responseEnd: number }> };
declare class Event {
  constructor(type: string, init?: { bubbles: boolean });
}

export interface StepTiming {
  /** From the action (or navigation start) to the frame showing the answer. */
  readonly totalMs: number;
  /** The longest GraphQL request sent during the step (they run side by side), 0 when none. */
  readonly requestMs: number;
  /** The bodies of the GraphQL requests sent during the step. */
  readonly bodies: readonly string[];
}

/** What is on screen when a step is done: every selector matches (with its text matching `pattern`), and a new graph when `newGraph`. */
export interface Done {
  readonly present: ReadonlyArray<{ readonly selector: string; readonly pattern?: string }>;
  readonly newGraph?: boolean;
}

/** Milliseconds (page clock) when `done` first holds, checked every frame (a function, not a string: the page's CSP forbids eval). */
async function when(page: Page, done: Done): Promise<number> {
  const handle = await page.waitForFunction(
    (d: Done) => {
      const shown = d.present.every(({ selector, pattern }) => {
        const e = document.querySelector(selector);
        return e !== null && (pattern === undefined || new RegExp(pattern).test(e.textContent ?? ''));
      });
      const graph = !d.newGraph || (window.explorerGraph !== undefined && window.explorerGraph !== window.benchOld);
      return shown && graph ? performance.now() : 0;
    },
    done,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** The longest /graphql request that started at or after `since` (page clock). */
async function longestRequest(page: Page, since: number): Promise<number> {
  return page.evaluate((t0) => {
    const mine = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql') && e.startTime >= t0);
    return Math.max(0, ...mine.map((e) => e.responseEnd - e.startTime));
  }, since);
}

/** Runs `act` in the page (returning the action's time), waits for `done`, and times it. */
export async function step(page: Page, act: () => Promise<number>, done: Done): Promise<StepTiming> {
  const bodies: string[] = [];
  const listen = (request: { url(): string; postData(): string | null }): void => {
    if (request.url().endsWith('/graphql') && request.postData()) bodies.push(request.postData()!);
  };
  page.on('request', listen);
  try {
    const t0 = await act();
    const t1 = await when(page, done);
    return { totalMs: t1 - t0, requestMs: await longestRequest(page, t0), bodies };
  } finally {
    page.off('request', listen);
  }
}

/** A navigation: timed from the navigation's start (the page clock's origin). */
export function load(page: Page, url: string, done: Done): Promise<StepTiming> {
  return step(
    page,
    async () => {
      await page.goto(url, { waitUntil: 'commit' });
      return 0;
    },
    done,
  );
}

/** Types `text` into the input `selector` as one input event (the box's debounce is part of the time). */
export function typeInto(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ([s, t]) => {
      const input = document.querySelector(s)!;
      input.value = t;
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return t0;
    },
    [selector, text] as const,
  );
}

/** Clicks `selector` from inside the page. */
export function click(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => {
    const t0 = performance.now();
    document.querySelector(s)!.click();
    return t0;
  }, selector);
}

/** Sets the graph's depth and submits its options (remembering the graph drawn before). */
export function graphDepth(page: Page, depth: 1 | 2): Promise<number> {
  return page.evaluate((d) => {
    window.benchOld = window.explorerGraph;
    document.querySelector('#graph-depth')!.value = String(d);
    const t0 = performance.now();
    document.querySelector('form.graph-controls')!.requestSubmit();
    return t0;
  }, depth);
}

/** A graph drawn (a new one since `graphDepth`) with its lists. */
export const GRAPH_DRAWN: Done = { present: [{ selector: '.graph-lists button.expand' }], newGraph: true };

/** Sends the bodies to /graphql with fetch, side by side as the explorer does; the longest, by Resource Timing as for the explorer's own. */
export async function replay(page: Page, bodies: readonly string[]): Promise<number> {
  const t0 = await page.evaluate(() => performance.now());
  await page.evaluate(async (all) => {
    const f = (globalThis as unknown as { fetch(u: string, i: unknown): Promise<{ text(): Promise<string> }> }).fetch;
    await Promise.all(
      all.map(async (body) =>
        (await f('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body })).text(),
      ),
    );
  }, bodies);
  return longestRequest(page, t0);
}
