import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Citation as CitationValue } from '../../domain';
import type { Context } from '../context';
import { Citation } from '../types/citation.type';
import { Source } from '../types/kinds.types';
import type { EntityView } from '../views';

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source, { description: 'The publication credited.' })
  async source(@Root() citation: CitationValue, @Ctx() ctx: Context): Promise<EntityView> {
    // Seeds are validated, so every citation names an existing Source.
    return (await ctx.loaders.node.load(citation.sourceId))!;
  }
}
