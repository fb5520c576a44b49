/**
 * Load test (not a unit test): `npm run load`.
 *
 * Builds, starts the API on the memory store in a child process (`node dist/main.js`, production
 * config, loopback only), warms up, then holds a FIXED request rate (autocannon `overallRate`)
 * for a fixed time with a mix of operations from schema/examples.graphql, checks every response
 * body (status 200, `data`, no `errors`), and prints rate, duration, requests, non-2xx, errors,
 * latency p50/p99 and the server's RSS (VmRSS from /proc) before and after; while it runs, progress
 * on stderr (seconds done, requests checked). Exits non-zero on any
 * error or when RSS grew by more than LOAD_MAX_RSS_GROWTH_MB.
 *
 * Environment (all bounded):
 *   LOAD_RATE               requests per second, all connections together (default 150)
 *   LOAD_DURATION           seconds at that rate (default 60, at most 600)
 *   LOAD_WARMUP             seconds of warm-up at the same rate, not counted (default 10)
 *   LOAD_CONNECTIONS        concurrent connections (default 10)
 *   LOAD_MAX_RSS_GROWTH_MB  allowed RSS growth from after warm-up to the end (default 64)
 *   LOAD_OPERATIONS         comma-separated example operation names (default: five of them)
 *   LOAD_FIND_MAX=1         instead: no rate limit for LOAD_DURATION seconds (default 10), to
 *                           measure the maximum throughput; prints it and exits
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { startProgress } from '../../src/progress';
import { exampleOperations } from '../../test/graphql/examples';
import { flagEnv, intEnv, listEnv } from '../lib/env';
import { freePort } from '../lib/net';

const HOST = '127.0.0.1';
const DEFAULT_OPERATIONS = ['DialoguesAddressingFentanyl', 'WhatReplacedNafta', 'SearchMerida', 'TimelineOfUsmca', 'HowIsAmloConnectedToTheUsmca'];

const findMax = flagEnv('LOAD_FIND_MAX');
const RATE = intEnv('LOAD_RATE', { fallback: 150, min: 1, max: 20_000 });
const DURATION = intEnv('LOAD_DURATION', { fallback: findMax ? 10 : 60, min: 1, max: 600 });
const WARMUP = intEnv('LOAD_WARMUP', { fallback: 10, min: 0, max: 120 });
const CONNECTIONS = intEnv('LOAD_CONNECTIONS', { fallback: 10, min: 1, max: 200 });
const MAX_RSS_GROWTH_MB = intEnv('LOAD_MAX_RSS_GROWTH_MB', { fallback: 64, min: 1, max: 10_000 });
const OPERATION_NAMES = listEnv('LOAD_OPERATIONS', DEFAULT_OPERATIONS);

/** Resident set size of a process in MiB, from /proc/<pid>/status. */
function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

async function waitReady(base: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms`);
}

interface Checked {
  ok: number;
  bad: number;
  firstBad: string | undefined;
  byOperation: Record<string, number>;
}

function requestsFor(operations: Array<{ name: string; document: string }>, checked: Checked): autocannon.Request[] {
  return operations.map((op) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: op.document, operationName: op.name }),
    onResponse: (status: number, body: string) => {
      let good = status === 200;
      if (good) {
        try {
          const json = JSON.parse(body) as { data?: unknown; errors?: unknown };
          good = json.data !== undefined && json.data !== null && json.errors === undefined;
        } catch {
          good = false;
        }
      }
      if (good) {
        checked.ok++;
        checked.byOperation[op.name] = (checked.byOperation[op.name] ?? 0) + 1;
      } else {
        checked.bad++;
        checked.firstBad ??= `${op.name}: HTTP ${status} ${body.slice(0, 300)}`;
      }
    },
  }));
}

/**
 * Runs autocannon for `opts.duration` seconds with progress on stderr (a bar on a terminal, else
 * a line every 10 s): seconds done and the requests checked so far.
 */
function run(phase: string, opts: autocannon.Options & { duration: number }, checked: Checked): Promise<autocannon.Result> {
  const progress = startProgress(`load: ${phase}`, opts.duration, { unit: ' s' });
  const started = Date.now();
  const detail = (): string => `${checked.ok + checked.bad} requests checked, ${checked.bad} bad`;
  const ticker = setInterval(() => progress.update(Math.min(opts.duration, Math.floor((Date.now() - started) / 1000)), detail()), 1000);
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
  }).finally(() => {
    clearInterval(ticker);
    progress.finish(opts.duration, detail());
  });
}

async function main(): Promise<number> {
  const all = exampleOperations();
  const operations = OPERATION_NAMES.map((name) => {
    const op = all.find((o) => o.name === name);
    if (!op) throw new Error(`LOAD_OPERATIONS: no example operation named ${name} in schema/examples.graphql`);
    return op;
  });

  const port = await freePort(HOST);
  const base = `http://${HOST}:${port}`;
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { ...process.env, NODE_ENV: 'production', HOST, PORT: String(port), LOG_LEVEL: 'warn', NEO4J_URI: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = (): void => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  try {
    await waitReady(base, child);
    const rssStart = rssMiB(child.pid!);
    const common = { url: base, connections: CONNECTIONS, timeout: 10 };

    if (findMax) {
      const checked: Checked = { ok: 0, bad: 0, firstBad: undefined, byOperation: {} };
      const result = await run('finding the maximum', { ...common, duration: DURATION, requests: requestsFor(operations, checked) }, checked);
      console.log(
        `max throughput: ${result.requests.average} req/s average over ${DURATION} s with ${CONNECTIONS} connections (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${checked.bad + result.errors + result.timeouts})`,
      );
      return 0;
    }

    if (WARMUP > 0) {
      const warm: Checked = { ok: 0, bad: 0, firstBad: undefined, byOperation: {} };
      await run('warm-up', { ...common, duration: WARMUP, overallRate: RATE, requests: requestsFor(operations, warm) }, warm);
    }
    const rssBefore = rssMiB(child.pid!);

    const checked: Checked = { ok: 0, bad: 0, firstBad: undefined, byOperation: {} };
    const started = Date.now();
    const result = await run(
      `measuring at ${RATE} req/s`,
      { ...common, duration: DURATION, overallRate: RATE, requests: requestsFor(operations, checked) },
      checked,
    );
    const elapsed = (Date.now() - started) / 1000;
    const rssAfter = rssMiB(child.pid!);

    const total = result.requests.total;
    const errors = checked.bad + result.errors + result.timeouts;
    const growth = Math.round((rssAfter - rssBefore) * 10) / 10;
    const lines = [
      `load test: ${operations.length} example operations (${operations.map((o) => o.name).join(', ')}), ${CONNECTIONS} connections, memory store, NODE_ENV=production`,
      `machine:   ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
      `rate:      ${RATE} req/s requested, ${(total / elapsed).toFixed(1)} req/s achieved`,
      `duration:  ${DURATION} s (after ${WARMUP} s warm-up)`,
      `requests:  ${total} (checked OK ${checked.ok})`,
      `non-2xx:   ${result.non2xx}`,
      `errors:    ${errors} (bad bodies ${checked.bad}, socket errors ${result.errors}, timeouts ${result.timeouts})`,
      `latency:   p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `RSS:       ${rssStart} MiB at start, ${rssBefore} MiB after warm-up, ${rssAfter} MiB at the end (${growth >= 0 ? '+' : ''}${growth} MiB; bound ${MAX_RSS_GROWTH_MB} MiB)`,
    ];
    console.log(lines.join('\n'));
    let failed = false;
    if (errors > 0 || result.non2xx > 0) {
      console.error(`FAIL: ${errors} errors, ${result.non2xx} non-2xx${checked.firstBad ? `; first: ${checked.firstBad}` : ''}`);
      failed = true;
    }
    if (growth > MAX_RSS_GROWTH_MB) {
      console.error(`FAIL: RSS grew by ${growth} MiB, more than ${MAX_RSS_GROWTH_MB} MiB`);
      failed = true;
    }
    if (total < RATE * DURATION * 0.9) {
      console.error(`FAIL: only ${total} requests, under 90% of ${RATE * DURATION}: the server did not sustain the rate`);
      failed = true;
    }
    return failed ? 1 : 0;
  } finally {
    stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`load test failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
