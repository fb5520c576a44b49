import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { citedItemView, type CitedItemView } from '../graph-views';
import { BacksArgs } from '../inputs/backs.args';
import { mapConnection, pageOfList } from '../pagination';
import type { ConnectionShape } from '../types/connection.type';
import { CitedItemConnection } from '../types/cited-item.type';
import { Source } from '../types/kinds.types';
import { entityView, type EntityView } from '../views';

/** Reverse provenance on a Source: where it is cited, and what it backs. */
@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => [Int], {
    description: 'The deck slides on which anything (an entity, relationship or observation) cites this publication, ascending.',
  })
  slides(@Root() source: EntityView, @Ctx() ctx: Context): Promise<number[]> {
    return ctx.loaders.citedSlides.load(source.id);
  }

  @FieldResolver(() => CitedItemConnection, {
    description:
      'Everything this source backs: the entities, relationships and observations that cite it, each with the slides it cites it on; entities first, then relationships, then observations, each by id. Filter by `slide` and `kinds`; page with `first`/`after` or `last`/`before`.',
  })
  async backs(@Root() source: EntityView, @Args(() => BacksArgs) args: BacksArgs, @Ctx() ctx: Context): Promise<ConnectionShape<CitedItemView>> {
    const items = await ctx.loaders.citedItems.load({ sourceId: source.id, slide: args.slide ?? undefined });
    const kinds = args.kinds && args.kinds.length > 0 ? new Set<string>(args.kinds) : null;
    const wanted = kinds ? items.filter((item) => kinds.has(item.kind)) : items;
    return mapConnection(pageOfList(wanted, args), (item) => citedItemView(item, entityView));
  }
}
