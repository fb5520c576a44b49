import {
  ChangeRejectedError,
  EdgeType,
  duplicateObservationMessage,
  duplicateRelationshipMessage,
  retiredObservationHoldsIdMessage,
  unknownRelationshipError,
  type AppliedChange,
  type Change,
  type Observation,
  type Relationship,
  type ValidatedChange,
} from '../../domain';
import type { MemoryGraph } from './memory-graph';

/** What only the store can tell about a valid change: duplicates and unknown relationship ids. */
export function checkAgainstGraph(graph: MemoryGraph, valid: ValidatedChange): void {
  if (valid.op === 'addRelationship' && graph.relationships.has(valid.relationship.id))
    throw new ChangeRejectedError([duplicateRelationshipMessage(valid.relationship)]);
  // Against live observations only: a retired one's id added again brings it back.
  if (valid.op === 'addObservation' && graph.observations.has(valid.observation.id))
    throw new ChangeRejectedError([duplicateObservationMessage(valid.observation)]);
  if (valid.op === 'updateObservation' && valid.observation.id !== valid.before.id) {
    if (graph.observations.has(valid.observation.id)) throw new ChangeRejectedError([duplicateObservationMessage(valid.observation)]);
    if (graph.retired.observations.has(valid.observation.id))
      throw new ChangeRejectedError([retiredObservationHoldsIdMessage(valid.before.id, valid.observation.id)]);
  }
  if (valid.op === 'retireRelationship' && !graph.relationships.has(valid.id)) throw unknownRelationshipError(valid.id);
}

/**
 * Applies a validated change to every index of the live graph (entities, list order, adjacency,
 * relationships, observations, search, citations, lifetimes, retired records, content digest)
 * and says what it made. Synchronous, so no read sees half a change.
 */
export function applyToGraph(graph: MemoryGraph, valid: ValidatedChange, change: Change): Partial<AppliedChange> {
  graph.degreeStats = null;
  switch (valid.op) {
    case 'createEntity': {
      graph.nodes.set(valid.node.id, valid.node);
      graph.sorted.insert(valid.node);
      graph.search.putEntity(valid.node);
      graph.citations.add({ kind: 'ENTITY', node: valid.node });
      graph.refreshValidity();
      graph.changed({ added: { nodes: [valid.node] } });
      // A Metric comes with its first observation.
      if (valid.observation) addObservation(graph, valid.observation);
      return { node: valid.node, ...(valid.observation ? { observation: valid.observation } : {}) };
    }
    case 'updateEntity': {
      const old = graph.nodes.get(valid.node.id)!;
      graph.citations.remove({ kind: 'ENTITY', node: old });
      graph.citations.add({ kind: 'ENTITY', node: valid.node });
      graph.sorted.remove(old);
      graph.sorted.insert(valid.node);
      graph.nodes.set(valid.node.id, valid.node);
      // Its neighbours' edge lists point at it and are ordered by its name, which may have changed.
      graph.adjacency.refreshEnds(valid.node);
      graph.search.putEntity(valid.node);
      graph.refreshValidity();
      graph.changed({ removed: { nodes: [old] }, added: { nodes: [valid.node] } });
      return { node: valid.node };
    }
    case 'retireEntity': {
      const node = valid.node;
      const edges = [...graph.adjacency.edgesOf(node.id, 'OUT'), ...graph.adjacency.edgesOf(node.id, 'IN')];
      for (const rel of edges) removeEdge(graph, rel);
      const observations = graph.observations.removeMetric(node.id);
      for (const observation of observations) graph.citations.remove({ kind: 'OBSERVATION', observation });
      graph.citations.remove({ kind: 'ENTITY', node });
      graph.nodes.delete(node.id);
      graph.sorted.remove(node);
      graph.search.removeEntity(node.id);
      for (const obs of observations) graph.search.removeObservation(obs.id);
      graph.retired.retireNode({ node, retiredBy: change.actor, retiredAt: change.at, edges, observations });
      graph.refreshValidity();
      // A self-loop is in both lists: count each edge once.
      graph.changed({ removed: { nodes: [node], relationships: [...new Map(edges.map((r) => [r.id, r])).values()], observations } });
      return { node };
    }
    case 'addRelationship': {
      const rel = valid.relationship;
      graph.adjacency.add(rel, (id) => graph.nodes.get(id)!);
      graph.relationships.set(rel.id, rel);
      graph.citations.add({ kind: 'RELATIONSHIP', relationship: rel });
      graph.sortedRelationships = null;
      graph.retired.revive(rel.id);
      graph.search.putRelationship(rel);
      if (rel.type === EdgeType.REPLACES) graph.refreshValidity();
      graph.changed({ added: { relationships: [rel] } });
      return { relationship: rel, to: graph.nodes.get(rel.to) };
    }
    case 'retireRelationship': {
      const rel = graph.relationships.get(valid.id)!;
      removeEdge(graph, rel);
      graph.retired.retireRelationship({ relationship: rel, retiredBy: change.actor, retiredAt: change.at });
      if (rel.type === EdgeType.REPLACES) graph.refreshValidity();
      graph.changed({ removed: { relationships: [rel] } });
      return { relationship: rel, to: graph.nodes.get(rel.to) };
    }
    case 'addObservation':
      addObservation(graph, valid.observation);
      return { observation: valid.observation };
    case 'updateObservation':
      // The id may change (a new period or dimensions): out under the old, in under the new.
      removeObservation(graph, valid.before);
      addObservation(graph, valid.observation);
      return { observation: valid.observation };
    case 'retireObservation':
      removeObservation(graph, valid.observation);
      graph.retired.retireObservation({ observation: valid.observation, retiredBy: change.actor, retiredAt: change.at });
      return { observation: valid.observation };
  }
}

/** A live observation in every index; one with a retired one's id brings it back. */
function addObservation(graph: MemoryGraph, obs: Observation): void {
  graph.retired.reviveObservation(obs.id);
  graph.observations.add(obs);
  graph.citations.add({ kind: 'OBSERVATION', observation: obs });
  graph.search.putObservation(obs);
  graph.changed({ added: { observations: [obs] } });
}

function removeObservation(graph: MemoryGraph, obs: Observation): void {
  graph.observations.remove(obs);
  graph.citations.remove({ kind: 'OBSERVATION', observation: obs });
  graph.search.removeObservation(obs.id);
  graph.changed({ removed: { observations: [obs] } });
}

function removeEdge(graph: MemoryGraph, rel: Relationship): void {
  graph.adjacency.remove(rel);
  graph.relationships.delete(rel.id);
  graph.citations.remove({ kind: 'RELATIONSHIP', relationship: rel });
  graph.sortedRelationships = null;
  graph.search.removeRelationship(rel.id);
}
