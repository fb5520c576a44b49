// The graph view: the neighbourhood of an entity (depth 1 or 2, chosen kinds) drawn with
// Cytoscape.js, coloured by kind with a legend and labelled edges. Click a node to expand it, click an edge for its citation; what a
// limit cut is listed. The same graph is listed as tables for keyboards and screen readers. Expanded
// nodes and hidden edge types are recorded (in the URL) and restored when the view is drawn again.
import type { Core, EdgeCollection, ElementDefinition } from 'cytoscape';
import { request } from './api';
import { citation, h, replace, status, validity } from './dom';
import { entityLink, type Open } from './entity-view';
import type { ExplorerNeighbourhoodQuery, NodeKind } from './gql/graphql';
import { shownGraphml } from './graphml';
import { DatasetQuery, NeighbourhoodQuery } from './operations';
import { NODE_KINDS, type NodeKindName } from './state';

/** What the graph shows: depth 1 or 2, and only these kinds (none: all; the centre always). */
export interface GraphOptions {
  readonly depth: 1 | 2;
  readonly show: readonly NodeKindName[];
  /** Nodes expanded besides the centre, and edge types hidden. */
  readonly expand: readonly string[];
  readonly hide: readonly string[];
}

/** What changes without drawing the graph again: recorded (in the URL), restored by `renderGraph`. */
export type GraphView = Pick<GraphOptions, 'expand' | 'hide'>;

type Neighbourhood = NonNullable<ExplorerNeighbourhoodQuery['neighbourhood']>;
type Edge = Neighbourhood['edges'][number];
type LeftOut = Neighbourhood['leftOut'][number];

/** Okabe–Ito colours (distinguishable with colour-blindness), one per kind. */
export const KIND_COLOURS: Record<NodeKind, string> = {
  Actor: '#0072B2',
  Agreement: '#D55E00',
  Dialogue: '#009E73',
  Event: '#CC79A7',
  Metric: '#E69F00',
  Policy: '#56B4E9',
  Source: '#999999',
  Topic: '#F0E442',
};

const LIMIT = 60;
/** Force-directed, spread enough that labels stay readable; no animation (deterministic screenshots). */
const LAYOUT = {
  name: 'cose',
  animate: false,
  randomize: false,
  fit: true,
  padding: 24,
  nodeRepulsion: () => 60_000,
  idealEdgeLength: () => 120,
  nodeOverlap: 40,
  gravity: 0.2,
  numIter: 1500,
} as const;
const EXPAND_LIMIT = 30;

interface GraphState {
  readonly names: Map<string, string>;
  readonly edges: Map<string, Edge>;
  readonly expanded: Set<string>;
  readonly leftOut: Map<string, LeftOut>;
}

function elements(n: Neighbourhood, state: GraphState): ElementDefinition[] {
  const added: ElementDefinition[] = [];
  for (const node of n.nodes) {
    if (state.names.has(node.id)) continue;
    state.names.set(node.id, node.entity.name);
    added.push({ group: 'nodes', data: { id: node.id, label: node.entity.name, kind: node.entity.kind, colour: KIND_COLOURS[node.entity.kind] } });
  }
  for (const edge of n.edges) {
    if (state.edges.has(edge.id)) continue;
    state.edges.set(edge.id, edge);
    added.push({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, label: edge.type } });
  }
  for (const left of n.leftOut) state.leftOut.set(left.entity.id, left);
  return added;
}

function edgeDetails(edge: Edge, state: GraphState): Array<HTMLElement | null> {
  const when = validity(edge.validFrom, edge.validTo);
  return [
    h('p', {}, h('strong', {}, state.names.get(edge.source) ?? edge.source), ` ${edge.type} `, h('strong', {}, state.names.get(edge.target) ?? edge.target)),
    edge.note ? h('p', {}, edge.note) : null,
    when ? h('p', {}, `Valid ${when}`) : null,
    h('p', { class: 'cite' }, edge.sources.length ? `Source: ${edge.sources.map(citation).join('; ')}` : 'No citation'),
  ];
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend: colour by kind' },
    Object.entries(KIND_COLOURS).map(([kind, colour]) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${colour}`, 'aria-hidden': 'true' }), kind),
    ),
  );
}

function controls(options: GraphOptions, apply: (options: GraphOptions) => void): HTMLElement {
  const depth = h(
    'select',
    { id: 'graph-depth' },
    [1, 2].map((d) => h('option', { value: d, selected: d === options.depth }, String(d))),
  );
  const boxes = NODE_KINDS.map((kind) => h('input', { type: 'checkbox', id: `graph-kind-${kind}`, value: kind, checked: options.show.includes(kind) }));
  return h(
    'form',
    {
      class: 'graph-controls',
      'aria-label': 'Graph options',
      onsubmit: (event: Event) => {
        event.preventDefault();
        // A new depth or kinds draw a new graph: its expansions start over, hidden edge types stay.
        apply({ depth: depth.value === '2' ? 2 : 1, show: boxes.filter((b) => b.checked).map((b) => b.value as NodeKindName), expand: [], hide: options.hide });
      },
    },
    h('label', { for: 'graph-depth' }, 'Depth'),
    depth,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Only these kinds (none: all)'),
      NODE_KINDS.map((kind, i) => h('span', { class: 'check' }, boxes[i], h('label', { for: `graph-kind-${kind}` }, kind))),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
}

/**
 * Draws the neighbourhood of `id` (as of `validAt` when set) into `target`, replacing what was there,
 * with `options.expand` expanded and `options.hide` hidden; `apply` draws with new options, `record`
 * keeps a change made in place (a node expanded, an edge type hidden).
 */
export async function renderGraph(
  target: HTMLElement,
  id: string,
  validAt: string | null,
  options: GraphOptions,
  open: Open,
  apply: (options: GraphOptions) => void,
  record: (view: GraphView) => void,
): Promise<void> {
  replace(target, status('Loading the neighbourhood…'));
  const kinds = options.show.length ? [...options.show] : null;
  // Cytoscape is most of the explorer's code: loaded with the first graph, not with the page.
  const [{ neighbourhood }, { default: cytoscape }] = await Promise.all([
    request(NeighbourhoodQuery, { id, depth: options.depth, limit: LIMIT, validAt, kinds }),
    import('cytoscape'),
  ]);
  if (!neighbourhood) return replace(target, status(`No entity has the id "${id}".`, 'error'));
  const state: GraphState = { names: new Map(), edges: new Map(), expanded: new Set([id]), leftOut: new Map() };
  const initial = elements(neighbourhood, state);

  const canvas = h('div', {
    class: 'graph-canvas',
    role: 'img',
    'aria-label': `Graph of the relationships around ${state.names.get(id) ?? id}; the same graph is listed below.`,
  });
  const savePng = h('button', { type: 'button', class: 'save-png' }, 'Save as PNG');
  // The graph as shown (expansions in, hidden edge types and filtered kinds out), written here.
  const saveGraphml = h('button', { type: 'button', class: 'save-graphml' }, 'Save as GraphML');
  // The API's own export of the neighbourhood (every edge among its entities, all kinds, every date).
  const graphml = h(
    'p',
    {},
    h(
      'a',
      { href: `/export?format=graphml&id=${encodeURIComponent(id)}&depth=${options.depth}`, download: '' },
      `Server export: the whole depth-${options.depth} neighbourhood as GraphML`,
    ),
  );
  const selected = h('div', { class: 'selected-edge', 'aria-live': 'polite' }, h('p', {}, 'Click an edge to see its citation; click a node to expand it.'));
  const leftOutBox = h('div', { class: 'left-out', 'aria-live': 'polite' });
  // Edge types shown: unticking one hides its edges (and its lines in the list below).
  const hiddenTypes = new Set<string>(options.hide);
  const edgeTypesBox = h('fieldset', { class: 'edge-types' });
  const lists = h('div', { class: 'graph-lists' });
  replace(
    target,
    controls(options, apply),
    h(
      'div',
      { class: 'graph-layout' },
      canvas,
      h(
        'aside',
        { class: 'graph-side', 'aria-label': 'Graph details' },
        savePng,
        ' ',
        saveGraphml,
        graphml,
        h('h3', {}, 'Legend'),
        legend(),
        edgeTypesBox,
        h('h3', {}, 'Selected edge'),
        selected,
        leftOutBox,
      ),
    ),
    lists,
  );

  const hideTypes = (edges: EdgeCollection): void => {
    edges.forEach((edge) => {
      edge.style('display', hiddenTypes.has(edge.data('label')) ? 'none' : 'element');
    });
  };
  const recordView = (): void => record({ expand: [...state.expanded].filter((n) => n !== id), hide: [...hiddenTypes].sort() });

  const cy: Core = cytoscape({
    container: canvas,
    elements: initial,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          'font-family': 'system-ui, sans-serif',
          'font-size': 10,
          'text-wrap': 'ellipsis',
          'text-max-width': '110px',
          color: '#1a1a1a',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          width: 18,
          height: 18,
          'border-width': 1,
          'border-color': '#333',
        },
      },
      { selector: 'node.expanded', style: { 'border-width': 3, width: 24, height: 24 } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#8a8a8a',
          'target-arrow-color': '#8a8a8a',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-family': 'system-ui, sans-serif',
          'font-size': 7,
          color: '#444',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
        },
      },
      { selector: 'edge:selected', style: { 'line-color': '#000', 'target-arrow-color': '#000', width: 3 } },
    ],
    layout: LAYOUT,
  });
  cy.getElementById(id).addClass('expanded');
  // Read by the browser tests (to click a node where it is drawn) and handy in devtools.
  (window as unknown as { explorerGraph?: Core }).explorerGraph = cy;

  const showEdge = (edgeId: string): void => {
    const edge = state.edges.get(edgeId);
    if (!edge) return;
    cy.elements().unselect();
    cy.getElementById(edgeId).select();
    replace(selected, edgeDetails(edge, state));
  };

  const renderEdgeTypes = (): void => {
    const types = [...new Set([...state.edges.values()].map((e) => e.type))].sort();
    replace(
      edgeTypesBox,
      h('legend', {}, 'Edge types'),
      types.map((type) =>
        h(
          'span',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            id: `edge-type-${type}`,
            checked: !hiddenTypes.has(type),
            onchange: (event: Event) => {
              if ((event.target as HTMLInputElement).checked) hiddenTypes.delete(type);
              else hiddenTypes.add(type);
              hideTypes(cy.edges());
              renderLists();
              recordView();
            },
          }),
          h('label', { for: `edge-type-${type}` }, type),
        ),
      ),
    );
  };

  const renderLists = (): void => {
    const left = [...state.leftOut.values()].filter((l) => !state.expanded.has(l.entity.id));
    replace(
      leftOutBox,
      left.length
        ? [
            h('h3', {}, 'Left out'),
            h('p', {}, `A limit cut the answer (${LIMIT} entities, ${EXPAND_LIMIT} per expansion): these entities have edges not shown.`),
            h(
              'ul',
              {},
              left.map((l) => h('li', {}, `${l.entity.name}: ${l.omittedEdges} more edges`)),
            ),
          ]
        : null,
    );
    const entityItem = ([nodeId, name]: [string, string]): HTMLElement => {
      const done = state.expanded.has(nodeId);
      const button = h(
        'button',
        { type: 'button', class: 'expand', 'data-entity': nodeId, disabled: done, onclick: () => void expand(nodeId) },
        done ? `${name} (expanded)` : `Expand ${name}`,
      );
      return h('li', {}, button, ' · ', entityLink({ id: nodeId, name: 'open' }, open));
    };
    const edgeItem = (edge: Edge): HTMLElement => {
      const label = `${state.names.get(edge.source) ?? edge.source} ${edge.type} ${state.names.get(edge.target) ?? edge.target}`;
      return h('li', {}, h('button', { type: 'button', class: 'edge-cite', 'data-edge': edge.id, onclick: () => showEdge(edge.id) }, label));
    };
    replace(
      lists,
      h('h3', {}, `Entities (${state.names.size})`),
      h('ul', { class: 'graph-entities' }, [...state.names].map(entityItem)),
      h('h3', {}, `Edges (${state.edges.size}): choose one for its citation`),
      h('ul', { class: 'graph-edges' }, [...state.edges.values()].filter((edge) => !hiddenTypes.has(edge.type)).map(edgeItem)),
    );
  };

  /** Expands these nodes (fetched side by side, added in order, one layout). */
  const expand = async (...nodeIds: string[]): Promise<void> => {
    const fresh = nodeIds.filter((n) => !state.expanded.has(n));
    if (!fresh.length) return;
    for (const n of fresh) state.expanded.add(n);
    try {
      const answers = await Promise.all(fresh.map((n) => request(NeighbourhoodQuery, { id: n, depth: 1, limit: EXPAND_LIMIT, validAt, kinds })));
      for (const answer of answers) if (answer.neighbourhood) hideTypes(cy.add(elements(answer.neighbourhood, state)).edges());
      for (const n of fresh) cy.getElementById(n).addClass('expanded');
      cy.layout(LAYOUT).run();
      renderEdgeTypes();
      renderLists();
      recordView();
    } catch (error) {
      replace(selected, status(`Could not expand: ${(error as Error).message}`, 'error'));
    }
  };

  /** Writes the nodes and edges Cytoscape shows (not the hidden ones) as GraphML and downloads it. */
  const saveShown = async (): Promise<void> => {
    try {
      const { dataset } = await request(DatasetQuery, {});
      const nodes = cy.nodes(':visible').map((n) => ({ id: n.id(), name: n.data('label') as string, kind: n.data('kind') as string }));
      const edges = cy
        .edges(':visible')
        .map((e) => state.edges.get(e.id()))
        .filter((e): e is Edge => !!e);
      const view = [`depth ${options.depth}`, options.show.length ? `kinds ${options.show.join(', ')}` : 'all kinds', validAt ? `as of ${validAt}` : null];
      const expanded = [...state.expanded].filter((n) => n !== id);
      if (expanded.length) view.push(`expanded ${expanded.join(', ')}`);
      if (hiddenTypes.size) view.push(`hidden edge types ${[...hiddenTypes].sort().join(', ')}`);
      const xml = shownGraphml({
        nodes,
        edges,
        datasetVersion: dataset.version,
        url: window.location.href,
        description: `the graph view of ${id} (${view.filter(Boolean).join('; ')})`,
      });
      const href = URL.createObjectURL(new Blob([xml], { type: 'application/graphml+xml' }));
      h('a', { href, download: `${id}-view.graphml` }).click();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    } catch (error) {
      replace(selected, status(`Could not save GraphML: ${(error as Error).message}`, 'error'));
    }
  };

  savePng.addEventListener('click', () => {
    const link = h('a', { href: cy.png({ full: true, scale: 2, bg: '#ffffff' }), download: `${id}-neighbourhood.png` });
    link.click();
  });
  saveGraphml.addEventListener('click', () => void saveShown());
  hideTypes(cy.edges());
  renderEdgeTypes();
  cy.on('tap', 'node', (event) => void expand(event.target.id()));
  cy.on('tap', 'edge', (event) => showEdge(event.target.id()));
  renderLists();
  // A shared link or a reload: the expansions it names (an id not in the graph expands to nothing new).
  await expand(...options.expand);
}
