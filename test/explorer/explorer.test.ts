/**
 * The explorer and GraphiQL in a real Chromium, clicked through as a user would, on the memory
 * store: search "Merida" → open it → its graph → expand a node → a path to the USMCA; then the
 * keyboard, an axe-core scan and GraphiQL. Every test also fails on a console error or on any
 * request leaving the page's origin. Screenshots go to test-artifacts/explorer/ (gitignored).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { GRAPHML_KEYS, GRAPHML_NS } from '../../src/export';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { dataOf, parseGraphml } from '../helpers/graphml';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { initialJs, INITIAL_JS_BUDGET_GZIP } from './budget';
import { ARTIFACTS, buildWeb, findChromium, launch, screenshot, watchedPage, type WatchedPage } from './browser';

/** The page's globals as the functions run in it see them (this file's own lib has no DOM). */
declare const window: { explorerGraph: Core };
declare const document: { activeElement: { tagName: string; id: string; className: string } | null; body: { innerText: string } };

const chromiumPath = findChromium();
const describeBrowser = chromiumPath ? describe : describe.skip;

let webDir: string;
beforeAll(() => {
  webDir = buildWeb();
}, 240_000);

describe('explorer size budget', () => {
  test(`the initial JavaScript of /explore is at most ${INITIAL_JS_BUDGET_GZIP / 1000} kB gzipped (Cytoscape loads with the first graph)`, () => {
    const { files, gzipBytes } = initialJs(webDir);
    expect(files.length).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_GZIP);
    expect(files.some((file) => file.includes('cytoscape'))).toBe(false);
  });
});

describeBrowser('explorer in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let origin: string;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()), { pages: { explorer: true, graphiql: true, sandboxTelemetry: false, webDir } });
    origin = new URL(server.url).origin;
    browser = await launch(chromiumPath!);
    watched = await watchedPage(browser, origin);
    page = watched.page;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Nothing left the origin and the console stayed clean. */
  function expectClean(w: WatchedPage = watched): void {
    expect(w.outside).toEqual([]);
    expect(w.errors).toEqual([]);
  }

  test("nothing leaves the origin: the pages' CSP refuses it (a console error), and the harness aborts and records what gets past", async () => {
    const w = await watchedPage(browser, origin);
    const tryFetch = (): Promise<unknown> =>
      w.page.evaluate(() => (globalThis as unknown as { fetch(url: string): Promise<unknown> }).fetch('https://cdn.example.org/lib.js').catch(() => null));
    await w.page.goto(`${origin}/explore`);
    await tryFetch();
    expect(w.errors.some((e) => /Content Security Policy/.test(e) && e.includes('cdn.example.org'))).toBe(true);
    // A page without that policy (/healthz is JSON): the request reaches the harness, which aborts it.
    await w.page.goto(`${origin}/healthz`);
    await tryFetch();
    expect(w.outside).toEqual(['https://cdn.example.org/lib.js']);
    await w.page.context().close();
  });

  test("the pages' own icon: /explore and /graphiql load it from this server, so Chromium asks for no /favicon.ico (no 404 in the console)", async () => {
    // A context without the harness's routing: Chromium only asks for /favicon.ico when no route is set.
    const context = await browser.newContext();
    const p = await context.newPage();
    const errors: string[] = [];
    const answers: string[] = [];
    p.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    p.on('response', (response) => answers.push(`${response.status()} ${response.headers()['content-type'] ?? ''} ${new URL(response.url()).pathname}`));
    for (const path of ['/explore', '/graphiql']) {
      answers.length = 0;
      await p.goto(`${origin}${path}`);
      await p.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
      expect(answers.filter((a) => a.includes('favicon'))).toEqual([]);
      const href = await p.locator('link[rel="icon"]').getAttribute('href', { timeout: 1_000 });
      expect(href).toMatch(/^\/assets\/icon-[\w-]+\.svg$/);
      // Chromium asks for the icon at low priority, possibly after the network looked idle: wait for it.
      if (!answers.some((a) => a.endsWith(` ${href}`))) await p.waitForResponse((r) => new URL(r.url()).pathname === href, { timeout: 15_000 });
      expect(answers).toContain(`200 image/svg+xml ${href}`);
    }
    await context.close();
  }, 60_000);

  test('search as you type: "Merida" finds the Mérida Initiative and says why', async () => {
    await page.goto(`${origin}/explore`);
    await expect(page.locator('#dataset code').textContent({ timeout: 10_000 })).resolves.toMatch(/\S{6,}/);
    await page.getByLabel('Search the graph').fill('Merida');
    const hit = page.locator('button.hit-open[data-entity="merida-initiative"]');
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Mérida Initiative');
    const why = page.locator('li.hit', { has: hit }).locator('ul.why');
    expect(await why.textContent()).toMatch(/alias: /);
    expect((await why.locator('mark').allTextContents()).map((t) => t.normalize('NFD').replace(/\p{M}/gu, ''))).toContain('Merida');
    await screenshot(page, '1-search');
    expectClean();
  });

  test('opening a hit shows the entity: facts, relationships by type with citations, in the URL', async () => {
    await page.locator('button.hit-open[data-entity="merida-initiative"]').click();
    await expect(page.locator('#entity-heading').textContent()).resolves.toBe('Mérida Initiative');
    expect(page.url()).toContain('entity=merida-initiative');
    expect(page.url()).toContain('view=entity');
    expect(await page.locator('dl.facts').textContent()).toContain('Kind');
    const replaces = page.locator('.relationship-group', { has: page.locator('h4', { hasText: /^REPLACES / }) });
    const line = replaces.locator('li.relationship', { hasText: 'Bicentennial Framework' });
    expect(await line.textContent()).toMatch(/from 2021-10/);
    expect(await line.locator('.cite').textContent()).toMatch(/slide 29/);
    // Every relationship line cites its source and slide.
    const cites = await page.locator('li.relationship .cite').allTextContents();
    expect(cites.length).toBeGreaterThan(3);
    for (const cite of cites) expect(cite).toMatch(/^Source: .+, slide \d+/);
    await screenshot(page, '2-entity');
    await page.reload();
    await expect(page.locator('#entity-heading').textContent()).resolves.toBe('Mérida Initiative');
    expectClean();
  });

  test('graph view: legend, a click on a node expands it, a click on an edge shows its citation, saved as PNG and GraphML', async () => {
    await page.locator('#views').getByRole('link', { name: 'Graph' }).click();
    expect(page.url()).toContain('view=graph');
    await page.locator('.graph-canvas canvas').first().waitFor();
    await page.locator('button.expand[data-entity="bicentennial-framework"]').waitFor();
    expect(await page.locator('.legend').textContent()).toContain('Agreement');
    const count = (): Promise<number> => page.evaluate(() => window.explorerGraph.nodes().length);
    const before = await count();
    expect(before).toBeGreaterThan(3);
    // Click the Bicentennial Framework where Cytoscape drew it.
    const at = await page.evaluate(() => {
      const cy = window.explorerGraph;
      return cy.getElementById('bicentennial-framework').renderedPosition();
    });
    const box = (await page.locator('.graph-canvas').boundingBox())!;
    await page.mouse.click(box.x + 1 + at.x, box.y + 1 + at.y);
    await page.locator('button.expand[data-entity="bicentennial-framework"][disabled]').waitFor();
    await page.waitForFunction((n) => window.explorerGraph.nodes().length > n, before);
    // Click the middle of an edge drawn clear of every node (nodes take a click first).
    const target = await page.evaluate(() => {
      const cy = window.explorerGraph;
      const nodes = cy.nodes().map((n) => n.renderedPosition());
      for (const edge of cy.edges()) {
        const mid = edge.renderedMidpoint();
        const inside = mid.x > 10 && mid.y > 10 && mid.x < cy.width() - 10 && mid.y < cy.height() - 10;
        if (inside && nodes.every((p) => Math.hypot(p.x - mid.x, p.y - mid.y) > 30)) return { id: edge.id(), type: edge.data('label') as string, ...mid };
      }
      return null;
    });
    expect(target).not.toBeNull();
    await page.mouse.click(box.x + 1 + target!.x, box.y + 1 + target!.y);
    const selected = page.locator('.selected-edge');
    await selected.locator('.cite').waitFor();
    expect(await selected.textContent()).toContain(` ${target!.type} `);
    expect(await selected.locator('.cite').textContent()).toMatch(/^Source: .+, slide \d+/);
    expect(await page.evaluate(() => window.explorerGraph.edges(':selected').map((e) => e.id()))).toEqual([target!.id]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('merida-initiative-neighbourhood.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const [graphml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Server export: the whole depth-1 neighbourhood as GraphML' }).click(),
    ]);
    expect(graphml.suggestedFilename()).toMatch(/\.graphml$/);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml).toContain('<node id="merida-initiative"');
    await screenshot(page, '3-graph');
    expectClean();
  }, 60_000);

  test('graph options: an edge type hidden; depth 2 is cut by the limit and says what was left out; a kind filter keeps only that kind', async () => {
    const shown = (): Promise<string[]> =>
      page.evaluate(() =>
        window.explorerGraph
          .edges()
          .filter((e) => e.visible())
          .map((e) => e.data('label') as string),
      );
    expect(await shown()).toContain('MEASURES');
    await page.locator('#edge-type-MEASURES').uncheck();
    expect(await shown()).not.toContain('MEASURES');
    expect((await shown()).length).toBeGreaterThan(0);
    expect((await page.locator('.graph-edges').textContent()) ?? '').not.toContain(' MEASURES ');
    await page.getByLabel('Depth').selectOption('2');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/depth=2/);
    const leftOut = page.locator('.left-out');
    await leftOut.locator('li').first().waitFor();
    expect(await leftOut.locator('li').first().textContent()).toMatch(/: \d+ more edges$/);
    await screenshot(page, '3-graph-depth-2');
    await page.getByLabel('Depth').selectOption('1');
    await page.getByLabel('Topic').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/show=Topic/);
    await page.locator('button.expand[data-entity="organized-crime"]').waitFor();
    const kinds = await page.evaluate(() =>
      window.explorerGraph
        .nodes()
        .filter((n) => n.id() !== 'merida-initiative')
        .map((n) => n.data('kind') as string),
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Topic']));
    expectClean();
  });

  test('graph state in the URL: depth, kinds, an expanded node and a hidden edge type survive a reload', async () => {
    await page.goto(`${origin}/explore?entity=merida-initiative&view=graph`);
    await page.locator('button.expand').first().waitFor();
    await page.getByLabel('Depth').selectOption('2');
    await page.getByLabel('Agreement').check();
    await page.getByLabel('Topic').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/depth=2.*show=Agreement%2CTopic/);
    // Expand the first node not yet expanded, then hide the first edge type shown.
    const node = (await page.locator('button.expand:not([disabled])').first().getAttribute('data-entity'))!;
    await page.locator(`button.expand[data-entity="${node}"]`).click();
    await page.locator(`button.expand[data-entity="${node}"][disabled]`).waitFor();
    const type = (await page.locator('.edge-types input:checked').first().getAttribute('id'))!.replace(/^edge-type-/, '');
    await page.locator(`#edge-type-${type}`).uncheck();
    const url = new URL(page.url());
    expect(url.searchParams.get('expand')).toBe(node);
    expect(url.searchParams.get('hide')).toBe(type);
    const view = (): Promise<{ nodes: string[]; edges: string[]; shown: string[] }> =>
      page.evaluate(() => {
        const cy = window.explorerGraph;
        return {
          nodes: cy
            .nodes()
            .map((n) => n.id())
            .sort(),
          edges: cy
            .edges()
            .map((e) => e.id())
            .sort(),
          shown: cy
            .edges()
            .filter((e) => e.visible())
            .map((e) => e.id())
            .sort(),
        };
      });
    const before = await view();
    expect(before.shown.length).toBeLessThan(before.edges.length);
    await page.reload();
    await page.locator(`button.expand[data-entity="${node}"][disabled]`).waitFor();
    expect(page.url()).toBe(url.href);
    expect(await view()).toEqual(before);
    expect(await page.getByLabel('Depth').inputValue()).toBe('2');
    expect(await page.getByLabel('Agreement').isChecked()).toBe(true);
    expect(await page.getByLabel('Topic').isChecked()).toBe(true);
    expect(await page.locator(`#edge-type-${type}`).isChecked()).toBe(false);
    expect((await page.locator('.graph-edges').textContent()) ?? '').not.toContain(` ${type} `);
    await screenshot(page, '3-graph-restored');
    expectClean();
  }, 60_000);

  test('save as GraphML: the graph as shown (an expanded node in, a hidden edge type out), with kinds, validity, notes and citations', async () => {
    await page.goto(`${origin}/explore?entity=merida-initiative&view=graph`);
    await page.locator('button.expand[data-entity="bicentennial-framework"]').waitFor();
    const ids = (): Promise<string[]> => page.evaluate(() => window.explorerGraph.nodes().map((n) => n.id()));
    const before = await ids();
    await page.locator('button.expand[data-entity="bicentennial-framework"]').click();
    await page.locator('button.expand[data-entity="bicentennial-framework"][disabled]').waitFor();
    const added = (await ids()).filter((n) => !before.includes(n));
    expect(added.length).toBeGreaterThan(0);
    // Hide the first edge type shown but REPLACES (checked below through its validity and slide).
    const types = (await page.locator('.edge-types input:checked').evaluateAll((inputs) => inputs.map((i) => i.id))).map((i) => i.replace(/^edge-type-/, ''));
    const hidden = types.find((t) => t !== 'REPLACES')!;
    await page.locator(`#edge-type-${hidden}`).uncheck();
    await page.waitForURL(new RegExp(`hide=${hidden}`));
    const shown = await page.evaluate(() => {
      const cy = window.explorerGraph;
      return {
        nodes: cy.nodes(':visible').map((n) => ({ id: n.id(), name: n.data('label') as string, kind: n.data('kind') as string })),
        edges: cy.edges(':visible').map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), type: e.data('label') as string })),
        hiddenEdges: cy
          .edges()
          .filter((e) => !e.visible())
          .map((e) => e.data('label') as string),
      };
    });
    // The hidden type is in the graph (so leaving it out means something), just not shown.
    expect(shown.hiddenEdges.length).toBeGreaterThan(0);
    expect(new Set(shown.hiddenEdges)).toEqual(new Set([hidden]));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as GraphML' }).click()]);
    expect(download.suggestedFilename()).toBe('merida-initiative-view.graphml');
    const xml = readFileSync((await download.path())!, 'utf8');
    writeFileSync(join(ARTIFACTS, '3-graph-view.graphml'), xml);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- usmx-graph explorer: the graph view of merida-initiative (depth 1; all kinds; expanded bicentennial-framework; hidden edge types ',
      ),
    ).toBe(true);
    const doc = parseGraphml(xml);
    expect(doc.graphml.xmlns).toBe(GRAPHML_NS);
    expect(doc.graphml.graph.edgedefault).toBe('directed');
    // Keys read as the server's export: the same id means the same scope and name; two are the view's own.
    const serverKeys = new Map(GRAPHML_KEYS.map((k) => [k.id, k]));
    for (const k of doc.graphml.key) {
      if (k.id === 'graph_view' || k.id === 'edge_citations') continue;
      expect({ id: k.id, for: k.for, name: k['attr.name'] }).toEqual({ id: k.id, for: serverKeys.get(k.id)?.for, name: serverKeys.get(k.id)?.name });
    }
    const graphData = dataOf(doc.graphml.graph);
    expect(graphData.graph_datasetVersion).toBe(await page.locator('#dataset code').textContent());
    expect(graphData.graph_view).toBe(page.url());

    const nodes = doc.graphml.graph.node ?? [];
    expect(nodes.map((n) => ({ id: n.id, name: dataOf(n).node_name, kind: dataOf(n).node_kind })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...shown.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const n of added) expect(nodes.map((node) => node.id)).toContain(n);
    for (const n of nodes) expect(dataOf(n).node_label).toBe(dataOf(n).node_name);

    const edges = (doc.graphml.graph.edge ?? []).map((e) => ({ e, d: dataOf(e) }));
    expect(
      edges.map(({ e, d }) => ({ id: d.edge_relationshipId, source: e.source, target: e.target, type: d.edge_type })).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([...shown.edges].sort((a, b) => a.id.localeCompare(b.id)));
    expect(edges.some(({ d }) => d.edge_type === hidden)).toBe(false);
    for (const { d } of edges) {
      expect(d.edge_label).toBe(d.edge_type);
      expect(d.edge_sources).toMatch(/^[a-z0-9-]+#\d+( \| [a-z0-9-]+#\d+)*$/);
      expect(d.edge_citations).toMatch(/^.+, slide \d+$/);
      expect(d.edge_citations.split(' | ').length).toBe(d.edge_sources.split(' | ').length);
    }
    // Each edge's citations are the ones the view shows for it.
    for (const { d } of edges.slice(0, 3)) {
      await page.locator(`.graph-edges button.edge-cite[data-edge="${d.edge_relationshipId}"]`).click();
      expect(await page.locator('.selected-edge .cite').textContent()).toBe(`Source: ${d.edge_citations.split(' | ').join('; ')}`);
    }
    // The Mérida Initiative gave way to the Bicentennial Framework in October 2021 (slide 29).
    const replaces = edges.find(({ d }) => d.edge_type === 'REPLACES' && [d.edge_relationshipId].some((r) => r.includes('merida-initiative')));
    expect(replaces?.d.edge_validFrom).toBe('2021-10');
    expect(replaces?.d.edge_citations).toMatch(/slide 29/);
    expectClean();
  }, 60_000);

  test('path finder: from the Mérida Initiative to the USMCA, every hop with its citation', async () => {
    await page.locator('#views').getByRole('link', { name: 'Paths' }).click();
    await page.getByLabel('Find paths from Mérida Initiative to').fill('USMCA');
    await page.locator('#path-to-results button.hit-open[data-entity="usmca"]').click();
    const first = page.locator('li.path').first();
    await first.waitFor();
    expect(page.url()).toContain('to=usmca');
    const hops = first.locator('li.hop');
    expect(await hops.count()).toBeGreaterThan(0);
    for (const text of await hops.allTextContents()) expect(text).toMatch(/slide \d+/);
    expect(await first.textContent()).toContain('USMCA');
    expect(await page.locator('#paths-heading').textContent()).toBe('Paths from Mérida Initiative to United States–Mexico–Canada Agreement');
    await screenshot(page, '4-paths');
    // Reload restores the path view with its other end.
    await page.reload();
    await page.locator('li.path').first().waitFor();
    expectClean();
  });

  test('as of 2019: one date applies to the views, is in the URL, and a bad date is refused', async () => {
    await page.locator('#views').getByRole('link', { name: 'Entity' }).click();
    await page.locator('#entity-heading').waitFor();
    const bicentennial = page.locator('li.relationship', { hasText: 'Bicentennial Framework for Security' });
    expect(await bicentennial.count()).toBe(1);
    await page.getByLabel('As of').fill('soon');
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await page.locator('#as-of-error').textContent()).toBe('Expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got "soon".');
    await page.getByLabel('As of').fill('2019');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('#relationships-heading', { hasText: 'as of 2019' }).waitFor();
    expect(page.url()).toContain('date=2019');
    // The Bicentennial Framework replaced it in October 2021: not there in 2019.
    expect(await bicentennial.count()).toBe(0);
    // The USMCA entered into force in July 2020: in 2019 no path reaches it.
    await page.locator('#views').getByRole('link', { name: 'Paths' }).click();
    const none = page.locator('.path-answer', {
      hasText: 'No path of at most 4 hops joins Mérida Initiative and United States–Mexico–Canada Agreement as of 2019',
    });
    await none.waitFor();
    expect(page.url()).toMatch(/view=paths.*date=2019|date=2019.*view=paths/);
    await page.reload();
    await none.waitFor();
    expect(await page.getByLabel('As of').inputValue()).toBe('2019');
    await screenshot(page, '5-as-of');
    expectClean();
  });

  test('timeline as of a date: only what had happened by then', async () => {
    const rows = page.locator('table.timeline tbody tr');
    await page.goto(`${origin}/explore?entity=amlo&view=timeline`);
    await rows.first().waitFor();
    const every = await rows.locator('td:nth-child(1)').allTextContents();
    await page.goto(`${origin}/explore?entity=amlo&view=timeline&date=2018`);
    await page.getByText('up to 2018 (as of)').waitFor();
    await rows.first().waitFor();
    const asOf = await rows.locator('td:nth-child(1)').allTextContents();
    expect(asOf.length).toBeGreaterThan(0);
    expect(asOf.length).toBeLessThan(every.length);
    for (const date of asOf) expect(date.slice(0, 4) <= '2018').toBe(true);
    expectClean();
  });

  test('timeline: dated facts around an actor, each with its source, filtered by kind and date range', async () => {
    await page.goto(`${origin}/explore?entity=amlo&view=timeline`);
    const rows = page.locator('table.timeline tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    expect(all).toBeGreaterThan(1);
    for (const text of await rows.locator('td:nth-child(4)').allTextContents()) expect(text).toMatch(/slide \d+/);
    await page.getByLabel('From').fill('2018');
    await page.getByLabel('Event').check();
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/kinds=Event/);
    expect(page.url()).toContain('from=2018');
    await page.locator('.timeline-answer p', { hasText: /^3 dated facts\.$/ }).waitFor();
    const dates = await rows.locator('td:nth-child(1)').allTextContents();
    // AMLO's 2018 election, his security review and his inauguration (seeds: 9 dated facts in all).
    expect(dates.length).toBe(3);
    expect(dates.length).toBeLessThan(all);
    for (const date of dates) expect(date >= '2018').toBe(true);
    for (const kind of await rows.locator('td:nth-child(2) .kind').allTextContents()) expect(kind).toBe('Event');
    await screenshot(page, '5-timeline');
    await page.reload();
    await rows.first().waitFor();
    expect(await page.getByLabel('Event').isChecked()).toBe(true);
    expectClean();
  });

  test('metric chart: periods as stated, the unit on the axis, a comparison of two periods, the data as CSV', async () => {
    await page.goto(`${origin}/explore?entity=merida-initiative-appropriations&view=entity`);
    const chart = page.locator('.metric-chart canvas');
    await chart.waitFor();
    await page.waitForFunction(
      () => (document as unknown as { querySelector(s: string): { width: number } | null }).querySelector('.metric-chart canvas')!.width > 0,
    );
    expect(await chart.getAttribute('aria-label')).toBe('Bar chart of 3 observations in million U.S. dollars by period; the same data is in the table below.');
    await page.getByLabel('Compare', { exact: true }).selectOption('FY2019');
    await page.getByLabel('with', { exact: true }).selectOption('FY2021');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const comparison = page.locator('.comparison');
    await comparison.waitFor();
    expect(await comparison.textContent()).toBe('FY2019: 155 million U.S. dollars → FY2021: 159 million U.S. dollars; change +4 million U.S. dollars (+2.58%)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the data as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('merida-initiative-appropriations.csv');
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('period,periodKind,reportedIn,value,unit,qualifier,breakdown,note,sources');
    expect(csv.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      'FY2019,FISCAL_YEAR,,155',
      'FY2020,FISCAL_YEAR,,150',
      'FY2021,FISCAL_YEAR,,159',
    ]);
    await screenshot(page, '6-metric-chart');
    expectClean();
  });

  test('cite this view: the URL of the view with the dataset version', async () => {
    const version = await page.locator('#dataset code').textContent();
    await page.getByRole('button', { name: 'Cite this view' }).click();
    const text = await page.locator('#citation').textContent();
    expect(text).toContain(`dataset version ${version}`);
    expect(text).toContain(page.url());
    expectClean();
  });

  test('keyboard only: skip link, search, arrow to a hit, Enter opens it, focus moves to the view', async () => {
    const w = await watchedPage(browser, origin);
    const k = w.page;
    await k.goto(`${origin}/explore`);
    const focused = (): Promise<string> =>
      k.evaluate(() => {
        const e = document.activeElement;
        return e ? `${e.tagName.toLowerCase()}#${e.id}.${e.className}` : 'none';
      });
    await k.keyboard.press('Tab');
    expect(await focused()).toBe('a#.skip');
    await k.keyboard.press('Tab');
    expect(await focused()).toBe('input#search-input.');
    await k.keyboard.type('Merida');
    await k.locator('button.hit-open').first().waitFor();
    await k.keyboard.press('ArrowDown');
    expect(await focused()).toBe('button#.hit-open');
    await k.keyboard.press('Enter');
    await k.locator('#entity-heading').waitFor();
    expect(await focused()).toBe('main#main.');
    // From the view, Tab reaches the view's links (the relationships' entities).
    await k.keyboard.press('Tab');
    expect(await focused()).toMatch(/^a#/);
    expectClean(w);
    await k.context().close();
  });

  test('axe-core: no serious or critical violations on the search, entity, graph, path and timeline views', async () => {
    const w = await watchedPage(browser, origin);
    const a = w.page;
    const scan = async (url: string, ready: string): Promise<string[]> => {
      await a.goto(url);
      await a.locator(ready).first().waitFor();
      const { violations } = await new AxeBuilder({ page: a }).analyze();
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${url}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    await a.goto(`${origin}/explore`);
    await a.getByLabel('Search the graph').fill('Merida');
    await a.locator('button.hit-open').first().waitFor();
    const { violations } = await new AxeBuilder({ page: a }).analyze();
    const found = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `search: ${v.id}`);
    found.push(...(await scan(`${origin}/explore?entity=merida-initiative&view=entity`, '#entity-heading')));
    found.push(...(await scan(`${origin}/explore?entity=merida-initiative&view=graph`, 'button.expand')));
    found.push(...(await scan(`${origin}/explore?entity=merida-initiative&view=paths&to=usmca`, 'li.path')));
    found.push(...(await scan(`${origin}/explore?entity=us-mexico-goods-trade&view=entity`, 'table')));
    found.push(...(await scan(`${origin}/explore?entity=amlo&view=timeline&kinds=Event`, 'table.timeline')));
    expect(found).toEqual([]);
    await screenshot(a, '6-metric');
    expectClean(w);
    await a.context().close();
  }, 90_000);

  test('GraphiQL at /graphiql: self-hosted, schema built in (no introspection request), runs a query against /graphql', async () => {
    const w = await watchedPage(browser, origin);
    const g = w.page;
    await g.goto(`${origin}/graphiql`);
    await g.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
    await g.waitForFunction(() => document.body.innerText.includes('SearchMerida'), undefined, { timeout: 20_000 });
    // The run button is drawn before the editors are ready to run: click until the query goes out.
    for (let attempt = 0; ; attempt++) {
      const sent = g.waitForRequest((r) => r.url() === `${origin}/graphql` && r.method() === 'POST', { timeout: 5_000 });
      await g.locator('.graphiql-execute-button').click();
      try {
        await sent;
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    try {
      await g.waitForFunction(() => document.body.innerText.includes('"merida-initiative"'), undefined, { timeout: 20_000 });
    } finally {
      await screenshot(g, '7-graphiql');
    }
    expectClean(w);
    await g.context().close();
  }, 60_000);
});
