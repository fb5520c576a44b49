import { Max, Min, type ValidationArguments } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;

/** class-validator message in our shape: "<argument>: expected …, received …". */
export const between = (min: number, max: number) => (args: ValidationArguments) =>
  `${args.property}: expected an integer from ${min} to ${max}, received ${JSON.stringify(args.value)}`;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items to return (1 to ${MAX_PAGE_SIZE}).` })
  @Min(1, { message: between(1, MAX_PAGE_SIZE) })
  @Max(MAX_PAGE_SIZE, { message: between(1, MAX_PAGE_SIZE) })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from `pageInfo.endCursor`).' })
  after?: string | null;
}
