import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  BadInputError,
  comparePeriods,
  findPeriodObservation,
  observationPeriodKind,
  parsePeriod,
  sameDimensions,
  type Observation as ObservationValue,
} from '../../domain';
import type { Context } from '../context';
import { CompareArgs } from '../inputs/compare.args';
import type { DimensionFilter } from '../inputs/dimension-filter.input';
import { ObservationsArgs } from '../inputs/observations.args';
import { Metric } from '../types/kinds.types';
import { Observation } from '../types/observation.type';
import { PeriodComparison } from '../types/period-comparison.type';
import { observationView, type EntityView } from '../views';

function toDimensions(filters: readonly DimensionFilter[] | null | undefined): Record<string, string> {
  return Object.fromEntries((filters ?? []).map((d) => [d.key, d.value]));
}

/** The observation for exactly `period`, or bad input naming the metric and the periods it has. */
function observationFor(
  metricId: string,
  list: readonly ObservationValue[],
  argument: string,
  period: string,
  dimensions: Record<string, string>,
): ObservationValue {
  const found = findPeriodObservation(list, period, dimensions);
  if (found) return found;
  const same = list.filter((o) => sameDimensions(o.dimensions, dimensions));
  const periods = [...new Set(same.flatMap((o) => (o.period === null ? [] : [o.period])))];
  // Undated figures have no period to compare: say so rather than "it has none".
  const undated = [...new Set(same.filter((o) => o.period === null).map((o) => o.reportedIn))];
  const breakdown = Object.entries(dimensions)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const of = `${metricId}${breakdown ? ` with ${breakdown}` : ''}`;
  const has =
    undated.length === 0
      ? periods.length > 0
        ? periods.join(', ')
        : 'it has none'
      : periods.length > 0
        ? `${periods.join(', ')}; its undated observations, reported in ${undated.join(', ')}, have no period to compare`
        : `it has only undated observations, reported in ${undated.join(', ')}, which have no period to compare`;
  throw new BadInputError(argument, `a period with an observation of ${of} (${has})`, period);
}

@Resolver(() => Metric)
export class MetricResolver {
  @FieldResolver(() => [Observation], {
    description: 'The measured values in period order, each with unit, period and source; filter by period overlap, period kind and dimensions.',
  })
  async observations(@Root() metric: EntityView, @Args(() => ObservationsArgs) args: ObservationsArgs, @Ctx() ctx: Context) {
    const dimensions = toDimensions(args.dimensions);
    const from = args.from ? parsePeriod(args.from)!.start : undefined;
    const to = args.to ? parsePeriod(args.to)!.end : undefined;
    if (from && to && to < from) throw new BadInputError('to', `a period ending on or after from (${args.from})`, args.to);
    const list = await ctx.loaders.observations.load({ metricId: metric.id, from, to, dimensions });
    // The port has no period-kind filter; a metric holds few observations, so filter here.
    const kinds = args.periodKinds?.length ? new Set<string>(args.periodKinds) : null;
    return list.filter((o) => !kinds || kinds.has(observationPeriodKind(o))).map(observationView);
  }

  @FieldResolver(() => PeriodComparison, {
    nullable: true,
    description:
      'Computed: how the metric changed between two periods stated exactly as observed (e.g. `FY2020` and `FY2021`), for the same breakdown, in the unit of the `to` observation.',
  })
  async compare(@Root() metric: EntityView, @Args(() => CompareArgs) args: CompareArgs, @Ctx() ctx: Context) {
    const dimensions = toDimensions(args.dimensions);
    if (parsePeriod(args.to)!.start < parsePeriod(args.from)!.start) {
      throw new BadInputError('to', `a period starting on or after from (${args.from})`, args.to);
    }
    const list = await ctx.loaders.observations.load({ metricId: metric.id, dimensions });
    const from = observationFor(metric.id, list, 'from', args.from, dimensions);
    const to = observationFor(metric.id, list, 'to', args.to, dimensions);
    const comparison = comparePeriods(from, to);
    return { ...comparison, from: observationView(comparison.from), to: observationView(comparison.to) };
  }
}
