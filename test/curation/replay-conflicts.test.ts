/**
 * The journal replayed over seeds that changed since a curator changed the same records (the
 * table in src/domain/seed-conflicts.ts): the curated records are kept, each difference is a
 * conflict naming the seed item's file:line, and the server and `npm run export` report them at
 * start. Seeds are YAML files in a temp dir read by `loadSeeds`, so origins are real.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { formatSeedConflict, type Change, type Dataset, type RecordRef } from '../../src/domain';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { loadSeeds } from '../../src/seed';
import { MemoryStore } from '../../src/store/memory';
import { runScript } from '../helpers/run-script';
import { startServer } from './kill-restart';

const SOURCE = '  - { id: deck, kind: Source, name: Test deck, publisher: Tests, year: 2022, sources: [deck#1] }';

/** The seeds as the curator saw them. */
const BEFORE = [
  'nodes:',
  SOURCE,
  '  - { id: trade, kind: Topic, name: Trade, description: Goods and services, sources: [deck#1] }',
  '  - { id: energy, kind: Topic, name: Energy, sources: [deck#1] }',
  '  - { id: border, kind: Topic, name: Border, sources: [deck#1] }',
  '  - { id: migration, kind: Topic, name: Migration, sources: [deck#1] }',
  '  - { id: crossings, kind: Metric, name: Border crossings, unit: COUNT, sources: [deck#1] }',
  'edges:',
  '  - { from: energy, type: BROADER, to: trade, sources: [deck#1] }',
  '  - { from: border, type: BROADER, to: trade, sources: [deck#1] }',
  'observations:',
  '  - { metric: crossings, value: 10, unit: COUNT, period: 2019, sources: [deck#1] }',
  '  - { metric: crossings, value: 20, unit: COUNT, period: 2020, sources: [deck#1] }',
  '  - { metric: crossings, value: 30, unit: COUNT, period: 2021, sources: [deck#1] }',
];

/**
 * The seeds since: the same records changed (trade, crossings@2020, crossings@2021), created ids
 * now seeded (wall differs; ports and the metric wait-times equal, but without its first figure),
 * border removed.
 */
const AFTER = [
  'nodes:',
  SOURCE,
  '  - { id: trade, kind: Topic, name: Trade, aliases: [commerce], description: Goods and services trade, sources: [deck#1] }',
  '  - { id: energy, kind: Topic, name: Energy, sources: [deck#1] }',
  '  - { id: migration, kind: Topic, name: Migration, sources: [deck#1] }',
  '  - { id: crossings, kind: Metric, name: Border crossings, unit: COUNT, sources: [deck#1] }',
  '  - { id: wall, kind: Topic, name: Border barrier, sources: [deck#1] }',
  '  - { id: ports, kind: Topic, name: Ports of entry, sources: [deck#2] }',
  '  - { id: wait-times, kind: Metric, name: Wait times, unit: COUNT, sources: [deck#2] }',
  'edges:',
  '  - { from: energy, type: BROADER, to: trade, sources: [deck#1] }',
  '  - { from: migration, type: BROADER, to: trade, note: seeded, sources: [deck#1] }',
  'observations:',
  '  - { metric: crossings, value: 10, unit: COUNT, period: 2019, sources: [deck#1] }',
  '  - { metric: crossings, value: 22, unit: COUNT, period: 2020, sources: [deck#1] }',
  '  - { metric: crossings, value: 30, unit: COUNT, period: 2021, note: Revised, sources: [deck#1] }',
  '  - { metric: wait-times, value: 41, unit: COUNT, period: 2023, sources: [deck#2] }',
];

let clock = 0;
const meta = (sources = ['deck#2']) => ({ sources, actor: 'dana', at: new Date(Date.UTC(2024, 6, 1, 12, 0, clock++)).toISOString() });

/** The curator's work over BEFORE. */
const CHANGES: Change[] = [
  { op: 'updateEntity', id: 'trade', fields: { description: 'Goods, services and investment' }, ...meta() },
  { op: 'updateObservation', id: 'crossings@2020', fields: { value: 25 }, ...meta() },
  { op: 'retireObservation', id: 'crossings@2021', ...meta() },
  { op: 'retireRelationship', id: 'energy:BROADER:trade', ...meta() },
  { op: 'createEntity', entity: { id: 'wall', kind: 'Topic', name: 'Border wall' }, ...meta() },
  { op: 'createEntity', entity: { id: 'ports', kind: 'Topic', name: 'Ports of entry' }, ...meta() },
  { op: 'updateEntity', id: 'border', fields: { name: 'Border region' }, ...meta() },
  { op: 'updateEntity', id: 'migration', fields: { name: 'Human migration' }, ...meta() },
  {
    op: 'createEntity',
    entity: { id: 'wait-times', kind: 'Metric', name: 'Wait times', unit: 'COUNT' },
    observation: { value: 40, period: '2022' },
    ...meta(),
  },
  { op: 'updateObservation', id: 'wait-times@2022', fields: { value: 42 }, ...meta() },
  { op: 'addRelationship', relationship: { from: 'migration', type: 'BROADER', to: 'trade', note: 'curated' }, ...meta() },
];

describe('replaying the journal over changed seeds (memory store)', () => {
  let dir: string;
  let beforeDir: string;
  let afterDir: string;
  let journalPath: string;

  const seedsDir = (name: string, lines: readonly string[]): string => {
    const at = join(dir, name);
    mkdirSync(at);
    writeFileSync(join(at, 'graph.yaml'), `${lines.join('\n')}\n`);
    return at;
  };
  /** The seed item's place as loadSeeds names it: the file relative to the working directory, the line of `- { id: … }`. */
  const origin = (at: string, needle: string) => ({
    file: relative(process.cwd(), join(at, 'graph.yaml')),
    line:
      readFileSync(join(at, 'graph.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-conflicts-'));
    beforeDir = seedsDir('before', BEFORE);
    afterDir = seedsDir('after', AFTER);
    journalPath = join(dir, 'journal.jsonl');
    const store = MemoryStore.open(loadSeeds(beforeDir), { journalPath });
    for (const change of CHANGES) await store.applyChange(change);
    expect(store.seedConflicts).toEqual([]);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every curated record and reports exactly the records the seeds changed, with file:line', async () => {
    const store = MemoryStore.open(loadSeeds(afterDir), { journalPath });
    try {
      expect(store.seedConflicts).toEqual([
        {
          ref: { kind: 'ENTITY', id: 'trade' },
          origin: origin(afterDir, 'id: trade'),
          // The curator's record: as they left it (before patched by the change), the seeds' new alias not taken.
          curated: { id: 'trade', kind: 'Topic', name: 'Trade', description: 'Goods, services and investment', sources: ['deck#1', 'deck#2'] },
          seeded: { id: 'trade', kind: 'Topic', name: 'Trade', aliases: ['commerce'], description: 'Goods and services trade', sources: ['deck#1'] },
        },
        {
          ref: { kind: 'OBSERVATION', id: 'crossings@2020' },
          origin: origin(afterDir, 'value: 22'),
          curated: { metric: 'crossings', value: 25, unit: 'COUNT', period: '2020', sources: ['deck#1', 'deck#2'] },
          seeded: { metric: 'crossings', value: 22, unit: 'COUNT', period: '2020', sources: ['deck#1'] },
        },
        {
          ref: { kind: 'OBSERVATION', id: 'crossings@2021' },
          origin: origin(afterDir, 'period: 2021'),
          curated: null,
          seeded: { metric: 'crossings', value: 30, unit: 'COUNT', period: '2021', note: 'Revised', sources: ['deck#1'] },
        },
        {
          ref: { kind: 'ENTITY', id: 'wall' },
          origin: origin(afterDir, 'id: wall'),
          curated: { id: 'wall', kind: 'Topic', name: 'Border wall', sources: ['deck#1', 'deck#2'] },
          seeded: { id: 'wall', kind: 'Topic', name: 'Border barrier', sources: ['deck#1'] },
        },
        {
          ref: { kind: 'ENTITY', id: 'border' },
          origin: null,
          curated: { id: 'border', kind: 'Topic', name: 'Border region', sources: ['deck#1', 'deck#2'] },
          seeded: null,
        },
        {
          ref: { kind: 'RELATIONSHIP', id: 'migration:BROADER:trade' },
          origin: origin(afterDir, 'from: migration'),
          curated: { from: 'migration', type: 'BROADER', to: 'trade', note: 'curated', sources: ['deck#2'] },
          seeded: { from: 'migration', type: 'BROADER', to: 'trade', note: 'seeded', sources: ['deck#1'] },
        },
      ]);
      expect(origin(afterDir, 'id: trade').line).toBe(3);

      // Every read has the curated records.
      const [trade, wall, border, ports, migration] = await store.getNodesByIds(['trade', 'wall', 'border', 'ports', 'migration']);
      expect(trade).toMatchObject({ description: 'Goods, services and investment', aliases: [] });
      expect(wall).toMatchObject({ name: 'Border wall' });
      expect(border).toMatchObject({ name: 'Border region' });
      expect(ports).toMatchObject({ name: 'Ports of entry' });
      expect(migration).toMatchObject({ name: 'Human migration' });
      const [crossings] = await store.getObservations([{ metricId: 'crossings' }]);
      expect(crossings.map((o) => [o.id, o.value])).toEqual([
        ['crossings@2019', 10],
        ['crossings@2020', 25],
      ]);
      const [energy, migrationEdges] = await store.getRelationships([
        { nodeId: 'energy', direction: 'OUT' },
        { nodeId: 'migration', direction: 'OUT' },
      ]);
      expect(energy).toEqual([]);
      expect(migrationEdges.map((h) => h.relationship.note)).toEqual(['curated']);

      // History is the journal's, seeds changed or not: the folded-back record keeps its creation.
      const [tradeHistory, portsHistory] = await store.getHistory([
        { kind: 'ENTITY', id: 'trade' },
        { kind: 'ENTITY', id: 'ports' },
      ]);
      expect(tradeHistory.map((e) => e.fields)).toEqual([
        [
          { field: 'description', before: 'Goods and services', after: 'Goods, services and investment' },
          { field: 'sources', before: ['deck#1'], after: ['deck#1', 'deck#2'] },
        ],
      ]);
      expect(portsHistory.map((e) => e.op)).toEqual(['createEntity']);
      // The folded-back metric keeps the first figure the curator gave it, which the seeds lack.
      const [waits] = await store.getObservations([{ metricId: 'wait-times' }]);
      expect(waits.map((o) => [o.id, o.value])).toEqual([
        ['wait-times@2022', 42],
        ['wait-times@2023', 41],
      ]);
      const [[waitHistory], [metricHistory]] = [
        await store.getHistory([{ kind: 'OBSERVATION', id: 'wait-times@2022' }]),
        await store.getHistory([{ kind: 'ENTITY', id: 'wait-times' }]),
      ];
      expect(waitHistory.map((e) => e.op)).toEqual(['createEntity', 'updateObservation']);
      expect(metricHistory.map((e) => e.op)).toEqual(['createEntity']);
    } finally {
      await store.close();
    }
  });

  it('replays an older journal, without `before`, as it always did: no conflict detection for the records it changes', async () => {
    // The same records in the old format (checksum over {seq, change}): conflict detection needs `before`.
    const old = join(dir, 'old.jsonl');
    const { createHash } = await import('node:crypto');
    const lines = readFileSync(journalPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const { seq, change } = JSON.parse(line) as { seq: number; change: Change };
        return JSON.stringify({ seq, change, sha256: createHash('sha256').update(JSON.stringify({ seq, change })).digest('hex') });
      });
    writeFileSync(old, `${lines.join('\n')}\n`);
    expect(readFileSync(journalPath, 'utf8')).toContain('"before":');
    // The seeds removed `border`: without `before`, its update no longer applies (today's behaviour).
    expect(() => MemoryStore.open(loadSeeds(afterDir), { journalPath: old, readOnly: true })).toThrow(
      `journal ${old}:7: change updateEntity no longer applies over the seeds`,
    );
    // Over the seeds it was written on, it replays as it always did.
    const store = MemoryStore.open(loadSeeds(beforeDir), { journalPath: old, readOnly: true });
    expect(store.seedConflicts).toEqual([]);
    expect((await store.getNodesByIds(['trade']))[0]).toMatchObject({ description: 'Goods, services and investment' });
    await store.close();
  });

  it('finds no conflict when the seeds did not change', async () => {
    const store = MemoryStore.open(loadSeeds(beforeDir), { journalPath, readOnly: true });
    expect(store.seedConflicts).toEqual([]);
    await store.close();
  });

  it('says so in the server start-up log, one line per conflict and a count', async () => {
    const server = await startServer({ SEEDS_DIR: afterDir, JOURNAL_PATH: journalPath });
    try {
      const store = MemoryStore.open(loadSeeds(afterDir), { journalPath, readOnly: true });
      const lines = store.seedConflicts.map((c) => formatSeedConflict(c));
      await store.close();
      const log = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number | string; msg: string });
      const warned = log.filter((l) => l.level === 40 || l.level === 'warn').map((l) => l.msg);
      for (const line of lines) expect(warned).toContain(line);
      expect(warned).toContainEqual(expect.stringContaining(`journal ${journalPath}: 6 seed conflict(s)`));
      expect(warned.find((m) => m.includes('entity trade:'))).toMatch(
        /graph\.yaml:3: entity trade: .*description: curated "Goods, services and investment", seeded "Goods and services trade"/,
      );
    } finally {
      await server.kill();
    }
  }, 60_000);

  it('says so on stderr in `npm run export`', async () => {
    const run = await runScript('src/export-cli.ts', ['--format', 'json'], { SEEDS_DIR: afterDir, JOURNAL_PATH: journalPath });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('6 seed conflict(s)');
    expect(run.stderr).toMatch(/graph\.yaml:\d+: observation crossings@2020: .*value: curated 25, seeded 22/);
    // The export itself is the curated graph: the curated value, not the seeded one.
    const exported = JSON.parse(run.stdout) as { observations: Array<{ id: string; value: number }> };
    expect(exported.observations.find((o) => o.id === 'crossings@2020')?.value).toBe(25);
  }, 60_000);
});

describe('history survives a restart (journal replay)', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the same entries after the store is reopened on its journal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-history-'));
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'graph.yaml'), `${BEFORE.join('\n')}\n`);
    const seeds = loadSeeds(join(dir, 'seeds'));
    const journalPath = join(dir, 'journal.jsonl');
    const refs: RecordRef[] = [
      { kind: 'ENTITY', id: 'trade' },
      { kind: 'ENTITY', id: 'wall' },
      { kind: 'OBSERVATION', id: 'crossings@2018' },
      { kind: 'OBSERVATION', id: 'crossings@2019' },
      { kind: 'OBSERVATION', id: 'crossings@2021' },
      { kind: 'RELATIONSHIP', id: 'energy:BROADER:trade' },
    ];
    const first = MemoryStore.open(seeds, { journalPath });
    for (const change of CHANGES) await first.applyChange(change);
    await first.applyChange({ op: 'updateObservation', id: 'crossings@2019', fields: { period: '2018', value: 9 }, ...meta(['deck#3']) });
    await first.applyChange({ op: 'addRelationship', relationship: { from: 'energy', type: 'BROADER', to: 'trade', note: 'back' }, ...meta() });
    await first.applyChange({ op: 'retireEntity', id: 'wall', ...meta() });
    const written = await first.getHistory(refs);
    await first.close();
    expect(written.map((h) => h.length)).toEqual([1, 2, 1, 0, 1, 2]);
    expect(written[2][0]).toMatchObject({ op: 'updateObservation', previousId: 'crossings@2019', sources: [{ sourceId: 'deck', slide: 3 }] });

    const second = MemoryStore.open(seeds, { journalPath });
    try {
      expect(await second.getHistory(refs)).toEqual(written);
    } finally {
      await second.close();
    }
  });
});

describe('replay over changed seeds: every field of the record as the curator left it', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restores dates, aliases and type from the journal, not from the changed seed item', async () => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-fields-'));
    const journalPath = join(dir, 'journal.jsonl');
    const first = MemoryStore.open(fixtureDataset, { journalPath });
    await first.applyChange({ op: 'updateEntity', id: 'new-deal', fields: { description: 'The new trade deal' }, ...meta(['src#2']) });
    await first.applyChange({ op: 'updateObservation', id: 'crossings@2020', fields: { note: 'checked' }, ...meta(['src#2']) });
    const curated = await first.getNodesByIds(['new-deal']);
    const [curatedFigures] = await first.getObservations([{ metricId: 'crossings' }]);
    await first.close();

    // The seeds since: other dates, aliases and type for the deal, another value for the figure; no origins (not from files).
    const changed = {
      ...fixtureDataset,
      origins: undefined,
      nodes: fixtureDataset.nodes.map((n) =>
        n.id === 'new-deal' ? { ...n, type: 'FRAMEWORK', aliases: ['T-NEWER'], dates: { signed: '2018-12-01' }, dateQualifiers: undefined } : n,
      ),
      observations: fixtureDataset.observations.map((o) => (o.id === 'crossings@2020' ? { ...o, value: 21 } : o)),
    } as Dataset;
    const store = MemoryStore.open(changed, { journalPath, readOnly: true });
    try {
      expect(await store.getNodesByIds(['new-deal'])).toEqual(curated);
      const [figures] = await store.getObservations([{ metricId: 'crossings' }]);
      expect(figures).toEqual(curatedFigures);
      expect(store.seedConflicts.map((c) => [c.ref.id, c.origin, formatSeedConflict(c).split(': ').slice(0, 2).join(': ')])).toEqual([
        ['new-deal', null, 'seeds: entity new-deal'],
        ['crossings@2020', null, 'seeds: observation crossings@2020'],
      ]);
    } finally {
      await store.close();
    }
  });
});
