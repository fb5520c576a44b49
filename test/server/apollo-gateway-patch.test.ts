import { ApolloServer, type ApolloServerOptionsWithGateway, type BaseContext } from '@apollo/server';
import { buildSchema } from 'graphql';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<BaseContext>['gateway']>;
/** What a gateway's executor receives for each request. */
type GatewayGraphQLRequestContext = Parameters<NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>>[0];

/*
 * patches/@apollo+server+5.5.1.patch: the request context Apollo Server hands a gateway's executor
 * carries `response.http.status` as a getter and setter on a class, shared by every request.
 * Unpatched 5.5.1 wrote them in an object literal, so each request made two new closures over its
 * whole request context (the answer, the context value with its loaders), held by an accessor
 * pair V8 allocates in the old generation: every gateway request then survived the young
 * generation's collections, which made our server's scavenges two to three times longer than a
 * schema-mode server's (bench/notes/http.md). The shared-accessor test fails on unpatched 5.5.1.
 */

const schema = buildSchema('type Query { hello: String }');

/** An Apollo Server in gateway mode whose executor records each request context and answers `hello`. */
async function gatewayServer(seen: GatewayGraphQLRequestContext[], status?: number): Promise<ApolloServer> {
  const apollo = new ApolloServer({
    gateway: {
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      async load() {
        return {
          executor: async (requestContext) => {
            seen.push(requestContext);
            if (status !== undefined) {
              requestContext.response!.http!.status = status;
              requestContext.response!.http!.headers.set('x-from-gateway', String(status));
            }
            return { data: { hello: 'world' } };
          },
        };
      },
      async stop() {},
    },
  });
  await apollo.start();
  return apollo;
}

describe('Apollo Server gateway request context (patched)', () => {
  it('gives every request the same status accessors, made once, not closures over that request', async () => {
    const seen: GatewayGraphQLRequestContext[] = [];
    const apollo = await gatewayServer(seen);
    try {
      await apollo.executeOperation({ query: '{ hello }' });
      await apollo.executeOperation({ query: '{ hello }' });
    } finally {
      await apollo.stop();
    }
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((context) => context.response!.http!);
    // Unpatched: an own accessor on each request's object, with new functions every time.
    expect(Object.getOwnPropertyDescriptor(first, 'status')).toBeUndefined();
    const accessors = (http: object): PropertyDescriptor | undefined => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(http), 'status');
    expect(accessors(first)?.get).toEqual(expect.any(Function));
    expect(accessors(first)?.get).toBe(accessors(second)?.get);
    expect(accessors(first)?.set).toBe(accessors(second)?.set);
  });

  it('still writes the HTTP status and headers of the response', async () => {
    const seen: GatewayGraphQLRequestContext[] = [];
    const apollo = await gatewayServer(seen, 203);
    try {
      const response = await apollo.executeOperation({ query: '{ hello }' });
      expect(response.http.status).toBe(203);
      expect(seen[0].response!.http!.status).toBe(203);
      expect(response.http.headers.get('x-from-gateway')).toBe('203');
      expect(response.body.kind === 'single' && response.body.singleResult.data).toEqual({ hello: 'world' });
    } finally {
      await apollo.stop();
    }
  });
});
