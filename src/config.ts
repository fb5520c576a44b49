import { existsSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { redactUri, uriPassword } from './redact';

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
  /** Abuse limits and operations (docs/operations.md, Configuration). */
  readonly limits: LimitsConfig;
  /** Origins allowed by CORS; `['*']` is any origin (no credentials are ever allowed). */
  readonly corsOrigins: readonly string[];
  /** pino level of the JSON logs. */
  readonly logLevel: LogLevel;
  /** The browser pages served beside the API (docs/explorer.md). */
  readonly pages: PagesConfig;
  /** Metrics and traces (docs/operations.md, Metrics and traces). */
  readonly telemetry: TelemetryConfig;
  /** Answers cached by dataset version: in process, and by HTTP caches on GET (docs/operations.md, Caching). */
  readonly responseCache: ResponseCacheConfig;
}

/** Caching of query answers, keyed by the dataset version (src/server/response-cache.ts). */
export interface ResponseCacheConfig {
  /** The in-process cache of query answers (RESPONSE_CACHE); on by default. ETags and 304s on GET do not depend on it. */
  readonly enabled: boolean;
  /** Bound of the in-process cache in bytes of answer JSON (RESPONSE_CACHE_MAX_BYTES); least recently used answers go first. */
  readonly maxBytes: number;
  /** `max-age` in seconds of GET answers (HTTP_CACHE_MAX_AGE): how long a browser or proxy may reuse one before it revalidates. */
  readonly httpMaxAgeSeconds: number;
}

/** Where traces go: the OpenTelemetry exporters named by OTEL_TRACES_EXPORTER. */
export const TRACE_EXPORTERS = ['otlp', 'console'] as const;
export type TraceExporterName = (typeof TRACE_EXPORTERS)[number];

/** `/metrics` (prom-client) and OpenTelemetry tracing. */
export interface TelemetryConfig {
  /** `/metrics` in Prometheus format (METRICS); on by default. */
  readonly metrics: boolean;
  /** METRICS_TOKEN: when set, a scrape needs `Authorization: Bearer <token>`. */
  readonly metricsToken: string | undefined;
  /** METRICS_PORT: `/metrics` on a listener of its own (at METRICS_HOST) and not on the API port. */
  readonly metricsPort: number | undefined;
  /** METRICS_HOST: the metrics listener's interface; 127.0.0.1 by default. */
  readonly metricsHost: string;
  /** METRICS_MAX_OPERATIONS: distinct operation names labelled as themselves; later ones are `(other)`. */
  readonly maxOperationLabels: number;
  /** Trace exporters; empty: tracing off (OTEL_TRACES_EXPORTER unset and no OTLP endpoint, `none`, or OTEL_SDK_DISABLED). */
  readonly traceExporters: readonly TraceExporterName[];
  /** OTEL_SERVICE_NAME; `usmx-graph` by default. */
  readonly serviceName: string;
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
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
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

/**
 * `alice=<token>,bob=<token>`: names are subjects, tokens at least 16 characters and distinct (a
 * shared token would record one curator's writes under the other's name); never echoes a token.
 */
function curatorTokens(env: Env): ReadonlyMap<string, string> {
  const tokens = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const entry of (env.CURATOR_TOKENS ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf('=');
    const name = at > 0 ? entry.slice(0, at).trim() : '';
    const token = at > 0 ? entry.slice(at + 1).trim() : '';
    const shown = name ? `${name}=<${token.length} characters>` : '<an entry without name=>';
    if (!/^[A-Za-z0-9][A-Za-z0-9._@-]*$/.test(name) || tokens.has(name))
      throw new ConfigError('CURATOR_TOKENS', 'comma-separated name=token pairs with distinct names', shown);
    if (token.length < 16 || /\s/.test(token)) throw new ConfigError('CURATOR_TOKENS', 'tokens of at least 16 characters without spaces', shown);
    const owner = owners.get(token);
    if (owner !== undefined) throw new ConfigError('CURATOR_TOKENS', 'a distinct token for each curator', `${name}=<the same token as ${owner}>`);
    owners.set(token, name);
    tokens.set(name, token);
  }
  return tokens;
}

export class ConfigError extends Error {
  /** `what` says what the received value turned out to be, when that is the problem (`a directory`). */
  constructor(variable: string, expected: string, received: string, what?: string) {
    super(`${variable}: expected ${expected}, received ${JSON.stringify(received)}${what ? ` (${what})` : ''}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  // Plain decimal digits only: Number() would also take "0x12C1", "1e3" and " 4808 ".
  const value = /^-?\d{1,16}$/.test(raw) ? Number(raw) : NaN;
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

/**
 * NEO4J_URI split into a URI without credentials (what logs and errors may show) and the user
 * name and password of its userinfo, if any. NEO4J_USERNAME and NEO4J_PASSWORD, when set, win.
 */
function neo4jConfig(env: Env, raw: string): Neo4jConfig {
  if (!NEO4J_SCHEMES.test(raw)) throw new ConfigError('NEO4J_URI', 'a URI such as bolt://host:7687 or neo4j+s://host', redactUri(raw));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('NEO4J_URI', 'a URI such as bolt://host:7687 or neo4j+s://host', redactUri(raw));
  }
  let user: string | undefined;
  let password: string | undefined;
  try {
    user = url.username ? decodeURIComponent(url.username) : undefined;
    password = uriPassword(raw);
  } catch {
    throw new ConfigError('NEO4J_URI', 'percent-encoded credentials (user:password@host)', redactUri(raw));
  }
  url.username = '';
  url.password = '';
  // URL adds nothing to a URI without a path; keep the original spelling otherwise.
  const uri = user === undefined && password === undefined ? raw : url.toString().replace(/\/$/, raw.endsWith('/') ? '/' : '');
  return {
    uri,
    username: env.NEO4J_USERNAME ?? user ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? password ?? '',
    database: env.NEO4J_DATABASE || undefined,
    timeoutMs: integer(env, 'NEO4J_TIMEOUT_MS', 10_000, 100, 600_000),
  };
}

/** What `stat` says a path is, for messages. */
function describeStats(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Kernel filesystems whose "files" are not storage: reading /proc/kmsg blocks forever, /dev/zero never ends. */
const PSEUDO_FILESYSTEMS = ['/proc', '/sys', '/dev'];

/**
 * JOURNAL_PATH must be a regular file, or a file that can be created in a directory on a normal
 * filesystem. Checked with `stat` before anything reads it, so a wrong path is one clear line, not
 * a hang (/proc) or a read without end (/dev/zero).
 */
function journalPath(env: Env): string {
  const path = env.JOURNAL_PATH || 'data/journal.jsonl';
  const expected = 'a regular file path (the journal of curated changes)';
  const refuse = (what: string): never => {
    throw new ConfigError('JOURNAL_PATH', expected, path, what);
  };
  let existing = resolve(path);
  let stats: Stats | undefined;
  try {
    stats = statSync(existing);
  } catch {
    stats = undefined;
  }
  if (stats && !stats.isFile()) refuse(describeStats(stats));
  if (!stats) {
    // The nearest ancestor that exists must be a directory (the journal's folders are created).
    do existing = dirname(existing);
    while (!existsSync(existing) && dirname(existing) !== existing);
    const parent = statSync(existing);
    if (!parent.isDirectory()) refuse(`${existing} is not a directory`);
  }
  const real = realpathSync(existing);
  const pseudo = PSEUDO_FILESYSTEMS.find((root) => real === root || real.startsWith(`${root}/`));
  if (pseudo) refuse(`on ${pseudo}, a kernel filesystem, not storage`);
  return path;
}

/**
 * Tracing follows the standard OpenTelemetry variables, but is off unless asked for:
 * OTEL_TRACES_EXPORTER (`otlp`, `console`, `none`; comma-separated), or, when it is unset, an
 * OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) means `otlp`.
 */
function traceExporters(env: Env): readonly TraceExporterName[] {
  if (boolean(env, 'OTEL_SDK_DISABLED', false)) return [];
  const raw = env.OTEL_TRACES_EXPORTER;
  if (raw === undefined || raw.trim() === '') return env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? ['otlp'] : [];
  const names = raw
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names) {
    if (name !== 'none' && !(TRACE_EXPORTERS as readonly string[]).includes(name))
      throw new ConfigError('OTEL_TRACES_EXPORTER', `none or comma-separated ${TRACE_EXPORTERS.join(', ')}`, raw);
  }
  return [...new Set(names.filter((n): n is TraceExporterName => n !== 'none'))];
}

function telemetry(env: Env): TelemetryConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && (token.length < 16 || /\s/.test(token)))
    throw new ConfigError('METRICS_TOKEN', 'a token of at least 16 characters without spaces', `<${token.length} characters>`);
  const port = env.METRICS_PORT ? integer(env, 'METRICS_PORT', 0, 0, 65535) : undefined;
  return {
    metrics: boolean(env, 'METRICS', true),
    metricsToken: token,
    metricsPort: port,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    maxOperationLabels: integer(env, 'METRICS_MAX_OPERATIONS', 200, 1, 10_000),
    traceExporters: traceExporters(env),
    serviceName: env.OTEL_SERVICE_NAME || 'usmx-graph',
  };
}

function pages(env: Env, introspection: boolean): PagesConfig {
  return {
    explorer: boolean(env, 'EXPLORER', true),
    graphiql: boolean(env, 'GRAPHIQL', introspection),
    sandboxTelemetry: boolean(env, 'SANDBOX_TELEMETRY', false),
    webDir: env.WEB_DIR || 'dist/web',
  };
}

function responseCache(env: Env): ResponseCacheConfig {
  return {
    enabled: boolean(env, 'RESPONSE_CACHE', true),
    maxBytes: integer(env, 'RESPONSE_CACHE_MAX_BYTES', 64 * 1024 * 1024, 1000, 64 * 1024 * 1024 * 1024),
    httpMaxAgeSeconds: integer(env, 'HTTP_CACHE_MAX_AGE', 0, 0, 31_536_000),
  };
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const production = env.NODE_ENV === 'production';
  let neo4j: Neo4jConfig | undefined;
  const uri = env.NEO4J_URI;
  if (uri !== undefined && uri !== '') neo4j = neo4jConfig(env, uri);
  const introspection = boolean(env, 'INTROSPECTION', !production);
  return Object.freeze({
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    production,
    seedsDir: env.SEEDS_DIR || 'seeds',
    introspection,
    neo4j,
    curatorTokens: curatorTokens(env),
    // Only the memory store keeps a journal; on Neo4j the variable is not used.
    journalPath: neo4j || overrides.journalPath ? (overrides.journalPath ?? env.JOURNAL_PATH ?? 'data/journal.jsonl') : journalPath(env),
    limits: limits(env),
    corsOrigins: corsOrigins(env),
    logLevel: logLevel(env),
    pages: pages(env, introspection),
    telemetry: telemetry(env),
    responseCache: responseCache(env),
    ...overrides,
  });
}

/** The secrets in a loaded configuration (the Neo4j password, curator tokens, the metrics token), for `redactSecrets`. */
export function configSecrets(config: Pick<Config, 'neo4j' | 'curatorTokens'> & { readonly telemetry?: Pick<TelemetryConfig, 'metricsToken'> }): string[] {
  return [config.neo4j?.password ?? '', ...config.curatorTokens.values(), config.telemetry?.metricsToken ?? ''].filter(Boolean);
}

/**
 * The secrets in the environment, read without validating anything (NEO4J_PASSWORD, the password
 * in NEO4J_URI, every CURATOR_TOKENS token): what a startup error must not echo even when the
 * configuration itself is what failed.
 */
export function environmentSecrets(env: Env = process.env): string[] {
  // Entries too short to be tokens are refused by loadConfig without being echoed; masking them
  // everywhere would only garble the text.
  const tokens = (env.CURATOR_TOKENS ?? '')
    .split(',')
    .map((entry) => entry.slice(entry.indexOf('=') + 1).trim())
    .filter((t) => t.length >= 8);
  let encoded = '';
  try {
    encoded = new URL(env.NEO4J_URI ?? '').password;
  } catch {
    // Not a URI: no password in it.
  }
  return [
    env.NEO4J_PASSWORD ?? '',
    uriPassword(env.NEO4J_URI ?? '') ?? '',
    encoded,
    ...tokens,
    (env.METRICS_TOKEN ?? '').length >= 8 ? env.METRICS_TOKEN! : '',
  ].filter((s) => s.length > 0);
}
