import { DomainError, type ErrorCode } from '../domain';
import type { ExportGraph } from './collect';
import { toCsv } from './csv';
import { toGraphml } from './graphml';
import { toJson } from './json';
import { toJsonld } from './jsonld';
import { toYaml } from './yaml';
import type { CsvPart, ExportOptions } from './options';

/** One exported file. */
export interface ExportDocument {
  readonly body: string;
  /** Without charset: the body is always UTF-8. */
  readonly contentType: string;
  /** A file name naming the scope and the dataset version, e.g. `usmx-graph-usmca-depth2-<version>.graphml`. */
  readonly filename: string;
}

const CONTENT_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  graphml: 'application/graphml+xml',
  jsonld: 'application/ld+json',
  yaml: 'application/yaml',
} as const;

/** `usmx-graph[-<id>-depth<N>]-<version>`: where the export came from, safe in any file system. */
export function exportBasename(graph: ExportGraph): string {
  const scope = graph.scope.kind === 'graph' ? '' : `-${graph.scope.id}-depth${graph.scope.depth}`;
  return `usmx-graph${scope}-${graph.datasetVersion}`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** Renders `graph` in the requested format (for CSV, the requested part). */
export function renderExport(graph: ExportGraph, options: Pick<ExportOptions, 'format' | 'part' | 'base'>): ExportDocument {
  const name = exportBasename(graph);
  const contentType = CONTENT_TYPES[options.format];
  switch (options.format) {
    case 'json':
      return { body: toJson(graph), contentType, filename: `${name}.json` };
    case 'graphml':
      return { body: toGraphml(graph), contentType, filename: `${name}.graphml` };
    case 'jsonld':
      return { body: toJsonld(graph, options.base), contentType, filename: `${name}.jsonld` };
    case 'yaml':
      return { body: toYaml(graph), contentType, filename: `${name}.yaml` };
    case 'csv':
      return { body: toCsv(graph, options.part), contentType, filename: csvFilename(name, options.part) };
  }
}

export function csvFilename(prefix: string, part: CsvPart): string {
  return `${prefix}-${part}.csv`;
}

/**
 * The code and message of an error the domain anticipated (bad input, store unavailable), or
 * null for anything else, which callers report as an internal error.
 */
export function explainError(error: unknown): { readonly code: ErrorCode; readonly message: string } | null {
  return error instanceof DomainError ? { code: error.code, message: error.message } : null;
}
