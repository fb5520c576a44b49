// The timeline: dated facts (events, signings, entries into force, launches, replacements …)
// around the open entity when it is an actor or a topic, filtered by kind and date range.
import { request } from './api';
import { citation, h, replace, status } from './dom';
import { entityLink, type Open } from './entity-view';
import type { ExplorerTimelineQuery, NodeKind, TimelineRole } from './gql/graphql';
import { TimelineQuery } from './operations';
import { PARTIAL_DATE, TIMELINE_KINDS, type TimelineKind } from './state';

type Entry = NonNullable<ExplorerTimelineQuery['timeline']>['entries'][number];

export interface TimelineFilters {
  readonly from: string | null;
  readonly until: string | null;
  readonly kinds: readonly TimelineKind[];
}

const ROLE_LABELS: Record<TimelineRole, string> = {
  HAPPENED: 'happened',
  SIGNED: 'signed',
  IN_FORCE: 'entered into force',
  ESTABLISHED: 'established',
  LAUNCHED: 'launched',
  REPLACED: 'replaced',
  ENDED: 'ended',
};

function entryRow(entry: Entry, open: Open): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, entry.date),
    h('td', {}, entityLink(entry.entity, open), h('span', { class: `kind kind-${entry.entity.kind}` }, entry.entity.kind)),
    h('td', {}, ROLE_LABELS[entry.role], entry.replacedBy ? [' by ', entityLink(entry.replacedBy, open)] : null),
    h('td', {}, entry.entity.sources.map(citation).join('; ')),
  );
}

function form(filters: TimelineFilters, apply: (filters: TimelineFilters) => void): HTMLElement {
  const from = h('input', { id: 'timeline-from', type: 'text', size: 10, placeholder: 'YYYY[-MM[-DD]]', value: filters.from ?? '' });
  const until = h('input', { id: 'timeline-until', type: 'text', size: 10, placeholder: 'YYYY[-MM[-DD]]', value: filters.until ?? '' });
  const boxes = TIMELINE_KINDS.map((kind) => h('input', { type: 'checkbox', id: `timeline-kind-${kind}`, value: kind, checked: filters.kinds.includes(kind) }));
  const error = h('span', { class: 'status-error', 'aria-live': 'polite' });
  return h(
    'form',
    {
      class: 'timeline-filters',
      'aria-label': 'Timeline filters',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const bad = [from, until].find((input) => input.value.trim() !== '' && !PARTIAL_DATE.test(input.value.trim()));
        if (bad) return replace(error, `Expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got "${bad.value.trim()}".`);
        apply({
          from: from.value.trim() || null,
          until: until.value.trim() || null,
          kinds: boxes.filter((b) => b.checked).map((b) => b.value as TimelineKind),
        });
      },
    },
    h('label', { for: 'timeline-from' }, 'From'),
    from,
    h('label', { for: 'timeline-until' }, 'To'),
    until,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Kinds'),
      TIMELINE_KINDS.map((kind, i) => h('span', { class: 'check' }, boxes[i], h('label', { for: `timeline-kind-${kind}` }, kind))),
    ),
    h('button', { type: 'submit' }, 'Filter'),
    error,
  );
}

/** The earlier of two partial dates (ISO strings order by their first day); null when both are. */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

/**
 * The timeline around `entity` (as actor or topic filter when it is one) with `filters`; `apply`
 * records new filters. As of a date (`asOf`), it shows what had happened by then: the range ends
 * there at the latest.
 */
export function renderTimeline(
  target: HTMLElement,
  entity: { id: string; name: string; kind: NodeKind },
  filters: TimelineFilters,
  asOf: string | null,
  open: Open,
  apply: (filters: TimelineFilters) => void,
): void {
  const answer = h('div', { class: 'timeline-answer', 'aria-live': 'polite' }, status('Loading the timeline…'));
  const scope =
    entity.kind === 'Actor'
      ? `Dated facts about entities related to ${entity.name}`
      : entity.kind === 'Topic'
        ? `Dated facts about ${entity.name} (narrower topics included)`
        : `Dated facts of the whole graph (a timeline filters by an actor or a topic; ${entity.name} is neither)`;
  const until = asOf ? ` up to ${asOf} (as of)` : '';
  replace(target, h('h2', { id: 'timeline-heading' }, 'Timeline'), h('p', {}, scope + until), form(filters, apply), answer);
  const variables = {
    actors: entity.kind === 'Actor' ? [entity.id] : null,
    topics: entity.kind === 'Topic' ? [entity.id] : null,
    kinds: filters.kinds.length ? [...filters.kinds] : null,
    from: filters.from,
    to: earlier(filters.until, asOf),
  };
  request(TimelineQuery, variables).then(
    ({ timeline }) => {
      if (!timeline || timeline.entries.length === 0) return replace(answer, status('No dated facts match.'));
      replace(
        answer,
        h('p', {}, timeline.truncated ? `The first ${timeline.entries.length} of ${timeline.totalCount} dated facts.` : `${timeline.totalCount} dated facts.`),
        h(
          'table',
          { class: 'timeline', 'aria-labelledby': 'timeline-heading' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Date', 'Entity', 'What', 'Source'].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            {},
            timeline.entries.map((entry) => entryRow(entry, open)),
          ),
        ),
      );
    },
    (error: Error) => replace(answer, status(`The timeline failed: ${error.message}`, 'error')),
  );
}
