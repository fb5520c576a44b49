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
        expect(['string', 'int', 'double']).toContain(k['attr.type']);
      }
      const names = (scope: string) => keys.filter((k) => k.for === scope).map((k) => k['attr.name']);
      expect(names('graph')).toEqual(['datasetVersion']);
      expect(names('node')).toEqual(
        expect.arrayContaining(['label', 'kind', 'name', 'type', 'aliases', 'description', 'date', 'signed', 'inForce', 'ended', 'sources']),
      );
      expect(names('edge')).toEqual(expect.arrayContaining(['label', 'type', 'validFrom', 'validTo', 'note', 'sources']));
      expect(keys.find((k) => k.id === 'node_year')?.['attr.type']).toBe('int');
      expect(keys.find((k) => k.id === 'node_value')?.['attr.type']).toBe('double');
      expect(names('node')).toEqual(
        expect.arrayContaining(['establishedStart', 'establishedEnd', 'metricId', 'value', 'unit', 'period', 'periodStart', 'periodEnd', 'reportedIn']),
      );
      expect(names('edge')).toEqual(expect.arrayContaining(['validFromStart', 'validToEnd', 'slides']));
    });

    it('holds one directed graph carrying the dataset version', () => {
      expect(doc.graphml.graph.edgedefault).toBe('directed');
      expect(dataOf(doc.graphml.graph)).toEqual({ graph_datasetVersion: dataset.version });
    });

    it('has exactly one <node> per entity and per observation, one <edge> per relationship, every edge between declared nodes', () => {
      const nodes = doc.graphml.graph.node!;
      const edges = doc.graphml.graph.edge!;
      const entities = nodes.filter((n) => dataOf(n).node_kind !== 'Observation');
      expect(new Set(entities.map((n) => n.id))).toEqual(new Set(dataset.nodes.map((n) => n.id)));
      expect(nodes).toHaveLength(dataset.nodes.length + dataset.observations.length);
      expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
      const relationships = edges.filter((e) => dataOf(e).edge_relationshipId !== undefined);
      expect(relationships).toHaveLength(dataset.relationships.length);
      expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
      expect(new Set(relationships.map((e) => dataOf(e).edge_relationshipId))).toEqual(new Set(dataset.relationships.map((r) => r.id)));
      const nodeIds = new Set(nodes.map((n) => n.id));
      for (const edge of edges) {
        expect(nodeIds.has(edge.source)).toBe(true);
        expect(nodeIds.has(edge.target)).toBe(true);
      }
    });

    it('draws each citation of an entity or observation as a CITES edge to its Source, with the slides, so no source floats alone', () => {
      const nodes = doc.graphml.graph.node!;
      const observationNode = new Map(
        nodes
          .filter((n) => dataOf(n).node_kind === 'Observation')
          .map((n) => [
            `${dataOf(n).node_metricId}|${dataOf(n).node_period ?? ''}|${dataOf(n).node_reportedIn ?? ''}|${dataOf(n).node_dimensions ?? ''}|${dataOf(n).node_qualifier ?? ''}`,
            n.id,
          ]),
      );
      // Expected from the dataset itself: citer → source → slides.
      const expected = new Map<string, string>();
      const cite = (citer: string, sources: ReadonlyArray<{ sourceId: string; slide: number }>) => {
        const bySource = new Map<string, Set<number>>();
        for (const c of sources) if (c.sourceId !== citer) bySource.set(c.sourceId, (bySource.get(c.sourceId) ?? new Set()).add(c.slide));
        for (const [source, slides] of bySource) expected.set(`${citer} -> ${source}`, [...slides].sort((a, b) => a - b).join(' | '));
      };
      for (const n of dataset.nodes) cite(n.id, n.sources);
      for (const o of dataset.observations) {
        const dims = Object.keys(o.dimensions)
          .sort()
          .map((k) => `${k}=${o.dimensions[k]}`)
          .join(' | ');
        cite(observationNode.get(`${o.metricId}|${o.period ?? ''}|${o.reportedIn ?? ''}|${dims}|${o.qualifier ?? ''}`)!, o.sources);
      }
      const cites = doc.graphml.graph.edge!.filter((e) => dataOf(e).edge_type === 'CITES');
      expect(new Map(cites.map((e) => [`${e.source} -> ${e.target}`, dataOf(e).edge_slides]))).toEqual(expected);
      for (const e of cites) expect(dataOf(e)).toMatchObject({ edge_label: 'CITES' });

      const sources = nodes.filter((n) => dataOf(n).node_kind === 'Source').map((n) => n.id);
      expect(sources.length).toBeGreaterThan(0);
      // A source nothing cites (bts-2017) still cites the deck it was read from.
      const linked = new Set(cites.flatMap((e) => [e.source, e.target]));
      expect(sources.filter((id) => !linked.has(id))).toEqual([]);
    });

    it('writes each observation as a node with a numeric value, its period as ISO days, and an OBSERVATION_OF edge to its metric', () => {
      const node = doc.graphml.graph.node!.find((n) => dataOf(n).node_metricId === 'us-mexico-goods-trade' && dataOf(n).node_period === '2021')!;
      expect(dataOf(node)).toMatchObject({
        node_kind: 'Observation',
        node_value: '661.2',
        node_unit: 'USD_BILLION',
        node_periodStart: '2021-01-01',
        node_periodEnd: '2021-12-31',
        node_periodKind: 'YEAR',
      });
      expect(dataOf(node).node_label).toBe('661.2 USD_BILLION, 2021');
      const of = doc.graphml.graph.edge!.filter((e) => e.source === node.id && dataOf(e).edge_type === 'OBSERVATION_OF');
      expect(of.map((e) => [e.target, dataOf(e).edge_label])).toEqual([['us-mexico-goods-trade', 'OBSERVATION_OF']]);
      const observationIds = doc.graphml.graph.node!.filter((n) => dataOf(n).node_kind === 'Observation').map((n) => dataOf(n).node_observationId);
      expect(new Set(observationIds)).toEqual(new Set(dataset.observations.map((o) => o.id)));
      const observationsOf = doc.graphml.graph.edge!.filter((e) => dataOf(e).edge_type === 'OBSERVATION_OF');
      expect(observationsOf).toHaveLength(dataset.observations.length);
      const undated = doc.graphml.graph.node!.filter((n) => dataOf(n).node_periodKind === 'UNDATED');
      for (const n of undated) expect([dataOf(n).node_periodStart, dataOf(n).node_reportedIn !== undefined]).toEqual([undefined, true]);
    });

    it('uses only declared keys, each on the element kind it was declared for', () => {
      const declared = new Map(doc.graphml.key.map((k) => [k.id, k.for]));
      for (const node of doc.graphml.graph.node!) for (const d of node.data ?? []) expect(declared.get(d.key)).toBe('node');
      for (const edge of doc.graphml.graph.edge!) for (const d of edge.data ?? []) expect(declared.get(d.key)).toBe('edge');
    });

    it('carries the attributes of an entity and of an edge', () => {
      const usmca = doc.graphml.graph.node!.find((n) => n.id === 'usmca')!;
      expect(dataOf(usmca)).toMatchObject({
        node_kind: 'Agreement',
        node_name: 'United States–Mexico–Canada Agreement',
        node_label: 'United States–Mexico–Canada Agreement',
        node_inForce: '2020-07-01',
      });
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

    it('describes a neighbourhood in its comment and holds only its entities, and the sources they cite', async () => {
      const graph = await exportOf(fixtureDataset, { kind: 'neighbourhood', id: 'new-deal', depth: 1 });
      const xml = toGraphml(graph);
      expect(xml).toContain(`<!-- usmx-graph export of the entities within 1 hop(s) of new-deal, dataset version ${fixtureDataset.version} -->`);
      const doc = parseGraphml(xml);
      expect(graph.nodes.map((n) => n.id)).toEqual(['mx', 'new-deal', 'old-deal', 'us']);
      expect(doc.graphml.graph.node!.map((n) => n.id)).toEqual(['mx', 'new-deal', 'old-deal', 'us', 'src']);
      const cites = doc.graphml.graph.edge!.filter((e) => dataOf(e).edge_type === 'CITES');
      expect(cites.map((e) => [e.source, e.target, dataOf(e).edge_slides])).toEqual(['mx', 'new-deal', 'old-deal', 'us'].map((id) => [id, 'src', '1']));
    });
  });
});
