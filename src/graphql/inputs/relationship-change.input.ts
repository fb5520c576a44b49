import { Field, InputType } from 'type-graphql';
import { EdgeType } from '../../domain';

@InputType({ description: "A new relationship, with the fields of a seed edge (citations go in the mutation's `sources`)." })
export class AddRelationshipInput {
  @Field(() => String, { description: 'Id of the entity the edge starts at.' })
  declare from: string;

  @Field(() => EdgeType, {
    description: "The edge type (ADDRESSES, PARTY_TO, REPLACES …), read `from <type> to`; which kinds it may join is checked with the seed checker's message.",
  })
  declare type: EdgeType;

  @Field(() => String, { description: 'Id of the entity the edge ends at.' })
  declare to: string;

  @Field(() => String, { nullable: true, description: 'First day the relationship held: YYYY, YYYY-MM or YYYY-MM-DD.' })
  declare validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day the relationship held, when it has ended.' })
  declare validTo?: string | null;

  @Field(() => String, { nullable: true, description: 'A short note qualifying the relationship.' })
  declare note?: string | null;
}
