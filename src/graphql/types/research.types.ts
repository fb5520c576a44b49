import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EdgeType } from '../../domain';
import { RelationshipDirection } from '../enums';
import { Entity } from './entity.interface';
import { RelationshipEvidence } from './relationship-evidence.type';

@ObjectType({ simpleResolvers: true, implements: RelationshipEvidence, description: 'One step of a path, with the evidence for it.' })
export class Hop extends RelationshipEvidence {
  @Field(() => Entity, { description: 'Where this step starts.' })
  from!: Entity;

  @Field(() => Entity, { description: 'Where this step ends.' })
  to!: Entity;

  @Field(() => ID, { description: 'Id of the relationship walked.' })
  relationshipId!: string;

  @Field(() => EdgeType, { description: 'The relationship type, read `from <type> to` when direction is OUT.' })
  type!: EdgeType;

  @Field(() => RelationshipDirection, { description: 'OUT when the edge points the way the path walks (from → to); IN when it points back.' })
  direction!: RelationshipDirection;
}

@ObjectType({ simpleResolvers: true, description: 'A chain of relationships from one entity to another.' })
export class Path {
  @Field(() => Int, { description: 'Number of hops.' })
  length!: number;

  @Field(() => Float, { description: 'How much the path goes through hubs (sum of ln(1 + degree) of the entities in between); lower is more specific.' })
  hubScore!: number;

  @Field(() => [Entity], { description: 'The entities along the path, from first to last.' })
  nodes!: Entity[];

  @Field(() => [Hop], { description: 'The steps, each with its relationship and sources.' })
  hops!: Hop[];
}

@ObjectType({ simpleResolvers: true, description: 'How two entities are connected: the shortest paths (and those one hop longer), best first.' })
export class Connections {
  @Field(() => Entity, { description: 'Where the paths start.' })
  from!: Entity;

  @Field(() => Entity, { description: 'Where the paths end.' })
  to!: Entity;

  @Field(() => Int, { nullable: true, description: 'Length of the shortest path; null when none exists within maxHops.' })
  shortestLength!: number | null;

  @Field(() => [Path], { description: 'Paths ranked by length, then by specificity (fewer hubs first).' })
  paths!: Path[];

  @Field(() => Boolean, { description: 'Whether more paths of the considered lengths exist than were returned (raise `first`).' })
  morePaths!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'An entity of a neighbourhood, with its distance from the centre.' })
export class NeighbourhoodNode {
  @Field(() => ID, { description: 'Entity id (Cytoscape `data.id`).' })
  id!: string;

  @Field(() => Int, { description: 'Hops from the centre (0 for the centre).' })
  depth!: number;

  @Field(() => Entity, { description: 'The entity.' })
  entity!: Entity;
}

@ObjectType({
  simpleResolvers: true,
  implements: RelationshipEvidence,
  description: 'An edge of a neighbourhood, shaped for graph viewers (`source` → `target`), with the evidence for it.',
})
export class NeighbourhoodEdge extends RelationshipEvidence {
  @Field(() => ID, { description: 'Relationship id.' })
  id!: string;

  @Field(() => ID, { description: 'Id of the entity the edge starts at (Cytoscape `data.source`).' })
  source!: string;

  @Field(() => ID, { description: 'Id of the entity the edge ends at (Cytoscape `data.target`).' })
  target!: string;

  @Field(() => EdgeType, { description: 'The relationship type.' })
  type!: EdgeType;
}

@ObjectType({ simpleResolvers: true, description: 'An entity whose edges were not all followed because the neighbourhood reached its limit.' })
export class LeftOut {
  @Field(() => Entity, { description: 'The entity; ask for its neighbourhood or its `relationships` to see the rest.' })
  entity!: Entity;

  @Field(() => Int, { description: 'How many of its edges (to entities not in the answer) were left out.' })
  omittedEdges!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The entities around a centre and the edges between them, ready for Cytoscape.js or vis-network.' })
export class Neighbourhood {
  @Field(() => Entity, { description: 'The entity at the centre.' })
  center!: Entity;

  @Field(() => [NeighbourhoodNode], { description: 'Entities by distance from the centre, then name.' })
  nodes!: NeighbourhoodNode[];

  @Field(() => [NeighbourhoodEdge], { description: 'Every edge found between those entities.' })
  edges!: NeighbourhoodEdge[];

  @Field(() => Boolean, { description: 'True when `limit` cut the answer; `leftOut` then says where.' })
  truncated!: boolean;

  @Field(() => [LeftOut], { description: 'The entities whose edges were cut, and how many: nothing is left out silently.' })
  leftOut!: LeftOut[];
}
