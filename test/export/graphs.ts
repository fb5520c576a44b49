import { EdgeType, NodeKind, datasetVersion, type Dataset } from '../../src/domain';
import { collectGraph, type ExportGraph, type ExportScope } from '../../src/export';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';

const stores = new WeakMap<Dataset, MemoryStore>();

/** Reads `dataset` for export through the memory store (one per dataset), as the server and the CLI do. */
export function exportOf(dataset: Dataset, scope: ExportScope = { kind: 'graph' }): Promise<ExportGraph> {
  let store = stores.get(dataset);
  if (!store) stores.set(dataset, (store = new MemoryStore(dataset)));
  return collectGraph(store, scope);
}

/** Text that every format must escape: XML markup, CSV separators and quotes, line breaks, a control character. */
export const TRICKY_NAME = 'Ampersand & <angle> "quotes", commas; and ünïcödé';
export const TRICKY_DESCRIPTION = 'line one\nline two, "quoted"\r\nline three \u0001 after a control character';

/** The fixture plus one entity and one edge whose text needs escaping everywhere. */
const trickyContent: Omit<Dataset, 'version'> = {
  ...fixtureDataset,
  nodes: [
    ...fixtureDataset.nodes,
    {
      id: 'tricky',
      kind: NodeKind.Topic,
      name: TRICKY_NAME,
      aliases: ['a, b', 'say "hi"'],
      description: TRICKY_DESCRIPTION,
      type: null,
      dates: {},
      unit: null,
      publisher: null,
      year: null,
      sources: [
        { sourceId: 'src', slide: 1 },
        { sourceId: 'src', slide: 2 },
      ],
    },
  ],
  relationships: [
    ...fixtureDataset.relationships,
    {
      id: 'tricky:BROADER:drugs',
      type: EdgeType.BROADER,
      from: 'tricky',
      to: 'drugs',
      validFrom: null,
      validTo: null,
      note: 'a note, with "quotes" & <tags>',
      sources: [],
    },
  ],
};
export const trickyDataset: Dataset = { ...trickyContent, version: datasetVersion(trickyContent) };
