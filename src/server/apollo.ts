import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../graphql/context';
import { createErrorFormatter } from '../graphql/errors';

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

export function createApolloServer(schema: GraphQLSchema, config: Config, datasetVersion: string): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // main.ts owns shutdown (drain HTTP, stop Apollo, close the store), so Apollo must not
    // handle SIGTERM itself and re-raise it.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    formatError: createErrorFormatter(schema, config.production),
    plugins: [
      datasetVersionPlugin(datasetVersion),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}
