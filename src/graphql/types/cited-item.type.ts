import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CitedItemKind } from '../enums';
import { Connection } from './connection.type';
import { Entity, Relationship } from './entity.interface';
import { Observation } from './observation.type';

@ObjectType({
  simpleResolvers: true,
  description: 'Something a source backs: an entity, relationship or observation citing it, and the slides it cites it on.',
})
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
