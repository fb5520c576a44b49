export { MemoryStore, type MemoryStoreOptions } from './memory-store';
export { Journal, JournalError, type JournalRecord } from './journal';
export { JournalLockError } from './journal-lock';
export { seedConflictReport } from './seed-reconciliation';
