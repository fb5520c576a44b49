import { EdgeType, computeNodeValidity, type Dataset, type EntityListGraph } from '../../src/domain';

/**
 * The graph the list rule book reads (`EntityListGraph`), built plainly from a dataset (every
 * record live): what the tests hold the stores' lists to, with no store index involved.
 */
export function datasetListGraph(dataset: Pick<Dataset, 'nodes' | 'relationships'>): EntityListGraph {
  const nodes = new Map(dataset.nodes.map((n) => [n.id, n]));
  const validity = computeNodeValidity(dataset);
  const addressed = new Map<string, string[]>();
  const neighbours = new Map<string, string[]>();
  const narrower = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const r of dataset.relationships) {
    push(neighbours, r.from, r.to);
    push(neighbours, r.to, r.from);
    if (r.type === EdgeType.ADDRESSES) push(addressed, r.from, r.to);
    if (r.type === EdgeType.BROADER) push(narrower, r.to, r.from);
  }
  return {
    node: (id) => nodes.get(id),
    validity: (id) => validity.get(id)!,
    addressesAny: (id, topics) => (addressed.get(id) ?? []).some((t) => topics.has(t)),
    relatedToAny: (id, ids) => (neighbours.get(id) ?? []).some((other) => ids.has(other)),
    forEachNarrower: (id, visit) => narrower.get(id)?.forEach((n) => visit(n)),
  };
}
