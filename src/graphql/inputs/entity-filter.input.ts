import { Field, ID, InputType } from 'type-graphql';
import { PartialDateScalar } from '../scalars';

@InputType({ description: 'Narrows an entity list. All given criteria must hold.' })
export class EntityFilter {
  @Field(() => [ID], {
    nullable: true,
    description: 'Only entities that ADDRESS one of these topics or any narrower topic (e.g. `illicit-drugs` includes `fentanyl`).',
  })
  declare addresses?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only entities with a relationship of any type, in either direction, to one of these entities.' })
  declare relatedTo?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only entities of these subtypes (e.g. `COUNTRY`, `FRAMEWORK`, `ELECTION`).' })
  declare types?: string[] | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Only entities with a date (signed, launched, happened …) on or after this date.' })
  declare from?: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Only entities with a date on or before this date.' })
  declare to?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description:
      'As of this date: only entities that existed then — an agreement from its entry into force until it ended, a policy or dialogue from its start until it ended or was replaced, an event once it happened. Undated kinds (topics, metrics, sources) always pass. A year or month means its first day.',
  })
  declare validAt?: string | null;
}
