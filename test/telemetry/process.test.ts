import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOKEN = 'alice-token-0123456789';
const METRICS_TOKEN = 'scrape-token-0123456789';

/** Starts src/main.ts (through tsx) with `env`, runs `work` against its URL once it is ready, then stops it. */
function withMain(
  env: Record<string, string>,
  work: (url: string, stdout: string) => Promise<void>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let failure: unknown;
    let started = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /GraphQL at (http:\/\/localhost:\d+\/)/.exec(stdout);
      if (match && !started) {
        started = true;
        work(match[1], stdout).then(
          () => child.kill('SIGTERM'),
          (error: unknown) => {
            failure = error;
            child.kill('SIGTERM');
          },
        );
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure instanceof Error ? failure : new Error(String(failure)));
      else resolve({ code, stdout, stderr });
    });
  });
}

const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('the server process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-telemetry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('wires the store decorator and the journal fsync into /metrics, behind METRICS_TOKEN', async () => {
    let scraped = '';
    let refused = 0;
    const run = await withMain({ JOURNAL_PATH: join(dir, 'journal.jsonl'), CURATOR_TOKENS: `alice=${TOKEN}`, METRICS_TOKEN }, async (url) => {
      const post = (query: string, headers: Record<string, string> = {}) =>
        fetch(`${url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      await (await post('query Usmca { entity(id: "usmca") { name relationships { node { id } } } }')).json();
      const created = (await (
        await post(
          'mutation Nearshoring { createEntity(input: { id: "nearshoring", kind: Topic, name: "Nearshoring" }, sources: ["deck-2022#7"]) { entity { id } } }',
          {
            authorization: `Bearer ${TOKEN}`,
          },
        )
      ).json()) as { errors?: unknown };
      if (created.errors) throw new Error(`the mutation failed: ${JSON.stringify(created.errors)}`);
      refused = (await fetch(`${url}metrics`)).status;
      scraped = await (await fetch(`${url}metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    });
    expect(run.code).toBe(0);
    expect(refused).toBe(401);
    expect(sample(scraped, 'usmx_graphql_requests_total{operation="Usmca",type="query",outcome="ok"}')).toBe(1);
    expect(sample(scraped, 'usmx_graphql_requests_total{operation="Nearshoring",type="mutation",outcome="ok"}')).toBe(1);
    expect(sample(scraped, 'usmx_store_call_duration_seconds_count{store="memory",method="getRelationships",outcome="ok"}')).toBe(1);
    expect(sample(scraped, 'usmx_store_call_duration_seconds_count{store="memory",method="applyChange",outcome="ok"}')).toBe(1);
    expect(sample(scraped, 'usmx_journal_fsync_duration_seconds_count')).toBe(1);
    expect(run.stdout).toContain('/metrics (bearer token: METRICS_TOKEN)');
    expect(run.stdout).not.toContain(METRICS_TOKEN);
  });

  it('serves /metrics on METRICS_PORT only, bound to 127.0.0.1', async () => {
    let onApi = '';
    let onOwn = '';
    const run = await withMain({ METRICS_PORT: '0' }, async (url, stdout) => {
      await fetch(`${url}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Usmca { entity(id: "usmca") { id } }' }),
      });
      onApi = await (await fetch(`${url}metrics`)).text();
      const own = /Metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(stdout);
      if (!own) throw new Error(`no metrics URL in the startup lines: ${stdout}`);
      onOwn = await (await fetch(own[1])).text();
    });
    expect(run.code).toBe(0);
    expect(onApi).not.toContain('usmx_graphql_requests_total');
    expect(sample(onOwn, 'usmx_graphql_requests_total{operation="Usmca",type="query",outcome="ok"}')).toBe(1);
  });
});
