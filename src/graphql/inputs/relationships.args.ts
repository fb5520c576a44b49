import { ArgsType, Field } from 'type-graphql';
import { EdgeType, NodeKind } from '../../domain';
import { RelationshipDirection } from '../enums';

@ArgsType()
export class RelationshipsArgs {
  @Field(() => [EdgeType], { nullable: true, description: 'Only these relationship types; all when absent.' })
  types?: EdgeType[] | null;

  @Field(() => RelationshipDirection, { defaultValue: RelationshipDirection.BOTH, description: 'OUT, IN or BOTH (default).' })
  direction!: RelationshipDirection;

  @Field(() => [NodeKind], { nullable: true, description: 'Only edges whose other end is of these kinds.' })
  kinds?: NodeKind[] | null;
}
