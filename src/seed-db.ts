/*
 * `npm run seed [-- --reset] [--dry-run]` (compiled: `node dist/seed-db.js`): validates the seeds,
 * then writes them into the Neo4j at NEO4J_URI idempotently (MERGE in UNWIND batches, a
 * transaction per batch; progress on stderr: a bar per part on a terminal, else a line per batch)
 * and prints the counts per kind.
 * `--reset` first removes this project's nodes (its labels: :Entity, :Observation, :Dataset) and
 * says how many; other nodes in the database stay. `--dry-run` writes nothing: it says what would
 * be created, updated, left unchanged and removed. Unknown options or arguments: the usage and
 * exit 2, before anything connects.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { NODE_KINDS } from './domain';
import { startProgress, type Progress } from './progress';
import { exitOnError } from './exit-on-error';
import { loadSeeds } from './seed';
import { Neo4jStore, connectExecutor, planDataset, writeDataset, type SeedPartPlan } from './store/neo4j';

const USAGE = `usage: npm run seed -- [--reset] [--dry-run]

  --reset    first remove this project's nodes (labels Entity, Observation, Dataset) and their
             relationships, and say how many; other nodes in the database stay
  --dry-run  validate the seeds, connect, and print what seeding would create, update, leave
             unchanged and remove (with --reset: how many nodes it would remove); writes nothing
  --help     this text; touches nothing

Writes the seeds (SEEDS_DIR) into the Neo4j at NEO4J_URI (NEO4J_USERNAME, NEO4J_PASSWORD,
NEO4J_DATABASE), idempotently: seeding twice leaves the same graph; curated records are kept.`;

/** A usage error: the message and the usage on stderr, exit 2. */
class UsageError extends Error {}

function parse(argv: string[]): { reset: boolean; dryRun: boolean; help: boolean } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { reset: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    return { reset: values.reset === true, dryRun: values['dry-run'] === true, help: values.help === true };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The server without credentials (`bolt://host:port`): a URI's userinfo never reaches output. */
function where(uri: string): string {
  try {
    const url = new URL(uri);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'NEO4J_URI';
  }
}

function planLine(name: string, plan: SeedPartPlan): string {
  return `${name}: ${plan.create} to create, ${plan.update} to update, ${plan.unchanged} unchanged, ${plan.remove} to remove`;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  if (!config.neo4j) throw new ConfigError('NEO4J_URI', 'the Bolt URI of the Neo4j to seed (e.g. bolt://localhost:7687)', '');
  const server = where(config.neo4j.uri);
  const dataset = loadSeeds(config.seedsDir);
  const executor = await connectExecutor(config.neo4j);
  const store = new Neo4jStore(executor);
  try {
    if (args.dryRun) {
      const plan = await planDataset(executor, dataset, { reset: args.reset });
      console.log(`dry run against ${server}, dataset ${dataset.version}: nothing written`);
      if (plan.reset !== null) console.log(`reset: would remove ${plan.reset} nodes of this project (Entity, Observation, Dataset); other nodes stay`);
      console.log(planLine('nodes', plan.nodes));
      console.log(planLine('relationships', plan.relationships));
      console.log(planLine('observations', plan.observations));
      return;
    }
    const started = Date.now();
    const batchSize = 200;
    // A bar per part on a terminal; a line per batch otherwise (`seeding nodes 200/438`).
    const progress = new Map<string, Progress>();
    const report = await writeDataset(executor, dataset, {
      reset: args.reset,
      batchSize,
      onProgress: (part, done, total) => {
        let bar = progress.get(part);
        if (!bar) progress.set(part, (bar = startProgress(`seeding ${part}`, total, { everyItems: batchSize })));
        bar.update(done);
        if (done === total) bar.finish();
      },
    });
    const stats = await store.getStats();
    const kinds = NODE_KINDS.map((k) => `${k} ${stats.nodesByKind[k] ?? 0}`).join(', ');
    console.log(`seeded ${server} with dataset ${await store.getDatasetVersion()}${args.reset ? ' (after reset)' : ''} in ${Date.now() - started} ms`);
    console.log(`nodes: ${kinds}`);
    console.log(`relationships: ${stats.relationships}, observations: ${stats.observations}`);
    if (report.removed !== null) console.log(`reset: removed ${report.removed} nodes of this project (Entity, Observation, Dataset); other nodes stay`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) exitOnError('seed', error, { exitCode: 2, after: `\n\n${USAGE}` });
  exitOnError('seed failed', error);
});
