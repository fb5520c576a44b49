import type { ApolloServer } from '@apollo/server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { loadConfig, type Config, type LimitsConfig } from '../../src/config';
import type { GraphStore } from '../../src/domain';
import { createContext, type Context, type LoaderSchedule } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import type { ResponseCacheStats } from '../../src/server/answer-cache';
import { createApp } from '../../src/server/app';
import type { Telemetry } from '../../src/telemetry';

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export interface TestServer {
  readonly apollo: ApolloServer<Context>;
  readonly url: string;
  /** Runs an operation in-process through Apollo (formatError, plugins included). */
  execute(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResult>;
  /** Runs an operation over HTTP POST against the listening server. */
  post(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLResult>;
  /** The response cache's counters (src/server/answer-cache.ts). */
  cacheStats(): ResponseCacheStats;
  close(): Promise<void>;
}

/** Config overrides for a test server; `limits` may name only the limits a test changes. */
export type TestOverrides = Omit<Partial<Config>, 'limits'> & { limits?: Partial<LimitsConfig> };

export interface TestServerOptions {
  /** Receives the request log (e.g. a pino logger on a capturing stream); silent by default. */
  readonly logger?: Logger;
  /** Metrics and tracing for the app (wrap the store with `InstrumentedStore.wrap` too); none by default. */
  readonly telemetry?: Telemetry;
  /** When the loaders batch (`AppOptions.loaderSchedule`): `'microtask'` as main.ts sets it for the memory store; `'macrotask'` by default. */
  readonly loaderSchedule?: LoaderSchedule;
}

/** Starts the real HTTP app on a free loopback port over `store`. */
export async function startTestServer(store: GraphStore, overrides: TestOverrides = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const defaults = loadConfig({});
  const config = loadConfig({}, { host: '127.0.0.1', port: 0, logLevel: 'silent', ...overrides, limits: { ...defaults.limits, ...overrides.limits } });
  const schema = await createSchema();
  const app = await createApp(schema, store, config, { logger: options.logger, telemetry: options.telemetry, loaderSchedule: options.loaderSchedule });
  const server: Server = await new Promise((resolve) => {
    const s = app.express.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    apollo: app.apollo,
    url,
    async execute(query, variables, operationName) {
      const response = await app.apollo.executeOperation(
        { query, variables, operationName },
        { contextValue: createContext(store, { schedule: options.loaderSchedule }) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult;
    },
    async post(query, variables, operationName) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({ query, variables, operationName }),
      });
      return (await res.json()) as GraphQLResult;
    },
    cacheStats: app.cacheStats,
    async close() {
      await app.apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** POSTs `query` to a test server with an `Authorization` header (a curator's `Bearer <token>`), or none. */
export async function postAs(server: Pick<TestServer, 'url'>, query: string, authorization?: string): Promise<GraphQLResult> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as GraphQLResult;
}
