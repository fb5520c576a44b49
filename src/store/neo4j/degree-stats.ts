import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { DegreeStats, DirectionMaxima } from '../../domain';
import { toNumber } from './mappers';

type Counts = { OUT: number; IN: number; BOTH: number };
type Direction = keyof Counts;

/** The rows of `cypher/stats/get-degrees.cypher` (stat, kind, type, direction, value) → `DegreeStats`. */
export function degreeStatsFromRecords(records: readonly Neo4jRecord[]): DegreeStats {
  const nodesByKind: Record<string, number> = {};
  const maxEntityCitations: Record<string, number> = {};
  const maxDegree: Record<string, Record<string, Counts>> = {};
  const maxTotalDegree: Record<string, Counts> = {};
  const totals: Record<string, number> = {};
  for (const r of records) {
    const stat = r.get('stat') as string;
    const kind = r.get('kind') as string | null;
    const value = toNumber(r.get('value'));
    const direction = r.get('direction') as Direction | null;
    if (stat === 'degree' && kind && direction) {
      const byType = (maxDegree[kind] ??= {});
      (byType[r.get('type') as string] ??= { OUT: 0, IN: 0, BOTH: 0 })[direction] = value;
    } else if (stat === 'total' && kind && direction) {
      (maxTotalDegree[kind] ??= { OUT: 0, IN: 0, BOTH: 0 })[direction] = value;
    } else if (stat === 'nodes' && kind) {
      nodesByKind[kind] = value;
    } else if (stat === 'entityCitations' && kind) {
      maxEntityCitations[kind] = value;
    } else {
      totals[stat] = value;
    }
  }
  return {
    nodesByKind,
    relationships: totals.relationships ?? 0,
    observations: totals.observations ?? 0,
    maxDegree: maxDegree as Record<string, Record<string, DirectionMaxima>>,
    maxTotalDegree,
    maxEntityCitations,
    maxRelationshipCitations: totals.relationshipCitations ?? 0,
    maxObservationCitations: totals.observationCitations ?? 0,
    maxObservationsPerMetric: totals.observationsPerMetric ?? 0,
    maxDimensions: totals.dimensions ?? 0,
    maxHistoryEntries: totals.historyEntries ?? 0,
  };
}
