import { DateRole, NodeKind } from './kinds';
import { EdgeType } from './edge-types';
import { parsePartialDate } from './dates';
import type { Dataset, GraphNode, Relationship } from './model';

/**
 * When something held, as inclusive ISO days; null means unbounded on that side. "As of" a
 * date, an entity or a relationship counts only when the date falls inside.
 */
export interface Validity {
  readonly start: string | null;
  readonly end: string | null;
}

/** Which date starts each kind's lifetime: an agreement from its entry into force (else signing) … */
const START_ROLES: Readonly<Record<NodeKind, readonly DateRole[]>> = {
  [NodeKind.Actor]: [DateRole.established],
  [NodeKind.Policy]: [DateRole.established, DateRole.launched],
  [NodeKind.Agreement]: [DateRole.inForce, DateRole.signed],
  [NodeKind.Dialogue]: [DateRole.established, DateRole.launched],
  [NodeKind.Event]: [DateRole.date],
  [NodeKind.Topic]: [],
  [NodeKind.Metric]: [],
  [NodeKind.Source]: [],
};

function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function earlier(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a < b ? a : b;
}

/**
 * An entity's lifetime: from its first start date to the day before it `ended` or before the
 * entity that REPLACES it took effect (`replacedFrom`). An event stays part of history once it
 * happened. Kinds without dates (topics, metrics, sources) always hold.
 */
export function nodeValidity(node: GraphNode, replacedFrom: string | null = null): Validity {
  const startRole = START_ROLES[node.kind].find((role) => node.dates[role] !== undefined);
  const start = startRole ? parsePartialDate(node.dates[startRole]!)!.start : null;
  const ended = node.dates.ended ? previousDay(parsePartialDate(node.dates.ended)!.start) : null;
  const replaced = replacedFrom ? previousDay(parsePartialDate(replacedFrom)!.start) : null;
  return { start, end: earlier(ended, replaced) };
}

/** A relationship holds from the first day of `validFrom` to the last day of `validTo`. */
export function relationshipValidity(rel: Relationship): Validity {
  return {
    start: rel.validFrom ? parsePartialDate(rel.validFrom)!.start : null,
    end: rel.validTo ? parsePartialDate(rel.validTo)!.end : null,
  };
}

export function isValidAt(validity: Validity, day: string): boolean {
  return (validity.start === null || validity.start <= day) && (validity.end === null || day <= validity.end);
}

/** Every node's lifetime, taking replacements (REPLACES edges with a validFrom) into account. */
export function computeNodeValidity(dataset: Pick<Dataset, 'nodes' | 'relationships'>): Map<string, Validity> {
  const replacedFrom = new Map<string, string>();
  for (const rel of dataset.relationships) {
    if (rel.type !== EdgeType.REPLACES || !rel.validFrom) continue;
    const current = replacedFrom.get(rel.to);
    const start = parsePartialDate(rel.validFrom)!.start;
    if (!current || start < parsePartialDate(current)!.start) replacedFrom.set(rel.to, rel.validFrom);
  }
  return new Map(dataset.nodes.map((n) => [n.id, nodeValidity(n, replacedFrom.get(n.id) ?? null)]));
}

/** A node's lifetime given the `validFrom` of every live REPLACES edge into it (the earliest counts). */
export function nodeValidityReplacedFrom(node: GraphNode, replacedFrom: readonly string[]): Validity {
  let earliest: string | null = null;
  for (const text of replacedFrom) {
    if (earliest === null || parsePartialDate(text)!.start < parsePartialDate(earliest)!.start) earliest = text;
  }
  return nodeValidity(node, earliest);
}
