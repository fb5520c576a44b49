import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer } from '../helpers/graphql';
import { LIFECYCLE_CURATORS, defineObservationLifecycle } from './observation-lifecycle';

defineObservationLifecycle('memory', () => startTestServer(new MemoryStore(seedDataset()), { curatorTokens: LIFECYCLE_CURATORS }));
