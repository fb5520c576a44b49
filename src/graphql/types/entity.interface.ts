import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { EdgeType, NodeKind, type GraphNode } from '../../domain';
import { RelationshipDirection } from '../enums';
import { Node } from './node.interface';
import { ApproximateDate } from './approximate-date.type';
import { Citation } from './citation.type';
import { RelationshipEvidence } from './relationship-evidence.type';

// Entity and Relationship refer to each other, so they live in one module; the per-kind types
// import this one and nothing imports them back (no import cycle).

/**
 * An entity's GraphQL type is its kind. Synchronous, and so is the `resolveType` type-graphql builds
 * from it (patches/type-graphql+2.0.0-rc.4.patch): a list of `Entity` is not a promise per item.
 */
export const resolveEntityType = (value: GraphNode): string => value.kind;

@InterfaceType('Entity', {
  implements: Node,
  description:
    'A node of the knowledge graph: an actor, policy, agreement, dialogue, event, topic, metric or source. Every entity has a stable id, a name, aliases in both languages and the sources that state it.',
  resolveType: resolveEntityType,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable, human-readable id (e.g. `usmca`, `hlsd`, `amlo`).' })
  id!: string;

  @Field(() => NodeKind, { description: 'The kind of node; also the GraphQL type name.' })
  kind!: NodeKind;

  @Field(() => String, { description: 'Preferred name.' })
  name!: string;

  @Field(() => [String], { description: 'Other names: acronyms, Spanish and English forms, spellings without accents.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'A sentence or two on what this is.' })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The entity's subtype as plain text, the same value as its kind's typed `type` (`COUNTRY`, `INITIATIVE`, `BILATERAL`, `ELECTION` …); null for kinds without subtypes (topics, metrics, sources). Readable in one selection over `Entity`, where selecting `type` on several kinds conflicts (each kind's `type` is a different enum).",
  })
  subtype!: string | null;

  @Field(() => [Citation], { description: 'Where the graph got this entity: publication and slide.' })
  sources!: Citation[];

  @Field(() => [ApproximateDate], {
    description:
      'The dates the sources give only approximately ("early 2021": `date` 2021, qualifier EARLY), each with the date field it qualifies; empty when every date is as precise as written.',
  })
  approximateDates!: ApproximateDate[];
}

@ObjectType({
  simpleResolvers: true,
  implements: [Node, RelationshipEvidence],
  description:
    'An edge of the graph, seen from one of its ends (`direction`, `node`); read graph-wide (`relationships`, `node(id:)`, `Source.backs`) it is seen from its start: `direction` OUT and `node` its end. `start` and `end` are its two ends either way.',
})
export class Relationship extends RelationshipEvidence {
  @Field(() => ID, { description: 'Stable id of the edge: `from:TYPE:to`, with `@validFrom` when dated.' })
  id!: string;

  @Field(() => EdgeType, { description: 'The relationship type, read `from <type> to`.' })
  type!: EdgeType;

  @Field(() => RelationshipDirection, {
    description: "OUT when the entity you read this from is the edge's `from`; IN when it is the `to`.",
  })
  direction!: RelationshipDirection;

  /** Declared by its resolver (relationship.resolver.ts): null on an edge read graph-wide, until selected. */
  node!: GraphNode | null;

  @Field(() => ID, { description: 'Id of the entity the edge starts at.' })
  from!: string;

  @Field(() => ID, { description: 'Id of the entity the edge ends at.' })
  to!: string;
}
