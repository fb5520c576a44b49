import { EdgeType, NodeKind, type Dataset, type GraphStore, type StoreFactory } from '../../src/domain';
import { fixtureDataset } from '../helpers/fixture-dataset';

const src = (...slides: number[]) => slides.map((slide) => ({ sourceId: 'src', slide }));

/** The fixture with a few citations moved to slides 4 and 5, so that slides tell items apart. */
export const provenanceDataset: Dataset = {
  ...fixtureDataset,
  version: 'fixture-provenance',
  nodes: fixtureDataset.nodes.map((n) => (n.id === 'vote' ? { ...n, sources: src(1, 4) } : n.id === 'texas' ? { ...n, sources: src(5) } : n)),
  relationships: fixtureDataset.relationships.map((r) => (r.id === 'mx:PARTICIPATED_IN:vote' ? { ...r, sources: src(4) } : r)),
  observations: fixtureDataset.observations.map((o) => (o.id === 'crossings@2020' ? { ...o, sources: src(4, 5) } : o)),
};

/** Every relationship id of the fixture in the graph-wide order: type (code-unit order), then id. */
const ALL_EDGES = [
  'forum:ADDRESSES:trade',
  'talks:ADDRESSES:fent',
  'fent:BROADER:opioids',
  'opioids:BROADER:drugs',
  'talks:IMPLEMENTS:new-plan',
  'talks:IMPLEMENTS:old-plan',
  'crossings:MEASURES:trade',
  'mx:PARTICIPATED_IN:vote',
  'mx:PARTY_TO:new-deal@2020-07-01',
  'mx:PARTY_TO:talks',
  'us:PARTY_TO:new-deal@2020-07-01',
  'us:PARTY_TO:old-deal',
  'us:PARTY_TO:talks',
  'texas:PART_OF:us',
  'new-deal:REPLACES:old-deal@2020-07-01',
  'new-plan:REPLACES:old-plan@2021-10',
];

/** Part of the store contract (contract.ts): getCitedItems, getCitedSlides and findRelationships. */
export function defineProvenanceContract(createStore: StoreFactory): void {
  describe('reverse provenance and graph-wide relationships', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await createStore(provenanceDataset);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('getCitedItems: per query, entities then relationships then observations, each by id, with their slides', async () => {
      const [all, slide4, none, emptySlide] = await store.getCitedItems([
        { sourceId: 'src' },
        { sourceId: 'src', slide: 4 },
        { sourceId: 'nope' },
        { sourceId: 'src', slide: 99 },
      ]);
      const size = provenanceDataset.nodes.length + provenanceDataset.relationships.length + provenanceDataset.observations.length;
      expect(all).toHaveLength(size);
      const entities = provenanceDataset.nodes.map((n) => n.id).sort();
      const edges = provenanceDataset.relationships.map((r) => r.id).sort();
      const observations = provenanceDataset.observations.map((o) => o.id).sort();
      expect(all.map((i) => `${i.kind} ${i.id}`)).toEqual([
        ...entities.map((id) => `ENTITY ${id}`),
        ...edges.map((id) => `RELATIONSHIP ${id}`),
        ...observations.map((id) => `OBSERVATION ${id}`),
      ]);
      expect(all.find((i) => i.id === 'texas')?.slides).toEqual([5]);
      expect(slide4.map((i) => [i.kind, i.id, i.slides])).toEqual([
        ['ENTITY', 'vote', [1, 4]],
        ['RELATIONSHIP', 'mx:PARTICIPATED_IN:vote', [4]],
        ['OBSERVATION', 'crossings@2020', [4, 5]],
      ]);
      expect(slide4[0]).toMatchObject({ node: provenanceDataset.nodes.find((n) => n.id === 'vote') });
      expect(slide4[1]).toMatchObject({ relationship: provenanceDataset.relationships.find((r) => r.id === 'mx:PARTICIPATED_IN:vote') });
      expect(slide4[2]).toMatchObject({ observation: provenanceDataset.observations.find((o) => o.id === 'crossings@2020') });
      expect(none).toEqual([]);
      expect(emptySlide).toEqual([]);
      expect(await store.getCitedItems([])).toEqual([]);
    });

    it('getCitedSlides: the distinct slides of every citation of the source, aligned to the ids', async () => {
      expect(await store.getCitedSlides(['src', 'nope', 'src'])).toEqual([[1, 4, 5], [], [1, 4, 5]]);
      expect(await store.getCitedSlides([])).toEqual([]);
    });

    it('findRelationships: every live edge ordered by type then id, paged, with the total', async () => {
      const all = await store.findRelationships({ offset: 0, limit: 100 });
      expect(all.relationships.map((r) => r.id)).toEqual(ALL_EDGES);
      expect(all.totalCount).toBe(16);
      expect(all.relationships.find((r) => r.id === 'us:PARTY_TO:old-deal')).toEqual(
        provenanceDataset.relationships.find((r) => r.id === 'us:PARTY_TO:old-deal'),
      );
      const page = await store.findRelationships({ offset: 2, limit: 3 });
      expect(page.relationships.map((r) => r.id)).toEqual(ALL_EDGES.slice(2, 5));
      expect(page.totalCount).toBe(16);
      const past = await store.findRelationships({ offset: 20, limit: 3 });
      expect([past.relationships, past.totalCount]).toEqual([[], 16]);
      const count = await store.findRelationships({ offset: 0, limit: 0 });
      expect([count.relationships, count.totalCount]).toEqual([[], 16]);
    });

    it('findRelationships: filters by type, start, end, the kinds at either end and date', async () => {
      const ids = async (q: Parameters<GraphStore['findRelationships']>[0]) => (await store.findRelationships(q)).relationships.map((r) => r.id);
      const page = { offset: 0, limit: 100 };
      expect(await ids({ types: [EdgeType.PARTY_TO], from: 'us', ...page })).toEqual([
        'us:PARTY_TO:new-deal@2020-07-01',
        'us:PARTY_TO:old-deal',
        'us:PARTY_TO:talks',
      ]);
      expect(await ids({ to: 'talks', ...page })).toEqual(['mx:PARTY_TO:talks', 'us:PARTY_TO:talks']);
      expect(await ids({ from: 'talks', to: 'fent', ...page })).toEqual(['talks:ADDRESSES:fent']);
      expect(await ids({ types: [EdgeType.REPLACES, EdgeType.BROADER], ...page })).toEqual([
        'fent:BROADER:opioids',
        'opioids:BROADER:drugs',
        'new-deal:REPLACES:old-deal@2020-07-01',
        'new-plan:REPLACES:old-plan@2021-10',
      ]);
      expect(await ids({ kinds: [NodeKind.Topic], ...page })).toEqual([
        'forum:ADDRESSES:trade',
        'talks:ADDRESSES:fent',
        'fent:BROADER:opioids',
        'opioids:BROADER:drugs',
        'crossings:MEASURES:trade',
      ]);
      // In mid-2019 the old deal held and the talks had not begun.
      expect(await ids({ types: [EdgeType.PARTY_TO], validAt: '2019-06-01', ...page })).toEqual(['us:PARTY_TO:old-deal']);
      expect(await ids({ from: 'nope', ...page })).toEqual([]);
    });
  });
}

/** After contract.ts's curated changes (its applyChange tests, in order): what `w` must answer. */
export async function provenanceAfterChanges(w: GraphStore): Promise<void> {
  // Slide 2 is cited by the changes only: hlsd created; forum and us updated; two edges added.
  // crossings@2021 cited it too, but the metric was retired since, and with it its observations.
  const [slide2, slide3] = await w.getCitedItems([
    { sourceId: 'src', slide: 2 },
    { sourceId: 'src', slide: 3 },
  ]);
  expect(slide2.map((i) => `${i.kind} ${i.id} ${i.slides.join(',')}`)).toEqual([
    'ENTITY forum 1,2,3',
    'ENTITY hlsd 2',
    'ENTITY us 1,2',
    'RELATIONSHIP hlsd:REPLACES:talks@2022-01 2',
    'RELATIONSHIP us:PARTY_TO:forum 2',
  ]);
  expect(slide3.map((i) => i.id)).toEqual(['forum']);
  expect(slide2[2]).toMatchObject({ node: { id: 'us', name: 'United States of America' } });
  const [all] = await w.getCitedItems([{ sourceId: 'src' }]);
  const gone = ['texas', 'texas:PART_OF:us', 'mx:PARTY_TO:talks', 'crossings', 'crossings@2019', 'crossings@2021'];
  expect(all.map((i) => i.id).filter((id) => gone.includes(id))).toEqual([]);
  expect(await w.getCitedSlides(['src'])).toEqual([[1, 2, 3]]);
  const edges = async (q: Omit<Parameters<GraphStore['findRelationships']>[0], 'offset' | 'limit'>) =>
    (await w.findRelationships({ ...q, offset: 0, limit: 100 })).relationships.map((r) => r.id);
  expect(await edges({ types: [EdgeType.REPLACES] })).toEqual([
    'hlsd:REPLACES:talks@2022-01',
    'new-deal:REPLACES:old-deal@2020-07-01',
    'new-plan:REPLACES:old-plan@2021-10',
  ]);
  expect(await edges({ from: 'mx', types: [EdgeType.PARTY_TO] })).toEqual(['mx:PARTY_TO:new-deal@2020-07-01']);
  expect(await edges({ types: [EdgeType.PART_OF, EdgeType.MEASURES] })).toEqual([]);
  expect((await w.findRelationships({ offset: 0, limit: 0 })).totalCount).toBe((await w.getStats()).relationships);
}
