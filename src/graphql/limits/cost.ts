import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLCompositeType, type GraphQLField } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { EXTRA_HOPS, MAX_CANDIDATES_PER_LENGTH, MAX_CONNECTION_HOPS, NODE_KINDS, queryTerms, type DegreeStats } from '../../domain';
import { RELATION_FIELDS } from '../resolvers/relation-fields';
import { DEFAULT_PAGE_SIZE } from '../pagination';
import { listBounds } from './list-bounds';

/** The arguments that bound how many items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * What a `search` costs per record the index holds: a base for scanning the candidates, plus
 * one more share per query word (each word, typos allowed, is looked up and scored across the
 * index). Set with `bench/cost` so that a search's estimate per millisecond of CPU is about a
 * list query's: one search of a word or two ≈ 20,000–30,000 units on the deck's graph, as many
 * as a page of 100 entities with a few nested fields per 20 ms.
 */
export const SEARCH_COST_PER_RECORD = 10;
export const SEARCH_COST_PER_RECORD_AND_WORD = 5;
/** Words past this many are priced as this many (the query is at most 200 characters anyway). */
const MAX_PRICED_WORDS = 20;

function sizeArgument(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    // Out-of-range values are refused by the argument validation; count them as at least one.
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.floor(value));
  }
  // A Relay connection (it takes `last`) without `first` or `last` returns a default page.
  return field.args.some((a) => a.name === 'last') ? DEFAULT_PAGE_SIZE : undefined;
}

function returnsObjectList(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  return isListType(type) && !('parseValue' in getNamedType(type));
}

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** `Owner.field` → the edge type and direction of every typed relationship field. */
const RELATIONS = new Map(RELATION_FIELDS.flatMap(([owner, fields]) => fields.map((f) => [`${owner.name}.${f.name}`, f] as const)));

/**
 * Cost of a field for graphql-query-complexity: 1 for the field itself plus what it selects,
 * times the most items it can return, plus the work it does beyond reading those items.
 *
 * The most items comes from the store's own statistics (`DegreeStats`), so that the estimate is
 * an upper bound of the real answer, not a guess: a relationship field returns at most the
 * largest degree of its owner's kind for that edge type and direction; `sources` at most the
 * most citations on one record; `history` at most the longest history; a root list at most `first` and at most the entities of its
 * kinds. A connection's `edges` count once (the connection already multiplied by `first`).
 * `search`, `connections`, `neighbourhood` and `timeline` add what they read to find their
 * answer (`workOf`). Scalars and lists of scalars cost 1.
 */
export function statisticsCostEstimator(stats: DegreeStats): ComplexityEstimator {
  const bounds = listBounds(stats);
  return ({ type, field, args, childComplexity }) => {
    // Introspection reads the schema, not the graph: bounded by the schema's size, whatever the
    // data. Priced by its fields alone, so Apollo Sandbox's and GraphiQL's schema query fits.
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 1 + childComplexity;
    const work = workOf(type, field, args, stats, bounds.maxDegreeAnyKind);
    const given = sizeArgument(field, args);
    const bound = itemBound(type, field, args, stats, bounds);
    const size = given !== undefined ? Math.min(given, bound ?? given) : (bound ?? (returnsObjectList(field) ? bounds.anyList : 1));
    return 1 + work + size * childComplexity;
  };
}

/** `RelationshipEvidence` or a type implementing it (Relationship, Hop, NeighbourhoodEdge): its `sources` are a relationship's. */
function readsRelationshipEvidence(type: GraphQLCompositeType): boolean {
  return type.name === 'RelationshipEvidence' || (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'RelationshipEvidence'));
}

/** The most items a field can return by the statistics; undefined when they say nothing about it. */
function itemBound(
  type: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  stats: DegreeStats,
  bounds: ReturnType<typeof listBounds>,
): number | undefined {
  const owner = type.name;
  const returns = getNamedType(field.type).name;
  if (owner === 'Query') {
    if (returns === 'EntityConnection') return bounds.nodesOf(args.kinds as string[] | undefined);
    if (returns.endsWith('Connection') && NODE_KINDS.includes(returns.slice(0, -'Connection'.length) as never))
      return bounds.nodesOf([returns.slice(0, -'Connection'.length)]);
    if (field.name === 'search' || field.name === 'neighbourhood') return bounds.nodesOf(args.kinds as string[] | undefined);
    if (field.name === 'timeline') return bounds.nodesOf(undefined);
    return undefined;
  }
  if (owner.endsWith('Connection') && field.name === 'edges') return 1;
  if (owner === 'Connections' && field.name === 'paths') return 1;
  if (owner === 'Path') return field.name === 'nodes' ? MAX_CONNECTION_HOPS + 1 : field.name === 'hops' ? MAX_CONNECTION_HOPS : undefined;
  // The neighbourhood is priced per entity (`limit`): each brings itself, its leftOut entry and its edges.
  if (owner === 'Neighbourhood') return field.name === 'edges' ? bounds.maxDegreeAnyKind : field.name === 'nodes' || field.name === 'leftOut' ? 1 : undefined;
  if (owner === 'Timeline' && field.name === 'entries') return 1;
  if (owner === 'DatasetInfo' && field.name === 'nodes') return NODE_KINDS.length;
  if (field.name === 'sources') {
    if (owner === 'Observation') return stats.maxObservationCitations;
    if (readsRelationshipEvidence(type)) return stats.maxRelationshipCitations;
    return bounds.citationsOf(owner);
  }
  if (owner === 'Metric' && field.name === 'observations') return stats.maxObservationsPerMetric;
  if (field.name === 'history') return stats.maxHistoryEntries;
  if (owner === 'Observation' && field.name === 'dimensions') return stats.maxDimensions;
  if (field.name === 'relationships' && (owner === 'Entity' || NODE_KINDS.includes(owner as never))) {
    return bounds.degreeOf(owner, (args.types as string[] | undefined) ?? [], (args.direction as 'OUT' | 'IN' | 'BOTH' | undefined) ?? 'BOTH');
  }
  if (owner === 'Topic' && field.name === 'addressedBy') {
    const direct = bounds.degreeOf('Topic', ['ADDRESSES'], 'IN');
    return args.includeNarrower ? direct * (1 + bounds.degreeOf('Topic', ['BROADER'], 'IN')) : direct;
  }
  const relation = RELATIONS.get(`${owner}.${field.name}`);
  if (relation) return bounds.degreeOf(owner, [relation.type], relation.direction);
  return undefined;
}

/** What a field reads to find its answer, beyond the items it returns. */
function workOf(
  type: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  stats: DegreeStats,
  maxDegree: number,
): number {
  if (type.name !== 'Query') return 0;
  const nodes = sum(Object.values(stats.nodesByKind));
  switch (field.name) {
    case 'search': {
      // Every record the index holds may be scored: entities, relationships (notes) and observations
      // (notes), once per word the stores look up (function words dropped: queryTerms).
      const words = Math.min(MAX_PRICED_WORDS, Math.max(1, queryTerms(typeof args.query === 'string' ? args.query : '').length));
      return (SEARCH_COST_PER_RECORD + SEARCH_COST_PER_RECORD_AND_WORD * words) * (nodes + stats.relationships + stats.observations);
    }
    case 'connections': {
      // A breadth-first walk may read every edge from both ends, then paths are enumerated per length.
      const hops = typeof args.maxHops === 'number' ? args.maxHops : MAX_CONNECTION_HOPS;
      return nodes + 2 * stats.relationships + (EXTRA_HOPS + 1) * MAX_CANDIDATES_PER_LENGTH * hops;
    }
    case 'neighbourhood': {
      // Each entity's edges are read once to grow the neighbourhood and once more for the edges among the last level.
      const limit = typeof args.limit === 'number' ? Math.min(args.limit, nodes) : nodes;
      return 2 * limit * maxDegree;
    }
    case 'timeline':
      // Every dated entity of the chosen kinds is read and ordered.
      return nodes;
    default:
      return 0;
  }
}
