import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ENTITY_DIMENSIONS } from '../../domain';
import type { HistoryEntry as HistoryRecord } from '../../domain';
import type { Context } from '../context';
import { HistoryEntry } from '../types/history.type';
import { Entity } from '../types/entity.interface';
import { Metric } from '../types/kinds.types';
import { Dimension, Observation } from '../types/observation.type';
import type { EntityView } from '../views';

@Resolver(() => Observation)
export class ObservationResolver {
  @FieldResolver(() => Metric, { description: 'The metric this is a value of.' })
  async metric(@Root() o: { metricId: string }, @Ctx() ctx: Context): Promise<EntityView> {
    return (await ctx.loaders.node.load(o.metricId))!;
  }

  @FieldResolver(() => [HistoryEntry], {
    description:
      "This observation's history: the curated changes that touched it, oldest first (who, when, citing what, which fields), including those made under an id it had before; empty when no curator has changed it.",
  })
  history(@Root() o: { id: string }, @Ctx() ctx: Context): Promise<HistoryRecord[]> {
    return ctx.loaders.history.load({ kind: 'OBSERVATION', id: o.id });
  }
}

@Resolver(() => Dimension)
export class DimensionResolver {
  @FieldResolver(() => Entity, { nullable: true, description: 'The entity the value names, for entity dimensions (state, country, partner, party, region).' })
  entity(@Root() d: { key: string; value: string }, @Ctx() ctx: Context): Promise<EntityView | null> | null {
    return ENTITY_DIMENSIONS.has(d.key) ? ctx.loaders.node.load(d.value) : null;
  }
}
