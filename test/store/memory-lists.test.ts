/**
 * The memory store's list paths (a kind's own sorted array, candidates from a topic's ADDRESSES
 * in-edges, a scan when the topic is addressed by more nodes than the kind holds) against a
 * naive reference over a synthetic graph: every combination gives the same page and total, in
 * the same order. The contract suite (contract.ts) checks the same answers on both stores over
 * the small fixture; this covers the paths it cannot reach (a hub topic, many kinds, curation).
 */
import { compareNodes, EdgeType, NODE_KINDS, NodeKind, type GraphNode, type NodeFilter, type NodeQuery } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { generateDataset } from '../../bench/synth/generate';

const dataset = generateDataset({ nodes: 3_000, seed: 7 });
const hub = dataset.probes.hubTopicId;

const addressedBy = new Map<string, Set<string>>();
for (const r of dataset.relationships) if (r.type === EdgeType.ADDRESSES) addressedBy.set(r.from, (addressedBy.get(r.from) ?? new Set()).add(r.to));
const sortedNodes = [...dataset.nodes].sort(compareNodes);

function reference(query: NodeQuery): { ids: string[]; totalCount: number } {
  const narrower = (ids: readonly string[]): Set<string> => {
    const seen = new Set(ids);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of dataset.relationships) {
        if (r.type === EdgeType.BROADER && seen.has(r.to) && !seen.has(r.from)) {
          seen.add(r.from);
          grew = true;
        }
      }
    }
    return seen;
  };
  const f: NodeFilter = query.filter ?? {};
  const topics = f.addresses?.length ? narrower(f.addresses) : null;
  const matches = sortedNodes
    .filter((n: GraphNode) => !query.kinds?.length || query.kinds.includes(n.kind))
    .filter((n) => !f.types?.length || (n.type !== null && f.types.includes(n.type)))
    .filter((n) => !topics || [...(addressedBy.get(n.id) ?? [])].some((t) => topics.has(t)));
  return { ids: matches.slice(query.offset, query.offset + query.limit).map((n) => n.id), totalCount: matches.length };
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
  ];

  it.each(kindSets.flatMap((kinds) => filters.map((filter) => [kinds, filter] as const)))('kinds %j, filter %j: the reference page and total', async (kinds, filter) => {
    for (const [offset, limit] of [
      [0, 20],
      [7, 5],
      [0, 10_000],
    ]) {
      const query: NodeQuery = { kinds, filter, offset, limit };
      expect(await page(store, query)).toEqual(reference(query));
    }
  });

  it('a hub topic (addressed by more nodes than a kind holds) and a rare one give non-trivial answers', async () => {
    expect((await page(store, { kinds: [NodeKind.Actor], filter: { addresses: [hub] }, offset: 0, limit: 1 })).totalCount).toBeGreaterThan(100);
    expect((await page(store, { kinds: [], filter: { addresses: [broad.id] }, offset: 0, limit: 1 })).totalCount).toBeGreaterThan(0);
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
