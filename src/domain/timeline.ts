import { overlaps, parsePartialDate, type PartialDate } from './dates';
import { EDGE_RULES, EdgeType } from './edge-types';
import { DateRole, NodeKind } from './kinds';
import type { GraphNode } from './model';
import { sortKey } from './text';

/**
 * A chronology across kinds: each dated fact about an event, agreement, policy or dialogue
 * becomes one entry. Pure, so both stores feed it the same nodes and get the same order.
 */

/** What an entry marks. Entries of one day follow this declaration order. */
export enum TimelineRole {
  HAPPENED = 'HAPPENED',
  SIGNED = 'SIGNED',
  IN_FORCE = 'IN_FORCE',
  ENDED = 'ENDED',
  ESTABLISHED = 'ESTABLISHED',
  LAUNCHED = 'LAUNCHED',
  REPLACED = 'REPLACED',
}

const ROLE_ORDER: readonly TimelineRole[] = Object.values(TimelineRole);

/** The kinds a timeline holds and which of their dates become which entries. */
export const TIMELINE_DATES: Readonly<Partial<Record<NodeKind, ReadonlyArray<readonly [DateRole, TimelineRole]>>>> = {
  [NodeKind.Event]: [[DateRole.date, TimelineRole.HAPPENED]],
  [NodeKind.Agreement]: [
    [DateRole.signed, TimelineRole.SIGNED],
    [DateRole.inForce, TimelineRole.IN_FORCE],
    [DateRole.ended, TimelineRole.ENDED],
  ],
  [NodeKind.Policy]: [
    [DateRole.established, TimelineRole.ESTABLISHED],
    [DateRole.launched, TimelineRole.LAUNCHED],
    [DateRole.ended, TimelineRole.ENDED],
  ],
  [NodeKind.Dialogue]: [
    [DateRole.established, TimelineRole.ESTABLISHED],
    [DateRole.launched, TimelineRole.LAUNCHED],
    [DateRole.ended, TimelineRole.ENDED],
  ],
};

export const TIMELINE_KINDS: readonly NodeKind[] = [NodeKind.Event, NodeKind.Agreement, NodeKind.Policy, NodeKind.Dialogue];

/** Kinds a REPLACES edge can reach: their entries include REPLACED, dated by the edge's validFrom. */
export const REPLACEABLE_KINDS: readonly NodeKind[] = EDGE_RULES[EdgeType.REPLACES].to;

/** A REPLACES edge seen from the node it replaces. */
export interface Replacement<N extends GraphNode = GraphNode> {
  readonly by: N;
  readonly validFrom: string | null;
}

export interface TimelineEntry<N extends GraphNode = GraphNode> {
  readonly date: PartialDate;
  readonly role: TimelineRole;
  readonly node: N;
  /** For REPLACED: the entity that took over. */
  readonly replacedBy: N | null;
}

/** The entries of one node: its own dates, and one REPLACED per dated replacement. */
export function timelineEntries<N extends GraphNode>(node: N, replacements: readonly Replacement<N>[] = []): TimelineEntry<N>[] {
  const entries: TimelineEntry<N>[] = [];
  for (const [dateRole, role] of TIMELINE_DATES[node.kind] ?? []) {
    const text = node.dates[dateRole];
    if (text !== undefined) entries.push({ date: parsePartialDate(text)!, role, node, replacedBy: null });
  }
  if (REPLACEABLE_KINDS.includes(node.kind)) {
    for (const r of replacements) {
      if (r.validFrom) entries.push({ date: parsePartialDate(r.validFrom)!, role: TimelineRole.REPLACED, node, replacedBy: r.by });
    }
  }
  return entries;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By first day, then role, then folded entity name; ids and the last day break remaining ties. */
export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  return (
    cmp(a.date.start, b.date.start) ||
    ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
    cmp(sortKey(a.node.name), sortKey(b.node.name)) ||
    cmp(a.node.id, b.node.id) ||
    cmp(a.replacedBy?.id ?? '', b.replacedBy?.id ?? '') ||
    cmp(a.date.end, b.date.end)
  );
}

/**
 * The ordered entries of `nodes` whose own date overlaps [from, to] (inclusive ISO days; null is
 * open). `replacements` holds each node's incoming REPLACES edges, by node id.
 */
export function buildTimeline<N extends GraphNode>(
  nodes: readonly N[],
  replacements: ReadonlyMap<string, readonly Replacement<N>[]>,
  from: string | null = null,
  to: string | null = null,
): TimelineEntry<N>[] {
  return nodes
    .flatMap((n) => timelineEntries(n, replacements.get(n.id) ?? []))
    .filter((e) => overlaps(e.date.start, e.date.end, from, to))
    .sort(compareTimelineEntries);
}
