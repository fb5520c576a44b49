import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Context } from '../graphql/context';
import { compiledExecutor } from '../graphql/compiled-executor';
import { createErrorFormatter } from '../graphql/errors';
import { knownOperationTypesRule } from '../graphql/operation-types';
import type { DegreeStats } from '../graphql/limits';
import { operationLogPlugin } from './logging';
import type { AnswerCache } from './answer-cache';
import { queryLimitsPlugin } from './query-limits';
import { requestVersion, versionWasRead } from './request-version';
import { responseCachePlugin } from './response-cache';
import { executorGateway } from './executor-gateway';

/** The header that carries the dataset version on GraphQL answers and exports. */
export const DATASET_VERSION_HEADER = 'X-Dataset-Version';

/**
 * Puts the dataset version in every response's `extensions` and `X-Dataset-Version` header, so a
 * citation can pin the data. Read from the store per request (curation moves it on, possibly in
 * another replica): a query's read is the one the response cache keys its answer by (made before
 * execution, or beside it when neither the in-process cache nor a GET needs it first); a
 * mutation's is taken after the change, so its answer names the version it produced.
 */
function datasetVersionPlugin(): ApolloServerPlugin<Context> {
  const readAfresh = (ctx: Context): Promise<string | null> => ctx.store.getDatasetVersion().catch(() => null);
  return {
    async requestDidStart() {
      return {
        // Read once the operation is allowed to run: a refused one (limits, validation) costs no
        // store call. The response cache may have read it already (one read per request).
        async executionDidStart({ contextValue }) {
          void requestVersion(contextValue);
        },
        async willSendResponse({ response, operation, contextValue: ctx }) {
          if (!versionWasRead(ctx)) return;
          const version = operation?.operation === 'mutation' ? await readAfresh(ctx) : await requestVersion(ctx);
          if (version === null) return;
          response.http.headers.set(DATASET_VERSION_HEADER.toLowerCase(), version);
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, datasetVersion: version };
          }
        },
      };
    },
  };
}

/**
 * `degreeStats` bounds the list sizes of the cost estimate (the store's `getDegreeStats`);
 * `logger` receives what Apollo itself logs (the server's masked pino logger, not the console);
 * `cache` holds query answers by dataset version (response-cache.ts); `plugins` are added after
 * the server's own (request metrics and spans).
 */
export function createApolloServer(
  schema: GraphQLSchema,
  config: Config,
  degreeStats: () => Promise<DegreeStats>,
  logger: Logger,
  cache: AnswerCache,
  plugins: ApolloServerPlugin<Context>[] = [],
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    // The schema, executed by graphql-jit (compiled-executor.ts) rather than graphql-js's interpreter.
    gateway: executorGateway(schema, compiledExecutor(schema)),
    logger,
    introspection: config.introspection,
    // main.ts owns shutdown (drain HTTP, stop Apollo, close the store), so Apollo must not
    // handle SIGTERM itself and re-raise it.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    formatError: createErrorFormatter(schema, config.production),
    // The parser stops past the token limit; queryLimitsPlugin restates its error.
    parseOptions: { maxTokens: config.limits.maxTokens },
    // A subscription (the schema has none) is refused by validation, as a client error.
    validationRules: [knownOperationTypesRule],
    allowBatchedHttpRequests: config.limits.maxBatchSize > 0,
    // csrfPrevention stays at Apollo's default (on): a GET or a simple POST needs a preflight header.
    plugins: [
      // Answers are cached by dataset version (response-cache.ts sets Cache-Control), never by
      // @cacheControl hints: Apollo's hint collection, a hook on every resolved field, is off.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(config.limits, degreeStats),
      operationLogPlugin(),
      responseCachePlugin(cache, config.responseCache.httpMaxAgeSeconds),
      datasetVersionPlugin(),
      config.introspection
        ? // Sandbox loads from Apollo's CDN (it needs internet); its telemetry stays off unless SANDBOX_TELEMETRY.
          ApolloServerPluginLandingPageLocalDefault({ embed: { runTelemetry: config.pages.sandboxTelemetry }, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      ...plugins,
    ],
  });
}
