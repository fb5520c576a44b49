/**
 * Starts and stops the test Neo4j: a real Neo4j 5.26 DBMS run in-process by the Java launcher in
 * this folder (neo4j-harness from Maven Central; see README.md). Builds the launcher with Maven
 * when `target/` is missing or older than `pom.xml`/`src/`, then runs plain `java` — no Maven at
 * start time. Usable from jest (global-setup.ts) and from scripts: `npx tsx test/neo4j/start.ts`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const LAUNCHER_DIR = __dirname;
const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
const JAR = path.join(TARGET_DIR, 'neo4j-test-launcher.jar');
/** Written last by a successful build: its mtime is the build's. */
const STAMP = path.join(TARGET_DIR, 'build.stamp');
/** AppCDS archive of the launcher's classes: ~1–2 s off every later start. Optional. */
const CDS_ARCHIVE = path.join(TARGET_DIR, 'launcher.jsa');
const BUILD_LOCK = path.join(TARGET_DIR, '.build-lock');
const READY_LINE = /^NEO4J_READY (bolt:\/\/\S+)\s*$/;

/** Auth is on in the test server: only these credentials are accepted (tests check a wrong password is refused). */
export const TEST_NEO4J_USERNAME = 'neo4j';
export const TEST_NEO4J_PASSWORD = 'usmx-test-password';

/** Heap 1 GiB, serial GC and C1 only: a quick start and a small footprint on a 2-core box. */
const DEFAULT_JAVA_OPTS = ['-Xmx1g', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:+ExitOnOutOfMemoryError'];
/** JVM warnings go to stderr: stdout carries only the ready line. */
const JVM_LOGGING = ['-Xlog:disable', '-Xlog:all=warning:stderr'];

export interface TestNeo4j {
  /** `bolt://127.0.0.1:PORT` */
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly port: number;
  /** The launcher JVM's process id (benchmarks pin it to a core with taskset). */
  readonly pid: number | undefined;
  /** The persistent store directory, when one was given. */
  readonly dataDir: string | undefined;
  /** SIGTERM, then SIGKILL after the grace period. Idempotent. */
  stop(): Promise<void>;
  /** Stop, then start again on the same port (and the same `dataDir`, so data survives only if one was given). */
  restart(): Promise<TestNeo4j>;
}

export interface StartTestNeo4jOptions {
  /** Bolt port; 0 or absent: a free port chosen by the OS. Pass a previous `port` to come back on it. */
  port?: number;
  /** Keep the store here across stop/start (the caller creates and deletes it). Absent: a temp store deleted on stop. */
  dataDir?: string;
  /** How long to wait for the ready line (default 180 s). */
  readyTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL (default 15 s). */
  stopGraceMs?: number;
  /** Console progress for the build step (default true). */
  log?: (message: string) => void;
}

/** Java or Maven is missing: the test Neo4j cannot run here (as opposed to failing to start). */
export class Neo4jUnavailableError extends Error {
  constructor(readonly missing: string[]) {
    super(`the test Neo4j needs ${missing.join(' and ')} (Java 17+ via JAVA_HOME or PATH, Maven 3.8+ on PATH); see test/neo4j/README.md`);
    this.name = 'Neo4jUnavailableError';
  }
}

function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 });
  return result.error === undefined && result.status === 0;
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(): number {
  let newest = mtime(path.join(LAUNCHER_DIR, 'pom.xml'));
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, mtime(full));
    }
  };
  walk(path.join(LAUNCHER_DIR, 'src'));
  return newest;
}

/** True when `target/` holds a complete build newer than `pom.xml` and every file under `src/`. */
export function isLauncherBuilt(): boolean {
  const stamp = mtime(STAMP);
  return stamp > 0 && fs.existsSync(JAR) && fs.existsSync(path.join(TARGET_DIR, 'lib')) && stamp >= newestSource();
}

/** Which of the tools needed to build and run the test Neo4j are missing (empty: none). */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!runs(javaCommand(), ['-version'])) missing.push('java');
  if (!isLauncherBuilt() && !runs('mvn', ['-v'])) missing.push('mvn');
  return missing;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lockIsStale(): boolean {
  try {
    const owner = Number(fs.readFileSync(path.join(BUILD_LOCK, 'pid'), 'utf8'));
    return owner > 0 && !pidAlive(owner);
  } catch {
    return Date.now() - mtime(BUILD_LOCK) > 30_000; // holder died before writing its pid
  }
}

/** A directory lock so that two jest runs do not build into the same `target/` at once. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  fs.mkdirSync(TARGET_DIR, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      fs.writeFileSync(path.join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale()) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`test Neo4j: ${BUILD_LOCK} still held after 10 min`);
      else await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the launcher (`mvn -q -B package`) unless `target/` is up to date, then records an AppCDS
 * archive from one start so later starts load classes faster. The first build downloads ~190 MB
 * into ~/.m2 (about 2 minutes); later ones take ~10 s.
 */
export async function ensureLauncherBuilt(log: (message: string) => void = console.log): Promise<void> {
  if (isLauncherBuilt()) return;
  const missing = missingTools();
  if (missing.length > 0) throw new Neo4jUnavailableError(missing);
  await withBuildLock(async () => {
    if (isLauncherBuilt()) return; // built by whoever held the lock
    log('test Neo4j: building the launcher (mvn package; the first build downloads ~190 MB from Maven Central)…');
    const started = Date.now();
    const mvn = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 20 * 60_000,
    });
    if (mvn.error !== undefined || mvn.status !== 0) {
      const output = `${mvn.stdout ?? ''}${mvn.stderr ?? ''}`.trim().slice(-8000);
      throw new Error(`test Neo4j: mvn package failed (${mvn.error?.message ?? `exit ${mvn.status}`}):\n${output}`);
    }
    fs.rmSync(CDS_ARCHIVE, { force: true });
    await recordCdsArchive().catch((error: Error) => log(`test Neo4j: no CDS archive (${error.message}); starts will be ~1-2 s slower`));
    fs.writeFileSync(STAMP, new Date().toISOString() + '\n');
    log(`test Neo4j: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

/** One start/stop with -XX:ArchiveClassesAtExit: the JVM dumps the loaded classes on exit. */
async function recordCdsArchive(): Promise<void> {
  const child = spawnLauncher({ port: 0 }, [`-XX:ArchiveClassesAtExit=${CDS_ARCHIVE}`]);
  await waitForReady(child, 180_000);
  await stopProcess(child, 60_000);
  if (!fs.existsSync(CDS_ARCHIVE)) throw new Error('the JVM wrote no archive');
}

interface Launched {
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
  /** The last ~16 KB of stderr, for error messages. */
  stderr(): string;
}

function spawnLauncher(options: { port: number; dataDir?: string }, extraJvmArgs: string[] = []): Launched {
  const envOpts = process.env.NEO4J_TEST_JAVA_OPTS?.split(/\s+/).filter(Boolean);
  const cds = extraJvmArgs.length === 0 && mtime(CDS_ARCHIVE) >= mtime(JAR) ? [`-XX:SharedArchiveFile=${CDS_ARCHIVE}`] : [];
  const args = [
    ...(envOpts ?? DEFAULT_JAVA_OPTS),
    ...JVM_LOGGING,
    ...cds,
    ...extraJvmArgs,
    '-jar',
    JAR,
    '--port',
    String(options.port),
    ...(options.dataDir ? ['--data-dir', path.resolve(options.dataDir)] : []),
    // Benchmarks size the page cache to their graph (the launcher's default, 64 MiB, suits tests).
    ...(process.env.NEO4J_TEST_PAGECACHE_MB ? ['--pagecache-mb', process.env.NEO4J_TEST_PAGECACHE_MB] : []),
    '--password',
    TEST_NEO4J_PASSWORD,
  ];
  // stdin stays an open pipe: the launcher exits when it closes, i.e. when this process dies.
  const child = spawn(javaCommand(), args, { cwd: LAUNCHER_DIR, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-16_384);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return { process: child, exited, stderr: () => stderr };
}

/** Resolves with the Bolt URI from the ready line; rejects on exit, spawn error or timeout. */
function waitForReady(launched: Launched, timeoutMs: number): Promise<string> {
  const child = launched.process;
  return new Promise<string>((resolve, reject) => {
    let buffered = '';
    const fail = (reason: string): void => {
      cleanup();
      child.kill('SIGKILL');
      const stderr = launched.stderr().trim();
      reject(new Error(`test Neo4j: ${reason}${stderr ? `\n--- launcher stderr (tail) ---\n${stderr}` : ''}`));
    };
    const onData = (chunk: string): void => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const match = READY_LINE.exec(line);
        if (match) {
          cleanup();
          resolve(match[1]);
          return;
        }
      }
    };
    // 'close', not 'exit': by then all of stderr has been read.
    const onClose = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`launcher exited before it was ready (${signal ?? `exit code ${code}`})`);
    const onError = (error: Error): void => fail(`could not run ${javaCommand()}: ${error.message}`);
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs / 1000} s`), timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('close', onClose);
      child.off('error', onError);
      child.stdout!.resume(); // keep draining stdout so the launcher never blocks on a full pipe
    };
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', onData);
    child.once('close', onClose);
    child.once('error', onError);
  });
}

async function stopProcess(launched: Launched, graceMs: number): Promise<void> {
  const child = launched.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.ref(); // started unref'd: make sure this process waits for the exit event
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), graceMs);
  });
  const timedOut = await Promise.race([launched.exited.then(() => false), killed]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await launched.exited;
  }
}

/**
 * Starts a test Neo4j and resolves once it accepts Bolt connections. With a fixed `port` a start
 * right after a stop retries while the port is still held.
 */
export async function startTestNeo4j(options: StartTestNeo4jOptions = {}): Promise<TestNeo4j> {
  const log = options.log ?? console.log;
  const missing = missingTools();
  if (missing.length > 0) throw new Neo4jUnavailableError(missing);
  await ensureLauncherBuilt(log);
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const stopGraceMs = options.stopGraceMs ?? 15_000;
  const deadline = Date.now() + readyTimeoutMs;
  // A port only just released can still be held for a moment; a port in real use stays busy.
  const retryBusyPortUntil = Date.now() + 10_000;
  for (;;) {
    const launched = spawnLauncher({ port: options.port ?? 0, dataDir: options.dataDir });
    let uri: string;
    try {
      uri = await waitForReady(launched, Math.max(deadline - Date.now(), 1_000));
    } catch (error) {
      const portBusy = /Address already in use|BindException/.test(launched.stderr());
      if (portBusy && options.port && Date.now() < Math.min(retryBusyPortUntil, deadline - 5_000)) {
        await sleep(500);
        continue;
      }
      throw error;
    }
    // Neither the child nor its pipes keep this process alive; if it dies, the launcher's stdin closes.
    launched.process.unref();
    for (const stream of [launched.process.stdin, launched.process.stdout, launched.process.stderr]) {
      (stream as unknown as { unref?: () => void } | null)?.unref?.();
    }
    const port = Number(new URL(uri).port);
    let stopping: Promise<void> | undefined;
    const handle: TestNeo4j = {
      uri,
      username: TEST_NEO4J_USERNAME,
      password: TEST_NEO4J_PASSWORD,
      port,
      pid: launched.process.pid,
      dataDir: options.dataDir,
      stop: () => (stopping ??= stopProcess(launched, stopGraceMs)),
      restart: async () => {
        await handle.stop();
        return startTestNeo4j({ ...options, port });
      },
    };
    return handle;
  }
}

// `npx tsx test/neo4j/start.ts [port]`: run a test Neo4j in the foreground until Ctrl-C.
if (require.main === module) {
  const port = Number(process.argv[2] ?? 0);
  const started = Date.now();
  startTestNeo4j({ port })
    .then((neo4j) => {
      console.log(`test Neo4j ready in ${Date.now() - started} ms: ${neo4j.uri} (user ${neo4j.username}, password ${neo4j.password})`);
      const shutdown = (): void => void neo4j.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      setInterval(() => undefined, 1 << 30); // the launcher is unref'd: keep this process alive
    })
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
