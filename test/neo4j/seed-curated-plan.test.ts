/**
 * What re-seeding does with each curated record (src/store/neo4j/seed-curated.ts), row by row of
 * THE TABLE in src/domain/seed-conflicts.ts, without a database. The CLI and the writes are held
 * to it on the real Neo4j by seed-curated.int.test.ts.
 */
import { entityRecord, observationRecord, relationshipRecord, type Dataset, type GraphNode, type Observation } from '../../src/domain';
import { entitySeedBase, observationSeedBase, relationshipSeedBase } from '../../src/store/neo4j/history-records';
import { planCurated, type CuratedRecord } from '../../src/store/neo4j/seed-curated';
import { fixtureDataset } from '../helpers/fixture-dataset';

const seedNode = (id: string): GraphNode => fixtureDataset.nodes.find((n) => n.id === id)!;
const seedObs = (id: string): Observation => fixtureDataset.observations.find((o) => o.id === id)!;

/** A curated entity: `now` as stored, `base` the seed content at its first curated change (null: a curator created it). */
function entity(now: GraphNode, base: GraphNode | null, retired = false): CuratedRecord {
  return {
    ref: { kind: 'ENTITY', id: now.id },
    seedId: now.id,
    seedBase: base && entitySeedBase(base),
    retired,
    record: entityRecord(now),
    hash: entitySeedBase(now),
  };
}

/** The fixture with some entities replaced (`null`: removed) and origins for each. */
function seeds(replace: Record<string, GraphNode | null> = {}): Dataset {
  const nodes = fixtureDataset.nodes.flatMap((n) => (n.id in replace ? (replace[n.id] ? [replace[n.id]!] : []) : [n]));
  const added = Object.values(replace).filter((n): n is GraphNode => n !== null && !fixtureDataset.nodes.some((f) => f.id === n.id));
  const all = [...nodes, ...added];
  return { ...fixtureDataset, nodes: all, origins: new Map(all.map((n, i) => [`ENTITY ${n.id}`, { file: 'seeds/x.yaml', line: i + 1 }])) };
}

const trade = seedNode('trade');
const curatedTrade = { ...trade, description: 'Curated' };

describe('re-seeding and curated records (THE TABLE)', () => {
  it('a seed record updated, its seed item unchanged since: kept, no conflict', () => {
    const plan = planCurated(seeds(), [entity(curatedTrade, trade)], false);
    expect(plan.conflicts).toEqual([]);
    expect([...plan.skip.ENTITY]).toEqual(['trade']);
    expect([...plan.keep.ENTITY]).toEqual(['trade']);
  });

  it('a seed record updated, its seed item changed to equal it (folded back): the seed is written, no conflict', () => {
    const plan = planCurated(seeds({ trade: curatedTrade }), [entity(curatedTrade, trade)], false);
    expect(plan.conflicts).toEqual([]);
    expect(plan.skip.ENTITY.size).toBe(0);
  });

  it('a seed record updated, its seed item changed otherwise: kept, a conflict with the origin and both records', () => {
    const seeded = { ...trade, description: 'Seeded' };
    const plan = planCurated(seeds({ trade: seeded }), [entity(curatedTrade, trade)], false);
    expect(plan.conflicts).toEqual([
      {
        ref: { kind: 'ENTITY', id: 'trade' },
        origin: { file: 'seeds/x.yaml', line: fixtureDataset.nodes.indexOf(trade) + 1 },
        curated: entityRecord(curatedTrade),
        seeded: entityRecord(seeded),
      },
    ]);
    expect(plan.skip.ENTITY.has('trade')).toBe(true);
  });

  it('a seed record updated, removed from the seeds: kept (not pruned), a conflict', () => {
    const plan = planCurated(seeds({ trade: null }), [entity(curatedTrade, trade)], false);
    expect(plan.conflicts).toEqual([{ ref: { kind: 'ENTITY', id: 'trade' }, origin: null, curated: entityRecord(curatedTrade), seeded: null }]);
    expect(plan.keep.ENTITY.has('trade')).toBe(true);
  });

  it('a seed record retired: kept retired while its seed item is unchanged or removed, a conflict when it changed', () => {
    expect(planCurated(seeds(), [entity(trade, trade, true)], false)).toMatchObject({ conflicts: [], keep: { ENTITY: new Set(['trade']) } });
    expect(planCurated(seeds({ trade: null }), [entity(trade, trade, true)], false)).toMatchObject({ conflicts: [], keep: { ENTITY: new Set(['trade']) } });
    const changed = planCurated(seeds({ trade: curatedTrade }), [entity(trade, trade, true)], false);
    expect(changed.conflicts).toMatchObject([{ ref: { kind: 'ENTITY', id: 'trade' }, curated: null, seeded: entityRecord(curatedTrade) }]);
  });

  it("a curator's own record: kept when the seeds lack it, folded back when equal, a conflict when different", () => {
    const mine = { ...trade, id: 'mine', name: 'Mine' };
    expect(planCurated(seeds(), [entity(mine, null)], false)).toMatchObject({ conflicts: [], keep: { ENTITY: new Set(['mine']) } });
    expect(planCurated(seeds({ mine }), [entity(mine, null)], false)).toMatchObject({ conflicts: [], skip: { ENTITY: new Set() } });
    const theirs = { ...mine, name: 'Theirs' };
    expect(planCurated(seeds({ mine: theirs }), [entity(mine, null)], false).conflicts).toMatchObject([
      { curated: { name: 'Mine' }, seeded: { name: 'Theirs' } },
    ]);
  });

  it('--overwrite-curated reverts every curated seed record (a moved observation back to its seed id) and keeps a curator-only one', () => {
    const before = seedObs('crossings@2019');
    const moved: Observation = { ...before, id: 'crossings@2018', period: '2018', periodStart: '2018-01-01', periodEnd: '2018-12-31' };
    const rel = fixtureDataset.relationships.find((r) => r.id === 'forum:ADDRESSES:trade')!;
    const curated: CuratedRecord[] = [
      entity(curatedTrade, trade),
      entity({ ...trade, id: 'mine' }, null),
      {
        ref: { kind: 'OBSERVATION', id: moved.id },
        seedId: before.id,
        seedBase: observationSeedBase(before),
        retired: false,
        record: observationRecord(moved),
        hash: observationSeedBase(moved),
      },
      {
        ref: { kind: 'RELATIONSHIP', id: rel.id },
        seedId: rel.id,
        seedBase: relationshipSeedBase(rel),
        retired: true,
        record: relationshipRecord(rel),
        hash: relationshipSeedBase(rel),
      },
    ];
    const plan = planCurated(seeds(), curated, true);
    expect(plan.conflicts).toEqual([]);
    expect(plan.reverted.map((r) => [r.ref.kind, r.ref.id, r.previousId])).toEqual([
      ['ENTITY', 'trade', null],
      ['OBSERVATION', 'crossings@2019', 'crossings@2018'],
      ['RELATIONSHIP', rel.id, null],
    ]);
    expect(plan.reverted[2]).toMatchObject({ curated: null, seeded: relationshipRecord(rel) });
    expect(plan.moves).toEqual([{ from: 'crossings@2018', to: 'crossings@2019' }]);
    expect([...plan.keep.ENTITY]).toEqual(['mine']);
    expect(plan.skip.OBSERVATION.size + plan.skip.ENTITY.size + plan.skip.RELATIONSHIP.size).toBe(0);
  });
});
