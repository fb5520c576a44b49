import type { CitedItem, Relationship } from '../domain';
import { RelationshipDirection } from './enums';
import { observationView, type EntityView, type RelationshipView } from './views';

/**
 * A relationship read graph-wide, from its start: `direction` OUT and `node` its end. `node` is
 * null here: `Relationship.node` loads the end (`to`) only when selected, through the request's
 * node loader, so a page of edges costs one batch for their ends (relationship.resolver.ts).
 */
export type EdgeView = Omit<RelationshipView, 'node'> & { node: null };

export function edgeView(r: Relationship): EdgeView {
  return {
    id: r.id,
    type: r.type,
    direction: RelationshipDirection.OUT,
    node: null,
    from: r.from,
    to: r.to,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note,
    sources: r.sources,
  };
}

/** A cited item as the `CitedItem` type reads it: one of entity, relationship or observation set. */
export interface CitedItemView {
  kind: CitedItem['kind'];
  id: string;
  slides: number[];
  entity: EntityView | null;
  relationship: EdgeView | null;
  observation: Record<string, unknown> | null;
}

export function citedItemView(item: CitedItem, entity: (node: Extract<CitedItem, { kind: 'ENTITY' }>['node']) => EntityView): CitedItemView {
  return {
    kind: item.kind,
    id: item.id,
    slides: [...item.slides],
    entity: item.kind === 'ENTITY' ? entity(item.node) : null,
    relationship: item.kind === 'RELATIONSHIP' ? edgeView(item.relationship) : null,
    observation: item.kind === 'OBSERVATION' ? observationView(item.observation) : null,
  };
}
