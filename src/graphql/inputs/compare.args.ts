import { ArgsType, Field } from 'type-graphql';
import { PeriodScalar } from '../scalars';
import { DimensionFilter } from './dimension-filter.input';

@ArgsType()
export class CompareArgs {
  @Field(() => PeriodScalar, { description: 'The earlier period, exactly as the observations state it (e.g. `FY2020`).' })
  declare from: string;

  @Field(() => PeriodScalar, { description: 'The later period, exactly as the observations state it (e.g. `FY2021`).' })
  declare to: string;

  @Field(() => [DimensionFilter], {
    nullable: true,
    description: 'The breakdown both observations must have, exactly (e.g. `{ key: "state", value: "texas" }`); the national total when absent.',
  })
  declare dimensions?: DimensionFilter[] | null;
}
