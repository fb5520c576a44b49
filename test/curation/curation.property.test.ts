import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { assertCurationKeepsSeedRules, checkExport } from './curation-property';

// Random sequences of curated changes on the memory store (the Neo4j run, shorter, is in
// test/neo4j/curation-property.int.test.ts): after each, the YAML export passes the seed checker
// and reads back to the store's version; refused changes are BAD_USER_INPUT and change nothing.
describe('curation keeps every seed rule (memory, property-based)', () => {
  it('the committed seeds export to seeds the checker accepts, at the same version', async () => {
    const store = new MemoryStore(seedDataset());
    expect(await checkExport(store)).toEqual({ problems: [], version: seedDataset().version });
  });

  it('holds after random sequences of valid and invalid changes', async () => {
    const tally = await assertCurationKeepsSeedRules(seedDataset(), async (dataset) => new MemoryStore(dataset), { runs: 8, maxChanges: 20 });
    // The generator must reach both sides, or the property proves little.
    expect(tally.accepted).toBeGreaterThan(15);
    expect(tally.refused).toBeGreaterThan(20);
  }, 240_000);
});
