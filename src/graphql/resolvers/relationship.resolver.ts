import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HistoryEntry as HistoryRecord } from '../../domain';
import type { Context } from '../context';
import { HistoryEntry } from '../types/history.type';
import { Entity, Relationship } from '../types/entity.interface';
import type { EntityView } from '../views';

/** Both ends of an edge, however it was reached; one node-loader batch per level. */
@Resolver(() => Relationship)
export class RelationshipResolver {
  @FieldResolver(() => Entity, { description: 'The entity at the other end of the edge.' })
  node(@Root() r: { node: EntityView | null; to: string }, @Ctx() ctx: Context): EntityView | Promise<EntityView> {
    // Read from an entity, the other end came with the edge; read graph-wide (graph-views.ts), it is the end, loaded when selected.
    return r.node ?? this.end(r, ctx);
  }

  @FieldResolver(() => Entity, { description: 'The entity the edge starts at (`from`).' })
  async start(@Root() r: { from: string }, @Ctx() ctx: Context): Promise<EntityView> {
    // Reads never return an edge with a retired end, so the end exists.
    return (await ctx.loaders.node.load(r.from))!;
  }

  @FieldResolver(() => Entity, { description: 'The entity the edge ends at (`to`).' })
  async end(@Root() r: { to: string }, @Ctx() ctx: Context): Promise<EntityView> {
    return (await ctx.loaders.node.load(r.to))!;
  }

  @FieldResolver(() => [HistoryEntry], {
    description:
      "This relationship's history: the curated changes that touched it, oldest first (who, when, citing what, which fields); empty when no curator has changed it. The seeds themselves are versioned in git.",
  })
  history(@Root() r: { id: string }, @Ctx() ctx: Context): Promise<HistoryRecord[]> {
    return ctx.loaders.history.load({ kind: 'RELATIONSHIP', id: r.id });
  }
}
