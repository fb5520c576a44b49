import { Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { NodeKind, SearchTarget } from '../../domain';
import { MAX_PAGE_SIZE, between } from './page.args';

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      'Words to look for in names, aliases, descriptions and relationship and observation notes. Accents and case are ignored and small typos tolerated.',
  })
  @MinLength(1, { message: (a) => `query: expected at least 1 character, received ${JSON.stringify(a.value)}` })
  @MaxLength(200, { message: (a) => `query: expected at most 200 characters, received ${String(a.value).length}` })
  declare query: string;

  @Field(() => [NodeKind], {
    nullable: true,
    description: 'Only hits whose `entity` is of these kinds (for a relationship its `from` end, for an observation its metric); all kinds when absent.',
  })
  declare kinds?: NodeKind[] | null;

  @Field(() => [SearchTarget], { nullable: true, description: 'Only these targets (entities, relationships, observations); all when absent or empty.' })
  declare targets?: SearchTarget[] | null;

  @Field(() => Int, { defaultValue: 10, description: `How many results (1 to ${MAX_PAGE_SIZE}).` })
  @Min(1, { message: between(1, MAX_PAGE_SIZE) })
  @Max(MAX_PAGE_SIZE, { message: between(1, MAX_PAGE_SIZE) })
  declare first: number;
}
