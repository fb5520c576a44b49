import { distance } from 'fastest-levenshtein';
import { EdgeType, findConnections, NODE_KINDS, NodeKind, type Dataset } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import {
  CONNECTION_EDGE_TYPES,
  generateDataset,
  hubSize,
  MAX_IN_DEGREE,
  MAX_OUT_DEGREE,
  mergeDatasets,
  NODES_PER_SEARCH_TERM,
  type SynthDataset,
} from '../../bench/synth/generate';
import { validateDataset } from '../../bench/synth/validate';
import { RARE_WORDS, WORDS } from '../../bench/synth/words';
import { seedDataset } from '../helpers/dataset';

const small = generateDataset({ nodes: 2_000 });
const large = generateDataset({ nodes: 20_000 });

function kindShares(d: Dataset): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of d.nodes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  return Object.fromEntries(NODE_KINDS.map((k) => [k, (counts[k] ?? 0) / d.nodes.length]));
}

function degrees(d: Dataset): { out: Map<string, number>; in: Map<string, number> } {
  const out = new Map<string, number>();
  const inn = new Map<string, number>();
  for (const r of d.relationships) {
    out.set(r.from, (out.get(r.from) ?? 0) + 1);
    inn.set(r.to, (inn.get(r.to) ?? 0) + 1);
  }
  return { out, in: inn };
}

function max(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) m = Math.max(m, v);
  return m;
}

describe('synthetic graph generator', () => {
  it('is deterministic: the same seed gives byte-identical JSON, another seed a different graph', () => {
    const again = generateDataset({ nodes: 2_000, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
    const other = generateDataset({ nodes: 2_000, seed: 7 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(small));
    expect(other.version).not.toBe(small.version);
    expect(generateDataset({ nodes: 2_001 }).version).not.toBe(small.version);
  });

  it('makes exactly the number of nodes asked for, with unique syn- ids', () => {
    for (const nodes of [50, 1_234, 2_000, 20_000]) {
      const d = nodes === 2_000 ? small : nodes === 20_000 ? large : generateDataset({ nodes });
      expect(d.nodes).toHaveLength(nodes);
      expect(new Set(d.nodes.map((n) => n.id)).size).toBe(nodes);
      expect(d.nodes.every((n) => n.id.startsWith('syn-'))).toBe(true);
    }
    expect(() => generateDataset({ nodes: 10 })).toThrow(/≥ 50/);
  });

  it('has every kind, in proportions close to the seeds', () => {
    const seeds = kindShares(seedDataset());
    for (const d of [small, large]) {
      const shares = kindShares(d);
      for (const kind of NODE_KINDS) {
        expect(shares[kind]).toBeGreaterThan(0);
        // Within 3 percentage points of the seeds' share (agreements and dialogues are about 1% in both).
        expect(Math.abs(shares[kind] - seeds[kind])).toBeLessThan(0.03);
      }
    }
    expect(small.observations.length).toBeGreaterThan(0);
  });

  it('passes the seed checker, and comes back from it unchanged', () => {
    const result = validateDataset(small);
    expect(result.issues).toEqual([]);
    expect(result.nodes).toEqual(small.nodes);
    expect(result.relationships).toEqual(small.relationships);
    expect(result.observations).toEqual(small.observations);
  });

  it('would fail the seed checker on a broken graph (the validation test can fail)', () => {
    const broken: Dataset = {
      ...small,
      relationships: [...small.relationships, { ...small.relationships[0], id: 'x', type: EdgeType.BROADER }],
    };
    expect(validateDataset(broken).issues.length).toBeGreaterThan(0);
  });

  it('has one hub topic ADDRESSED by exactly hubAddressedBy entities (10k from 20k nodes up)', () => {
    for (const d of [small, large]) {
      const { hubTopicId, hubAddressedBy } = d.probes;
      expect(hubAddressedBy).toBe(hubSize(d.nodes.length));
      expect(d.nodes.find((n) => n.id === hubTopicId)?.kind).toBe(NodeKind.Topic);
      const into = d.relationships.filter((r) => r.to === hubTopicId);
      expect(into).toHaveLength(hubAddressedBy);
      expect(into.every((r) => r.type === EdgeType.ADDRESSES)).toBe(true);
      expect(new Set(into.map((r) => r.from)).size).toBe(hubAddressedBy);
    }
    expect(small.probes.hubAddressedBy).toBe(500);
    expect(large.probes.hubAddressedBy).toBe(10_000);
  });

  it('has a fixed fan-out: degree bounds that do not grow with the graph', () => {
    const a = degrees(small);
    const b = degrees(large);
    expect(max(a.out.values())).toBe(MAX_OUT_DEGREE);
    expect(max(b.out.values())).toBe(MAX_OUT_DEGREE);
    const inWithoutHub = (d: SynthDataset, m: Map<string, number>): number[] => [...m].filter(([id]) => id !== d.probes.hubTopicId).map(([, v]) => v);
    expect(max(inWithoutHub(small, a.in))).toBeLessThanOrEqual(MAX_IN_DEGREE);
    expect(max(inWithoutHub(large, b.in))).toBeLessThanOrEqual(MAX_IN_DEGREE);
    // Edges per node stay the same (3–4 out for every entity; sources have none).
    const perNode = (d: Dataset): number => d.relationships.length / d.nodes.length;
    expect(perNode(small)).toBeGreaterThan(2.8);
    expect(Math.abs(perNode(large) - perNode(small))).toBeLessThan(0.1);
  });

  it('gives at least 100 lookup probes, none a source, the hub, or next to the hub', () => {
    for (const d of [small, large]) {
      const ids = new Set(d.nodes.map((n) => n.id));
      const kinds = new Map(d.nodes.map((n) => [n.id, n.kind]));
      const nextToHub = new Set(d.relationships.filter((r) => r.to === d.probes.hubTopicId).map((r) => r.from));
      expect(d.probes.lookupIds.length).toBeGreaterThanOrEqual(100);
      expect(new Set(d.probes.lookupIds).size).toBe(d.probes.lookupIds.length);
      for (const id of d.probes.lookupIds) {
        expect(ids.has(id)).toBe(true);
        expect(kinds.get(id)).not.toBe(NodeKind.Source);
        expect(id).not.toBe(d.probes.hubTopicId);
        expect(nextToHub.has(id)).toBe(false);
      }
    }
  });

  it('has search terms that each find exactly a handful of nodes, at any size', async () => {
    for (const d of [small, large]) {
      const store = new MemoryStore(d);
      expect(d.probes.searchTerms.length).toBeGreaterThanOrEqual(10);
      for (const term of d.probes.searchTerms) {
        const hits = await store.search({ text: term, limit: 50 });
        expect(hits).toHaveLength(NODES_PER_SEARCH_TERM);
        for (const h of hits) expect(h.node.name.toLowerCase()).toContain(term);
      }
    }
  });

  it('keeps the search probes far from every other word (no prefix, at least 3 edits)', () => {
    const vocabulary = [...WORDS, ...RARE_WORDS];
    const tooClose: string[] = [];
    for (const rare of RARE_WORDS) {
      for (const word of vocabulary) {
        if (word !== rare && (word.startsWith(rare) || distance(rare, word) < 3)) tooClose.push(`${rare} ~ ${word}`);
      }
    }
    expect(tooClose).toEqual([]);
  });

  it('gives connection pairs 2–4 hops apart without ADDRESSES edges', async () => {
    const store = new MemoryStore(small);
    expect(small.probes.connectionPairs.length).toBeGreaterThanOrEqual(10);
    for (const [from, to] of small.probes.connectionPairs) {
      const result = await findConnections(store, { from, to, maxHops: 4, edgeTypes: CONNECTION_EDGE_TYPES, first: 5 });
      expect(result.shortestLength).toBeGreaterThanOrEqual(2);
      expect(result.shortestLength).toBeLessThanOrEqual(4);
    }
  });

  it('merges with the seeds, and rejects a duplicate id', () => {
    const seeds = seedDataset();
    const merged = mergeDatasets(seeds, small);
    expect(merged.nodes).toHaveLength(seeds.nodes.length + small.nodes.length);
    expect(merged.relationships).toHaveLength(seeds.relationships.length + small.relationships.length);
    expect(merged.observations).toHaveLength(seeds.observations.length + small.observations.length);
    expect(merged.version).toBe(mergeDatasets(seeds, small).version);
    expect(merged.version).not.toBe(mergeDatasets(small, seeds).version);
    expect(validateDataset(merged).issues).toEqual([]);
    expect(() => mergeDatasets(seeds, small, generateDataset({ nodes: 100 }))).toThrow(/duplicate node id "syn-/);
    expect(() => mergeDatasets(seeds, { ...seeds, nodes: [], observations: [], version: 'x' })).toThrow(/duplicate relationship id/);
  });
});
