import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { StoreUnavailableError, type GraphStore } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

describe('GET /export', () => {
  const dataset = seedDataset();
  const version = dataset.version;
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(dataset));
    base = new URL('/', server.url).href.replace(/\/$/, '');
  });
  afterAll(() => server.close());

  const get = (query: string) => fetch(`${base}/export${query}`);

  it.each([
    ['?format=json', 'application/json; charset=utf-8', `usmx-graph-${version}.json`],
    ['', 'application/json; charset=utf-8', `usmx-graph-${version}.json`],
    ['?format=graphml', 'application/graphml+xml; charset=utf-8', `usmx-graph-${version}.graphml`],
    ['?format=jsonld', 'application/ld+json; charset=utf-8', `usmx-graph-${version}.jsonld`],
    ['?format=csv', 'text/csv; charset=utf-8', `usmx-graph-${version}-nodes.csv`],
    ['?format=csv&part=edges', 'text/csv; charset=utf-8', `usmx-graph-${version}-edges.csv`],
    ['?format=csv&part=observations', 'text/csv; charset=utf-8', `usmx-graph-${version}-observations.csv`],
  ])('GET /export%s: 200, %s, an attachment, the dataset version in a header', async (query, contentType, filename) => {
    const res = await get(query);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${filename}`);
    expect(res.headers.get('x-dataset-version')).toBe(version);
    expect(await res.text()).toContain(version);
  });

  it('serves the whole graph in each format', async () => {
    const json = (await (await get('?format=json')).json()) as { datasetVersion: string; nodes: unknown[]; edges: unknown[]; observations: unknown[] };
    expect([json.datasetVersion, json.nodes.length, json.edges.length, json.observations.length]).toEqual([
      version,
      dataset.nodes.length,
      dataset.relationships.length,
      dataset.observations.length,
    ]);

    const xml = await (await get('?format=graphml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const graph = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).graphml.graph;
    const kinds = (graph.node as Array<{ data: Array<{ key: string; '#text': string }> }>).map((n) => n.data.find((d) => d.key === 'node_kind')!['#text']);
    expect([kinds.filter((k) => k !== 'Observation').length, kinds.filter((k) => k === 'Observation').length]).toEqual([
      dataset.nodes.length,
      dataset.observations.length,
    ]);

    const nodes = parse(await (await get('?format=csv')).text(), { bom: true, columns: true }) as Array<Record<string, string>>;
    const edges = parse(await (await get('?format=csv&part=edges')).text(), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect([nodes.length, edges.length]).toEqual([dataset.nodes.length, dataset.relationships.length]);

    const ld = (await (await get('?format=jsonld')).json()) as { '@context': object; '@graph': unknown[] };
    expect(ld['@graph']).toHaveLength(1 + dataset.nodes.length + dataset.relationships.length + dataset.observations.length);
  });

  it('sends the CSV with its byte-order mark', async () => {
    const bytes = new Uint8Array(await (await get('?format=csv')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  /** The raw bytes and headers of a GET, with exactly the request headers given (fetch would add and undo its own encodings). */
  function raw(query: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request(`${base}/export${query}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  it.each([
    ['?format=jsonld', 'br', brotliDecompressSync],
    ['?format=jsonld', 'gzip', gunzipSync],
    ['?format=graphml', 'gzip, deflate, br', brotliDecompressSync],
    ['?format=csv&part=edges', 'gzip', gunzipSync],
    ['?format=yaml', 'gzip;q=1, br;q=0', gunzipSync],
  ])('GET /export%s with Accept-Encoding %s: compressed, and decompresses to the same bytes', async (query, accept, decompress) => {
    const plain = await raw(query, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    const packed = await raw(query, { 'accept-encoding': accept });
    expect(packed.headers['content-encoding']).toBe(decompress === gunzipSync ? 'gzip' : 'br');
    expect(packed.headers['content-disposition']).toBe(plain.headers['content-disposition']);
    expect(packed.headers['x-dataset-version']).toBe(version);
    expect(packed.body.length).toBeLessThan(plain.body.length / 4);
    expect(decompress(packed.body).equals(plain.body)).toBe(true);
  });

  it('sends identity when the client accepts no compression', async () => {
    const identity = await raw('?format=csv', { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect([...identity.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(identity.body.equals((await raw('?format=csv', {})).body)).toBe(true);
  });

  it('exports a neighbourhood, named after it', async () => {
    const res = await get('?format=json&id=usmca&depth=2');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=usmx-graph-usmca-depth2-${version}.json`);
    const body = (await res.json()) as { scope: unknown; nodes: Array<{ id: string }>; edges: Array<{ source: string; target: string }> };
    expect(body.scope).toEqual({ id: 'usmca', depth: 2 });
    const ids = new Set(body.nodes.map((n) => n.id));
    expect(ids.has('usmca') && ids.has('nafta') && ids.has('mexico')).toBe(true);
    expect(ids.size).toBeLessThan(dataset.nodes.length);
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);

    const depth1 = (await (await get('?id=usmca')).json()) as { scope: unknown; nodes: unknown[] };
    expect(depth1.scope).toEqual({ id: 'usmca', depth: 1 });
    expect(depth1.nodes.length).toBeLessThan(body.nodes.length);
  });

  it('lets a browser script read the version header (CORS)', async () => {
    const res = await fetch(`${base}/export?format=json&id=usmca`, { headers: { origin: 'https://example.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Dataset-Version');
  });

  it.each([
    ['?format=xml', 'format: expected one of json, csv, graphml, jsonld, yaml, received "xml"'],
    ['?format=json&format=csv', 'format: expected one of json, csv, graphml, jsonld, yaml, received ["json","csv"]'],
    ['?id=usmca&depth=0', 'depth: expected an integer from 1 to 3, received "0"'],
    ['?id=usmca&depth=4', 'depth: expected an integer from 1 to 3, received "4"'],
    ['?id=usmca&depth=two', 'depth: expected an integer from 1 to 3, received "two"'],
    ['?id=atlantis', 'id: expected the id of an entity, received "atlantis"'],
    ['?id=', 'id: expected the id of an entity, received ""'],
    ['?depth=2', 'depth: expected no depth without an id (the whole graph has none), received "2"'],
    ['?format=csv&part=links', 'part: expected one of nodes, edges, observations, received "links"'],
    ['?format=json&part=edges', 'part: expected no part unless format=csv, received "edges"'],
    ['?format=jsonld&base=not%20an%20iri', 'base: expected an absolute IRI prefix such as urn:usmx: or https://example.org/usmx/, received "not an iri"'],
  ])('GET /export%s: 400 BAD_USER_INPUT', async (query, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message } });
  });
});

describe('GET /export when the store fails', () => {
  /** The memory store over the seeds, except that `findNodes` throws `error`. */
  function failingStore(error: Error): GraphStore {
    const inner = new MemoryStore(seedDataset());
    return new Proxy(inner, {
      get: (target, property, receiver) => (property === 'findNodes' ? () => Promise.reject(error) : (Reflect.get(target, property, receiver) as unknown)),
    });
  }

  async function answer(error: Error, production: boolean) {
    const server = await startTestServer(failingStore(error), { production });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await fetch(new URL('/export?format=graphml', server.url));
      return { status: res.status, body: await res.json() };
    } finally {
      spy.mockRestore();
      await server.close();
    }
  }

  it('answers 503 SERVICE_UNAVAILABLE when the store is unreachable', async () => {
    expect(await answer(new StoreUnavailableError('Neo4j at bolt://db:7687 is unavailable'), true)).toEqual({
      status: 503,
      body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'Neo4j at bolt://db:7687 is unavailable' } },
    });
  });

  it('answers 500 and masks an unexpected error in production', async () => {
    expect(await answer(new Error('secret detail'), true)).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } },
    });
    expect(await answer(new Error('secret detail'), false)).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'secret detail' } },
    });
  });
});
