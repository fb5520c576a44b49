import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { Lexer, Source, TokenKind, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { DegreeStats } from '../../domain';
import { statisticsCostEstimator } from './cost';
import type { QueryMeasures } from './query-limits';
import { MAX_VARIABLES_DEPTH, nestingDepth } from './variables';

/**
 * Selections the cost estimator visits at most, fragments expanded. A document past it (a
 * fragment fan-out: few tokens, exponentially many fields) is refused without finishing the estimate.
 */
export const MAX_ESTIMATED_SELECTIONS = 10_000;
const TOO_MANY_NODES = /maximum allowed number of nodes/;

/** Measurements kept per document (and schema) for at most this many (operation, variables) pairs. */
const MAX_CACHED_PER_DOCUMENT = 32;
/** Variables longer than this as JSON are measured every time rather than cached. */
const MAX_CACHED_KEY_LENGTH = 2048;

/** Per statistics (a store hands out a new object after each change), schema and document. */
const measured = new WeakMap<DegreeStats, WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, QueryMeasures>>>>();

/**
 * Measures a parsed, validated document (see `measure`) against the store's `stats`, remembering the answer: Apollo Server
 * keeps one parsed `DocumentNode` per distinct query text, so a repeated query is measured once
 * per (operation name, variables) instead of on every request — measuring is a validation pass
 * plus a cost walk, which cost as much as executing a small query (bench/http). Documents are
 * never mutated after parsing; the cache is weak (it goes when Apollo drops the document) and
 * bounded per document.
 */
export function measureDocument(
  schema: GraphQLSchema,
  stats: DegreeStats,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown>,
): QueryMeasures {
  // JSON.stringify recurses: variables nested past the limit are measured uncached, never stringified.
  if (variables !== undefined && nestingDepth(variables, MAX_VARIABLES_DEPTH) > MAX_VARIABLES_DEPTH)
    return measure(schema, stats, document, operationName, variables);
  const key = `${operationName ?? ''}\0${variables === undefined ? '' : JSON.stringify(variables)}`;
  if (key.length > MAX_CACHED_KEY_LENGTH) return measure(schema, stats, document, operationName, variables);
  let byStats = measured.get(stats);
  if (!byStats) measured.set(stats, (byStats = new WeakMap()));
  let bySchema = byStats.get(schema);
  if (!bySchema) byStats.set(schema, (bySchema = new WeakMap()));
  let byRequest = bySchema.get(document);
  if (!byRequest) bySchema.set(document, (byRequest = new Map()));
  let result = byRequest.get(key);
  if (!result) {
    result = Object.freeze(measure(schema, stats, document, operationName, variables));
    if (byRequest.size < MAX_CACHED_PER_DOCUMENT) byRequest.set(key, result);
  }
  return result;
}

/**
 * GraphQL Armor's rules do the counting (over every operation in the document, fragments
 * included; we take the largest) with their limits set out of reach, so that we learn the
 * measured values and phrase the refusal ourselves; graphql-query-complexity estimates the cost
 * of the operation that will run, with list sizes bounded by the store's statistics (`cost.ts`).
 */
function measure(
  schema: GraphQLSchema,
  stats: DegreeStats,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown>,
): QueryMeasures {
  let depth = 0;
  let aliases = 0;
  let directives = 0;
  const unlimited = { n: Number.MAX_SAFE_INTEGER, propagateOnRejection: false };
  validate(schema, document, [
    maxDepthRule({ ...unlimited, flattenFragments: true, onAccept: [(_ctx, { n }) => (depth = Math.max(depth, n))] }),
    maxAliasesRule({ ...unlimited, onAccept: [(_ctx, { n }) => (aliases = Math.max(aliases, n))] }),
    maxDirectivesRule({ ...unlimited, onAccept: [(_ctx, { n }) => (directives = Math.max(directives, n))] }),
  ]);
  let cost: number | undefined;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables,
      estimators: [statisticsCostEstimator(stats)],
      maxQueryNodes: MAX_ESTIMATED_SELECTIONS,
    });
  } catch (error) {
    if (error instanceof Error && TOO_MANY_NODES.test(error.message)) return { depth, aliases, directives, selectionsOverflow: true };
    // Otherwise variables that do not coerce: execution refuses them with a clear BAD_USER_INPUT.
  }
  return { depth, aliases, directives, cost };
}

/** Lexical tokens in `source` as the parser counts them (comments excluded); a lexing error stops the count. */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A malformed token ends the count; the parse error already says what is wrong.
  }
  return count;
}
