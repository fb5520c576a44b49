import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context';
import type { OperationExecutor } from '../graphql/compiled-executor';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<Context>['gateway']>;

/**
 * Apollo Server runs operations with graphql-js's `execute` unless a gateway supplies an
 * executor (its one hook for another executor): this gateway serves the one local schema and
 * hands each operation — parsed, validated and passed by every plugin (limits, cache, version) —
 * to `execute`. Nothing else changes: the request pipeline, plugins, error formatting and the
 * landing page are Apollo's as with `schema`. (Apollo's gateway request context is patched,
 * patches/@apollo+server+5.5.1.patch: unpatched, it kept every request reachable from the old
 * generation, and our scavenges were two to three times longer than a schema-mode server's.)
 */
export function executorGateway(schema: GraphQLSchema, execute: OperationExecutor): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        executor: (request) =>
          execute({
            document: request.document,
            operationName: request.operationName,
            variableValues: request.request.variables,
            contextValue: request.context as Context,
          }),
      };
    },
    async stop() {},
  };
}
