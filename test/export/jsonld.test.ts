import * as jsonld from 'jsonld';
import { JSONLD_CONTEXT, toJsonld } from '../../src/export';
import { seedDataset } from '../helpers/dataset';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { exportOf } from './graphs';

type Item = Record<string, unknown> & { '@id': string; '@type': string };
interface JsonLd {
  '@context': Record<string, unknown>;
  '@graph': Item[];
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const VOCAB = 'urn:usmx:vocab:';

describe('JSON-LD export', () => {
  const dataset = seedDataset();
  let text: string;
  let doc: JsonLd;
  beforeAll(async () => {
    text = toJsonld(await exportOf(dataset));
    doc = JSON.parse(text) as JsonLd;
  });

  it('is JSON with a @context and a @graph of the dataset, every entity, relationship and observation', () => {
    expect(Object.keys(doc)).toEqual(['@context', '@graph']);
    expect(doc['@context']).toEqual(JSON.parse(JSON.stringify(JSONLD_CONTEXT)));
    expect(doc['@graph']).toHaveLength(1 + dataset.nodes.length + dataset.relationships.length + dataset.observations.length);
    const byType = (type: string) => doc['@graph'].filter((item) => item['@type'] === type);
    expect(byType('Relationship')).toHaveLength(dataset.relationships.length);
    expect(byType('Observation')).toHaveLength(dataset.observations.length);
    expect(byType('Dataset')).toEqual([
      { '@id': `urn:usmx:dataset/${dataset.version}`, '@type': 'Dataset', name: 'usmx-graph', datasetVersion: dataset.version },
    ]);
  });

  it('gives entities urn:usmx: ids and their kind as @type, with edges as properties', () => {
    const usmca = doc['@graph'].find((item) => item['@id'] === 'urn:usmx:usmca')!;
    expect(usmca).toMatchObject({
      '@type': 'Agreement',
      name: 'United States–Mexico–Canada Agreement',
      subtype: 'TRADE',
      inForce: '2020-07-01',
      REPLACES: ['urn:usmx:nafta'],
    });
    expect(usmca.aliases).toEqual(expect.arrayContaining(['USMCA', 'T-MEC']));
  });

  it('reifies each edge as a statement with its dates and citations', () => {
    const statement = doc['@graph'].find((item) => item['@id'] === 'urn:usmx:relationship/amlo:LEADS:mexico@2018-12-01');
    expect(statement).toEqual({
      '@id': 'urn:usmx:relationship/amlo:LEADS:mexico@2018-12-01',
      '@type': 'Relationship',
      subject: 'urn:usmx:amlo',
      predicate: 'LEADS',
      object: 'urn:usmx:mexico',
      validFrom: '2018-12-01',
      note: 'President of Mexico',
      citations: [{ citedSource: 'urn:usmx:ine-2018', slide: 43 }],
    });
  });

  it('expands with a JSON-LD processor without losing a single property', async () => {
    const expanded = (await jsonld.expand(doc as unknown as jsonld.JsonLdDocument)) as Array<Record<string, unknown>>;
    expect(expanded).toHaveLength(doc['@graph'].length);
    const byId = new Map(expanded.map((item) => [item['@id'] as string, item]));
    for (const item of doc['@graph']) {
      const out = byId.get(item['@id'])!;
      // A key the context does not define would be dropped here.
      expect([item['@id'], Object.keys(out).length]).toEqual([item['@id'], Object.keys(item).length]);
      for (const type of out['@type'] as string[]) expect(type).toMatch(/^(urn:usmx:vocab:|https:\/\/schema\.org\/)/);
    }
  });

  it('gives RDF with one rdf:subject per relationship and the edge types in the usmx: vocabulary', async () => {
    const quads = (await jsonld.toRDF(doc as unknown as jsonld.JsonLdDocument)) as unknown as Array<{
      subject: { value: string };
      predicate: { value: string };
      object: { value: string };
    }>;
    expect(quads.filter((q) => q.predicate.value === `${RDF}subject`)).toHaveLength(dataset.relationships.length);
    const predicates = quads.filter((q) => q.predicate.value === `${RDF}predicate`).map((q) => q.object.value);
    expect(new Set(predicates)).toEqual(new Set(dataset.relationships.map((r) => `${VOCAB}${r.type}`)));
    const direct = quads.filter((q) => q.subject.value === 'urn:usmx:usmca' && q.predicate.value === `${VOCAB}REPLACES`);
    expect(direct.map((q) => q.object.value)).toEqual(['urn:usmx:nafta']);
  });

  it('puts entity IRIs under another base when asked, escaping what an IRI cannot hold', async () => {
    const graph = await exportOf(fixtureDataset);
    const custom = JSON.parse(toJsonld(graph, 'https://example.org/usmx/')) as JsonLd;
    const ids = custom['@graph'].map((item) => item['@id']);
    expect(ids).toContain('https://example.org/usmx/new-deal');
    expect(ids).toContain('https://example.org/usmx/observation/crossings@2019%5Bstate=texas%5D');
    for (const id of ids) expect(() => new URL(id)).not.toThrow();
  });
});
