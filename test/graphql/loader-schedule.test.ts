import { createContext, type LoaderSchedule } from '../../src/graphql/context';
import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../helpers/counting-store';
import { fixtureDataset } from '../helpers/fixture-dataset';

/** Loads `a`, then `b` only after several process ticks (answers that arrive a little later, before the next macrotask). */
async function loadApart(schedule: LoaderSchedule | undefined): Promise<number[]> {
  const counting = countingStore(new MemoryStore(fixtureDataset));
  const { loaders } = createContext(counting.store, schedule === undefined ? {} : { schedule });
  const first = loaders.node.load('a');
  for (let i = 0; i < 5; i++) await new Promise((resolve) => process.nextTick(resolve));
  await Promise.all([first, loaders.node.load('b')]);
  return counting.calls.filter((c) => c.method === 'getNodesByIds').map((c) => c.keys);
}

describe('loader scheduling, chosen by who builds the store (createContext schedule)', () => {
  it("'microtask' sends a batch once the microtasks drain: a later load is a second call", async () => {
    expect(await loadApart('microtask')).toEqual([1, 1]);
  });

  it("'macrotask' waits one macrotask, gathering loads issued in between into one call", async () => {
    expect(await loadApart('macrotask')).toEqual([2]);
  });

  it("is 'macrotask' by default (right for any store)", async () => {
    expect(await loadApart(undefined)).toEqual([2]);
  });
});
