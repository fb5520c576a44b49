/** A GraphQL query sent as HTTP GET (with the CSRF preflight header Apollo requires), as a browser or proxy sends it. */
export interface GetAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The body as text (empty for a 304). */
  readonly text: string;
  /** The body parsed as JSON; undefined when empty. */
  readonly json:
    | { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, unknown> }
    | undefined;
}

export interface GetOptions {
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  readonly extensions?: Record<string, unknown>;
  /** Extra request headers (`if-none-match`, …). */
  readonly headers?: Record<string, string>;
}

/** `GET url?query=…&variables=…`; `query` may be omitted for an APQ hash-only request. */
export async function getQuery(url: string, query: string | undefined, options: GetOptions = {}): Promise<GetAnswer> {
  const params = new URLSearchParams();
  if (query !== undefined) params.set('query', query);
  if (options.variables) params.set('variables', JSON.stringify(options.variables));
  if (options.operationName) params.set('operationName', options.operationName);
  if (options.extensions) params.set('extensions', JSON.stringify(options.extensions));
  const res = await fetch(`${url}?${params}`, { headers: { 'apollo-require-preflight': 'true', ...options.headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as GetAnswer['json']) : undefined };
}
