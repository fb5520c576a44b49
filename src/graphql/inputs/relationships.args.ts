import { ArgsType, Field } from 'type-graphql';
import { EdgeType, NodeKind } from '../../domain';
import { RelationshipDirection } from '../enums';
import { PartialDateScalar } from '../scalars';

/** Shared wording for every `validAt` argument. */
export const VALID_AT_DESCRIPTION =
  'As of this date: only relationships that held then, to entities that existed then (an agreement from its entry into force to its end, a policy until it was replaced …). A year or month means its first day.';

@ArgsType()
export class RelationshipsArgs {
  @Field(() => [EdgeType], { nullable: true, description: 'Only these relationship types; all when absent.' })
  declare types?: EdgeType[] | null;

  @Field(() => RelationshipDirection, { defaultValue: RelationshipDirection.BOTH, description: 'OUT, IN or BOTH (default).' })
  declare direction: RelationshipDirection;

  @Field(() => [NodeKind], { nullable: true, description: 'Only edges whose other end is of these kinds.' })
  declare kinds?: NodeKind[] | null;

  @Field(() => PartialDateScalar, { nullable: true, description: VALID_AT_DESCRIPTION })
  declare validAt?: string | null;
}
