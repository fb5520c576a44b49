import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { seedDataset } from '../helpers/dataset';
import { runScript, type ScriptRun } from '../helpers/run-script';

/** Runs src/export-cli.ts as `npm run export --` would (through tsx, without the build step), on the embedded store. */
function runCli(args: string[], options: { journal?: string; cwd?: string; neo4jUri?: string } = {}): Promise<ScriptRun> {
  // By default a journal that does not exist: the seeds alone, whatever data/journal.jsonl holds.
  const env = {
    SEEDS_DIR: join(process.cwd(), 'seeds'),
    JOURNAL_PATH: options.journal ?? join(tmpdir(), 'usmx-export-no-journal', 'journal.jsonl'),
    ...(options.neo4jUri ? { NEO4J_URI: options.neo4jUri } : {}),
  };
  return runScript('src/export-cli.ts', args, env, options.cwd);
}

describe('npm run export', () => {
  const dataset = seedDataset();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes <out>-nodes.csv, <out>-edges.csv and <out>-observations.csv', async () => {
    const run = await runCli(['--format', 'csv', '--out', join(dir, 'graph')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^wrote .*graph-nodes\\.csv, .*graph-edges\\.csv, .*graph-observations\\.csv \\(${dataset.nodes.length} entities, ${dataset.relationships.length} relationships, ${dataset.observations.length} observations, dataset ${dataset.version}, memory store\\)\\n$`,
      ),
    );
    const rows = (part: string) => parse(readFileSync(join(dir, `graph-${part}.csv`), 'utf8'), { bom: true, columns: true }) as unknown[];
    expect([rows('nodes').length, rows('edges').length, rows('observations').length]).toEqual([
      dataset.nodes.length,
      dataset.relationships.length,
      dataset.observations.length,
    ]);
  });

  it('writes into a directory under a name saying the scope and the version', async () => {
    const out = join(dir, 'into');
    const run = await runCli(['--format', 'graphml', '--id', 'usmca', '--depth', '2', '--out', `${out}/`]);
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toEqual([`usmx-graph-usmca-depth2-${dataset.version}.graphml`]);
    expect(XMLValidator.validate(readFileSync(join(out, readdirSync(out)[0]), 'utf8'))).toBe(true);
  });

  it('prints to stdout without --out', async () => {
    const run = await runCli(['--format', 'json', '--id', 'nafta']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ datasetVersion: dataset.version, scope: { id: 'nafta', depth: 1 } });
  });

  it('refuses bad input with exit code 2 and the same message as the API', async () => {
    const run = await runCli(['--format', 'csv', '--id', 'usmca', '--depth', '9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('export: depth: expected an integer from 1 to 3, received "9" (--help for usage)\n');
    expect((await runCli(['--frmat', 'csv'])).code).toBe(2);
  });

  it('writes to stdout with --out - (CSV: one table, so --part is needed), and no file named -', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const json = await runCli(['--format', 'json', '--id', 'nafta', '--out', '-'], { cwd });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ datasetVersion: dataset.version, scope: { id: 'nafta', depth: 1 } });
    const csv = await runCli(['--format', 'csv', '--part', 'edges', '--out', '-'], { cwd });
    expect(csv.code).toBe(0);
    expect(parse(csv.stdout, { bom: true, columns: true })).toHaveLength(dataset.relationships.length);
    const tables = await runCli(['--format', 'csv', '--out', '-'], { cwd });
    expect([tables.code, tables.stderr]).toEqual([
      2,
      'export: --out -: expected --part nodes|edges|observations with CSV on stdout (one table), received no --part (--help for usage)\n',
    ]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("refuses --out '' as a usage error, in one line", async () => {
    const run = await runCli(['--format', 'json', '--out', '']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'export: --out: expected a file, a CSV prefix, a directory or - for stdout, received an empty string (--help for usage)\n',
    ]);
  });

  it('says in one line, without a stack, that it cannot write a name too long or under a file', async () => {
    const long = join(dir, `${'x'.repeat(300)}.json`);
    const tooLong = await runCli(['--format', 'json', '--out', long]);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toMatch(
      /^export failed: --out: expected a path this process can write, received "[^"\n]*…[^"\n]*" \(\d+ characters\): a name longer than the file system allows\n$/,
    );
    writeFileSync(join(dir, 'plain-file'), 'x');
    const underFile = await runCli(['--format', 'json', '--out', join(dir, 'plain-file', 'graph.json')]);
    expect([underFile.code, underFile.stderr]).toEqual([
      1,
      `export failed: --out: expected a path this process can write, received "${join(dir, 'plain-file', 'graph.json')}": a part of the path is a file, not a directory\n`,
    ]);
    expect(existsSync(long)).toBe(false);
  });

  it("names a damaged journal's file and line in one line, without a stack", async () => {
    const journal = join(dir, 'damaged.jsonl');
    writeFileSync(journal, '{"seq":1,"change":{},"sha256":"00"}\n{"seq":2,"change":{},"sha256":"00"}\n');
    const run = await runCli(['--format', 'json'], { journal });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^export failed: journal ${journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: checksum mismatch for seq 1; [^\n]*\n$`),
    );
  });

  it('names an unreachable Neo4j by host and port, never with the password in NEO4J_URI', async () => {
    const run = await runCli(['--format', 'json'], { neo4jUri: 'bolt://neo4j:s3cret-pw@127.0.0.1:9' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^export failed: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:9: .*\n$/);
    expect(run.stderr).not.toContain('s3cret-pw');
  });
});
