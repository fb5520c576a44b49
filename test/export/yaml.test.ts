import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NodeKind, type Change, type Dataset } from '../../src/domain';
import { collectGraph, diffAgainstSeeds, parseExportOptions, renderExport, toYaml } from '../../src/export';
import { checkSeeds, loadSeeds } from '../../src/seed';
import { Journal, MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { runScript, type ScriptRun } from '../helpers/run-script';
import { exportOf, trickyDataset, TRICKY_DESCRIPTION, TRICKY_NAME } from './graphs';

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function sameGraph(actual: Dataset, expected: Dataset): void {
  expect(byId(actual.nodes)).toEqual(byId(expected.nodes));
  expect(byId(actual.relationships)).toEqual(byId(expected.relationships));
  expect(byId(actual.observations)).toEqual(byId(expected.observations));
}

const AT = '2024-05-01T12:00:00.000Z';
const CREATE: Change = {
  op: 'createEntity',
  entity: { id: 'nearshoring', kind: 'Topic', name: 'Nearshoring', aliases: ['relocalización'], description: 'Moving production closer to the U.S. market.' },
  sources: ['deck-2022#7'],
  actor: 'alice',
  at: AT,
};
const OBSERVE: Change = {
  op: 'addObservation',
  observation: { metric: 'us-mexico-goods-trade', value: 779.3, period: '2023', note: 'curated' },
  sources: ['deck-2022#7'],
  actor: 'alice',
  at: AT,
};

/** Runs src/export-cli.ts through tsx on the embedded store, with the given journal. */
function runCli(args: string[], journalPath: string): Promise<ScriptRun> {
  return runScript('src/export-cli.ts', args, { JOURNAL_PATH: journalPath });
}

/** Writes the graph's YAML export as `curated.yaml` into a fresh folder `name` of `dir` and runs the seed checker on it, expecting no issue. */
function foldedBack(dir: string, graph: Parameters<typeof toYaml>[0], name: string): ReturnType<typeof checkSeeds> {
  const out = join(dir, name);
  mkdirSync(out);
  writeFileSync(join(out, 'curated.yaml'), toYaml(graph));
  const check = checkSeeds(out);
  expect(check.issues).toEqual([]);
  return check;
}

describe('YAML export (seed files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-yaml-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the seeds as one seed file that seeds:check accepts and that reads back as the same graph', async () => {
    const seeds = seedDataset();
    const body = toYaml(await exportOf(seeds));
    writeFileSync(join(dir, 'curated.yaml'), body);
    const check = checkSeeds(dir);
    expect(check.issues).toEqual([]);
    sameGraph(check.dataset!, loadSeeds('seeds'));
    expect(Object.keys(parse(body) as object)).toEqual(['nodes', 'edges', 'observations']);
  });

  it('orders every list by id and gives the same bytes twice', async () => {
    const seeds = seedDataset();
    const body = toYaml(await exportOf(seeds));
    expect(toYaml(await exportOf(seeds))).toBe(body);
    const doc = parse(body) as { nodes: Array<{ id: string }> };
    const ids = doc.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(body).toContain(`dataset ${seeds.version}`);
    expect(body).toMatch(/sources: \[[a-z0-9-]+#\d+/);
  });

  it('writes a part of more than 10^5 items (no argument spread that would overflow the stack)', () => {
    const source = seedDataset().nodes.find((n) => n.kind === NodeKind.Source)!;
    const topics = Array.from({ length: 150_000 }, (_, i) => ({
      ...source,
      id: `t-${String(i).padStart(6, '0')}`,
      kind: NodeKind.Topic,
      type: null,
      name: `Topic ${i}`,
      publisher: null,
      year: null,
    }));
    const text = toYaml({ datasetVersion: 'big', scope: { kind: 'graph' }, nodes: topics, relationships: [], observations: [], citedSources: [] });
    const read = parse(text) as { nodes: Array<{ id: string }> };
    expect(read.nodes).toHaveLength(150_000);
    expect(read.nodes[149_999].id).toBe('t-149999');
  });

  it('keeps text that needs quoting intact', async () => {
    const doc = parse(toYaml(await exportOf(trickyDataset))) as { nodes: Array<{ id: string; name: string; description: string; aliases: string[] }> };
    const tricky = doc.nodes.find((n) => n.id === 'tricky')!;
    expect(tricky).toMatchObject({ name: TRICKY_NAME, description: TRICKY_DESCRIPTION, aliases: ['a, b', 'say "hi"'] });
  });

  it('is registered as a format (application/yaml) and refuses a neighbourhood', async () => {
    const options = parseExportOptions({ format: 'yaml' });
    const document = renderExport(await exportOf(seedDataset()), options);
    expect(document.contentType).toBe('application/yaml');
    expect(document.filename).toMatch(/\.yaml$/);
    expect(() => parseExportOptions({ format: 'yaml', id: 'usmca' })).toThrow(
      'id: expected no id when format=yaml (seed YAML is always the whole graph), received "usmca"',
    );
    expect(() => parseExportOptions({ format: 'yaml', depth: '2' })).toThrow(/^depth: expected no depth when format=yaml/);
  });

  it('folds the curated changes of a journal into the seed file, and leaves the journal byte-identical', async () => {
    const journalPath = join(dir, 'data', 'journal.jsonl');
    const writer = Journal.open(journalPath);
    writer.append(CREATE);
    writer.append(OBSERVE);
    writer.close();
    const before = readFileSync(journalPath);

    const store = MemoryStore.open(seedDataset(), { journalPath, readOnly: true });
    const graph = await collectGraph(store, { kind: 'graph' });
    await expect(store.applyChange(CREATE)).rejects.toThrow(/read-only/);
    await store.close();
    expect(diffAgainstSeeds(graph, seedDataset())).toEqual({
      entities: { added: 1, changed: 0, retired: 0 },
      edges: { added: 0, changed: 0, retired: 0 },
      observations: { added: 1, changed: 0, retired: 0 },
    });

    const check = foldedBack(dir, graph, 'out');
    expect(check.dataset!.nodes.find((n) => n.id === 'nearshoring')).toMatchObject({
      name: 'Nearshoring',
      aliases: ['relocalización'],
      sources: [{ sourceId: 'deck-2022', slide: 7 }],
    });
    expect(check.dataset!.observations.find((o) => o.id === 'us-mexico-goods-trade@2023')).toMatchObject({ value: 779.3, note: 'curated' });
    expect(readFileSync(journalPath)).toEqual(before);
  });

  it('counts corrected observations as changed and withdrawn ones as retired, and still passes the seed checker', async () => {
    const store = new MemoryStore(seedDataset());
    const meta = { sources: ['deck-2022#20'], actor: 'lena', at: '2026-01-01T00:00:00.000Z' };
    await store.applyChange({ op: 'updateObservation', id: 'southwest-border-apprehensions@FY2021', fields: { value: 1700000 }, ...meta });
    await store.applyChange({ op: 'retireObservation', id: 'southwest-border-apprehensions@FY2020', ...meta });
    // A corrected period: the old id leaves the export and the new one comes in.
    await store.applyChange({ op: 'updateObservation', id: 'southwest-border-apprehensions@2022-01', fields: { period: '2021-12' }, ...meta });
    const graph = await collectGraph(store, { kind: 'graph' });
    await store.close();
    expect(diffAgainstSeeds(graph, seedDataset())).toEqual({
      entities: { added: 0, changed: 0, retired: 0 },
      edges: { added: 0, changed: 0, retired: 0 },
      observations: { added: 1, changed: 1, retired: 2 },
    });
    const check = foldedBack(dir, graph, 'corrected');
    const observations = check.dataset!.observations.filter((o) => o.metricId === 'southwest-border-apprehensions');
    expect(observations.map((o) => [o.id, o.value])).toContainEqual(['southwest-border-apprehensions@FY2021', 1700000]);
    expect(observations.map((o) => o.id)).not.toContain('southwest-border-apprehensions@FY2020');
    expect(observations.map((o) => o.id)).toContain('southwest-border-apprehensions@2021-12');
  });

  it('reads a torn last record without cutting or moving it', async () => {
    const journalPath = join(dir, 'journal.jsonl');
    const writer = Journal.open(journalPath);
    writer.append(CREATE);
    writer.close();
    writeFileSync(journalPath, '{"seq":2,"chan', { flag: 'a' });
    const before = readFileSync(journalPath);
    const warnings: string[] = [];
    const store = MemoryStore.open(seedDataset(), { journalPath, readOnly: true, warn: (m) => warnings.push(m) });
    expect(await store.getNodesByIds(['nearshoring'])).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(readFileSync(journalPath)).toEqual(before);
    expect(() => readFileSync(`${journalPath}.torn`)).toThrow();
    // A missing journal is not created.
    MemoryStore.open(seedDataset(), { journalPath: join(dir, 'none', 'journal.jsonl'), readOnly: true });
    expect(() => readFileSync(join(dir, 'none', 'journal.jsonl'))).toThrow();
  });

  it('npm run export -- --format yaml --out DIR writes DIR/curated.yaml, prints the diff, and leaves the journal alone', async () => {
    const journalPath = join(dir, 'journal.jsonl');
    const writer = Journal.open(journalPath);
    writer.append(CREATE);
    writer.append(OBSERVE);
    writer.close();
    const before = readFileSync(journalPath);
    const out = join(dir, 'review');
    const run = await runCli(['--format', 'yaml', '--out', `${out}/`], journalPath);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`wrote ${join(out, 'curated.yaml')}`);
    expect(run.stderr).toContain('entities 1 added, 0 changed, 0 retired; edges 0 added, 0 changed, 0 retired; observations 1 added, 0 changed, 0 retired');
    const check = checkSeeds(out);
    expect(check.issues).toEqual([]);
    expect(check.dataset!.nodes).toHaveLength(seedDataset().nodes.length + 1);
    expect(readFileSync(journalPath)).toEqual(before);
    expect((await runCli(['--format', 'yaml', '--id', 'usmca'], journalPath)).code).toBe(2);
  });
});
