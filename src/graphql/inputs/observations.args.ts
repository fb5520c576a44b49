import { ArgsType, Field } from 'type-graphql';
import { PeriodKind } from '../enums';
import { PeriodScalar } from '../scalars';
import { DimensionFilter } from './dimension-filter.input';

@ArgsType()
export class ObservationsArgs {
  @Field(() => PeriodScalar, {
    nullable: true,
    description: 'Only observations whose period ends on or after the start of this period (`2019`, `FY2019`, `2021-10` …).',
  })
  declare from?: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'Only observations whose period starts on or before the end of this period.' })
  declare to?: string | null;

  @Field(() => [DimensionFilter], { nullable: true, description: 'Only observations with these dimension values (e.g. `{ key: "state", value: "texas" }`).' })
  declare dimensions?: DimensionFilter[] | null;

  @Field(() => [PeriodKind], {
    nullable: true,
    description: 'Only observations with periods of these kinds (e.g. `[FISCAL_YEAR]` for fiscal years only); all kinds when absent.',
  })
  declare periodKinds?: PeriodKind[] | null;
}
