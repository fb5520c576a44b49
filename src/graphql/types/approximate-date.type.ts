import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DATE_QUALIFIERS } from '../../domain';
import { PartialDateScalar } from '../scalars';

/** Which part of a date the sources give (mirrors the domain's DateQualifier). */
export enum DateQualifier {
  EARLY = 'EARLY',
  MID = 'MID',
  LATE = 'LATE',
}
// Kept in step with the domain's list (a test would otherwise miss a new qualifier).
if (DATE_QUALIFIERS.some((q) => !(q in DateQualifier))) throw new Error('DateQualifier is missing a domain qualifier');

registerEnumType(DateQualifier, {
  name: 'DateQualifier',
  description: 'Which part of the date the sources say: EARLY ("early 2021"), MID or LATE ("late 2020"). The date keeps its own precision; no month is invented.',
  valuesConfig: {
    EARLY: { description: 'The early part of the date ("early 2021").' },
    MID: { description: 'Its middle ("mid-2021").' },
    LATE: { description: 'Its late part ("late 2020").' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A date the sources give only approximately, such as "early 2021".' })
export class ApproximateDate {
  @Field(() => String, { description: 'The date field it qualifies: `date`, `established`, `launched`, `signed`, `inForce` or `ended`.' })
  role!: string;

  @Field(() => PartialDateScalar, { description: 'The date, as precise as the sources make it (`2021`).' })
  date!: string;

  @Field(() => DateQualifier, { description: 'Which part of it (`EARLY` for "early 2021").' })
  qualifier!: DateQualifier;
}
