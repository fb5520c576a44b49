/**
 * Where our time goes on the @neo4j/graphql reference queries (a diagnostic, not part of
 * `npm run bench`): for each query, over `PROFILE_RUNS` operations on the same data as main.ts,
 * the per-operation median of
 *
 *   total       — graphql-js execute of our schema, start to answer;
 *   statements  — Cypher statements sent, and for each: wall time of the executor call (session,
 *                 transaction, network, server), the server's own time (resultAvailableAfter +
 *                 resultConsumedAfter) and the records returned;
 *   mapping     — store time outside the executor (Neo4j values → domain objects, sorting);
 *   graphql     — the rest: resolvers, DataLoader scheduling, views, result building.
 *
 * Then, for each statement the queries send, PROFILE with the real parameters (db hits, rows,
 * operators: whether the indexes and the Entity.id constraint are used).
 *
 * Run: BENCH_NEO4J_URI=… node --import tsx bench/neo4j-graphql/profile.ts [--no-load] [query ids…]
 * (without BENCH_NEO4J_URI it starts the test Neo4j; --no-load reuses the graph already there).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { execute, parse } from 'graphql';
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';
import { createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { connectExecutor, loadStatements, Neo4jExecutor, Neo4jStore, type ExecuteMode } from '../../src/store/neo4j';
import type { StatementName } from '../../src/store/neo4j/statements';
import { seedDataset } from '../../test/helpers/dataset';
import { assertOk } from '../lib/check';
import { QUICK, flagEnv, positiveIntEnv } from '../lib/env';
import { benchNeo4j, loadIntoNeo4j } from '../lib/neo4j';
import { median } from '../lib/stats';
import { generateDataset, mergeDatasets } from '../synth/generate';
import { REFERENCE_QUERIES } from '../queries';
import { theirQueries } from './their-queries';

const RUNS = Number(process.env.PROFILE_RUNS ?? 30);
const NODES = positiveIntEnv('PROFILE_SYNTHETIC_NODES', QUICK ? 10_000 : 30_000);

interface StatementTiming {
  name: string;
  wallMs: number;
  serverMs: number;
  records: number;
  params: Record<string, unknown>;
}

/** An executor that records every read: its wall time, the server's time and its records. */
class TimingExecutor extends Neo4jExecutor {
  log: StatementTiming[] = [];

  override async execute<R extends RecordShape = RecordShape>(
    name: StatementName,
    params: Record<string, unknown>,
    mode: ExecuteMode,
    timeoutMs?: number,
  ): Promise<QueryResult<R>> {
    if (mode !== 'read') return super.execute<R>(name, params, mode, timeoutMs);
    const start = performance.now();
    const result = await super.execute<R>(name, params, mode, timeoutMs);
    const wallMs = performance.now() - start;
    const s = result.summary;
    const serverMs = Number(s.resultAvailableAfter) + Number(s.resultConsumedAfter);
    this.log.push({ name, wallMs, serverMs, records: result.records.length, params });
    return result;
  }
}

/** A store whose methods are timed as a whole (so mapping = store time − executor time). */
function timedStore(store: Neo4jStore): { store: Neo4jStore; storeMs: () => number; reset(): void } {
  let ms = 0;
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !['getNodesByIds', 'getRelationships', 'findNodes', 'search'].includes(String(property))) return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          ms += performance.now() - start;
        }
      };
    },
  });
  return { store: proxy, storeMs: () => ms, reset: () => (ms = 0) };
}

/** A driver that records the Cypher @neo4j/graphql sends (it runs each operation in `session.executeRead`). */
function capturingDriver(driver: Driver): { driver: Driver; captured: Array<{ query: string; params: Record<string, unknown> }> } {
  const captured: Array<{ query: string; params: Record<string, unknown> }> = [];
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== 'run') return Reflect.get(target, property, receiver);
        return (query: string, params: Record<string, unknown>) => {
          captured.push({ query, params });
          return target.run(query, params);
        };
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, property, receiver) {
        if (property !== 'executeRead') return Reflect.get(target, property, receiver);
        return (work: (tx: ManagedTransaction) => Promise<unknown>, config?: object) => target.executeRead((tx) => work(wrapTx(tx)), config);
      },
    });
  const proxy = new Proxy(driver, {
    get(target, property, receiver) {
      if (property !== 'session') return Reflect.get(target, property, receiver);
      return (config?: object) => wrapSession(target.session(config));
    },
  });
  return { driver: proxy, captured };
}

type ProfilePlan = { operatorType: string; dbHits: number; rows: number; arguments: Record<string, unknown>; children: ProfilePlan[] };

function planLines(p: ProfilePlan, depth = 0, out: string[] = []): string[] {
  out.push(
    `${'  '.repeat(depth)}${p.operatorType.replace(/@neo4j$/, '')} rows=${p.rows} dbHits=${p.dbHits} ${String(p.arguments.Details ?? '').slice(0, 140)}`,
  );
  for (const c of p.children) planLines(c, depth + 1, out);
  return out;
}

function dbHits(p: ProfilePlan): number {
  return p.dbHits + p.children.reduce((a, c) => a + dbHits(c), 0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const noLoad = args.includes('--no-load');
  const only = args.filter((a) => !a.startsWith('--'));
  const server = await benchNeo4j();
  try {
    const synth = generateDataset({ nodes: NODES });
    const hub = synth.probes.hubTopicId;
    if (!noLoad) {
      const loaded = await loadIntoNeo4j({ ...server, timeoutMs: 300_000 }, mergeDatasets(seedDataset(), synth));
      await loaded.store.close();
    }
    const base = await connectExecutor(server);
    const executor = new TimingExecutor(base.driver, { uri: server.uri, timeoutMs: 60_000 });
    const timed = timedStore(new Neo4jStore(executor));
    const schema = await createSchema();
    const capture = capturingDriver(neo4j.driver(server.uri, neo4j.auth.basic(server.username, server.password)));
    const typeDefs = readFileSync(path.join(__dirname, 'type-defs.graphql'), 'utf8');
    const theirSchema = await new Neo4jGraphQL({ typeDefs, driver: capture.driver }).getSchema();
    const theirs = theirQueries(mergeDatasets(seedDataset(), synth), hub);
    for (const q of REFERENCE_QUERIES) {
      if (only.length && !only.includes(q.id)) continue;
      const document = parse(q.query);
      const variables = q.query.includes('$hub') ? { hub } : {};
      const totals: number[] = [];
      const stores: number[] = [];
      const perStatement: StatementTiming[][] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        executor.log = [];
        timed.reset();
        const start = performance.now();
        const body = await execute({ schema, document, variableValues: variables, contextValue: createContext(timed.store, { schedule: 'macrotask' }) });
        const total = performance.now() - start;
        assertOk(body, q.id);
        if (i < 3) continue; // warm-up
        totals.push(total);
        stores.push(timed.storeMs());
        perStatement.push(executor.log);
      }
      const n = perStatement[0].length;
      const col = (k: number, f: (s: StatementTiming) => number) => median(perStatement.map((l) => f(l[k])));
      const wall = median(perStatement.map((l) => l.reduce((a, s) => a + s.wallMs, 0)));
      console.log(
        `\n== ${q.id}: total ${median(totals).toFixed(2)} ms; store ${median(stores).toFixed(2)} ms (executor ${wall.toFixed(2)}, mapping ${(median(stores) - wall).toFixed(2)}); graphql ${(median(totals) - median(stores)).toFixed(2)} ms`,
      );
      for (let k = 0; k < n; k++) {
        const s = perStatement[0][k];
        console.log(
          `   ${k + 1}. ${s.name}: wall ${col(k, (x) => x.wallMs).toFixed(2)} ms, server ${col(k, (x) => x.serverMs).toFixed(2)} ms, ${s.records} records`,
        );
      }
      // PROFILE each statement of the last run once, with its real parameters.
      for (const s of perStatement[perStatement.length - 1]) {
        const session = base.driver.session();
        try {
          const result = await session.run(`PROFILE ${loadStatements().get(s.name)!}`, s.params);
          const plan = result.summary.profile as unknown as ProfilePlan;
          console.log(`   PROFILE ${s.name}: ${dbHits(plan)} db hits`);
          if (flagEnv('PROFILE_PLANS'))
            console.log(
              planLines(plan)
                .map((l) => `      ${l}`)
                .join('\n'),
            );
        } finally {
          await session.close();
        }
      }
      // Theirs: the one statement they send, timed alone (server time) and PROFILEd.
      const their = theirs.find((t) => t.ref.id === q.id)!;
      const theirDoc = parse(their.query);
      const theirTotals: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        capture.captured.length = 0;
        const start = performance.now();
        assertOk(await execute({ schema: theirSchema, document: theirDoc, variableValues: { ...their.variables }, contextValue: {} }), `${q.id} (theirs)`);
        if (i >= 3) theirTotals.push(performance.now() - start);
      }
      const sent = capture.captured.filter((c) => !c.query.includes('dbms.components'));
      const session = base.driver.session();
      try {
        const server: number[] = [];
        for (let i = 0; i < 10; i++) {
          const r = await session.run(sent[0].query, sent[0].params);
          server.push(Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter));
        }
        const plan = (await session.run(`PROFILE ${sent[0].query}`, sent[0].params)).summary.profile as unknown as ProfilePlan;
        console.log(
          `   theirs: total ${median(theirTotals).toFixed(2)} ms; ${sent.length} statement(s), server ${median(server).toFixed(2)} ms, ${dbHits(plan)} db hits`,
        );
        if (flagEnv('PROFILE_PLANS'))
          console.log(
            `${sent[0].query}\n${planLines(plan)
              .map((l) => `      ${l}`)
              .join('\n')}`,
          );
      } finally {
        await session.close();
      }
    }
    await capture.driver.close();
    await base.driver.close();
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
