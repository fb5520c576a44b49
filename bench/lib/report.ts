import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { CAN_PIN, CLIENT_CORES, SERVER_CORES } from './cores';
import { QUICK } from './env';

/** A smoke run's figures (BENCH_QUICK=1) mean nothing, so they go to a scratch folder (gitignored), never over the real ones. */
export const RESULTS_DIR = QUICK ? path.join(__dirname, '..', 'results', 'quick') : path.join(__dirname, '..', 'results');

export type Cell = string | number;

/** A goal beside a figure: `≤ 1.15` and whether the figure meets it. */
export interface Goal {
  readonly text: string;
  readonly met: boolean;
}

export interface Table {
  readonly title: string;
  /** Markdown shown under the title: what each column means. */
  readonly description?: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
}

/** One goal as the summary at the top of BENCHMARKS.md lists it: what was measured, the figure, the goal, met or not. */
export interface GoalRecord {
  readonly measure: string;
  readonly value: string;
  /** `≤ 1.15`, `≥ 0.9`, `= 3`. */
  readonly goal: string;
  readonly met: boolean;
}

/** The summary's record of a goal: `goalRecord('search "Merida"', ratioCell(1.01), goal(1.01, '<=', 1.15))`. */
export function goalRecord(measure: string, value: string, g: Goal): GoalRecord {
  return { measure, value, goal: g.text, met: g.met };
}

/** One part of BENCHMARKS.md, written by one bench script as bench/results/<id>.json. */
export interface Section {
  readonly id: string;
  /** Position in BENCHMARKS.md (ascending). */
  readonly order: number;
  readonly title: string;
  /**
   * Markdown, one short paragraph: what is compared, how (rounds, data, pinning) and the goal. The
   * details (why it is measured so, the checks, profiles and what was tried) are in bench/notes/<id>.md,
   * which BENCHMARKS.md links to.
   */
  readonly method: string;
  /** Every goal of the section, for the summary table (results written before it existed have none). */
  readonly goals?: readonly GoalRecord[];
  readonly tables: readonly Table[];
  /** One line per missed goal (empty when every goal is met); bench/notes/<id>.md carries the profile and what was tried. */
  readonly misses: readonly string[];
}

export interface Environment {
  readonly date: string;
  readonly commit: string;
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly pinning: string;
}

export function environment(): Environment {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results', ':!*.md'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // A run rewrites bench/results and BENCHMARKS.md itself, and Markdown (README, bench/notes) is
    // not code: only other changes make what was measured differ from the commit.
    if (dirty) commit += ' (with uncommitted changes)';
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    pinning: CAN_PIN
      ? `taskset: servers and Neo4j on core(s) ${SERVER_CORES}, clients and load generators on core ${CLIENT_CORES}`
      : 'none (one core, or no taskset)',
  };
}

/** `figure ≤ target` (lower is better) or `figure ≥ target` (higher is better). */
export function goal(figure: number, op: '<=' | '>=', target: number): Goal {
  return { text: `${op === '<=' ? '≤' : '≥'} ${target}`, met: op === '<=' ? figure <= target : figure >= target };
}

/** The cell for a goal: `≤ 1.15 ✅` / `≤ 1.15 ❌ missed`. */
export function goalCell(g: Goal): string {
  return `${g.text} ${g.met ? '✅' : '❌ missed'}`;
}

export function ratioCell(x: number): string {
  return `${x.toFixed(2)}×`;
}

export function percentCell(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function msCell(x: number): string {
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(0)} µs`;
}

/** Writes bench/results/<id>.json: the section for BENCHMARKS.md plus every raw sample behind it. */
export function writeResult(section: Section, raw: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${section.id}.json`);
  writeFileSync(file, JSON.stringify({ section, environment: environment(), raw }, null, 2) + '\n');
  return file;
}
