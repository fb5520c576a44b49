import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import {
  DATE_ROLES_BY_KIND,
  DateRole,
  parsePartialDate,
  relationshipValidity,
  searchWords,
  sortKey,
  type Citation,
  type DateQualifier,
  type EdgeType,
  type GraphNode,
  type NodeKind,
  type Observation,
  type Qualifier,
  type Relationship,
  type Unit,
  type Validity,
} from '../../domain';

// Conversion at the store boundary: domain objects ↔ Neo4j properties. No driver type
// (Integer, Node, temporal values) leaves this file.

type Props = Record<string, unknown>;

/** A number as the driver returns it (an Integer, or a float) as a JS number; 0 for null or missing (a count of nothing). */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value);
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function citationsToProperty(sources: readonly Citation[]): string[] {
  return sources.map((c) => `${c.sourceId}#${c.slide}`);
}

export function citationsFromProperty(value: unknown): Citation[] {
  return strings(value).map((text) => {
    const at = text.lastIndexOf('#');
    return { sourceId: text.slice(0, at), slide: Number(text.slice(at + 1)) };
  });
}

/** Properties of an entity node, including what the indexes and filters need (lifetime for `validAt`). */
export function nodeToProperties(node: GraphNode, validity: Validity): Props {
  const roles = Object.entries(node.dates) as Array<[DateRole, string]>;
  const dates = roles.map(([, text]) => parsePartialDate(text)!);
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    aliases: [...node.aliases],
    aliasText: node.aliases.join(' | '),
    // Search text, folded and split into words by the domain (as the memory store does), so
    // the index only has to match whole words: no analyzer stop words, no accent rules of its own.
    searchName: searchWords(node.name).join(' '),
    searchAliases: node.aliases.flatMap(searchWords).join(' '),
    searchDescription: searchWords(node.description ?? '').join(' '),
    description: node.description,
    type: node.type,
    unit: node.unit,
    publisher: node.publisher,
    year: node.year,
    sources: citationsToProperty(node.sources),
    sortKey: sortKey(node.name),
    ...Object.fromEntries(roles),
    // Approximate dates as `role:QUALIFIER` (always written, so an update can clear them).
    dateQualifiers: Object.entries(node.dateQualifiers ?? {}).map(([role, q]) => `${role}:${q}`),
    dateStarts: dates.map((d) => d.start),
    dateEnds: dates.map((d) => d.end),
    validStart: validity.start,
    validEnd: validity.end,
  };
}

export function nodeFromNeo4j(node: Neo4jNode | Props): GraphNode {
  const p = ('properties' in node && 'labels' in node ? node.properties : node) as Props;
  const kind = p.kind as NodeKind;
  const dates: Partial<Record<DateRole, string>> = {};
  for (const role of DATE_ROLES_BY_KIND[kind]) if (p[role] !== undefined && p[role] !== null) dates[role] = String(p[role]);
  return {
    id: String(p.id),
    kind,
    name: String(p.name),
    aliases: strings(p.aliases),
    description: str(p.description),
    type: str(p.type),
    dates,
    ...qualifiersFrom(p.dateQualifiers),
    unit: str(p.unit) as Unit | null,
    publisher: str(p.publisher),
    year: p.year === null || p.year === undefined ? null : toNumber(p.year),
    sources: citationsFromProperty(p.sources),
  };
}

/**
 * Entity rows: the read statements (cypher/node/*.cypher, relationship/get-for-nodes.cypher,
 * search/query.cypher) return each entity as a list of exactly these properties in this order,
 * `[n.id, n.kind, n.name, …, n.ended, n.dateQualifiers]`, not as a node or a map. The driver decodes every map key
 * with Object.defineProperty, which was a quarter of our CPU time on a 10,000-item list; a list
 * decodes without it, and only the properties the domain reads are sent (no search words, sort
 * key or lifetimes).
 */
export const NODE_ROW = [
  'id',
  'kind',
  'name',
  'aliases',
  'description',
  'type',
  'unit',
  'publisher',
  'year',
  'sources',
  'date',
  'established',
  'launched',
  'signed',
  'inForce',
  'ended',
  'dateQualifiers',
] as const;

const QUALIFIERS_COLUMN = NODE_ROW.indexOf('dateQualifiers');

/** `['date:EARLY']` → `{ date: 'EARLY' }`, only when there is one (as the seed reader gives nodes). */
function qualifiersFrom(value: unknown): { dateQualifiers?: Partial<Record<DateRole, DateQualifier>> } {
  const entries = strings(value).map((text) => text.split(':') as [DateRole, DateQualifier]);
  return entries.length > 0 ? { dateQualifiers: Object.fromEntries(entries) } : {};
}

const DATE_COLUMN: Readonly<Record<DateRole, number>> = Object.fromEntries(Object.values(DateRole).map((role) => [role, NODE_ROW.indexOf(role)])) as Record<
  DateRole,
  number
>;

/** An entity from its row (see NODE_ROW). */
export function nodeFromRow(row: readonly unknown[]): GraphNode {
  // A statement that returns fewer columns would silently drop what they hold (cypher/README.md).
  if (row.length !== NODE_ROW.length) throw new Error(`entity row: expected ${NODE_ROW.length} columns (${NODE_ROW.join(', ')}), got ${row.length}`);
  const kind = row[1] as NodeKind;
  const dates: Partial<Record<DateRole, string>> = {};
  for (const role of DATE_ROLES_BY_KIND[kind]) {
    const value = row[DATE_COLUMN[role]];
    if (value !== undefined && value !== null) dates[role] = String(value);
  }
  return {
    id: String(row[0]),
    kind,
    name: String(row[2]),
    aliases: strings(row[3]),
    description: str(row[4]),
    type: str(row[5]),
    dates,
    ...qualifiersFrom(row[QUALIFIERS_COLUMN]),
    unit: str(row[6]) as Unit | null,
    publisher: str(row[7]),
    year: row[8] === null || row[8] === undefined ? null : toNumber(row[8]),
    sources: citationsFromProperty(row[9]),
  };
}

/** Relationship rows, as get-for-nodes.cypher returns them: `[r.id, r.validFrom, r.validTo, r.note, r.sources]`. */
export function relationshipFromRow(type: string, row: readonly unknown[], from: string, to: string): Relationship {
  return {
    id: String(row[0]),
    type: type as EdgeType,
    from,
    to,
    validFrom: str(row[1]),
    validTo: str(row[2]),
    note: str(row[3]),
    sources: citationsFromProperty(row[4]),
  };
}

/** A row of citation/get-cited-items.cypher: an entity, relationship or observation that cites a source. */
export function citingRecordFromRow(
  kind: string,
  type: string | null,
  from: string | null,
  to: string | null,
  row: unknown,
): { kind: 'ENTITY'; node: GraphNode } | { kind: 'RELATIONSHIP'; relationship: Relationship } | { kind: 'OBSERVATION'; observation: Observation } {
  if (kind === 'ENTITY') return { kind, node: nodeFromRow(row as unknown[]) };
  if (kind === 'RELATIONSHIP') return { kind, relationship: relationshipFromRow(type!, row as unknown[], from!, to!) };
  return { kind: 'OBSERVATION', observation: observationFromNeo4j(row as Props) };
}

export function relationshipToProperties(rel: Relationship): Props {
  const validity = relationshipValidity(rel);
  return {
    id: rel.id,
    validFrom: rel.validFrom,
    validTo: rel.validTo,
    note: rel.note,
    // Folded words of the note for the relationship full-text index (as searchName etc. above);
    // absent without a word, so the index holds exactly the relationships search counts as
    // documents (cypher/search/query.cypher counts them with a match-all query).
    searchNote: searchWords(rel.note ?? '').join(' ') || null,
    sources: citationsToProperty(rel.sources),
    validStart: validity.start,
    validEnd: validity.end,
  };
}

export function relationshipFromNeo4j(type: string, props: Props, from: string, to: string): Relationship {
  return {
    id: String(props.id),
    type: type as EdgeType,
    from,
    to,
    validFrom: str(props.validFrom),
    validTo: str(props.validTo),
    note: str(props.note),
    sources: citationsFromProperty(props.sources),
  };
}

export function observationToProperties(o: Observation): Props {
  const keys = Object.keys(o.dimensions).sort();
  return {
    id: o.id,
    metricId: o.metricId,
    value: o.value,
    unit: o.unit,
    period: o.period,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    reportedIn: o.reportedIn ?? null,
    qualifier: o.qualifier,
    note: o.note,
    searchNote: searchWords(o.note ?? '').join(' ') || null,
    sources: citationsToProperty(o.sources),
    dimensionKeys: keys,
    ...Object.fromEntries(keys.map((k) => [`dim_${k}`, o.dimensions[k]])),
  };
}

export function observationFromNeo4j(p: Props): Observation {
  const dimensions: Record<string, string> = {};
  for (const key of strings(p.dimensionKeys)) dimensions[key] = String(p[`dim_${key}`]);
  return {
    id: String(p.id),
    metricId: String(p.metricId),
    value: toNumber(p.value),
    unit: p.unit as Unit,
    period: str(p.period),
    periodStart: str(p.periodStart),
    periodEnd: str(p.periodEnd),
    // Only undated observations carry the year reported (as the seed reader gives them).
    ...(p.reportedIn !== null && p.reportedIn !== undefined ? { reportedIn: toNumber(p.reportedIn) } : {}),
    dimensions,
    qualifier: str(p.qualifier) as Qualifier | null,
    note: str(p.note),
    sources: citationsFromProperty(p.sources),
  };
}
