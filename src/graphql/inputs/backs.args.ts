import { Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { CitedItemKind } from '../enums';
import { PageArgs } from './page.args';

@ArgsType()
export class BacksArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only what cites this source on this deck slide (1-based).' })
  @Min(1, { message: (a) => `${a.property}: expected a slide number of 1 or more, received ${JSON.stringify(a.value)}` })
  declare slide?: number | null;

  @Field(() => [CitedItemKind], { nullable: true, description: 'Only these kinds of item (entities, relationships, observations); all when absent.' })
  declare kinds?: CitedItemKind[] | null;
}
