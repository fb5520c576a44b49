import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A pointer to the publication that states a fact and the deck slide that cites it.' })
export class Citation {
  /** Resolved to `source` by the citation resolver. */
  sourceId!: string;

  @Field(() => Int, { description: 'The slide of the briefing deck that cites it (1-based).' })
  slide!: number;
}
