import type { ChangeOp } from './changes';
import type { Citation } from './model';
import type { SeedRecord } from './records';

// A record's history: the curated changes that touched it, oldest first. Seeded records start
// with no entries; the seeds themselves are versioned in git. The embedded store keeps the
// entries it derives from the journal (each record's before and after), the Neo4j store writes
// one change record per change in the change's own transaction; both through `historyEntry`.
//
// Which record a change writes its entry to, and what before and after are:
//
// | change             | record                                  | fields                     |
// |--------------------|-----------------------------------------|----------------------------|
// | createEntity       | the entity (and a Metric's first obs.)  | every field, none → value  |
// | updateEntity       | the entity                              | the fields that differ     |
// | retireEntity       | the entity                              | none (the op says it)      |
// | addRelationship    | the relationship (also when revived)    | every field, none → value  |
// | retireRelationship | the relationship                        | none                       |
// | addObservation     | the observation (also when revived)     | every field, none → value  |
// | updateObservation  | the observation, under its new id       | the fields that differ     |
// | retireObservation  | the observation                         | none                       |
//
// An observation whose period or dimensions change gets a new id (`metric@period[dims]`); its
// history moves with it, and the entry of that change names the id it had (`previousId`).

/** One field a change set, in the seed YAML's names; `null` where the field was or became absent. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * What a history entry records: a curated change, or `overwriteBySeed` when `npm run seed --
 * --overwrite-curated` put the seed item back over a curated record (recordedBy `seed`, no
 * citations, the fields from curated to seeded).
 */
export type HistoryOp = ChangeOp | 'overwriteBySeed';

/** One change to one record. */
export interface HistoryEntry {
  readonly op: HistoryOp;
  /** The curator who made it (the token's name). */
  readonly recordedBy: string;
  /** When, an ISO timestamp. */
  readonly recordedAt: string;
  /** The change's own citations. */
  readonly sources: readonly Citation[];
  /** What it changed, field by field, in field-name order (`sources` included: the citations it added). */
  readonly fields: readonly FieldChange[];
  /** The record's id before the change, when the change gave it a new one; otherwise null. */
  readonly previousId: string | null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two seed-shaped records (`null` for a missing record or field), by name. */
export function fieldChanges(before: SeedRecord | null, after: SeedRecord | null): FieldChange[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...names].sort()) {
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (!same(was, now)) changes.push({ field, before: was, after: now });
  }
  return changes;
}

/** The entry a change writes to one record, given the record before and after it (null: none; a retirement records no fields). */
export function historyEntry(
  change: { readonly op: HistoryOp; readonly actor: string; readonly at: string },
  citations: readonly Citation[],
  before: SeedRecord | null,
  after: SeedRecord | null,
  previousId: string | null = null,
): HistoryEntry {
  const retiring = change.op === 'retireEntity' || change.op === 'retireRelationship' || change.op === 'retireObservation';
  return {
    op: change.op,
    recordedBy: change.actor,
    recordedAt: change.at,
    sources: [...citations],
    fields: retiring ? [] : fieldChanges(before, after),
    previousId,
  };
}

/** What each history entry's op means (the GraphQL enum `HistoryOp`'s descriptions). */
export const HISTORY_OP_DESCRIPTIONS: Readonly<Record<HistoryOp, string>> = {
  createEntity: 'A curator created the entity (for a Metric, also its first observation).',
  updateEntity: 'A curator changed fields of the entity.',
  retireEntity: 'A curator retired the entity: kept, but no read returns it.',
  addRelationship: 'A curator added the relationship, or brought a retired one back.',
  retireRelationship: 'A curator retired the relationship.',
  addObservation: 'A curator added the observation, or brought a retired one back.',
  updateObservation: 'A curator corrected the observation (a new period or dimensions give it a new id: see previousId).',
  retireObservation: 'A curator withdrew the observation: kept, but no read returns it.',
  overwriteBySeed: '`npm run seed -- --overwrite-curated` put the seed item back over the curated record.',
};
