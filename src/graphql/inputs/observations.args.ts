import { ArgsType, Field } from 'type-graphql';
import { PartialDateScalar } from '../scalars';
import { DimensionFilter } from './dimension-filter.input';

@ArgsType()
export class ObservationsArgs {
  @Field(() => PartialDateScalar, { nullable: true, description: 'Only observations whose period ends on or after this date.' })
  from?: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Only observations whose period starts on or before this date.' })
  to?: string | null;

  @Field(() => [DimensionFilter], { nullable: true, description: 'Only observations with these dimension values (e.g. `{ key: "state", value: "texas" }`).' })
  dimensions?: DimensionFilter[] | null;
}
