import { Args, Ctx, Query, Resolver } from 'type-graphql';
import {
  BadInputError,
  DomainError,
  EdgeType,
  ErrorCode,
  NodeKind,
  REPLACEABLE_KINDS,
  TIMELINE_KINDS,
  buildTimeline,
  parsePartialDate,
  type NodeFilter,
  type NodeQuery,
  type Replacement,
  type TimelineRole,
} from '../../domain';
import type { Context } from '../context';
import { DatePrecision } from '../enums';
import { TimelineArgs } from '../inputs/timeline.args';
import { Timeline } from '../types/timeline.type';
import { entityView, type EntityView } from '../views';
import { checkIds } from './check-ids';

/** The most entities one timeline reads per store call; beyond it the filters must narrow. */
export const MAX_TIMELINE_CANDIDATES = 10_000;

interface TimelineShape {
  entries: Array<{ date: string; precision: DatePrecision; role: TimelineRole; entity: EntityView; replacedBy: EntityView | null }>;
  totalCount: number;
  truncated: boolean;
}

function timelineKinds(kinds: readonly NodeKind[] | null | undefined): NodeKind[] {
  if (!kinds?.length) return [...TIMELINE_KINDS];
  const bad = kinds.find((k) => !TIMELINE_KINDS.includes(k));
  if (bad !== undefined) throw new BadInputError('kinds', `kinds a timeline holds (${TIMELINE_KINDS.join(', ')})`, bad);
  return TIMELINE_KINDS.filter((k) => kinds.includes(k));
}

/**
 * The entities whose entries may fall in [from, to]: one findNodes per group of kinds. Only
 * kinds that cannot be replaced are narrowed by date in the store; a policy established in 2007
 * may still have been replaced in 2021, so replaceable kinds are filtered entry by entry.
 */
async function candidates(ctx: Context, kinds: readonly NodeKind[], filter: NodeFilter, from?: string, to?: string): Promise<EntityView[]> {
  const dated = kinds.filter((k) => !REPLACEABLE_KINDS.includes(k));
  const replaceable = kinds.filter((k) => REPLACEABLE_KINDS.includes(k));
  const queries: NodeQuery[] = [];
  if (dated.length > 0) queries.push({ kinds: dated, filter: { ...filter, from, to }, offset: 0, limit: MAX_TIMELINE_CANDIDATES });
  if (replaceable.length > 0) queries.push({ kinds: replaceable, filter, offset: 0, limit: MAX_TIMELINE_CANDIDATES });
  const pages = await Promise.all(queries.map((q) => ctx.store.findNodes(q)));
  const partial = pages.find((p) => p.totalCount > p.nodes.length);
  if (partial) {
    throw new DomainError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `timeline: expected filters matching at most ${MAX_TIMELINE_CANDIDATES} entities of one kind group, received ${partial.totalCount}; narrow it with kinds, topics or actors`,
    );
  }
  return pages.flatMap((p) => p.nodes.map(entityView));
}

/** Incoming REPLACES edges of every replaceable candidate, in one batch through the loader. */
async function replacements(ctx: Context, nodes: readonly EntityView[]): Promise<Map<string, Replacement<EntityView>[]>> {
  const replaceable = nodes.filter((n) => REPLACEABLE_KINDS.includes(n.kind));
  const lists = await Promise.all(
    replaceable.map((n) => ctx.loaders.relationships.load({ nodeId: n.id, direction: 'IN', types: [EdgeType.REPLACES], kinds: [] })),
  );
  return new Map(replaceable.map((n, i) => [n.id, lists[i].map((r) => ({ by: entityView(r.other), validFrom: r.relationship.validFrom }))]));
}

@Resolver()
export class TimelineResolver {
  @Query(() => Timeline, {
    nullable: true,
    description:
      'A chronology across kinds: events that happened, agreements signed, in force and ended, policies and dialogues established, launched, ended and replaced. Earliest first; filter by date range, kinds, topics (narrower ones included) and related actors.',
  })
  async timeline(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: Context): Promise<TimelineShape> {
    const kinds = timelineKinds(args.kinds);
    const from = args.from ? parsePartialDate(args.from)!.start : undefined;
    const to = args.to ? parsePartialDate(args.to)!.end : undefined;
    if (from && to && to < from) throw new BadInputError('to', `a date on or after from (${args.from})`, args.to);
    await Promise.all([
      args.topics?.length ? checkIds(ctx, 'topics', args.topics, NodeKind.Topic) : undefined,
      args.actors?.length ? checkIds(ctx, 'actors', args.actors, NodeKind.Actor) : undefined,
    ]);
    const filter: NodeFilter = {
      addresses: args.topics?.length ? args.topics : undefined,
      relatedTo: args.actors?.length ? args.actors : undefined,
    };
    const nodes = await candidates(ctx, kinds, filter, from, to);
    const entries = buildTimeline(nodes, await replacements(ctx, nodes), from ?? null, to ?? null);
    return {
      entries: entries.slice(0, args.first).map((e) => ({
        date: e.date.text,
        precision: e.date.precision,
        role: e.role,
        entity: e.node,
        replacedBy: e.replacedBy,
      })),
      totalCount: entries.length,
      truncated: entries.length > args.first,
    };
  }
}
