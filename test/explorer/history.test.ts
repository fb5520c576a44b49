/**
 * Curated history in the explorer, in a real Chromium: a metric whose description a curator
 * updated and one of whose observations a curator corrected shows both, with who, when, the old
 * and new values and the change's citation. Screenshot: test-artifacts/explorer/history.png (the corrected row and the History section).
 */
import type { Browser } from 'playwright-core';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { buildWeb, findChromium, launch, screenshot, watchedPage } from './browser';

const chromiumPath = findChromium();
const describeBrowser = chromiumPath ? describe : describe.skip;
const METRIC = 'southwest-border-apprehensions';

describeBrowser('curated history in the explorer (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let day: string;

  beforeAll(async () => {
    const webDir = buildWeb();
    const store = new MemoryStore(seedDataset());
    const meta = { actor: 'lena', at: new Date().toISOString() };
    day = meta.at.slice(0, 10);
    // Test corrections in a throwaway store, not facts.
    await store.applyChange({ op: 'updateObservation', id: `${METRIC}@FY2021`, fields: { value: 1700000 }, sources: ['deck-2022#17'], ...meta });
    await store.applyChange({ op: 'updateEntity', id: METRIC, fields: { name: 'Southwest border apprehensions (CBP)' }, sources: ['deck-2022#20'], ...meta });
    server = await startTestServer(store, { pages: { explorer: true, graphiql: false, sandboxTelemetry: false, webDir } });
    browser = await launch(chromiumPath!);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("shows the entity's history and each corrected observation's, with who, when, old → new and the citation", async () => {
    const origin = new URL(server.url).origin;
    const watched = await watchedPage(browser, origin);
    const page = watched.page;
    await page.goto(`${origin}/explore?entity=${METRIC}&view=entity`);
    const history = page.locator('section.entity-history');
    await history.waitFor({ timeout: 15_000 });
    expect(await history.locator('h3').textContent()).toBe('History (1)');
    expect(await history.locator('li').textContent()).toBe(
      `Updated by lena on ${day}: name “Southwest border migrant apprehensions” → “Southwest border apprehensions (CBP)”Source: Briefing deck on U.S.–Mexico relations (2022), slide 20`,
    );
    const row = page.locator('.observations tbody tr', { has: page.locator('td', { hasText: /^FY2021$/ }) });
    expect(await row.locator('td.number').textContent()).toBe('1,700,000');
    expect(await row.locator('ol.history li').textContent()).toBe(
      `Corrected by lena on ${day}: value 1,660,000 → 1,700,000Source: Briefing deck on U.S.–Mexico relations (2022), slide 17`,
    );
    // Observations no curator touched show no history.
    expect(
      await page
        .locator('.observations tbody tr', { has: page.locator('td', { hasText: /^FY2020$/ }) })
        .locator('ol.history')
        .count(),
    ).toBe(0);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'history');
    expect(watched.errors).toEqual([]);
    expect(watched.outside).toEqual([]);
    await page.context().close();
  }, 120_000);
});
