import {
  entityHash,
  observationHash,
  relationshipHash,
  type FieldChange,
  type GraphNode,
  type HistoryEntry,
  type HistoryOp,
  type Observation,
  type RecordRef,
  type Relationship,
} from '../../domain';
import { citationsFromProperty, citationsToProperty } from './mappers';

// History on Neo4j: one `(:Change {seq, op, kind, recordId, actor, at, sources, fields,
// previousId})` node per record a change touched (cypher/change/write-history.cypher), `fields`
// as JSON text, read back oldest first by `seq` (cypher/history/get-for-records.cypher). And the
// `seedBase` a seed record gets at its first curated change: the hash of its content as the
// dataset digest counts it (domain/dataset-version.ts), which re-seeding compares with the seeds'.

/** One row of `$entries` for change/write-history. */
export interface ChangeRecordRow {
  readonly kind: RecordRef['kind'];
  readonly recordId: string;
  readonly op: HistoryOp;
  readonly actor: string;
  readonly at: string;
  readonly sources: string[];
  readonly fields: string;
  readonly previousId: string | null;
}

/** The change record of one history entry on one record. */
export function changeRecordRow(ref: RecordRef, entry: HistoryEntry): ChangeRecordRow {
  return {
    kind: ref.kind,
    recordId: ref.id,
    op: entry.op,
    actor: entry.recordedBy,
    at: entry.recordedAt,
    sources: citationsToProperty(entry.sources),
    fields: JSON.stringify(entry.fields),
    previousId: entry.previousId,
  };
}

/** A history entry from a change record's properties (as history/get-for-records returns them). */
export function historyEntryFromNeo4j(p: Record<string, unknown>): HistoryEntry {
  return {
    op: String(p.op) as HistoryOp,
    recordedBy: String(p.actor),
    recordedAt: String(p.at),
    sources: citationsFromProperty(p.sources),
    fields: JSON.parse(String(p.fields)) as FieldChange[],
    previousId: p.previousId === null || p.previousId === undefined ? null : String(p.previousId),
  };
}

const hex = (hash: bigint): string => hash.toString(16).padStart(64, '0');

/** The `seedBase` of an entity: its content hash as 64 hex characters. */
export function entitySeedBase(node: GraphNode): string {
  return hex(entityHash(node));
}

/** The `seedBase` of a relationship. */
export function relationshipSeedBase(rel: Relationship): string {
  return hex(relationshipHash(rel));
}

/** The `seedBase` of an observation. */
export function observationSeedBase(obs: Observation): string {
  return hex(observationHash(obs));
}
