import { EdgeType, NodeKind, type GraphStore, type StoreFactory } from '../../src/domain';
import { fixtureDataset } from '../helpers/fixture-dataset';

/**
 * The GraphStore contract: every store must pass it unchanged. Shaped like Apollo's
 * integration test suite: a function that takes a factory and defines the tests.
 */
export function defineStoreContract(name: string, createStore: StoreFactory): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await createStore(fixtureDataset);
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('getNodesByIds', () => {
      it('answers aligned to the keys, null for gaps, repeats kept', async () => {
        const nodes = await store.getNodesByIds(['mx', 'nope', 'us', 'mx']);
        expect(nodes.map((n) => n?.id ?? null)).toEqual(['mx', null, 'us', 'mx']);
      });

      it('returns the whole node as stored', async () => {
        const [deal] = await store.getNodesByIds(['new-deal']);
        expect(deal).toEqual(fixtureDataset.nodes.find((n) => n.id === 'new-deal'));
      });

      it('answers an empty batch with an empty list', async () => {
        expect(await store.getNodesByIds([])).toEqual([]);
      });
    });

    describe('getRelationships', () => {
      it('answers each query in order, with the other end loaded', async () => {
        const [out, inbound, none] = await store.getRelationships([
          { nodeId: 'new-deal', direction: 'OUT' },
          { nodeId: 'new-deal', direction: 'IN', types: [EdgeType.PARTY_TO] },
          { nodeId: 'nope', direction: 'BOTH' },
        ]);
        expect(out.map((h) => [h.relationship.type, h.direction, h.other.id])).toEqual([['REPLACES', 'OUT', 'old-deal']]);
        expect(inbound.map((h) => h.other.id)).toEqual(['mx', 'us']);
        expect(inbound.every((h) => h.direction === 'IN')).toBe(true);
        expect(none).toEqual([]);
      });

      it('orders by type (code-unit order), then direction (OUT first), then the other end by folded name', async () => {
        const [hits] = await store.getRelationships([{ nodeId: 'us', direction: 'BOTH' }]);
        expect(hits.map((h) => `${h.relationship.type}/${h.direction}/${h.other.id}`)).toEqual([
          'PARTY_TO/OUT/new-deal',
          'PARTY_TO/OUT/old-deal',
          'PARTY_TO/OUT/talks',
          'PART_OF/IN/texas',
        ]);
      });

      it('filters by the kind at the other end', async () => {
        const [hits] = await store.getRelationships([{ nodeId: 'us', direction: 'OUT', kinds: [NodeKind.Dialogue] }]);
        expect(hits.map((h) => h.other.id)).toEqual(['talks']);
      });

      it('carries validity dates, note and sources', async () => {
        const [[hit]] = await store.getRelationships([{ nodeId: 'old-deal', direction: 'IN', types: [EdgeType.PARTY_TO] }]);
        expect(hit.relationship).toEqual(fixtureDataset.relationships.find((r) => r.id === 'us:PARTY_TO:old-deal'));
      });
    });

    describe('findNodes', () => {
      it('orders by folded name then id and pages with a total', async () => {
        const first = await store.findNodes({ kinds: [NodeKind.Actor], offset: 0, limit: 2 });
        expect(first.nodes.map((n) => n.id)).toEqual(['agora', 'mx']);
        expect(first.totalCount).toBe(4);
        const rest = await store.findNodes({ kinds: [NodeKind.Actor], offset: 2, limit: 10 });
        expect(rest.nodes.map((n) => n.id)).toEqual(['texas', 'us']);
      });

      it('filters by topic, including narrower topics', async () => {
        const direct = await store.findNodes({ filter: { addresses: ['fent'] }, offset: 0, limit: 10 });
        const broad = await store.findNodes({ filter: { addresses: ['drugs'] }, offset: 0, limit: 10 });
        expect(direct.nodes.map((n) => n.id)).toEqual(['talks']);
        expect(broad.nodes.map((n) => n.id)).toEqual(['talks']);
        const unrelated = await store.findNodes({ kinds: [NodeKind.Dialogue], filter: { addresses: ['trade'] }, offset: 0, limit: 10 });
        expect(unrelated.nodes.map((n) => n.id)).toEqual(['forum']);
      });

      it('filters by related entity in either direction, and by subtype', async () => {
        const related = await store.findNodes({ filter: { relatedTo: ['us'] }, offset: 0, limit: 10 });
        expect(related.nodes.map((n) => n.id)).toEqual(['new-deal', 'old-deal', 'talks', 'texas']);
        const states = await store.findNodes({ filter: { types: ['SUBNATIONAL_STATE'] }, offset: 0, limit: 10 });
        expect(states.nodes.map((n) => n.id)).toEqual(['texas']);
      });

      it('filters by date range on any of a node\'s dates', async () => {
        const in2021 = await store.findNodes({ filter: { from: '2021-01-01', to: '2021-12-31' }, offset: 0, limit: 10 });
        expect(in2021.nodes.map((n) => n.id)).toEqual(['forum', 'new-plan', 'talks']);
        const before2000 = await store.findNodes({ filter: { to: '1999-12-31' }, offset: 0, limit: 10 });
        expect(before2000.nodes.map((n) => n.id)).toEqual(['old-deal']);
      });

      it('answers an offset past the end with an empty page and the total', async () => {
        const page = await store.findNodes({ kinds: [NodeKind.Topic], offset: 50, limit: 10 });
        expect(page).toEqual({ nodes: [], totalCount: 4 });
      });
    });

    describe('as of a date (validAt)', () => {
      const partyTo = async (validAt: string) =>
        (await store.getRelationships([{ nodeId: 'us', direction: 'OUT', types: [EdgeType.PARTY_TO], validAt }]))[0].map((h) => h.other.id);

      it('keeps only edges that held then, to entities that existed then', async () => {
        expect(await partyTo('2019-06-01')).toEqual(['old-deal']);
        expect(await partyTo('2020-06-30')).toEqual(['old-deal']);
        expect(await partyTo('2020-07-01')).toEqual(['new-deal']);
        expect(await partyTo('2022-01-01')).toEqual(['new-deal', 'talks']);
      });

      it('lists entities alive at the date: an agreement from entry into force to its end', async () => {
        const agreements = async (validAt: string) =>
          (await store.findNodes({ kinds: [NodeKind.Agreement], filter: { validAt }, offset: 0, limit: 10 })).nodes.map((n) => n.id);
        expect(await agreements('1992-01-01')).toEqual([]);
        expect(await agreements('2019-06-01')).toEqual(['old-deal']);
        expect(await agreements('2021-01-01')).toEqual(['new-deal']);
      });

      it('ends a replaced entity when its replacement takes effect', async () => {
        const policies = async (validAt: string) =>
          (await store.findNodes({ kinds: [NodeKind.Policy], filter: { validAt }, offset: 0, limit: 10 })).nodes.map((n) => n.id);
        expect(await policies('2019-06-01')).toEqual(['old-plan']);
        expect(await policies('2021-09-30')).toEqual(['old-plan']);
        expect(await policies('2021-10-01')).toEqual(['new-plan']);
        const [implemented] = await store.getRelationships([{ nodeId: 'talks', direction: 'OUT', types: [EdgeType.IMPLEMENTS], validAt: '2022-01-01' }]);
        expect(implemented.map((h) => h.other.id)).toEqual(['new-plan']);
      });

      it('keeps undated entities (topics, metrics) at any date', async () => {
        const topics = await store.findNodes({ kinds: [NodeKind.Topic], filter: { validAt: '1900-01-01' }, offset: 0, limit: 10 });
        expect(topics.totalCount).toBe(4);
      });
    });

    describe('search', () => {
      it('folds accents and case', async () => {
        const hits = await store.search({ text: 'MEXICO', limit: 5 });
        expect(hits[0]?.node.id).toBe('mx');
        const agora = await store.search({ text: 'agora', limit: 5 });
        expect(agora[0]?.node.id).toBe('agora');
      });

      it('matches aliases, including hyphenated ones', async () => {
        expect((await store.search({ text: 'T-NEW', limit: 5 }))[0]?.node.id).toBe('new-deal');
        expect((await store.search({ text: 'fentanilo', limit: 5 }))[0]?.node.id).toBe('fent');
      });

      it('tolerates a typo', async () => {
        expect((await store.search({ text: 'Fentanil', limit: 5 }))[0]?.node.id).toBe('fent');
      });

      it('restricts to kinds, limits, and scores best first', async () => {
        const hits = await store.search({ text: 'deal', kinds: [NodeKind.Agreement], limit: 1 });
        expect(hits).toHaveLength(1);
        expect(hits[0].node.kind).toBe(NodeKind.Agreement);
        const all = await store.search({ text: 'security talks', limit: 10 });
        expect(all[0].node.id).toBe('talks');
        for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
      });

      it('finds nothing for an unknown word', async () => {
        expect(await store.search({ text: 'zzzzqqq', limit: 5 })).toEqual([]);
      });
    });

    describe('getObservations', () => {
      it('orders by period and answers each query in order', async () => {
        const [all, none] = await store.getObservations([{ metricId: 'crossings' }, { metricId: 'nope' }]);
        expect(all.map((o) => o.id)).toEqual(['crossings@2019', 'crossings@2019[state=texas]', 'crossings@2020', 'crossings@FY2021']);
        expect(none).toEqual([]);
      });

      it('filters by period overlap and dimension', async () => {
        const [in2021, texas] = await store.getObservations([
          { metricId: 'crossings', from: '2021-01-01', to: '2021-12-31' },
          { metricId: 'crossings', dimensions: { state: 'texas' } },
        ]);
        expect(in2021.map((o) => o.value)).toEqual([30]);
        expect(texas.map((o) => o.value)).toEqual([7]);
      });
    });

    it('reports stats and the dataset version', async () => {
      const stats = await store.getStats();
      expect(stats.nodesByKind).toEqual({ Source: 1, Actor: 4, Agreement: 2, Dialogue: 2, Topic: 4, Event: 1, Metric: 1, Policy: 2 });
      expect(stats.relationships).toBe(fixtureDataset.relationships.length);
      expect(stats.observations).toBe(fixtureDataset.observations.length);
      expect(await store.getDatasetVersion()).toBe('fixture-1');
    });
  });
}
