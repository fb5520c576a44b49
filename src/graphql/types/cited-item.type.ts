import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from './connection.type';
import { Entity, Relationship } from './entity.interface';
import { Observation } from './observation.type';

/** What a cited item is (the domain's CitedItemKind as a GraphQL enum). */
export enum CitedItemKind {
  ENTITY = 'ENTITY',
  RELATIONSHIP = 'RELATIONSHIP',
  OBSERVATION = 'OBSERVATION',
}

registerEnumType(CitedItemKind, {
  name: 'CitedItemKind',
  description: 'What a source backs: an entity, a relationship or an observation.',
  valuesConfig: {
    ENTITY: { description: 'An entity citing the source (`entity` is set).' },
    RELATIONSHIP: { description: 'A relationship citing it (`relationship` is set).' },
    OBSERVATION: { description: 'An observation citing it (`observation` is set).' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'Something a source backs: an entity, relationship or observation citing it, and the slides it cites it on.' })
export class CitedItem {
  @Field(() => CitedItemKind, { description: 'Which of `entity`, `relationship` and `observation` is set.' })
  kind!: CitedItemKind;

  @Field(() => ID, { description: 'The id of the entity, relationship or observation (each also a `Node`: `node(id:)` finds it).' })
  id!: string;

  @Field(() => [Int], { description: 'The deck slides on which it cites this source, ascending.' })
  slides!: number[];

  @Field(() => Entity, { nullable: true, description: 'The entity, when `kind` is ENTITY.' })
  entity!: Entity | null;

  @Field(() => Relationship, { nullable: true, description: 'The relationship, read from its start, when `kind` is RELATIONSHIP.' })
  relationship!: Relationship | null;

  @Field(() => Observation, { nullable: true, description: 'The observation, when `kind` is OBSERVATION.' })
  observation!: Observation | null;
}

export const CitedItemConnection = Connection('CitedItem', CitedItem, {
  items: 'cited items',
  node: 'The entity, relationship or observation citing the source, with the slides.',
});
