import { ArgsType, Field } from 'type-graphql';
import { EdgeType, NodeKind } from '../../domain';
import { RelationshipDirection } from '../enums';
import { PartialDateScalar } from '../scalars';
import { PageArgs } from './page.args';
import { VALID_AT_DESCRIPTION } from './relationships.args';

/** `relationships`' criteria with Relay paging (`relationshipsConnection`). */
@ArgsType()
export class RelationshipsConnectionArgs extends PageArgs {
  @Field(() => [EdgeType], { nullable: true, description: 'Only these relationship types; all when absent.' })
  declare types?: EdgeType[] | null;

  @Field(() => RelationshipDirection, { defaultValue: RelationshipDirection.BOTH, description: 'OUT, IN or BOTH (default).' })
  declare direction: RelationshipDirection;

  @Field(() => [NodeKind], { nullable: true, description: 'Only edges whose other end is of these kinds.' })
  declare kinds?: NodeKind[] | null;

  @Field(() => PartialDateScalar, { nullable: true, description: VALID_AT_DESCRIPTION })
  declare validAt?: string | null;
}
