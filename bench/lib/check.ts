import { isDeepStrictEqual } from 'node:util';

/** What a GraphQL response looks like, as far as checks go. */
export interface GraphQLBody {
  data?: unknown;
  errors?: ReadonlyArray<{ message: string }>;
}

/** Throws unless `body` has data and no errors: a failed query must never count as a fast one. */
export function assertOk(body: GraphQLBody, where: string): void {
  if (body.errors && body.errors.length > 0) {
    throw new Error(
      `${where}: expected no errors, received ${body.errors.length}: ${body.errors
        .map((e) => e.message)
        .join('; ')
        .slice(0, 500)}`,
    );
  }
  if (body.data === undefined || body.data === null) throw new Error(`${where}: expected data, received ${JSON.stringify(body).slice(0, 300)}`);
}

/** Throws unless the two answers are deeply equal (checked once before timing, so both sides do the same work). */
export function assertSameData(a: unknown, b: unknown, where: string): void {
  if (!isDeepStrictEqual(a, b)) {
    throw new Error(`${where}: the two sides answered differently:\n  A: ${JSON.stringify(a).slice(0, 400)}\n  B: ${JSON.stringify(b).slice(0, 400)}`);
  }
}

/** Throws unless `actual` equals `expected` (a count of items, say). */
export function assertEqual<T>(actual: T, expected: T, where: string): void {
  if (!isDeepStrictEqual(actual, expected)) throw new Error(`${where}: expected ${JSON.stringify(expected)}, received ${JSON.stringify(actual)}`);
}

/** POSTs a JSON body to a GraphQL endpoint; anything but HTTP 200 throws with the start of the answer. */
export async function postGraphQL(url: string, body: string): Promise<GraphQLBody> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as GraphQLBody;
}
