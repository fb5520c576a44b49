import type { EdgeType, NodeKind } from '../../domain';
import type { Context } from '../context';
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
