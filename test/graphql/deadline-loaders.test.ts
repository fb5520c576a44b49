import type DataLoader from 'dataloader';
import { TimeBudgetExceededError } from '../../src/domain';
import { createContext, type Loaders } from '../../src/graphql/context';
import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../helpers/counting-store';
import { fixtureDataset } from '../helpers/fixture-dataset';

/*
 * A request with a time budget gets loaders that refuse loads past its deadline, cached keys
 * included (src/graphql/context.ts). They are a DataLoader subclass: the previous code replaced
 * `load` on every loader instance, which made each request's objects survive into the old
 * generation (bench/notes/http.md); the "no own load" test fails on it.
 */

const LOADERS: Array<keyof Loaders> = ['node', 'relationships', 'observations', 'citedItems', 'citedSlides', 'history'];

describe('loaders under a time budget', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answer loads, cached or not, before the deadline', async () => {
    const counting = countingStore(new MemoryStore(fixtureDataset));
    const { loaders } = createContext(counting.store, { timeBudgetMs: 60_000, schedule: 'microtask' });
    const [first] = await Promise.all([loaders.node.load(fixtureDataset.nodes[0].id)]);
    expect(first?.id).toBe(fixtureDataset.nodes[0].id);
    expect((await loaders.node.load(fixtureDataset.nodes[0].id))?.id).toBe(fixtureDataset.nodes[0].id);
    expect(counting.calls.filter((c) => c.method === 'getNodesByIds')).toHaveLength(1);
  });

  it('refuse every load past the deadline, a cached key included, without a store call', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const counting = countingStore(new MemoryStore(fixtureDataset));
    const { loaders } = createContext(counting.store, { timeBudgetMs: 50, schedule: 'microtask' });
    const id = fixtureDataset.nodes[0].id;
    await loaders.node.load(id);
    now.mockReturnValue(1_000_051);
    await expect(loaders.node.load(id)).rejects.toBeInstanceOf(TimeBudgetExceededError);
    await expect(loaders.node.loadMany([id])).resolves.toEqual([expect.any(TimeBudgetExceededError)]);
    expect(counting.calls.filter((c) => c.method === 'getNodesByIds')).toHaveLength(1);
  });

  it('keep DataLoader’s `load` on the prototype: no method made per loader', () => {
    const { loaders } = createContext(new MemoryStore(fixtureDataset), { timeBudgetMs: 60_000 });
    for (const name of LOADERS) {
      const made = loaders[name] as DataLoader<unknown, unknown, unknown>;
      expect(Object.hasOwn(made, 'load')).toBe(false);
    }
  });
});
