/*
 * `npm run export -- --format json|csv|graphml|jsonld|yaml [--id <entity> [--depth 1..3]] [--out PATH]`
 * (compiled: `node dist/export-cli.js`): the same exports as `GET /export`, from the embedded
 * store over the seeds plus the curated changes in its journal (JOURNAL_PATH, read only: never
 * created, cut or moved), or from the Neo4j at NEO4J_URI when it is set. Without --out a file
 * goes to stdout (so does `--out -`); CSV is written as `<out>-nodes.csv`, `<out>-edges.csv` and
 * `<out>-observations.csv` (`--out` a directory: files named after the scope and version there).
 * YAML (seed files, for folding curated changes back into seeds/) goes to `<dir>/curated.yaml`
 * for a directory, and the CLI prints what differs from the seeds. Every error is one line on
 * stderr naming what was expected and what arrived, never a stack: exit 2 for a usage error, 1 for
 * one at run time (a path it cannot write, a damaged journal, an unreachable Neo4j).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config';
import { DomainError, ErrorCode, type GraphStore } from './domain';
import {
  CSV_PARTS,
  collectGraph,
  type CollectProgress,
  type CollectStep,
  csvFilename,
  diffAgainstSeeds,
  exportBasename,
  explainError,
  formatSeedDiff,
  parseExportOptions,
  renderExport,
  type ExportGraph,
  type ExportOptions,
} from './export';
import { startProgress, type Progress } from './progress';
import { exitOnError } from './exit-on-error';
import { SeedValidationError, loadSeeds } from './seed';
import { JournalError, MemoryStore, seedConflictReport } from './store/memory';
import { Neo4jConnectError, Neo4jStore, connectExecutor } from './store/neo4j';

const USAGE = `usage: npm run export -- --format json|csv|graphml|jsonld|yaml [--id ENTITY [--depth 1..3]] [--part nodes|edges|observations] [--base IRI] [--out PATH]

  --format   json (default), csv, graphml, jsonld, or yaml (the whole graph as one seed file)
  --id       export the neighbourhood of this entity instead of the whole graph (not for yaml)
  --depth    hops from --id, following edges both ways (default 1)
  --part     CSV only: write just this table (default: nodes, edges and observations)
  --base     JSON-LD only: prefix of entity IRIs (default urn:usmx:)
  --out      a file, a CSV prefix (<out>-nodes.csv, …), a directory (ending in / or existing;
             created when missing) or - for stdout; default stdout (CSV: files in the current
             directory, or one table on stdout with --out - and --part; YAML: <dir>/curated.yaml)

Reads the seeds (SEEDS_DIR) and the curated changes in the journal (JOURNAL_PATH, read only) into
the embedded store, or the Neo4j at NEO4J_URI when it is set. With --format yaml, also prints how
many entities, edges and observations were added, changed or retired against the seeds.`;

/** An error the user can act on: one line on stderr and this exit code (2 usage, 1 run time). */
class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Why a file could not be written, by the errno code the file system gave. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENAMETOOLONG: 'a name longer than the file system allows',
  ENOENT: 'a directory on the path does not exist',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
  EISDIR: 'the path is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOSPC: 'no space left on the device',
};

/** A path for a one-line message: quoted, long ones cut in the middle. */
function shown(target: string): string {
  return target.length > 120 ? `${JSON.stringify(`${target.slice(0, 60)}…${target.slice(-40)}`)} (${target.length} characters)` : JSON.stringify(target);
}

/** The file `--out DIR --format yaml` writes: the whole curated graph, for review against seeds/. */
export const CURATED_YAML = 'curated.yaml';

/**
 * The embedded store over the seeds with the journal replayed READ ONLY (a server may be
 * appending to it), or Neo4j when NEO4J_URI is set (it must already hold the seeds).
 */
async function openStore(config: Config): Promise<GraphStore> {
  if (!config.neo4j) {
    const seeds = loadSeeds(config.seedsDir);
    try {
      const store = MemoryStore.open(seeds, { journalPath: config.journalPath, readOnly: true, warn: (message) => console.error(message) });
      // Seed records changed since a curator changed them: the export has the curated ones.
      for (const line of seedConflictReport(store.seedConflicts, config.journalPath)) console.error(line);
      return store;
    } catch (error) {
      // A damaged journal, or a record that no longer applies over the seeds: its message names the file and line.
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new CliError(
        1,
        error instanceof JournalError || message.startsWith('journal ') ? message : `JOURNAL_PATH ${shown(config.journalPath)}: ${message}`,
      );
    }
  }
  return new Neo4jStore(await connectExecutor(config.neo4j));
}

/** An existing directory, or a path ending in a separator (created on write). */
function isDirectory(target: string): boolean {
  return /[\\/]$/.test(target) || (fs.existsSync(target) && fs.statSync(target).isDirectory());
}

function write(file: string, body: string, out: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, body);
  } catch (error) {
    const reason = WRITE_FAILURES[(error as NodeJS.ErrnoException).code ?? ''];
    if (reason === undefined) throw error;
    throw new CliError(1, `--out: expected a path this process can write, received ${shown(out)}: ${reason}${file === out ? '' : ` (writing ${shown(file)})`}`);
  }
}

/** Refuses an --out that names nothing, or stdout for CSV tables that would run together. */
function checkOut(out: string | undefined, format: string, partGiven: boolean): void {
  if (out === '') throw new CliError(2, '--out: expected a file, a CSV prefix, a directory or - for stdout, received an empty string');
  if (out === '-' && format === 'csv' && !partGiven) {
    throw new CliError(2, '--out -: expected --part nodes|edges|observations with CSV on stdout (one table), received no --part');
  }
}

/** Writes the export where --out says and returns the files written (none for stdout). */
function writeExport(graph: ExportGraph, options: ExportOptions, out: string | undefined, partGiven: boolean): string[] {
  if (options.format === 'csv' && out !== '-') {
    const prefix = out === undefined ? exportBasename(graph) : isDirectory(out) ? path.join(out, exportBasename(graph)) : out.replace(/\.csv$/i, '');
    const parts = partGiven ? [options.part] : CSV_PARTS;
    return parts.map((part) => {
      const file = csvFilename(prefix, part);
      write(file, renderExport(graph, { ...options, part }).body, out ?? file);
      return file;
    });
  }
  const document = renderExport(graph, options);
  if (out === undefined || out === '-') {
    process.stdout.write(document.body);
    return [];
  }
  const file = isDirectory(out) ? path.join(out, options.format === 'yaml' ? CURATED_YAML : document.filename) : out;
  write(file, document.body, out);
  return [file];
}

/**
 * Progress of reading a large graph, on stderr: a bar per step on a terminal, else a line every
 * 10 s; nothing when the step ends within 2 s (the deck's graph exports silently, in well under).
 */
function collectProgress(): CollectProgress {
  const steps = new Map<CollectStep, Progress>();
  return (step, done, total) => {
    let progress = steps.get(step);
    if (!progress) steps.set(step, (progress = startProgress(`export: reading ${step}`, total, { quietMs: 2_000 })));
    progress.update(done);
    if (done >= total) progress.finish(done);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      id: { type: 'string' },
      depth: { type: 'string' },
      part: { type: 'string' },
      base: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const options = parseExportOptions(values);
  checkOut(values.out, options.format, values.part !== undefined);
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const graph = await collectGraph(store, options.scope, collectProgress());
    const files = writeExport(graph, options, values.out, values.part !== undefined);
    const summary = `${graph.nodes.length} entities, ${graph.relationships.length} relationships, ${graph.observations.length} observations, dataset ${graph.datasetVersion}, ${store.name} store`;
    console.error(files.length > 0 ? `wrote ${files.join(', ')} (${summary})` : `exported ${summary}`);
    if (options.format === 'yaml')
      console.error(`against the seeds in ${config.seedsDir}: ${formatSeedDiff(diffAgainstSeeds(graph, loadSeeds(config.seedsDir)))}`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const usage = String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS');
  if (usage || (error instanceof CliError && error.exitCode === 2) || explainError(error)?.code === ErrorCode.BAD_USER_INPUT) {
    exitOnError('export', error, { exitCode: 2, after: ' (--help for usage)' });
  }
  exitOnError('export failed', error, { expected: [CliError, DomainError, ConfigError, SeedValidationError, Neo4jConnectError] });
});
