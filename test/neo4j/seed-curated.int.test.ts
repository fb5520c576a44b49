/**
 * Re-seeding keeps curated work (domain/seed-conflicts.ts THE TABLE), against a real Neo4j and
 * through `npm run seed`: seed records curated through the store (an entity corrected, an
 * observation corrected, one moved to another period, one retired, a relationship retired, an
 * entity created), then a copy of `seeds/` with the same records changed (one changed to equal the
 * curated record: folded back; one removed), seeded with SEEDS_DIR at the copy. A private Neo4j:
 * each test builds on the one before.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import neo4j from 'neo4j-driver';
import { datasetVersion, type GraphNode, type Observation } from '../../src/domain';
import { loadSeeds } from '../../src/seed';
import { Neo4jStore, connectExecutor, writeDataset, type Neo4jExecutor } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { runCypher } from '../helpers/neo4j-cypher';
import { describeNeo4j } from '../helpers/neo4j-target';
import { runScript, type ScriptRun } from '../helpers/run-script';
import { startTestNeo4j, type TestNeo4j } from './start';

const FILE = '31-economy-energy.yaml';
const KEPT = 'curated records kept; --overwrite-curated applies the seeds';

describeNeo4j('npm run seed keeps curated records (private Neo4j)', () => {
  const dataset = seedDataset();
  let target: TestNeo4j;
  let executor: Neo4jExecutor;
  let store: Neo4jStore;
  let copy: string;
  let clock = 0;
  const meta = (actor = 'dana') => ({ sources: ['deck-2022#52'], actor, at: new Date(Date.UTC(2025, 0, 2, 9, 0, clock++)).toISOString() });

  const obsId = (metricId: string, match: (o: Observation) => boolean = () => true): string => {
    const found = dataset.observations.filter((o) => o.metricId === metricId && match(o));
    if (found.length !== 1) throw new Error(`expected one observation of ${metricId}, found ${found.length}`);
    return found[0].id;
  };
  const gdp2022 = () => obsId('mexico-gdp-growth', (o) => o.period === '2022' && Object.keys(o.dimensions).length === 0);
  const gdp2023 = () => obsId('mexico-gdp-growth', (o) => o.period === '2023' && Object.keys(o.dimensions).length === 0);
  const riskLower = () => obsId('private-energy-investment-at-risk', (o) => o.dimensions.bound === 'lower');
  const gas = () => obsId('mexico-energy-supply-from-us', (o) => o.dimensions.product === 'natural-gas');
  const remittances = 'remittances:AFFECTS:mexico-covid-recession';
  let created: GraphNode;

  function seed(dir: string, ...args: string[]): Promise<ScriptRun> {
    return runScript('src/seed-db.ts', args, {
      NEO4J_URI: target.uri,
      NEO4J_USERNAME: target.username,
      NEO4J_PASSWORD: target.password,
      SEEDS_DIR: dir,
    });
  }
  /** Everything in the database, to show a run left it as it was. */
  async function snapshot(): Promise<unknown> {
    const nodes = await runCypher(executor.driver, 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.id, n.seq, labels(n)[0]');
    const rels = await runCypher(
      executor.driver,
      'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS properties, b.id AS b ORDER BY a, type, b, r.id',
    );
    return { nodes: nodes.records.map((r) => r.toObject()), rels: rels.records.map((r) => r.toObject()) };
  }
  async function count(cypher: string): Promise<number> {
    return neo4j.integer.toNumber((await runCypher(executor.driver, cypher)).records[0].get(0));
  }
  async function observation(id: string): Promise<Observation | undefined> {
    const [list] = await store.getObservations([{ metricId: id.split('@')[0] }]);
    return list.find((o) => o.id === id);
  }
  /** The 1-based line of the first line of `file` in the copy containing `text`, as `path:line` the CLI prints. */
  function origin(text: string): string {
    const lines = readFileSync(join(copy, FILE), 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes(text));
    if (index < 0) throw new Error(`${text} not in ${FILE}`);
    return `${relative(process.cwd(), join(copy, FILE))}:${index + 1}`;
  }
  /** Replaces one line of the copy's file (it must be there exactly once), or removes it. */
  function edit(find: string, replace: (line: string) => string | null): void {
    const path = join(copy, FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.filter((line) => line.includes(find));
    if (at.length !== 1) throw new Error(`${find}: ${at.length} lines in ${FILE}`);
    const next = lines.flatMap((line) => (line.includes(find) ? (replace(line) === null ? [] : [replace(line)!]) : [line]));
    writeFileSync(path, next.join('\n'));
  }

  beforeAll(async () => {
    target = await startTestNeo4j();
    executor = await connectExecutor({ uri: target.uri, username: target.username, password: target.password, timeoutMs: 30_000 });
    store = new Neo4jStore(executor);
    await writeDataset(executor, dataset, { reset: true });
    copy = mkdtempSync(join(tmpdir(), 'usmx-seeds-'));
    for (const name of readdirSync('seeds').filter((n) => n.endsWith('.yaml'))) writeFileSync(join(copy, name), readFileSync(join('seeds', name)));
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await target?.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('curates seed records through the store; re-seeding unchanged seeds keeps them all and reports no conflict', async () => {
    await store.applyChange({ op: 'updateEntity', id: 'who', fields: { description: 'Curated WHO description.' }, ...meta() });
    await store.applyChange({ op: 'updateEntity', id: 'sp-global', fields: { name: 'S&P Global' }, ...meta() });
    await store.applyChange({ op: 'updateObservation', id: gdp2022(), fields: { value: 2.4 }, ...meta() });
    const moved = await store.applyChange({ op: 'updateObservation', id: gdp2023(), fields: { period: '2024' }, ...meta('erin') });
    expect(moved.observation!.id).toBe('mexico-gdp-growth@2024');
    await store.applyChange({ op: 'retireObservation', id: riskLower(), ...meta() });
    await store.applyChange({ op: 'updateObservation', id: gas(), fields: { value: 87 }, ...meta() });
    await store.applyChange({ op: 'retireRelationship', id: remittances, ...meta() });
    created = (await store.applyChange({ op: 'createEntity', entity: { id: 'curated-topic', kind: 'Topic', name: 'A curated topic' }, ...meta() })).node!;
    const version = await store.getDatasetVersion();

    const run = await seed('seeds');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/conflict|the seed changed/);
    expect(await store.getDatasetVersion()).toBe(version);
    expect((await store.getNodesByIds(['who']))[0]?.description).toBe('Curated WHO description.');
    expect((await observation(gdp2022()))?.value).toBe(2.4);
    expect(await observation('mexico-gdp-growth@2024')).toBeDefined();
    expect(await observation(gdp2023())).toBeUndefined();
    expect(await count(`MATCH (o:Observation {id: '${gdp2023()}'}) RETURN count(o)`)).toBe(0);
    expect(await observation(riskLower())).toBeUndefined();
    expect((await store.getNodesByIds(['curated-topic']))[0]?.name).toBe('A curated topic');
    const [edges] = await store.getRelationships([{ nodeId: 'remittances', direction: 'OUT' }]);
    expect(edges.map((e) => e.relationship.id)).not.toContain(remittances);
  }, 120_000);

  it('--dry-run over changed seeds lists the conflicts and writes nothing', async () => {
    edit('description: UN health agency whose report', () => '    description: Seeded WHO description.');
    edit('name: S&P Global Ratings', (line) => line.replace('S&P Global Ratings', 'S&P Global'));
    edit('metric: mexico-gdp-growth, value: 2.3,', (line) => line.replace('value: 2.3,', 'value: 2.5,'));
    edit('dimensions: { bound: lower }', (line) => line.replace(/note: "[^"]*"/, 'note: "Seeded note"'));
    edit('dimensions: { product: natural-gas', () => null);
    edit('{ from: remittances, type: AFFECTS, to: mexico-covid-recession', () => null);
    const before = await snapshot();
    const run = await seed(copy, '--dry-run');
    expect(run.code).toBe(0);
    expect(conflictLines(run)).toEqual(expectedConflicts('curated'));
    expect(run.stdout).toContain(`\n4 conflicts: ${KEPT}\n`);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  const conflictLines = (run: ScriptRun): string[] =>
    run.stdout
      .split('\n')
      .filter((line) => line.includes(': the seed changed since a curator changed it'))
      .sort();

  function expectedConflicts(kept: 'curated' | 'seeded'): string[] {
    const changed = `the seed changed since a curator changed it (kept ${kept})`;
    return [
      `${origin('id: who')}: entity who: ${changed}: description: curated "Curated WHO description.", seeded "Seeded WHO description."`,
      `${origin('value: 2.5,')}: observation ${gdp2022()}: ${changed}: value: curated 2.4, seeded 2.5`,
      `${origin('dimensions: { bound: lower }')}: observation ${riskLower()}: ${changed}: curated: retired; seeded: present`,
      `seeds: observation ${gas()}: ${changed}: curated: present; seeded: removed from the seeds`,
    ].sort();
  }

  it('re-seeding changed seeds keeps every curated record, reports each conflict with file:line, and exits 0', async () => {
    const run = await seed(copy);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(conflictLines(run)).toEqual(expectedConflicts('curated'));
    expect(lines).toContain(`4 conflicts: ${KEPT}`);
    // Kept as the curator left them.
    expect((await store.getNodesByIds(['who']))[0]?.description).toBe('Curated WHO description.');
    expect((await observation(gdp2022()))?.value).toBe(2.4);
    expect((await observation(gas()))?.value).toBe(87);
    expect(await observation('mexico-gdp-growth@2024')).toBeDefined();
    expect(await count(`MATCH (o:Observation {id: '${gdp2023()}'}) RETURN count(o)`)).toBe(0);
    expect(await observation(riskLower())).toBeUndefined();
    // A retired relationship the seeds removed: kept retired (not pruned), no conflict.
    expect(await count(`MATCH ()-[r {id: '${remittances}'}]->() WHERE r.retiredAt IS NOT NULL RETURN count(r)`)).toBe(1);
    expect((await store.getNodesByIds(['curated-topic']))[0]).toEqual(created);
    // Folded back (the seeds now say what the curator did): no conflict, and a seed record again.
    expect((await store.getNodesByIds(['sp-global']))[0]?.name).toBe('S&P Global');
    expect(await count("MATCH (n:Entity {id: 'sp-global'}) WHERE n.updatedBy IS NULL AND n.seedBase IS NULL RETURN count(n)")).toBe(1);

    // Again: the same conflicts, nothing else changes.
    const version = await store.getDatasetVersion();
    const again = await seed(copy);
    expect(again.stdout).toContain(`\n4 conflicts: ${KEPT}\n`);
    expect(await store.getDatasetVersion()).toBe(version);
  }, 120_000);

  it('--overwrite-curated applies the seeds over curated seed records, says how many, and writes overwriteBySeed history', async () => {
    const run = await seed(copy, '--overwrite-curated');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(conflictLines(run)).toEqual(expectedConflicts('seeded'));
    const reverted = [
      `entity who`,
      `observation ${gdp2022()}`,
      `observation ${riskLower()}`,
      `observation ${gdp2023()}`,
      `observation ${gas()}`,
      `relationship ${remittances}`,
    ];
    const summary = lines.find((line) => line.startsWith('4 conflicts; reverted '));
    expect(summary).toMatch(/^4 conflicts; reverted 6 curated records to the seeds: /);
    expect(
      summary!
        .replace(/^.*to the seeds: /, '')
        .split(', ')
        .sort(),
    ).toEqual(reverted.sort());

    const seeded = loadSeeds(copy);
    expect((await store.getNodesByIds(['who']))[0]?.description).toBe('Seeded WHO description.');
    expect((await observation(gdp2022()))?.value).toBe(2.5);
    expect(await observation(gdp2023())).toEqual(seeded.observations.find((o) => o.id === gdp2023()));
    expect(await observation('mexico-gdp-growth@2024')).toBeUndefined();
    expect((await observation(riskLower()))?.note).toBe('Seeded note');
    expect(await count(`MATCH (o:Observation {id: '${gas()}'}) RETURN count(o)`)).toBe(0);
    expect(await count(`MATCH ()-[r {id: '${remittances}'}]->() RETURN count(r)`)).toBe(0);
    // A curator's own record the seeds do not have stays either way.
    expect((await store.getNodesByIds(['curated-topic']))[0]).toEqual(created);
    // The version is the digest of what the graph holds: the seeds and the curated topic.
    expect(await store.getDatasetVersion()).toBe(datasetVersion({ ...seeded, nodes: [...seeded.nodes, created] }));

    const [who, moved, retired] = await store.getHistory([
      { kind: 'ENTITY', id: 'who' },
      { kind: 'OBSERVATION', id: gdp2023() },
      { kind: 'OBSERVATION', id: riskLower() },
    ]);
    expect(who.map((e) => [e.op, e.recordedBy])).toEqual([
      ['updateEntity', 'dana'],
      ['overwriteBySeed', 'seed'],
    ]);
    expect(who[1]).toMatchObject({
      sources: [],
      fields: [{ field: 'description', before: 'Curated WHO description.', after: 'Seeded WHO description.' }],
      previousId: null,
    });
    expect(moved.map((e) => [e.op, e.previousId])).toEqual([
      ['updateObservation', gdp2023()],
      ['overwriteBySeed', 'mexico-gdp-growth@2024'],
    ]);
    expect(moved[1].fields).toEqual([{ field: 'period', before: '2024', after: '2023' }]);
    expect(retired.map((e) => e.op)).toEqual(['retireObservation', 'overwriteBySeed']);

    // Nothing curated is left to revert: the same run again reports nothing.
    const again = await seed(copy, '--overwrite-curated');
    expect(again.stdout).toContain('\n0 conflicts; reverted 0 curated records to the seeds\n');
  }, 120_000);
});
