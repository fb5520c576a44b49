// Shareable state: the URL holds the entity, the view, the path's other end and the as-of
// date, so a copied link (or a reload) opens the same view.

export const VIEWS = ['entity', 'graph', 'paths'] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  readonly entity: string | null;
  readonly view: View;
  /** The other end of the path finder. */
  readonly to: string | null;
  /** As-of date (`validAt`) for every view: `2019`, `2019-06` or `2019-06-30`. */
  readonly date: string | null;
}

/** A partial date as the API takes it. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Reads the state from `location.search` (`?entity=usmca&view=graph`); unknown values fall back. */
export function readState(search: string = window.location.search): ViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return {
    entity: params.get('entity') || null,
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'entity',
    to: params.get('to') || null,
    date: PARTIAL_DATE.test(params.get('date') ?? '') ? params.get('date') : null,
  };
}

/** The URL of a state, relative to this page. */
export function stateUrl(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.entity) params.set('entity', state.entity);
  if (state.entity) params.set('view', state.view);
  if (state.entity && state.to) params.set('to', state.to);
  if (state.date) params.set('date', state.date);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}
