import { readFileSync, rmSync, rmdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One writer per journal: an exclusive lock held for the life of the process that appends to it.
 * The lock is proper-lockfile's directory `<journal>.lock` (mkdir is atomic, also on network
 * filesystems); the holder's pid, host and start time sit in `owner.json` inside it, so a second
 * process can say who holds it. A lock whose recorded pid is dead on this host (a SIGKILL) is
 * taken over at once, one whose pid is alive on this host never; a lock from another host (or
 * without an owner file) counts as stale once its mtime, refreshed every 5 s by its holder, is
 * older than `STALE_MS`.
 */
export class JournalLockError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`JOURNAL_PATH ${path} ${reason}`);
    this.name = 'JournalLockError';
  }
}

/**
 * A holder elsewhere that stops refreshing the lock's mtime for this long is presumed gone. Long
 * enough that a busy event loop (a long journal replay right after locking) does not make the
 * holder lose its own lock; refreshed every UPDATE_MS.
 */
const STALE_MS = 30_000;
const UPDATE_MS = 5_000;
const OWNER_FILE = 'owner.json';
/** Lock directories this process holds. */
const held = new Set<string>();

interface Owner {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
}

export interface JournalLockOptions {
  /** Called once if the lock is lost while held (its directory removed or not refreshed in time). */
  readonly onCompromised: (error: Error) => void;
}

function readOwner(lockDir: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(join(lockDir, OWNER_FILE), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.hostname === 'string'
      ? { pid: owner.pid, hostname: owner.hostname, startedAt: String(owner.startedAt) }
      : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a lock left behind by a process that no longer runs on this host, or one gone stale. */
function clearAbandoned(lockDir: string): void {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(lockDir).mtimeMs;
  } catch {
    return; // no lock
  }
  const owner = readOwner(lockDir);
  // Our own pid on a lock we do not hold: an earlier process that had the same pid (a container's
  // pid 1 after a restart).
  const gone = (pid: number): boolean => (pid === process.pid ? !held.has(lockDir) : !alive(pid));
  const here = owner !== null && owner.hostname === hostname();
  // On this host the pid says it all; from elsewhere only the mtime can.
  const abandoned = here ? gone(owner.pid) : mtimeMs < Date.now() - STALE_MS;
  if (abandoned) rmSync(lockDir, { recursive: true, force: true });
}

export class JournalLock {
  private released = false;
  private readonly onExit = (): void => this.removeSync();

  private constructor(
    readonly path: string,
    private readonly lockDir: string,
    private readonly release: () => void,
  ) {
    process.once('exit', this.onExit);
  }

  /** Takes the lock on `path` or throws JournalLockError naming the process that holds it. */
  static acquire(path: string, options: JournalLockOptions): JournalLock {
    const lockDir = `${path}.lock`;
    clearAbandoned(lockDir);
    let release: () => void;
    try {
      release = lockfile.lockSync(path, { lockfilePath: lockDir, realpath: false, stale: STALE_MS, update: UPDATE_MS, onCompromised: options.onCompromised });
    } catch (error) {
      const owner = readOwner(lockDir);
      // proper-lockfile cannot remove a stale-looking lock with an owner file in it (ENOTEMPTY): its holder is alive here.
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' && !owner) throw new JournalLockError(path, `cannot be locked (${(error as Error).message})`);
      const holder = owner ? `process ${owner.pid} on ${owner.hostname} (since ${owner.startedAt})` : 'another process (it has not recorded its pid yet)';
      throw new JournalLockError(path, `is in use by ${holder}; one process may write a journal (lock ${lockDir})`);
    }
    const owner: Owner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
    // proper-lockfile takes a changed mtime of its directory for a lock lost to someone else: put
    // the mtime back after adding the file.
    const { atime, mtime } = statSync(lockDir);
    writeFileSync(join(lockDir, OWNER_FILE), `${JSON.stringify(owner)}\n`);
    utimesSync(lockDir, atime, mtime);
    held.add(lockDir);
    return new JournalLock(path, lockDir, release);
  }

  /** Gives the lock up (idempotent). */
  unlock(): void {
    if (this.released) return;
    held.delete(this.lockDir);
    process.off('exit', this.onExit);
    // proper-lockfile removes its directory with rmdir, which needs it empty.
    try {
      unlinkSync(join(this.lockDir, OWNER_FILE));
    } catch {
      // Already gone.
    }
    try {
      this.release();
    } catch {
      // Compromised or already released: nothing of ours is left to remove.
    }
    this.released = true;
  }

  /** On process exit (no async work possible): remove what is ours, if it still is. */
  private removeSync(): void {
    if (this.released) return;
    this.released = true;
    if (readOwner(this.lockDir)?.pid !== process.pid) return;
    try {
      unlinkSync(join(this.lockDir, OWNER_FILE));
      rmdirSync(this.lockDir);
    } catch {
      // The next start treats a lock of a dead pid as stale.
    }
  }
}
