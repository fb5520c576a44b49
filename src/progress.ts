/*
 * Progress of long command-line work (seed, export, `npm run load`, `npm run bench`) on stderr:
 * a cli-progress bar on a terminal, plain lines when stderr is a file or a pipe (CI logs, tests),
 * where a redrawn bar would be noise. Nothing is printed for work that ends within `quietMs`.
 * Imports nothing in src: the CLIs and bench/ use it alike.
 */
import { Format, SingleBar, type GenericFormatter } from 'cli-progress';

/** Where progress goes: process.stderr, or a test's sink. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  /** Default process.stderr. */
  readonly stream?: ProgressStream;
  /** Bar (true) or plain lines (false); default: whether the stream is a terminal. */
  readonly tty?: boolean;
  /** Plain lines: one each time this many more items are done, and one at the end. */
  readonly everyItems?: number;
  /** Plain lines: one at least this often while updates arrive (default 10 s). */
  readonly everyMs?: number;
  /** Nothing at all until the work has run this long (default 0), so fast work stays silent. */
  readonly quietMs?: number;
  /** After the total, e.g. ` s` for `20/60 s`. */
  readonly unit?: string;
  /** Milliseconds clock; tests pass a fake one. */
  readonly now?: () => number;
}

/** One piece of work with a known total. */
export interface Progress {
  /** `done` of the total so far, with an optional note (`3,000 requests, 0 errors`). */
  update(done: number, detail?: string): void;
  /** The work ended (at `done`, default the total): a last line if any was shown, the bar left in place. */
  finish(done?: number, detail?: string): void;
}

/** `label done/total[unit][, detail]`, e.g. `seeding nodes 200/438`: the plain line. */
export function progressLine(label: string, done: number, total: number, unit = '', detail?: string): string {
  return `${label} ${done}/${total}${unit}${detail ? `, ${detail}` : ''}`;
}

/** `label [=====-----] 200/438 45% | 12s elapsed, ETA 15s | detail`; no ETA before there is a rate. */
function barFormat(label: string, unit: string): GenericFormatter {
  return (options, params, payload: { detail?: string }) => {
    const elapsed = ((params.stopTime ?? Date.now()) - params.startTime) / 1000;
    const eta = Number.isFinite(params.eta) && params.value > 0 && params.value < params.total ? `, ETA ${Format.TimeFormat(params.eta, options, 5)}` : '';
    const detail = payload.detail ? ` | ${payload.detail}` : '';
    return `${label} [${Format.BarFormat(params.progress, options)}] ${params.value}/${params.total}${unit} ${Math.floor(params.progress * 100)}% | ${Format.TimeFormat(Math.round(elapsed), options, 1)} elapsed${eta}${detail}`;
  };
}

/**
 * Starts reporting `label`'s progress towards `total`. Plain lines (not a terminal) come every
 * `everyItems` items, at least every `everyMs`, and at the end when a line was already shown or
 * `everyItems` is set; `quietMs` holds everything back until the work has run that long.
 */
export function startProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  if (!Number.isFinite(total) || total < 0) throw new RangeError(`progress total: expected a number ≥ 0, received ${total}`);
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const unit = options.unit ?? '';
  const everyMs = options.everyMs ?? 10_000;
  const quietMs = options.quietMs ?? 0;
  const started = now();
  let last = { done: 0, at: started };
  let shown = false;
  let ended = false;
  let bar: SingleBar | undefined;

  const tty = options.tty ?? stream.isTTY === true;
  const visible = (at: number): boolean => at - started >= quietMs;

  function line(done: number, detail: string | undefined, at: number): void {
    stream.write(`${progressLine(label, done, total, unit, detail)}\n`);
    last = { done, at };
    shown = true;
  }

  function drawBar(done: number, detail: string | undefined): void {
    if (!bar) {
      bar = new SingleBar({ stream: stream as NodeJS.WritableStream, format: barFormat(label, unit), barsize: 24, etaBuffer: 20, fps: 5 });
      bar.start(total, done, { detail: '' });
    }
    bar.update(done, { detail: detail ?? '' });
    shown = true;
  }

  // On a terminal the bar (and its clock) starts with the work, unless fast work is to stay silent.
  if (tty && quietMs === 0) drawBar(0, undefined);

  return {
    update(done, detail) {
      if (ended) return;
      const at = now();
      if (!visible(at)) return;
      if (tty) return drawBar(done, detail);
      const byItems = options.everyItems !== undefined && done - last.done >= options.everyItems;
      if (byItems || at - last.at >= everyMs || (!shown && quietMs > 0)) line(done, detail, at);
    },
    finish(done = total, detail) {
      if (ended) return;
      ended = true;
      const at = now();
      if (tty) {
        if (bar || visible(at)) drawBar(done, detail);
        bar?.stop();
        return;
      }
      const due = shown || (options.everyItems !== undefined && visible(at));
      if (due && (last.done !== done || !shown)) line(done, detail, at);
    },
  };
}
