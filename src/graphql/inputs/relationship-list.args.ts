import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from './page.args';
import { RelationshipFilter } from './relationship-filter.input';

@ArgsType()
export class RelationshipListArgs extends PageArgs {
  @Field(() => RelationshipFilter, { nullable: true, description: 'Criteria the relationships must meet.' })
  declare filter?: RelationshipFilter | null;
}
