/**
 * The HTTP bench's load generator, a child process of bench/http/main.ts pinned to the client
 * core (`taskset`), so the client never competes with the server for a core. It stays up for the
 * whole bench (warm JIT, no start-up per run) and takes jobs over the IPC channel:
 *
 * - `max`: autocannon, closed loop (each connection sends its next request when the previous
 *   answer arrives), for a fixed duration or a fixed number of answers: the maximum throughput.
 * - `paced`: an open-loop generator at a fixed rate: request i is due at start + i / rate and is
 *   sent then on a keep-alive connection pool whatever the answers before it did; its latency
 *   counts from when it was DUE to the end of its body, so a stall of the server shows up in the
 *   latency of every request it delayed (no coordinated omission). autocannon's `overallRate`
 *   is not used for this: it lets each connection send its per-second quota back to back at the
 *   start of each second and then idle (lib/httpClient.js), so its latencies are those of
 *   bursts at full speed, not of the set rate.
 *
 * Every response body is checked in both modes: HTTP 200, JSON, `data` present, no `errors`,
 * and the main list of the answer as long as in the checked answer (see ../plain/main-list.ts).
 * A body byte-identical to the last good one for the same request is good without parsing it
 * again, so checking does not make the client the bottleneck at tens of thousands of answers/s.
 * Bad bodies are counted and reported; main.ts fails the run on any.
 */
import autocannon from 'autocannon';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { mainListLength } from '../plain/main-list';

/** One request of a job's mix, with the length of its answer's main list. */
export interface LoadRequest {
  readonly name: string;
  /** The JSON body: `{ query, operationName, variables }`. */
  readonly body: string;
  readonly items: number;
}

export type LoadJob =
  | {
      readonly id: number;
      readonly mode: 'max';
      readonly url: string;
      /** Run for this long … */
      readonly seconds: number;
      /** … or, when given, until this many answers (for slow queries, where a time limit would cut answers off). */
      readonly amount?: number;
      readonly connections: number;
      readonly requests: readonly LoadRequest[];
    }
  | {
      readonly id: number;
      readonly mode: 'paced';
      readonly url: string;
      readonly seconds: number;
      readonly rate: number;
      readonly requests: readonly LoadRequest[];
    };

export interface LoadResult {
  readonly id: number;
  /** Responses received (good and bad). */
  readonly responses: number;
  readonly ok: number;
  readonly bad: number;
  readonly firstBad: string | null;
  /** Socket errors and timeouts. */
  readonly errors: number;
  /** The run's length in seconds (autocannon's, or from the first due time to the last answer). */
  readonly seconds: number;
  /** Good answers per second. */
  readonly throughput: number;
  /** Latency of good answers in milliseconds (paced: from the due time). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export type WorkerMessage = { readonly result: LoadResult } | { readonly id: number; readonly error: string };

/** Why a response is bad, or null when it is good. */
function badBody(status: number, body: string, request: LoadRequest): string | null {
  if (status !== 200) return `${request.name}: HTTP ${status} ${body.slice(0, 300)}`;
  let json: { data?: unknown; errors?: unknown };
  try {
    json = JSON.parse(body) as { data?: unknown; errors?: unknown };
  } catch {
    return `${request.name}: not JSON: ${body.slice(0, 300)}`;
  }
  if (json.errors !== undefined) return `${request.name}: errors ${JSON.stringify(json.errors).slice(0, 300)}`;
  if (json.data === undefined || json.data === null) return `${request.name}: no data`;
  const items = mainListLength(json.data);
  if (items !== request.items) return `${request.name}: expected ${request.items} items in the main list, received ${items}`;
  return null;
}

function nearestRank(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

class Tally {
  ok = 0;
  bad = 0;
  errors = 0;
  firstBad: string | null = null;
  readonly latencies: number[] = [];

  /** The last good body per request: a byte-identical answer is the same verdict, without parsing it again. */
  private readonly lastGood = new Map<LoadRequest, string>();

  check(status: number, body: string, request: LoadRequest): void {
    if (status === 200 && this.lastGood.get(request) === body) {
      this.ok++;
      return;
    }
    const why = badBody(status, body, request);
    if (why === null) {
      this.ok++;
      this.lastGood.set(request, body);
    } else {
      this.bad++;
      this.firstBad ??= why;
    }
  }

  result(id: number, seconds: number): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      id,
      responses: this.ok + this.bad,
      ok: this.ok,
      bad: this.bad,
      firstBad: this.firstBad,
      errors: this.errors,
      seconds,
      throughput: this.ok / seconds,
      p50Ms: nearestRank(sorted, 50),
      p99Ms: nearestRank(sorted, 99),
      maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    };
  }
}

async function runMax(job: Extract<LoadJob, { mode: 'max' }>): Promise<LoadResult> {
  const tally = new Tally();
  const requests: autocannon.Request[] = job.requests.map((r) => ({
    method: 'POST',
    path: new URL(job.url).pathname,
    headers: { 'content-type': 'application/json' },
    body: r.body,
    onResponse: (status: number, body: string) => tally.check(status, body, r),
  }));
  // Timed here, from the start to the last answer: autocannon's own `duration` ends on its
  // once-a-second sampling tick, so with `amount` it is rounded up to whole seconds.
  const start = performance.now();
  let last = start;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const limit = job.amount !== undefined ? { amount: job.amount } : { duration: job.seconds };
    const instance = autocannon({ url: new URL(job.url).origin, connections: job.connections, ...limit, timeout: 60, requests }, (error, r) =>
      error ? reject(error as Error) : resolve(r),
    );
    // responseTime is a float in ms (autocannon's own histogram keeps whole milliseconds).
    instance.on('response', (_client, status, _bytes, responseTime) => {
      last = performance.now();
      if (status === 200) tally.latencies.push(responseTime);
    });
  });
  tally.errors = result.errors + result.timeouts;
  if (result.non2xx > 0 && tally.bad === 0) {
    tally.bad = result.non2xx;
    tally.firstBad = `${result.non2xx} non-2xx responses`;
  }
  return tally.result(job.id, (last - start) / 1000);
}

async function runPaced(job: Extract<LoadJob, { mode: 'paced' }>): Promise<LoadResult> {
  const tally = new Tally();
  const target = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const bodies = job.requests.map((r) => Buffer.from(r.body, 'utf8'));
  const interval = 1000 / job.rate;
  const total = Math.round(job.seconds * job.rate);
  let inFlight = 0;
  let sent = 0;
  let lastAnswer = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const send = (due: number, index: number): void => {
    const request = job.requests[index % job.requests.length];
    const body = bodies[index % bodies.length];
    inFlight++;
    const settle = (): void => {
      lastAnswer = performance.now();
      if (--inFlight === 0 && sent === total) finish();
    };
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const latency = performance.now() - due;
          const status = res.statusCode ?? 0;
          tally.check(status, Buffer.concat(chunks).toString('utf8'), request);
          if (status === 200) tally.latencies.push(latency);
          settle();
        });
        res.on('error', () => {
          tally.errors++;
          settle();
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      tally.errors++;
      settle();
    });
    req.end(body);
  };

  const start = performance.now();
  const tick = (): void => {
    const now = performance.now();
    while (sent < total && start + sent * interval <= now) {
      send(start + sent * interval, sent);
      sent++;
    }
    if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    else if (inFlight === 0) finish();
  };
  tick();
  await done;
  agent.destroy();
  return tally.result(job.id, (lastAnswer - start) / 1000);
}

function reply(message: WorkerMessage): void {
  process.send!(message);
}

if (!process.send) {
  process.stderr.write('load-worker: expected to run as a child process with an IPC channel (bench/http/main.ts starts it)\n');
  process.exit(1);
}
process.on('message', (job: LoadJob) => {
  (job.mode === 'max' ? runMax(job) : runPaced(job)).then(
    (result) => reply({ result }),
    (error: unknown) => reply({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
