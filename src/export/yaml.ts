import { Document, YAMLMap, YAMLSeq } from 'yaml';
import { DateRole, citationText, qualifiedDateText, type Dataset, type GraphNode, type Observation, type Relationship } from '../domain';
import type { ExportGraph } from './collect';

// The graph as one seed file (seeds/README.md): what `npm run seeds:check` reads, so curated
// changes can be folded back into seeds/ by a reviewer. Every item is built key by key in the
// seed order and every list is ordered by id, so equal data gives equal bytes.

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A YAML sequence written inline: `[a, b]`. */
function flowSeq(doc: Document, items: readonly unknown[]): YAMLSeq {
  const seq = doc.createNode(items) as YAMLSeq;
  seq.flow = true;
  return seq;
}

/** A YAML mapping written inline, without its absent (null or empty) fields. */
function flowMap(doc: Document, entries: Record<string, unknown>): YAMLMap {
  const map = doc.createNode(Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== null && v !== undefined))) as YAMLMap;
  map.flow = true;
  return map;
}

function nodeItem(doc: Document, n: GraphNode): YAMLMap {
  const map = new YAMLMap();
  map.set('id', n.id);
  map.set('kind', n.kind);
  if (n.type !== null) map.set('type', n.type);
  map.set('name', n.name);
  if (n.aliases.length > 0) map.set('aliases', flowSeq(doc, n.aliases));
  if (n.description !== null) map.set('description', n.description);
  const dates: Record<string, string> = {};
  // Approximate dates as the seeds write them ("early 2021"), so the file reads back the same.
  for (const role of Object.values(DateRole)) if (n.dates[role] !== undefined) dates[role] = qualifiedDateText(n.dates[role], n.dateQualifiers?.[role]);
  if (Object.keys(dates).length > 0) map.set('dates', flowMap(doc, dates));
  if (n.unit !== null) map.set('unit', n.unit);
  if (n.publisher !== null) map.set('publisher', n.publisher);
  if (n.year !== null) map.set('year', n.year);
  map.set('sources', flowSeq(doc, n.sources.map(citationText)));
  return map;
}

function edgeItem(doc: Document, r: Relationship): YAMLMap {
  return flowMap(doc, {
    from: r.from,
    type: r.type,
    to: r.to,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note,
    sources: flowSeq(doc, r.sources.map(citationText)),
  });
}

function observationItem(doc: Document, o: Observation): YAMLMap {
  const keys = Object.keys(o.dimensions).sort();
  return flowMap(doc, {
    metric: o.metricId,
    value: o.value,
    unit: o.unit,
    period: o.period,
    reported: o.reportedIn ?? null,
    dimensions: keys.length > 0 ? flowMap(doc, Object.fromEntries(keys.map((k) => [k, o.dimensions[k]]))) : null,
    qualifier: o.qualifier,
    note: o.note,
    sources: flowSeq(doc, o.sources.map(citationText)),
  });
}

/**
 * The whole graph as seed YAML: `nodes`, `edges` and `observations`, each ordered by id, in the
 * format `npm run seeds:check` accepts (citations as `<sourceId>#<slide>`). Only the whole graph:
 * a neighbourhood would leave citations and edge ends dangling.
 */
export function toYaml(graph: ExportGraph): string {
  if (graph.scope.kind !== 'graph') throw new Error('the YAML export is always the whole graph');
  const doc = new Document({});
  const root = doc.contents as YAMLMap;
  // Each sequence's items are assigned, not pushed with a spread: spreading 10^5 items into one
  // call's arguments overflows the stack.
  const seq = (items: unknown[]): YAMLSeq => Object.assign(new YAMLSeq(), { items });
  root.set('nodes', seq([...graph.nodes].sort(byId).map((n) => nodeItem(doc, n))));
  root.set('edges', seq([...graph.relationships].sort(byId).map((r) => edgeItem(doc, r))));
  root.set('observations', seq([...graph.observations].sort(byId).map((o) => observationItem(doc, o))));
  doc.commentBefore =
    ` usmx-graph: the whole graph as seed YAML (seeds/README.md), dataset ${graph.datasetVersion}.\n` +
    ` Written by \`npm run export -- --format yaml\`; check it with \`npm run seeds:check <dir>\`.`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** How many items of one part differ from the seeds, by id. */
export interface PartDiff {
  readonly added: number;
  readonly changed: number;
  /** In the seeds, not in the export (retired, or otherwise gone). */
  readonly retired: number;
}

export interface SeedDiff {
  readonly entities: PartDiff;
  readonly edges: PartDiff;
  readonly observations: PartDiff;
}

function diffPart<T extends { readonly id: string }>(exported: readonly T[], seeded: readonly T[]): PartDiff {
  const seeds = new Map(seeded.map((item) => [item.id, item]));
  let added = 0;
  let changed = 0;
  for (const item of exported) {
    const seed = seeds.get(item.id);
    if (!seed) added++;
    else if (JSON.stringify(canonical(item)) !== JSON.stringify(canonical(seed))) changed++;
    seeds.delete(item.id);
  }
  return { added, changed, retired: seeds.size };
}

/** A value with object keys sorted, so key order does not count as a change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** What the exported graph adds to, changes in and retires from the seeds, counted by id. */
export function diffAgainstSeeds(graph: ExportGraph, seeds: Dataset): SeedDiff {
  return {
    entities: diffPart(graph.nodes, seeds.nodes),
    edges: diffPart(graph.relationships, seeds.relationships),
    observations: diffPart(graph.observations, seeds.observations),
  };
}

/** `entities +1 ~0 -0, edges …` for the CLI. */
export function formatSeedDiff(diff: SeedDiff): string {
  const part = (name: string, d: PartDiff) => `${name} ${d.added} added, ${d.changed} changed, ${d.retired} retired`;
  return `${part('entities', diff.entities)}; ${part('edges', diff.edges)}; ${part('observations', diff.observations)}`;
}
