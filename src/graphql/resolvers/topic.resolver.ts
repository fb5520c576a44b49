import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EdgeType, NodeKind } from '../../domain';
import type { Context } from '../context';
import { dayOf } from '../dates';
import { VALID_AT_DESCRIPTION } from '../inputs/relationships.args';
import { PartialDateScalar } from '../scalars';
import { Entity } from '../types/entity.interface';
import { Topic } from '../types/kinds.types';
import { entityView, type EntityView } from '../views';

@Resolver(() => Topic)
export class TopicResolver {
  @FieldResolver(() => [Entity], {
    description:
      'Dialogues, policies, agreements, events and actors that address this topic (ADDRESSES, incoming). With `includeNarrower`, also those addressing a narrower topic (one level).',
  })
  async addressedBy(
    @Root() topic: EntityView,
    @Ctx() ctx: Context,
    @Arg('kinds', () => [NodeKind], { nullable: true, description: 'Only these kinds.' }) kinds?: NodeKind[] | null,
    @Arg('includeNarrower', () => Boolean, { defaultValue: false, description: 'Also count entities that address a directly narrower topic.' })
    includeNarrower = false,
    @Arg('validAt', () => PartialDateScalar, { nullable: true, description: VALID_AT_DESCRIPTION }) validAt?: string | null,
  ): Promise<EntityView[]> {
    const day = dayOf(validAt);
    const direct = ctx.loaders.relationships.load({ nodeId: topic.id, direction: 'IN', types: [EdgeType.ADDRESSES], kinds: kinds ?? [], validAt: day });
    const topics = [topic.id];
    if (includeNarrower) {
      const narrower = await ctx.loaders.relationships.load({ nodeId: topic.id, direction: 'IN', types: [EdgeType.BROADER], kinds: [NodeKind.Topic] });
      topics.push(...narrower.map((r) => r.other.id));
    }
    const lists = await Promise.all([
      direct,
      ...topics
        .slice(1)
        .map((id) => ctx.loaders.relationships.load({ nodeId: id, direction: 'IN', types: [EdgeType.ADDRESSES], kinds: kinds ?? [], validAt: day })),
    ]);
    // Each entity once, in the order met; no intermediate copies (this list can hold 10,000 entities).
    const seen = new Set<string>();
    const entities: EntityView[] = [];
    for (const list of lists) {
      for (const rel of list) {
        if (seen.has(rel.other.id)) continue;
        seen.add(rel.other.id);
        entities.push(entityView(rel.other));
      }
    }
    return entities;
  }
}
