import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EdgeType, NodeKind } from '../../domain';
import type { Context } from '../context';
import { dayOf } from '../dates';
import { VALID_AT_DESCRIPTION } from '../inputs/relationships.args';
import { PartialDateScalar } from '../scalars';
import { Entity } from '../types/entity.interface';
import { Topic } from '../types/kinds.types';
import type { EntityView } from '../views';

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
      topics.push(...narrower.map((r) => r.node.id));
    }
    const lists = await Promise.all([
      direct,
      ...topics.slice(1).map((id) => ctx.loaders.relationships.load({ nodeId: id, direction: 'IN', types: [EdgeType.ADDRESSES], kinds: kinds ?? [], validAt: day })),
    ]);
    const seen = new Map<string, EntityView>();
    for (const rel of lists.flat()) if (!seen.has(rel.node.id)) seen.set(rel.node.id, rel.node);
    return [...seen.values()];
  }
}
