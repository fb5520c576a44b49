import {
  DATE_ROLES_BY_KIND,
  EDGE_RULES,
  EDGE_TYPES,
  ENTITY_DIMENSIONS,
  NODE_KINDS,
  NodeKind,
  QUALIFIERS,
  SUBTYPES,
  SUBTYPE_REQUIRED,
  UNITS,
  UNIT_SCALE,
  describeValue,
  isEdgeAllowed,
  parsePartialDate,
  parsePeriod,
  type Citation,
  type DateRole,
  type EdgeType,
  type GraphNode,
  type Observation,
  type Qualifier,
  type Relationship,
  type Unit,
} from '../domain';
import type { SeedFile, SeedItem } from './read-yaml';
import type { SeedIssue } from './seed-error';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CITATION = /^([a-z0-9]+(?:-[a-z0-9]+)*)#(\d+)$/;

const NODE_FIELDS = new Set(['id', 'kind', 'type', 'name', 'aliases', 'description', 'dates', 'unit', 'publisher', 'year', 'sources']);
const EDGE_FIELDS = new Set(['from', 'type', 'to', 'validFrom', 'validTo', 'note', 'sources']);
const OBSERVATION_FIELDS = new Set(['metric', 'value', 'unit', 'period', 'dimensions', 'qualifier', 'note', 'sources']);

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
}

/** Checks every seed item against the ontology; collects all issues rather than stopping at the first. */
export function validateSeeds(files: readonly SeedFile[], parseIssues: readonly SeedIssue[] = []): ValidationResult {
  const issues: SeedIssue[] = [...parseIssues];
  const report = (item: SeedItem, field: string | null, message: string): void => {
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

  const citations = (item: SeedItem, owner: string): Citation[] => readCitations(item, owner, item.value.sources, nodes, report);

  const finalNodes: GraphNode[] = [];
  for (const { item, value } of nodes.values()) {
    finalNodes.push({ ...value, sources: citations(item, `node ${value.id}`) });
  }

  const relationships = new Map<string, Located<Relationship>>();
  for (const item of files.flatMap((f) => f.edges)) {
    const rel = readEdge(item, nodes, report);
    if (!rel) continue;
    const sources = citations(item, `${rel.type} edge ${rel.from} -> ${rel.to}`);
    const previous = relationships.get(rel.id);
    if (previous) {
      report(item, null, `duplicate edge ${rel.from} -${rel.type}-> ${rel.to}${rel.validFrom ? ` from ${rel.validFrom}` : ''}: already defined at ${previous.item.file}:${previous.item.line}`);
      continue;
    }
    relationships.set(rel.id, { item, value: { ...rel, sources } });
  }

  const observations = new Map<string, Located<Observation>>();
  for (const item of files.flatMap((f) => f.observations)) {
    const obs = readObservation(item, nodes, report);
    if (!obs) continue;
    const sources = citations(item, `observation of ${obs.metricId}`);
    const previous = observations.get(obs.id);
    if (previous) {
      report(item, null, `duplicate observation ${obs.id}: already defined at ${previous.item.file}:${previous.item.line}`);
      continue;
    }
    observations.set(obs.id, { item, value: { ...obs, sources } });
  }

  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    nodes: finalNodes,
    relationships: [...relationships.values()].map((r) => r.value),
    observations: [...observations.values()].map((o) => o.value),
    issues,
  };
}

type Report = (item: SeedItem, field: string | null, message: string) => void;

function checkFields(item: SeedItem, allowed: ReadonlySet<string>, what: string, report: Report): void {
  for (const key of Object.keys(item.value)) {
    if (!allowed.has(key)) {
      report(item, key, `unknown field ${JSON.stringify(key)} on ${what}: expected one of ${[...allowed].join(', ')}`);
    }
  }
}

function optionalString(item: SeedItem, field: string, report: Report): string | null {
  const value = item.value[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    report(item, field, `${field}: expected a non-empty string, received ${describeValue(value)}`);
    return null;
  }
  return value.trim();
}

/** Dates may be written unquoted: YAML reads `2020` as a number. */
function dateText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return typeof value === 'string' ? value : null;
}

function readDate(item: SeedItem, field: string, raw: unknown, report: Report): string | null {
  if (raw === undefined || raw === null) return null;
  const text = dateText(raw);
  if (text === null || !parsePartialDate(text)) {
    report(item, field, `${field}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, received ${describeValue(raw)}`);
    return null;
  }
  return text;
}

function readNode(item: SeedItem, report: Report): GraphNode | null {
  const v = item.value;
  checkFields(item, NODE_FIELDS, 'a node', report);
  if (typeof v.id !== 'string' || !ID.test(v.id)) {
    report(item, 'id', `id: expected lower-case words joined by hyphens (e.g. "usmca"), received ${describeValue(v.id)}`);
    return null;
  }
  const what = `node ${v.id}`;
  if (typeof v.kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(v.kind)) {
    report(item, 'kind', `${what}: unknown kind ${describeValue(v.kind)}: expected one of ${NODE_KINDS.join(', ')}`);
    return null;
  }
  const kind = v.kind as NodeKind;
  const name = optionalString(item, 'name', report);
  if (name === null) report(item, 'name', `${what}: name is required`);

  let aliases: string[] = [];
  if (v.aliases !== undefined) {
    if (!Array.isArray(v.aliases) || v.aliases.some((a) => typeof a !== 'string' && typeof a !== 'number')) {
      report(item, 'aliases', `${what}: aliases: expected a list of strings, received ${describeValue(v.aliases)}`);
    } else {
      aliases = v.aliases.map(String);
    }
  }

  const subtypes = SUBTYPES[kind];
  let type: string | null = null;
  if (v.type !== undefined) {
    if (!subtypes) report(item, 'type', `${what}: a ${kind} takes no type, received ${describeValue(v.type)}`);
    else if (typeof v.type !== 'string' || !subtypes.includes(v.type)) {
      report(item, 'type', `${what}: unknown ${kind} type ${describeValue(v.type)}: expected one of ${subtypes.join(', ')}`);
    } else type = v.type;
  } else if (SUBTYPE_REQUIRED.has(kind)) {
    report(item, 'id', `${what}: a ${kind} needs a type: one of ${subtypes?.join(', ')}`);
  }

  const dates: Partial<Record<DateRole, string>> = {};
  if (v.dates !== undefined) {
    if (typeof v.dates !== 'object' || v.dates === null || Array.isArray(v.dates)) {
      report(item, 'dates', `${what}: dates: expected a mapping of role to date, received ${describeValue(v.dates)}`);
    } else {
      const allowed = DATE_ROLES_BY_KIND[kind];
      for (const [role, raw] of Object.entries(v.dates)) {
        if (!(allowed as readonly string[]).includes(role)) {
          report(item, `dates.${role}`, `${what}: date role ${JSON.stringify(role)} does not apply to a ${kind}: expected ${allowed.length ? allowed.join(', ') : 'no dates'}`);
          continue;
        }
        const text = readDate(item, `dates.${role}`, raw, report);
        if (text) dates[role as DateRole] = text;
      }
    }
  }

  let unit: Unit | null = null;
  if (v.unit !== undefined) {
    if (kind !== NodeKind.Metric) report(item, 'unit', `${what}: only a Metric has a unit, this is a ${kind}`);
    else if (!(UNITS as readonly unknown[]).includes(v.unit)) report(item, 'unit', `${what}: unknown unit ${describeValue(v.unit)}: expected one of ${UNITS.join(', ')}`);
    else unit = v.unit as Unit;
  } else if (kind === NodeKind.Metric) {
    report(item, 'id', `${what}: a Metric needs a unit: one of ${UNITS.join(', ')}`);
  }

  const publisher = optionalString(item, 'publisher', report);
  if (publisher !== null && kind !== NodeKind.Source) report(item, 'publisher', `${what}: only a Source has a publisher, this is a ${kind}`);
  let year: number | null = null;
  if (v.year !== undefined) {
    if (kind !== NodeKind.Source) report(item, 'year', `${what}: only a Source has a year, this is a ${kind}`);
    else if (typeof v.year !== 'number' || !Number.isInteger(v.year) || v.year < 1800 || v.year > 2100) {
      report(item, 'year', `${what}: year: expected a four-digit year, received ${describeValue(v.year)}`);
    } else year = v.year;
  }

  return {
    id: v.id,
    kind,
    name: name ?? v.id,
    aliases,
    description: optionalString(item, 'description', report),
    type,
    dates,
    unit,
    publisher,
    year,
    sources: [],
  };
}

/** `owner` says whose citations these are ("node mexico"), so a missing list names its item. */
function readCitations(item: SeedItem, owner: string, raw: unknown, nodes: ReadonlyMap<string, Located<GraphNode>>, report: Report): Citation[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    report(item, 'sources', `${owner}: sources: expected at least one citation "<sourceId>#<slide>", received ${describeValue(raw)}`);
    return [];
  }
  const result: Citation[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = `sources.${i}`;
    const m = typeof entry === 'string' ? CITATION.exec(entry) : null;
    if (!m) {
      report(item, at, `${owner}: sources: expected a citation "<sourceId>#<slide>" such as "ustr-2018#36", received ${describeValue(entry)}`);
      return;
    }
    const slide = Number(m[2]);
    const target = nodes.get(m[1]);
    if (!target) report(item, at, `${owner}: sources: citation ${JSON.stringify(entry)} names unknown source ${JSON.stringify(m[1])}`);
    else if (target.value.kind !== NodeKind.Source) report(item, at, `${owner}: sources: citation ${JSON.stringify(entry)} names ${m[1]}, a ${target.value.kind}, not a Source`);
    else if (slide < 1) report(item, at, `${owner}: sources: citation ${JSON.stringify(entry)}: slide numbers start at 1`);
    else result.push({ sourceId: m[1], slide });
  });
  return result;
}

function readEdge(item: SeedItem, nodes: ReadonlyMap<string, Located<GraphNode>>, report: Report): Relationship | null {
  const v = item.value;
  checkFields(item, EDGE_FIELDS, 'an edge', report);
  if (typeof v.type !== 'string' || !(EDGE_TYPES as readonly string[]).includes(v.type)) {
    report(item, 'type', `unknown edge type ${describeValue(v.type)}: expected one of ${EDGE_TYPES.join(', ')}`);
    return null;
  }
  const type = v.type as EdgeType;
  const ends: Array<GraphNode | null> = (['from', 'to'] as const).map((end) => {
    const id = v[end];
    if (typeof id !== 'string') {
      report(item, end, `${type} edge: ${end}: expected a node id, received ${describeValue(id)}`);
      return null;
    }
    const node = nodes.get(id);
    if (!node) report(item, end, `${type} edge: ${end} names unknown node ${JSON.stringify(id)} (dangling id)`);
    return node?.value ?? null;
  });
  const [from, to] = ends;
  if (!from || !to) return null;
  if (!isEdgeAllowed(type, from.kind, to.kind)) {
    const rule = EDGE_RULES[type];
    report(item, null, `${type} may not join ${from.kind} ${from.id} to ${to.kind} ${to.id}: expected ${rule.from.join('|')} -> ${rule.to.join('|')}`);
    return null;
  }
  const validFrom = readDate(item, 'validFrom', v.validFrom, report);
  const validTo = readDate(item, 'validTo', v.validTo, report);
  if (validFrom && validTo && parsePartialDate(validTo)!.end < parsePartialDate(validFrom)!.start) {
    report(item, 'validTo', `validTo ${validTo} is before validFrom ${validFrom}`);
  }
  const id = `${from.id}:${type}:${to.id}${validFrom ? `@${validFrom}` : ''}`;
  return { id, type, from: from.id, to: to.id, validFrom, validTo, note: optionalString(item, 'note', report), sources: [] };
}

function readObservation(item: SeedItem, nodes: ReadonlyMap<string, Located<GraphNode>>, report: Report): Observation | null {
  const v = item.value;
  checkFields(item, OBSERVATION_FIELDS, 'an observation', report);
  const metric = typeof v.metric === 'string' ? nodes.get(v.metric) : undefined;
  if (!metric) {
    report(item, 'metric', `observation: metric names unknown node ${describeValue(v.metric)}`);
    return null;
  }
  if (metric.value.kind !== NodeKind.Metric) {
    report(item, 'metric', `observation: ${metric.value.id} is a ${metric.value.kind}, expected a Metric`);
    return null;
  }
  let ok = true;
  if (typeof v.value !== 'number' || !Number.isFinite(v.value)) {
    report(item, 'value', `observation of ${metric.value.id}: value: expected a number, received ${describeValue(v.value)}`);
    ok = false;
  }
  const unit = v.unit ?? metric.value.unit;
  if (!(UNITS as readonly unknown[]).includes(unit)) {
    report(item, 'unit', `observation of ${metric.value.id}: unknown unit ${describeValue(unit)}: expected one of ${UNITS.join(', ')}`);
    ok = false;
  } else if (metric.value.unit && UNIT_SCALE[unit as Unit].family !== UNIT_SCALE[metric.value.unit].family) {
    const family = UNITS.filter((u) => UNIT_SCALE[u].family === UNIT_SCALE[metric.value.unit!].family);
    report(item, 'unit', `observation of ${metric.value.id}: unit ${describeValue(unit)} does not measure what the metric's unit ${metric.value.unit} does: expected one of ${family.join(', ')} (make a separate metric for a share or a rank)`);
    ok = false;
  }
  const periodText = dateText(v.period);
  const period = periodText === null ? null : parsePeriod(periodText);
  if (!period) {
    report(item, 'period', `observation of ${metric.value.id}: period: expected YYYY, FYYYYY, YYYY-MM, YYYY-MM-DD or a range A/B, received ${describeValue(v.period)}`);
    ok = false;
  }
  const dimensions: Record<string, string> = {};
  if (v.dimensions !== undefined) {
    if (typeof v.dimensions !== 'object' || v.dimensions === null || Array.isArray(v.dimensions)) {
      report(item, 'dimensions', `observation of ${metric.value.id}: dimensions: expected a mapping, received ${describeValue(v.dimensions)}`);
      ok = false;
    } else {
      for (const [key, raw] of Object.entries(v.dimensions)) {
        if (typeof raw !== 'string') {
          report(item, `dimensions.${key}`, `observation of ${metric.value.id}: dimension ${key}: expected a string, received ${describeValue(raw)}`);
          ok = false;
          continue;
        }
        if (ENTITY_DIMENSIONS.has(key) && nodes.get(raw)?.value.kind !== NodeKind.Actor) {
          report(item, `dimensions.${key}`, `observation of ${metric.value.id}: dimension ${key} names ${JSON.stringify(raw)}, expected the id of an Actor`);
          ok = false;
          continue;
        }
        dimensions[key] = raw;
      }
    }
  }
  let qualifier: Qualifier | null = null;
  if (v.qualifier !== undefined) {
    if (!(QUALIFIERS as readonly unknown[]).includes(v.qualifier)) {
      report(item, 'qualifier', `observation of ${metric.value.id}: unknown qualifier ${describeValue(v.qualifier)}: expected one of ${QUALIFIERS.join(', ')}`);
      ok = false;
    } else qualifier = v.qualifier as Qualifier;
  }
  if (!ok || !period) return null;
  const dims = Object.keys(dimensions).sort().map((k) => `${k}=${dimensions[k]}`).join(';');
  return {
    id: `${metric.value.id}@${period.text}${dims ? `[${dims}]` : ''}`,
    metricId: metric.value.id,
    value: v.value as number,
    unit: unit as Unit,
    period: period.text,
    periodStart: period.start,
    periodEnd: period.end,
    dimensions,
    qualifier,
    note: optionalString(item, 'note', report),
    sources: [],
  };
}
