/*
 * `npm run seed [-- --reset] [--dry-run] [--overwrite-curated]` (compiled: `node dist/seed-db.js`):
 * validates the seeds, then writes them into the Neo4j at NEO4J_URI idempotently (MERGE in UNWIND
 * batches, a transaction per batch; progress on stderr: a bar per part on a terminal, else a line
 * per batch) and prints the counts per kind.
 * Curated work is kept: a record a curator created, corrected or retired stays as the curator left
 * it, and each one whose seed item changed since is printed as a conflict (file:line of the seed
 * item, the curated and seeded values; domain/seed-conflicts.ts), with a summary line; conflicts
 * are reported, not errors (exit 0). `--overwrite-curated` applies the seeds over every curated
 * seed record instead (an `overwriteBySeed` change record on each) and lists those it reverted.
 * `--reset` first removes this project's nodes (its labels: :Entity, :Observation, :Dataset,
 * :Change) and says how many; other nodes in the database stay. `--dry-run` writes nothing: it
 * says what would be created, updated, left unchanged and removed, and the conflicts. Unknown
 * options or arguments: the usage and exit 2, before anything connects.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { NODE_KINDS, formatSeedConflict } from './domain';
import { startProgress, type Progress } from './progress';
import { exitOnError } from './exit-on-error';
import { loadSeeds } from './seed';
import { Neo4jStore, connectExecutor, planDataset, writeDataset, type CuratedPlan, type SeedPartPlan } from './store/neo4j';

const USAGE = `usage: npm run seed -- [--reset] [--dry-run] [--overwrite-curated]

  --reset              first remove this project's nodes (labels Entity, Observation, Dataset,
                       Change) and their relationships, and say how many; other nodes stay
  --dry-run            validate the seeds, connect, and print what seeding would create, update,
                       leave unchanged and remove (with --reset: how many nodes it would remove)
                       and the conflicts with curated records; writes nothing
  --overwrite-curated  apply the seeds over the seed records curators corrected or retired (and
                       over curators' records the seeds now have), and list them
  --help               this text; touches nothing

Writes the seeds (SEEDS_DIR) into the Neo4j at NEO4J_URI (NEO4J_USERNAME, NEO4J_PASSWORD,
NEO4J_DATABASE), idempotently: seeding twice leaves the same graph. Records curators created,
corrected or retired are kept as they left them; a seed item changed since is a conflict,
printed with its file:line (exit code 0).`;

/** A usage error: the message and the usage on stderr, exit 2. */
class UsageError extends Error {}

function parse(argv: string[]): { reset: boolean; dryRun: boolean; overwriteCurated: boolean; help: boolean } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        reset: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'overwrite-curated': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    return {
      reset: values.reset === true,
      dryRun: values['dry-run'] === true,
      overwriteCurated: values['overwrite-curated'] === true,
      help: values.help === true,
    };
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

/**
 * The conflict lines and a summary; with `--overwrite-curated`, the records reverted to the
 * seeds. `would`: a dry run's wording.
 */
function curatedLines(curated: Pick<CuratedPlan, 'conflicts' | 'reverted'>, overwrite: boolean, would: boolean): string[] {
  const lines = curated.conflicts.map((c) => formatSeedConflict(c, overwrite ? 'seeded' : 'curated'));
  const n = curated.conflicts.length;
  const conflicts = `${n} conflict${n === 1 ? '' : 's'}`;
  if (overwrite) {
    const m = curated.reverted.length;
    const names = curated.reverted.map((r) => `${r.ref.kind.toLowerCase()} ${r.ref.id}`).join(', ');
    lines.push(`${conflicts}; ${would ? 'would revert' : 'reverted'} ${m} curated record${m === 1 ? '' : 's'} to the seeds${m > 0 ? `: ${names}` : ''}`);
  } else if (n > 0) {
    lines.push(`${conflicts}: curated records kept; --overwrite-curated applies the seeds`);
  }
  return lines;
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
      const plan = await planDataset(executor, dataset, { reset: args.reset, overwriteCurated: args.overwriteCurated });
      console.log(`dry run against ${server}, dataset ${dataset.version}: nothing written`);
      if (plan.reset !== null) console.log(`reset: would remove ${plan.reset} nodes of this project (Entity, Observation, Dataset, Change); other nodes stay`);
      console.log(planLine('nodes', plan.nodes));
      console.log(planLine('relationships', plan.relationships));
      console.log(planLine('observations', plan.observations));
      for (const line of curatedLines(plan.curated, args.overwriteCurated, true)) console.log(line);
      return;
    }
    const started = Date.now();
    const batchSize = 200;
    // A bar per part on a terminal; a line per batch otherwise (`seeding nodes 200/438`).
    const progress = new Map<string, Progress>();
    const report = await writeDataset(executor, dataset, {
      reset: args.reset,
      overwriteCurated: args.overwriteCurated,
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
    if (report.removed !== null) console.log(`reset: removed ${report.removed} nodes of this project (Entity, Observation, Dataset, Change); other nodes stay`);
    for (const line of curatedLines(report.curated, args.overwriteCurated, false)) console.log(line);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) exitOnError('seed', error, { exitCode: 2, after: `\n\n${USAGE}` });
  exitOnError('seed failed', error);
});
