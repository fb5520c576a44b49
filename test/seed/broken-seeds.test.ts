import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSeeds, type SeedIssue } from '../../src/seed';

/**
 * Each directory under test/fixtures/broken-seeds/ is a small seed set that would be valid but
 * for one kind of defect (multiple-defects has several). Validation must reject it and report
 * the defect at its exact file and line, naming the offending value.
 */
const ROOT = resolve(__dirname, '../..');
const BROKEN = join(ROOT, 'test/fixtures/broken-seeds');
const VALID = join(ROOT, 'test/fixtures/valid-seeds');

interface Case {
  /** Directory under test/fixtures/broken-seeds/. */
  readonly fixture: string;
  /** File (in that directory) and line of the defect. */
  readonly file: string;
  readonly line: number;
  /** Text the issue's message must contain: the offending value. */
  readonly contains: string;
  /** How many issues the fixture yields in all (a defect may have a knock-on effect). */
  readonly count: number;
}

const CASES: readonly Case[] = [
  { fixture: 'unknown-kind', file: '00-seeds.yaml', line: 5, contains: '"Country"', count: 1 },
  { fixture: 'unknown-edge-type', file: '00-seeds.yaml', line: 8, contains: '"BORDERS"', count: 1 },
  { fixture: 'forbidden-edge', file: '00-seeds.yaml', line: 9, contains: 'PARTY_TO may not join Topic trade', count: 1 },
  { fixture: 'dangling-id', file: '00-seeds.yaml', line: 11, contains: '"nafta-2"', count: 1 },
  { fixture: 'duplicate-id', file: '10-more.yaml', line: 5, contains: 'duplicate id "mexico"', count: 1 },
  { fixture: 'missing-source', file: '00-seeds.yaml', line: 5, contains: 'node canada: sources', count: 1 },
  { fixture: 'unknown-citation', file: '00-seeds.yaml', line: 10, contains: '"census-2021#7"', count: 1 },
  { fixture: 'malformed-date', file: '00-seeds.yaml', line: 8, contains: '"2021-13-40"', count: 1 },
  { fixture: 'malformed-date-block', file: '00-seeds.yaml', line: 10, contains: '"2021-02-30"', count: 1 },
  { fixture: 'malformed-valid-from', file: '00-seeds.yaml', line: 11, contains: '"2020-07-32"', count: 1 },
  { fixture: 'malformed-number', file: '00-seeds.yaml', line: 8, contains: '"1,660,000"', count: 1 },
  { fixture: 'unknown-unit', file: '00-seeds.yaml', line: 8, contains: '"BILLION_USD"', count: 1 },
  { fixture: 'malformed-period', file: '00-seeds.yaml', line: 9, contains: '"2021-Q3"', count: 1 },
  { fixture: 'reversed-period', file: '00-seeds.yaml', line: 7, contains: '"2021/2020"', count: 1 },
  // An undated figure dated with its source's year: the note admits the source gives no date.
  {
    fixture: 'invented-period',
    file: '00-seeds.yaml',
    line: 9,
    contains: 'period 2022 is invented: the note says the source gives no date ("undated")',
    count: 1,
  },
  { fixture: 'metric-without-observations', file: '00-seeds.yaml', line: 5, contains: 'metric truck-crossings has no observations', count: 1 },
  {
    fixture: 'split-alias',
    file: '00-seeds.yaml',
    line: 7,
    contains: 'aliases: "Justice", "Diversity", "and Migration" look like one alias split at its commas',
    count: 1,
  },
  {
    fixture: 'reported-not-source-year',
    file: '00-seeds.yaml',
    line: 9,
    contains: 'reported: expected the publication year of a source it cites (2022), received 2021',
    count: 1,
  },
  { fixture: 'yaml-syntax-error', file: '00-seeds.yaml', line: 7, contains: 'name: Mexico: the United Mexican States', count: 1 },
  // The typo also leaves the node without sources: that knock-on issue is reported on the item's first line.
  { fixture: 'self-loop', file: '00-seeds.yaml', line: 9, contains: 'AFFECTS edge: usmca -> usmca joins usmca to itself', count: 1 },
  {
    fixture: 'broken-cycle',
    file: '00-seeds.yaml',
    line: 11,
    contains: 'BROADER edge security -> fentanyl closes a cycle (fentanyl -> drugs -> security -> fentanyl)',
    count: 1,
  },
  {
    fixture: 'slide-out-of-range',
    file: '00-seeds.yaml',
    line: 5,
    contains: '"deck-2022#99999999999999999999999": expected a slide number from 1 to 10000',
    count: 1,
  },
  { fixture: 'bad-dimension-key', file: '00-seeds.yaml', line: 7, contains: 'dimension key "port;x=y"', count: 1 },
  { fixture: 'id-too-long', file: '00-seeds.yaml', line: 4, contains: 'at most 100 characters', count: 1 },
  { fixture: 'unknown-field', file: '00-seeds.yaml', line: 8, contains: 'unknown field "sorces"', count: 2 },
];

const show = (issues: readonly SeedIssue[]): string[] => issues.map((i) => `${i.file}:${i.line}: ${i.message}`);

describe('broken seed fixtures', () => {
  it('are all covered by a case', () => {
    const dirs = readdirSync(BROKEN, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(dirs).toEqual([...CASES.map((c) => c.fixture), 'multiple-defects'].sort());
    expect(CASES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(CASES)('$fixture: rejected at $file:$line naming $contains', ({ fixture, file, line, contains, count }) => {
    const check = checkSeeds(join(BROKEN, fixture));
    expect(check.dataset).toBeNull();
    const hit = check.issues.find((i) => i.file.endsWith(`${fixture}/${file}`) && i.line === line && i.message.includes(contains));
    // On failure, show every issue so the mismatch is obvious.
    expect(hit ? [] : show(check.issues)).toEqual([]);
    expect(show(check.issues)).toHaveLength(count);
  });

  it('multiple-defects: every problem in every file is reported at once, in file and line order', () => {
    const check = checkSeeds(join(BROKEN, 'multiple-defects'));
    expect(check.dataset).toBeNull();
    expect(check.files).toHaveLength(4);
    const where = check.issues.map((i) => `${i.file.slice(i.file.lastIndexOf('/') + 1)}:${i.line}`);
    expect(where).toEqual(['00-core.yaml:6', '10-edges.yaml:4', '10-edges.yaml:5', '20-observations.yaml:8', '20-observations.yaml:13', '30-broken.yaml:6']);
    const messages = check.issues.map((i) => i.message);
    expect(messages[0]).toContain('unknown kind "Drug"');
    expect(messages[1]).toContain('unknown node "migration"');
    expect(messages[2]).toContain('unknown edge type "NEIGHBOURS"');
    expect(messages[3]).toContain('"614,5"');
    expect(messages[4]).toContain('"2019-13"');
    expect(messages[5]).toMatch(/^YAML syntax: .*name: Canada: the northern partner/);
  });
});

describe('the valid fixture', () => {
  it('loads into a dataset with no issues', () => {
    const check = checkSeeds(VALID);
    expect(show(check.issues)).toEqual([]);
    expect(check.dataset).not.toBeNull();
    const dataset = check.dataset!;
    expect(dataset.nodes).toHaveLength(7);
    expect(dataset.relationships).toHaveLength(4);
    expect(dataset.observations).toEqual([
      expect.objectContaining({
        metricId: 'us-mexico-goods-trade',
        value: 661.2,
        unit: 'USD_BILLION',
        period: '2021',
        periodStart: '2021-01-01',
        periodEnd: '2021-12-31',
      }),
    ]);
    expect(dataset.nodes.find((n) => n.id === 'usmca')).toMatchObject({
      dates: { signed: '2018-11-30', inForce: '2020-07-01' },
      sources: [{ sourceId: 'deck-2022', slide: 3 }],
    });
  });
});

describe('npm run seeds:check (src/seed/check.ts)', () => {
  const run = (dir: string) => spawnSync('npx', ['tsx', 'src/seed/check.ts', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('exits 1 and prints file:line: and the value for a broken fixture', () => {
    const dir = 'test/fixtures/broken-seeds/malformed-number';
    const result = run(dir);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${dir}/00-seeds.yaml:8: `);
    expect(result.stderr).toContain('1,660,000');
    expect(result.stderr).toContain('1 problem(s) in 1 seed file(s)');
    expect(result.stdout).toBe('');
  });

  it('exits 0 and prints "seeds OK" for a valid fixture', () => {
    const result = run('test/fixtures/valid-seeds');
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^seeds OK \(2 files, version [0-9a-f]{16}\): 7 nodes .*, 4 edges, 1 observations\n$/);
  });
});
