/**
 * The response cache's lookups on /metrics: a query executed is a miss, a repeat answered from
 * the cache (or a GET answered 304) a hit; a mutation is no lookup at all.
 */
import { MemoryStore } from '../../src/store/memory';
import { createTelemetry } from '../../src/telemetry';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer } from '../helpers/graphql';

describe('response cache lookups on /metrics', () => {
  it('count a miss, then hits, as the cache counts them', async () => {
    const telemetry = createTelemetry({ metrics: true, maxOperationLabels: 10, traceExporters: [], serviceName: 'test' });
    const server = await startTestServer(new MemoryStore(fixtureDataset), {}, { telemetry });
    try {
      for (let i = 0; i < 3; i++) expect((await server.post('query Hello { dataset { version } }')).errors).toBeUndefined();
      const stats = server.cacheStats();
      expect(stats).toMatchObject({ misses: 1, hits: 2 });
      const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
      expect(text).toMatch(/^usmx_response_cache_lookups_total\{result="hit"\} 2$/m);
      expect(text).toMatch(/^usmx_response_cache_lookups_total\{result="miss"\} 1$/m);
    } finally {
      await server.close();
    }
  });
});
