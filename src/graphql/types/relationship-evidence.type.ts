import { Field, InterfaceType } from 'type-graphql';
import type { Relationship } from '../../domain';
import { PartialDateScalar } from '../scalars';
import { Citation } from './citation.type';

/**
 * What the sources say about a relationship, declared once for every place a relationship is
 * read: `Relationship`, a path's `Hop` and a neighbourhood's `NeighbourhoodEdge` implement it
 * (and inherit these fields), so a client's fragment on it fits all three.
 */
@InterfaceType('RelationshipEvidence', {
  description:
    'When a relationship held, a note on it and where the graph got it: the same fields on a `Relationship`, a path `Hop` and a `NeighbourhoodEdge`, so one fragment (`... on RelationshipEvidence`) reads them on each.',
})
export abstract class RelationshipEvidence {
  @Field(() => PartialDateScalar, { nullable: true, description: 'First day the relationship held, when the sources give one.' })
  validFrom!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'Last day the relationship held, when it has ended.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'A short note qualifying the relationship.' })
  note!: string | null;

  @Field(() => [Citation], { description: 'Where the graph got this relationship: publication and slide.' })
  sources!: Citation[];
}

/** A relationship's evidence fields as the GraphQL views carry them. */
export type EvidenceView = Pick<Relationship, 'validFrom' | 'validTo' | 'note' | 'sources'>;
