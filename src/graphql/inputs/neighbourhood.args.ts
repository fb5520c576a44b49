import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { EdgeType, MAX_NEIGHBOURHOOD_DEPTH, NodeKind } from '../../domain';
import { PartialDateScalar } from '../scalars';
import { between } from './page.args';
import { VALID_AT_DESCRIPTION } from './relationships.args';

export const MAX_NEIGHBOURHOOD_NODES = 500;

@ArgsType()
export class NeighbourhoodArgs {
  @Field(() => ID, { description: 'Id of the entity at the centre.' })
  declare id: string;

  @Field(() => Int, { defaultValue: 1, description: `Hops from the centre (1 to ${MAX_NEIGHBOURHOOD_DEPTH}).` })
  @Min(1, { message: between(1, MAX_NEIGHBOURHOOD_DEPTH) })
  @Max(MAX_NEIGHBOURHOOD_DEPTH, { message: between(1, MAX_NEIGHBOURHOOD_DEPTH) })
  declare depth: number;

  @Field(() => [EdgeType], { nullable: true, description: 'Follow only these relationship types; all when absent.' })
  declare edgeTypes?: EdgeType[] | null;

  @Field(() => [NodeKind], { nullable: true, description: 'Include only entities of these kinds (the centre always).' })
  declare kinds?: NodeKind[] | null;

  @Field(() => PartialDateScalar, { nullable: true, description: VALID_AT_DESCRIPTION })
  declare validAt?: string | null;

  @Field(() => Int, {
    defaultValue: 100,
    description: `Most entities in the answer, the centre included (1 to ${MAX_NEIGHBOURHOOD_NODES}); beyond it the answer lists what was left out.`,
  })
  @Min(1, { message: between(1, MAX_NEIGHBOURHOOD_NODES) })
  @Max(MAX_NEIGHBOURHOOD_NODES, { message: between(1, MAX_NEIGHBOURHOOD_NODES) })
  declare limit: number;
}
