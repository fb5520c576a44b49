import type { EdgeType, NodeKind, RelationshipHit } from '../../domain';
import type { Context } from '../context';
import { dayOf } from '../dates';
import type { RelationshipDirection } from '../enums';
import { entityView, type EntityView } from '../views';

/**
 * The entities at the other end of one node's edges of one type and direction, through the
 * request's relationship loader (so sibling fields and list items share one store call).
 * An entity reached by several edges (e.g. for several periods) appears once.
 */
export async function related(
  ctx: Context,
  nodeId: string,
  type: EdgeType,
  direction: 'OUT' | 'IN',
  kinds: readonly NodeKind[] = [],
  validAt?: string,
): Promise<EntityView[]> {
  const rels = await ctx.loaders.relationships.load({ nodeId, direction, types: [type], kinds, validAt });
  // most entities have none or one such edge: no set to build
  if (rels.length === 0) return [];
  if (rels.length === 1) return [entityView(rels[0].other)];
  const seen = new Set<string>();
  const nodes: EntityView[] = [];
  for (const r of rels) {
    if (!seen.has(r.other.id)) {
      seen.add(r.other.id);
      nodes.push(entityView(r.other));
    }
  }
  return nodes;
}

/** The criteria of an entity's `relationships` and `relationshipsConnection` fields. */
export interface RelationshipCriteria {
  readonly types?: readonly EdgeType[] | null;
  readonly direction: RelationshipDirection;
  readonly kinds?: readonly NodeKind[] | null;
  readonly validAt?: string | null;
}

/** One entity's edges matching `criteria`, through the request's loader (one store call per level). */
export function loadRelationships(ctx: Context, entityId: string, criteria: RelationshipCriteria): Promise<RelationshipHit[]> {
  return ctx.loaders.relationships.load({
    nodeId: entityId,
    direction: criteria.direction,
    types: criteria.types ?? [],
    kinds: criteria.kinds ?? [],
    validAt: dayOf(criteria.validAt),
  });
}
