import {
  entityRecord,
  historyEntry,
  observationRecord,
  recordKey,
  relationshipRecord,
  type Dataset,
  type RecordKind,
  type RecordRef,
  type SeedConflict,
  type SeedRecord,
} from '../../domain';
import type { Neo4jExecutor } from './executor';
import { changeRecordRow, entitySeedBase, observationSeedBase, relationshipSeedBase, type ChangeRecordRow } from './history-records';
import { nodeFromNeo4j, observationFromNeo4j, relationshipFromNeo4j } from './mappers';
import { seedRows, type SeedRows } from './seed-rows';

// Re-seeding keeps curated work: what `npm run seed` does with each record curation touched,
// THE TABLE in domain/seed-conflicts.ts. A seed record carries, from its first curated change,
// `seedBase` (the hash of its content then, history-records.ts) and, for an observation, `seedId`
// (its id in the seeds: a correction of its period or dimensions gives it another). Comparing the
// seed item now with `seedBase` says whether the seeds changed since; with the curated record,
// whether the curated change has been folded back into the seeds.

/** A record curation created, corrected or retired, as stored. */
export interface CuratedRecord {
  readonly ref: RecordRef;
  /** The id of the seed item it is compared with (an observation's `seedId`; otherwise its id). */
  readonly seedId: string;
  /** The hash of its seed content at its first curated change; null for a record a curator created. */
  readonly seedBase: string | null;
  readonly retired: boolean;
  /** Its content in the seed YAML's shape, and its hash. */
  readonly record: SeedRecord;
  readonly hash: string;
}

/** A curated record `--overwrite-curated` put the seeds back over (an `overwriteBySeed` change record). */
export interface RevertedRecord {
  /** The record as it is after seeding (a moved observation: back at its seed id). */
  readonly ref: RecordRef;
  readonly curated: SeedRecord | null;
  readonly seeded: SeedRecord | null;
  /** The curated id when it differs from the seed's (a moved observation). */
  readonly previousId: string | null;
}

/** What re-seeding does about curated records. */
export interface CuratedPlan {
  readonly conflicts: SeedConflict[];
  readonly reverted: RevertedRecord[];
  /** Seed items not written: curated records kept in their place, by kind. */
  readonly skip: Readonly<Record<RecordKind, ReadonlySet<string>>>;
  /** Stored ids pruning keeps although the seeds do not have them, by kind. */
  readonly keep: Readonly<Record<RecordKind, ReadonlySet<string>>>;
  /** Observations `--overwrite-curated` moves back to their seed id: their change records follow. */
  readonly moves: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

type Props = Record<string, unknown>;
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Every record curation touched, live or retired (seed/get-curated.cypher). */
export async function readCurated(executor: Neo4jExecutor): Promise<CuratedRecord[]> {
  const row = (await executor.execute('seed/get-curated', {}, 'read')).records[0];
  const curated: CuratedRecord[] = [];
  for (const p of row.get('entities') as Props[]) {
    const node = nodeFromNeo4j(p);
    curated.push(entry('ENTITY', node.id, node.id, p, entityRecord(node), entitySeedBase(node)));
  }
  for (const e of row.get('relationships') as Array<{ type: string; rel: Props; from: string; to: string }>) {
    const rel = relationshipFromNeo4j(e.type, e.rel, e.from, e.to);
    curated.push(entry('RELATIONSHIP', rel.id, rel.id, e.rel, relationshipRecord(rel), relationshipSeedBase(rel)));
  }
  for (const p of row.get('observations') as Props[]) {
    const obs = observationFromNeo4j(p);
    curated.push(entry('OBSERVATION', obs.id, str(p.seedId) ?? obs.id, p, observationRecord(obs), observationSeedBase(obs)));
  }
  return curated;
}

function entry(kind: RecordKind, id: string, seedId: string, p: Props, record: SeedRecord, hash: string): CuratedRecord {
  return { ref: { kind, id }, seedId, seedBase: str(p.seedBase), retired: p.retiredAt !== null && p.retiredAt !== undefined, record, hash };
}

/** The seed items by kind and id: their seed-shaped record and hash. */
function seedItems(dataset: Dataset): Record<RecordKind, Map<string, { record: SeedRecord; hash: string }>> {
  return {
    ENTITY: new Map(dataset.nodes.map((n) => [n.id, { record: entityRecord(n), hash: entitySeedBase(n) }])),
    RELATIONSHIP: new Map(dataset.relationships.map((r) => [r.id, { record: relationshipRecord(r), hash: relationshipSeedBase(r) }])),
    OBSERVATION: new Map(dataset.observations.map((o) => [o.id, { record: observationRecord(o), hash: observationSeedBase(o) }])),
  };
}

/**
 * What seeding `dataset` does with each curated record (THE TABLE in domain/seed-conflicts.ts):
 * kept (its seed item, if any, not written; pruning keeps it), folded back (the seed item equals
 * it: written, and it is a seed record again), or with `overwrite`, reverted to the seeds
 * (written; removed when the seeds no longer have it). Conflicts are reported either way.
 */
export function planCurated(dataset: Dataset, curated: readonly CuratedRecord[], overwrite: boolean): CuratedPlan {
  const seeds = seedItems(dataset);
  const sets = () => ({ ENTITY: new Set<string>(), RELATIONSHIP: new Set<string>(), OBSERVATION: new Set<string>() });
  const skip = sets();
  const keep = sets();
  const conflicts: SeedConflict[] = [];
  const reverted: RevertedRecord[] = [];
  const moves: Array<{ from: string; to: string }> = [];
  for (const c of curated) {
    const kind = c.ref.kind;
    const seeded = seeds[kind].get(c.seedId) ?? null;
    const mine = c.retired ? null : c.record;
    const createdHere = c.seedBase === null && !seeds[kind].has(c.seedId);
    if (seeded && !c.retired && c.hash === seeded.hash) continue; // folded back: the seed item is written
    if (createdHere && !seeded) {
      keep[kind].add(c.ref.id); // a curator's own record the seeds do not have: kept either way
      continue;
    }
    // The seeds changed since the curator's first change (or a curator's own record meets a
    // different seed item); a retired seed record the seeds removed is no conflict.
    const changed = seeded ? c.seedBase !== seeded.hash : !c.retired;
    const origin = dataset.origins?.get(recordKey({ kind, id: c.seedId })) ?? null;
    if (changed) conflicts.push({ ref: { kind, id: c.seedId }, origin, curated: mine, seeded: seeded?.record ?? null });
    if (overwrite) {
      const back = seeded !== null && c.ref.id !== c.seedId;
      if (back) moves.push({ from: c.ref.id, to: c.seedId });
      reverted.push({ ref: { kind, id: seeded ? c.seedId : c.ref.id }, curated: mine, seeded: seeded?.record ?? null, previousId: back ? c.ref.id : null });
      continue;
    }
    keep[kind].add(c.ref.id);
    skip[kind].add(c.ref.id);
    skip[kind].add(c.seedId);
  }
  return { conflicts, reverted, skip, keep, moves };
}

/** The `overwriteBySeed` change records of the reverted records (recordedBy `seed`, no citations, fields curated → seeded). */
export function overwriteRows(reverted: readonly RevertedRecord[], at: string): ChangeRecordRow[] {
  return reverted.map((r) => changeRecordRow(r.ref, historyEntry({ op: 'overwriteBySeed', actor: 'seed', at }, [], r.curated, r.seeded, r.previousId)));
}

/** The seed rows without the items curated records stand in for (seed-curated.ts `skip`). */
export function rowsToWrite(dataset: Dataset, plan: CuratedPlan): SeedRows {
  const rows = seedRows(dataset);
  return {
    nodes: rows.nodes.filter((r) => !plan.skip.ENTITY.has(r.id)),
    relationships: rows.relationships.filter((r) => !plan.skip.RELATIONSHIP.has(r.id)),
    observations: rows.observations.filter((r) => !plan.skip.OBSERVATION.has(r.id)),
  };
}

/** The ids pruning keeps: the seeds' and the curated records kept. */
export function idsToKeep(dataset: Dataset, plan: CuratedPlan): { entityIds: string[]; relationshipIds: string[]; observationIds: string[] } {
  return {
    entityIds: [...dataset.nodes.map((n) => n.id), ...plan.keep.ENTITY],
    relationshipIds: [...dataset.relationships.map((r) => r.id), ...plan.keep.RELATIONSHIP],
    observationIds: [...dataset.observations.map((o) => o.id), ...plan.keep.OBSERVATION],
  };
}
