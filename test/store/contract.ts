import {
  EdgeType,
  NodeKind,
  SearchField,
  SearchTarget,
  computeDegreeStats,
  datasetVersion,
  findNeighbourhood,
  type Change,
  type Dataset,
  type GraphStore,
  type StoreFactory,
} from '../../src/domain';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { searchOracle } from '../helpers/search-oracle';
import { defineListRulesContract, defineSeedListContract } from './list-rules.contract';
import { defineProvenanceContract, provenanceAfterChanges } from './provenance.contract';
import { defineCurationLifecycleContract } from './curation-lifecycle.contract';

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

      it('reports the filter ids that name nothing usable, each once, in the order given', async () => {
        const page = await store.findNodes({
          filter: { addresses: ['narwhals', 'fent', 'us', 'narwhals'], relatedTo: ['nobody', 'us', 'nobody', 'zz'] },
          offset: 0,
          limit: 10,
        });
        expect(page.unknownIds).toEqual({ addresses: ['narwhals', 'us'], relatedTo: ['nobody', 'zz'] });
        // The unknown ids match nothing; the known ones still do.
        expect(page.nodes.map((n) => n.id)).toEqual(['talks']);
        const known = await store.findNodes({ kinds: [NodeKind.Dialogue], filter: { addresses: ['drugs', 'fent'], relatedTo: ['us'] }, offset: 0, limit: 10 });
        expect(known.unknownIds).toEqual({ addresses: [], relatedTo: [] });
        expect(known.nodes.map((n) => n.id)).toEqual(['talks']);
        expect((await store.findNodes({ kinds: [NodeKind.Actor], offset: 0, limit: 1 })).unknownIds).toEqual({ addresses: [], relatedTo: [] });
      });

      it('filters by related entity in either direction, and by subtype', async () => {
        const related = await store.findNodes({ filter: { relatedTo: ['us'] }, offset: 0, limit: 10 });
        expect(related.nodes.map((n) => n.id)).toEqual(['new-deal', 'old-deal', 'talks', 'texas']);
        const states = await store.findNodes({ filter: { types: ['SUBNATIONAL_STATE'] }, offset: 0, limit: 10 });
        expect(states.nodes.map((n) => n.id)).toEqual(['texas']);
      });

      it("filters by date range on any of a node's dates", async () => {
        const in2021 = await store.findNodes({ filter: { from: '2021-01-01', to: '2021-12-31' }, offset: 0, limit: 10 });
        expect(in2021.nodes.map((n) => n.id)).toEqual(['forum', 'new-plan', 'talks']);
        const before2000 = await store.findNodes({ filter: { to: '1999-12-31' }, offset: 0, limit: 10 });
        expect(before2000.nodes.map((n) => n.id)).toEqual(['old-deal']);
      });

      it('answers an offset past the end with an empty page and the total', async () => {
        const page = await store.findNodes({ kinds: [NodeKind.Topic], offset: 50, limit: 10 });
        expect(page).toEqual({ nodes: [], totalCount: 4, unknownIds: { addresses: [], relatedTo: [] } });
      });
    });

    // Before any store of its own is made: on Neo4j that resets the one shared database.
    defineListRulesContract(() => store);

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
      expect(await store.getDatasetVersion()).toBe(fixtureDataset.version);
      expect(fixtureDataset.version).toMatch(/^[0-9a-f]{16}$/);
    });

    describe('neighbourhood over the port (findNeighbourhood)', () => {
      it('returns every edge among the returned entities, not only those touching the centre', async () => {
        const n = (await findNeighbourhood(store, { id: 'us', depth: 1, limit: 100 }))!;
        expect(n.nodes.map((x) => x.node.id)).toEqual(['us', 'new-deal', 'old-deal', 'talks', 'texas']);
        expect(n.edges.map((e) => e.id)).toEqual([
          'new-deal:REPLACES:old-deal@2020-07-01',
          'texas:PART_OF:us',
          'us:PARTY_TO:new-deal@2020-07-01',
          'us:PARTY_TO:old-deal',
          'us:PARTY_TO:talks',
        ]);
        expect(n).toMatchObject({ truncated: false, leftOut: [] });
      });

      it('says what a limit left out, and keeps the edges among what it kept', async () => {
        const n = (await findNeighbourhood(store, { id: 'us', depth: 1, limit: 3 }))!;
        expect(n.nodes.map((x) => x.node.id)).toEqual(['us', 'new-deal', 'old-deal']);
        expect(n.edges.map((e) => e.id)).toEqual(['new-deal:REPLACES:old-deal@2020-07-01', 'us:PARTY_TO:new-deal@2020-07-01', 'us:PARTY_TO:old-deal']);
        expect(n.truncated).toBe(true);
        expect(n.leftOut.map((l) => [l.node.id, l.omittedEdges])).toEqual([['us', 2]]);
      });
    });

    it('reports degree statistics: the most edges per kind, edge type and direction, citations, observations', async () => {
      const stats = await store.getDegreeStats();
      expect(stats).toEqual(computeDegreeStats(fixtureDataset.nodes, fixtureDataset.relationships, fixtureDataset.observations));
      // By hand: us is party to three agreements and dialogues; talks has 5 edges (ADDRESSES, 2 × IMPLEMENTS, 2 × PARTY_TO in).
      expect(stats.maxDegree.Actor.PARTY_TO).toEqual({ OUT: 3, IN: 0, BOTH: 3 });
      expect(stats.maxDegree.Dialogue.PARTY_TO).toEqual({ OUT: 0, IN: 2, BOTH: 2 });
      expect(stats.maxTotalDegree.Dialogue).toEqual({ OUT: 3, IN: 2, BOTH: 5 });
      expect(stats.maxDegree.Source).toBeUndefined();
      expect(stats).toMatchObject({
        relationships: 16,
        observations: 4,
        maxObservationsPerMetric: 4,
        maxDimensions: 1,
        maxRelationshipCitations: 1,
        maxObservationCitations: 1,
      });
      expect(stats.maxEntityCitations).toMatchObject({ Source: 1, Actor: 1 });
    });

    describe('applyChange (curated writes)', () => {
      // A store of its own, last: these tests change the graph (on Neo4j, the one shared database).
      let w: GraphStore;
      const meta = { sources: ['src#2'], actor: 'alice', at: '2024-05-01T12:00:00.000Z' };
      const rejection = (change: Change) =>
        w.applyChange(change).then(
          () => 'applied',
          (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
        );

      beforeAll(async () => {
        w = await createStore(fixtureDataset);
      });
      afterAll(async () => {
        await w?.close();
      });

      it('creates an entity that every read then finds', async () => {
        const applied = await w.applyChange({
          op: 'createEntity',
          entity: { id: 'hlsd', kind: 'Dialogue', type: 'BILATERAL', name: 'High-Level Security Dialogue', aliases: ['HLSD'], dates: { launched: '2021-10' } },
          ...meta,
        });
        expect(applied).toMatchObject({
          op: 'createEntity',
          recordedBy: 'alice',
          recordedAt: meta.at,
          node: { id: 'hlsd', kind: NodeKind.Dialogue, sources: [{ sourceId: 'src', slide: 2 }] },
        });
        const [node] = await w.getNodesByIds(['hlsd']);
        expect(node).toEqual(applied.node);
        expect((await w.search({ text: 'HLSD', limit: 3 }))[0]?.node.id).toBe('hlsd');
        const dialogues = await w.findNodes({ kinds: [NodeKind.Dialogue], offset: 0, limit: 10 });
        expect(dialogues.nodes.map((n) => n.id)).toEqual(['forum', 'hlsd', 'talks']);
        expect((await w.findNodes({ kinds: [NodeKind.Dialogue], filter: { validAt: '2021-11-01' }, offset: 0, limit: 10 })).totalCount).toBe(3);
      });

      it('updates fields, keeps the old citations and adds the new, and re-indexes the name', async () => {
        const applied = await w.applyChange({
          op: 'updateEntity',
          id: 'forum',
          fields: { name: 'Zocalo Economic Dialogue', description: null },
          sources: ['src#3'],
          actor: 'bob',
          at: meta.at,
        });
        expect(applied.node).toMatchObject({
          id: 'forum',
          name: 'Zocalo Economic Dialogue',
          sources: [
            { sourceId: 'src', slide: 1 },
            { sourceId: 'src', slide: 3 },
          ],
        });
        expect((await w.getNodesByIds(['forum']))[0]?.name).toBe('Zocalo Economic Dialogue');
        expect((await w.search({ text: 'Zocalo', limit: 3 }))[0]?.node.id).toBe('forum');
        const dialogues = await w.findNodes({ kinds: [NodeKind.Dialogue], offset: 0, limit: 10 });
        expect(dialogues.nodes.map((n) => n.id)).toEqual(['hlsd', 'talks', 'forum']);
      });

      it("adds a relationship, refuses it twice with the seed checker's message, and a REPLACES edge ends a lifetime", async () => {
        const applied = await w.applyChange({
          op: 'addRelationship',
          relationship: { from: 'hlsd', type: 'REPLACES', to: 'talks', validFrom: '2022-01' },
          ...meta,
        });
        expect(applied.relationship).toMatchObject({ id: 'hlsd:REPLACES:talks@2022-01', sources: [{ sourceId: 'src', slide: 2 }] });
        expect(applied.to?.id).toBe('talks');
        const [hits] = await w.getRelationships([{ nodeId: 'talks', direction: 'IN', types: [EdgeType.REPLACES] }]);
        expect(hits.map((h) => h.other.id)).toEqual(['hlsd']);
        const alive = async (day: string) =>
          (await w.findNodes({ kinds: [NodeKind.Dialogue], filter: { validAt: day }, offset: 0, limit: 10 })).nodes.map((n) => n.id);
        expect(await alive('2021-12-31')).toContain('talks');
        expect(await alive('2022-01-01')).not.toContain('talks');
        expect(await rejection({ op: 'addRelationship', relationship: { from: 'hlsd', type: 'REPLACES', to: 'talks', validFrom: '2022-01' }, ...meta })).toBe(
          'BAD_USER_INPUT: duplicate edge hlsd -REPLACES-> talks from 2022-01: already defined',
        );
      });

      it('adds an observation in period order', async () => {
        const applied = await w.applyChange({ op: 'addObservation', observation: { metric: 'crossings', value: 25, period: 2021 }, ...meta });
        expect(applied.observation).toMatchObject({ id: 'crossings@2021', value: 25, unit: 'COUNT', periodStart: '2021-01-01', periodEnd: '2021-12-31' });
        const [all] = await w.getObservations([{ metricId: 'crossings' }]);
        expect(all.map((o) => o.id)).toEqual(['crossings@2019', 'crossings@2019[state=texas]', 'crossings@2020', 'crossings@FY2021', 'crossings@2021']);
      });

      it('retires a relationship: reads and stats leave it out', async () => {
        const before = await w.getStats();
        await w.applyChange({ op: 'retireRelationship', id: 'mx:PARTY_TO:talks', ...meta });
        const [hits] = await w.getRelationships([{ nodeId: 'talks', direction: 'IN', types: [EdgeType.PARTY_TO] }]);
        expect(hits.map((h) => h.other.id)).toEqual(['us']);
        expect((await w.getStats()).relationships).toBe(before.relationships - 1);
        expect(await rejection({ op: 'retireRelationship', id: 'mx:PARTY_TO:talks', ...meta })).toMatch(
          /^BAD_USER_INPUT: retireRelationship.id: expected the id of a relationship/,
        );
      });

      it('retires an entity: gone from lookups, lists, search, its relationships and its observations; its id stays taken', async () => {
        // Texas is a dimension of a live crossings figure: the metric goes first (its observations with it).
        expect(await rejection({ op: 'retireEntity', id: 'texas', ...meta })).toBe(
          'BAD_USER_INPUT: node texas: cannot be retired while 1 observation(s) name it in a dimension (crossings@2019[state=texas])',
        );
        await w.applyChange({ op: 'retireEntity', id: 'crossings', ...meta });
        expect(await w.getObservations([{ metricId: 'crossings' }])).toEqual([[]]);
        expect((await w.getStats()).observations).toBe(0);
        await w.applyChange({ op: 'retireEntity', id: 'texas', ...meta });
        expect(await w.getNodesByIds(['texas'])).toEqual([null]);
        expect((await w.findNodes({ kinds: [NodeKind.Actor], offset: 0, limit: 10 })).nodes.map((n) => n.id)).toEqual(['agora', 'mx', 'us']);
        expect((await w.search({ text: 'Texas', limit: 5 })).map((h) => h.node.id)).not.toContain('texas');
        const [usEdges] = await w.getRelationships([{ nodeId: 'us', direction: 'IN' }]);
        expect(usEdges.map((h) => h.other.id)).not.toContain('texas');
        expect((await w.findNodes({ filter: { relatedTo: ['us'] }, offset: 0, limit: 10 })).nodes.map((n) => n.id)).not.toContain('texas');
        expect(await rejection({ op: 'createEntity', entity: { id: 'texas', kind: 'Actor', type: 'SUBNATIONAL_STATE', name: 'Texas' }, ...meta })).toBe(
          'BAD_USER_INPUT: duplicate id "texas": already defined (retired)',
        );
        expect(await rejection({ op: 'retireEntity', id: 'src', ...meta })).toBe(
          'BAD_USER_INPUT: node src: a Source cannot be retired (citations point at it)',
        );
      });

      it("rejects an invalid change with the seed checker's message and changes nothing", async () => {
        const before = await w.getStats();
        expect(await rejection({ op: 'addRelationship', relationship: { from: 'us', type: 'ADDRESSES', to: 'nowhere' }, ...meta })).toBe(
          'BAD_USER_INPUT: ADDRESSES edge: to names unknown node "nowhere" (dangling id)',
        );
        expect(await rejection({ op: 'createEntity', entity: { id: 'x-1', kind: 'Topic', name: 'X' }, ...meta, sources: ['nope#1'] })).toBe(
          'BAD_USER_INPUT: node x-1: sources: citation "nope#1" names unknown source "nope"',
        );
        expect(await rejection({ op: 'createEntity', entity: { id: 'x-2', kind: 'Spaceship', name: 'X' }, ...meta })).toBe(
          'BAD_USER_INPUT: node x-2: unknown kind "Spaceship": expected one of Actor, Policy, Agreement, Dialogue, Event, Topic, Metric, Source',
        );
        expect(await rejection({ op: 'addRelationship', relationship: { from: 'vote', type: 'PARTY_TO', to: 'new-deal' }, ...meta })).toBe(
          'BAD_USER_INPUT: PARTY_TO may not join Event vote to Agreement new-deal: expected Actor -> Agreement|Dialogue',
        );
        expect(await rejection({ op: 'addObservation', observation: { metric: 'new-deal', value: 1, period: '2021' }, ...meta })).toBe(
          'BAD_USER_INPUT: observation: new-deal is a Agreement, expected a Metric',
        );
        expect(await rejection({ op: 'updateEntity', id: 'us', fields: { name: 'USA' }, ...meta, sources: [] })).toBe(
          'BAD_USER_INPUT: node us: sources: expected at least one citation "<sourceId>#<slide>", received []',
        );
        expect(await w.getStats()).toEqual(before);
        expect(await w.getNodesByIds(['x-1', 'x-2'])).toEqual([null, null]);
      });

      it("keeps a node's edges in order after an edge is added and after a neighbour is renamed", async () => {
        // Last: it changes the graph the earlier tests describe.
        const order = async () => (await w.getRelationships([{ nodeId: 'us', direction: 'OUT', types: [EdgeType.PARTY_TO] }]))[0].map((h) => h.other.id);
        await w.applyChange({ op: 'addRelationship', relationship: { from: 'us', type: 'PARTY_TO', to: 'forum' }, ...meta });
        expect(await order()).toEqual(['new-deal', 'old-deal', 'talks', 'forum']); // forum is "Zocalo Economic Dialogue" by now
        await w.applyChange({ op: 'updateEntity', id: 'forum', fields: { name: 'Aardvark Forum' }, ...meta });
        expect(await order()).toEqual(['forum', 'new-deal', 'old-deal', 'talks']);
        // The edge reaches the neighbour as it is now, from either end.
        const [[toForum]] = await w.getRelationships([{ nodeId: 'us', direction: 'OUT', types: [EdgeType.PARTY_TO], kinds: [NodeKind.Dialogue] }]);
        expect(toForum.other).toMatchObject({ id: 'forum', name: 'Aardvark Forum' });
        await w.applyChange({ op: 'updateEntity', id: 'us', fields: { name: 'United States of America' }, ...meta });
        const [fromForum] = await w.getRelationships([{ nodeId: 'forum', direction: 'IN', types: [EdgeType.PARTY_TO] }]);
        expect(fromForum.map((h) => h.other.name)).toContain('United States of America');
        const [both] = await w.getRelationships([{ nodeId: 'us', direction: 'BOTH' }]);
        expect(both.map((h) => `${h.relationship.type}/${h.direction}/${h.other.id}`).slice(0, 4)).toEqual([
          'PARTY_TO/OUT/forum',
          'PARTY_TO/OUT/new-deal',
          'PARTY_TO/OUT/old-deal',
          'PARTY_TO/OUT/talks',
        ]);
      });

      it('keeps reverse provenance and the graph-wide relationship list true after every change above', async () => {
        await provenanceAfterChanges(w);
      });

      it('keeps the degree statistics current: new edges raise a maximum, retiring their entity restores it', async () => {
        const before = await w.getDegreeStats();
        // Dialogues have one party each by now (mx left talks; us joined forum).
        expect(before.maxDegree.Dialogue.PARTY_TO.IN).toBe(1);
        await w.applyChange({ op: 'createEntity', entity: { id: 'summit', kind: 'Dialogue', type: 'TRILATERAL', name: 'Leaders Summit' }, ...meta });
        for (const from of ['us', 'mx', 'agora'])
          await w.applyChange({ op: 'addRelationship', relationship: { from, type: 'PARTY_TO', to: 'summit' }, ...meta });
        const after = await w.getDegreeStats();
        expect(after.maxDegree.Dialogue.PARTY_TO).toEqual({ OUT: 0, IN: 3, BOTH: 3 });
        expect(after.nodesByKind.Dialogue).toBe(before.nodesByKind.Dialogue + 1);
        expect(after.relationships).toBe(before.relationships + 3);
        await w.applyChange({ op: 'retireEntity', id: 'summit', ...meta });
        expect(await w.getDegreeStats()).toEqual(before);
      });
    });

    describe('search over notes (a store of its own, after the curated writes)', () => {
      // The fixture with notes on two relationships and an observation. Last, with its own store:
      // on Neo4j creating it resets the one shared database.
      const noted: Dataset = {
        ...fixtureDataset,
        relationships: fixtureDataset.relationships.map((r) =>
          r.id === 'us:PARTY_TO:talks'
            ? { ...r, note: 'Washington is very upset about the pace of extraditions' }
            : r.id === 'talks:ADDRESSES:fent'
              ? { ...r, note: 'Seizures of fentanyl pills doubled at the border' }
              : r,
        ),
        observations: fixtureDataset.observations.map((o) => (o.id === 'crossings@2020' ? { ...o, note: 'Pandemic closures cut crossings sharply' } : o)),
      };
      let n: GraphStore;
      const meta = { sources: ['src#2'], actor: 'alice', at: '2024-05-01T12:00:00.000Z' };
      const queries = [
        'fentanyl',
        'Fentanil',
        'very upset',
        'talks',
        'border crossings',
        'MEXICO',
        'opio',
        'deal',
        'T-NEW',
        'pandemic closures',
        'the border',
        'zzzzqqq',
      ];

      beforeAll(async () => {
        n = await createStore(noted);
      });
      afterAll(async () => {
        await n?.close();
      });

      it('returns the relationship a note matched, with both ends, its type and citations, and why it matched', async () => {
        const [hit] = await n.search({ text: 'extraditions', limit: 5 });
        expect(hit).toMatchObject({
          target: SearchTarget.RELATIONSHIP,
          node: { id: 'us' },
          other: { id: 'talks' },
          relationship: { id: 'us:PARTY_TO:talks', type: EdgeType.PARTY_TO, from: 'us', to: 'talks', sources: [{ sourceId: 'src', slide: 1 }] },
          matches: [{ field: SearchField.NOTE, snippet: 'Washington is very upset about the pace of extraditions', highlights: [{ start: 43, end: 55 }] }],
        });
      });

      it('returns the observation a note matched, with its metric', async () => {
        const [hit] = await n.search({ text: 'pandemic', limit: 5 });
        expect(hit).toMatchObject({ target: SearchTarget.OBSERVATION, node: { id: 'crossings' }, observation: { id: 'crossings@2020', value: 20 } });
        expect(hit.matches).toEqual([{ field: SearchField.NOTE, snippet: 'Pandemic closures cut crossings sharply', highlights: [{ start: 0, end: 8 }] }]);
      });

      it('restricts to targets and to the kind of the reported entity', async () => {
        const targets = async (q: string, t: SearchTarget[]) => (await n.search({ text: q, targets: t, limit: 20 })).map((h) => h.target);
        expect(new Set(await targets('fentanyl', [SearchTarget.ENTITY]))).toEqual(new Set([SearchTarget.ENTITY]));
        expect(await targets('fentanyl', [SearchTarget.RELATIONSHIP])).toEqual([SearchTarget.RELATIONSHIP]);
        expect(await n.search({ text: 'extraditions', kinds: [NodeKind.Dialogue], limit: 5 })).toEqual([]);
      });

      it('gives exactly the hits, order, scores and matches of a brute-force ranking over the whole dataset', async () => {
        for (const text of queries) {
          for (const limit of [3, 50])
            expect({ text, limit, hits: await n.search({ text, limit }) }).toEqual({ text, limit, hits: searchOracle(noted, { text, limit }) });
        }
      });

      it('stays current under curation: a new relationship note is found and weighed, a retired one and a retired entity are gone', async () => {
        const applied = await n.applyChange({
          op: 'addRelationship',
          relationship: { from: 'mx', type: 'PARTY_TO', to: 'forum', note: 'Border crossings and fentanyl on the agenda' },
          ...meta,
        });
        const rel = applied.relationship!;
        const now = { ...noted, relationships: [...noted.relationships, rel] };
        expect((await n.search({ text: 'agenda', limit: 5 })).map((h) => h.relationship?.id)).toEqual([rel.id]);
        for (const text of queries) expect({ text, hits: await n.search({ text, limit: 50 }) }).toEqual({ text, hits: searchOracle(now, { text, limit: 50 }) });
        await n.applyChange({ op: 'retireRelationship', id: rel.id, ...meta });
        expect(await n.search({ text: 'agenda', limit: 5 })).toEqual([]);
        await n.applyChange({ op: 'retireEntity', id: 'us', ...meta });
        const after = {
          ...noted,
          nodes: noted.nodes.filter((x) => x.id !== 'us'),
          relationships: noted.relationships.filter((r) => r.from !== 'us' && r.to !== 'us'),
        };
        expect(await n.search({ text: 'extraditions', limit: 5 })).toEqual([]);
        for (const text of queries)
          expect({ text, hits: await n.search({ text, limit: 50 }) }).toEqual({ text, hits: searchOracle(after, { text, limit: 50 }) });
      });
    });

    describe('curation keeps every seed rule', () => {
      // A store of its own (on Neo4j, the one shared database): a change is accepted only if the
      // graph after it would pass the seed checker.
      let c: GraphStore;
      const meta = { sources: ['src#2'], actor: 'dana', at: '2024-07-01T12:00:00.000Z' };
      const rejection = (change: Change) =>
        c.applyChange(change).then(
          () => 'applied',
          (e: Error & { code?: string }) => `${e.code}: ${e.message}`,
        );

      beforeAll(async () => {
        c = await createStore(fixtureDataset);
      });
      afterAll(async () => {
        await c?.close();
      });

      it('updates an entity that cites other sources with one new citation (the kept citations are not re-checked)', async () => {
        await c.applyChange({
          op: 'createEntity',
          entity: { id: 'src-b', kind: 'Source', name: 'Second source', publisher: 'Tests', year: 2021 },
          ...meta,
          sources: ['src-b#1'],
        });
        await c.applyChange({ op: 'updateEntity', id: 'trade', fields: { description: 'Goods and services' }, ...meta, sources: ['src-b#4'] });
        const applied = await c.applyChange({ op: 'updateEntity', id: 'trade', fields: { description: 'x' }, ...meta, sources: ['src#5'] });
        expect(applied.node!.sources).toEqual([
          { sourceId: 'src', slide: 1 },
          { sourceId: 'src-b', slide: 4 },
          { sourceId: 'src', slide: 5 },
        ]);
        expect((await c.getNodesByIds(['trade']))[0]).toEqual(applied.node);
      });

      it("keeps a metric's unit in the family of its observations", async () => {
        expect(await rejection({ op: 'updateEntity', id: 'crossings', fields: { unit: 'PERCENT' }, ...meta })).toBe(
          'BAD_USER_INPUT: node crossings: unit PERCENT does not measure what its 4 observation(s) in COUNT do: expected one of COUNT, THOUSAND, MILLION (make a separate metric for a share or a rank)',
        );
        const applied = await c.applyChange({ op: 'updateEntity', id: 'crossings', fields: { unit: 'THOUSAND' }, ...meta });
        expect(applied.node!.unit).toBe('THOUSAND');
        await c.applyChange({ op: 'updateEntity', id: 'crossings', fields: { unit: 'COUNT' }, ...meta });
      });

      it('refuses slide numbers past 10000, ids past 100 characters, self-loops and odd dimension keys or values', async () => {
        const before = await c.getDatasetVersion();
        expect(await rejection({ op: 'updateEntity', id: 'trade', fields: { description: 'y' }, ...meta, sources: ['src#99999999999999999999999'] })).toBe(
          'BAD_USER_INPUT: node trade: sources: citation "src#99999999999999999999999": expected a slide number from 1 to 10000',
        );
        expect(await rejection({ op: 'createEntity', entity: { id: 'a'.repeat(101), kind: 'Topic', name: 'Long' }, ...meta })).toMatch(
          /^BAD_USER_INPUT: id: expected lower-case words joined by hyphens \(e\.g\. "usmca"\), at most 100 characters/,
        );
        expect(await rejection({ op: 'addRelationship', relationship: { from: 'trade', type: 'AFFECTS', to: 'trade' }, ...meta })).toBe(
          'BAD_USER_INPUT: AFFECTS edge: trade -> trade joins trade to itself: an edge needs two different nodes',
        );
        expect(
          await rejection({
            op: 'addObservation',
            observation: { metric: 'crossings', value: 1, period: '2022', dimensions: JSON.parse('{"__proto__":"us"}') },
            ...meta,
          }),
        ).toBe(
          'BAD_USER_INPUT: observation of crossings: dimension key "__proto__": expected a lower-case word, then letters, digits or hyphens (e.g. "partner")',
        );
        expect(
          await rejection({ op: 'addObservation', observation: { metric: 'crossings', value: 1, period: '2022', dimensions: { bound: 'a];b=c' } }, ...meta }),
        ).toMatch(/^BAD_USER_INPUT: observation of crossings: dimension bound: expected lower-case words/);
        expect(await c.getDatasetVersion()).toBe(before);
      });

      it('refuses a cycle of REPLACES, BROADER or PART_OF edges, counting live edges only', async () => {
        expect(await rejection({ op: 'addRelationship', relationship: { from: 'drugs', type: 'BROADER', to: 'fent' }, ...meta })).toBe(
          'BAD_USER_INPUT: BROADER edge drugs -> fent would close a cycle: fent already leads to drugs through BROADER edges (BROADER is a hierarchy)',
        );
        expect(await rejection({ op: 'addRelationship', relationship: { from: 'old-deal', type: 'REPLACES', to: 'new-deal' }, ...meta })).toMatch(
          /^BAD_USER_INPUT: REPLACES edge old-deal -> new-deal would close a cycle/,
        );
        expect(await rejection({ op: 'addRelationship', relationship: { from: 'us', type: 'PART_OF', to: 'texas' }, ...meta })).toMatch(
          /^BAD_USER_INPUT: PART_OF edge us -> texas would close a cycle/,
        );
        // Another type may run the other way; a retired edge no longer leads anywhere.
        await c.applyChange({ op: 'addRelationship', relationship: { from: 'drugs', type: 'AFFECTS', to: 'fent' }, ...meta });
        await c.applyChange({ op: 'retireRelationship', id: 'opioids:BROADER:drugs', ...meta });
        const applied = await c.applyChange({ op: 'addRelationship', relationship: { from: 'drugs', type: 'BROADER', to: 'fent' }, ...meta });
        expect(applied.relationship!.id).toBe('drugs:BROADER:fent');
      });

      it('refuses to retire an actor a live observation names in a dimension, and a Metric without its first observation', async () => {
        expect(await rejection({ op: 'retireEntity', id: 'texas', ...meta })).toBe(
          'BAD_USER_INPUT: node texas: cannot be retired while 1 observation(s) name it in a dimension (crossings@2019[state=texas])',
        );
        expect(await rejection({ op: 'createEntity', entity: { id: 'trucks', kind: 'Metric', name: 'Trucks', unit: 'COUNT' }, ...meta })).toBe(
          'BAD_USER_INPUT: metric trucks has no observations: a metric needs at least one (create it with its first observation)',
        );
        expect(
          await rejection({ op: 'createEntity', entity: { id: 'ports', kind: 'Topic', name: 'Ports' }, observation: { value: 1, period: '2020' }, ...meta }),
        ).toBe('BAD_USER_INPUT: node ports: only a Metric takes a first observation, this is a Topic');
        expect(await c.getNodesByIds(['trucks', 'ports'])).toEqual([null, null]);
        const applied = await c.applyChange({
          op: 'createEntity',
          entity: { id: 'trucks', kind: 'Metric', name: 'Trucks', unit: 'THOUSAND' },
          observation: { value: 5.5, period: '2021', dimensions: { state: 'texas' } },
          ...meta,
        });
        expect(applied.observation).toMatchObject({
          id: 'trucks@2021[state=texas]',
          metricId: 'trucks',
          value: 5.5,
          unit: 'THOUSAND',
          sources: [{ sourceId: 'src', slide: 2 }],
        });
        const [[first]] = await c.getObservations([{ metricId: 'trucks' }]);
        expect(first).toEqual(applied.observation);
        expect(await rejection({ op: 'retireEntity', id: 'texas', ...meta })).toBe(
          'BAD_USER_INPUT: node texas: cannot be retired while 2 observation(s) name it in a dimension (crossings@2019[state=texas], trucks@2021[state=texas])',
        );
      });
    });

    describe('dataset version under curation', () => {
      // A store of its own, last (on Neo4j, the one shared database). `content` follows the live
      // graph, so each expected version is the domain's digest of the same data computed afresh.
      let v: GraphStore;
      let content: Omit<Dataset, 'version'>;
      const meta = { sources: ['src#2'], actor: 'carol', at: '2024-06-01T12:00:00.000Z' };

      beforeAll(async () => {
        v = await createStore(fixtureDataset);
        content = { nodes: [...fixtureDataset.nodes], relationships: [...fixtureDataset.relationships], observations: [...fixtureDataset.observations] };
      });
      afterAll(async () => {
        await v?.close();
      });

      it('changes with one curated change, to the version of the data it leaves', async () => {
        // Read first, so the store's running digest (not a fresh one) is what the change updates.
        expect(await v.getDatasetVersion()).toBe(fixtureDataset.version);
        const applied = await v.applyChange({ op: 'addObservation', observation: { metric: 'crossings', value: 25, period: 2021 }, ...meta });
        content = { ...content, observations: [...content.observations, applied.observation!] };
        const version = await v.getDatasetVersion();
        expect(version).not.toBe(fixtureDataset.version);
        expect(version).toBe(datasetVersion(content));
      });

      it('comes back when a change is undone: the same data has the same version', async () => {
        const before = await v.getDatasetVersion();
        const edge = content.relationships.find((r) => r.id === 'mx:PARTY_TO:talks')!;
        await v.applyChange({ op: 'retireRelationship', id: edge.id, ...meta });
        const retired = await v.getDatasetVersion();
        expect(retired).not.toBe(before);
        expect(retired).toBe(datasetVersion({ ...content, relationships: content.relationships.filter((r) => r !== edge) }));
        // The same edge again, with the same citation: the data is as before.
        await v.applyChange({ op: 'addRelationship', relationship: { from: 'mx', type: 'PARTY_TO', to: 'talks' }, ...meta, sources: ['src#1'] });
        expect(await v.getDatasetVersion()).toBe(before);
        await v.applyChange({ op: 'updateEntity', id: 'agora', fields: { description: 'A think tank' }, ...meta, sources: ['src#1'] });
        expect(await v.getDatasetVersion()).not.toBe(before);
        await v.applyChange({ op: 'updateEntity', id: 'agora', fields: { description: null }, ...meta, sources: ['src#1'] });
        expect(await v.getDatasetVersion()).toBe(before);
      });

      it('leaves out what a retired entity hides: the entity, its relationships and its observations', async () => {
        await v.applyChange({ op: 'retireEntity', id: 'crossings', ...meta });
        content = {
          nodes: content.nodes.filter((n) => n.id !== 'crossings'),
          relationships: content.relationships.filter((r) => r.from !== 'crossings' && r.to !== 'crossings'),
          observations: content.observations.filter((o) => o.metricId !== 'crossings'),
        };
        expect(await v.getDatasetVersion()).toBe(datasetVersion(content));
        const created = await v.applyChange({ op: 'createEntity', entity: { id: 'wall', kind: 'Topic', name: 'Border wall' }, ...meta });
        expect(await v.getDatasetVersion()).toBe(datasetVersion({ ...content, nodes: [...content.nodes, created.node!] }));
      });

      it('keeps an approximate date\'s qualifier ("early 2021") through every read and an update', async () => {
        const created = await v.applyChange({
          op: 'createEntity',
          entity: { id: 'court-ruling', kind: 'Event', type: 'COURT_RULING', name: 'Court ruling', dates: { date: 'early 2021' } },
          ...meta,
        });
        expect(created.node).toMatchObject({ dates: { date: '2021' }, dateQualifiers: { date: 'EARLY' } });
        await v.applyChange({ op: 'addRelationship', relationship: { from: 'court-ruling', type: 'AFFECTS', to: 'trade' }, ...meta });
        await v.applyChange({ op: 'updateEntity', id: 'court-ruling', fields: { name: 'Federal court ruling' }, ...meta });
        const [byId] = await v.getNodesByIds(['court-ruling']);
        expect(byId).toMatchObject({ name: 'Federal court ruling', dates: { date: '2021' }, dateQualifiers: { date: 'EARLY' } });
        const listed = (await v.findNodes({ kinds: [NodeKind.Event], filter: { from: '2021-01-01', to: '2021-12-31' }, offset: 0, limit: 10 })).nodes.find(
          (n) => n.id === 'court-ruling',
        );
        const [[hit]] = await v.getRelationships([{ nodeId: 'trade', direction: 'IN', types: [EdgeType.AFFECTS] }]);
        const found = (await v.search({ text: 'Federal court ruling', limit: 3 }))[0]?.node;
        for (const node of [listed, hit.other, found]) expect(node).toEqual(byId);
        const plain = await v.applyChange({ op: 'updateEntity', id: 'court-ruling', fields: { dates: { date: '2021-03' } }, ...meta });
        expect(plain.node!.dateQualifiers).toBeUndefined();
        expect((await v.getNodesByIds(['court-ruling']))[0]).toEqual(plain.node);
      });

      it('keeps an undated observation out of every date range, and lists it after the dated ones', async () => {
        await v.applyChange({
          op: 'createEntity',
          entity: { id: 'length', kind: 'Metric', name: 'Border length', unit: 'KM' },
          observation: { value: 3201, period: '2021' },
          ...meta,
        });
        const undated = await v.applyChange({
          op: 'addObservation',
          observation: { metric: 'length', value: 3200, reported: 2022 },
          ...meta,
          sources: ['src#1'],
        });
        expect(undated.observation).toMatchObject({ id: 'length@reported-2022', period: null, periodStart: null, periodEnd: null, reportedIn: 2022 });
        const [all, in2022, open, from] = await v.getObservations([
          { metricId: 'length' },
          { metricId: 'length', from: '2022-01-01', to: '2022-12-31' },
          { metricId: 'length', to: '2100-12-31' },
          { metricId: 'length', from: '1900-01-01' },
        ]);
        expect(all.map((o) => o.id)).toEqual(['length@2021', 'length@reported-2022']);
        expect(all[1]).toEqual(undated.observation);
        expect([in2022, open, from].map((list) => list.map((o) => o.id))).toEqual([[], ['length@2021'], ['length@2021']]);
      });
    });

    // Correcting, retiring and bringing back observations, and history, on a store of its own.
    defineCurationLifecycleContract(createStore);
    // Reverse provenance and graph-wide relationships, on a store of their own (last: on Neo4j it
    // resets the one shared database).
    defineProvenanceContract(createStore);
    // The lists over the committed seeds, on a store of their own (last, for the same reason).
    defineSeedListContract(createStore);
  });
}
