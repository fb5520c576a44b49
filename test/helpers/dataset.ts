import type { Dataset } from '../../src/domain';
import { loadSeeds } from '../../src/seed';

let cached: Dataset | undefined;

/** The committed seeds, loaded once per test file. */
export function seedDataset(): Dataset {
  cached ??= loadSeeds('seeds');
  return cached;
}
