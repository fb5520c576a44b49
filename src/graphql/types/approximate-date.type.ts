import { Field, ObjectType } from 'type-graphql';
import { DateQualifier } from '../enums';
import { PartialDateScalar } from '../scalars';

@ObjectType({ simpleResolvers: true, description: 'A date the sources give only approximately, such as "early 2021".' })
export class ApproximateDate {
  @Field(() => String, { description: 'The date field it qualifies: `date`, `established`, `launched`, `signed`, `inForce` or `ended`.' })
  role!: string;

  @Field(() => PartialDateScalar, { description: 'The date, as precise as the sources make it (`2021`).' })
  date!: string;

  @Field(() => DateQualifier, { description: 'Which part of it (`EARLY` for "early 2021").' })
  qualifier!: DateQualifier;
}
