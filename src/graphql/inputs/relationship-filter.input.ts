import { Field, ID, InputType } from 'type-graphql';
import { EdgeType, NodeKind } from '../../domain';
import { PartialDateScalar } from '../scalars';
import { VALID_AT_DESCRIPTION } from './relationships.args';

@InputType({ description: 'Criteria for a graph-wide list of relationships; all given criteria must hold.' })
export class RelationshipFilter {
  @Field(() => [EdgeType], { nullable: true, description: 'Only these relationship types; all when absent.' })
  declare types?: EdgeType[] | null;

  @Field(() => ID, { nullable: true, description: 'Only relationships starting at this entity (its id).' })
  declare from?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only relationships ending at this entity (its id).' })
  declare to?: string | null;

  @Field(() => [NodeKind], { nullable: true, description: 'Only relationships with at least one end of these kinds.' })
  declare kinds?: NodeKind[] | null;

  @Field(() => PartialDateScalar, { nullable: true, description: `${VALID_AT_DESCRIPTION} Both ends must have existed then.` })
  declare validAt?: string | null;
}
