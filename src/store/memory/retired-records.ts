import type { GraphNode, Observation, Relationship } from '../../domain';

/** A retired entity: kept, with who and when, and what its retirement hid from reads. */
export interface RetiredNode {
  readonly node: GraphNode;
  readonly retiredBy: string;
  readonly retiredAt: string;
  readonly edges: readonly Relationship[];
  readonly observations: readonly Observation[];
}

/** A retired relationship, with who retired it and when. */
export interface RetiredRelationship {
  readonly relationship: Relationship;
  readonly retiredBy: string;
  readonly retiredAt: string;
}

/** A retired observation, with who retired it and when. */
export interface RetiredObservation {
  readonly observation: Observation;
  readonly retiredBy: string;
  readonly retiredAt: string;
}

/**
 * What curation retired: left out of every read, but kept. A retired entity's id stays taken
 * (validateChange asks `isRetired`); a relationship or an observation added again with a retired
 * one's id is live again and leaves this list.
 */
export class RetiredRecords {
  /** Retired entities by id. */
  readonly nodes = new Map<string, RetiredNode>();
  /** Retired relationships by id. */
  readonly relationships = new Map<string, RetiredRelationship>();
  /** Retired observations by id (a retired metric's are kept with it, in `nodes`). */
  readonly observations = new Map<string, RetiredObservation>();

  /** Records an entity's retirement and what it hid. */
  retireNode(record: RetiredNode): void {
    this.nodes.set(record.node.id, record);
  }

  /** Records a relationship's retirement. */
  retireRelationship(record: RetiredRelationship): void {
    this.relationships.set(record.relationship.id, record);
  }

  /** Records an observation's retirement. */
  retireObservation(record: RetiredObservation): void {
    this.observations.set(record.observation.id, record);
  }

  /** A relationship with this id is live (again). */
  revive(relationshipId: string): void {
    this.relationships.delete(relationshipId);
  }

  /** An observation with this id is live (again). */
  reviveObservation(observationId: string): void {
    this.observations.delete(observationId);
  }
}
