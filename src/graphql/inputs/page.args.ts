import { Max, Min, type ValidationArguments } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;

/** class-validator message in our shape: "<argument>: expected …, received …". */
export const between = (min: number, max: number) => (args: ValidationArguments) =>
  `${args.property}: expected an integer from ${min} to ${max}, received ${JSON.stringify(args.value)}`;

/**
 * Relay paging: `first` items after `after`, or `last` items before `before` (not `first` and
 * `last` together). With neither `first` nor `last`, the first 20.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return from the start of the range (1 to ${MAX_PAGE_SIZE}); 20 when neither \`first\` nor \`last\` is given.`,
  })
  @Min(1, { message: between(1, MAX_PAGE_SIZE) })
  @Max(MAX_PAGE_SIZE, { message: between(1, MAX_PAGE_SIZE) })
  declare first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from `pageInfo.endCursor`).' })
  declare after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `How many items to return from the end of the range (1 to ${MAX_PAGE_SIZE}), for paging backwards; not with \`first\`.`,
  })
  @Min(1, { message: between(1, MAX_PAGE_SIZE) })
  @Max(MAX_PAGE_SIZE, { message: between(1, MAX_PAGE_SIZE) })
  declare last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items before this cursor (from `pageInfo.startCursor`).' })
  declare before?: string | null;
}
