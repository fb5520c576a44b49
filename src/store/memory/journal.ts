import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync, ftruncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError, type Change, type SeedRecord } from '../../domain';
import { JournalLock } from './journal-lock';

/**
 * The memory store's write-ahead journal: an append-only JSON Lines file, one curated change per
 * line as `{"seq":n,"change":{…},"before":{…},"sha256":"…"}`, the checksum taken over
 * `{"seq":n,"change":{…},"before":{…}}`. `before` is the target's seed-shaped record before a
 * change to an existing record (updateEntity, retireEntity, retireRelationship,
 * updateObservation, retireObservation), absent for a change that creates one. Replay compares it
 * with the seeds to report seed conflicts (journal-replay.ts, seed-reconciliation.ts). Journals
 * written before `before` existed (records `{"seq","change","sha256"}`, checksum over
 * `{"seq","change"}`) still replay, without conflict detection for the records they change.
 * `append` writes and fsyncs before it returns, so a change is acknowledged only once it is on
 * disk. On open, a torn LAST record (no final newline: a crash mid-write) is reported, moved
 * aside to `<file>.torn` and cut off; a complete (newline-terminated) record that fails its
 * checks is damage, wherever it is, and a startup error (JournalError). One process writes a
 * journal: `open` takes an exclusive lock (journal-lock.ts) that `close` gives up.
 */
export interface JournalRecord {
  readonly seq: number;
  readonly change: Change;
  /** The target's seed-shaped record before the change; absent for a new record, and in older journals. */
  readonly before?: SeedRecord;
}

export class JournalError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`journal ${file}:${line}: ${reason}`);
    this.name = 'JournalError';
  }
}

export interface JournalOptions {
  /** Where warnings go (a torn last record); default console.warn. */
  readonly warn?: (message: string) => void;
  /** Told how long each append's fsync took, in seconds (the composition root passes a metric here). */
  readonly onFsync?: (seconds: number) => void;
}

/** The record's text without its checksum (an older record, without `before`, is `{seq, change}`). */
function body(seq: number, change: Change, before: SeedRecord | undefined): string {
  return JSON.stringify(before === undefined ? { seq, change } : { seq, change, before });
}

function checksum(seq: number, change: Change, before: SeedRecord | undefined): string {
  return createHash('sha256')
    .update(body(seq, change, before))
    .digest('hex');
}

/** Why a line is not a good record with this sequence number, or null when it is. */
function problem(line: string, expectedSeq: number): { reason: string } | { record: JournalRecord } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { reason: `not valid JSON (${(error as Error).message})` };
  }
  const r = parsed as { seq?: unknown; change?: unknown; before?: unknown; sha256?: unknown };
  if (
    typeof r !== 'object' ||
    r === null ||
    typeof r.seq !== 'number' ||
    typeof r.change !== 'object' ||
    typeof r.sha256 !== 'string' ||
    (r.before !== undefined && (typeof r.before !== 'object' || r.before === null || Array.isArray(r.before)))
  ) {
    return { reason: 'expected {"seq", "change", "sha256"} and an optional "before" object' };
  }
  const before = r.before as SeedRecord | undefined;
  if (checksum(r.seq, r.change as Change, before) !== r.sha256) return { reason: `checksum mismatch for seq ${r.seq}` };
  if (r.seq !== expectedSeq) return { reason: `expected sequence number ${expectedSeq}, found ${r.seq}` };
  return { record: { seq: r.seq, change: r.change as Change, ...(before !== undefined ? { before } : {}) } };
}

interface JournalScan {
  readonly records: JournalRecord[];
  /** Bytes of good records. */
  readonly size: number;
  /** A torn last record (no final newline), not applied. */
  readonly torn: { readonly line: number; readonly reason: string; readonly bytes: Buffer } | null;
}

/** The good records of a journal's bytes; throws JournalError for a bad record before the last. */
function scanJournal(path: string, bytes: Buffer): JournalScan {
  const records: JournalRecord[] = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < bytes.length) {
    lineNo++;
    const newline = bytes.indexOf(0x0a, offset);
    const end = newline === -1 ? bytes.length : newline;
    const text = bytes.subarray(offset, end).toString('utf8');
    // Only an unterminated last line is a torn write: append writes the newline last.
    const result = newline === -1 ? { reason: 'record has no final newline (torn write)' } : problem(text, records.length + 1);
    if ('record' in result) {
      records.push(result.record);
      offset = end + 1;
      continue;
    }
    if (newline !== -1) {
      const where = newline === bytes.length - 1 ? 'a complete last record' : 'a damaged record before the last one';
      throw new JournalError(path, lineNo, `${result.reason}; ${where} is not a torn write: restore the journal from a backup or inspect it`);
    }
    return { records, size: offset, torn: { line: lineNo, reason: result.reason, bytes: bytes.subarray(offset) } };
  }
  return { records, size: Math.min(offset, bytes.length), torn: null };
}

export class Journal {
  private fd: number;
  /** Set when the lock was lost while held: another process may be writing, so no more appends. */
  private compromised: string | null = null;
  private lock: JournalLock | null = null;
  private nextSeq: number;
  private onFsync: ((seconds: number) => void) | undefined;
  /** Bytes of good records: an append that fails is cut back to this. */
  private size: number;

  private constructor(
    readonly path: string,
    fd: number,
    readonly records: readonly JournalRecord[],
    size: number,
  ) {
    this.fd = fd;
    this.size = size;
    this.nextSeq = records.length + 1;
  }

  /**
   * Opens (creating the file and its directory) and reads the journal. The records read are in
   * `records`, for the store to replay over the seeds. Locks the journal first: a second process
   * on the same file fails here with JournalLockError naming the holder's pid.
   */
  static open(path: string, options: JournalOptions = {}): Journal {
    const warn = options.warn ?? ((m: string) => console.warn(m));
    mkdirSync(dirname(path), { recursive: true });
    let journal: Journal | null = null;
    let lostEarly: string | null = null;
    const lock = JournalLock.acquire(path, {
      onCompromised: (error) => {
        const reason = `the lock ${path}.lock was lost (${error.message})`;
        if (journal) journal.compromised = reason;
        else lostEarly = reason;
        warn(`usmx-graph: journal ${path}: ${reason}; refusing further writes until restart`);
      },
    });
    let fd = -1;
    let scan: JournalScan;
    try {
      const created = !existsSync(path);
      fd = openSync(path, 'a+');
      if (created) fsyncDir(dirname(path));
      scan = scanJournal(path, readFileSync(path));
    } catch (error) {
      if (fd >= 0) closeSync(fd);
      lock.unlock();
      throw error;
    }
    if (scan.torn) {
      // A crash mid-append: keep the bytes for inspection, cut them off the journal, go on.
      writeFileSync(`${path}.torn`, scan.torn.bytes, { flag: 'a' });
      ftruncateSync(fd, scan.size);
      fsyncSync(fd);
      warn(
        `usmx-graph: journal ${path}:${scan.torn.line}: ignoring a torn or corrupt last record (${scan.torn.reason}); its ${scan.torn.bytes.length} bytes were moved to ${path}.torn and not applied`,
      );
    }
    journal = new Journal(path, fd, scan.records, scan.size);
    journal.lock = lock;
    journal.onFsync = options.onFsync;
    journal.compromised = lostEarly;
    return journal;
  }

  /**
   * Reads the records of the journal at `path` WITHOUT changing anything: the file is opened for
   * reading only, never created, cut or moved (for `npm run export` beside a running server). A
   * missing file has no records; a torn last record is reported and left where it is. Takes no
   * lock: the writer may hold it.
   */
  static read(path: string, options: JournalOptions = {}): readonly JournalRecord[] {
    const warn = options.warn ?? ((m: string) => console.warn(m));
    let bytes: Buffer;
    try {
      bytes = readFileSync(path, { flag: 'r' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const scan = scanJournal(path, bytes);
    if (scan.torn)
      warn(
        `usmx-graph: journal ${path}:${scan.torn.line}: ignoring a torn or corrupt last record (${scan.torn.reason}); read-only, so it was left in place and not applied`,
      );
    return scan.records;
  }

  /**
   * Appends one change (with its target's record before it, for a change to an existing record)
   * and fsyncs; returns its sequence number once it is on disk.
   */
  append(change: Change, before?: SeedRecord): number {
    if (this.compromised) throw new StoreUnavailableError(`journal ${this.path}: ${this.compromised}; curated changes are refused until the server restarts`);
    const seq = this.nextSeq;
    const line = `${JSON.stringify({ seq, change, ...(before !== undefined ? { before } : {}), sha256: checksum(seq, change, before) })}\n`;
    const buffer = Buffer.from(line, 'utf8');
    let fsyncSeconds = 0;
    try {
      let written = 0;
      while (written < buffer.length) written += writeSync(this.fd, buffer, written, buffer.length - written);
      const started = performance.now();
      fsyncSync(this.fd);
      fsyncSeconds = (performance.now() - started) / 1000;
    } catch (error) {
      // Leave no half record behind for the next append to follow.
      try {
        ftruncateSync(this.fd, this.size);
      } catch {
        // The next start will find the torn record and set it aside.
      }
      throw error;
    }
    this.size += buffer.length;
    this.nextSeq++;
    // Told once the record is durable; an observer's failure never fails an acknowledged write.
    try {
      this.onFsync?.(fsyncSeconds);
    } catch {
      // Metrics only.
    }
    return seq;
  }

  /** Sequence number of the last durable record (0 when empty). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Closes the file and gives up the lock. */
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.lock?.unlock();
    this.lock = null;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the file's own fsync still holds.
  }
}
