import { BadInputError, ChangeRejectedError, datasetVersion, type Dataset, type GraphStore, type Observation, type StoreFactory } from '../../src/domain';
import { fixtureDataset } from '../helpers/fixture-dataset';

/**
 * Part of the store contract (contract.ts): correcting and withdrawing observations, bringing one
 * back, and every record's history. A store of its own; each test builds on the one before.
 */
export function defineCurationLifecycleContract(createStore: StoreFactory): void {
  describe('curation lifecycle: correct, retire, bring back, history', () => {
    let store: GraphStore;
    let content: Omit<Dataset, 'version'>;
    let clock = 0;
    // Distinct, increasing timestamps, so history order is checkable against them.
    const meta = (actor = 'dana') => ({ sources: ['src#2'], actor, at: new Date(Date.UTC(2024, 6, 1, 12, 0, clock++)).toISOString() });
    const ids = (list: readonly Observation[]) => list.map((o) => o.id);
    const replaceObservation = (id: string, next: Observation | null) => {
      const observations = content.observations.filter((o) => o.id !== id);
      content = { ...content, observations: next ? [...observations, next] : observations };
    };

    beforeAll(async () => {
      store = await createStore(fixtureDataset);
      content = { nodes: [...fixtureDataset.nodes], relationships: [...fixtureDataset.relationships], observations: [...fixtureDataset.observations] };
    });
    afterAll(async () => {
      await store?.close();
    });

    it('corrects an observation: every read and the dataset version follow, and its history says what changed', async () => {
      const change = { op: 'updateObservation' as const, id: 'crossings@2020', fields: { value: 25, note: 'revised by the publisher' }, ...meta() };
      const applied = await store.applyChange(change);
      expect(applied).toMatchObject({ op: 'updateObservation', recordedBy: 'dana', recordedAt: change.at });
      expect(applied.observation).toMatchObject({ id: 'crossings@2020', value: 25, note: 'revised by the publisher' });
      // Kept its citation and gained the change's.
      expect(applied.observation!.sources).toEqual([
        { sourceId: 'src', slide: 1 },
        { sourceId: 'src', slide: 2 },
      ]);
      const [list] = await store.getObservations([{ metricId: 'crossings' }]);
      expect(list.find((o) => o.id === 'crossings@2020')).toEqual(applied.observation);
      replaceObservation('crossings@2020', applied.observation!);
      expect(await store.getDatasetVersion()).toBe(datasetVersion(content));

      const [history] = await store.getHistory([{ kind: 'OBSERVATION', id: 'crossings@2020' }]);
      expect(history).toEqual([
        {
          op: 'updateObservation',
          recordedBy: 'dana',
          recordedAt: change.at,
          sources: [{ sourceId: 'src', slide: 2 }],
          fields: [
            { field: 'note', before: null, after: 'revised by the publisher' },
            { field: 'sources', before: ['src#1'], after: ['src#1', 'src#2'] },
            { field: 'value', before: 20, after: 25 },
          ],
          previousId: null,
        },
      ]);
    });

    it('corrects a wrong period: the observation moves to its new id and takes its history along', async () => {
      const first = await store.applyChange({ op: 'updateObservation', id: 'crossings@2019', fields: { value: 11 }, ...meta() });
      const moved = meta('erin');
      const applied = await store.applyChange({ op: 'updateObservation', id: 'crossings@2019', fields: { period: '2018' }, ...moved });
      expect(applied.observation).toMatchObject({ id: 'crossings@2018', period: '2018', periodStart: '2018-01-01', periodEnd: '2018-12-31', value: 11 });
      replaceObservation('crossings@2019', applied.observation!);
      const [list] = await store.getObservations([{ metricId: 'crossings' }]);
      expect(ids(list)).toContain('crossings@2018');
      expect(ids(list)).not.toContain('crossings@2019');
      expect(await store.getDatasetVersion()).toBe(datasetVersion(content));

      const [now, before] = await store.getHistory([
        { kind: 'OBSERVATION', id: 'crossings@2018' },
        { kind: 'OBSERVATION', id: 'crossings@2019' },
      ]);
      expect(now.map((e) => [e.op, e.recordedAt, e.previousId])).toEqual([
        ['updateObservation', first.recordedAt, null],
        ['updateObservation', moved.at, 'crossings@2019'],
      ]);
      expect(now[1]).toMatchObject({ recordedBy: 'erin', fields: [{ field: 'period', before: '2019', after: '2018' }] });
      expect(before).toEqual([]);
    });

    it('refuses a correction the seed checker would: an unknown id, a taken id, a unit of another family, a new metric; nothing changes', async () => {
      const version = await store.getDatasetVersion();
      await expect(store.applyChange({ op: 'updateObservation', id: 'crossings@1999', fields: { value: 1 }, ...meta() })).rejects.toBeInstanceOf(BadInputError);
      await expect(store.applyChange({ op: 'updateObservation', id: 'crossings@2020', fields: { period: 'FY2021' }, ...meta() })).rejects.toThrow(
        'duplicate observation crossings@FY2021: already defined',
      );
      await expect(store.applyChange({ op: 'updateObservation', id: 'crossings@2020', fields: { unit: 'PERCENT' }, ...meta() })).rejects.toBeInstanceOf(
        ChangeRejectedError,
      );
      await expect(store.applyChange({ op: 'updateObservation', id: 'crossings@2020', fields: { metric: 'trade' }, ...meta() })).rejects.toThrow(
        'observation crossings@2020: metric cannot change in an update',
      );
      await expect(store.applyChange({ op: 'updateObservation', id: 'crossings@2020', fields: { period: '2020-13' }, ...meta() })).rejects.toBeInstanceOf(
        ChangeRejectedError,
      );
      expect(await store.getDatasetVersion()).toBe(version);
      const [history] = await store.getHistory([{ kind: 'OBSERVATION', id: 'crossings@2020' }]);
      expect(history).toHaveLength(1);
    });

    it('retires an observation: gone from every read, counted out of the stats and the version; its history says who and why', async () => {
      const stats = await store.getStats();
      const retire = meta();
      const applied = await store.applyChange({ op: 'retireObservation', id: 'crossings@FY2021', ...retire });
      expect(applied).toMatchObject({ op: 'retireObservation', observation: { id: 'crossings@FY2021', value: 30 } });
      replaceObservation('crossings@FY2021', null);
      const [list, inRange] = await store.getObservations([{ metricId: 'crossings' }, { metricId: 'crossings', from: '2021-01-01', to: '2021-06-30' }]);
      expect(ids(list)).not.toContain('crossings@FY2021');
      expect(inRange).toEqual([]);
      expect((await store.getStats()).observations).toBe(stats.observations - 1);
      expect(await store.getDatasetVersion()).toBe(datasetVersion(content));
      const cited = await store.getCitedItems([{ sourceId: 'src' }]);
      expect(cited[0].filter((c) => c.kind === 'OBSERVATION').map((c) => c.id)).not.toContain('crossings@FY2021');
      expect(cited[0].filter((c) => c.kind === 'OBSERVATION').map((c) => c.id)).toContain('crossings@2020');
      const [history] = await store.getHistory([{ kind: 'OBSERVATION', id: 'crossings@FY2021' }]);
      expect(history).toEqual([
        { op: 'retireObservation', recordedBy: 'dana', recordedAt: retire.at, sources: [{ sourceId: 'src', slide: 2 }], fields: [], previousId: null },
      ]);
      // Retired is not gone: the id cannot be corrected or retired again.
      await expect(store.applyChange({ op: 'retireObservation', id: 'crossings@FY2021', ...meta() })).rejects.toBeInstanceOf(BadInputError);
      await expect(store.applyChange({ op: 'updateObservation', id: 'crossings@FY2021', fields: { value: 1 }, ...meta() })).rejects.toBeInstanceOf(
        BadInputError,
      );
    });

    it('brings a retired observation back when it is added again, history and all', async () => {
      const again = meta();
      const applied = await store.applyChange({ op: 'addObservation', observation: { metric: 'crossings', value: 31, period: 'FY2021' }, ...again });
      expect(applied.observation).toMatchObject({ id: 'crossings@FY2021', value: 31 });
      replaceObservation('crossings@FY2021', applied.observation!);
      const [list] = await store.getObservations([{ metricId: 'crossings' }]);
      expect(list.find((o) => o.id === 'crossings@FY2021')).toEqual(applied.observation);
      expect(await store.getDatasetVersion()).toBe(datasetVersion(content));
      const [history] = await store.getHistory([{ kind: 'OBSERVATION', id: 'crossings@FY2021' }]);
      expect(history.map((e) => e.op)).toEqual(['retireObservation', 'addObservation']);
      expect(history[1].fields).toContainEqual({ field: 'value', before: null, after: 31 });
    });

    it("refuses to move an observation onto a retired one's id: add that one again instead", async () => {
      await store.applyChange({ op: 'retireObservation', id: 'crossings@FY2021', ...meta() });
      replaceObservation('crossings@FY2021', null);
      const version = await store.getDatasetVersion();
      await expect(store.applyChange({ op: 'updateObservation', id: 'crossings@2020', fields: { period: 'FY2021' }, ...meta() })).rejects.toThrow(
        'observation crossings@2020: a retired observation holds the id crossings@FY2021: add that one again (it comes back with its history) and retire this one',
      );
      expect(await store.getDatasetVersion()).toBe(version);
      const [history] = await store.getHistory([{ kind: 'OBSERVATION', id: 'crossings@FY2021' }]);
      expect(history.map((e) => e.op)).toEqual(['retireObservation', 'addObservation', 'retireObservation']);
    });

    it("refuses to retire a metric's last live observation (a metric needs one)", async () => {
      await store.applyChange({
        op: 'createEntity',
        entity: { id: 'wait-times', kind: 'Metric', name: 'Wait times', unit: 'COUNT' },
        observation: { value: 40, period: '2022' },
        ...meta(),
      });
      await expect(store.applyChange({ op: 'retireObservation', id: 'wait-times@2022', ...meta() })).rejects.toThrow(
        'the last observation of metric wait-times cannot be retired',
      );
      const [list] = await store.getObservations([{ metricId: 'wait-times' }]);
      expect(ids(list)).toEqual(['wait-times@2022']);
      // A Metric's first observation has its creation in its history.
      const [history] = await store.getHistory([{ kind: 'OBSERVATION', id: 'wait-times@2022' }]);
      expect(history.map((e) => e.op)).toEqual(['createEntity']);
    });

    it('shows an entity its creation, updates and retirement, oldest first', async () => {
      const created = meta();
      await store.applyChange({ op: 'createEntity', entity: { id: 'wall', kind: 'Topic', name: 'Border wall' }, ...created });
      const updated = meta('erin');
      await store.applyChange({ op: 'updateEntity', id: 'wall', fields: { name: 'Border barrier', description: 'The barrier along the border' }, ...updated });
      const retired = meta();
      await store.applyChange({ op: 'retireEntity', id: 'wall', ...retired });
      const [history, seeded, unknown] = await store.getHistory([
        { kind: 'ENTITY', id: 'wall' },
        { kind: 'ENTITY', id: 'trade' },
        { kind: 'ENTITY', id: 'nowhere' },
      ]);
      expect(history.map((e) => [e.op, e.recordedBy, e.recordedAt])).toEqual([
        ['createEntity', 'dana', created.at],
        ['updateEntity', 'erin', updated.at],
        ['retireEntity', 'dana', retired.at],
      ]);
      expect(history[0].fields).toEqual([
        { field: 'id', before: null, after: 'wall' },
        { field: 'kind', before: null, after: 'Topic' },
        { field: 'name', before: null, after: 'Border wall' },
        { field: 'sources', before: null, after: ['src#2'] },
      ]);
      expect(history[1].fields).toEqual([
        { field: 'description', before: null, after: 'The barrier along the border' },
        { field: 'name', before: 'Border wall', after: 'Border barrier' },
      ]);
      expect(history[2].fields).toEqual([]);
      expect(seeded).toEqual([]);
      expect(unknown).toEqual([]);
    });

    it('shows a relationship its retirement and its return, and answers a batch aligned to the keys', async () => {
      const id = 'forum:ADDRESSES:trade';
      await store.applyChange({ op: 'retireRelationship', id, ...meta() });
      await store.applyChange({ op: 'addRelationship', relationship: { from: 'forum', type: 'ADDRESSES', to: 'trade', note: 'again' }, ...meta('erin') });
      const [a, b, again] = await store.getHistory([
        { kind: 'RELATIONSHIP', id },
        { kind: 'ENTITY', id: 'forum' },
        { kind: 'RELATIONSHIP', id },
      ]);
      expect(a.map((e) => [e.op, e.recordedBy])).toEqual([
        ['retireRelationship', 'dana'],
        ['addRelationship', 'erin'],
      ]);
      expect(a[1].fields).toContainEqual({ field: 'note', before: null, after: 'again' });
      expect(b).toEqual([]);
      expect(again).toEqual(a);
    });
  });
}
