import { DateRole, observationPeriodKind, EDGE_TYPES, NODE_KINDS, type Citation, type GraphNode, type Observation, type Relationship } from '../domain';
import type { ExportGraph } from './collect';
import { DEFAULT_IRI_BASE } from './options';

/** The vocabulary of kinds, edge types and properties: `usmx:Actor`, `usmx:PARTY_TO`, `usmx:validFrom`. */
export const VOCABULARY = 'urn:usmx:vocab:';

const XSD_INTEGER = 'xsd:integer';
const id = (iri: string) => ({ '@id': iri, '@type': '@id' });

/**
 * The context: schema.org for what it already names (name, alternateName, description,
 * Dataset, version), the `usmx:` vocabulary for the rest. Each kind and each edge type is a
 * term, so `"@type": "Agreement"` and `"PARTY_TO": [...]` expand to `usmx:` IRIs.
 */
export const JSONLD_CONTEXT = {
  '@version': 1.1,
  schema: 'https://schema.org/',
  usmx: VOCABULARY,
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  Dataset: 'schema:Dataset',
  datasetVersion: 'schema:version',
  name: 'schema:name',
  aliases: { '@id': 'schema:alternateName', '@container': '@set' },
  description: 'schema:description',
  subtype: 'usmx:subtype',
  ...Object.fromEntries(Object.values(DateRole).map((role) => [role, `usmx:${role}`])),
  unit: 'usmx:unit',
  publisher: 'usmx:publisher',
  year: { '@id': 'usmx:year', '@type': XSD_INTEGER },
  citations: { '@id': 'usmx:citation', '@container': '@set' },
  citedSource: id('usmx:citedSource'),
  slide: { '@id': 'usmx:slide', '@type': XSD_INTEGER },
  ...Object.fromEntries(NODE_KINDS.map((kind) => [kind, `usmx:${kind}`])),
  ...Object.fromEntries(EDGE_TYPES.map((type) => [type, id(`usmx:${type}`)])),
  Relationship: 'usmx:Relationship',
  subject: id('rdf:subject'),
  predicate: { '@id': 'rdf:predicate', '@type': '@vocab' },
  object: id('rdf:object'),
  validFrom: 'usmx:validFrom',
  validTo: 'usmx:validTo',
  note: 'usmx:note',
  Observation: 'usmx:Observation',
  metric: id('usmx:metric'),
  value: 'usmx:value',
  period: 'usmx:period',
  periodStart: { '@id': 'usmx:periodStart', '@type': 'xsd:date' },
  periodEnd: { '@id': 'usmx:periodEnd', '@type': 'xsd:date' },
  periodKind: 'usmx:periodKind',
  dateQualifiers: { '@id': 'usmx:dateQualifier', '@container': '@set' },
  reportedIn: { '@id': 'usmx:reportedIn', '@type': 'xsd:gYear' },
  qualifier: 'usmx:qualifier',
  dimensions: { '@id': 'usmx:dimension', '@container': '@set' },
  dimension: 'usmx:dimensionName',
  dimensionValue: 'usmx:dimensionValue',
} as const;

/** An id as one IRI path segment: reserved characters escaped except the harmless `:` `@` `=` `;`. */
function segment(text: string): string {
  return encodeURIComponent(text).replace(/%(3A|40|3D|3B)/g, (escaped) => decodeURIComponent(escaped));
}

/** IRIs of everything in one export, under one base. */
function iris(base: string) {
  return {
    entity: (entityId: string) => `${base}${segment(entityId)}`,
    relationship: (relId: string) => `${base}relationship/${segment(relId)}`,
    observation: (obsId: string) => `${base}observation/${segment(obsId)}`,
    dataset: (version: string) => `${base}dataset/${segment(version)}`,
  };
}

type Iris = ReturnType<typeof iris>;
type Item = Record<string, unknown>;

/** Adds `key: value` unless the value is null or an empty list (JSON-LD drops nulls anyway). */
function put(item: Item, key: string, value: unknown): void {
  if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) item[key] = value;
}

const citations = (sources: readonly Citation[], to: Iris) => sources.map((c) => ({ citedSource: to.entity(c.sourceId), slide: c.slide }));

function entity(node: GraphNode, outgoing: readonly Relationship[], to: Iris): Item {
  const item: Item = { '@id': to.entity(node.id), '@type': node.kind, name: node.name };
  put(item, 'aliases', [...node.aliases]);
  put(item, 'description', node.description);
  put(item, 'subtype', node.type);
  for (const role of Object.values(DateRole)) put(item, role, node.dates[role] ?? null);
  // "early 2021": `date` 2021 and `date=EARLY`.
  put(
    item,
    'dateQualifiers',
    Object.entries(node.dateQualifiers ?? {}).map(([role, q]) => `${role}=${q}`),
  );
  put(item, 'unit', node.unit);
  put(item, 'publisher', node.publisher);
  put(item, 'year', node.year);
  put(item, 'citations', citations(node.sources, to));
  // The edges again as plain properties, so a reader that ignores the statements still sees the graph.
  for (const type of EDGE_TYPES) {
    put(item, type, [...new Set(outgoing.filter((r) => r.type === type).map((r) => to.entity(r.to)))]);
  }
  return item;
}

function statement(rel: Relationship, to: Iris): Item {
  const item: Item = {
    '@id': to.relationship(rel.id),
    '@type': 'Relationship',
    subject: to.entity(rel.from),
    predicate: rel.type,
    object: to.entity(rel.to),
  };
  put(item, 'validFrom', rel.validFrom);
  put(item, 'validTo', rel.validTo);
  put(item, 'note', rel.note);
  put(item, 'citations', citations(rel.sources, to));
  return item;
}

function observation(obs: Observation, to: Iris): Item {
  const item: Item = {
    '@id': to.observation(obs.id),
    '@type': 'Observation',
    metric: to.entity(obs.metricId),
    value: obs.value,
    unit: obs.unit,
    periodKind: observationPeriodKind(obs),
  };
  // An undated observation has no period (no invented dates), only the year it was reported.
  put(item, 'period', obs.period);
  put(item, 'periodStart', obs.periodStart);
  put(item, 'periodEnd', obs.periodEnd);
  put(item, 'reportedIn', obs.reportedIn === null || obs.reportedIn === undefined ? null : String(obs.reportedIn));
  put(
    item,
    'dimensions',
    Object.keys(obs.dimensions)
      .sort()
      .map((k) => ({ dimension: k, dimensionValue: obs.dimensions[k] })),
  );
  put(item, 'qualifier', obs.qualifier);
  put(item, 'note', obs.note);
  put(item, 'citations', citations(obs.sources, to));
  return item;
}

/**
 * JSON-LD 1.1: `@context` plus a `@graph` of one `Dataset` node (carrying the version), one node
 * per entity (`@id` = base + id, `@type` = its kind, edges as properties), one `Relationship`
 * statement per edge (rdf:subject/predicate/object with validFrom, validTo, note, citations) and
 * one `Observation` per observation.
 */
export function toJsonld(graph: ExportGraph, base: string = DEFAULT_IRI_BASE): string {
  const to = iris(base);
  const outgoing = new Map<string, Relationship[]>();
  for (const rel of graph.relationships) outgoing.set(rel.from, [...(outgoing.get(rel.from) ?? []), rel]);
  const dataset: Item = { '@id': to.dataset(graph.datasetVersion), '@type': 'Dataset', name: 'usmx-graph', datasetVersion: graph.datasetVersion };
  if (graph.scope.kind === 'neighbourhood') {
    dataset.description = `The entities within ${graph.scope.depth} hop(s) of ${graph.scope.id}`;
  }
  const document = {
    '@context': JSONLD_CONTEXT,
    '@graph': [
      dataset,
      ...graph.nodes.map((n) => entity(n, outgoing.get(n.id) ?? [], to)),
      ...graph.relationships.map((r) => statement(r, to)),
      ...graph.observations.map((o) => observation(o, to)),
    ],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
