// The graph view as GraphML, built in the browser with the DOM's own XML writer (no library):
// the nodes and edges shown, nothing else. Keys, ids and values follow the server's export
// (src/export/graphml.ts) so both files read alike in yEd, Gephi and networkx: `node_label` and
// `edge_label` (Gephi's labels), `node_kind`, `node_name`, `edge_type`, `edge_validFrom`,
// `edge_validTo`, `edge_note`, `edge_sources` ("source-id#slide", joined " | "), the exact
// relationship id in `edge_relationshipId`; plus `edge_citations` ("source title, slide N") and
// the view's URL as graph data.
import { citation } from './dom';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const GRAPHML_XSD = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';
const LIST_SEPARATOR = ' | ';

/** A node as the view shows it. */
export interface ShownNode {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/** An edge as the view shows it, with its citations. */
export interface ShownEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly note?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  readonly sources: ReadonlyArray<{ readonly slide: number; readonly source: { readonly id: string; readonly name: string } }>;
}

/** What is written: the shown graph, the dataset version and the URL of the view. */
export interface ShownGraph {
  readonly nodes: readonly ShownNode[];
  readonly edges: readonly ShownEdge[];
  readonly datasetVersion: string | null;
  readonly url: string;
  /** One line for the file's comment, e.g. "the graph view of merida-initiative (depth 1, …)". */
  readonly description: string;
}

type Scope = 'graph' | 'node' | 'edge';
const KEYS: ReadonlyArray<{ scope: Scope; name: string }> = [
  { scope: 'graph', name: 'datasetVersion' },
  { scope: 'graph', name: 'view' },
  { scope: 'node', name: 'label' },
  { scope: 'node', name: 'kind' },
  { scope: 'node', name: 'name' },
  { scope: 'edge', name: 'label' },
  { scope: 'edge', name: 'relationshipId' },
  { scope: 'edge', name: 'type' },
  { scope: 'edge', name: 'validFrom' },
  { scope: 'edge', name: 'validTo' },
  { scope: 'edge', name: 'note' },
  { scope: 'edge', name: 'sources' },
  { scope: 'edge', name: 'citations' },
];

/** As the server's `xmlToken`: GraphML ids are NMTOKENs; other characters are written `_hex_`. */
export function xmlToken(id: string): string {
  return id.replace(/[^\p{L}\p{N}._:-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/** Characters XML 1.0 cannot hold become U+FFFD (as the server's writer does). */
const xmlText = (text: string): string => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');

/** The shown graph as a GraphML document (UTF-8 text, indented, ending in a newline). */
export function shownGraphml(graph: ShownGraph): string {
  const doc = document.implementation.createDocument(GRAPHML_NS, 'graphml', null);
  const root = doc.documentElement;
  root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI_NS);
  root.setAttributeNS(XSI_NS, 'xsi:schemaLocation', `${GRAPHML_NS} ${GRAPHML_XSD}`);
  const comment = `usmx-graph explorer: ${graph.description}, dataset version ${graph.datasetVersion ?? 'unknown'}`;
  doc.insertBefore(doc.createComment(` ${xmlText(comment).replace(/--/g, '- -')} `), root);

  const element = (parent: Element, name: string, attrs: Record<string, string>): Element => {
    const el = doc.createElementNS(GRAPHML_NS, name);
    for (const [attr, value] of Object.entries(attrs)) el.setAttribute(attr, xmlText(value));
    parent.appendChild(el);
    return el;
  };
  const data = (parent: Element, scope: Scope, name: string, value: string | null | undefined): void => {
    if (value) element(parent, 'data', { key: `${scope}_${name}` }).textContent = xmlText(value);
  };

  for (const k of KEYS) element(root, 'key', { id: `${k.scope}_${k.name}`, for: k.scope, 'attr.name': k.name, 'attr.type': 'string' });
  const g = element(root, 'graph', { id: 'usmx-graph', edgedefault: 'directed' });
  data(g, 'graph', 'datasetVersion', graph.datasetVersion);
  data(g, 'graph', 'view', graph.url);
  for (const node of graph.nodes) {
    const el = element(g, 'node', { id: xmlToken(node.id) });
    data(el, 'node', 'label', node.name);
    data(el, 'node', 'kind', node.kind);
    data(el, 'node', 'name', node.name);
  }
  for (const edge of graph.edges) {
    const el = element(g, 'edge', { id: xmlToken(edge.id), source: xmlToken(edge.source), target: xmlToken(edge.target) });
    data(el, 'edge', 'label', edge.type);
    data(el, 'edge', 'relationshipId', edge.id);
    data(el, 'edge', 'type', edge.type);
    data(el, 'edge', 'validFrom', edge.validFrom);
    data(el, 'edge', 'validTo', edge.validTo);
    data(el, 'edge', 'note', edge.note);
    data(el, 'edge', 'sources', edge.sources.map((c) => `${c.source.id}#${c.slide}`).join(LIST_SEPARATOR));
    data(el, 'edge', 'citations', edge.sources.map(citation).join(LIST_SEPARATOR));
  }
  indent(root, 1);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc).replace('--><graphml', '-->\n<graphml')}\n`;
}

/** Two spaces per level before each element with element children, as the server's pretty print. */
function indent(el: Element, depth: number): void {
  const children = [...el.children];
  if (!children.length) return;
  for (const child of children) {
    el.insertBefore(el.ownerDocument.createTextNode(`\n${'  '.repeat(depth)}`), child);
    indent(child, depth + 1);
  }
  el.appendChild(el.ownerDocument.createTextNode(`\n${'  '.repeat(depth - 1)}`));
}
