import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { HistoryOp } from '../enums';
import { Citation } from './citation.type';

@ObjectType({ simpleResolvers: true, description: 'One field a change set, named as in the seed YAML, with its value before and after.' })
export class FieldChange {
  @Field(() => String, { description: 'The field, as the seed YAML names it (`description`, `value`, `period`, `sources` …).' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value before the change, as the seed YAML writes it; null when the field was absent.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Its value after the change, as the seed YAML writes it; null when the change removed it.' })
  after!: unknown;
}

@ObjectType({ simpleResolvers: true, description: 'One change to a record: who made it, when, citing what, and which fields it changed.' })
export class HistoryEntry {
  @Field(() => HistoryOp, { description: 'The mutation that made the change (or `overwriteBySeed`).' })
  op!: HistoryOp;

  @Field(() => String, { description: 'The curator who made the change (the subject of their token); `seed` for a re-seed.' })
  recordedBy!: string;

  @Field(() => String, { description: 'When the change was recorded, as an ISO 8601 timestamp (UTC).' })
  recordedAt!: string;

  @Field(() => [Citation], { description: "The change's own citations (the record's are in its `sources`)." })
  sources!: Citation[];

  @Field(() => [FieldChange], {
    description: 'The fields it changed, by name: every field for a creation, none for a retirement. `sources` shows the citations it added.',
  })
  fields!: FieldChange[];

  @Field(() => ID, {
    nullable: true,
    description: 'The id the record had before this change, when the change gave it a new one (an observation whose period or dimensions were corrected).',
  })
  previousId!: string | null;
}
