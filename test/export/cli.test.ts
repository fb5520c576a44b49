import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { seedDataset } from '../helpers/dataset';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs src/export-cli.ts as `npm run export --` would (through tsx, without the build step), on the embedded store. */
function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/export-cli.ts', ...args], {
      // A journal that does not exist: the seeds alone, whatever data/journal.jsonl holds.
      env: { PATH: process.env.PATH ?? '', JOURNAL_PATH: join(tmpdir(), 'usmx-export-no-journal', 'journal.jsonl') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
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
    expect(run.stderr).toMatch(new RegExp(`^wrote .*graph-nodes\\.csv, .*graph-edges\\.csv, .*graph-observations\\.csv \\(${dataset.nodes.length} entities, ${dataset.relationships.length} relationships, ${dataset.observations.length} observations, dataset ${dataset.version}, memory store\\)\\n$`));
    const rows = (part: string) => parse(readFileSync(join(dir, `graph-${part}.csv`), 'utf8'), { bom: true, columns: true }) as unknown[];
    expect([rows('nodes').length, rows('edges').length, rows('observations').length]).toEqual([dataset.nodes.length, dataset.relationships.length, dataset.observations.length]);
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
});
