import {
  ACYCLIC_EDGE_TYPES,
  NodeKind,
  readCitations,
  readEdge,
  readNode,
  readObservation,
  recordKey,
  type Citation,
  type GraphNode,
  type ItemSource,
  type NodeLookup,
  type Observation,
  type RecordKind,
  type Relationship,
  type SeedOrigin,
} from '../domain';
import type { SeedFile, SeedItem } from './read-yaml';
import type { SeedIssue } from './seed-error';

// The per-item rules (readNode, readEdge, readObservation, readCitations) live in
// src/domain/item-rules.ts, so a curated change is checked by the same code (changes.ts).

interface Located<T> {
  readonly item: SeedItem;
  readonly value: T;
}

/** Everything validation found: the graph (possibly partial) and every issue. */
export interface ValidationResult {
  readonly nodes: GraphNode[];
  readonly relationships: Relationship[];
  readonly observations: Observation[];
  readonly issues: SeedIssue[];
  /** Where each record is written in the seeds (file and line of its item), by `recordKey`. */
  readonly origins: Map<string, SeedOrigin>;
}

/** Checks every seed item against the ontology; collects all issues rather than stopping at the first. */
export function validateSeeds(files: readonly SeedFile[], parseIssues: readonly SeedIssue[] = []): ValidationResult {
  const issues: SeedIssue[] = [...parseIssues];
  const report = (item: ItemSource, field: string | null, message: string): void => {
    issues.push({ file: item.file, line: field === null ? item.line : item.lineOf(field), message });
  };

  // Pass 1: nodes, without their citations (which may point at sources defined later).
  const nodes = new Map<string, Located<GraphNode>>();
  for (const item of files.flatMap((f) => f.nodes)) {
    const node = readNode(item, report);
    if (!node) continue;
    const previous = nodes.get(node.id);
    if (previous) {
      report(item, 'id', `duplicate id ${JSON.stringify(node.id)}: already defined at ${previous.item.file}:${previous.item.line}`);
      continue;
    }
    nodes.set(node.id, { item, value: node });
  }

  const lookup: NodeLookup = (id) => nodes.get(id)?.value;
  const citations = (item: SeedItem, owner: string): Citation[] => readCitations(item, owner, item.value.sources, lookup, report);

  const finalNodes: GraphNode[] = [];
  for (const { item, value } of nodes.values()) {
    finalNodes.push({ ...value, sources: citations(item, `node ${value.id}`) });
  }

  const relationships = new Map<string, Located<Relationship>>();
  for (const item of files.flatMap((f) => f.edges)) {
    const rel = readEdge(item, lookup, report);
    if (!rel) continue;
    const sources = citations(item, `${rel.type} edge ${rel.from} -> ${rel.to}`);
    const previous = relationships.get(rel.id);
    if (previous) {
      report(
        item,
        null,
        `duplicate edge ${rel.from} -${rel.type}-> ${rel.to}${rel.validFrom ? ` from ${rel.validFrom}` : ''}: already defined at ${previous.item.file}:${previous.item.line}`,
      );
      continue;
    }
    relationships.set(rel.id, { item, value: { ...rel, sources } });
  }

  // Hierarchies and successions (REPLACES, BROADER, PART_OF) may not loop back on themselves.
  for (const type of ACYCLIC_EDGE_TYPES) {
    const edges = [...relationships.values()].filter((r) => r.value.type === type);
    for (const { item, value, cycle } of closingEdges(edges)) {
      report(
        item,
        null,
        `${type} edge ${value.from} -> ${value.to} closes a cycle (${cycle.join(' -> ')}): ${type} is a hierarchy, its edges may not lead back to where they start`,
      );
    }
  }

  const observations = new Map<string, Located<Observation>>();
  for (const item of files.flatMap((f) => f.observations)) {
    const obs = readObservation(item, lookup, report);
    if (!obs) continue;
    const sources = citations(item, `observation of ${obs.metricId}`);
    const previous = observations.get(obs.id);
    if (previous) {
      report(item, null, `duplicate observation ${obs.id}: already defined at ${previous.item.file}:${previous.item.line}`);
      continue;
    }
    observations.set(obs.id, { item, value: { ...obs, sources } });
  }

  // A metric is a series with values in the graph: one the source only charts, with no figure
  // in its text, is not a metric here. (Counted from the raw items, so a malformed observation
  // is reported once, not again as a metric without observations.)
  const observed = new Set(files.flatMap((f) => f.observations).map((item) => item.value.metric));
  for (const { item, value } of nodes.values()) {
    if (value.kind === NodeKind.Metric && !observed.has(value.id)) {
      report(
        item,
        'id',
        `metric ${value.id} has no observations: a metric needs at least one (add the figures its source states, or leave it out when the source gives none)`,
      );
    }
  }

  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const origins = new Map<string, SeedOrigin>();
  const origin = (kind: RecordKind, id: string, item: SeedItem): void => {
    origins.set(recordKey({ kind, id }), { file: item.file, line: item.line });
  };
  for (const [id, { item }] of nodes) origin('ENTITY', id, item);
  for (const [id, { item }] of relationships) origin('RELATIONSHIP', id, item);
  for (const [id, { item }] of observations) origin('OBSERVATION', id, item);
  return {
    origins,
    nodes: finalNodes,
    relationships: [...relationships.values()].map((r) => r.value),
    observations: [...observations.values()].map((o) => o.value),
    issues,
  };
}

/**
 * The edges that close a cycle, each with the cycle it closes (depth-first, in seed order: the
 * edge found last on a loop is the one reported).
 */
function closingEdges(edges: ReadonlyArray<Located<Relationship>>): Array<Located<Relationship> & { cycle: string[] }> {
  const out = new Map<string, Array<Located<Relationship>>>();
  for (const edge of edges) out.set(edge.value.from, [...(out.get(edge.value.from) ?? []), edge]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: Array<Located<Relationship> & { cycle: string[] }> = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const edge of out.get(id) ?? []) {
      const next = edge.value.to;
      if (state.get(next) === 'open') found.push({ ...edge, cycle: [...stack.slice(stack.indexOf(next)), next] });
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const edge of edges) if (!state.has(edge.value.from)) visit(edge.value.from);
  return found;
}
