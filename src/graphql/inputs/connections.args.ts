import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { EdgeType, MAX_CONNECTION_HOPS } from '../../domain';
import { PartialDateScalar } from '../scalars';
import { between } from './page.args';
import { VALID_AT_DESCRIPTION } from './relationships.args';

export const MAX_PATHS = 50;

@ArgsType()
export class ConnectionsArgs {
  @Field(() => ID, { description: 'Id of the entity the paths start at, e.g. `amlo`.' })
  declare from: string;

  @Field(() => ID, { description: 'Id of the entity the paths end at, e.g. `usmca`.' })
  declare to: string;

  @Field(() => Int, { defaultValue: 4, description: `Longest path to consider (1 to ${MAX_CONNECTION_HOPS}).` })
  @Min(1, { message: between(1, MAX_CONNECTION_HOPS) })
  @Max(MAX_CONNECTION_HOPS, { message: between(1, MAX_CONNECTION_HOPS) })
  declare maxHops: number;

  @Field(() => [EdgeType], { nullable: true, description: 'Walk only these relationship types; all when absent.' })
  declare edgeTypes?: EdgeType[] | null;

  @Field(() => PartialDateScalar, { nullable: true, description: VALID_AT_DESCRIPTION })
  declare validAt?: string | null;

  @Field(() => Int, { defaultValue: 5, description: `How many paths (1 to ${MAX_PATHS}).` })
  @Min(1, { message: between(1, MAX_PATHS) })
  @Max(MAX_PATHS, { message: between(1, MAX_PATHS) })
  declare first: number;
}
