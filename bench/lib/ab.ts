import { performance } from 'node:perf_hooks';
import { coefficientOfVariation, mean, median, percentile } from './stats';

/**
 * One side of an A/B comparison: `run` performs ONE operation and must throw when its answer is
 * wrong (see check.ts), so an error can never pass for speed.
 */
export interface Side {
  readonly name: string;
  run(): Promise<unknown>;
}

export interface LatencyStats {
  readonly name: string;
  /** Operations timed (warm-up excluded). */
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

export interface AbOptions {
  /** Rounds kept (default 12). */
  readonly rounds?: number;
  /** Rounds run first and discarded (default 2). */
  readonly warmupRounds?: number;
  /** Operations per side per round; absent: calibrated so one side's round takes about `targetRoundMs`. */
  readonly iterations?: number;
  /** Default 250 ms. */
  readonly targetRoundMs?: number;
  /** Bounds for the calibrated iteration count (default 3 to 2000). */
  readonly minIterations?: number;
  readonly maxIterations?: number;
  /** Milliseconds now; `performance.now` unless a test gives a fake clock. */
  readonly clock?: () => number;
}

export interface AbResult {
  readonly a: LatencyStats;
  readonly b: LatencyStats;
  readonly rounds: number;
  readonly warmupRounds: number;
  readonly iterations: number;
  /** Per kept round: median latency of A in that round / median latency of B in that round. */
  readonly ratios: number[];
  /** Median of `ratios`: A's latency as a multiple of B's (below 1: A is faster). */
  readonly ratio: number;
  /** Coefficient of variation of `ratios`. */
  readonly cv: number;
}

type Clock = () => number;
const realClock: Clock = () => performance.now();

async function timeOnce(side: Side, clock: Clock): Promise<number> {
  const start = clock();
  await side.run();
  return clock() - start;
}

async function timeMany(side: Side, iterations: number, clock: Clock = realClock): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) out.push(await timeOnce(side, clock));
  return out;
}

function latency(name: string, samples: number[]): LatencyStats {
  return { name, samples: samples.length, p50Ms: median(samples), p99Ms: percentile(samples, 99), meanMs: mean(samples) };
}

/** Runs `side` until `ms` have passed (at least once). */
async function runFor(side: Side, ms: number, clock: Clock): Promise<void> {
  const start = clock();
  do await side.run();
  while (clock() - start < ms);
}

/**
 * How many operations make a round of about `targetMs` for the slower side (both sides do the same
 * count). Each side first runs for a round's time, then 5 operations each are timed: a cold
 * operation (code not yet optimised, handlers built on first call, a collection of the set-up's
 * garbage under way) can take many times a warm one, and a count calibrated on it would make
 * rounds too short for the warm-up rounds to warm anything.
 */
async function calibrate(a: Side, b: Side, options: AbOptions): Promise<number> {
  const target = options.targetRoundMs ?? 250;
  const min = options.minIterations ?? 3;
  const max = options.maxIterations ?? 2000;
  const clock = options.clock ?? realClock;
  await runFor(a, target, clock);
  await runFor(b, target, clock);
  const probe = Math.max(median(await timeMany(a, 5, clock)), median(await timeMany(b, 5, clock)));
  return Math.min(max, Math.max(min, Math.round(target / Math.max(probe, 1e-3))));
}

/**
 * Interleaved A/B rounds in one process: each round runs `iterations` operations of A and of B
 * back to back, alternating which goes first; the warm-up rounds are discarded; the result is
 * the median of the per-round latency ratios, with their coefficient of variation. Noise that
 * lasts longer than a round (another process, thermal state, GC pressure) hits both sides.
 */
export async function compareAB(a: Side, b: Side, options: AbOptions = {}): Promise<AbResult> {
  const rounds = options.rounds ?? 12;
  const warmupRounds = options.warmupRounds ?? 2;
  const iterations = options.iterations ?? (await calibrate(a, b, options));
  const clock = options.clock ?? realClock;
  const ratios: number[] = [];
  const allA: number[] = [];
  const allB: number[] = [];
  for (let round = 0; round < warmupRounds + rounds; round++) {
    let timesA: number[];
    let timesB: number[];
    if (round % 2 === 0) {
      timesA = await timeMany(a, iterations, clock);
      timesB = await timeMany(b, iterations, clock);
    } else {
      timesB = await timeMany(b, iterations, clock);
      timesA = await timeMany(a, iterations, clock);
    }
    if (round < warmupRounds) continue;
    ratios.push(median(timesA) / median(timesB));
    allA.push(...timesA);
    allB.push(...timesB);
  }
  return {
    a: latency(a.name, allA),
    b: latency(b.name, allB),
    rounds,
    warmupRounds,
    iterations,
    ratios,
    ratio: median(ratios),
    cv: coefficientOfVariation(ratios),
  };
}

/** Latency of one side alone (scaling tables): warm-up operations discarded, then `samples` timed. */
export async function measureLatency(side: Side, options: { samples?: number; warmup?: number; clock?: () => number } = {}): Promise<LatencyStats> {
  await timeMany(side, options.warmup ?? 20, options.clock);
  return latency(side.name, await timeMany(side, options.samples ?? 200, options.clock));
}
