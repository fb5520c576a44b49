import { Field, Float, InputType, Int } from 'type-graphql';
import { Qualifier, Unit } from '../../domain';

@InputType({ description: 'One breakdown of an observation, such as `{ key: "state", value: "texas" }`.' })
export class DimensionInput {
  @Field(() => String, { description: 'What the value is broken down by (state, country, partner, party, region …).' })
  key!: string;

  @Field(() => String, { description: 'The value; for state, country, partner, party and region, an Actor id.' })
  value!: string;
}

@InputType({
  description:
    "The first observation of a new Metric (`createEntity`), with the fields of a seed observation but `metric` (citations go in the mutation's `sources`).",
})
export class FirstObservationInput {
  @Field(() => Float, { description: 'The number as the source states it.' })
  value!: number;

  @Field(() => Unit, {
    nullable: true,
    description:
      "Unit of the value; the metric's unit when absent. Must measure what the metric's unit does (its family: COUNT, THOUSAND and MILLION together, say).",
  })
  unit?: Unit | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The period as the source states it: YYYY, FYYYYY, YYYY-MM, YYYY-MM-DD or a range A/B. Leave it out when the source gives the figure no date, and give `reported`.',
  })
  period?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'For a figure its source gives no date (no `period`): the year it was reported, which must be the publication year of a source the change cites.',
  })
  reported?: number | null;

  @Field(() => [DimensionInput], { nullable: true, description: 'Breakdowns; absent for a national total.' })
  dimensions?: DimensionInput[] | null;

  @Field(() => Qualifier, {
    nullable: true,
    description:
      'How the stated number relates to the true value ("over": MORE_THAN, "some": APPROXIMATE, a FORECAST …); absent when the source states the number plainly.',
  })
  qualifier?: Qualifier | null;

  @Field(() => String, { nullable: true, description: 'A note on how to read this value.' })
  note?: string | null;
}

@InputType({ description: "A new observation of a metric, with the fields of a seed observation (citations go in the mutation's `sources`)." })
export class AddObservationInput extends FirstObservationInput {
  @Field(() => String, { description: 'Id of the Metric this is a value of.' })
  metric!: string;
}

@InputType({
  description:
    'The fields of an observation that change (`updateObservation`); an absent field stays, `null` removes it. A new `period`, `reported` year or `dimensions` give the observation a new id (`metric@period[key=value]`); its history moves with it.',
})
export class UpdateObservationInput {
  @Field(() => Float, { nullable: true, description: 'The corrected number, as the source states it.' })
  value?: number | null;

  @Field(() => Unit, { nullable: true, description: "Unit of the value; the metric's unit when removed. Must measure what the metric's unit does." })
  unit?: Unit | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The period as the source states it: YYYY, FYYYYY, YYYY-MM, YYYY-MM-DD or a range A/B. Remove it (null) and give `reported` for an undated figure.',
  })
  period?: string | null;

  @Field(() => Int, { nullable: true, description: 'For an undated figure: the year it was reported, the publication year of a source it cites.' })
  reported?: number | null;

  @Field(() => [DimensionInput], {
    nullable: true,
    description: 'The breakdowns, all of them (they replace the old ones); null or empty for a national total.',
  })
  dimensions?: DimensionInput[] | null;

  @Field(() => Qualifier, { nullable: true, description: 'How the stated number relates to the true value; null when the source states it plainly.' })
  qualifier?: Qualifier | null;

  @Field(() => String, { nullable: true, description: 'A note on how to read this value; null removes it.' })
  note?: string | null;
}
