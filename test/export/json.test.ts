import type { Dataset } from '../../src/domain';
import { BATCH_SIZE, collectGraph, NODE_PAGE_SIZE, toJson } from '../../src/export';
import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../helpers/counting-store';
import { seedDataset } from '../helpers/dataset';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { exportOf } from './graphs';

interface JsonExport {
  datasetVersion: string;
  scope: { id: string; depth: number } | null;
  nodes: Array<Record<string, unknown> & { id: string }>;
  edges: Array<Record<string, unknown> & { id: string; source: string; target: string }>;
  observations: Array<Record<string, unknown> & { id: string; metricId: string }>;
}

describe('JSON export', () => {
  it('holds the whole seeded graph: every entity, relationship and observation, and the dataset version', async () => {
    const dataset = seedDataset();
    const doc = JSON.parse(toJson(await exportOf(dataset))) as JsonExport;
    expect(Object.keys(doc)).toEqual(['datasetVersion', 'scope', 'nodes', 'edges', 'observations']);
    expect(doc.datasetVersion).toBe(dataset.version);
    expect(doc.scope).toBeNull();
    expect(doc.nodes.map((n) => n.id)).toEqual(dataset.nodes.map((n) => n.id).sort());
    expect(doc.edges.map((e) => e.id)).toEqual(dataset.relationships.map((r) => r.id).sort());
    expect(new Set(doc.observations.map((o) => o.id))).toEqual(new Set(dataset.observations.map((o) => o.id)));
    expect(doc.observations).toHaveLength(dataset.observations.length);
  });

  it('writes an edge with its ends, dates, note and citations', async () => {
    const doc = JSON.parse(toJson(await exportOf(seedDataset()))) as JsonExport;
    expect(doc.edges.find((e) => e.id === 'amlo:LEADS:mexico@2018-12-01')).toEqual({
      id: 'amlo:LEADS:mexico@2018-12-01',
      type: 'LEADS',
      source: 'amlo',
      target: 'mexico',
      validFrom: '2018-12-01',
      validTo: null,
      note: 'President of Mexico',
      sources: [{ sourceId: 'ine-2018', slide: 43 }],
    });
    expect(doc.nodes.find((n) => n.id === 'usmca')).toMatchObject({ kind: 'Agreement', dates: { signed: '2018-11-30', inForce: '2020-07-01' } });
  });

  it('is reproducible: the same dataset gives the same bytes, with no timestamp', async () => {
    const first = toJson(await exportOf(seedDataset()));
    const second = toJson(await exportOf(seedDataset()));
    expect(second).toBe(first);
    expect(first).not.toMatch(/generatedAt/);
  });

  describe('of a neighbourhood', () => {
    const ids = async (id: string, depth: number) => (await exportOf(fixtureDataset, { kind: 'neighbourhood', id, depth })).nodes.map((n) => n.id);

    /** The same question answered naively from the dataset's edge list. */
    function reference(dataset: Dataset, id: string, depth: number) {
      let ball = new Set([id]);
      for (let hop = 0; hop < depth; hop++) {
        const next = new Set(ball);
        for (const r of dataset.relationships) {
          if (ball.has(r.from)) next.add(r.to);
          if (ball.has(r.to)) next.add(r.from);
        }
        ball = next;
      }
      const relationships = dataset.relationships.filter((r) => ball.has(r.from) && ball.has(r.to));
      return { nodes: [...ball].sort(), relationships: relationships.map((r) => r.id).sort() };
    }

    it('follows edges both ways, one hop per level of depth', async () => {
      expect(await ids('opioids', 1)).toEqual(['drugs', 'fent', 'opioids']);
      expect(await ids('opioids', 2)).toEqual(['drugs', 'fent', 'opioids', 'talks']);
    });

    it('holds the entities within depth hops and every edge among them, on the fixture and the seeds', async () => {
      const samples: Array<[Dataset, string]> = [
        ...fixtureDataset.nodes.map((n): [Dataset, string] => [fixtureDataset, n.id]),
        ...seedDataset()
          .nodes.filter((_n, i) => i % 40 === 0)
          .map((n): [Dataset, string] => [seedDataset(), n.id]),
      ];
      for (const [dataset, id] of samples) {
        for (const depth of [1, 2, 3]) {
          const graph = await exportOf(dataset, { kind: 'neighbourhood', id, depth });
          expect({ id, depth, nodes: graph.nodes.map((n) => n.id), relationships: graph.relationships.map((r) => r.id) }).toEqual({
            id,
            depth,
            ...reference(dataset, id, depth),
          });
        }
      }
    });

    it('keeps every edge among its entities and the observations of its metrics', async () => {
      const graph = await exportOf(fixtureDataset, { kind: 'neighbourhood', id: 'trade', depth: 1 });
      expect(graph.nodes.map((n) => n.id)).toEqual(['crossings', 'forum', 'trade']);
      expect(graph.relationships.map((r) => r.id)).toEqual(['crossings:MEASURES:trade', 'forum:ADDRESSES:trade']);
      expect(graph.observations.map((o) => o.metricId)).toEqual(['crossings', 'crossings', 'crossings', 'crossings']);
      const doc = JSON.parse(toJson(graph)) as JsonExport;
      expect(doc.scope).toEqual({ id: 'trade', depth: 1 });
      for (const e of doc.edges) expect(graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([e.source, e.target]));
    });

    it('refuses an unknown id with BAD_USER_INPUT', async () => {
      await expect(exportOf(fixtureDataset, { kind: 'neighbourhood', id: 'atlantis', depth: 1 })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'id: expected the id of an entity, received "atlantis"',
      });
    });
  });

  it('reads through the port in pages and batches, each edge once (outgoing only)', async () => {
    const dataset = seedDataset();
    const { store, calls } = countingStore(new MemoryStore(dataset));
    const graph = await collectGraph(store, { kind: 'graph' });
    expect(graph.relationships).toHaveLength(dataset.relationships.length);
    const count = (method: string) => calls.filter((c) => c.method === method);
    expect(count('findNodes')).toHaveLength(Math.ceil(dataset.nodes.length / NODE_PAGE_SIZE));
    expect(count('getRelationships')).toHaveLength(Math.ceil(dataset.nodes.length / BATCH_SIZE));
    for (const call of [...count('getRelationships'), ...count('getObservations')]) expect(call.keys).toBeLessThanOrEqual(BATCH_SIZE);
    expect(calls.map((c) => c.method).filter((m) => !['getDatasetVersion', 'findNodes', 'getRelationships', 'getObservations'].includes(m))).toEqual([]);
  });
});
