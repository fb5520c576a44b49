import {
  NodeKind,
  UNIT_LABELS,
  observationPeriodKind,
  type Citation,
  type DateRole,
  type GraphNode,
  type Observation,
  type RelationshipHit,
  type Unit,
} from '../domain';
import { RelationshipDirection } from './enums';
import type { ApproximateDate } from './types/approximate-date.type';
import type { EvidenceView } from './types/relationship-evidence.type';

/**
 * A node as GraphQL reads it: the domain node's fields, each of its dates as a field (`signed`,
 * `inForce` …), `subtype`, a Source's `title` and the qualified dates.
 *
 * A class whose constructor assigns every field in one order, so every view has one hidden class
 * whatever the node's kind or dates: graphql-js reads `then` (is it a promise?) and the fields of
 * every list item, and a spread literal per node gave a dozen shapes (a megamorphic lookup on
 * each read of a 10,000-item list).
 */
export class EntityView implements GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly type: string | null;
  readonly subtype: string | null;
  readonly dates: GraphNode['dates'];
  readonly dateQualifiers: GraphNode['dateQualifiers'];
  readonly unit: Unit | null;
  readonly publisher: string | null;
  readonly year: number | null;
  readonly sources: readonly Citation[];
  readonly title: string | null;
  readonly date: string | null;
  readonly established: string | null;
  readonly launched: string | null;
  readonly signed: string | null;
  readonly inForce: string | null;
  readonly ended: string | null;

  constructor(node: GraphNode) {
    const dates = node.dates;
    this.id = node.id;
    this.kind = node.kind;
    this.name = node.name;
    this.aliases = node.aliases;
    this.description = node.description;
    this.type = node.type;
    this.subtype = node.type;
    this.dates = dates;
    this.dateQualifiers = node.dateQualifiers;
    this.unit = node.unit;
    this.publisher = node.publisher;
    this.year = node.year;
    this.sources = node.sources;
    // A Source's `slides` are where others cite it, not its own citations (source.resolver.ts).
    this.title = node.kind === NodeKind.Source ? node.name : null;
    this.date = dates.date ?? null;
    this.established = dates.established ?? null;
    this.launched = dates.launched ?? null;
    this.signed = dates.signed ?? null;
    this.inForce = dates.inForce ?? null;
    this.ended = dates.ended ?? null;
  }

  /** The dates the sources give only approximately, each with the role it qualifies (built when read: most nodes have none). */
  get approximateDates(): ApproximateDate[] {
    // A qualifier is only ever read together with its date (domain/item-rules.ts), so `date` is there.
    return Object.entries(this.dateQualifiers ?? {}).map(([role, qualifier]) => ({ role, date: this.dates[role as DateRole] as string, qualifier }));
  }
}

const views = new WeakMap<GraphNode, EntityView>();

/** The view of a node, made once per node object (stores hand out the same objects repeatedly). */
export function entityView(node: GraphNode): EntityView {
  let view = views.get(node);
  if (!view) {
    view = new EntityView(node);
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
