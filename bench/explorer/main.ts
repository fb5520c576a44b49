/**
 * Explorer benchmark (section `explorer`): page load and interaction timings of /explore in
 * Chromium (Debian's, driven by playwright-core) against the server as shipped (`node dist/main.js`,
 * NODE_ENV=production, memory store over the committed seeds) on 127.0.0.1, and the initial
 * JavaScript's size against its budget. Not a timed test: figures are recorded, the one goal is
 * the size budget (test/explorer/budget.ts, also enforced by the browser tests).
 *
 * Each round is a fresh browser context (empty cache): load /explore (cold), reload (warm cache),
 * search "Merida", open the Mérida Initiative, the graph of Mexico (the hub: the most edges) at
 * depth 1 then 2, and the path finder from the Mérida Initiative to the USMCA. After each step its
 * GraphQL requests are sent again with fetch from the same page, so the explorer's own request
 * time is compared with the bare request's. Run from the repo root: `node --import tsx
 * bench/explorer/main.ts` (BENCH_QUICK=1: 2 rounds). Builds dist/ first (`npm run build`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../test/explorer/browser';
import { INITIAL_JS_BUDGET_GZIP, initialJs } from '../../test/explorer/budget';
import { pinned, SERVER_CORES } from '../lib/cores';
import { freePort } from '../lib/net';
import { goal, goalCell, goalRecord, msCell, ratioCell, writeResult, type Cell } from '../lib/report';
import { QUICK } from '../lib/env';
import { median } from '../lib/stats';
import { click, graphDepth, GRAPH_DRAWN, load, replay, step, typeInto, type StepTiming } from './steps';

const ROUNDS = QUICK ? 2 : 7;
const WARMUP = 1;
const ROOT = path.join(__dirname, '..', '..');
const HOST = '127.0.0.1';

const STEPS = [
  { id: 'load-cold', label: 'first render of /explore, empty cache (navigation start → search box drawn and dataset version shown)' },
  { id: 'load-warm', label: 'first render of /explore, reload with a warm cache (same)' },
  { id: 'search', label: 'search as you type: "Merida" typed → the Mérida Initiative listed (includes the 200 ms debounce)' },
  { id: 'open', label: 'open the hit → entity view drawn' },
  { id: 'graph-1', label: 'graph of Mexico, depth 1 (first graph: loads Cytoscape) → drawn with its lists' },
  { id: 'graph-2', label: 'graph of Mexico, depth 2 (limit 60) → drawn with its lists' },
  { id: 'paths', label: 'path finder: USMCA picked → ranked paths from the Mérida Initiative drawn' },
] as const;
type StepId = (typeof STEPS)[number]['id'];

function log(message: string): void {
  console.error(`[explorer] ${message}`);
}

async function startServer(): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort(HOST);
  const { command, args } = pinned(SERVER_CORES, process.execPath, ['dist/main.js']);
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://${HOST}:${port}`;
  for (const started = Date.now(); Date.now() - started < 30_000;) {
    if (child.exitCode !== null) throw new Error(`node dist/main.js exited (${child.exitCode}) before it was ready`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('node dist/main.js: not ready within 30 s');
}

interface Sample extends StepTiming {
  readonly fetchMs: number;
}

async function main(): Promise<void> {
  log('building dist/ (npm run build: the server and the pages as shipped)');
  if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  const size = initialJs(path.join(ROOT, 'dist', 'web'));
  log(`initial JavaScript: ${size.files.join(', ')}: ${size.gzipBytes} bytes gzip (${size.rawBytes} raw)`);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('the explorer bench needs Chromium (apt-get install chromium, or set CHROMIUM_PATH)');

  const { base, child } = await startServer();
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const samples = new Map<StepId, Sample[]>(STEPS.map((s) => [s.id, []]));
  try {
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
      });
      const record = async (id: StepId, timing: StepTiming): Promise<void> => {
        const fetchMs = timing.bodies.length ? await replay(page, timing.bodies) : 0;
        if (round >= WARMUP) samples.get(id)!.push({ ...timing, fetchMs });
      };
      const drawn = { present: [{ selector: '#search-input' }, { selector: '#dataset code', pattern: '\\S{6,}' }] };
      await record('load-cold', await load(page, `${base}/explore`, drawn));
      await record('load-warm', await load(page, `${base}/explore`, drawn));
      await record(
        'search',
        await step(page, () => typeInto(page, '#search-input', 'Merida'), { present: [{ selector: 'button.hit-open[data-entity="merida-initiative"]' }] }),
      );
      await record(
        'open',
        await step(page, () => click(page, 'button.hit-open[data-entity="merida-initiative"]'), {
          present: [{ selector: '#entity-heading', pattern: '^Mérida Initiative$' }, { selector: 'li.relationship .cite' }],
        }),
      );
      await page.goto(`${base}/explore?entity=mexico&view=entity`);
      await page.locator('#entity-heading').waitFor();
      await page.evaluate(() => ((globalThis as unknown as { benchOld: unknown }).benchOld = undefined));
      await record('graph-1', await step(page, () => click(page, '#views a[href*="view=graph"]'), GRAPH_DRAWN));
      await record('graph-2', await step(page, () => graphDepth(page, 2), GRAPH_DRAWN));
      await page.goto(`${base}/explore?entity=merida-initiative&view=paths`);
      await page.locator('#path-to-input').waitFor();
      await typeInto(page, '#path-to-input', 'USMCA');
      await page.locator('#path-to-results button.hit-open[data-entity="usmca"]').waitFor();
      await record(
        'paths',
        await step(page, () => click(page, '#path-to-results button.hit-open[data-entity="usmca"]'), { present: [{ selector: 'li.path li.hop' }] }),
      );
      if (errors.length) throw new Error(`round ${round + 1}: errors in the page: ${errors.join('; ')}`);
      log(
        `round ${round + 1}/${WARMUP + ROUNDS}${round < WARMUP ? ' (warm-up)' : ''}: ${STEPS.map((s) => `${s.id} ${samples.get(s.id)!.at(-1)?.totalMs.toFixed(0) ?? '-'} ms`).join(', ')}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }

  const rows: Cell[][] = STEPS.map(({ id, label }) => {
    const s = samples.get(id)!;
    const total = median(s.map((x) => x.totalMs));
    const request = median(s.map((x) => x.requestMs));
    const withRequests = s.filter((x) => x.fetchMs > 0);
    return [
      label,
      msCell(total),
      s[0].bodies.length,
      msCell(request),
      withRequests.length ? msCell(median(withRequests.map((x) => x.fetchMs))) : '–',
      withRequests.length ? ratioCell(median(withRequests.map((x) => x.requestMs / x.fetchMs))) : '–',
      msCell(median(s.map((x) => x.totalMs - x.requestMs))),
    ];
  });
  const cold = median(samples.get('load-cold')!.map((x) => x.totalMs));
  const warm = median(samples.get('load-warm')!.map((x) => x.totalMs));
  const sizeGoal = goal(size.gzipBytes, '<=', INITIAL_JS_BUDGET_GZIP);
  const misses = sizeGoal.met
    ? []
    : [`initial JavaScript ${size.gzipBytes.toLocaleString('en-US')} bytes gzip, over the ${INITIAL_JS_BUDGET_GZIP.toLocaleString('en-US')}-byte budget`];
  const file = writeResult(
    {
      id: 'explorer',
      order: 70,
      title: 'Explorer: page load and interactions in Chromium',
      // One paragraph; how each step is timed and compared: bench/notes/explorer.md.
      method:
        `The research explorer (\`/explore\`) in Debian's headless Chromium (playwright-core) against the server as shipped (\`node dist/main.js\`, \`NODE_ENV=production\`, the committed seeds): ` +
        `${ROUNDS} rounds after ${WARMUP} warm-up, each in a fresh browser context, timing each step in the page from the action to the first frame showing the answer, ` +
        'and its GraphQL request against the same request sent again with a bare `fetch`; medians. A round fails on any page or console error. ' +
        `Goal: the initial JavaScript within its budget (${INITIAL_JS_BUDGET_GZIP / 1000} kB gzip); the timings are for orientation.`,
      goals: [
        goalRecord('initial JavaScript of /explore, gzip', `${size.gzipBytes.toLocaleString('en-US')} bytes`, {
          text: `≤ ${INITIAL_JS_BUDGET_GZIP.toLocaleString('en-US')} bytes`,
          met: sizeGoal.met,
        }),
      ],
      tables: [
        {
          title: 'Steps (medians)',
          description:
            "Medians over rounds. GraphQL request: the longest request to `/graphql` the step sent (Resource Timing, request start to last byte); bare fetch: the same request bodies sent again with `fetch` from the page right after the step; rest: the step's total minus its request (debounce, script loading, layout, drawing).",
          columns: ['step', 'total', 'GraphQL requests', 'GraphQL request', 'bare fetch of the same', 'request / bare fetch', 'rest (total − request)'],
          rows,
        },
        {
          title: 'First render and size',
          description: `Cold is the first load in an empty cache; warm is a reload (hashed assets are served \`immutable\`, one year). The initial JavaScript is the entry script and what \`explore/index.html\` preloads (${size.files.map((f) => `\`${f.replace(/^assets\//, '')}\``).join(', ')}), gzip level 9; Cytoscape loads with the first graph and is not part of it.`,
          columns: ['figure', 'value', 'goal'],
          rows: [
            ['first render, cold', msCell(cold), '–'],
            ['first render, warm', msCell(warm), '–'],
            ['cold / warm', ratioCell(cold / warm), '–'],
            [
              'initial JavaScript, gzip',
              `${size.gzipBytes.toLocaleString('en-US')} bytes (${size.rawBytes.toLocaleString('en-US')} raw)`,
              goalCell({ text: `≤ ${INITIAL_JS_BUDGET_GZIP / 1000} kB`, met: sizeGoal.met }),
            ],
          ],
        },
      ],
      misses,
    },
    { rounds: ROUNDS, warmup: WARMUP, size, samples: Object.fromEntries(samples) },
  );
  log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
