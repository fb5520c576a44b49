import type { DateRole, NodeKind } from './kinds';
import type { EdgeType } from './edge-types';
import type { Qualifier, Unit } from './units';
import type { DateQualifier } from './date-qualifiers';

/** A pointer to the publication that states a fact and the deck slide that cites it. */
export interface Citation {
  readonly sourceId: string;
  readonly slide: number;
}

/** One node of the graph, of any kind. Kind-specific fields are null where they do not apply. */
export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** Subtype from the kind's vocabulary (ActorType, PolicyType, …). */
  readonly type: string | null;
  /** Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) keyed by role. */
  readonly dates: Readonly<Partial<Record<DateRole, string>>>;
  /** Approximate dates: the part of the date the sources give ("early 2021" → EARLY on `2021`), by role; absent when none is. */
  readonly dateQualifiers?: Readonly<Partial<Record<DateRole, DateQualifier>>>;
  /** Metric: the unit its observations are usually stated in. */
  readonly unit: Unit | null;
  /** Source: who published it, and when. */
  readonly publisher: string | null;
  readonly year: number | null;
  readonly sources: readonly Citation[];
}

/** A directed, typed edge. */
export interface Relationship {
  readonly id: string;
  readonly type: EdgeType;
  readonly from: string;
  readonly to: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly note: string | null;
  readonly sources: readonly Citation[];
}

/** One measured value of a metric. */
export interface Observation {
  readonly id: string;
  readonly metricId: string;
  readonly value: number;
  readonly unit: Unit;
  /**
   * `2021`, `FY2021`, `2022-01`, `2022-01-31` or a range `A/B`; null when the source gives the
   * figure no date (undated: then `reportedIn` says when it was reported, and no date range matches it).
   */
  readonly period: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  /**
   * Undated observations only: the year the figure was reported (the publication year of a
   * source it cites); null (or absent) when dated.
   */
  readonly reportedIn?: number | null;
  /** Breakdown such as `{ state: 'texas' }`; values of entity dimensions are actor ids. */
  readonly dimensions: Readonly<Record<string, string>>;
  readonly qualifier: Qualifier | null;
  readonly note: string | null;
  readonly sources: readonly Citation[];
}

/** The whole curated graph, as loaded from the seeds. */
export interface Dataset {
  readonly nodes: readonly GraphNode[];
  readonly relationships: readonly Relationship[];
  readonly observations: readonly Observation[];
  /**
   * `datasetVersion` of the content (dataset-version.ts), so a citation can pin the data it used.
   * Stores compute it from what they hold; this field is what the loader computed.
   */
  readonly version: string;
  /**
   * Where each record is written in the seeds (file and line), by `recordKey` (records.ts); absent
   * for a dataset that did not come from seed files. Seed conflicts name these.
   */
  readonly origins?: ReadonlyMap<string, SeedOrigin>;
}

/** A seed item's place: the file (relative to the working directory) and the line its item starts on. */
export interface SeedOrigin {
  readonly file: string;
  readonly line: number;
}

/** Dimension keys whose values must be ids of actors in the graph. */
export const ENTITY_DIMENSIONS: ReadonlySet<string> = new Set(['state', 'country', 'partner', 'party', 'region']);
