import { BadInputError, type NodeKind } from '../../domain';
import type { Context } from '../context';

/**
 * Checks that every id given in an argument names an entity (of `kind`, when given), through
 * the request's node loader, so several checks of one request share one store call.
 */
export async function checkIds(ctx: Context, argument: string, ids: readonly string[], kind?: NodeKind): Promise<void> {
  const found = await ctx.loaders.node.loadMany(ids);
  found.forEach((node, i) => {
    if (node === null || node instanceof Error || (kind && node.kind !== kind)) {
      throw new BadInputError(argument, kind ? `the id of ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}` : 'the id of an entity', ids[i]);
    }
  });
}
