import {
  formatSeedConflict,
  historyEntry,
  observationRecord,
  readCitations,
  recordKey,
  validateChange,
  type AppliedChange,
  type Change,
  type ChangeLookup,
  type Dataset,
  type GraphNode,
  type Observation,
  type RecordKind,
  type RecordRef,
  type Relationship,
  type SeedConflict,
  type SeedRecord,
  type ValidatedChange,
} from '../../domain';
import { recordHistory, type HistorySource } from './change-history';
import type { JournalRecord } from './journal';
import type { MemoryGraph } from './memory-graph';
import { createdRecord, overlay, patch, same, seedShaped, without } from './replay-records';

/** How replay applies a change: validated, applied, its history recorded from `history` (null: none). */
export type ReplayApply = (change: Change, history: HistorySource | null) => AppliedChange;

/** A seed record a curator touched whose seed item has changed since: checked once replay is done. */
interface Watched {
  /** The record as the seeds name it. */
  readonly ref: RecordRef;
  /** Where the curated record is now (an observation's id may have changed). */
  now: RecordRef;
  /** The seed record now; null when the seeds removed it. */
  readonly seeded: SeedRecord | null;
}

const KIND_OF: Partial<Record<Change['op'], RecordKind>> = {
  updateEntity: 'ENTITY',
  retireEntity: 'ENTITY',
  retireRelationship: 'RELATIONSHIP',
  updateObservation: 'OBSERVATION',
  retireObservation: 'OBSERVATION',
};

/**
 * The journal replayed over seeds that may have changed since it was written: the table in
 * src/domain/seed-conflicts.ts. The curated record always wins on the embedded store:
 * - a change to a seed record whose seed item still equals the journal's `before` applies as made;
 * - an update of a seed record the seeds changed applies so that the record ends as the curator
 *   left it: `before` patched by the change (citations: the seed item's now, plus the change's);
 * - an update of a seed record the seeds removed brings the curated record back the same way;
 * - a retirement applies to the record as the seeds have it now, or, when the seeds removed the
 *   record, has nothing to do (its history entry is kept);
 * - a record a curator created that the seeds now hold is folded back when equal (nothing to
 *   apply, the history entry is kept), or else replaced by the curated record.
 * Only the first journal change to a record is compared with the seeds: later ones build on it.
 * A record whose journal entry has no `before` (an older journal) is replayed as it always was.
 * `conflicts()` then lists each compared record whose curated and seeded versions differ.
 */
export class SeedReconciliation {
  private seedRecords: Map<string, GraphNode | Relationship | Observation> | null = null;
  /** Records that earlier journal changes touched (or created). */
  private readonly touched = new Set<string>();
  private readonly watched: Watched[] = [];

  constructor(
    private readonly dataset: Dataset,
    private readonly graph: MemoryGraph,
    private readonly lookup: () => ChangeLookup,
    private readonly apply: ReplayApply,
  ) {}

  /** Replays one journal record (throws as `apply` does when the change cannot apply). */
  replay(record: JournalRecord): void {
    const { change, before } = record;
    const kind = KIND_OF[change.op];
    if (!kind) return this.create(change);
    const ref: RecordRef = { kind, id: (change as { id: string }).id };
    const key = recordKey(ref);
    const first = !this.touched.has(key);
    this.touched.add(key);
    if (before === undefined || !first) return this.applied(change, this.apply(change, { change }));
    const seeded = this.seedRecord(ref);
    if (seeded !== null && same(seeded, before)) return this.applied(change, this.apply(change, { change }));
    const retiring = change.op.startsWith('retire');
    if (retiring && seeded === null) {
      // Retired by the curator, removed by the seeds: nothing to retire; the history stays.
      const citations = readCitations({ file: change.op, line: 0, value: {}, lineOf: () => 0 }, change.op, change.sources, this.lookup().node, () => undefined);
      this.graph.history.append(ref, historyEntry(change, citations, null, null));
      return;
    }
    const watch: Watched = { ref, now: ref, seeded };
    this.watched.push(watch);
    if (retiring) return this.applied(change, this.apply(change, { change }));
    const curated = patch(before, (change as { fields?: Record<string, unknown> }).fields);
    const meta = { sources: [...new Set([...((before.sources as string[] | undefined) ?? []), ...change.sources])], actor: change.actor, at: change.at };
    let applied: AppliedChange;
    if (seeded !== null) {
      applied = this.apply({ ...change, fields: overlay(seeded, curated) } as Change, { change, before });
    } else if (kind === 'ENTITY') {
      applied = this.apply({ ...meta, op: 'createEntity', entity: without(curated, 'sources') } as Change, { change, before });
    } else {
      applied = this.apply({ ...meta, op: 'addObservation', observation: without(curated, 'sources') } as Change, { change, before });
    }
    if (applied.observation) watch.now = { kind: 'OBSERVATION', id: applied.observation.id };
    this.applied(change, applied);
  }

  /** The records whose curated and seeded versions differ, in journal order (after every record replayed). */
  conflicts(): SeedConflict[] {
    return this.watched.flatMap((w) => {
      const curated = this.liveRecord(w.now);
      if (curated === null && w.seeded === null) return [];
      if (curated !== null && w.seeded !== null && same(curated, w.seeded)) return [];
      return [{ ref: w.ref, origin: this.dataset.origins?.get(recordKey(w.ref)) ?? null, curated, seeded: w.seeded }];
    });
  }

  /** A created record: applied as made, unless the seeds now hold its id (folded back, or replaced by the curated one). */
  private create(change: Change): void {
    const lookup = this.lookup();
    // The seeds may hold the id now: validate as if they did not, to learn the record it makes.
    const target = change.op === 'createEntity' ? change.entity.id : undefined;
    const hiding: ChangeLookup = {
      ...lookup,
      node: (id) => (id === target ? undefined : lookup.node(id)),
      isRetired: (id) => id !== target && lookup.isRetired(id),
    };
    let valid: ValidatedChange;
    try {
      valid = validateChange(change, hiding, { replaying: true });
    } catch {
      return this.applied(change, this.apply(change, { change }));
    }
    // A Metric's first observation is the curator's too: later changes to it build on it.
    if (valid.op === 'createEntity' && valid.observation) this.touched.add(recordKey({ kind: 'OBSERVATION', id: valid.observation.id }));
    const [ref, created] = createdRecord(valid);
    const key = recordKey(ref);
    const seeded = this.touched.has(key) ? null : this.liveRecord(ref);
    this.touched.add(key);
    if (seeded === null) return this.applied(change, this.apply(change, { change }));
    const meta = { sources: change.sources, actor: change.actor, at: change.at };
    if (same(created, seeded)) {
      // Folded back into the seeds: nothing to apply; the history says who created it.
      recordHistory(this.graph, valid, { change });
    } else {
      this.watched.push({ ref, now: ref, seeded });
      const fields = overlay(seeded, created);
      if (ref.kind === 'ENTITY') this.apply({ ...meta, op: 'updateEntity', id: ref.id, fields }, { change, before: null });
      else if (ref.kind === 'OBSERVATION') this.apply({ ...meta, op: 'updateObservation', id: ref.id, fields }, { change, before: null });
      else {
        this.apply({ ...meta, op: 'retireRelationship', id: ref.id }, null);
        this.apply(change, { change });
      }
    }
    // A Metric's first observation, when the seeds that now hold the metric lack it, comes too.
    const first = valid.op === 'createEntity' ? valid.observation : undefined;
    if (!first) return;
    const folded = same(created, seeded);
    if (this.graph.observations.has(first.id)) {
      // Its entry, unless the folded-back metric's history already has it.
      if (!folded) this.graph.history.append({ kind: 'OBSERVATION', id: first.id }, historyEntry(change, valid.citations, null, observationRecord(first)));
      return;
    }
    this.apply({ ...meta, op: 'addObservation', observation: without(observationRecord(first), 'sources') }, folded ? null : { change, before: null });
  }

  /** Follows an observation that a change gave a new id. */
  private applied(change: Change, applied: AppliedChange): void {
    if (change.op !== 'updateObservation' || !applied.observation || applied.observation.id === change.id) return;
    const to: RecordRef = { kind: 'OBSERVATION', id: applied.observation.id };
    this.touched.add(recordKey(to));
    for (const w of this.watched) if (w.now.kind === 'OBSERVATION' && w.now.id === change.id) w.now = to;
  }

  /** The record as the seeds write it now, or null. */
  private seedRecord(ref: RecordRef): SeedRecord | null {
    if (!this.seedRecords) {
      this.seedRecords = new Map();
      for (const n of this.dataset.nodes) this.seedRecords.set(recordKey({ kind: 'ENTITY', id: n.id }), n);
      for (const r of this.dataset.relationships) this.seedRecords.set(recordKey({ kind: 'RELATIONSHIP', id: r.id }), r);
      for (const o of this.dataset.observations) this.seedRecords.set(recordKey({ kind: 'OBSERVATION', id: o.id }), o);
    }
    const record = this.seedRecords.get(recordKey(ref));
    return record === undefined ? null : seedShaped(ref.kind, record);
  }

  /** The live record, seed-shaped, or null. */
  private liveRecord(ref: RecordRef): SeedRecord | null {
    const record =
      ref.kind === 'ENTITY'
        ? this.graph.nodes.get(ref.id)
        : ref.kind === 'RELATIONSHIP'
          ? this.graph.relationships.get(ref.id)
          : this.graph.observations.get(ref.id);
    return record === undefined ? null : seedShaped(ref.kind, record);
  }
}

/**
 * What start-up says about the conflicts replay found: one line each (`formatSeedConflict`), then
 * a count line; nothing when there are none.
 */
export function seedConflictReport(conflicts: readonly SeedConflict[], journalPath: string): string[] {
  if (conflicts.length === 0) return [];
  return [
    ...conflicts.map((c) => formatSeedConflict(c)),
    `usmx-graph: journal ${journalPath}: ${conflicts.length} seed conflict(s): the seeds changed ${conflicts.length === 1 ? 'a record' : 'records'} since a curator changed ${conflicts.length === 1 ? 'it' : 'them'}; kept the curated version (fold it into seeds/ to settle)`,
  ];
}
