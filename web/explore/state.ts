// Shareable state: the URL holds the entity, the view and the path's other end, so a copied
// link (or a reload) opens the same view.

export const VIEWS = ['entity', 'graph', 'paths'] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  readonly entity: string | null;
  readonly view: View;
  /** The other end of the path finder. */
  readonly to: string | null;
}

/** Reads the state from `location.search` (`?entity=usmca&view=graph`); unknown values fall back. */
export function readState(search: string = window.location.search): ViewState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return {
    entity: params.get('entity') || null,
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'entity',
    to: params.get('to') || null,
  };
}

/** The URL of a state, relative to this page. */
export function stateUrl(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.entity) params.set('entity', state.entity);
  if (state.entity) params.set('view', state.view);
  if (state.entity && state.to) params.set('to', state.to);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}
