import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Data = any;

describe('Entity.subtype: subtypes of mixed kinds in one selection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()));
  });
  afterAll(() => server.close());

  it('is why it exists: `type` on several kinds in one selection is a field conflict', async () => {
    const result = await server.execute('{ entities(first: 5) { edges { node { ... on Actor { type } ... on Policy { type } } } } }');
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.[0].message).toMatch(/Fields "type" conflict because they return conflicting types/);
  });

  /** Every node of a root list, page by page (100 at most per page). */
  async function everything(field: string, selection: string): Promise<Data[]> {
    const out: Data[] = [];
    let after: string | null = null;
    do {
      const result = await server.execute(
        `query ($after: String) { ${field}(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${selection} } } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      const page: Data = result.data![field];
      out.push(...page.edges.map((e: Data) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return out;
  }

  it("reads every kind in one selection over Entity, equal to each kind's typed `type`, null where a kind has none", async () => {
    const subtypes = new Map<string, string | null>((await everything('entities', 'id kind subtype')).map((n) => [n.id, n.subtype]));
    expect(subtypes.size).toBe(seedDataset().nodes.length);
    let checked = 0;
    for (const field of ['actors', 'policies', 'agreements', 'dialogues', 'events']) {
      for (const node of await everything(field, 'id type')) {
        expect([node.id, subtypes.get(node.id)]).toEqual([node.id, node.type ?? null]);
        checked++;
      }
    }
    for (const field of ['topics', 'metrics', 'sources']) {
      for (const node of await everything(field, 'id')) {
        expect([node.id, subtypes.get(node.id)]).toEqual([node.id, null]);
        checked++;
      }
    }
    expect(checked).toBe(subtypes.size);
    expect(subtypes.get('mexico')).toBe('COUNTRY');
    expect(subtypes.get('hlsd')).toBe('BILATERAL');
  });
});
