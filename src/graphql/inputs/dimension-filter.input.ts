import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A dimension value an observation must carry.' })
export class DimensionFilter {
  @Field(() => String, { description: 'Dimension name, e.g. `state`.' })
  declare key: string;

  @Field(() => String, { description: 'Dimension value, e.g. `texas`.' })
  declare value: string;
}
