import { ArgsType, Field } from 'type-graphql';
import { NodeKind } from '../../domain';
import { EntityFilter } from './entity-filter.input';
import { PageArgs } from './page.args';

@ArgsType()
export class TypedListArgs extends PageArgs {
  @Field(() => EntityFilter, { nullable: true, description: 'Criteria the entities must meet.' })
  declare filter?: EntityFilter | null;
}

@ArgsType()
export class EntitiesArgs extends TypedListArgs {
  @Field(() => [NodeKind], { nullable: true, description: 'Only these kinds; all kinds when absent.' })
  declare kinds?: NodeKind[] | null;
}
