import { GraphQLError, execute, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from './context';

/** What one operation needs to run: the parsed and validated document, its operation and variables. */
export interface OperationToRun {
  readonly document: DocumentNode;
  /** Which operation of the document; null or absent when it has only one. */
  readonly operationName?: string | null;
  readonly variableValues?: Readonly<Record<string, unknown>> | null;
  readonly contextValue: Context;
}

/** Runs a validated operation against the schema; the answer is graphql-js's, to the byte. */
export type OperationExecutor = (operation: OperationToRun) => Promise<ExecutionResult>;

/** Cap on the error list of variable coercion: graphql-js's own `execute` uses 50. */
const MAX_VARIABLE_ERRORS = 50;

/**
 * Executes operations with graphql-jit: each operation of a document is compiled once into a
 * plain JavaScript function over the same schema and resolvers, which then skips graphql-js's
 * per-field interpretation (field lookup, argument coercion, type checks, a promise per object),
 * about half the CPU of a large answer (bench/notes/http.md). Compiled operations are kept per
 * document object, which Apollo Server reuses for a repeated query text (its document store).
 *
 * The answers are graphql-js's: every example in schema/examples.graphql and every suite runs
 * through this executor. Where they could part, graphql-js answers instead: variables that fail
 * coercion (its messages are the ones clients see), and any operation graphql-jit cannot compile.
 */
export function compiledExecutor(schema: GraphQLSchema): OperationExecutor {
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiled = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = compiledByDocument.get(document);
    if (!byName) compiledByDocument.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      byName.set(key, isCompiledQuery(result) ? result : null);
    }
    return byName.get(key)!;
  };

  return async ({ document, operationName = null, variableValues, contextValue }) => {
    const graphqlJs = (): Promise<ExecutionResult> =>
      Promise.resolve(execute({ schema, document, operationName, variableValues: variableValues ?? undefined, contextValue }));
    const operation = getOperationAST(document, operationName);
    if (!operation) return graphqlJs();
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {}, { maxErrors: MAX_VARIABLE_ERRORS });
    if (coerced.errors) return graphqlJs();
    const query = compiled(document, operationName);
    if (!query) return graphqlJs();
    const result = await query.query(undefined, contextValue, variableValues ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
}

/**
 * graphql-jit's errors are GraphQLErrors by prototype only: built without graphql-js's
 * constructor, they lack `extensions` (Apollo reads `extensions.code`) and `toJSON`. Each is
 * rebuilt as graphql-js's `locatedError` would have built it: the message, path and locations,
 * and the thrown error as `originalError` (its `extensions` carried over).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  if (error.locations) Object.assign(rebuilt, { locations: error.locations });
  return rebuilt;
}
