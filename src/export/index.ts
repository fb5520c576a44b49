export {
  BATCH_SIZE,
  collectGraph,
  MAX_DEPTH,
  MIN_DEPTH,
  NODE_PAGE_SIZE,
  type CollectProgress,
  type CollectStep,
  type ExportGraph,
  type ExportScope,
  type ExportSource,
} from './collect';
export {
  CSV_PARTS,
  DEFAULT_IRI_BASE,
  EXPORT_FORMATS,
  parseExportOptions,
  type CsvPart,
  type ExportFormat,
  type ExportOptions,
  type RawExportOptions,
} from './options';
export { csvFilename, exportBasename, explainError, renderExport, type ExportDocument } from './render';
export { toCsv } from './csv';
export { toGraphml, GRAPHML_KEYS, GRAPHML_NS } from './graphml';
export { toJson } from './json';
export { toJsonld, JSONLD_CONTEXT } from './jsonld';
export { diffAgainstSeeds, formatSeedDiff, toYaml, type PartDiff, type SeedDiff } from './yaml';
