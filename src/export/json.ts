import { DateRole, observationPeriodKind, type Citation, type GraphNode, type Observation, type Relationship } from '../domain';
import type { ExportGraph } from './collect';

// Every object is built key by key, in a fixed order, so the same data gives the same bytes
// whichever store it came from. No timestamp: two exports of one dataset version are identical.

const citation = (c: Citation) => ({ sourceId: c.sourceId, slide: c.slide });

function node(n: GraphNode) {
  const dates: Partial<Record<DateRole, string>> = {};
  for (const role of Object.values(DateRole)) if (n.dates[role] !== undefined) dates[role] = n.dates[role];
  return {
    id: n.id,
    kind: n.kind,
    type: n.type,
    name: n.name,
    aliases: [...n.aliases],
    description: n.description,
    dates,
    // Approximate dates: `{ date: "EARLY" }` for "early 2021" (the date itself stays `2021`).
    dateQualifiers: { ...(n.dateQualifiers ?? {}) },
    unit: n.unit,
    publisher: n.publisher,
    year: n.year,
    sources: n.sources.map(citation),
  };
}

function edge(r: Relationship) {
  return {
    id: r.id,
    type: r.type,
    source: r.from,
    target: r.to,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note,
    sources: r.sources.map(citation),
  };
}

function observation(o: Observation) {
  return {
    id: o.id,
    metricId: o.metricId,
    value: o.value,
    unit: o.unit,
    period: o.period,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    periodKind: observationPeriodKind(o),
    reportedIn: o.reportedIn ?? null,
    dimensions: Object.fromEntries(
      Object.keys(o.dimensions)
        .sort()
        .map((k) => [k, o.dimensions[k]]),
    ),
    qualifier: o.qualifier,
    note: o.note,
    sources: o.sources.map(citation),
  };
}

/**
 * `{ datasetVersion, scope, nodes, edges, observations }`, pretty-printed. `scope` is null for the
 * whole graph, `{ id, depth }` for a neighbourhood. Edges name their ends `source` and `target`.
 */
export function toJson(graph: ExportGraph): string {
  const document = {
    datasetVersion: graph.datasetVersion,
    scope: graph.scope.kind === 'graph' ? null : { id: graph.scope.id, depth: graph.scope.depth },
    nodes: graph.nodes.map(node),
    edges: graph.relationships.map(edge),
    observations: graph.observations.map(observation),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
