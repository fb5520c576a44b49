/**
 * Configuration, resolved once at startup from explicit overrides, then the environment, then
 * defaults; validated and frozen. A bad value stops the process with a message naming the
 * variable, what was expected and what arrived.
 */
export interface Neo4jConfig {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string | undefined;
  /** Transaction timeout for every statement. */
  readonly timeoutMs: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly seedsDir: string;
  /** Introspection and the Sandbox landing page; on by default outside production. */
  readonly introspection: boolean;
  /** Set when NEO4J_URI is: the production store. Absent: the embedded memory store. */
  readonly neo4j: Neo4jConfig | undefined;
  /** Curation: curator name → bearer token (CURATOR_TOKENS); empty means writes are off. */
  readonly curatorTokens: ReadonlyMap<string, string>;
  /** The memory store's journal of curated changes (JOURNAL_PATH). */
  readonly journalPath: string;
  /** Abuse limits and operations (README, Configuration). */
  readonly limits: LimitsConfig;
  /** Origins allowed by CORS; `['*']` is any origin (no credentials are ever allowed). */
  readonly corsOrigins: readonly string[];
  /** pino level of the JSON logs. */
  readonly logLevel: LogLevel;
  /** The browser pages served beside the API (README, Explorer). */
  readonly pages: PagesConfig;
}

/** The pages for people: each can be turned off (EXPLORER, GRAPHIQL); Sandbox follows `introspection`. */
export interface PagesConfig {
  /** `/explore`, the research explorer; on by default. */
  readonly explorer: boolean;
  /** `/graphiql`, the self-hosted query editor; on when introspection is (it reads the schema by introspection). */
  readonly graphiql: boolean;
  /** Apollo Sandbox's telemetry to Apollo (SANDBOX_TELEMETRY); off by default. */
  readonly sandboxTelemetry: boolean;
  /** Where `npm run build` writes the pages' static files (WEB_DIR). */
  readonly webDir: string;
}

/** Limits on one GraphQL request: the query's shape and cost, the batch, the body. */
export interface LimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** Operations in one batched HTTP request; 0 turns batching off. */
  readonly maxBatchSize: number;
  readonly maxBodyBytes: number;
  /** Wall-clock time one GraphQL request may take before it stops with TIME_BUDGET_EXCEEDED. */
  readonly timeBudgetMs: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function limits(env: Env): LimitsConfig {
  return {
    maxDepth: integer(env, 'MAX_QUERY_DEPTH', 10, 1, 1000),
    maxAliases: integer(env, 'MAX_QUERY_ALIASES', 30, 0, 10_000),
    maxDirectives: integer(env, 'MAX_QUERY_DIRECTIVES', 20, 0, 10_000),
    maxTokens: integer(env, 'MAX_QUERY_TOKENS', 2000, 10, 1_000_000),
    maxCost: integer(env, 'MAX_QUERY_COST', 200_000, 1, 100_000_000),
    maxBatchSize: integer(env, 'MAX_BATCH_SIZE', 0, 0, 1000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 100_000, 1000, 100_000_000),
    timeBudgetMs: integer(env, 'REQUEST_TIME_BUDGET_MS', 10_000, 10, 600_000),
  };
}

function corsOrigins(env: Env): readonly string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined || raw.trim() === '') return ['*'];
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let valid = origin === '*';
    try {
      valid ||= new URL(origin).origin === origin;
    } catch {
      valid = false;
    }
    if (!valid) throw new ConfigError('CORS_ORIGINS', '* or comma-separated origins such as https://example.org', origin);
  }
  return origins.includes('*') ? ['*'] : origins;
}

function logLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ConfigError('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`, raw);
  return raw as LogLevel;
}

/** `alice=<token>,bob=<token>`: names are subjects, tokens at least 16 characters; never echoes a token. */
function curatorTokens(env: Env): ReadonlyMap<string, string> {
  const tokens = new Map<string, string>();
  for (const entry of (env.CURATOR_TOKENS ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    const name = at > 0 ? entry.slice(0, at).trim() : '';
    const token = at > 0 ? entry.slice(at + 1).trim() : '';
    const shown = name ? `${name}=<${token.length} characters>` : '<an entry without name=>';
    if (!/^[A-Za-z0-9][A-Za-z0-9._@-]*$/.test(name) || tokens.has(name)) throw new ConfigError('CURATOR_TOKENS', 'comma-separated name=token pairs with distinct names', shown);
    if (token.length < 16 || /\s/.test(token)) throw new ConfigError('CURATOR_TOKENS', 'tokens of at least 16 characters without spaces', shown);
    tokens.set(name, token);
  }
  return tokens;
}

export class ConfigError extends Error {
  constructor(variable: string, expected: string, received: string) {
    super(`${variable}: expected ${expected}, received ${JSON.stringify(received)}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, 'true or false', raw);
}

const NEO4J_SCHEMES = /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^/\s]+/;

function pages(env: Env, introspection: boolean): PagesConfig {
  return {
    explorer: boolean(env, 'EXPLORER', true),
    graphiql: boolean(env, 'GRAPHIQL', introspection),
    sandboxTelemetry: boolean(env, 'SANDBOX_TELEMETRY', false),
    webDir: env.WEB_DIR || 'dist/web',
  };
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const production = env.NODE_ENV === 'production';
  let neo4j: Neo4jConfig | undefined;
  const uri = env.NEO4J_URI;
  if (uri !== undefined && uri !== '') {
    if (!NEO4J_SCHEMES.test(uri)) throw new ConfigError('NEO4J_URI', 'a URI such as bolt://host:7687 or neo4j+s://host', uri);
    neo4j = {
      uri,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      timeoutMs: integer(env, 'NEO4J_TIMEOUT_MS', 10_000, 100, 600_000),
    };
  }
  const introspection = boolean(env, 'INTROSPECTION', !production);
  return Object.freeze({
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    production,
    seedsDir: env.SEEDS_DIR || 'seeds',
    introspection,
    neo4j,
    curatorTokens: curatorTokens(env),
    journalPath: env.JOURNAL_PATH || 'data/journal.jsonl',
    limits: limits(env),
    corsOrigins: corsOrigins(env),
    logLevel: logLevel(env),
    pages: pages(env, introspection),
    ...overrides,
  });
}
