// The explorer's one way to the API: a JSON POST to this server's /graphql.
import type { TypedDocumentString } from './gql/graphql';

/** A GraphQL answer with errors, or a server that did not answer GraphQL. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: ReadonlyArray<{ message: string }>;
}

/** Runs one typed operation; rejects with the server's error messages when it answers any. */
export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  let body: GraphQLResponse<R>;
  try {
    body = (await response.json()) as GraphQLResponse<R>;
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without JSON`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError(`The API answered HTTP ${response.status} without data`);
  return body.data;
}
