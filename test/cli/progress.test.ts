import { startProgress, type ProgressOptions } from '../../src/progress';

/** A stream that records what was written, and a clock the test moves by hand. */
function harness(isTTY: boolean) {
  const writes: string[] = [];
  let time = 1_000_000;
  const stream = { isTTY, columns: 120, write: (text: string) => writes.push(text) };
  return {
    writes,
    tick: (ms: number) => (time += ms),
    options: (extra: ProgressOptions = {}): ProgressOptions => ({ stream, now: () => time, ...extra }),
  };
}

describe('progress on stderr when it is not a terminal: plain lines', () => {
  it("prints a line every `everyItems` items and one at the end (the seed CLI's per-batch lines)", () => {
    const h = harness(false);
    const progress = startProgress('seeding nodes', 438, h.options({ everyItems: 200 }));
    for (const done of [200, 400, 438]) progress.update(done);
    progress.finish();
    expect(h.writes).toEqual(['seeding nodes 200/438\n', 'seeding nodes 400/438\n', 'seeding nodes 438/438\n']);
  });

  it('prints the end once for a part smaller than one batch', () => {
    const h = harness(false);
    const progress = startProgress('seeding observations', 150, h.options({ everyItems: 200 }));
    progress.update(150);
    progress.finish();
    progress.finish();
    expect(h.writes).toEqual(['seeding observations 150/150\n']);
  });

  it('prints at most one line per `everyMs` between item steps, with the unit and a detail', () => {
    const h = harness(false);
    const progress = startProgress('load', 60, h.options({ everyMs: 10_000, unit: ' s' }));
    for (let second = 1; second <= 60; second++) {
      h.tick(1_000);
      progress.update(second, `${second * 150} requests, 0 errors`);
    }
    progress.finish(60, '9000 requests, 0 errors');
    expect(h.writes).toEqual([
      'load 10/60 s, 1500 requests, 0 errors\n',
      'load 20/60 s, 3000 requests, 0 errors\n',
      'load 30/60 s, 4500 requests, 0 errors\n',
      'load 40/60 s, 6000 requests, 0 errors\n',
      'load 50/60 s, 7500 requests, 0 errors\n',
      'load 60/60 s, 9000 requests, 0 errors\n',
    ]);
  });

  it('stays silent for work that ends within `quietMs` (a small export prints only its summary)', () => {
    const h = harness(false);
    const progress = startProgress('export: edges of nodes', 438, h.options({ quietMs: 2_000 }));
    h.tick(300);
    progress.update(100);
    h.tick(300);
    progress.update(438);
    progress.finish();
    expect(h.writes).toEqual([]);
  });

  it('speaks once work outlasts `quietMs`: a first line at once, then every `everyMs`, then the end', () => {
    const h = harness(false);
    const progress = startProgress('export: edges of nodes', 1_000_000, h.options({ quietMs: 2_000, everyMs: 5_000 }));
    h.tick(1_000);
    progress.update(100_000);
    h.tick(1_500);
    progress.update(250_000);
    h.tick(2_000);
    progress.update(400_000);
    h.tick(3_000);
    progress.update(700_000);
    progress.finish();
    expect(h.writes).toEqual([
      'export: edges of nodes 250000/1000000\n',
      'export: edges of nodes 700000/1000000\n',
      'export: edges of nodes 1000000/1000000\n',
    ]);
  });

  it('refuses a total that is not a count', () => {
    expect(() => startProgress('x', Number.NaN)).toThrow('progress total: expected a number ≥ 0, received NaN');
  });
});

describe('progress on a terminal: a cli-progress bar', () => {
  it('draws the label, a bar, done/total, elapsed time and the detail, and leaves the finished bar on its line', () => {
    const h = harness(true);
    const progress = startProgress('seeding nodes', 438, h.options({ everyItems: 200 }));
    progress.update(200);
    progress.finish(438, '3 batches');
    const out = h.writes.join('');
    expect(out).toMatch(/seeding nodes \[-+\] 0\/438 0% \| 0s elapsed/);
    expect(out).toMatch(/seeding nodes \[=+\] 438\/438 100% \| \d+s elapsed \| 3 batches/);
    expect(out).not.toMatch(/ETA (NULL|INF|NaN)/);
    expect(out.endsWith('\n')).toBe(true);
    expect(out).not.toContain('seeding nodes 200/438\n');
  });

  it('shows nothing for work that ends within `quietMs`', () => {
    const h = harness(true);
    const progress = startProgress('export: reading edges', 438, h.options({ quietMs: 2_000 }));
    progress.update(300);
    progress.finish();
    expect(h.writes).toEqual([]);
  });
});
