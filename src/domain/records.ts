import { seedDates } from './date-qualifiers';
import type { Citation, GraphNode, Observation, Relationship } from './model';

// A stored record in the seed YAML's shape (the fields a seed file writes, citations as
// `ustr-2018#36`): what curation patches, what history diffs, and what a seed conflict shows.
// Fields a record does not have are absent, never null.

/** A record in the seed YAML's shape. */
export type SeedRecord = Readonly<Record<string, unknown>>;

/** The three kinds of record a change can touch. */
export type RecordKind = 'ENTITY' | 'RELATIONSHIP' | 'OBSERVATION';

/** One record of the graph: an entity's id, a relationship's `from:TYPE:to[@validFrom]`, an observation's `metric@period[dims]`. */
export interface RecordRef {
  readonly kind: RecordKind;
  readonly id: string;
}

/** One string per record, for maps keyed by record (`ENTITY usmca`). */
export function recordKey(ref: RecordRef): string {
  return `${ref.kind} ${ref.id}`;
}

export function citationText(c: Citation): string {
  return `${c.sourceId}#${c.slide}`;
}

/** The seed-shaped record of an entity (the inverse of readNode). */
export function entityRecord(node: GraphNode): Record<string, unknown> {
  const record: Record<string, unknown> = { id: node.id, kind: node.kind, name: node.name };
  if (node.type !== null) record.type = node.type;
  if (node.aliases.length > 0) record.aliases = [...node.aliases];
  if (node.description !== null) record.description = node.description;
  if (Object.keys(node.dates).length > 0) record.dates = seedDates(node.dates, node.dateQualifiers);
  if (node.unit !== null) record.unit = node.unit;
  if (node.publisher !== null) record.publisher = node.publisher;
  if (node.year !== null) record.year = node.year;
  record.sources = node.sources.map(citationText);
  return record;
}

/** The seed-shaped record of a relationship (the inverse of readEdge). */
export function relationshipRecord(rel: Relationship): Record<string, unknown> {
  const record: Record<string, unknown> = { from: rel.from, type: rel.type, to: rel.to };
  if (rel.validFrom !== null) record.validFrom = rel.validFrom;
  if (rel.validTo !== null) record.validTo = rel.validTo;
  if (rel.note !== null) record.note = rel.note;
  record.sources = rel.sources.map(citationText);
  return record;
}

/** The seed-shaped record of an observation (the inverse of readObservation). */
export function observationRecord(obs: Observation): Record<string, unknown> {
  const record: Record<string, unknown> = { metric: obs.metricId, value: obs.value, unit: obs.unit };
  if (obs.period !== null) record.period = obs.period;
  if (obs.reportedIn !== null && obs.reportedIn !== undefined) record.reported = obs.reportedIn;
  const keys = Object.keys(obs.dimensions).sort();
  if (keys.length > 0) record.dimensions = Object.fromEntries(keys.map((k) => [k, obs.dimensions[k]]));
  if (obs.qualifier !== null) record.qualifier = obs.qualifier;
  if (obs.note !== null) record.note = obs.note;
  record.sources = obs.sources.map(citationText);
  return record;
}
