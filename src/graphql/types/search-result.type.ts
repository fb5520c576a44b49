import { Field, Float, ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';

@ObjectType({ simpleResolvers: true, description: 'A search hit: the entity and how well it matched.' })
export class SearchResult {
  @Field(() => Float, { description: 'Relevance, higher is better; comparable only within one result list.' })
  score!: number;

  @Field(() => Entity, { description: 'The matching entity.' })
  entity!: Entity;
}
