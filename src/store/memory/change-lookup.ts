import {
  DIMENSION_USES_SHOWN,
  ENTITY_DIMENSIONS,
  type ChangeLookup,
  type EdgeType,
  type GraphNode,
  type Observation,
  type RelationshipHit,
} from '../../domain';

/** The memory store's indexes a change's validation reads (live entries only). */
export interface MemoryIndexes {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly retiredNodes: ReadonlyMap<string, unknown>;
  /** Outgoing live edges per node and type. */
  readonly out: ReadonlyMap<string, ReadonlyMap<EdgeType, readonly RelationshipHit[]>>;
  /** Live observations per metric. */
  readonly observations: ReadonlyMap<string, readonly Observation[]>;
}

/**
 * What validateChange asks of the graph, answered from the live indexes. Dimension uses scan the
 * observations (a retirement is rare; the seeds hold a few hundred), paths are a breadth-first
 * search over the live edges of one type.
 */
export function memoryChangeLookup(graph: MemoryIndexes): ChangeLookup {
  return {
    node: (id) => graph.nodes.get(id),
    isRetired: (id) => graph.retiredNodes.has(id),
    observationUnits: (metricId) => (graph.observations.get(metricId) ?? []).map((o) => o.unit),
    // An observation's metric is its id's part before `@`.
    observation: (id) => (graph.observations.get(id.split('@')[0]) ?? []).find((o) => o.id === id),
    observationCount: (metricId) => graph.observations.get(metricId)?.length ?? 0,
    dimensionUses: (id) => {
      const ids: string[] = [];
      for (const list of graph.observations.values()) {
        for (const o of list) if (Object.entries(o.dimensions).some(([key, value]) => value === id && ENTITY_DIMENSIONS.has(key))) ids.push(o.id);
      }
      // The first few by id, as the Neo4j store lists them.
      ids.sort();
      return { count: ids.length, ids: ids.slice(0, DIMENSION_USES_SHOWN) };
    },
    pathExists: (type, start, end) => {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length > 0) {
        const at = queue.shift()!;
        if (at === end) return true;
        for (const hit of graph.out.get(at)?.get(type) ?? []) {
          const next = hit.relationship.to;
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      return false;
    },
  };
}
