import {
  citationText,
  entityRecord,
  historyEntry,
  observationRecord,
  relationshipRecord,
  type Change,
  type SeedRecord,
  type ValidatedChange,
} from '../../domain';
import type { MemoryGraph } from './memory-graph';

/**
 * What a replayed change's history entry keeps from the journal rather than from the graph: the
 * change as the curator made it (its op, actor and time, when a seed conflict made the store
 * apply it in another form) and the record before it (the journal's `before`, when the seeds
 * have changed that record since).
 */
export interface HistorySource {
  readonly change: Change;
  readonly before?: SeedRecord | null;
}

/**
 * The target's seed-shaped record before a change to an existing record (journaled with it, so a
 * replay over changed seeds can tell the seeds changed since), or undefined for a new record.
 * Call before the change applies.
 */
export function recordBefore(graph: MemoryGraph, valid: ValidatedChange): SeedRecord | undefined {
  switch (valid.op) {
    case 'updateEntity':
      return entityRecord(valid.before);
    case 'retireEntity':
      return entityRecord(valid.node);
    case 'retireRelationship':
      return relationshipRecord(graph.relationships.get(valid.id)!);
    case 'updateObservation':
      return observationRecord(valid.before);
    case 'retireObservation':
      return observationRecord(valid.observation);
    default:
      return undefined;
  }
}

/**
 * Appends an applied change's entries to the histories of the records it wrote (the table in
 * src/domain/history.ts), and moves an observation's history when the change gave it a new id.
 */
export function recordHistory(graph: MemoryGraph, valid: ValidatedChange, source: HistorySource): void {
  const { change } = source;
  // The change's own citations (an update's record keeps its earlier ones too).
  const own = new Set(change.sources);
  const citations = valid.citations.filter((c) => own.has(citationText(c)));
  const entry = (before: SeedRecord | null, after: SeedRecord | null, previousId: string | null = null) =>
    historyEntry(change, citations, source.before !== undefined ? source.before : before, after, previousId);
  switch (valid.op) {
    case 'createEntity':
      graph.history.append({ kind: 'ENTITY', id: valid.node.id }, entry(null, entityRecord(valid.node)));
      if (valid.observation) graph.history.append({ kind: 'OBSERVATION', id: valid.observation.id }, entry(null, observationRecord(valid.observation)));
      return;
    case 'updateEntity':
      graph.history.append({ kind: 'ENTITY', id: valid.node.id }, entry(entityRecord(valid.before), entityRecord(valid.node)));
      return;
    case 'retireEntity':
      graph.history.append({ kind: 'ENTITY', id: valid.node.id }, entry(null, null));
      return;
    case 'addRelationship':
      graph.history.append({ kind: 'RELATIONSHIP', id: valid.relationship.id }, entry(null, relationshipRecord(valid.relationship)));
      return;
    case 'retireRelationship':
      graph.history.append({ kind: 'RELATIONSHIP', id: valid.id }, entry(null, null));
      return;
    case 'addObservation':
      graph.history.append({ kind: 'OBSERVATION', id: valid.observation.id }, entry(null, observationRecord(valid.observation)));
      return;
    case 'updateObservation': {
      const moved = valid.observation.id !== valid.before.id;
      if (moved) graph.history.move({ kind: 'OBSERVATION', id: valid.before.id }, { kind: 'OBSERVATION', id: valid.observation.id });
      graph.history.append(
        { kind: 'OBSERVATION', id: valid.observation.id },
        entry(observationRecord(valid.before), observationRecord(valid.observation), moved ? valid.before.id : null),
      );
      return;
    }
    case 'retireObservation':
      graph.history.append({ kind: 'OBSERVATION', id: valid.observation.id }, entry(null, null));
      return;
  }
}
