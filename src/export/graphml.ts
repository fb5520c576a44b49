import { create } from 'xmlbuilder2';
import type { ExportGraph } from './collect';
import { EDGE_COLUMNS, NODE_COLUMNS, edgeRow, nodeRow, type Cell } from './columns';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const GRAPHML_XSD = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

interface Key {
  readonly id: string;
  readonly for: 'graph' | 'node' | 'edge';
  readonly name: string;
  readonly type: 'string' | 'int';
}

// Key ids carry a prefix so that none is taken for a built-in property by accident: Gephi maps
// keys whose id or name is `label`, `weight`, `x`, `d3`, … to its own properties. The `label`
// keys are there on purpose, so Gephi labels nodes with their name and edges with their type;
// Cytoscape takes the `name` column. Gephi logs the graph-level key as an issue it skips (it
// reads node and edge keys only) and opens the file all the same.
const key = (scope: Key['for'], name: string, type: Key['type'] = 'string'): Key => ({ id: `${scope}_${name}`, for: scope, name, type });

const NODE_LABEL = key('node', 'label');
const EDGE_LABEL = key('edge', 'label');
const EDGE_RELATIONSHIP_ID = key('edge', 'relationshipId');
const GRAPH_VERSION = key('graph', 'datasetVersion');
/** One key per column of the tabular view, less the ids and ends GraphML holds in attributes. */
const NODE_DATA = NODE_COLUMNS.filter((c) => c !== 'id').map((c) => key('node', c, c === 'year' ? 'int' : 'string'));
const EDGE_DATA = EDGE_COLUMNS.filter((c) => c !== 'id' && c !== 'source' && c !== 'target').map((c) => key('edge', c));

/** The keys declared in every GraphML export, for tests and docs. */
export const GRAPHML_KEYS: readonly Key[] = [GRAPH_VERSION, NODE_LABEL, ...NODE_DATA, EDGE_LABEL, EDGE_RELATIONSHIP_ID, ...EDGE_DATA];

/**
 * GraphML's XML Schema types node and edge ids as NMTOKEN, which has no `@` (relationship ids
 * have one: `amlo:LEADS:mexico@2018-12-01`). Other characters are written `_hex_`; the exact id
 * is the edge's `relationshipId`. Entity ids (lower-case slugs) pass unchanged.
 */
export function xmlToken(id: string): string {
  return id.replace(/[^\p{L}\p{N}._:-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

function describeScope(graph: ExportGraph): string {
  return graph.scope.kind === 'graph' ? 'the whole graph' : `the entities within ${graph.scope.depth} hop(s) of ${graph.scope.id}`;
}

/**
 * GraphML (graphml.graphdrawing.org) that Gephi and Cytoscape open: typed `<key>` declarations,
 * one directed `<graph>` with the dataset version as graph data, one `<node>` per entity and one
 * `<edge>` per relationship, missing values left out. Lists are joined with " | ".
 */
export function toGraphml(graph: ExportGraph): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const comment = `usmx-graph export of ${describeScope(graph)}, dataset version ${graph.datasetVersion}`;
  doc.com(` ${comment.replace(/--/g, '- -')} `);
  const root = doc
    .ele(GRAPHML_NS, 'graphml')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${GRAPHML_NS} ${GRAPHML_XSD}`);
  for (const k of GRAPHML_KEYS) root.ele('key', { id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type });

  const g = root.ele('graph', { id: 'usmx-graph', edgedefault: 'directed' });
  g.ele('data', { key: GRAPH_VERSION.id }).txt(graph.datasetVersion);

  const data = (parent: ReturnType<typeof g.ele>, id: string, value: Cell): void => {
    if (value !== null && value !== '') parent.ele('data', { key: id }).txt(String(value));
  };
  for (const node of graph.nodes) {
    const row = nodeRow(node);
    const el = g.ele('node', { id: xmlToken(node.id) });
    data(el, NODE_LABEL.id, node.name);
    for (const k of NODE_DATA) data(el, k.id, row[k.name as keyof typeof row]);
  }
  for (const rel of graph.relationships) {
    const row = edgeRow(rel);
    const el = g.ele('edge', { id: xmlToken(rel.id), source: xmlToken(rel.from), target: xmlToken(rel.to) });
    data(el, EDGE_LABEL.id, rel.type);
    data(el, EDGE_RELATIONSHIP_ID.id, rel.id);
    for (const k of EDGE_DATA) data(el, k.id, row[k.name as keyof typeof row]);
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
