import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { BadInputError, NODE_KINDS, NodeKind, SUBTYPES, parsePartialDate, type NodeFilter } from '../../domain';
import type { Context } from '../context';
import { dayOf } from '../dates';
import { EntitiesArgs, TypedListArgs } from '../inputs/list.args';
import type { EntityFilter } from '../inputs/entity-filter.input';
import { SearchArgs } from '../inputs/search.args';
import { fetchPage } from '../pagination';
import {
  ActorConnection,
  AgreementConnection,
  DialogueConnection,
  EntityConnection,
  EventConnection,
  MetricConnection,
  PolicyConnection,
  SourceConnection,
  TopicConnection,
} from '../types/connections';
import { DatasetInfo } from '../types/dataset.type';
import { Entity } from '../types/entity.interface';
import { SearchResult } from '../types/search-result.type';
import { searchResults } from './search-results';
import { entityView, type EntityView } from '../views';

/** The store filter for a list's `filter` argument, after the checks that need no store. */
function toNodeFilter(kinds: readonly NodeKind[], filter: EntityFilter | null | undefined): NodeFilter | undefined {
  if (!filter) return undefined;
  if (filter.types?.length) {
    const allowed = [...new Set((kinds.length ? kinds : NODE_KINDS).flatMap((k) => SUBTYPES[k] ?? []))];
    const bad = filter.types.find((t) => !allowed.includes(t));
    if (bad !== undefined) throw new BadInputError('filter.types', `one of ${allowed.join(', ')}`, bad);
  }
  const from = filter.from ? parsePartialDate(filter.from)!.start : undefined;
  const to = filter.to ? parsePartialDate(filter.to)!.end : undefined;
  if (from && to && to < from) throw new BadInputError('filter.to', `a date on or after filter.from (${filter.from})`, filter.to);
  return {
    addresses: filter.addresses ?? undefined,
    relatedTo: filter.relatedTo ?? undefined,
    types: filter.types ?? undefined,
    from,
    to,
    validAt: dayOf(filter.validAt),
  };
}

/**
 * One page of a list. The filter's ids (`addresses` must name topics, `relatedTo` entities) are
 * checked by the list query itself, which reports those that name nothing: a wrong id fails the
 * list all the same, and a right one costs no store call of its own.
 */
async function list(ctx: Context, kinds: readonly NodeKind[], args: TypedListArgs) {
  const filter = toNodeFilter(kinds, args.filter);
  return fetchPage(args, async (offset, limit) => {
    const page = await ctx.store.findNodes({ kinds, filter, offset, limit });
    const [badTopic] = page.unknownIds.addresses;
    if (badTopic !== undefined) throw new BadInputError('filter.addresses', `the id of a ${NodeKind.Topic}`, badTopic);
    const [badEntity] = page.unknownIds.relatedTo;
    if (badEntity !== undefined) throw new BadInputError('filter.relatedTo', 'the id of an entity', badEntity);
    return { items: page.nodes.map(entityView), totalCount: page.totalCount };
  });
}

@Resolver()
export class QueryResolver {
  @Query(() => Entity, { nullable: true, description: 'One entity by id, of any kind; null when no entity has that id.' })
  entity(@Arg('id', () => ID, { description: 'The entity id, e.g. `usmca`.' }) id: string, @Ctx() ctx: Context): Promise<EntityView | null> {
    return ctx.loaders.node.load(id);
  }

  @Query(() => EntityConnection, { description: 'Entities of any kind, ordered by name, filtered and paged.' })
  entities(@Args(() => EntitiesArgs) args: EntitiesArgs, @Ctx() ctx: Context) {
    return list(ctx, args.kinds ?? [], args);
  }

  @Query(() => ActorConnection, { description: 'Countries, people, bodies, organizations, parties, networks, regions and states.' })
  actors(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Actor], args);
  }

  @Query(() => PolicyConnection, { description: 'Programs, initiatives, strategies, frameworks, reforms, laws, plans, projects, provisions and goals.' })
  policies(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Policy], args);
  }

  @Query(() => AgreementConnection, { description: 'Agreements between governments (NAFTA, the USMCA …).' })
  agreements(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Agreement], args);
  }

  @Query(() => DialogueConnection, {
    description: 'Standing bilateral and trilateral dialogues (HLSD, HLED, NALS …). Try `filter: { addresses: "fentanyl" }`.',
  })
  dialogues(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Dialogue], args);
  }

  @Query(() => EventConnection, { description: 'Dated events: elections, summits, visits, arrests, signings, entries into force …' })
  events(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Event], args);
  }

  @Query(() => TopicConnection, { description: 'Topics, arranged by BROADER edges into a hierarchy.' })
  topics(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Topic], args);
  }

  @Query(() => MetricConnection, { description: 'Indicators with observations over time.' })
  metrics(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Metric], args);
  }

  @Query(() => SourceConnection, { description: 'Publications the briefing deck credits, and the deck itself.' })
  sources(@Args(() => TypedListArgs) args: TypedListArgs, @Ctx() ctx: Context) {
    return list(ctx, [NodeKind.Source], args);
  }

  @Query(() => [SearchResult], {
    description:
      'Full-text search over entity names, aliases (English and Spanish) and descriptions, and over relationship and observation notes. Accents and case are ignored, small typos tolerated; distinctive words weigh more than common ones, names more than descriptions, descriptions more than notes. Best match first; each hit says which fields matched.',
  })
  search(@Args(() => SearchArgs) args: SearchArgs, @Ctx() ctx: Context) {
    return searchResults(args, ctx);
  }

  @Query(() => DatasetInfo, { description: 'The dataset being served: its version (cite it) and its size.' })
  async dataset(@Ctx() ctx: Context) {
    const [version, stats] = await Promise.all([ctx.store.getDatasetVersion(), ctx.store.getStats()]);
    return {
      version,
      nodes: NODE_KINDS.map((kind) => ({ kind, count: stats.nodesByKind[kind] ?? 0 })),
      relationships: stats.relationships,
      observations: stats.observations,
    };
  }
}
