/**
 * `npm run bench`: runs every benchmark in bench/<id>/main.ts, one after another, each in its
 * own process (so one's heap and JIT state never colour another's), then writes BENCHMARKS.md.
 *
 * A Neo4j is needed for the Neo4j rows (round trips, scaling, @neo4j/graphql): BENCH_NEO4J_URI
 * (with BENCH_NEO4J_USERNAME / BENCH_NEO4J_PASSWORD) when set, else the test Neo4j from
 * test/neo4j (neo4j-harness from Maven Central) is started once here, pinned to the server core.
 *
 * Environment:
 *   BENCH_ONLY=inprocess,http   run only these sections (the others keep their last results)
 *   BENCH_QUICK=1               a smoke run: few rounds, small sizes (figures not meaningful)
 *   BENCH_SCALING_MAX, BENCH_SCALING_NEO4J_MAX   cap the scaling sizes (defaults 1M and 100k)
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startProgress } from '../src/progress';
import { benchNeo4j, type BenchNeo4j } from './lib/neo4j';
import { RESULTS_DIR } from './lib/report';
import { listEnv } from './lib/env';
import { SECTION_IDS, writeReport } from './report';

const ROOT = path.join(__dirname, '..');
const NEEDS_NEO4J = new Set(['roundtrips', 'scaling', 'neo4j-graphql']);
/** Extra Node flags per section: scaling builds a 1M-node memory store and measures heap. */
const NODE_FLAGS: Record<string, string[]> = {
  scaling: ['--expose-gc', '--max-old-space-size=16384'],
};

function selected(): string[] {
  const only = listEnv('BENCH_ONLY', SECTION_IDS);
  const unknown = only.filter((id) => !(SECTION_IDS as readonly string[]).includes(id));
  if (unknown.length) throw new Error(`BENCH_ONLY: expected some of ${SECTION_IDS.join(', ')}, received ${unknown.join(', ')}`);
  return only;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<void> {
  const ids = selected();
  for (const id of ids) rmSync(path.join(RESULTS_DIR, `${id}.json`), { force: true });

  if (ids.includes('http') || ids.includes('cache')) {
    console.error('bench: building dist/ (the HTTP and cache benches serve the built server, as `npm start` does)');
    if ((await run('npm', ['run', 'build', '--silent'], process.env)) !== 0) throw new Error('npm run build failed');
  }

  let neo4j: BenchNeo4j | undefined;
  // As the server ships (graphql-js drops its development-only checks): the same for both sides of every comparison.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
  if (ids.some((id) => NEEDS_NEO4J.has(id)) && !process.env.BENCH_NEO4J_URI) {
    console.error('bench: starting the test Neo4j');
    neo4j = await benchNeo4j();
    Object.assign(env, {
      BENCH_NEO4J_URI: neo4j.uri,
      BENCH_NEO4J_USERNAME: neo4j.username,
      BENCH_NEO4J_PASSWORD: neo4j.password,
      BENCH_NEO4J_PINNED: String(neo4j.pinned),
    });
  }

  const failed: string[] = [];
  // Overall progress as plain lines even on a terminal: the sections print their own output
  // in between, which a redrawn bar would garble. A line per section, and one a minute meanwhile.
  const progress = startProgress('bench: sections done', ids.length, { tty: false, everyItems: 1, everyMs: 60_000 });
  const benchStarted = Date.now();
  const minutes = (since: number): string => `${((Date.now() - since) / 60_000).toFixed(1)} min`;
  try {
    for (const [index, id] of ids.entries()) {
      const entry = path.join('bench', id, 'main.ts');
      if (!existsSync(path.join(ROOT, entry))) throw new Error(`${entry} is missing`);
      const started = Date.now();
      console.error(`\nbench: ${id} (${index + 1} of ${ids.length}) …`);
      const heartbeat = setInterval(() => progress.update(index, `${id} running for ${minutes(started)}, ${minutes(benchStarted)} in all`), 5_000);
      const code = await run(process.execPath, [...(NODE_FLAGS[id] ?? []), '--import', 'tsx', entry], env).finally(() => clearInterval(heartbeat));
      const seconds = Math.round((Date.now() - started) / 1000);
      if (code !== 0) {
        failed.push(id);
        console.error(`bench: ${id} FAILED (exit ${code}) after ${seconds} s`);
      } else {
        console.error(`bench: ${id} done in ${seconds} s`);
      }
      progress.update(index + 1, `${minutes(benchStarted)} in all${index + 1 < ids.length ? `; next: ${ids[index + 1]}` : ''}`);
    }
  } finally {
    await neo4j?.stop();
  }
  console.error(`bench: wrote ${writeReport(failed)}`);
  if (failed.length) {
    console.error(`bench: failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
