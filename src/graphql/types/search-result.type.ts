import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SearchField, SearchTarget } from '../../domain';
import { Entity, Relationship } from './entity.interface';
import { Observation } from './observation.type';

@ObjectType({ simpleResolvers: true, description: 'A matched word in a snippet.' })
export class SearchHighlight {
  @Field(() => Int, { description: 'Offset of the word’s first character in `snippet`, in UTF-16 code units (JavaScript string indices), from 0.' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the word’s last character (exclusive): the word is `snippet.slice(start, end)`.' })
  end!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One field of a search hit that matched the query, with the matched words marked.' })
export class SearchMatch {
  @Field(() => SearchField, { description: 'The field that matched.' })
  field!: SearchField;

  @Field(() => String, {
    description:
      'The field’s text as stored, plain (no markup). Texts longer than 160 characters are cut to a window around the first matched word, at word boundaries, with "…" where cut.',
  })
  snippet!: string;

  @Field(() => [SearchHighlight], { description: 'The matched words (exact, prefix or with a typo), as offsets into `snippet`, in order and not overlapping.' })
  highlights!: SearchHighlight[];
}

@ObjectType({ simpleResolvers: true, description: 'A search hit: what matched (an entity, a relationship or an observation), how well, and why.' })
export class SearchResult {
  @Field(() => SearchTarget, { description: 'What the hit is; `relationship` or `observation` is set for those targets.' })
  target!: SearchTarget;

  @Field(() => Float, { description: 'Relevance, higher is better; comparable only within one result list. The same on every store.' })
  score!: number;

  @Field(() => [SearchMatch], { description: 'Why it matched: each field that holds a query word, with the words marked.' })
  matches!: SearchMatch[];

  @Field(() => Entity, {
    description: "The entity hit; for a relationship hit, the relationship's `from` entity; for an observation hit, its metric.",
  })
  entity!: Entity;

  @Field(() => Relationship, {
    nullable: true,
    description:
      'For a relationship hit: the relationship, read from its `from` end (direction OUT, `node` the `to` entity), with its type, both end ids and citations.',
  })
  relationship!: Relationship | null;

  @Field(() => Observation, { nullable: true, description: 'For an observation hit: the observation.' })
  observation!: Observation | null;
}
