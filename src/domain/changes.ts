import { BadInputError, DomainError, ErrorCode, describeValue } from './errors';
import { NodeKind } from './kinds';
import { EDGE_RULES, type EdgeType } from './edge-types';
import { UNIT_SCALE, UNITS, type Unit } from './units';
import { readCitations, readEdge, readNode, readObservation, type ItemReport, type ItemSource, type NodeLookup } from './item-rules';
import type { Citation, GraphNode, Observation, Relationship } from './model';
import { citationText, entityRecord, observationRecord } from './records';

// Curated writes. A change carries its own citations (`sources`, seed syntax `ustr-2018#36`),
// who made it (`actor`, the curator token's subject) and when (`at`, an ISO timestamp). Item
// fields use the seed YAML's names and shapes, so a change is checked by the seed checker's own
// rules (item-rules.ts) with the seed checker's messages.
//
// "Retire" keeps the record (with retiredAt/retiredBy) but every read leaves it out: a retired
// entity is gone from lookups, lists, search, stats, and so are its relationships (and a retired
// metric's observations). Its id stays taken. A Source cannot be retired: citations point at it,
// nor an Actor that a live observation names in a dimension (`partner: mexico`).
//
// The principle: a change is accepted only if the graph after it would pass `npm run seeds:check`
// (so the YAML export folds back into seeds/). Hence the lookups beyond single items: a metric's
// observation units (its unit stays in their family), dimension uses (retirement), paths of the
// acyclic edge types (no cycle), and a new Metric carries its first observation.

interface ChangeBase {
  /** Citations for the change, seed syntax: `ustr-2018#36`. At least one. */
  readonly sources: readonly string[];
  /** Who made it: the curator token's subject. */
  readonly actor: string;
  /** When: an ISO 8601 timestamp. */
  readonly at: string;
}

/** Seed-shaped fields of an entity (`id`, `kind`, `type`, `name`, `aliases`, `description`, `dates`, `unit`, `publisher`, `year`). */
export type EntityFields = Readonly<Record<string, unknown>>;

export interface CreateEntityChange extends ChangeBase {
  readonly op: 'createEntity';
  readonly entity: EntityFields;
  /**
   * A Metric's first observation (seed-shaped, without `metric`), required for a Metric: the seed
   * checker refuses a metric with no observations. Cites the change's `sources`.
   */
  readonly observation?: Readonly<Record<string, unknown>>;
}
export interface UpdateEntityChange extends ChangeBase {
  readonly op: 'updateEntity';
  readonly id: string;
  /** Only the fields that change; `null` removes a field. `id` and `kind` never change. */
  readonly fields: EntityFields;
}
export interface RetireEntityChange extends ChangeBase {
  readonly op: 'retireEntity';
  readonly id: string;
}
export interface AddRelationshipChange extends ChangeBase {
  readonly op: 'addRelationship';
  /** Seed-shaped edge: `from`, `type`, `to`, `validFrom`, `validTo`, `note`. */
  readonly relationship: Readonly<Record<string, unknown>>;
}
export interface RetireRelationshipChange extends ChangeBase {
  readonly op: 'retireRelationship';
  /** `from:TYPE:to`, with `@validFrom` when dated. */
  readonly id: string;
}
export interface AddObservationChange extends ChangeBase {
  readonly op: 'addObservation';
  /** Seed-shaped observation: `metric`, `value`, `unit`, `period`, `dimensions`, `qualifier`, `note`. */
  readonly observation: Readonly<Record<string, unknown>>;
}

export interface UpdateObservationChange extends ChangeBase {
  readonly op: 'updateObservation';
  /** The observation's id, `metric@period[key=value]`. */
  readonly id: string;
  /**
   * Only the fields that change (`value`, `unit`, `period`, `reported`, `dimensions`, `qualifier`,
   * `note`); `null` removes a field; `metric` never changes. A new period, reported year or
   * dimensions give the observation a new id, and its history moves with it.
   */
  readonly fields: Readonly<Record<string, unknown>>;
}
export interface RetireObservationChange extends ChangeBase {
  readonly op: 'retireObservation';
  /** The observation's id, `metric@period[key=value]`. */
  readonly id: string;
}

export type Change =
  | CreateEntityChange
  | UpdateEntityChange
  | RetireEntityChange
  | AddRelationshipChange
  | RetireRelationshipChange
  | AddObservationChange
  | UpdateObservationChange
  | RetireObservationChange;

export type ChangeOp = Change['op'];
export const CHANGE_OPS: readonly ChangeOp[] = [
  'createEntity',
  'updateEntity',
  'retireEntity',
  'addRelationship',
  'retireRelationship',
  'addObservation',
  'updateObservation',
  'retireObservation',
];

/** A change checked against the graph: the record it writes, ready for a store to apply. */
export type ValidatedChange =
  | { readonly op: 'createEntity'; readonly node: GraphNode; readonly observation?: Observation; readonly citations: readonly Citation[] }
  | { readonly op: 'updateEntity'; readonly before: GraphNode; readonly node: GraphNode; readonly citations: readonly Citation[] }
  | { readonly op: 'retireEntity'; readonly node: GraphNode; readonly citations: readonly Citation[] }
  | { readonly op: 'addRelationship'; readonly relationship: Relationship; readonly citations: readonly Citation[] }
  | { readonly op: 'retireRelationship'; readonly id: string; readonly citations: readonly Citation[] }
  | { readonly op: 'addObservation'; readonly observation: Observation; readonly citations: readonly Citation[] }
  /** `before` is the live observation; `observation` its corrected record (a new id when its period or dimensions changed). */
  | { readonly op: 'updateObservation'; readonly before: Observation; readonly observation: Observation; readonly citations: readonly Citation[] }
  | { readonly op: 'retireObservation'; readonly observation: Observation; readonly citations: readonly Citation[] };

/** What a store answers once a change is durable. */
export interface AppliedChange {
  readonly op: ChangeOp;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** The entity as written (for retireEntity: as it was when retired). */
  readonly node?: GraphNode;
  /** The relationship as written (for retireRelationship: as it was), and the entity at its `to` end. */
  readonly relationship?: Relationship;
  readonly to?: GraphNode;
  /**
   * addObservation and updateObservation: the observation written; retireObservation: as it was
   * when retired; createEntity of a Metric: its first observation.
   */
  readonly observation?: Observation;
}

/** What validation needs to know about the graph. */
export interface ChangeLookup {
  /** The live (not retired) entity with this id. */
  readonly node: NodeLookup;
  /** True when a retired entity holds this id (ids are never reused). */
  readonly isRetired: (id: string) => boolean;
  /** The units of a live metric's observations (asked on a change of its unit). */
  readonly observationUnits: (metricId: string) => readonly Unit[];
  /** The live observations naming this entity in an entity dimension (asked on retirement). */
  readonly dimensionUses: (id: string) => DimensionUses;
  /** True when live edges of `type` lead from `start` to `end` (asked for acyclic types only). */
  readonly pathExists: (type: EdgeType, start: string, end: string) => boolean;
  /** The live observation with this id (asked by updateObservation and retireObservation). */
  readonly observation: (id: string) => Observation | undefined;
  /** How many live observations a metric has (asked on retireObservation: a metric keeps at least one). */
  readonly observationCount: (metricId: string) => number;
}

/** How many live observations name an entity in a dimension, and the ids of a few (at most DIMENSION_USES_SHOWN). */
export interface DimensionUses {
  readonly count: number;
  readonly ids: readonly string[];
}
export const DIMENSION_USES_SHOWN = 3;

/** What a store must look up beyond `referencedIds` to validate this change (a remote store fetches these first). */
export interface ChangeLookupNeeds {
  readonly observationUnitsOf?: string;
  readonly dimensionUsesOf?: string;
  readonly path?: { readonly type: EdgeType; readonly start: string; readonly end: string };
  /**
   * updateObservation and retireObservation: the observation to read first. A remote store then
   * also fetches the entities its citations name (an undated figure's `reported` year is checked
   * against them) and, for retireObservation, counts its metric's live observations.
   */
  readonly observation?: string;
}

/** The extra lookups `validateChange` will ask for this change, so a remote store can fetch only those. */
export function changeLookupNeeds(change: Change): ChangeLookupNeeds {
  switch (change.op) {
    case 'updateEntity':
      return change.fields && change.fields.unit !== undefined ? { observationUnitsOf: change.id } : {};
    case 'retireEntity':
      return { dimensionUsesOf: change.id };
    case 'addRelationship': {
      const { type, from, to } = change.relationship ?? {};
      const rule = typeof type === 'string' ? EDGE_RULES[type as EdgeType] : undefined;
      return rule?.acyclic && typeof from === 'string' && typeof to === 'string' && from !== to
        ? { path: { type: type as EdgeType, start: to, end: from } }
        : {};
    }
    case 'updateObservation':
    case 'retireObservation':
      return { observation: change.id };
    default:
      return {};
  }
}

/** A change the seed checker's rules refused; the message is the seed checker's (several joined by "; "). */
export class ChangeRejectedError extends DomainError {
  constructor(readonly issues: readonly string[]) {
    super(ErrorCode.BAD_USER_INPUT, issues.join('; '), { issues });
    this.name = 'ChangeRejectedError';
  }
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An item for the seed rules: a change has no file or line (0). */
function itemOf(op: ChangeOp, value: Record<string, unknown>): ItemSource {
  return { file: op, line: 0, value, lineOf: () => 0 };
}

/** Messages shared by both stores for conditions only a store can see. */
export function duplicateRelationshipMessage(rel: Relationship): string {
  return `duplicate edge ${rel.from} -${rel.type}-> ${rel.to}${rel.validFrom ? ` from ${rel.validFrom}` : ''}: already defined`;
}
export function duplicateObservationMessage(obs: Observation): string {
  return `duplicate observation ${obs.id}: already defined`;
}
/** A correction would move an observation onto the id a retired one holds: refused, since the two are different records. */
export function retiredObservationHoldsIdMessage(beforeId: string, newId: string): string {
  return `observation ${beforeId}: a retired observation holds the id ${newId}: add that one again (it comes back with its history) and retire this one`;
}
export function unknownRelationshipError(id: string): BadInputError {
  return new BadInputError('retireRelationship.id', 'the id of a relationship in the graph (`from:TYPE:to`, with `@validFrom` when dated)', id);
}

export interface ValidateOptions {
  /**
   * Replaying a journal written before a Metric had to come with its first observation: such a
   * createEntity is taken as written (its observations follow in later records).
   */
  readonly replaying?: boolean;
}

/**
 * Checks a change with the seed checker's rules against the live graph and returns the record it
 * writes, or throws ChangeRejectedError with the seed checker's messages (BadInputError for the
 * change's own envelope: actor, timestamp, a target id that does not exist).
 */
export function validateChange(change: Change, lookup: ChangeLookup, options: ValidateOptions = {}): ValidatedChange {
  if (typeof change.actor !== 'string' || change.actor.trim() === '')
    throw new BadInputError('actor', 'the name of the curator making the change', change.actor);
  if (typeof change.at !== 'string' || !ISO_TIMESTAMP.test(change.at) || Number.isNaN(Date.parse(change.at))) {
    throw new BadInputError('at', 'an ISO 8601 timestamp such as "2024-05-01T12:00:00.000Z"', change.at);
  }
  const issues: string[] = [];
  const report = (_item: ItemSource, _field: string | null, message: string): void => {
    issues.push(message);
  };
  const done = <T>(value: T | null): T => {
    if (issues.length > 0 || value === null) throw new ChangeRejectedError(issues.length > 0 ? issues : [`${change.op}: rejected`]);
    return value;
  };

  switch (change.op) {
    case 'createEntity': {
      const item = itemOf(change.op, { ...change.entity, sources: change.sources });
      const node = readNode(item, report);
      if (node && (lookup.node(node.id) || lookup.isRetired(node.id))) {
        issues.push(`duplicate id ${JSON.stringify(node.id)}: already defined${lookup.isRetired(node.id) ? ' (retired)' : ''}`);
      }
      // A new Source may cite itself, as the seed sources do.
      const self: NodeLookup = (id) => (node && id === node.id ? node : lookup.node(id));
      const citations = node ? readCitations(item, `node ${node.id}`, change.sources, self, report) : [];
      const observation = node ? readFirstObservation(change, { ...node, sources: citations }, lookup, report, options) : undefined;
      return done(node && { op: change.op, node: { ...node, sources: citations }, ...(observation ? { observation } : {}), citations });
    }
    case 'updateEntity': {
      const current = lookup.node(change.id);
      if (!current) throw new BadInputError('updateEntity.id', 'the id of an entity in the graph', change.id);
      const record = entityRecord(current);
      for (const [field, value] of Object.entries(change.fields)) {
        if (field === 'id' || field === 'kind' || field === 'sources') {
          if (value !== undefined && value !== record[field])
            issues.push(`node ${current.id}: ${field} cannot change in an update, received ${describeValue(value)}`);
          continue;
        }
        if (value === null) delete record[field];
        else if (value !== undefined) record[field] = value;
      }
      // The entity keeps its citations and gains the change's: curation loses nothing. Only the
      // change's own citations are checked: the kept ones were checked when written, and a store
      // need not fetch every source the entity already cites (a remote store does not).
      const added = readCitations(itemOf(change.op, { sources: change.sources }), `node ${current.id}`, change.sources, lookup.node, report);
      if (issues.length > 0) throw new ChangeRejectedError(issues);
      const item = itemOf(change.op, record);
      const node = readNode(item, report);
      const citations = keepAndAdd(current.sources, added);
      if (node && node.unit !== current.unit && node.unit !== null && current.unit !== null) checkUnitFamily(node, current.unit, lookup, issues);
      return done(node && { op: change.op, before: current, node: { ...node, sources: citations }, citations });
    }
    case 'retireEntity': {
      const current = lookup.node(change.id);
      if (!current) throw new BadInputError('retireEntity.id', 'the id of an entity in the graph', change.id);
      if (current.kind === NodeKind.Source) issues.push(`node ${current.id}: a Source cannot be retired (citations point at it)`);
      const uses = lookup.dimensionUses(current.id);
      if (uses.count > 0) {
        const more = uses.count > uses.ids.length ? ` and ${uses.count - uses.ids.length} more` : '';
        issues.push(`node ${current.id}: cannot be retired while ${uses.count} observation(s) name it in a dimension (${uses.ids.join(', ')}${more})`);
      }
      const citations = readCitations(itemOf(change.op, {}), `retirement of node ${current.id}`, change.sources, lookup.node, report);
      return done({ op: change.op, node: current, citations });
    }
    case 'addRelationship': {
      const item = itemOf(change.op, { ...change.relationship, sources: change.sources });
      const rel = readEdge(item, lookup.node, report);
      if (rel && EDGE_RULES[rel.type].acyclic && lookup.pathExists(rel.type, rel.to, rel.from)) {
        issues.push(
          `${rel.type} edge ${rel.from} -> ${rel.to} would close a cycle: ${rel.to} already leads to ${rel.from} through ${rel.type} edges (${rel.type} is a hierarchy)`,
        );
      }
      const citations = rel ? readCitations(item, `${rel.type} edge ${rel.from} -> ${rel.to}`, change.sources, lookup.node, report) : [];
      return done(rel && { op: change.op, relationship: { ...rel, sources: citations }, citations });
    }
    case 'retireRelationship': {
      if (typeof change.id !== 'string' || change.id === '') throw unknownRelationshipError(change.id);
      const citations = readCitations(itemOf(change.op, {}), `retirement of edge ${change.id}`, change.sources, lookup.node, report);
      return done({ op: change.op, id: change.id, citations });
    }
    case 'addObservation': {
      const item = itemOf(change.op, { ...change.observation, sources: change.sources });
      const obs = readObservation(item, lookup.node, report);
      const citations = obs ? readCitations(item, `observation of ${obs.metricId}`, change.sources, lookup.node, report) : [];
      return done(obs && { op: change.op, observation: { ...obs, sources: citations }, citations });
    }
    case 'updateObservation': {
      const current = typeof change.id === 'string' ? lookup.observation(change.id) : undefined;
      if (!current) throw new BadInputError('updateObservation.id', OBSERVATION_ID_EXPECTED, change.id);
      const record = observationRecord(current);
      const fields = change.fields && typeof change.fields === 'object' ? change.fields : {};
      for (const [field, value] of Object.entries(fields)) {
        if (field === 'id' || field === 'metric' || field === 'sources') {
          if (value !== undefined && value !== record[field])
            issues.push(`observation ${current.id}: ${field} cannot change in an update, received ${describeValue(value)}`);
          continue;
        }
        if (value === null) delete record[field];
        else if (value !== undefined) record[field] = value;
      }
      const added = readCitations(itemOf(change.op, { sources: change.sources }), `observation ${current.id}`, change.sources, lookup.node, report);
      if (issues.length > 0) throw new ChangeRejectedError(issues);
      // Like updateEntity: the observation keeps its citations and gains the change's. The seed
      // rules see all of them (an undated figure's `reported` year is a cited source's).
      const citations = keepAndAdd(current.sources, added);
      const obs = readObservation(itemOf(change.op, { ...record, sources: citations.map(citationText) }), lookup.node, report);
      return done(obs && { op: change.op, before: current, observation: { ...obs, sources: citations }, citations });
    }
    case 'retireObservation': {
      const current = typeof change.id === 'string' ? lookup.observation(change.id) : undefined;
      if (!current) throw new BadInputError('retireObservation.id', OBSERVATION_ID_EXPECTED, change.id);
      if (lookup.observationCount(current.metricId) <= 1) {
        issues.push(
          `observation ${current.id}: the last observation of metric ${current.metricId} cannot be retired: a metric needs at least one (add the corrected figure first, or retire the metric)`,
        );
      }
      const citations = readCitations(itemOf(change.op, {}), `retirement of observation ${current.id}`, change.sources, lookup.node, report);
      return done({ op: change.op, observation: current, citations });
    }
    default:
      throw new BadInputError('op', `one of ${CHANGE_OPS.join(', ')}`, (change as { op?: unknown }).op);
  }
}

const OBSERVATION_ID_EXPECTED = 'the id of a live observation in the graph (`metric@period`, with `[key=value]` for dimensions)';

/** A record's citations, then those a change adds that it does not have yet (each once): curation loses none. */
function keepAndAdd(current: readonly Citation[], added: readonly Citation[]): Citation[] {
  const seen = new Set(current.map(citationText));
  const result = [...current];
  for (const c of added) {
    if (seen.has(citationText(c))) continue;
    seen.add(citationText(c));
    result.push(c);
  }
  return result;
}

/** A Metric's first observation, required with it; anything else takes none. */
function readFirstObservation(
  change: CreateEntityChange,
  node: GraphNode,
  lookup: ChangeLookup,
  report: ItemReport,
  options: ValidateOptions,
): Observation | undefined {
  if (node.kind !== NodeKind.Metric) {
    if (change.observation !== undefined && change.observation !== null)
      report(itemOf(change.op, {}), 'observation', `node ${node.id}: only a Metric takes a first observation, this is a ${node.kind}`);
    return undefined;
  }
  if (change.observation === undefined || change.observation === null || typeof change.observation !== 'object') {
    if (options.replaying && change.observation === undefined) return undefined;
    report(itemOf(change.op, {}), 'observation', `metric ${node.id} has no observations: a metric needs at least one (create it with its first observation)`);
    return undefined;
  }
  const item = itemOf(change.op, { ...change.observation, metric: node.id, sources: change.sources });
  const withNew: NodeLookup = (id) => (id === node.id ? node : lookup.node(id));
  const obs = readObservation(item, withNew, report);
  return obs ? { ...obs, sources: node.sources } : undefined;
}

/** A metric with observations keeps its unit's family: every figure must still measure what the unit does. */
function checkUnitFamily(node: GraphNode, previous: Unit, lookup: ChangeLookup, issues: string[]): void {
  const family = UNIT_SCALE[node.unit!].family;
  const units = lookup.observationUnits(node.id);
  if (units.length === 0 || units.every((u) => UNIT_SCALE[u].family === family)) return;
  const same = UNITS.filter((u) => UNIT_SCALE[u].family === UNIT_SCALE[previous].family);
  issues.push(
    `node ${node.id}: unit ${node.unit} does not measure what its ${units.length} observation(s) in ${[...new Set(units)].join(', ')} do: expected one of ${same.join(', ')} (make a separate metric for a share or a rank)`,
  );
}

/** Every entity id a change refers to, so a remote store can fetch them before validating. */
export function referencedIds(change: Change): string[] {
  const ids = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') ids.add(value);
  };
  for (const s of Array.isArray(change.sources) ? change.sources : []) if (typeof s === 'string') add(s.split('#')[0]);
  switch (change.op) {
    case 'createEntity': {
      add(change.entity.id);
      const dims = change.observation?.dimensions;
      if (dims && typeof dims === 'object') for (const v of Object.values(dims)) add(v);
      break;
    }
    case 'updateEntity':
    case 'retireEntity':
      add(change.id);
      break;
    case 'addRelationship':
      add(change.relationship.from);
      add(change.relationship.to);
      break;
    case 'retireRelationship':
      break;
    case 'addObservation': {
      add(change.observation.metric);
      const dims = change.observation.dimensions;
      if (dims && typeof dims === 'object') for (const v of Object.values(dims)) add(v);
      break;
    }
    case 'updateObservation':
    case 'retireObservation': {
      // The metric's id is the observation id's part before `@` (ids have no `@`).
      if (typeof change.id === 'string') add(change.id.split('@')[0]);
      const dims = change.op === 'updateObservation' ? change.fields?.dimensions : undefined;
      if (dims && typeof dims === 'object') for (const v of Object.values(dims)) add(v);
      break;
    }
  }
  return [...ids];
}
