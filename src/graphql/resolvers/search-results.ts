import { BadInputError } from '../../domain';
import type { Context } from '../context';
import type { SearchArgs } from '../inputs/search.args';
import { entityView, observationView, relationshipView } from '../views';

/** `Query.search`: the store's ranked hits as SearchResult objects (see search-result.type.ts). */
export async function searchResults(args: SearchArgs, ctx: Context) {
  const text = args.query.trim();
  if (text === '') throw new BadInputError('query', 'at least one word', args.query);
  const hits = await ctx.store.search({ text, kinds: args.kinds ?? [], targets: args.targets ?? [], limit: args.first });
  return hits.map((h) => ({
    target: h.target,
    score: h.score,
    matches: h.matches,
    entity: entityView(h.node),
    relationship: h.relationship && h.other ? relationshipView({ relationship: h.relationship, direction: 'OUT', other: h.other }) : null,
    observation: h.observation ? observationView(h.observation) : null,
  }));
}
