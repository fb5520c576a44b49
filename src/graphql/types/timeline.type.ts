import { Field, Int, ObjectType } from 'type-graphql';
import { TimelineRole } from '../../domain';
import { DatePrecision } from '../enums';
import { PartialDateScalar } from '../scalars';
import { Entity } from './entity.interface';

@ObjectType({
  simpleResolvers: true,
  description: 'One dated fact on a timeline: an event happened, an agreement was signed, a policy was launched or replaced …',
})
export class TimelineEntry {
  @Field(() => PartialDateScalar, { description: 'When, to the precision the sources give.' })
  date!: string;

  @Field(() => DatePrecision, { description: 'Whether `date` is known to the year, the month or the day.' })
  precision!: DatePrecision;

  @Field(() => TimelineRole, { description: 'What happened to the entity on that date.' })
  role!: TimelineRole;

  @Field(() => Entity, { description: 'The event, agreement, policy or dialogue the entry is about.' })
  entity!: Entity;

  @Field(() => Entity, { nullable: true, description: 'For REPLACED: the entity that replaced it; null for other roles.' })
  replacedBy!: Entity | null;
}

@ObjectType({ simpleResolvers: true, description: 'A chronology of events, agreements, policies and dialogues, earliest first.' })
export class Timeline {
  @Field(() => [TimelineEntry], { description: 'The entries, ordered by the first day of their date, then role, then entity name; at most `first` of them.' })
  entries!: TimelineEntry[];

  @Field(() => Int, { description: 'How many entries match, including those cut off by `first`.' })
  totalCount!: number;

  @Field(() => Boolean, { description: 'Whether `first` cut the list short (totalCount > entries returned).' })
  truncated!: boolean;
}
