/**
 * `npm run seed` against a real Neo4j: arguments are checked before anything connects, `--reset`
 * removes this project's nodes only, `--dry-run` says what would change and writes nothing, and
 * progress lines go to stderr while it writes. A private Neo4j: it resets and adds foreign nodes.
 */
import neo4j from 'neo4j-driver';
import { Neo4jStore, connectExecutor, writeDataset, type Neo4jExecutor } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { runCypher } from '../helpers/neo4j-cypher';
import { describeNeo4j } from '../helpers/neo4j-target';
import { runScript, type ScriptRun } from '../helpers/run-script';
import { startTestNeo4j, type TestNeo4j } from './start';

describeNeo4j('npm run seed (private Neo4j)', () => {
  const dataset = seedDataset();
  let target: TestNeo4j;
  let executor: Neo4jExecutor;
  let store: Neo4jStore;

  function seed(...args: string[]): Promise<ScriptRun> {
    return seedAt(target.uri, ...args);
  }
  function seedAt(uri: string, ...args: string[]): Promise<ScriptRun> {
    return runScript('src/seed-db.ts', args, { NEO4J_URI: uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: target.password });
  }

  async function count(cypher: string): Promise<number> {
    return neo4j.integer.toNumber((await runCypher(executor.driver, cypher)).records[0].get(0));
  }
  /** Everything in the database, to show a run left it as it was. */
  async function snapshot(): Promise<unknown> {
    const nodes = await runCypher(executor.driver, 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.id, labels(n)[0]');
    const rels = await runCypher(
      executor.driver,
      'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS properties, b.id AS b ORDER BY a, type, b, r.id',
    );
    return { nodes: nodes.records.map((r) => r.toObject()), rels: rels.records.map((r) => r.toObject()) };
  }

  beforeAll(async () => {
    target = await startTestNeo4j();
    executor = await connectExecutor({ uri: target.uri, username: target.username, password: target.password, timeoutMs: 30_000 });
    store = new Neo4jStore(executor);
    await writeDataset(executor, dataset, { reset: true });
    await runCypher(executor.driver, "CREATE (:Other {name: 'not ours'})-[:KNOWS]->(:Other {name: 'also not ours'})");
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await target?.stop();
  });

  it('--help prints the usage and touches nothing', async () => {
    await runCypher(executor.driver, "MATCH (n:Entity {id: 'nafta'}) SET n.name = 'changed by hand'");
    const before = await snapshot();
    const run = await seed('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run seed -- \[--reset\] \[--dry-run\] \[--overwrite-curated\]\n/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown option (a typo of --reset) or an argument with the usage and exit 2, before connecting', async () => {
    const before = await snapshot();
    const typo = await seed('--rest');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^seed: Unknown option '--rest'.*\n\nusage: npm run seed -- \[--reset\] \[--dry-run\] \[--overwrite-curated\]\n/s);
    expect(typo.stdout).toBe('');
    const positional = await seed('reset');
    expect(positional.code).toBe(2);
    expect(positional.stderr).toMatch(/^seed: Unexpected argument 'reset'/);
    expect(await snapshot()).toEqual(before);
  });

  it('--dry-run says what would change and writes nothing', async () => {
    await runCypher(executor.driver, "MATCH (n:Entity {id: 'usmca'}) DETACH DELETE n");
    await runCypher(executor.driver, 'MATCH (o:Observation) WITH o ORDER BY o.id LIMIT 2 DETACH DELETE o');
    await runCypher(executor.driver, "CREATE (:Entity:Topic {id: 'stale-topic', kind: 'Topic', name: 'Not in the seeds'})");
    const usmcaEdges = dataset.relationships.filter((r) => r.from === 'usmca' || r.to === 'usmca').length;
    const before = await snapshot();
    const run = await seed('--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `dry run against ${new URL(target.uri).protocol}//${new URL(target.uri).host}, dataset ${dataset.version}: nothing written`,
        `nodes: 1 to create, 1 to update, ${dataset.nodes.length - 2} unchanged, 1 to remove`,
        `relationships: ${usmcaEdges} to create, 0 to update, ${dataset.relationships.length - usmcaEdges} unchanged, 0 to remove`,
        `observations: 2 to create, 0 to update, ${dataset.observations.length - 2} unchanged, 0 to remove`,
        '',
      ].join('\n'),
    );
    const projectNodes = await count('MATCH (n) WHERE n:Entity OR n:Observation OR n:Dataset RETURN count(n)');
    const reset = await seed('--dry-run', '--reset');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(`reset: would remove ${projectNodes} nodes of this project (Entity, Observation, Dataset, Change); other nodes stay\n`);
    expect(reset.stdout).toContain(`nodes: ${dataset.nodes.length} to create, 0 to update, 0 unchanged, 0 to remove\n`);
    expect(await snapshot()).toEqual(before);
  });

  it("--reset removes this project's nodes only, says how many, and shows progress while it writes", async () => {
    const projectNodes = await count('MATCH (n) WHERE n:Entity OR n:Observation OR n:Dataset RETURN count(n)');
    const run = await seed('--reset');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`reset: removed ${projectNodes} nodes of this project (Entity, Observation, Dataset, Change); other nodes stay\n`);
    expect(run.stderr).toContain(`seeding nodes 200/${dataset.nodes.length}\n`);
    expect(run.stderr).toContain(`seeding nodes ${dataset.nodes.length}/${dataset.nodes.length}\n`);
    expect(run.stderr).toContain(`seeding observations ${dataset.observations.length}/${dataset.observations.length}\n`);
    expect(await count("MATCH (:Other {name: 'not ours'})-[:KNOWS]->(:Other {name: 'also not ours'}) RETURN count(*)")).toBe(1);
    expect(await count("MATCH (n:Entity {id: 'stale-topic'}) RETURN count(n)")).toBe(0);
    expect(await store.getDatasetVersion()).toBe(dataset.version);
    const again = await seed('--dry-run');
    expect(again.stdout).toContain(`nodes: 0 to create, 0 to update, ${dataset.nodes.length} unchanged, 0 to remove\n`);
    expect(again.stdout).toContain(`relationships: 0 to create, 0 to update, ${dataset.relationships.length} unchanged, 0 to remove\n`);
    expect(again.stdout).toContain(`observations: 0 to create, 0 to update, ${dataset.observations.length} unchanged, 0 to remove\n`);
  }, 60_000);

  it('names an unreachable Neo4j by host and port, never with the password in NEO4J_URI', async () => {
    const run = await seedAt('bolt://neo4j:s3cret-pw@127.0.0.1:9', '--dry-run');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^seed failed: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9: .*\n$/);
    expect(`${run.stdout}${run.stderr}`).not.toContain('s3cret-pw');
  });
});
