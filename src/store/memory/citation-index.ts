import { citedItem, compareCitedItems, type CitedItem, type CitedItemsQuery, type GraphNode, type Observation, type Relationship } from '../../domain';

/** Something that carries citations, as the index holds it. */
export type CitingRecord =
  | { readonly kind: 'ENTITY'; readonly node: GraphNode }
  | { readonly kind: 'RELATIONSHIP'; readonly relationship: Relationship }
  | { readonly kind: 'OBSERVATION'; readonly observation: Observation };

function recordOf(item: CitingRecord): GraphNode | Relationship | Observation {
  return item.kind === 'ENTITY' ? item.node : item.kind === 'RELATIONSHIP' ? item.relationship : item.observation;
}

/**
 * Reverse provenance for the memory store: per source id, the live records citing it. The store
 * adds and removes records as changes apply (an updated entity is removed in its old version and
 * added in its new), so answers follow curation; `getCitedItems` and `getCitedSlides` read it.
 */
export class CitationIndex {
  private readonly bySource = new Map<string, Map<string, CitingRecord>>();

  add(item: CitingRecord): void {
    const record = recordOf(item);
    const key = `${item.kind}\0${record.id}`;
    for (const sourceId of new Set(record.sources.map((c) => c.sourceId))) {
      let items = this.bySource.get(sourceId);
      if (!items) this.bySource.set(sourceId, (items = new Map()));
      items.set(key, item);
    }
  }

  remove(item: CitingRecord): void {
    const record = recordOf(item);
    const key = `${item.kind}\0${record.id}`;
    for (const sourceId of new Set(record.sources.map((c) => c.sourceId))) {
      const items = this.bySource.get(sourceId);
      items?.delete(key);
      if (items?.size === 0) this.bySource.delete(sourceId);
    }
  }

  /** The records citing the query's source (on its slide), in `compareCitedItems` order. */
  items(query: CitedItemsQuery): CitedItem[] {
    const found: CitedItem[] = [];
    for (const item of this.bySource.get(query.sourceId)?.values() ?? []) {
      const cited = citedItem(query, item);
      if (cited) found.push(cited);
    }
    return found.sort(compareCitedItems);
  }

  /** The distinct slides on which anything cites `sourceId`, ascending. */
  slides(sourceId: string): number[] {
    const slides = new Set<number>();
    for (const item of this.bySource.get(sourceId)?.values() ?? []) {
      for (const c of recordOf(item).sources) if (c.sourceId === sourceId) slides.add(c.slide);
    }
    return [...slides].sort((a, b) => a - b);
  }
}
