// Shareable state: the URL holds the entity, the view, the path's other end, the as-of date,
// the timeline's filters and the graph's depth, kinds, expanded nodes and hidden edge types, so a
// copied link (or a reload) opens the same view.

export const VIEWS = ['entity', 'graph', 'paths', 'timeline'] as const;
/** The kinds a timeline holds. */
export const TIMELINE_KINDS = ['Event', 'Agreement', 'Policy', 'Dialogue'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type View = (typeof VIEWS)[number];

export interface ViewState {
  readonly entity: string | null;
  readonly view: View;
  /** The other end of the path finder. */
  readonly to: string | null;
  /** As-of date (`validAt`) for every view: `2019`, `2019-06` or `2019-06-30`. */
  readonly date: string | null;
  /** The timeline's date range and kinds (none: all four). */
  readonly from: string | null;
  readonly until: string | null;
  readonly kinds: readonly TimelineKind[];
  /** The graph's depth (1 or 2) and the kinds it shows (none: all). */
  readonly depth: 1 | 2;
  readonly show: readonly NodeKindName[];
  /** The graph's nodes expanded by a click (besides the centre), in the order they were. */
  readonly expand: readonly string[];
  /** The graph's hidden edge types (`MEASURES`). */
  readonly hide: readonly string[];
}

export const NODE_KINDS = ['Actor', 'Agreement', 'Dialogue', 'Event', 'Metric', 'Policy', 'Source', 'Topic'] as const;
export type NodeKindName = (typeof NODE_KINDS)[number];

/** A partial date as the API takes it. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Entity ids and edge types as the URL may carry them (anything else is dropped). */
const TOKEN = /^[A-Za-z0-9_.:-]{1,200}$/;

function list(value: string | null): string[] {
  return [...new Set((value ?? '').split(',').filter((t) => TOKEN.test(t)))];
}

function partialDate(value: string | null): string | null {
  return value !== null && PARTIAL_DATE.test(value) ? value : null;
}

/** Reads the state from `location.search` (`?entity=usmca&view=graph`); unknown values fall back. */
export function readState(search: string = window.location.search): ViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return {
    entity: params.get('entity') || null,
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'entity',
    to: params.get('to') || null,
    date: partialDate(params.get('date')),
    from: partialDate(params.get('from')),
    until: partialDate(params.get('until')),
    kinds: (params.get('kinds') ?? '').split(',').filter((k): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k)),
    depth: params.get('depth') === '2' ? 2 : 1,
    show: (params.get('show') ?? '').split(',').filter((k): k is NodeKindName => (NODE_KINDS as readonly string[]).includes(k)),
    expand: list(params.get('expand')),
    hide: list(params.get('hide')),
  };
}

/** The URL of a state, relative to this page. */
export function stateUrl(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.entity) params.set('entity', state.entity);
  if (state.entity) params.set('view', state.view);
  if (state.entity && state.to) params.set('to', state.to);
  if (state.date) params.set('date', state.date);
  if (state.entity && state.view === 'timeline') {
    if (state.from) params.set('from', state.from);
    if (state.until) params.set('until', state.until);
    if (state.kinds.length) params.set('kinds', state.kinds.join(','));
  }
  if (state.entity && state.view === 'graph') {
    if (state.depth !== 1) params.set('depth', String(state.depth));
    if (state.show.length) params.set('show', state.show.join(','));
    if (state.expand.length) params.set('expand', state.expand.join(','));
    if (state.hide.length) params.set('hide', state.hide.join(','));
  }
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}
