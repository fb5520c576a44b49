// The path finder: how the open entity connects to another, the ranked paths, each hop with its
// note, validity and citation.
import { request } from './api';
import { citation, h, replace, status, validity } from './dom';
import { entityLink, type Open } from './entity-view';
import type { ExplorerConnectionsQuery } from './gql/graphql';
import { ConnectionsQuery } from './operations';
import { createSearchBox } from './search-box';

type Connections = ExplorerConnectionsQuery['connections'];
type Hop = Connections['paths'][number]['hops'][number];

function hopLine(hop: Hop, open: Open): HTMLElement {
  const when = validity(hop.validFrom, hop.validTo);
  // The edge as stored reads start TYPE end; an IN hop walks it backwards.
  const [start, end] = hop.direction === 'OUT' ? [hop.from, hop.to] : [hop.to, hop.from];
  return h(
    'li',
    { class: 'hop' },
    entityLink(start, open),
    h('span', { class: 'edge-type' }, ` ${hop.type} `),
    entityLink(end, open),
    hop.note ? h('span', { class: 'note' }, ` — ${hop.note}`) : null,
    when ? h('span', { class: 'when' }, ` (${when})`) : null,
    h('span', { class: 'cite' }, hop.sources.length ? `Source: ${hop.sources.map(citation).join('; ')}` : 'No citation'),
  );
}

function paths(c: Connections, validAt: string | null, open: Open): HTMLElement {
  if (c.paths.length === 0) {
    return status(`No path of at most 4 hops joins ${c.from.name} and ${c.to.name}${validAt ? ` as of ${validAt} (either may not have existed then)` : ''}.`);
  }
  return h(
    'section',
    { class: 'paths', 'aria-labelledby': 'paths-heading' },
    h('h3', { id: 'paths-heading' }, `Paths from ${c.from.name} to ${c.to.name}`),
    h(
      'ol',
      {},
      c.paths.map((p, i) =>
        h(
          'li',
          { class: 'path' },
          h('h4', {}, `Path ${i + 1}: ${p.length} ${p.length === 1 ? 'hop' : 'hops'}`),
          h(
            'ol',
            { class: 'hops' },
            p.hops.map((hop) => hopLine(hop, open)),
          ),
        ),
      ),
    ),
    c.morePaths ? h('p', {}, 'More paths of these lengths exist; the five most specific are shown.') : null,
  );
}

/** The path finder from `from` (walking what held on `validAt` when set); `to` (when set) is shown at once; `choose` records a new other end. */
export function renderPaths(
  target: HTMLElement,
  from: { id: string; name: string },
  to: string | null,
  validAt: string | null,
  open: Open,
  choose: (to: string) => void,
): void {
  const answer = h('div', { class: 'path-answer', 'aria-live': 'polite' });
  const picker = createSearchBox({
    id: 'path-to',
    label: `Find paths from ${from.name} to`,
    placeholder: 'Another entity, e.g. USMCA',
    onPick: (entity) => choose(entity.id),
  });
  replace(target, picker, answer);
  if (!to) return;
  replace(answer, status('Finding paths…'));
  request(ConnectionsQuery, { from: from.id, to, validAt }).then(
    (data) => replace(answer, paths(data.connections, validAt, open)),
    (error: Error) => replace(answer, status(`Path finding failed: ${error.message}`, 'error')),
  );
}
