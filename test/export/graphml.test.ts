import { GRAPHML_KEYS, GRAPHML_NS, toGraphml } from '../../src/export';
import { seedDataset } from '../helpers/dataset';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { dataOf, parseGraphml, type GraphML } from '../helpers/graphml';
import { TRICKY_NAME, exportOf, trickyDataset } from './graphs';

describe('GraphML export', () => {
  describe('of the whole seeded graph', () => {
    const dataset = seedDataset();
    let xml: string;
    let doc: GraphML;
    beforeAll(async () => {
      xml = toGraphml(await exportOf(dataset));
      doc = parseGraphml(xml);
    });

    it('is a GraphML document in the GraphML namespace, with the version in a comment', () => {
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(doc.graphml.xmlns).toBe(GRAPHML_NS);
      expect(xml).toContain(`<!-- usmx-graph export of the whole graph, dataset version ${dataset.version} -->`);
    });

    it('declares a typed key for every attribute, with unique ids, for the graph, nodes and edges', () => {
      const keys = doc.graphml.key;
      expect(keys.map((k) => k.id)).toEqual(GRAPHML_KEYS.map((k) => k.id));
      expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
      for (const k of keys) {
        expect(['graph', 'node', 'edge']).toContain(k.for);
        expect(['string', 'int']).toContain(k['attr.type']);
      }
      const names = (scope: string) => keys.filter((k) => k.for === scope).map((k) => k['attr.name']);
      expect(names('graph')).toEqual(['datasetVersion']);
      expect(names('node')).toEqual(expect.arrayContaining(['label', 'kind', 'name', 'type', 'aliases', 'description', 'date', 'signed', 'inForce', 'ended', 'sources']));
      expect(names('edge')).toEqual(expect.arrayContaining(['label', 'type', 'validFrom', 'validTo', 'note', 'sources']));
      expect(keys.find((k) => k.id === 'node_year')?.['attr.type']).toBe('int');
    });

    it('holds one directed graph carrying the dataset version', () => {
      expect(doc.graphml.graph.edgedefault).toBe('directed');
      expect(dataOf(doc.graphml.graph)).toEqual({ graph_datasetVersion: dataset.version });
    });

    it('has exactly one <node> per entity and one <edge> per relationship, every edge between declared nodes', () => {
      const nodes = doc.graphml.graph.node!;
      const edges = doc.graphml.graph.edge!;
      expect(nodes).toHaveLength(dataset.nodes.length);
      expect(new Set(nodes.map((n) => n.id))).toEqual(new Set(dataset.nodes.map((n) => n.id)));
      expect(edges).toHaveLength(dataset.relationships.length);
      expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
      expect(new Set(edges.map((e) => dataOf(e).edge_relationshipId))).toEqual(new Set(dataset.relationships.map((r) => r.id)));
      const nodeIds = new Set(nodes.map((n) => n.id));
      for (const edge of edges) {
        expect(nodeIds.has(edge.source)).toBe(true);
        expect(nodeIds.has(edge.target)).toBe(true);
      }
    });

    it('uses only declared keys, each on the element kind it was declared for', () => {
      const declared = new Map(doc.graphml.key.map((k) => [k.id, k.for]));
      for (const node of doc.graphml.graph.node!) for (const d of node.data ?? []) expect(declared.get(d.key)).toBe('node');
      for (const edge of doc.graphml.graph.edge!) for (const d of edge.data ?? []) expect(declared.get(d.key)).toBe('edge');
    });

    it('carries the attributes of an entity and of an edge', () => {
      const usmca = doc.graphml.graph.node!.find((n) => n.id === 'usmca')!;
      expect(dataOf(usmca)).toMatchObject({ node_kind: 'Agreement', node_name: 'United States–Mexico–Canada Agreement', node_label: 'United States–Mexico–Canada Agreement', node_inForce: '2020-07-01' });
      expect(dataOf(usmca).node_aliases.split(' | ')).toEqual(expect.arrayContaining(['USMCA', 'T-MEC']));
      const replaces = doc.graphml.graph.edge!.find((e) => e.source === 'usmca' && dataOf(e).edge_type === 'REPLACES')!;
      expect(replaces.target).toBe('nafta');
      expect(dataOf(replaces)).toMatchObject({ edge_label: 'REPLACES', edge_validFrom: '2020-07-01' });
      expect(dataOf(replaces).edge_sources).toMatch(/^[a-z0-9-]+#\d+( \| [a-z0-9-]+#\d+)*$/);
    });
  });

  describe('of the fixture', () => {
    it('writes edge ids as XML name tokens and keeps the exact id as relationshipId', async () => {
      const doc = parseGraphml(toGraphml(await exportOf(fixtureDataset)));
      const edge = doc.graphml.graph.edge!.find((e) => dataOf(e).edge_relationshipId === 'new-deal:REPLACES:old-deal@2020-07-01')!;
      expect(edge.id).toBe('new-deal:REPLACES:old-deal_40_2020-07-01');
      for (const e of doc.graphml.graph.edge!) expect(e.id).toMatch(/^[\p{L}\p{N}._:-]+$/u);
    });

    it('leaves out missing values instead of writing empty data', async () => {
      const doc = parseGraphml(toGraphml(await exportOf(fixtureDataset)));
      const trade = doc.graphml.graph.node!.find((n) => n.id === 'trade')!;
      expect(Object.keys(dataOf(trade)).sort()).toEqual(['node_kind', 'node_label', 'node_name', 'node_sources']);
      expect(dataOf(doc.graphml.graph.node!.find((n) => n.id === 'src')!).node_year).toBe('2022');
    });

    it('escapes markup and replaces characters XML 1.0 cannot hold', async () => {
      const xml = toGraphml(await exportOf(trickyDataset));
      const doc = parseGraphml(xml);
      const data = dataOf(doc.graphml.graph.node!.find((n) => n.id === 'tricky')!);
      expect(data.node_name).toBe(TRICKY_NAME);
      expect(xml).not.toContain('\u0001');
      expect(data.node_description).toContain('line three \uFFFD after');
      const edge = doc.graphml.graph.edge!.find((e) => e.source === 'tricky')!;
      expect(dataOf(edge).edge_note).toBe('a note, with "quotes" & <tags>');
    });

    it('describes a neighbourhood in its comment and holds only its entities', async () => {
      const graph = await exportOf(fixtureDataset, { kind: 'neighbourhood', id: 'new-deal', depth: 1 });
      const xml = toGraphml(graph);
      expect(xml).toContain(`<!-- usmx-graph export of the entities within 1 hop(s) of new-deal, dataset version ${fixtureDataset.version} -->`);
      expect(parseGraphml(xml).graphml.graph.node!.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    });
  });
});
