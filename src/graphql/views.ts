import { NodeKind, UNIT_LABELS, observationPeriodKind, type GraphNode, type Observation, type RelationshipHit } from '../domain';
import { RelationshipDirection } from './enums';
import type { EvidenceView } from './types/relationship-evidence.type';

/** A node as GraphQL reads it: the domain node with its dates (and a Source's title) as fields. */
export type EntityView = GraphNode & Record<string, unknown>;

const views = new WeakMap<GraphNode, EntityView>();

/** Flattens `dates` into fields once per node object (stores hand out the same objects repeatedly). */
export function entityView(node: GraphNode): EntityView {
  let view = views.get(node);
  if (!view) {
    view = { ...node, ...node.dates, subtype: node.type };
    view.approximateDates = Object.entries(node.dateQualifiers ?? {}).map(([role, qualifier]) => ({
      role,
      date: node.dates[role as keyof typeof node.dates],
      qualifier,
    }));
    // A Source's `slides` are where others cite it, not its own citations (source.resolver.ts).
    if (node.kind === NodeKind.Source) view.title = node.name;
    views.set(node, view);
  }
  return view;
}

/** A relationship as `Relationship` reads it; its evidence fields are copied in the literal (no spread: this is per edge on every read). */
export interface RelationshipView extends EvidenceView {
  id: string;
  type: string;
  direction: RelationshipDirection;
  node: EntityView;
  from: string;
  to: string;
}

export function relationshipView(hit: RelationshipHit): RelationshipView {
  const r = hit.relationship;
  return {
    id: r.id,
    type: r.type,
    direction: hit.direction === 'OUT' ? RelationshipDirection.OUT : RelationshipDirection.IN,
    node: entityView(hit.other),
    from: r.from,
    to: r.to,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note,
    sources: r.sources,
  };
}

export function observationView(o: Observation): Record<string, unknown> {
  return {
    ...o,
    unitLabel: UNIT_LABELS[o.unit],
    periodKind: observationPeriodKind(o),
    reportedIn: o.reportedIn ?? null,
    dimensions: Object.entries(o.dimensions).map(([key, value]) => ({ key, value })),
  };
}
