/**
 * The invariants every fuzzed request must keep, shared by the Query and Mutation fuzz suites:
 * HTTP 200 or 400 (never 5xx), a JSON body with `data` or `errors`, every error with an allowed
 * `extensions.code` (never INTERNAL_SERVER_ERROR) and no stack trace, and no unhandled rejection
 * seen by the process so far.
 */
import { runInThisContext } from 'node:vm';

/** Codes a client may legitimately get back for bad input. INTERNAL_SERVER_ERROR is not one. */
export const ALLOWED_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'NOT_FOUND',
]);

export interface Outcome {
  status: number;
  codes: string[];
  /** Data and no error: the request got through validation, the resolvers and the store. */
  hasData: boolean;
}

/** The real process (jest hands test files a copy): unhandled rejections are emitted on it. */
export const realProcess = runInThisContext('process') as NodeJS.Process;

export interface CheckOptions {
  /** Extra request headers (e.g. `authorization`). */
  readonly headers?: Record<string, string>;
  /** The codes allowed in this suite; ALLOWED_CODES by default. */
  readonly allowed?: ReadonlySet<string>;
  /** Unhandled rejections collected so far: any is a failure. */
  readonly rejections: readonly unknown[];
  /** Receives the error messages of the answer, when a suite checks them. */
  readonly messages?: string[];
}

/** Sends one request and checks the invariants; throws (for fast-check to shrink) on a breach. */
export async function postChecked(url: string, body: string, options: CheckOptions): Promise<Outcome> {
  const allowed = options.allowed ?? ALLOWED_CODES;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...options.headers },
    body,
  });
  const text = await res.text();
  if (res.status !== 200 && res.status !== 400) throw new Error(`HTTP ${res.status}: ${text.slice(0, 500)}`);
  let json: { data?: unknown; errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> };
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  if (typeof json !== 'object' || json === null || (!('data' in json) && !('errors' in json))) {
    throw new Error(`a body with neither data nor errors: ${text.slice(0, 300)}`);
  }
  const codes: string[] = [];
  for (const error of json.errors ?? []) {
    const code = String(error.extensions?.code);
    if (!allowed.has(code)) throw new Error(`error code ${code}: ${JSON.stringify(error).slice(0, 500)}`);
    if (error.extensions && 'stacktrace' in error.extensions) throw new Error(`a stack trace in production: ${JSON.stringify(error).slice(0, 300)}`);
    if (typeof error.message !== 'string' || /\n\s+at .+:\d+:\d+/.test(error.message))
      throw new Error(`a message with a stack trace: ${String(error.message).slice(0, 300)}`);
    codes.push(code);
    options.messages?.push(error.message);
  }
  if (options.rejections.length) throw new Error(`unhandled rejection: ${String(options.rejections[0])}`);
  return { status: res.status, codes, hasData: json.data !== undefined && json.data !== null && codes.length === 0 };
}
