import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { AppliedChange, Change } from '../../domain';
import { requireCurator } from '../auth';
import type { Context } from '../context';
import { datesOf } from '../inputs/date-entry.input';
import { CreateEntityInput, UpdateEntityInput } from '../inputs/entity-change.input';
import { AddObservationInput, FirstObservationInput, UpdateObservationInput } from '../inputs/observation-change.input';
import { AddRelationshipInput } from '../inputs/relationship-change.input';
import { EntityChange, ObservationChange, RelationshipChange } from '../types/curation.types';
import { entityView, observationView, relationshipView } from '../views';

const SOURCES = {
  description: 'Citations for the change, as in the seeds: `<sourceId>#<slide>`, e.g. `ustr-2018#36`. At least one.',
};

/** The input's fields as the seeds write them: absent stays absent, `null` stays null (update: remove). */
function seedFields(input: object): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    fields[key] =
      key === 'dates'
        ? datesOf(value)
        : key === 'dimensions' && Array.isArray(value)
          ? Object.fromEntries(value.map((d: { key: string; value: string }) => [d.key, d.value]))
          : value;
  }
  return fields;
}

/**
 * Curated writes. Each needs a curator token (`Authorization: Bearer <token>`; UNAUTHENTICATED
 * without one, FORBIDDEN when the server has no CURATOR_TOKENS), is checked with the seed
 * checker's rules (BAD_USER_INPUT with its message), and answers once the change is durable.
 */
@Resolver()
export class CurationResolver {
  @Mutation(() => EntityChange, {
    description: 'Adds an entity. Its citations are `sources`. A Metric comes with its first observation (a metric needs one, as in the seeds).',
  })
  createEntity(
    @Arg('input', () => CreateEntityInput, { description: 'The new entity, as a seed node.' }) input: CreateEntityInput,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
    @Arg('observation', () => FirstObservationInput, {
      nullable: true,
      description: 'A Metric only, and required for one: its first observation, citing `sources`.',
    })
    observation?: FirstObservationInput | null,
  ) {
    return apply(
      ctx,
      (meta) => ({ op: 'createEntity', entity: seedFields(input), ...(observation ? { observation: seedFields(observation) } : {}), ...meta }),
      sources,
    ).then(entityChange);
  }

  @Mutation(() => EntityChange, { description: 'Changes fields of an entity; `sources` are added to its citations (none are lost).' })
  updateEntity(
    @Arg('id', () => ID, { description: 'The entity to change.' }) id: string,
    @Arg('input', () => UpdateEntityInput, { description: 'The fields that change; `null` removes one.' }) input: UpdateEntityInput,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
  ) {
    return apply(ctx, (meta) => ({ op: 'updateEntity', id, fields: seedFields(input), ...meta }), sources).then(entityChange);
  }

  @Mutation(() => EntityChange, {
    description:
      "Retires an entity: kept with who and when, but no read returns it, nor its relationships (nor a metric's observations). Sources cannot be retired.",
  })
  retireEntity(
    @Arg('id', () => ID, { description: 'The entity to retire.' }) id: string,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
  ) {
    return apply(ctx, (meta) => ({ op: 'retireEntity', id, ...meta }), sources).then(entityChange);
  }

  @Mutation(() => RelationshipChange, { description: 'Adds a relationship (or brings back a retired one with the same id). Its citations are `sources`.' })
  addRelationship(
    @Arg('input', () => AddRelationshipInput, { description: 'The new relationship, as a seed edge.' }) input: AddRelationshipInput,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
  ) {
    return apply(ctx, (meta) => ({ op: 'addRelationship', relationship: seedFields(input), ...meta }), sources).then(relationshipChange);
  }

  @Mutation(() => RelationshipChange, { description: 'Retires a relationship: kept with who and when, but no read returns it.' })
  retireRelationship(
    @Arg('id', () => ID, { description: 'The relationship id: `from:TYPE:to`, with `@validFrom` when dated.' }) id: string,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
  ) {
    return apply(ctx, (meta) => ({ op: 'retireRelationship', id, ...meta }), sources).then(relationshipChange);
  }

  @Mutation(() => ObservationChange, {
    description: 'Adds an observation to a metric (or brings back a retired one with the same id). Its citations are `sources`.',
  })
  addObservation(
    @Arg('input', () => AddObservationInput, { description: 'The new observation, as a seed observation.' }) input: AddObservationInput,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
  ) {
    return apply(ctx, (meta) => ({ op: 'addObservation', observation: seedFields(input), ...meta }), sources).then(observationChange);
  }

  @Mutation(() => ObservationChange, {
    description:
      "Corrects an observation: a mistyped value, a wrong unit, period or breakdown, a figure its publisher revised. `sources` are added to its citations (none are lost); the seed checker's rules hold after the change. A new period or breakdown gives it a new id, and its history moves with it.",
  })
  updateObservation(
    @Arg('id', () => ID, { description: 'The observation to correct: `metric@period`, with `[key=value]` for dimensions.' }) id: string,
    @Arg('input', () => UpdateObservationInput, { description: 'The fields that change; `null` removes one.' }) input: UpdateObservationInput,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
  ) {
    return apply(ctx, (meta) => ({ op: 'updateObservation', id, fields: observationFields(input), ...meta }), sources).then(observationChange);
  }

  @Mutation(() => ObservationChange, {
    description:
      'Withdraws an observation: kept with who, when and why, but no read, series, comparison or export returns it. A metric keeps at least one observation. Adding it again brings it back.',
  })
  retireObservation(
    @Arg('id', () => ID, { description: 'The observation to withdraw: `metric@period`, with `[key=value]` for dimensions.' }) id: string,
    @Arg('sources', () => [String], SOURCES) sources: string[],
    @Ctx() ctx: Context,
  ) {
    return apply(ctx, (meta) => ({ op: 'retireObservation', id, ...meta }), sources).then(observationChange);
  }
}

/** An observation update's fields as the seeds write them; an empty list of dimensions removes them. */
function observationFields(input: UpdateObservationInput): Record<string, unknown> {
  const fields = seedFields(input);
  if (fields.dimensions !== undefined && fields.dimensions !== null && Object.keys(fields.dimensions as object).length === 0) fields.dimensions = null;
  return fields;
}

type Meta = Pick<Change, 'sources' | 'actor' | 'at'>;

async function apply(ctx: Context, build: (meta: Meta) => Change, sources: string[]): Promise<AppliedChange> {
  const curator = requireCurator(ctx.access);
  const applied = await ctx.store.applyChange(build({ sources, actor: curator.subject, at: new Date().toISOString() }));
  // Later fields of this request must read the graph as it now is.
  ctx.loaders.node.clearAll();
  ctx.loaders.relationships.clearAll();
  ctx.loaders.observations.clearAll();
  ctx.loaders.history.clearAll();
  return applied;
}

function entityChange(c: AppliedChange) {
  return { entity: entityView(c.node!), recordedBy: c.recordedBy, recordedAt: c.recordedAt };
}

function relationshipChange(c: AppliedChange) {
  return {
    relationship: relationshipView({ relationship: c.relationship!, direction: 'OUT', other: c.to! }),
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt,
  };
}

function observationChange(c: AppliedChange) {
  return { observation: observationView(c.observation!), recordedBy: c.recordedBy, recordedAt: c.recordedAt };
}
