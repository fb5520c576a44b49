import { compareObservations, overlaps, type Observation, type ObservationQuery } from '../../domain';

/**
 * The live observations per metric, each metric's list kept in `compareObservations` order (so a
 * read filters and never sorts), and the ids taken (to refuse a duplicate).
 */
export class ObservationIndex {
  /** Live observations per metric id, in `compareObservations` order. */
  readonly byMetric = new Map<string, Observation[]>();
  private readonly ids = new Set<string>();

  constructor(observations: Iterable<Observation>) {
    for (const obs of observations) this.push(obs);
    for (const list of this.byMetric.values()) list.sort(compareObservations);
  }

  /** Whether an observation with this id was ever held (a retired metric's observations keep theirs). */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Adds a new observation in its metric's order. */
  add(obs: Observation): void {
    this.push(obs);
    this.byMetric.get(obs.metricId)!.sort(compareObservations);
  }

  /** Drops a retired metric's observations and returns them; their ids stay taken. */
  removeMetric(metricId: string): readonly Observation[] {
    const list = this.byMetric.get(metricId) ?? [];
    this.byMetric.delete(metricId);
    return list;
  }

  /** `getObservations` for one query: the metric's observations in the period and with the dimensions asked. */
  select(q: ObservationQuery): Observation[] {
    return (this.byMetric.get(q.metricId) ?? []).filter(
      (o) =>
        // An undated observation matches no date range (only a query without one).
        (o.periodStart === null ? q.from === undefined && q.to === undefined : overlaps(o.periodStart, o.periodEnd!, q.from ?? null, q.to ?? null)) &&
        Object.entries(q.dimensions ?? {}).every(([k, v]) => o.dimensions[k] === v),
    );
  }

  /** How many live observations there are. */
  count(): number {
    let observations = 0;
    for (const list of this.byMetric.values()) observations += list.length;
    return observations;
  }

  /** Every live observation. */
  *all(): Iterable<Observation> {
    for (const list of this.byMetric.values()) yield* list;
  }

  private push(obs: Observation): void {
    const list = this.byMetric.get(obs.metricId);
    if (list) list.push(obs);
    else this.byMetric.set(obs.metricId, [obs]);
    this.ids.add(obs.id);
  }
}
