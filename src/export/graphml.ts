import { create } from 'xmlbuilder2';
import type { ExportGraph } from './collect';
import type { Citation, Observation } from '../domain';
import { EDGE_COLUMNS, NODE_COLUMNS, OBSERVATION_COLUMNS, LIST_SEPARATOR, edgeRow, nodeRow, observationRow, type Cell } from './columns';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const GRAPHML_XSD = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

interface Key {
  readonly id: string;
  readonly for: 'graph' | 'node' | 'edge';
  readonly name: string;
  readonly type: 'string' | 'int' | 'double';
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
/** An observation node's columns that entities do not have (`unit`, `sources` are shared); `value` a number tools can plot. */
const OBSERVATION_DATA = OBSERVATION_COLUMNS.filter((c) => c !== 'id' && !(NODE_COLUMNS as readonly string[]).includes(c)).map((c) =>
  key('node', c, c === 'value' ? 'double' : c === 'reportedIn' ? 'int' : 'string'),
);
/** An observation's exact id (its node id is a name token, like a relationship's edge id). */
const NODE_OBSERVATION_ID = key('node', 'observationId');
/** A CITES edge's slides of its source, joined with " | " (one edge per cited source keeps the graph simple for Gephi and NetworkX). */
const EDGE_SLIDES = key('edge', 'slides');

/** The keys declared in every GraphML export, for tests and docs. */
export const GRAPHML_KEYS: readonly Key[] = [
  GRAPH_VERSION,
  NODE_LABEL,
  ...NODE_DATA,
  NODE_OBSERVATION_ID,
  ...OBSERVATION_DATA,
  EDGE_LABEL,
  EDGE_RELATIONSHIP_ID,
  ...EDGE_DATA,
  EDGE_SLIDES,
];

/** The `kind` of an observation node. */
export const OBSERVATION_KIND = 'Observation';
/** The edge from an entity or an observation to a `Source` it cites; the slides are edge data. */
export const CITES = 'CITES';
/** The edge from an observation to its metric. */
export const OBSERVATION_OF = 'OBSERVATION_OF';

/** An observation's node id: its id behind a prefix no entity id has (entity ids hold no colon). */
export const observationNodeId = (obs: Observation): string => xmlToken(`observation:${obs.id}`);

/** `661.2 USD_BILLION, 2021`: what Gephi and Cytoscape show on an observation node. */
function observationLabel(obs: Observation): string {
  const dims = Object.keys(obs.dimensions)
    .sort()
    .map((k) => `${k}=${obs.dimensions[k]}`);
  const when = obs.period ?? `reported ${obs.reportedIn}`;
  return `${obs.value} ${obs.unit}, ${when}${dims.length > 0 ? ` [${dims.join(', ')}]` : ''}`;
}

/** The slides cited of each source, sources in the order first cited, slides ascending and distinct. */
function slidesBySource(sources: readonly Citation[]): Map<string, number[]> {
  const bySource = new Map<string, Set<number>>();
  for (const c of sources) bySource.set(c.sourceId, (bySource.get(c.sourceId) ?? new Set()).add(c.slide));
  return new Map([...bySource].map(([id, slides]) => [id, [...slides].sort((a, b) => a - b)]));
}

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
 * GraphML (graphml.graphdrawing.org) that Gephi, Cytoscape and NetworkX open: typed `<key>`
 * declarations, one directed `<graph>` with the dataset version as graph data, one `<node>` per
 * entity and one `<edge>` per relationship; one `<node>` (kind `Observation`, a numeric `value`)
 * per observation with an OBSERVATION_OF edge to its metric; a CITES edge (with its `slide`) from
 * every entity and observation to each Source it cites (its `slides`), so sources are connected (a
 * relationship's citations, an edge's, stay text in `sources`). Missing values are left out;
 * lists are joined with " | ".
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
  const written = new Set<string>();
  for (const node of [...graph.nodes, ...graph.citedSources]) {
    written.add(node.id);
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
  for (const obs of graph.observations) {
    const row = observationRow(obs);
    const el = g.ele('node', { id: observationNodeId(obs) });
    const label = observationLabel(obs);
    data(el, NODE_LABEL.id, label);
    data(el, NODE_OBSERVATION_ID.id, obs.id);
    data(el, key('node', 'kind').id, OBSERVATION_KIND);
    data(el, key('node', 'name').id, label);
    data(el, key('node', 'unit').id, row.unit);
    for (const k of OBSERVATION_DATA) data(el, k.id, row[k.name as keyof typeof row]);
    data(el, key('node', 'sources').id, row.sources);
  }
  for (const obs of graph.observations) {
    const el = g.ele('edge', { id: xmlToken(`${obs.id}:${OBSERVATION_OF}:${obs.metricId}`), source: observationNodeId(obs), target: xmlToken(obs.metricId) });
    data(el, EDGE_LABEL.id, OBSERVATION_OF);
    data(el, key('edge', 'type').id, OBSERVATION_OF);
  }
  const citing = [
    ...graph.nodes.map((n) => ({ id: n.id, node: xmlToken(n.id), sources: n.sources })),
    ...graph.observations.map((o) => ({ id: o.id, node: observationNodeId(o), sources: o.sources })),
  ];
  for (const item of citing) {
    // A citation of a source the store does not hold has no node to point to: it stays in `sources`.
    for (const [sourceId, slides] of slidesBySource(item.sources)) {
      if (!written.has(sourceId) || sourceId === item.id) continue;
      const el = g.ele('edge', { id: xmlToken(`${item.id}:${CITES}:${sourceId}`), source: item.node, target: xmlToken(sourceId) });
      data(el, EDGE_LABEL.id, CITES);
      data(el, key('edge', 'type').id, CITES);
      data(el, EDGE_SLIDES.id, slides.join(LIST_SEPARATOR));
    }
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
