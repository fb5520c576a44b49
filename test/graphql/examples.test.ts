import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { exampleOperations } from './examples';
import { EXPECTATIONS } from './examples.expectations';

const operations = exampleOperations();

describe('schema/examples.graphql', () => {
  it('has at least 20 operations, each with an asserted answer', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.map((o) => o.name).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  describe('on the memory store', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(new MemoryStore(seedDataset()));
    });
    afterAll(() => server.close());

    it.each(operations.map((o) => [o.name, o] as const))('%s answers correctly in-process and identically over HTTP', async (name, op) => {
      const inProcess = await server.execute(op.document, undefined, name);
      expect(inProcess.errors).toBeUndefined();
      EXPECTATIONS[name](inProcess.data);
      const overHttp = await server.post(op.document, undefined, name);
      expect(overHttp).toEqual(inProcess);
      expect(overHttp.extensions?.datasetVersion).toBe(seedDataset().version);
    });
  });
});
