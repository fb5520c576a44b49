import { DateRole, observationPeriodKind, partialDateBounds, type Citation, type GraphNode, type Observation, type Relationship } from '../domain';

// Flat, one-value-per-column views of nodes, edges and observations, shared by the tabular
// formats (CSV, GraphML). Lists are joined with LIST_SEPARATOR; citations read `sourceId#slide`
// as in the seeds. A missing value is null (an empty CSV cell, no GraphML <data>). Every partial
// date column (`2018`, `2018-07`, `2018-11-30`) is followed by its first and last day as full ISO
// dates (`establishedStart`, `establishedEnd`), which spreadsheets and pandas sort and filter.

/** Joins list values (aliases, citations): no alias or id in the seeds contains it. */
export const LIST_SEPARATOR = ' | ';

export type Cell = string | number | null;

/** Every date role, in a fixed order: one column each. */
export const DATE_COLUMNS: readonly DateRole[] = Object.values(DateRole);

/** A partial date column's first and last day: `established` → `establishedStart`, `establishedEnd`. */
export const boundColumns = <C extends string>(column: C): readonly [`${C}Start`, `${C}End`] => [`${column}Start`, `${column}End`];

const DATES_WITH_BOUNDS = [
  ...['date', ...boundColumns('date')],
  ...['established', ...boundColumns('established')],
  ...['launched', ...boundColumns('launched')],
  ...['signed', ...boundColumns('signed')],
  ...['inForce', ...boundColumns('inForce')],
  ...['ended', ...boundColumns('ended')],
] as const;

export const NODE_COLUMNS = [
  'id',
  'kind',
  'type',
  'name',
  'aliases',
  'description',
  ...DATES_WITH_BOUNDS,
  'dateQualifiers',
  'unit',
  'publisher',
  'year',
  'sources',
] as const;
export const EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'validFrom',
  'validFromStart',
  'validFromEnd',
  'validTo',
  'validToStart',
  'validToEnd',
  'note',
  'sources',
] as const;
export const OBSERVATION_COLUMNS = [
  'id',
  'metricId',
  'value',
  'unit',
  'period',
  'periodStart',
  'periodEnd',
  'periodKind',
  'reportedIn',
  'dimensions',
  'qualifier',
  'note',
  'sources',
] as const;

export type NodeColumn = (typeof NODE_COLUMNS)[number];
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];
export type ObservationColumn = (typeof OBSERVATION_COLUMNS)[number];

const list = (values: readonly string[]): string | null => (values.length > 0 ? values.join(LIST_SEPARATOR) : null);

/** `source-id#slide`, the seeds' own notation. */
export function citationText(citation: Citation): string {
  return `${citation.sourceId}#${citation.slide}`;
}

/** `{ validFrom, validFromStart, validFromEnd }` for one partial date (all null when absent). */
function withBounds(column: string, text: string | null | undefined): Record<string, string | null> {
  const { start, end } = partialDateBounds(text);
  const [startColumn, endColumn] = boundColumns(column);
  return { [column]: text ?? null, [startColumn]: start, [endColumn]: end };
}

export function nodeRow(node: GraphNode): Record<NodeColumn, Cell> {
  const dates = Object.assign({}, ...DATE_COLUMNS.map((role) => withBounds(role, node.dates[role]))) as Record<
    (typeof DATES_WITH_BOUNDS)[number],
    string | null
  >;
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
    ...(withBounds('validFrom', rel.validFrom) as Record<'validFrom' | 'validFromStart' | 'validFromEnd', string | null>),
    ...(withBounds('validTo', rel.validTo) as Record<'validTo' | 'validToStart' | 'validToEnd', string | null>),
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
    dimensions: list(
      Object.keys(obs.dimensions)
        .sort()
        .map((k) => `${k}=${obs.dimensions[k]}`),
    ),
    qualifier: obs.qualifier,
    note: obs.note,
    sources: list(obs.sources.map(citationText)),
  };
}
