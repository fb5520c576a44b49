import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { buildSchema } from 'graphql';
import { requestTelemetryPlugin } from '../../src/server/request-telemetry';
import { createMetrics } from '../../src/telemetry';

describe('response cache lookups', () => {
  it("are counted from what Apollo's response-cache plugin records: a miss, then hits; mutations not at all", async () => {
    const metrics = createMetrics({ maxOperationLabels: 10 });
    let calls = 0;
    const schema = buildSchema('type Query { hello: String } type Mutation { touch: Int }');
    const apollo = new ApolloServer({
      schema,
      rootValue: { hello: () => `hello ${++calls}`, touch: () => calls },
      plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: 60 }), ApolloServerPluginResponseCache(), requestTelemetryPlugin(metrics, null)],
    });
    await apollo.start();
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) {
        const response = await apollo.executeOperation({ query: 'query Hello { hello }' });
        answers.push(response.body.kind === 'single' ? response.body.singleResult.data : null);
      }
      await apollo.executeOperation({ query: 'mutation Touch { touch }' });
      // The cache answered the second and third time (the resolver ran once).
      expect(answers).toEqual([{ hello: 'hello 1' }, { hello: 'hello 1' }, { hello: 'hello 1' }]);
      const text = await metrics.registry.metrics();
      expect(text).toMatch(/^usmx_response_cache_lookups_total\{result="hit"\} 2$/m);
      expect(text).toMatch(/^usmx_response_cache_lookups_total\{result="miss"\} 1$/m);
      expect(text).toMatch(/^usmx_graphql_requests_total\{operation="Hello",type="query",outcome="ok"\} 3$/m);
    } finally {
      await apollo.stop();
    }
  });
});
