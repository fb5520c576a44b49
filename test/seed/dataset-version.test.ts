/**
 * The dataset version identifies the data (src/domain/dataset-version.ts): the same content has
 * the same version whatever files, order, comments or formatting it came from, and a curated
 * change gives a new one everywhere the version travels (GraphQL extensions and header,
 * `dataset { version }`, `/readyz`, export file names). The store contract suite checks the
 * version under curation on both stores.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetVersion, type Change } from '../../src/domain';
import { collectGraph, exportBasename, toYaml } from '../../src/export';
import { loadSeeds } from '../../src/seed';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer } from '../helpers/graphql';

const TOKEN = 'alice-token-0123456789';
const OBSERVE: Change = {
  op: 'addObservation',
  observation: { metric: 'us-mexico-goods-trade', value: 779.3, period: '2023', note: 'curated' },
  sources: ['deck-2022#7'],
  actor: 'alice',
  at: '2024-05-01T12:00:00.000Z',
};

describe('dataset version', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-version-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the digest of the content: file names, file order and comments change nothing', () => {
    const seeds = seedDataset();
    expect(seeds.version).toBe(datasetVersion(seeds));
    // Reversed names load the files (and so their records) in the opposite order.
    const names = readdirSync('seeds').filter((f) => f.endsWith('.yaml'));
    names.forEach((name, i) =>
      writeFileSync(join(dir, `${String(names.length - i).padStart(2, '0')}-renamed.yaml`), `# a comment\n${readFileSync(join('seeds', name), 'utf8')}`),
    );
    expect(loadSeeds(dir).version).toBe(seeds.version);
  });

  it('survives the YAML export round trip (one file, ordered by id, reformatted)', async () => {
    const seeds = seedDataset();
    writeFileSync(join(dir, 'export.yaml'), toYaml(await collectGraph(new MemoryStore(seeds), { kind: 'graph' })));
    expect(loadSeeds(dir).version).toBe(seeds.version);
  });

  it('moves with a curated change, and the curated export re-read as seeds has the curated version', async () => {
    const seeds = seedDataset();
    const store = new MemoryStore(seeds);
    await store.applyChange(OBSERVE);
    const curated = await store.getDatasetVersion();
    expect(curated).not.toBe(seeds.version);
    const graph = await collectGraph(store, { kind: 'graph' });
    expect(exportBasename(graph)).toBe(`usmx-graph-${curated}`);
    writeFileSync(join(dir, 'export.yaml'), toYaml(graph));
    const reread = loadSeeds(dir);
    expect(reread.observations).toHaveLength(seeds.observations.length + 1);
    expect(reread.version).toBe(curated);
    // And the same data seeded afresh answers with the same version.
    expect(await new MemoryStore(reread).getDatasetVersion()).toBe(curated);
  });

  it('is current over HTTP after a curated change: extensions, X-Dataset-Version, dataset { version }, /readyz, /export', async () => {
    const seeds = seedDataset();
    const server = await startTestServer(new MemoryStore(seeds), { curatorTokens: new Map([['alice', TOKEN]]) });
    try {
      const post = async (query: string) => {
        const res = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { data?: { dataset?: { version: string } }; errors?: unknown; extensions?: { datasetVersion?: string } };
        return { header: res.headers.get('x-dataset-version'), body };
      };
      const readyz = async () => ((await (await fetch(new URL('/readyz', server.url))).json()) as { datasetVersion: string }).datasetVersion;
      const before = await post('{ dataset { version } }');
      expect([before.header, before.body.extensions?.datasetVersion, before.body.data?.dataset?.version, await readyz()]).toEqual([
        seeds.version,
        seeds.version,
        seeds.version,
        seeds.version,
      ]);

      const change = await post(
        'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 779.3, period: "2023" }, sources: ["deck-2022#7"]) { observation { id } } }',
      );
      expect(change.body.errors).toBeUndefined();
      const curated = change.header!;
      expect(curated).toMatch(/^[0-9a-f]{16}$/);
      expect(curated).not.toBe(seeds.version);
      expect(change.body.extensions?.datasetVersion).toBe(curated);

      const after = await post('{ dataset { version } }');
      expect([after.header, after.body.extensions?.datasetVersion, after.body.data?.dataset?.version, await readyz()]).toEqual([
        curated,
        curated,
        curated,
        curated,
      ]);
      const exported = await fetch(new URL('/export?format=json', server.url));
      expect(exported.headers.get('x-dataset-version')).toBe(curated);
      expect(exported.headers.get('content-disposition')).toBe(`attachment; filename=usmx-graph-${curated}.json`);
    } finally {
      await server.close();
    }
  });
});
