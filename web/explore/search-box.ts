// Search as you type, with why each hit matched (the matched words marked in each field's
// snippet). Used for the main search and for picking the path finder's other end.
import { request } from './api';
import { h, replace, status } from './dom';
import type { ExplorerSearchQuery } from './gql/graphql';
import { SearchQuery } from './operations';

type Hit = ExplorerSearchQuery['search'][number];
type Match = Hit['matches'][number];

export interface SearchBoxOptions {
  /** Unique id prefix (the box and its result list). */
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  /** Called with the hit's entity when the user opens one. */
  readonly onPick: (entity: Hit['entity']) => void;
}

const FIELD_LABELS: Record<Match['field'], string> = { NAME: 'name', ALIAS: 'alias', DESCRIPTION: 'description', NOTE: 'note' };
const DEBOUNCE_MS = 200;

/** The snippet with each highlighted word in a <mark>. */
function marked(match: Match): Array<Node | string> {
  const parts: Array<Node | string> = [];
  let at = 0;
  for (const { start, end } of match.highlights) {
    if (start > at) parts.push(match.snippet.slice(at, start));
    parts.push(h('mark', {}, match.snippet.slice(start, end)));
    at = end;
  }
  if (at < match.snippet.length) parts.push(match.snippet.slice(at));
  return parts;
}

function what(hit: Hit): string {
  if (hit.target === 'RELATIONSHIP' && hit.relationship) {
    return `relationship: ${hit.relationship.start.name} ${hit.relationship.type} ${hit.relationship.end.name}`;
  }
  if (hit.target === 'OBSERVATION' && hit.observation) {
    return `observation: ${hit.observation.value} ${hit.observation.unitLabel}${hit.observation.period ? `, ${hit.observation.period}` : ''}`;
  }
  return hit.entity.kind;
}

/** A labelled search field and its live result list. */
export function createSearchBox(options: SearchBoxOptions): HTMLElement {
  const listId = `${options.id}-results`;
  const results = h('div', { id: listId, class: 'search-results', 'aria-live': 'polite' });
  const input = h('input', {
    id: `${options.id}-input`,
    type: 'search',
    autocomplete: 'off',
    placeholder: options.placeholder,
    'aria-controls': listId,
  });
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pick = (entity: Hit['entity']): void => {
    sequence++;
    input.value = '';
    replace(results);
    options.onPick(entity);
  };

  const show = (hits: readonly Hit[]): void => {
    if (hits.length === 0) return replace(results, status('No matches.'));
    const items = hits.map((hit) =>
      h(
        'li',
        { class: 'hit' },
        h(
          'button',
          { type: 'button', class: 'hit-open', 'data-entity': hit.entity.id, onclick: () => pick(hit.entity) },
          h('span', { class: 'hit-name' }, hit.entity.name),
          ' ',
          h('span', { class: `kind kind-${hit.entity.kind}` }, what(hit)),
        ),
        h(
          'ul',
          { class: 'why', 'aria-label': `Why ${hit.entity.name} matched` },
          hit.matches.map((m) => h('li', {}, h('span', { class: 'field' }, `${FIELD_LABELS[m.field]}: `), marked(m))),
        ),
      ),
    );
    replace(results, h('ul', { class: 'hits', 'aria-label': `${hits.length} results` }, items));
  };

  const run = async (query: string, mine: number): Promise<void> => {
    try {
      const data = await request(SearchQuery, { query, first: 8 });
      if (mine === sequence) show(data.search);
    } catch (error) {
      if (mine === sequence) replace(results, status(`Search failed: ${(error as Error).message}`, 'error'));
    }
  };

  input.addEventListener('input', () => {
    const query = input.value.trim();
    const mine = ++sequence;
    clearTimeout(timer);
    if (query === '') return replace(results);
    timer = setTimeout(() => void run(query, mine), DEBOUNCE_MS);
  });
  // Down arrow from the field goes to the first result.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = results.querySelector<HTMLButtonElement>('button.hit-open');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });

  return h('div', { class: 'search-box', role: 'search' }, h('label', { for: `${options.id}-input` }, options.label), input, results);
}
