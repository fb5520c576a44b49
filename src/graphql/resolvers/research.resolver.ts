import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { BadInputError, findConnections, findNeighbourhood, type Relationship } from '../../domain';
import type { Context } from '../context';
import { dayOf } from '../dates';
import { RelationshipDirection } from '../enums';
import { ConnectionsArgs } from '../inputs/connections.args';
import { NeighbourhoodArgs } from '../inputs/neighbourhood.args';
import { Connections, Neighbourhood } from '../types/research.types';
import { entityView } from '../views';

function edgeView(r: Relationship) {
  return { id: r.id, source: r.from, target: r.to, type: r.type, validFrom: r.validFrom, validTo: r.validTo, note: r.note, sources: r.sources };
}

@Resolver()
export class ResearchResolver {
  @Query(() => Connections, {
    description:
      'How two entities are connected: the shortest paths between them (and those one hop longer), walking relationships in either direction, ranked by length and then by specificity. Every hop carries its type, direction, validity dates and sources. "How is AMLO connected to the USMCA?" is `connections(from: "amlo", to: "usmca")`.',
  })
  async connections(@Args(() => ConnectionsArgs) args: ConnectionsArgs, @Ctx() ctx: Context) {
    const [from, to] = await ctx.loaders.node.loadMany([args.from, args.to]);
    if (!from || from instanceof Error) throw new BadInputError('from', 'the id of an entity', args.from);
    if (!to || to instanceof Error) throw new BadInputError('to', 'the id of an entity', args.to);
    const result = await findConnections(ctx.store, {
      from: args.from,
      to: args.to,
      maxHops: args.maxHops,
      edgeTypes: args.edgeTypes ?? undefined,
      validAt: dayOf(args.validAt),
      first: args.first,
    });
    return {
      from,
      to,
      shortestLength: result.shortestLength,
      morePaths: result.morePaths,
      paths: result.paths.map((p) => ({
        length: p.hops.length,
        hubScore: Math.round(p.hubScore * 1000) / 1000,
        nodes: p.nodes.map(entityView),
        hops: p.hops.map((h) => ({
          from: entityView(h.from),
          to: entityView(h.to),
          relationshipId: h.relationship.id,
          type: h.relationship.type,
          direction: h.direction === 'OUT' ? RelationshipDirection.OUT : RelationshipDirection.IN,
          validFrom: h.relationship.validFrom,
          validTo: h.relationship.validTo,
          note: h.relationship.note,
          sources: h.relationship.sources,
        })),
      })),
    };
  }

  @Query(() => Neighbourhood, {
    nullable: true,
    description:
      'The entities within `depth` hops of an entity and the edges between them, shaped for graph viewers (Cytoscape.js `{ data: { id } }` / `{ data: { id, source, target } }`, vis-network `nodes`/`edges`). When `limit` cuts it, `leftOut` lists every entity whose edges were not all followed. Null for an unknown id.',
  })
  async neighbourhood(@Args(() => NeighbourhoodArgs) args: NeighbourhoodArgs, @Ctx() ctx: Context) {
    const result = await findNeighbourhood(ctx.store, {
      id: args.id,
      depth: args.depth,
      edgeTypes: args.edgeTypes ?? undefined,
      kinds: args.kinds ?? undefined,
      validAt: dayOf(args.validAt),
      limit: args.limit,
    });
    if (!result) return null;
    return {
      center: entityView(result.center),
      nodes: result.nodes.map((n) => ({ id: n.node.id, depth: n.depth, entity: entityView(n.node) })),
      edges: result.edges.map(edgeView),
      truncated: result.truncated,
      leftOut: result.leftOut.map((l) => ({ entity: entityView(l.node), omittedEdges: l.omittedEdges })),
    };
  }
}
