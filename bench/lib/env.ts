/*
 * The one way the benches read their environment: every variable parsed here, and a value that
 * does not parse is refused naming the variable, what was expected and what arrived (never read
 * as a default by accident).
 */

export interface IntRange {
  /** The value when the variable is unset or empty; without one, the variable is required. */
  readonly fallback?: number;
  /** Smallest value allowed (default 0). */
  readonly min?: number;
  /** Largest value allowed (default Number.MAX_SAFE_INTEGER). */
  readonly max?: number;
}

/** An integer from the environment variable `name`, within `min`..`max`; `fallback` when unset or empty. */
export function intEnv(name: string, range: IntRange = {}): number {
  const { fallback, min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  const raw = process.env[name];
  if ((raw === undefined || raw === '') && fallback !== undefined) return fallback;
  const value = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isSafeInteger(value) || value < min || value > max) {
    const expected =
      max === Number.MAX_SAFE_INTEGER
        ? min === 0
          ? 'a non-negative integer'
          : min === 1
            ? 'a positive integer'
            : `an integer of at least ${min}`
        : `an integer from ${min} to ${max}`;
    throw new Error(`${name}: expected ${expected}, received ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  }
  return value;
}

/** A positive integer from the environment variable `name`, or `fallback` when it is unset or empty. */
export function positiveIntEnv(name: string, fallback: number): number {
  return intEnv(name, { fallback, min: 1 });
}

/** A yes/no switch from the environment variable `name`: `1` or `true`, `0` or `false`; `fallback` when unset or empty. */
export function flagEnv(name: string, fallback = false): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`${name}: expected 1 or true, 0 or false, received ${JSON.stringify(raw)}`);
}

/** A comma-separated list from the environment variable `name` (entries trimmed, empty ones dropped); `fallback` when unset or empty. */
export function listEnv(name: string, fallback: readonly string[] = []): string[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** BENCH_QUICK=1 is a smoke run: fewer rounds and sizes, and its figures go to a scratch folder (bench/lib/report.ts). */
export const QUICK = flagEnv('BENCH_QUICK');
