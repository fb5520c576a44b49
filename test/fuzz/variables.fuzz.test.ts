/** The request-variables fuzz suite (variables-fuzz.ts) on the memory store; FUZZ_RUNS runs per property (default 200). */
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { defineVariablesFuzz } from './variables-fuzz';

defineVariablesFuzz('memory store', async () => ({ store: new MemoryStore(seedDataset()), close: async () => {} }), Number(process.env.FUZZ_RUNS ?? 200));
