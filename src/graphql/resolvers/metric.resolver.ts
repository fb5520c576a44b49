import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BadInputError, parsePeriod } from '../../domain';
import type { Context } from '../context';
import { ObservationsArgs } from '../inputs/observations.args';
import { Metric } from '../types/kinds.types';
import { Observation } from '../types/observation.type';
import { observationView, type EntityView } from '../views';

@Resolver(() => Metric)
export class MetricResolver {
  @FieldResolver(() => [Observation], {
    description: 'The measured values in period order, each with unit, period and source; filter by period overlap and dimensions.',
  })
  async observations(@Root() metric: EntityView, @Args(() => ObservationsArgs) args: ObservationsArgs, @Ctx() ctx: Context) {
    const dimensions = Object.fromEntries((args.dimensions ?? []).map((d) => [d.key, d.value]));
    const from = args.from ? parsePeriod(args.from)!.start : undefined;
    const to = args.to ? parsePeriod(args.to)!.end : undefined;
    if (from && to && to < from) throw new BadInputError('to', `a period ending on or after from (${args.from})`, args.to);
    const list = await ctx.loaders.observations.load({ metricId: metric.id, from, to, dimensions });
    return list.map(observationView);
  }
}
