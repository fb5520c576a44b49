import { Field, Float, InputType, Int } from 'type-graphql';
import { Qualifier, Unit } from '../../domain';

@InputType({ description: 'One breakdown of an observation, such as `{ key: "state", value: "texas" }`.' })
export class DimensionInput {
  @Field(() => String, { description: 'What the value is broken down by (state, country, partner, party, region …).' })
  declare key: string;

  @Field(() => String, { description: 'The value; for state, country, partner, party and region, an Actor id.' })
  declare value: string;
}

@InputType({
  description:
    "The first observation of a new Metric (`createEntity`), with the fields of a seed observation but `metric` (citations go in the mutation's `sources`).",
})
export class FirstObservationInput {
  @Field(() => Float, { description: 'The number as the source states it.' })
  declare value: number;

  @Field(() => Unit, {
    nullable: true,
    description:
      "Unit of the value; the metric's unit when absent. Must measure what the metric's unit does (its family: COUNT, THOUSAND and MILLION together, say).",
  })
  declare unit?: Unit | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The period as the source states it: YYYY, FYYYYY, YYYY-MM, YYYY-MM-DD or a range A/B. Leave it out when the source gives the figure no date, and give `reported`.',
  })
  declare period?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'For a figure its source gives no date (no `period`): the year it was reported, which must be the publication year of a source the change cites.',
  })
  declare reported?: number | null;

  @Field(() => [DimensionInput], { nullable: true, description: 'Breakdowns; absent for a national total.' })
  declare dimensions?: DimensionInput[] | null;

  @Field(() => Qualifier, {
    nullable: true,
    description:
      'How the stated number relates to the true value ("over": MORE_THAN, "some": APPROXIMATE, a FORECAST …); absent when the source states the number plainly.',
  })
  declare qualifier?: Qualifier | null;

  @Field(() => String, { nullable: true, description: 'A note on how to read this value.' })
  declare note?: string | null;
}

@InputType({ description: "A new observation of a metric, with the fields of a seed observation (citations go in the mutation's `sources`)." })
export class AddObservationInput extends FirstObservationInput {
  @Field(() => String, { description: 'Id of the Metric this is a value of.' })
  declare metric: string;
}

@InputType({
  description:
    'The fields of an observation that change (`updateObservation`); an absent field stays, `null` removes it. A new `period`, `reported` year or `dimensions` give the observation a new id (`metric@period[key=value]`); its history moves with it.',
})
export class UpdateObservationInput {
  @Field(() => Float, { nullable: true, description: 'The corrected number, as the source states it.' })
  declare value?: number | null;

  @Field(() => Unit, { nullable: true, description: "Unit of the value; the metric's unit when removed. Must measure what the metric's unit does." })
  declare unit?: Unit | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The period as the source states it: YYYY, FYYYYY, YYYY-MM, YYYY-MM-DD or a range A/B. Remove it (null) and give `reported` for an undated figure.',
  })
  declare period?: string | null;

  @Field(() => Int, { nullable: true, description: 'For an undated figure: the year it was reported, the publication year of a source it cites.' })
  declare reported?: number | null;

  @Field(() => [DimensionInput], {
    nullable: true,
    description: 'The breakdowns, all of them (they replace the old ones); null or empty for a national total.',
  })
  declare dimensions?: DimensionInput[] | null;

  @Field(() => Qualifier, { nullable: true, description: 'How the stated number relates to the true value; null when the source states it plainly.' })
  declare qualifier?: Qualifier | null;

  @Field(() => String, { nullable: true, description: 'A note on how to read this value; null removes it.' })
  declare note?: string | null;
}
