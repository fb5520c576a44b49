import {
  entityRecord,
  fieldChanges,
  observationRecord,
  relationshipRecord,
  type GraphNode,
  type Observation,
  type RecordKind,
  type RecordRef,
  type Relationship,
  type SeedRecord,
  type ValidatedChange,
} from '../../domain';

// Seed-shaped records as replay over changed seeds compares and rebuilds them (seed-reconciliation.ts).

/** Fields an update never sets (the record's identity, and citations, which a change only adds to). */
const FIXED = new Set(['id', 'kind', 'metric', 'sources']);

/** Two seed-shaped records with the same fields. */
export function same(a: SeedRecord, b: SeedRecord): boolean {
  return fieldChanges(a, b).length === 0;
}

/** A stored record in the seed YAML's shape. */
export function seedShaped(kind: RecordKind, record: GraphNode | Relationship | Observation): SeedRecord {
  if (kind === 'ENTITY') return entityRecord(record as GraphNode);
  return kind === 'RELATIONSHIP' ? relationshipRecord(record as Relationship) : observationRecord(record as Observation);
}

/** The record a create change makes, and which it is. */
export function createdRecord(valid: ValidatedChange): [RecordRef, SeedRecord] {
  if (valid.op === 'createEntity') return [{ kind: 'ENTITY', id: valid.node.id }, entityRecord(valid.node)];
  if (valid.op === 'addRelationship') return [{ kind: 'RELATIONSHIP', id: valid.relationship.id }, relationshipRecord(valid.relationship)];
  if (valid.op === 'addObservation') return [{ kind: 'OBSERVATION', id: valid.observation.id }, observationRecord(valid.observation)];
  throw new Error(`${valid.op} creates no record`);
}

/** A record with an update's fields set (`null` removes one); identity and citations stay. */
export function patch(record: SeedRecord, fields: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(fields ?? {})) {
    if (FIXED.has(field) || value === undefined) continue;
    if (value === null) delete result[field];
    else result[field] = value;
  }
  return result;
}

/** The update fields that turn `from` into `to` (every field of either but identity and citations). */
export function overlay(from: SeedRecord, to: SeedRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(from), ...Object.keys(to)])) if (!FIXED.has(field)) fields[field] = to[field] ?? null;
  return fields;
}

/** A record without one field. */
export function without(record: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: _dropped, ...rest } = record;
  return rest;
}
