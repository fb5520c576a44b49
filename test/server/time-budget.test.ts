import type { GraphStore, RelationshipHit, RelationshipQuery } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

/**
 * A store over the fixture whose relationship reads answer only after `delayMs`, recording each
 * call: a request whose budget is shorter than one such read must stop before the next level.
 */
function slowStore(delayMs: number): { store: GraphStore; calls: string[] } {
  const inner = new MemoryStore(fixtureDataset);
  const calls: string[] = [];
  const store: GraphStore = Object.create(inner, {
    name: { value: 'slow memory' },
    getNodesByIds: { value: (ids: readonly string[]) => (calls.push('getNodesByIds'), inner.getNodesByIds(ids)) },
    getRelationships: {
      value: async (queries: readonly RelationshipQuery[]): Promise<RelationshipHit[][]> => {
        calls.push('getRelationships');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return inner.getRelationships(queries);
      },
    },
  }) as GraphStore;
  return { store, calls };
}

const NESTED = '{ entity(id: "mx") { id relationships { node { id relationships { node { id relationships { node { id } } } } } } } }';

describe('per-request time budget', () => {
  it('stops a request past its budget with TIME_BUDGET_EXCEEDED, and reads nothing more', async () => {
    // One relationship read (200 ms) outlasts the whole budget (20 ms): the next level must not be read.
    const { store, calls } = slowStore(200);
    const server: TestServer = await startTestServer(store, { limits: { timeBudgetMs: 20 } });
    try {
      const result = await server.post(NESTED);
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors!) {
        expect(error.extensions).toMatchObject({ code: 'TIME_BUDGET_EXCEEDED', budgetMs: 20 });
        expect(error.message).toBe('the request ran past its time budget of 20 ms and was stopped; ask for fewer items or less nesting');
      }
      // Whether the budget ran out before the first read or during it, the levels after it are never read.
      expect(calls.filter((c) => c === 'getRelationships').length).toBeLessThanOrEqual(1);
    } finally {
      await server.close();
    }
  });

  it('answers the same request in full within a budget that covers it', async () => {
    const { store, calls } = slowStore(5);
    const server = await startTestServer(store, { limits: { timeBudgetMs: 60_000 } });
    try {
      const result = await server.post(NESTED);
      expect(result.errors).toBeUndefined();
      expect(calls.filter((c) => c === 'getRelationships')).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});
