import type { ApolloServerPlugin } from '@apollo/server';
import {
  LIMIT_NAMES,
  MAX_ESTIMATED_SELECTIONS,
  MAX_VARIABLES_DEPTH,
  checkQueryLimits,
  countTokens,
  limitExceeded,
  measureDocument,
  nestingDepth,
  readDegreeStats,
  type DegreeStats,
  type QueryLimits,
} from '../graphql/limits';

/** graphql-js's message when `parseOptions.maxTokens` stops the parser. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more that \d+ tokens/;

/**
 * Refuses operations past `limits` with `QUERY_TOO_COMPLEX`, the measured and the allowed value.
 * The token limit runs inside the parser (Apollo's `parseOptions.maxTokens`, so an oversized
 * document is never fully parsed or validated); this plugin counts the tokens of a refused
 * document and restates the parser's error. Depth, aliases, directives and cost are measured on
 * the validated document, before execution; the cost with list sizes bounded by `stats()`, the
 * store's degree statistics (cached by the store until its next curated change).
 * Variables nested past `MAX_VARIABLES_DEPTH` are refused first, before execution coerces them
 * or the cost estimate reads them (measured without recursion: thousands of levels would
 * overflow the stack of anything recursive).
 */
export function queryLimitsPlugin(limits: QueryLimits, stats: () => Promise<DegreeStats>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let tokens: number | undefined;
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error && TOO_MANY_TOKENS.test(error.message)) tokens = countTokens(source);
          };
        },
        async didResolveOperation({ schema, document, operationName, request }) {
          const nesting = nestingDepth(request.variables);
          if (nesting > MAX_VARIABLES_DEPTH) throw limitExceeded(LIMIT_NAMES.variables, nesting, MAX_VARIABLES_DEPTH);
          const measures = measureDocument(schema, await readDegreeStats(stats), document, operationName, request.variables);
          const refusal = checkQueryLimits(measures, limits, MAX_ESTIMATED_SELECTIONS);
          if (refusal) throw refusal;
        },
        async willSendResponse({ response }) {
          if (tokens === undefined || response.body.kind !== 'single') return;
          const { message, extensions } = limitExceeded(LIMIT_NAMES.tokens, tokens, limits.maxTokens);
          const { http: _http, ...visible } = extensions;
          response.body.singleResult.errors = [{ message, extensions: visible }];
        },
      };
    },
  };
}
