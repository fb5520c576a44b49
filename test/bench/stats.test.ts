import { compareAB, measureLatency, type Side } from '../../bench/lib/ab';
import { assertOk, assertSameData } from '../../bench/lib/check';
import { goal, goalCell, goalRecord } from '../../bench/lib/report';
import { coefficientOfVariation, median, percentile } from '../../bench/lib/stats';
import { renderReport, WRAP_WIDTH, wrapProse } from '../../bench/report';

describe('bench statistics', () => {
  it('median takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('percentile is nearest-rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('coefficient of variation is the sample standard deviation over the mean', () => {
    expect(coefficientOfVariation([2, 2, 2])).toBe(0);
    expect(coefficientOfVariation([1, 3])).toBeCloseTo(Math.SQRT2 / 2, 10);
  });

  it('refuses empty or non-finite samples with what it expected and received', () => {
    expect(() => median([])).toThrow('expected at least one sample, received none');
    expect(() => median([1, NaN])).toThrow('expected finite samples, received NaN');
    expect(() => percentile([1], 101)).toThrow('expected p from 0 to 100, received 101');
  });
});

describe('interleaved A/B comparison', () => {
  /** A fake clock: each operation of a side advances it by that side's cost, so the ratio is known exactly. */
  let now = 0;
  const clock = () => now;
  const costing = (name: string, ms: number, calls: string[]): Side => ({
    name,
    async run() {
      calls.push(name);
      now += ms;
    },
  });

  it('alternates which side goes first, discards warm-up rounds and reports the median per-round ratio', async () => {
    const calls: string[] = [];
    const result = await compareAB(costing('A', 2, calls), costing('B', 1, calls), { rounds: 4, warmupRounds: 1, iterations: 3, clock });
    expect(result.ratios).toEqual([2, 2, 2, 2]);
    expect(result.ratio).toBe(2);
    expect(result.cv).toBe(0);
    expect(result.a).toMatchObject({ samples: 12, p50Ms: 2 });
    expect(result.b).toMatchObject({ samples: 12, p50Ms: 1 });
    // round 0 (warm-up): A first; round 1: B first; round 2: A first …
    expect(calls.slice(0, 6)).toEqual(['A', 'A', 'A', 'B', 'B', 'B']);
    expect(calls.slice(6, 12)).toEqual(['B', 'B', 'B', 'A', 'A', 'A']);
    expect(calls).toHaveLength(30);
  });

  it('calibrates the operations per round to the slower side', async () => {
    const result = await compareAB(costing('A', 10, []), costing('B', 5, []), { rounds: 1, warmupRounds: 0, targetRoundMs: 100, clock });
    expect(result.iterations).toBe(10);
  });

  it('calibrates on warm operations: each side runs for a round first, so a slow cold start does not shorten the rounds', async () => {
    const calls: string[] = [];
    let runs = 0;
    // The first 3 operations of A are cold (50 ms), then A costs 2 ms; B costs 1 ms.
    const cold: Side = {
      name: 'A',
      async run() {
        calls.push('A');
        now += runs++ < 3 ? 50 : 2;
      },
    };
    const result = await compareAB(cold, costing('B', 1, calls), { rounds: 1, warmupRounds: 0, targetRoundMs: 100, clock });
    expect(result.iterations).toBe(50);
    expect(result.ratio).toBe(2);
    // warm-up: A until 100 ms have passed (50 + 50), B for 100 ms; then 5 timed probes each
    expect(calls.slice(0, 2)).toEqual(['A', 'A']);
    expect(calls.slice(2, 102)).toEqual(Array(100).fill('B'));
  });

  it('a side whose answer is wrong fails the comparison instead of being timed', async () => {
    const bad: Side = { name: 'bad', run: async () => assertOk({ errors: [{ message: 'boom' }] }, 'bad side') };
    await expect(compareAB(bad, costing('B', 0, []), { rounds: 1, warmupRounds: 0, iterations: 1, clock })).rejects.toThrow(
      'bad side: expected no errors, received 1: boom',
    );
    await expect(measureLatency(bad, { samples: 1, warmup: 0, clock })).rejects.toThrow('boom');
  });

  it('checks name what differs', () => {
    expect(() => assertOk({ data: null }, 'q')).toThrow('q: expected data');
    expect(() => assertSameData({ a: [1, 2] }, { a: [2, 1] }, 'q')).toThrow('q: the two sides answered differently');
    expect(() => assertSameData({ a: [1, 2] }, { a: [1, 2] }, 'q')).not.toThrow();
  });
});

describe('BENCHMARKS.md rendering', () => {
  const environment = { date: '2026-11-27T22:00:00.000Z', commit: 'abc1234', node: 'v20', cpu: 'cpu', cores: 2, memoryGiB: 24, pinning: 'none' };

  it('puts the goal beside each figure and every goal in the summary', () => {
    const g = goal(1.3, '<=', 1.15);
    expect(goalCell(g)).toBe('≤ 1.15 ❌ missed');
    expect(goalCell(goal(0.95, '>=', 0.9))).toBe('≥ 0.9 ✅');
    const md = renderReport([
      {
        environment,
        section: {
          id: 'x',
          order: 1,
          title: 'X vs Y',
          method: 'Method text.',
          goals: [goalRecord('a|b: ours / plain', '1.30×', g), goalRecord('c: ours / plain', '0.95×', goal(0.95, '<=', 1.15))],
          tables: [{ title: 'T', columns: ['query', 'ratio', 'goal'], rows: [['a|b', '1.30×', goalCell(g)]] }],
          misses: ['a|b: 1.30× > 1.15'],
        },
      },
    ]);
    expect(md).toContain('| bench | measure | value | goal | met |');
    expect(md).toContain('| x | a\\|b: ours / plain | 1.30× | ≤ 1.15 | ❌ missed |');
    expect(md).toContain('| x | c: ours / plain | 0.95× | ≤ 1.15 | ✅ |');
    expect(md).toContain('| a\\|b | 1.30× | ≤ 1.15 ❌ missed |');
    // A section's notes are linked (not copied in), or their absence said where a goal was missed.
    expect(md).toContain('_No notes on the missed goals yet (bench/notes/x.md)._');
  });

  it('lists the misses of a result written before goal records existed', () => {
    const md = renderReport([{ environment, section: { id: 'old', order: 1, title: 'Old', method: 'M.', tables: [], misses: ['q: 0.5×, goal ≥ 0.9'] } }]);
    expect(md).toContain('| old | q: 0.5×, goal ≥ 0.9 | – | – | ❌ missed |');
  });

  it("links a bench's notes and wraps prose, never starting a line with a list marker", () => {
    // Twenty words fill a line of 100 columns: the '-' would start the next one.
    const method = `${'word '.repeat(20)}- not a list ${'word '.repeat(30)}`.trim();
    const md = renderReport([{ environment, section: { id: 'inprocess', order: 1, title: 'In', method, tables: [], misses: [] } }]);
    expect(md).toContain('[bench/notes/inprocess.md](bench/notes/inprocess.md)');
    const prose = md.split('\n').filter((line) => !line.startsWith('|'));
    expect(prose.filter((line) => line.length > WRAP_WIDTH + 10)).toEqual([]);
    expect(prose.filter((line) => /^- /.test(line))).toEqual([]);
    expect(wrapProse('| a |\n| --- |\n| b |')).toBe('| a |\n| --- |\n| b |');
  });

  it('refuses a row whose cell count does not match the columns', () => {
    expect(() =>
      renderReport([
        {
          environment,
          section: { id: 'y', order: 1, title: 'Y', method: '', tables: [{ title: 'T', columns: ['a', 'b'], rows: [['only one']] }], misses: [] },
        },
      ]),
    ).toThrow('a row has 1 cells, expected 2 (a, b)');
  });
});
