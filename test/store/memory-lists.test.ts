/**
 * The memory store's list paths (a kind's own sorted array, candidates from a topic's ADDRESSES
 * in-edges, a scan when the topic is addressed by more nodes than the kind holds) against the
 * domain's rule book (list-filter.ts) over the whole of a synthetic graph: every combination gives the same page and total, in
 * the same order. The contract suite (contract.ts) checks the same answers on both stores over
 * the small fixture; this covers the paths it cannot reach (a hub topic, many kinds, curation).
 */
import { compareNodes, EdgeType, listEntities, NODE_KINDS, NodeKind, type GraphNode, type NodeFilter, type NodeQuery } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { generateDataset } from '../../bench/synth/generate';
import { datasetListGraph } from '../helpers/list-graph';

const dataset = generateDataset({ nodes: 3_000, seed: 7 });
const hub = dataset.probes.hubTopicId;
const graph = datasetListGraph(dataset);

/** The domain's rule book over every node of the dataset: no store index involved. */
function reference(query: NodeQuery): { ids: string[]; totalCount: number } {
  const p = listEntities(dataset.nodes, query, graph);
  return { ids: p.nodes.map((n) => n.id), totalCount: p.totalCount };
}

async function page(store: MemoryStore, query: NodeQuery): Promise<{ ids: string[]; totalCount: number }> {
  const p = await store.findNodes(query);
  return { ids: p.nodes.map((n) => n.id), totalCount: p.totalCount };
}

describe('memory store lists', () => {
  const store = new MemoryStore(dataset);
  const topics = dataset.nodes.filter((n) => n.kind === NodeKind.Topic);
  const broad = topics.find((t) => dataset.relationships.some((r) => r.type === EdgeType.BROADER && r.to === t.id && r.from !== hub))!;
  const kindSets: NodeKind[][] = [[], [NodeKind.Actor], [NodeKind.Dialogue], [NodeKind.Policy, NodeKind.Event], [...NODE_KINDS]];
  const filters: Array<NodeFilter | undefined> = [
    undefined,
    { addresses: [hub] },
    { addresses: [broad.id] },
    { addresses: [topics[3].id, topics[4].id] },
    { addresses: ['no-such-topic'] },
    { types: ['COUNTRY'] },
    { addresses: [hub], types: ['COUNTRY', 'PERSON'] },
    { relatedTo: [hub, topics[3].id] },
    { from: '2015-01-01', to: '2018-12-31' },
    { validAt: '2019-06-01' },
    { addresses: [broad.id], relatedTo: [hub], validAt: '2012-01-01', to: '2020-12-31' },
  ];

  it.each(kindSets.flatMap((kinds) => filters.map((filter) => [kinds, filter] as const)))(
    'kinds %j, filter %j: the reference page and total',
    async (kinds, filter) => {
      for (const [offset, limit] of [
        [0, 20],
        [7, 5],
        [0, 10_000],
      ]) {
        const query: NodeQuery = { kinds, filter, offset, limit };
        expect(await page(store, query)).toEqual(reference(query));
      }
    },
  );

  it('a hub topic (addressed by more nodes than a kind holds), a rare one and the other criteria give non-trivial answers', async () => {
    expect((await page(store, { kinds: [NodeKind.Actor], filter: { addresses: [hub] }, offset: 0, limit: 1 })).totalCount).toBeGreaterThan(100);
    expect((await page(store, { kinds: [], filter: { addresses: [broad.id] }, offset: 0, limit: 1 })).totalCount).toBeGreaterThan(0);
    for (const filter of filters.slice(-4))
      expect((await page(store, { kinds: [NodeKind.Dialogue], filter, offset: 0, limit: 1 })).totalCount).toBeGreaterThan(0);
  });

  it('keeps each kind in order through creating, renaming and retiring entities', async () => {
    const w = new MemoryStore(dataset);
    const source = dataset.nodes.find((n) => n.kind === NodeKind.Source)!;
    const meta = { sources: [`${source.id}#1`], actor: 'test', at: '2026-01-01T00:00:00.000Z' };
    const actors = async () => (await w.findNodes({ kinds: [NodeKind.Actor], offset: 0, limit: 100_000 })).nodes;
    const inOrder = (nodes: readonly GraphNode[]) => nodes.every((n, i) => i === 0 || compareNodes(nodes[i - 1], n) < 0);
    const before = await actors();
    await w.applyChange({ op: 'createEntity', entity: { id: 'zz-new-actor', kind: 'Actor', type: 'COUNTRY', name: 'Aaaa First' }, ...meta });
    await w.applyChange({ op: 'updateEntity', id: before[0].id, fields: { name: 'Zzzz Last' }, ...meta });
    const after = await actors();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0].id).toBe('zz-new-actor');
    expect(after[after.length - 1].id).toBe(before[0].id);
    expect(inOrder(after)).toBe(true);
    expect((await w.findNodes({ kinds: [NodeKind.Actor, NodeKind.Dialogue], offset: 0, limit: 1 })).nodes[0].id).toBe('zz-new-actor');
    await w.applyChange({ op: 'retireEntity', id: 'zz-new-actor', ...meta });
    const retired = await actors();
    expect(retired.map((n) => n.id)).not.toContain('zz-new-actor');
    expect(retired).toHaveLength(before.length);
    expect(inOrder(retired)).toBe(true);
    expect((await w.findNodes({ offset: 0, limit: 100_000 })).totalCount).toBe(dataset.nodes.length);
  });
});
