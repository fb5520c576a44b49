// The research explorer (/explore): search, entity, graph and path views over the public
// GraphQL API, one as-of date for all of them, the state in the URL. Plain TypeScript and
// small DOM helpers.
import './style.css';
import { request } from './api';
import { h, replace, status } from './dom';
import { renderEntity } from './entity-view';
import { renderGraph } from './graph-view';
import { DatasetQuery, EntityNameQuery } from './operations';
import { renderPaths } from './path-view';
import { renderTimeline } from './timeline-view';
import { createSearchBox } from './search-box';
import { createAsOf } from './as-of';
import { readState, stateUrl, VIEWS, type View, type ViewState } from './state';

const VIEW_LABELS: Record<View, string> = { entity: 'Entity', graph: 'Graph', paths: 'Paths', timeline: 'Timeline' };

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('views') as HTMLElement;
let state: ViewState = readState();
let renders = 0;

function navigate(next: Partial<ViewState>): void {
  state = { ...state, ...next };
  window.history.pushState(null, '', stateUrl(state));
  void render(true);
}

const open = (id: string): void => navigate({ entity: id, view: 'entity', to: null, expand: [] });

function renderNav(): void {
  if (!state.entity) return replace(nav);
  replace(
    nav,
    h(
      'ul',
      {},
      VIEWS.map((view) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: stateUrl({ ...state, view }),
              'aria-current': view === state.view ? 'page' : false,
              onclick: (event: Event) => {
                event.preventDefault();
                navigate({ view });
              },
            },
            VIEW_LABELS[view],
          ),
        ),
      ),
    ),
  );
}

function welcome(): HTMLElement {
  return h(
    'section',
    { class: 'welcome' },
    h('h2', {}, 'Start with a search'),
    h(
      'p',
      {},
      'Type a name, an acronym or a topic (Merida, T-MEC, fentanyl, remittances). Each hit says why it matched; open one to see its relationships with their citations, its neighbourhood as a graph, or the paths that join it to another entity.',
    ),
  );
}

async function render(moveFocus = false): Promise<void> {
  const mine = ++renders;
  renderNav();
  const id = state.entity;
  if (!id) return replace(main, welcome());
  replace(main, status('Loading…'));
  try {
    if (state.view === 'entity') {
      const article = await renderEntity(id, state.date, open);
      if (mine === renders) replace(main, article);
    } else if (state.view === 'graph') {
      const area = h('section', { class: 'graph', 'aria-label': 'Graph view' });
      replace(main, area);
      await renderGraph(
        area,
        id,
        state.date,
        state,
        open,
        (options) => navigate(options),
        (view) => {
          // Kept in the URL without drawing again (a reload or a shared link restores it).
          if (mine !== renders) return;
          state = { ...state, ...view };
          window.history.replaceState(null, '', stateUrl(state));
        },
      );
    } else {
      const { entity } = await request(EntityNameQuery, { id });
      if (mine !== renders) return;
      if (!entity) return replace(main, status(`No entity has the id "${id}".`, 'error'));
      if (state.view === 'paths') {
        const area = h('section', { class: 'path-finder', 'aria-label': 'Path finder' });
        replace(main, area);
        renderPaths(area, entity, state.to, state.date, open, (to) => navigate({ to }));
      } else {
        const area = h('section', { class: 'timeline-view', 'aria-labelledby': 'timeline-heading' });
        replace(main, area);
        renderTimeline(area, entity, state, state.date, open, (filters) => navigate(filters));
      }
    }
    if (moveFocus && mine === renders) main.focus();
  } catch (error) {
    if (mine === renders) replace(main, status(`Could not load: ${(error as Error).message}`, 'error'));
  }
}

let datasetVersion: string | null = null;

async function showDatasetVersion(): Promise<void> {
  const target = document.getElementById('dataset') as HTMLElement;
  try {
    const { dataset } = await request(DatasetQuery, {});
    datasetVersion = dataset.version;
    replace(target, 'Dataset version ', h('code', {}, dataset.version));
  } catch (error) {
    replace(target, `Dataset version unknown (${(error as Error).message})`);
  }
}

/** "Cite this view": the URL of the view with the dataset version, shown and copied when the browser lets us. */
function cite(): void {
  const today = new Date().toISOString().slice(0, 10);
  const text = `usmx-graph explorer, dataset version ${datasetVersion ?? 'unknown'}, ${window.location.href} (accessed ${today})`;
  replace(document.getElementById('citation') as HTMLElement, text);
  navigator.clipboard?.writeText(text).catch(() => undefined);
}

replace(
  document.getElementById('search') as HTMLElement,
  createSearchBox({ id: 'search', label: 'Search the graph', placeholder: 'e.g. Merida, USMCA, fentanyl', onPick: (entity) => open(entity.id) }),
);
const asOf = createAsOf(state.date, (date) => navigate({ date }));
replace(document.getElementById('as-of') as HTMLElement, asOf.element);
(document.getElementById('cite') as HTMLButtonElement).addEventListener('click', cite);
window.addEventListener('popstate', () => {
  state = readState();
  asOf.show(state.date);
  void render();
});
void render();
void showDatasetVersion();
