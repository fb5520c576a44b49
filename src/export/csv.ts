import { stringify } from 'csv-stringify/sync';
import type { ExportGraph } from './collect';
import { EDGE_COLUMNS, NODE_COLUMNS, OBSERVATION_COLUMNS, edgeRow, nodeRow, observationRow, type Cell } from './columns';
import type { CsvPart } from './options';

/**
 * One table of the graph as CSV a spreadsheet opens as is: RFC 4180 (CRLF line ends, fields
 * quoted when they hold a comma, quote or line break), a header row, UTF-8 with a byte-order
 * mark so Excel reads the accents, and a `datasetVersion` column on every row.
 */
export function toCsv(graph: ExportGraph, part: CsvPart): string {
  const table = tables[part](graph);
  const columns = [...table.columns, 'datasetVersion'];
  const rows = table.rows.map((row) => ({ ...row, datasetVersion: graph.datasetVersion }));
  return stringify(rows, {
    bom: true,
    header: true,
    columns,
    record_delimiter: 'windows',
    // Numbers as JavaScript prints them (661.2, 1660000); nulls as empty cells.
    cast: { number: (value) => String(value) },
  });
}

interface Table {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>;
}

const tables: Readonly<Record<CsvPart, (graph: ExportGraph) => Table>> = {
  nodes: (graph) => ({ columns: NODE_COLUMNS, rows: graph.nodes.map(nodeRow) }),
  edges: (graph) => ({ columns: EDGE_COLUMNS, rows: graph.relationships.map(edgeRow) }),
  observations: (graph) => ({ columns: OBSERVATION_COLUMNS, rows: graph.observations.map(observationRow) }),
};
