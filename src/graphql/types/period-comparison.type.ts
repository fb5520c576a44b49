import { Field, Float, ObjectType } from 'type-graphql';
import { Unit } from '../../domain';
import { Observation } from './observation.type';

@ObjectType({ simpleResolvers: true, description: 'A computed comparison of one metric between two periods, stated in the unit of the later observation.' })
export class PeriodComparison {
  @Field(() => Observation, { description: 'The observation for the `from` period, as the source states it.' })
  from!: Observation;

  @Field(() => Observation, { description: 'The observation for the `to` period, as the source states it.' })
  to!: Observation;

  @Field(() => Unit, { description: "The unit of the changes: the `to` observation's unit (the `from` value is converted to it when they differ)." })
  unit!: Unit;

  @Field(() => Float, { description: 'The `to` value minus the `from` value, in `unit`.' })
  absoluteChange!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The change relative to the `from` value, in percent (e.g. 314.33 for +314.33%); null when the `from` value is 0.',
  })
  percentChange!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'What to keep in mind: a unit conversion, a qualified figure, periods of different length or overlapping; null when nothing.',
  })
  note!: string | null;
}
