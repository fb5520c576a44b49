import { describeValue } from './errors';
import { fieldChanges } from './history';
import type { SeedOrigin } from './model';
import type { RecordRef, SeedRecord } from './records';

// A seed conflict: a record a curator created, updated or retired whose seed item has changed
// since (or, for a record the curator created, now exists in the seeds with other content).
// Re-seeding (Neo4j) and replaying the journal at start-up (embedded store) keep the curated
// record and report the conflict; `npm run seed -- --overwrite-curated` applies the seeds instead.
// A seed item equal to the curated record is no conflict: the curated change has been folded back.
//
// | curated record                 | its seed item now                         | kept    | conflict |
// |--------------------------------|-------------------------------------------|---------|----------|
// | a seed record updated/retired  | unchanged since the curator's first change | curated | no       |
// | a seed record updated/retired  | changed, equal to the curated record      | either  | no       |
// | a seed record updated/retired  | changed, different                        | curated | yes      |
// | a seed record updated          | removed from the seeds                    | curated | yes      |
// | a seed record retired          | removed from the seeds                    | retired | no       |
// | a record a curator created     | absent from the seeds                     | curated | no       |
// | a record a curator created     | present, equal                            | either  | no       |
// | a record a curator created     | present, different                        | curated | yes      |

export interface SeedConflict {
  readonly ref: RecordRef;
  /** Where the seed item is (null for a dataset that did not come from files). */
  readonly origin: SeedOrigin | null;
  /** The record as curation left it; null when a curator retired it. */
  readonly curated: SeedRecord | null;
  /** The record as the seeds now write it; null when the seeds no longer have it. */
  readonly seeded: SeedRecord | null;
}

/**
 * One line per conflict: where the seed item is, which record, and the fields that differ
 * (`seeds/trade.yaml:14: entity usmca: curated and seeded differ (kept curated): description: curated "…", seeded "…"`).
 */
export function formatSeedConflict(conflict: SeedConflict, kept: 'curated' | 'seeded' = 'curated'): string {
  const where = conflict.origin ? `${conflict.origin.file}:${conflict.origin.line}` : 'seeds';
  const what = `${conflict.ref.kind.toLowerCase()} ${conflict.ref.id}`;
  const differences =
    conflict.curated === null
      ? 'curated: retired; seeded: present'
      : conflict.seeded === null
        ? 'curated: present; seeded: removed from the seeds'
        : fieldChanges(conflict.curated, conflict.seeded)
            .map(
              (c) =>
                `${c.field}: curated ${c.before === null ? 'absent' : describeValue(c.before)}, seeded ${c.after === null ? 'absent' : describeValue(c.after)}`,
            )
            .join('; ');
  return `${where}: ${what}: the seed changed since a curator changed it (kept ${kept}): ${differences}`;
}
