// The entity view: what the entity is, its relationships grouped by type (each line with its
// note, validity and citations), for a metric its observations as a table (each with its curated
// changes), and the entity's own curated history.
import { request } from './api';
import { citation, h, status, validity } from './dom';
import type { ExplorerEntityQuery } from './gql/graphql';
import { historyList, historySection } from './history-view';
import { metricChart } from './metric-chart';
import { EntityQuery } from './operations';

type Entity = NonNullable<ExplorerEntityQuery['entity']>;
type Relationship = Entity['relationships'][number];

/** Links open another entity through the app's navigation (`open`), and stay real links. */
export type Open = (id: string) => void;

const DATE_FIELDS = ['signed', 'inForce', 'established', 'launched', 'date', 'ended'] as const;
const DATE_LABELS: Record<(typeof DATE_FIELDS)[number], string> = {
  signed: 'Signed',
  inForce: 'In force',
  established: 'Established',
  launched: 'Launched',
  date: 'Date',
  ended: 'Ended',
};

/** A link to an entity that the app opens in place. */
export function entityLink(entity: { id: string; name: string }, open: Open): HTMLAnchorElement {
  return h(
    'a',
    {
      href: `?entity=${encodeURIComponent(entity.id)}&view=entity`,
      onclick: (event: Event) => {
        event.preventDefault();
        open(entity.id);
      },
    },
    entity.name,
  );
}

function facts(entity: Entity): HTMLElement {
  const rows: Array<[string, string]> = [['Kind', entity.kind]];
  if (entity.subtype) rows.push(['Subtype', entity.subtype]);
  const dated = entity as Partial<Record<(typeof DATE_FIELDS)[number], string | null>>;
  for (const field of DATE_FIELDS) {
    const value = dated[field];
    if (value) rows.push([DATE_LABELS[field], value]);
  }
  if (entity.aliases.length) rows.push(['Also called', entity.aliases.join(' · ')]);
  if (entity.sources.length) rows.push(['Sources', entity.sources.map(citation).join('; ')]);
  return h(
    'dl',
    { class: 'facts' },
    rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function relationshipLine(r: Relationship, open: Open): HTMLElement {
  const when = validity(r.validFrom, r.validTo);
  return h(
    'li',
    { class: 'relationship' },
    h('span', { class: 'direction', title: r.direction === 'OUT' ? 'from this entity' : 'to this entity' }, r.direction === 'OUT' ? '→ ' : '← '),
    entityLink(r.node, open),
    h('span', { class: `kind kind-${r.node.kind}` }, r.node.kind),
    r.note ? h('span', { class: 'note' }, ` — ${r.note}`) : null,
    when ? h('span', { class: 'when' }, ` (${when})`) : null,
    h('span', { class: 'cite' }, r.sources.length ? `Source: ${r.sources.map(citation).join('; ')}` : 'No citation'),
  );
}

function relationships(entity: Entity, asOf: string | null, open: Open): HTMLElement {
  const byType = new Map<string, Relationship[]>();
  for (const r of entity.relationships) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  return h(
    'section',
    { class: 'relationships', 'aria-labelledby': 'relationships-heading' },
    h('h3', { id: 'relationships-heading' }, `Relationships (${entity.relationships.length})${asOf ? ` as of ${asOf}` : ''}`),
    [...byType].map(([type, list]) =>
      h(
        'section',
        { class: 'relationship-group' },
        h('h4', {}, `${type} (${list.length})`),
        h(
          'ul',
          {},
          list.map((r) => relationshipLine(r, open)),
        ),
      ),
    ),
  );
}

function observations(entity: Entity): HTMLElement | null {
  if (!('observations' in entity) || !entity.observations.length) return null;
  const head = ['Period', 'Value', 'Unit', 'Breakdown', 'Note', 'Source'];
  return h(
    'section',
    { class: 'observations', 'aria-labelledby': 'observations-heading' },
    h('h3', { id: 'observations-heading' }, `Observations (${entity.observations.length})`),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        entity.observations.map((o) =>
          h(
            'tr',
            {},
            h('td', {}, o.period ?? 'undated'),
            h('td', { class: 'number' }, `${o.qualifier ? `${o.qualifier.toLowerCase()} ` : ''}${o.value.toLocaleString('en-US')}`),
            h('td', {}, o.unitLabel),
            h('td', {}, o.dimensions.map((d) => `${d.key}: ${d.value}`).join(', ') || 'total'),
            h('td', {}, o.note ?? '', o.history.length ? historyList(o.history) : null),
            h('td', {}, o.sources.map(citation).join('; ')),
          ),
        ),
      ),
    ),
  );
}

/** Loads and renders one entity (its relationships as of `validAt` when set); a missing id says so. */
export async function renderEntity(id: string, validAt: string | null, open: Open): Promise<HTMLElement> {
  const { entity } = await request(EntityQuery, { id, validAt });
  if (!entity) return status(`No entity has the id "${id}".`, 'error');
  return h(
    'article',
    { class: 'entity', 'aria-labelledby': 'entity-heading' },
    h('h2', { id: 'entity-heading' }, entity.name),
    entity.description ? h('p', { class: 'description' }, entity.description) : null,
    facts(entity),
    'observations' in entity ? metricChart(entity.id, entity.observations) : null,
    observations(entity),
    relationships(entity, validAt, open),
    historySection(entity.history),
  );
}
