import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { NodeKind } from '../../domain';
import { PartialDateScalar } from '../scalars';
import { between } from './page.args';

export const MAX_TIMELINE_ENTRIES = 500;

@ArgsType()
export class TimelineArgs {
  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Only entries whose date overlaps this date or comes after it (`2021` takes 1 January 2021).',
  })
  declare from?: string | null;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Only entries whose date overlaps this date or comes before it (`2021` takes 31 December 2021).',
  })
  declare to?: string | null;

  @Field(() => [NodeKind], { nullable: true, description: 'Only these kinds: Event, Agreement, Policy and/or Dialogue; all four when absent.' })
  declare kinds?: NodeKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only entities that ADDRESS one of these topics or a narrower one (e.g. `security` includes `fentanyl`).' })
  declare topics?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only entities with a relationship of any type, in either direction, to one of these actors (e.g. `amlo`).',
  })
  declare actors?: string[] | null;

  @Field(() => Int, { defaultValue: 100, description: `How many entries to return, earliest first (1 to ${MAX_TIMELINE_ENTRIES}).` })
  @Min(1, { message: between(1, MAX_TIMELINE_ENTRIES) })
  @Max(MAX_TIMELINE_ENTRIES, { message: between(1, MAX_TIMELINE_ENTRIES) })
  declare first: number;
}
