/* What validateChange may ask about a graph, answered from a fixed list of entities (no observations, no edges, nothing retired). */
import type { ChangeLookup, GraphNode } from '../../src/domain';

export function nodesOnlyLookup(nodes: readonly GraphNode[]): ChangeLookup {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return {
    node: (id: string) => byId.get(id),
    isRetired: () => false,
    observationUnits: () => [],
    dimensionUses: () => ({ count: 0, ids: [] }),
    pathExists: () => false,
    observation: () => undefined,
    observationCount: () => 0,
  };
}
