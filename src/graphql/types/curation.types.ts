import { Field, ObjectType } from 'type-graphql';
import { Entity, Relationship } from './entity.interface';
import { Observation } from './observation.type';

@ObjectType({ simpleResolvers: true, description: 'An entity created, updated or retired by a curator.' })
export class EntityChange {
  @Field(() => Entity, { description: 'The entity as written (a retired one as it was when retired; reads no longer return it).' })
  entity!: Entity;

  @Field(() => String, { description: 'The curator who made the change (the subject of their token).' })
  recordedBy!: string;

  @Field(() => String, { description: 'When the change was recorded, as an ISO 8601 timestamp (UTC).' })
  recordedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A relationship added or retired by a curator.' })
export class RelationshipChange {
  @Field(() => Relationship, { description: 'The relationship, seen from its `from` end (`node` is the `to` entity).' })
  relationship!: Relationship;

  @Field(() => String, { description: 'The curator who made the change (the subject of their token).' })
  recordedBy!: string;

  @Field(() => String, { description: 'When the change was recorded, as an ISO 8601 timestamp (UTC).' })
  recordedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'An observation added, corrected or withdrawn by a curator.' })
export class ObservationChange {
  @Field(() => Observation, { description: 'The observation as written (a withdrawn one as it was when withdrawn; reads no longer return it).' })
  observation!: Observation;

  @Field(() => String, { description: 'The curator who made the change (the subject of their token).' })
  recordedBy!: string;

  @Field(() => String, { description: 'When the change was recorded, as an ISO 8601 timestamp (UTC).' })
  recordedAt!: string;
}
