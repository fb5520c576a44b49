import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Qualifier, Unit } from '../../domain';
import { PeriodKind } from '../enums';
import { PartialDateScalar } from '../scalars';
import { Citation } from './citation.type';
import { Entity } from './entity.interface';
import { Node } from './node.interface';

@ObjectType({ simpleResolvers: true, description: 'One breakdown of an observation, such as `state = texas`.' })
export class Dimension {
  @Field(() => String, { description: 'What the observation is broken down by (`state`, `partner`, `party` …).' })
  key!: string;

  @Field(() => String, { description: 'The value; for state, country, partner, party and region, an entity id.' })
  value!: string;

  @Field(() => Entity, { nullable: true, description: 'The entity the value names, for entity dimensions.' })
  entity?: Entity | null;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'One measured value of a metric, with its unit, period and source.' })
export class Observation {
  @Field(() => ID, { description: 'Stable id: `metric@period` (`metric@reported-<year>` when undated), with `[key=value]` dimensions.' })
  id!: string;

  @Field(() => Float, { description: 'The number as the source states it, in `unit`.' })
  value!: number;

  @Field(() => Unit, { description: 'The unit of `value`.' })
  unit!: Unit;

  @Field(() => String, { description: 'Human-readable unit, e.g. "billion U.S. dollars".' })
  unitLabel!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The period as stated: `2021`, `FY2021`, `2022-01`, `2022-01-31` or a range `a/b`; null when the source gives the figure no date (periodKind UNDATED).',
  })
  period!: string | null;

  @Field(() => PeriodKind, { description: 'Calendar year, fiscal year, month, day or range; UNDATED when the source gives no date.' })
  periodKind!: PeriodKind;

  @Field(() => PartialDateScalar, { nullable: true, description: 'First day of the period; null when undated.' })
  periodStart!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Last day of the period; null when undated.' })
  periodEnd!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Undated observations: the year the figure was reported (the publication year of the source that states it), not when it was measured; null when dated.',
  })
  reportedIn!: number | null;

  @Field(() => [Dimension], { description: 'Breakdowns such as the U.S. state; empty for a national total.' })
  dimensions!: Dimension[];

  @Field(() => Qualifier, { nullable: true, description: 'How the stated number relates to the true value ("over", "some", a forecast …).' })
  qualifier!: Qualifier | null;

  @Field(() => String, { nullable: true, description: 'A note on how to read this value.' })
  note!: string | null;

  @Field(() => [Citation], { description: 'Where the number comes from: publication and slide.' })
  sources!: Citation[];
}
