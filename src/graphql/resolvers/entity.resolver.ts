import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HistoryEntry as HistoryRecord } from '../../domain';
import type { Context } from '../context';
import { HistoryEntry } from '../types/history.type';
import { RelationshipsArgs } from '../inputs/relationships.args';
import { Entity, Relationship } from '../types/entity.interface';
import { loadRelationships } from './related';
import { relationshipView, type EntityView, type RelationshipView } from '../views';

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => [Relationship], {
    description:
      'Every edge touching this entity, filtered by type, direction and the kind at the other end; each with its validity dates, note, sources and the entity at the other end.',
  })
  async relationships(@Root() entity: EntityView, @Args(() => RelationshipsArgs) args: RelationshipsArgs, @Ctx() ctx: Context): Promise<RelationshipView[]> {
    const hits = await loadRelationships(ctx, entity.id, args);
    return hits.map(relationshipView);
  }

  @FieldResolver(() => [HistoryEntry], {
    description:
      "This entity's history: the curated changes that touched it, oldest first (who, when, citing what, which fields); empty when no curator has changed it. The seeds themselves are versioned in git.",
  })
  history(@Root() entity: EntityView, @Ctx() ctx: Context): Promise<HistoryRecord[]> {
    return ctx.loaders.history.load({ kind: 'ENTITY', id: entity.id });
  }
}
