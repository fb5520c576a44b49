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
  return Object.freeze({
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    production,
    seedsDir: env.SEEDS_DIR || 'seeds',
    introspection: boolean(env, 'INTROSPECTION', !production),
    neo4j,
    ...overrides,
  });
}
