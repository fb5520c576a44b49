import { DateRole, observationPeriodKind, type Citation, type GraphNode, type Observation, type Relationship } from '../domain';

// Flat, one-value-per-column views of nodes, edges and observations, shared by the tabular
// formats (CSV, GraphML). Lists are joined with LIST_SEPARATOR; citations read `sourceId#slide`
// as in the seeds. A missing value is null (an empty CSV cell, no GraphML <data>).

/** Joins list values (aliases, citations): no alias or id in the seeds contains it. */
export const LIST_SEPARATOR = ' | ';

export type Cell = string | number | null;

/** Every date role, in a fixed order: one column each. */
export const DATE_COLUMNS: readonly DateRole[] = Object.values(DateRole);

export const NODE_COLUMNS = ['id', 'kind', 'type', 'name', 'aliases', 'description', ...DATE_COLUMNS, 'dateQualifiers', 'unit', 'publisher', 'year', 'sources'] as const;
export const EDGE_COLUMNS = ['id', 'source', 'target', 'type', 'validFrom', 'validTo', 'note', 'sources'] as const;
export const OBSERVATION_COLUMNS = ['id', 'metricId', 'value', 'unit', 'period', 'periodStart', 'periodEnd', 'periodKind', 'reportedIn', 'dimensions', 'qualifier', 'note', 'sources'] as const;

export type NodeColumn = (typeof NODE_COLUMNS)[number];
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];
export type ObservationColumn = (typeof OBSERVATION_COLUMNS)[number];

const list = (values: readonly string[]): string | null => (values.length > 0 ? values.join(LIST_SEPARATOR) : null);

/** `source-id#slide`, the seeds' own notation. */
export function citationText(citation: Citation): string {
  return `${citation.sourceId}#${citation.slide}`;
}

export function nodeRow(node: GraphNode): Record<NodeColumn, Cell> {
  const dates = Object.fromEntries(DATE_COLUMNS.map((role) => [role, node.dates[role] ?? null])) as Record<DateRole, string | null>;
  return {
    id: node.id,
    kind: node.kind,
    type: node.type,
    name: node.name,
    aliases: list(node.aliases),
    description: node.description,
    ...dates,
    // `date=EARLY` for "early 2021": which part of the date the sources give.
    dateQualifiers: list(Object.entries(node.dateQualifiers ?? {}).map(([role, q]) => `${role}=${q}`)),
    unit: node.unit,
    publisher: node.publisher,
    year: node.year,
    sources: list(node.sources.map(citationText)),
  };
}

export function edgeRow(rel: Relationship): Record<EdgeColumn, Cell> {
  return {
    id: rel.id,
    source: rel.from,
    target: rel.to,
    type: rel.type,
    validFrom: rel.validFrom,
    validTo: rel.validTo,
    note: rel.note,
    sources: list(rel.sources.map(citationText)),
  };
}

export function observationRow(obs: Observation): Record<ObservationColumn, Cell> {
  return {
    id: obs.id,
    metricId: obs.metricId,
    value: obs.value,
    unit: obs.unit,
    period: obs.period,
    periodStart: obs.periodStart,
    periodEnd: obs.periodEnd,
    // Undated: empty period cells, UNDATED, and the year the figure was reported.
    periodKind: observationPeriodKind(obs),
    reportedIn: obs.reportedIn ?? null,
    dimensions: list(Object.keys(obs.dimensions).sort().map((k) => `${k}=${obs.dimensions[k]}`)),
    qualifier: obs.qualifier,
    note: obs.note,
    sources: list(obs.sources.map(citationText)),
  };
}
