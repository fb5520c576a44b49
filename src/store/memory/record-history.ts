import { recordKey, type HistoryEntry, type RecordRef } from '../../domain';

/**
 * Every record's history on the embedded store: the entries of the curated changes that touched
 * it, oldest first, by `recordKey`. Derived from the journal (each change appends its entries as
 * it applies, at replay as when it was made), so a restart rebuilds the same history.
 */
export class RecordHistory {
  private readonly entries = new Map<string, HistoryEntry[]>();

  /** Appends one change's entry to a record's history. */
  append(ref: RecordRef, entry: HistoryEntry): void {
    const key = recordKey(ref);
    const list = this.entries.get(key);
    if (list) list.push(entry);
    else this.entries.set(key, [entry]);
  }

  /**
   * A record took a new id (a corrected observation's period or dimensions): its history moves
   * with it. When the new id had a history of its own (a retired observation's), the two are
   * merged in time order.
   */
  move(from: RecordRef, to: RecordRef): void {
    const moving = this.entries.get(recordKey(from));
    if (!moving) return;
    this.entries.delete(recordKey(from));
    const there = this.entries.get(recordKey(to)) ?? [];
    // A stable sort: entries of one record are already in order.
    const merged = [...there, ...moving].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
    this.entries.set(recordKey(to), merged);
  }

  /** How many entries each record's history has (for the query cost estimate's bound on `history`). */
  *lengths(): Iterable<number> {
    for (const list of this.entries.values()) yield list.length;
  }

  /** A copy of a record's history, oldest first (empty for a seeded record never curated, or an unknown one). */
  of(ref: RecordRef): HistoryEntry[] {
    return structuredClone(this.entries.get(recordKey(ref)) ?? []);
  }
}
