/**
 * The property behind "curation keeps every seed rule": after any sequence of curated changes,
 * valid or not, the store's YAML export passes the seed checker (`npm run seeds:check`, run
 * in-process) and reads back to the store's own dataset version. A refused change must be
 * BAD_USER_INPUT and change nothing. Shared by the memory run (test/curation) and the Neo4j run
 * (test/neo4j), each with its own factory and size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Change, Dataset, GraphStore } from '../../src/domain';
import { collectGraph, toYaml } from '../../src/export';
import { checkSeeds } from '../../src/seed';
import { formatIssue } from '../../src/seed/seed-error';

/** Ids of the committed seeds the changes aim at (actors named in dimensions, hierarchies, metrics). */
const ACTORS = ['mexico', 'texas', 'us-border-states', 'canada', 'amlo', 'pemex', 'united-states'];
const TOPICS = ['trade', 'security', 'illicit-drugs', 'fentanyl', 'organized-crime', 'border'];
const DEALS = ['nafta', 'usmca', 'merida-initiative', 'bicentennial-framework'];
const METRICS = ['mexican-american-population', 'mexico-rank-as-us-export-market', 'us-agricultural-exports-to-mexico', 'southwest-border-apprehensions'];
const EDGES = [
  'usmca:REPLACES:nafta@2020-07-01',
  'fentanyl:BROADER:illicit-drugs',
  'illicit-drugs:BROADER:security',
  'pemex:PART_OF:mexico',
  'organized-crime:BROADER:security',
];
/** New ids: few, so duplicates and edges between new entities happen. */
const FRESH = ['pt-a', 'pt-b', 'pt-c'];

const citation = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => `deck-2022#${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('deck-2022#0', 'deck-2022#10001', 'deck-2022#99999999999999999999999', 'nope#1', 'mexico#2') },
);
const sources = fc.array(citation, { minLength: 1, maxLength: 2 });
const anyId = fc.constantFrom(...ACTORS, ...TOPICS, ...DEALS, ...METRICS, ...FRESH);
const unit = fc.constantFrom('COUNT', 'THOUSAND', 'MILLION', 'PERCENT', 'RANK', 'USD_BILLION', 'USD_MILLION', 'KM');
const dimensions = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom('state', 'country', 'bound', 'partner', '__proto__', 'a;b', 'x]'),
      fc.constantFrom('texas', 'mexico', 'us-border-states', 'canada', 'upper', 'pt-a', 'a=b', 'x]y'),
      { maxKeys: 2 },
    ),
  },
);
const observation = fc.record(
  { value: fc.integer({ min: -5, max: 500 }), unit: fc.option(unit, { nil: undefined }), period: fc.integer({ min: 2015, max: 2024 }).map(String), dimensions },
  { requiredKeys: ['value', 'period'] },
);

type Draft = Omit<Change, 'actor' | 'at'>;

const createEntity: fc.Arbitrary<Draft> = fc.oneof(
  fc.record({
    op: fc.constant('createEntity' as const),
    entity: fc.record({ id: fc.constantFrom(...FRESH, 'x'.repeat(101), 'bad;id'), kind: fc.constant('Topic'), name: fc.constant('Curated topic') }),
    sources,
  }),
  fc.record({
    op: fc.constant('createEntity' as const),
    entity: fc.record({ id: fc.constantFrom(...FRESH), kind: fc.constant('Metric'), name: fc.constant('Curated metric'), unit }),
    observation: fc.option(observation, { nil: undefined }),
    sources,
  }),
);
const updateEntity: fc.Arbitrary<Draft> = fc.record({
  op: fc.constant('updateEntity' as const),
  id: anyId,
  fields: fc.oneof(fc.record({ description: fc.constantFrom('Curated note', null) }), fc.record({ unit })),
  sources,
});
const retireEntity: fc.Arbitrary<Draft> = fc.record({
  op: fc.constant('retireEntity' as const),
  id: fc.constantFrom(...ACTORS, ...TOPICS, ...METRICS, ...FRESH),
  sources,
});
const addRelationship: fc.Arbitrary<Draft> = fc.oneof(
  // Any pair, any of a few types: self-loops, kind mismatches, cycles and valid edges.
  fc.record({
    op: fc.constant('addRelationship' as const),
    relationship: fc.record({ from: anyId, type: fc.constantFrom('BROADER', 'PART_OF', 'REPLACES', 'AFFECTS', 'MEASURES'), to: anyId }),
    sources,
  }),
  // A seed hierarchy edge reversed: a cycle unless the edge was retired.
  fc.constantFrom(...EDGES).chain((id) => {
    const [from, type, to] = id.split('@')[0].split(':');
    return fc.record({ op: fc.constant('addRelationship' as const), relationship: fc.constant({ from: to, type, to: from }), sources });
  }),
);
const retireRelationship: fc.Arbitrary<Draft> = fc.record({ op: fc.constant('retireRelationship' as const), id: fc.constantFrom(...EDGES), sources });
const addObservation: fc.Arbitrary<Draft> = fc.record({
  op: fc.constant('addObservation' as const),
  observation: fc.tuple(fc.constantFrom(...METRICS, ...FRESH), observation).map(([metric, o]) => ({ ...o, metric })),
  sources,
});

/** One curated change, valid or not, against the committed seeds. */
export const curatedChange: fc.Arbitrary<Change> = fc
  .oneof(createEntity, updateEntity, retireEntity, addRelationship, retireRelationship, addObservation)
  .map((draft) => ({ ...draft, actor: 'prop', at: '2024-08-01T12:00:00.000Z' }) as Change);

/** The store's YAML export, checked by the seed checker in a temp dir: its problems, and the version it reads back to. */
export async function checkExport(store: GraphStore): Promise<{ problems: string[]; version: string | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'curation-property-'));
  try {
    writeFileSync(join(dir, 'export.yaml'), toYaml(await collectGraph(store, { kind: 'graph' })));
    const check = checkSeeds(dir);
    return { problems: check.issues.map(formatIssue), version: check.dataset?.version ?? null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PropertyRun {
  readonly runs: number;
  readonly maxChanges: number;
  readonly seed?: number;
}

/** Runs the property: `open` gives a fresh store holding `dataset` for each run. */
export async function assertCurationKeepsSeedRules(
  dataset: Dataset,
  open: (dataset: Dataset) => Promise<GraphStore>,
  run: PropertyRun,
): Promise<{ accepted: number; refused: number }> {
  const tally = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(curatedChange, { minLength: Math.min(8, run.maxChanges), maxLength: run.maxChanges }), async (changes) => {
      const store = await open(dataset);
      try {
        for (const change of changes) {
          const before = await store.getDatasetVersion();
          const outcome = await store.applyChange(change).then(
            () => null,
            (error: Error & { code?: string }) => error,
          );
          if (outcome) {
            tally.refused += 1;
            // Refused: a client error, and nothing changed (so the export is the last one checked).
            expect({ change, code: outcome.code }).toEqual({ change, code: 'BAD_USER_INPUT' });
            expect(await store.getDatasetVersion()).toBe(before);
            continue;
          }
          tally.accepted += 1;
          const exported = await checkExport(store);
          expect({ change, problems: exported.problems }).toEqual({ change, problems: [] });
          expect(exported.version).toBe(await store.getDatasetVersion());
        }
      } finally {
        await store.close();
      }
    }),
    { numRuns: run.runs, ...(run.seed !== undefined ? { seed: run.seed } : {}), endOnFailure: true },
  );
  return tally;
}
