import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../graphql/context';
import { createErrorFormatter } from '../graphql/errors';
import type { DegreeStats } from '../graphql/limits';
import { operationLogPlugin } from './logging';
import { queryLimitsPlugin } from './query-limits';

/** Puts the dataset version in every response's `extensions`, so a citation can pin the data. */
function datasetVersionPlugin(version: string): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, datasetVersion: version };
          }
        },
      };
    },
  };
}

/** `degreeStats` bounds the list sizes of the cost estimate (the store's `getDegreeStats`). */
export function createApolloServer(schema: GraphQLSchema, config: Config, datasetVersion: string, degreeStats: () => Promise<DegreeStats>): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // main.ts owns shutdown (drain HTTP, stop Apollo, close the store), so Apollo must not
    // handle SIGTERM itself and re-raise it.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    formatError: createErrorFormatter(schema, config.production),
    // The parser stops past the token limit; queryLimitsPlugin restates its error.
    parseOptions: { maxTokens: config.limits.maxTokens },
    allowBatchedHttpRequests: config.limits.maxBatchSize > 0,
    // csrfPrevention stays at Apollo's default (on): a GET or a simple POST needs a preflight header.
    plugins: [
      queryLimitsPlugin(config.limits, degreeStats),
      operationLogPlugin(),
      datasetVersionPlugin(datasetVersion),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}
