import { MemoryStore } from '../../src/store/memory';
import { defineStoreContract } from './contract';

defineStoreContract('memory', async (dataset) => new MemoryStore(dataset));
