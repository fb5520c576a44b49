import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { RelationshipsConnectionArgs } from '../inputs/relationships-connection.args';
import { mapConnection, pageOfList } from '../pagination';
import type { ConnectionShape } from '../types/connection.type';
import { Entity } from '../types/entity.interface';
import { RelationshipConnection } from '../types/relationship-connection.type';
import { loadRelationships } from './related';
import { relationshipView, type EntityView, type RelationshipView } from '../views';

@Resolver(() => Entity)
export class RelationshipsConnectionResolver {
  @FieldResolver(() => RelationshipConnection, {
    description:
      'The edges of `relationships` (same criteria, same order: type, OUT before IN, then the entity at the other end) as a Relay connection with `totalCount`, paged with `first`/`after` or `last`/`before`.',
  })
  async relationshipsConnection(
    @Root() entity: EntityView,
    @Args(() => RelationshipsConnectionArgs) args: RelationshipsConnectionArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<RelationshipView>> {
    // The same loader as `relationships`: one store call per level, shared with that field.
    const hits = await loadRelationships(ctx, entity.id, args);
    return mapConnection(pageOfList(hits, args), relationshipView);
  }
}
