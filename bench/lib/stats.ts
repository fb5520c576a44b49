/** Order statistics for benchmark samples. Pure functions, unit-tested in test/bench/stats.test.ts. */

function sorted(xs: readonly number[]): number[] {
  if (xs.length === 0) throw new Error('stats: expected at least one sample, received none');
  for (const x of xs) if (!Number.isFinite(x)) throw new Error(`stats: expected finite samples, received ${x}`);
  return [...xs].sort((a, b) => a - b);
}

/** The middle value (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile, `p` from 0 to 100 (p50 of [1,2,3,4] is 2; p100 is the maximum). */
export function percentile(xs: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile: expected p from 0 to 100, received ${p}`);
  const s = sorted(xs);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

export function mean(xs: readonly number[]): number {
  return sorted(xs).reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation divided by the mean (0 for a single sample). */
export function coefficientOfVariation(xs: readonly number[]): number {
  const m = mean(xs);
  if (xs.length < 2 || m === 0) return 0;
  const variance = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  return Math.sqrt(variance) / Math.abs(m);
}

/** Rounds to `digits` significant decimals for reports (not for further arithmetic). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
