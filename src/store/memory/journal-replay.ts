import { Journal, type JournalOptions, type JournalRecord } from './journal';

/** Where the memory store's journal is, and whether it may write to it. */
export interface JournalReplayOptions extends JournalOptions {
  /** Journal file: changes are replayed from it at open and appended (fsync'd) before they are acknowledged. */
  readonly journalPath?: string;
  /**
   * Replay the journal without writing to it (`Journal.read`: never created, cut or moved), and
   * refuse changes. For reading a server's curated graph from another process (`npm run export`).
   */
  readonly readOnly?: boolean;
}

/**
 * Replays the journal at `journalPath` through `apply` (each change validated as it applies, over
 * the seeds, its seed conflicts settled by seed-reconciliation.ts) and returns it open for
 * appending, or null when there is none or it is read-only. A change that no longer applies
 * stops the start with its journal line; the journal is closed.
 */
export function replayJournal(options: JournalReplayOptions, apply: (record: JournalRecord) => void): Journal | null {
  if (!options.journalPath) return null;
  const journal = options.readOnly ? null : Journal.open(options.journalPath, options);
  const records = journal ? journal.records : Journal.read(options.journalPath, options);
  for (const record of records) {
    try {
      apply(record);
    } catch (error) {
      journal?.close();
      throw new Error(`journal ${options.journalPath}:${record.seq}: change ${record.change.op} no longer applies over the seeds: ${(error as Error).message}`);
    }
  }
  return journal;
}
