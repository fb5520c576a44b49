import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { parsePartialDate } from '../../domain';
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
    const list = await ctx.loaders.observations.load({
      metricId: metric.id,
      from: args.from ? parsePartialDate(args.from)!.start : undefined,
      to: args.to ? parsePartialDate(args.to)!.end : undefined,
      dimensions,
    });
    return list.map(observationView);
  }
}
