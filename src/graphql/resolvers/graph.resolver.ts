import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { BadInputError, EdgeType } from '../../domain';
import type { Context } from '../context';
import { dayOf } from '../dates';
import { edgeView, type EdgeView } from '../graph-views';
import { RelationshipListArgs } from '../inputs/relationship-list.args';
import { fetchPage } from '../pagination';
import type { ConnectionShape } from '../types/connection.type';
import { Node } from '../types/node.interface';
import { RelationshipConnection } from '../types/relationship-connection.type';
import { observationView, relationshipView, type RelationshipView } from '../views';

const EDGE_TYPES: ReadonlySet<string> = new Set(Object.values(EdgeType));

/**
 * A relationship by id (`from:TYPE:to`, `@validFrom` when dated): among the OUT edges of that
 * type of its start, through the relationship loader. Null when no live edge has that id.
 */
async function relationshipById(id: string, ctx: Context): Promise<RelationshipView | null> {
  const [from, type] = id.split(':');
  if (!from || !EDGE_TYPES.has(type)) return null;
  const hits = await ctx.loaders.relationships.load({ nodeId: from, direction: 'OUT', types: [type as EdgeType], kinds: [] });
  const hit = hits.find((h) => h.relationship.id === id);
  return hit ? relationshipView(hit) : null;
}

/** An observation by id (`metric@period`, `[key=value]` dimensions): among its metric's observations. */
async function observationById(id: string, ctx: Context): Promise<Record<string, unknown> | null> {
  const metricId = id.slice(0, id.indexOf('@'));
  const observations = await ctx.loaders.observations.load({ metricId });
  const found = observations.find((o) => o.id === id);
  return found ? observationView(found) : null;
}

@Resolver()
export class GraphResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Anything by its id (Relay): an entity (`usmca`), a relationship (`mexico:PARTY_TO:usmca`, read from its start) or an observation (`us-mexico-goods-trade@2021`); null when nothing live has that id.',
  })
  node(@Arg('id', () => ID, { description: 'An `id` read from any entity, relationship or observation.' }) id: string, @Ctx() ctx: Context): Promise<unknown> {
    const colon = id.indexOf(':');
    const at = id.indexOf('@');
    // Entity ids hold neither ':' nor '@'; a relationship id starts `from:TYPE:`, and an
    // observation id has '@' before any ':' (a dated relationship has '@' after its colons).
    if (colon > 0 && (at < 0 || colon < at)) return relationshipById(id, ctx);
    if (at > 0) return observationById(id, ctx);
    return ctx.loaders.node.load(id);
  }

  @Query(() => RelationshipConnection, {
    description:
      'Relationships of the whole graph, filtered by type, start (`from`), end (`to`), the kinds at their ends and date, ordered by type then id (`from:TYPE:to`, so by start, then end), paged with `first`/`after` or `last`/`before`. Each is read from its start.',
  })
  async relationships(@Args(() => RelationshipListArgs) args: RelationshipListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<EdgeView>> {
    const f = args.filter ?? {};
    // The ends named by the filter must exist: checked in the same level as the list (one loader batch).
    const ends = Promise.all([f.from ? ctx.loaders.node.load(f.from) : null, f.to ? ctx.loaders.node.load(f.to) : null]);
    const query = {
      types: f.types ?? [],
      kinds: f.kinds ?? [],
      from: f.from ?? undefined,
      to: f.to ?? undefined,
      validAt: dayOf(f.validAt),
    };
    const page = fetchPage(args, async (offset, limit) => {
      const found = await ctx.store.findRelationships({ ...query, offset, limit });
      return { items: found.relationships.map(edgeView), totalCount: found.totalCount };
    });
    const [[start, end], connection] = await Promise.all([ends, page]);
    if (f.from && !start) throw new BadInputError('filter.from', 'the id of an entity', f.from);
    if (f.to && !end) throw new BadInputError('filter.to', 'the id of an entity', f.to);
    return connection;
  }
}
