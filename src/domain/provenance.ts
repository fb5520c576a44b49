import type { Citation, GraphNode, Observation, Relationship } from './model';

// Reverse provenance: from a source to everything that cites it. Defined once here so that both
// stores answer in the same order with the same slides.

/** What a cited item is. */
export type CitedItemKind = 'ENTITY' | 'RELATIONSHIP' | 'OBSERVATION';

/** Which items cite one source (optionally on one slide only). */
export interface CitedItemsQuery {
  readonly sourceId: string;
  /** Only items citing the source on this deck slide; all slides when absent. */
  readonly slide?: number;
}

/** One entity, relationship or observation that cites a source, with the slides it cites it on. */
export type CitedItem =
  | { readonly kind: 'ENTITY'; readonly id: string; readonly slides: readonly number[]; readonly node: GraphNode }
  | { readonly kind: 'RELATIONSHIP'; readonly id: string; readonly slides: readonly number[]; readonly relationship: Relationship }
  | { readonly kind: 'OBSERVATION'; readonly id: string; readonly slides: readonly number[]; readonly observation: Observation };

const KIND_ORDER: Readonly<Record<CitedItemKind, number>> = { ENTITY: 0, RELATIONSHIP: 1, OBSERVATION: 2 };

/** The order of `getCitedItems`: entities, then relationships, then observations; each by id (code-unit order). */
export function compareCitedItems(a: CitedItem, b: CitedItem): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The distinct slides on which `sources` cite `sourceId`, ascending. */
export function slidesCiting(sources: readonly Citation[], sourceId: string): number[] {
  const slides = new Set<number>();
  for (const c of sources) if (c.sourceId === sourceId) slides.add(c.slide);
  return [...slides].sort((x, y) => x - y);
}

/** The cited item for an entity, relationship or observation, or null when it does not cite `query`'s source (on its slide). */
export function citedItem(
  query: CitedItemsQuery,
  item: { kind: 'ENTITY'; node: GraphNode } | { kind: 'RELATIONSHIP'; relationship: Relationship } | { kind: 'OBSERVATION'; observation: Observation },
): CitedItem | null {
  const record = item.kind === 'ENTITY' ? item.node : item.kind === 'RELATIONSHIP' ? item.relationship : item.observation;
  const slides = slidesCiting(record.sources, query.sourceId);
  if (slides.length === 0 || (query.slide !== undefined && !slides.includes(query.slide))) return null;
  return { ...item, id: record.id, slides } as CitedItem;
}
