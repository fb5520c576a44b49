/** The Query fuzz suite (query-fuzz.ts) on the memory store; FUZZ_RUNS runs per field (default 200). */
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { defineQueryFuzz } from './query-fuzz';

defineQueryFuzz('memory store', async () => ({ store: new MemoryStore(seedDataset()), close: async () => {} }), Number(process.env.FUZZ_RUNS ?? 200));
