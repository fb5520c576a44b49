import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Qualifier, Unit } from '../../domain';
import { PeriodKind } from '../enums';
import { PartialDateScalar } from '../scalars';
import { Citation, Entity } from './entity.interface';
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
  @Field(() => ID, { description: 'Stable id: `metric@period`, with `[key=value]` dimensions.' })
  id!: string;

  @Field(() => Float, { description: 'The number as the source states it, in `unit`.' })
  value!: number;

  @Field(() => Unit, { description: 'The unit of `value`.' })
  unit!: Unit;

  @Field(() => String, { description: 'Human-readable unit, e.g. "billion U.S. dollars".' })
  unitLabel!: string;

  @Field(() => String, { description: 'The period as stated: `2021`, `FY2021`, `2022-01`, `2022-01-31` or a range `a/b`.' })
  period!: string;

  @Field(() => PeriodKind, { description: 'Calendar year, fiscal year, month, day or range.' })
  periodKind!: PeriodKind;

  @Field(() => PartialDateScalar, { description: 'First day of the period.' })
  periodStart!: string;

  @Field(() => PartialDateScalar, { description: 'Last day of the period.' })
  periodEnd!: string;

  @Field(() => [Dimension], { description: 'Breakdowns such as the U.S. state; empty for a national total.' })
  dimensions!: Dimension[];

  @Field(() => Qualifier, { nullable: true, description: 'How the stated number relates to the true value ("over", "some", a forecast …).' })
  qualifier!: Qualifier | null;

  @Field(() => String, { nullable: true, description: 'A note on how to read this value.' })
  note!: string | null;

  @Field(() => [Citation], { description: 'Where the number comes from: publication and slide.' })
  sources!: Citation[];
}
