import { compareObservations, overlaps, type Observation, type ObservationQuery } from '../../domain';

/**
 * The live observations per metric, each metric's list kept in `compareObservations` order (so a
 * read filters and never sorts), and by id (to refuse a duplicate of a live one).
 */
export class ObservationIndex {
  /** Live observations per metric id, in `compareObservations` order. */
  readonly byMetric = new Map<string, Observation[]>();
  private readonly byId = new Map<string, Observation>();

  constructor(observations: Iterable<Observation>) {
    for (const obs of observations) this.push(obs);
    for (const list of this.byMetric.values()) list.sort(compareObservations);
  }

  /** Whether a live observation has this id (a retired one's id may be added again: it comes back). */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The live observation with this id. */
  get(id: string): Observation | undefined {
    return this.byId.get(id);
  }

  /** Adds a new observation in its metric's order. */
  add(obs: Observation): void {
    this.push(obs);
    this.byMetric.get(obs.metricId)!.sort(compareObservations);
  }

  /** Takes one observation out (corrected or retired); its metric's list keeps its order. */
  remove(obs: Observation): void {
    const list = this.byMetric.get(obs.metricId) ?? [];
    const at = list.findIndex((o) => o.id === obs.id);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.byMetric.delete(obs.metricId);
    this.byId.delete(obs.id);
  }

  /** Drops a retired metric's observations and returns them (unreachable: their metric is gone). */
  removeMetric(metricId: string): readonly Observation[] {
    const list = this.byMetric.get(metricId) ?? [];
    this.byMetric.delete(metricId);
    for (const obs of list) this.byId.delete(obs.id);
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
    return this.byId.size;
  }

  /** Every live observation. */
  *all(): Iterable<Observation> {
    for (const list of this.byMetric.values()) yield* list;
  }

  private push(obs: Observation): void {
    const list = this.byMetric.get(obs.metricId);
    if (list) list.push(obs);
    else this.byMetric.set(obs.metricId, [obs]);
    this.byId.set(obs.id, obs);
  }
}
