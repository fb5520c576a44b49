import type { GraphNode, Observation, Relationship } from './model';

/** What a search hit is: an entity, a relationship (through its note) or an observation (through its note). */
export enum SearchTarget {
  ENTITY = 'ENTITY',
  RELATIONSHIP = 'RELATIONSHIP',
  OBSERVATION = 'OBSERVATION',
}

export const SEARCH_TARGETS: readonly SearchTarget[] = Object.values(SearchTarget);

/** Where a query word matched. */
export enum SearchField {
  NAME = 'NAME',
  ALIAS = 'ALIAS',
  DESCRIPTION = 'DESCRIPTION',
  NOTE = 'NOTE',
}

/** Matched words in a snippet: UTF-16 offsets into `snippet`, end exclusive (JavaScript `slice`). */
export interface SearchHighlight {
  readonly start: number;
  readonly end: number;
}

/** One field of a hit that matched, with the matched words marked. */
export interface SearchMatch {
  readonly field: SearchField;
  /** The field's text, cut to a window around the first matched word when long ("…" at a cut). */
  readonly snippet: string;
  readonly highlights: readonly SearchHighlight[];
}

/**
 * A document a store's index found: an entity, or a relationship with both ends, or an
 * observation with its metric. `node` is the entity a hit reports: the entity itself, a
 * relationship's `from` end, an observation's metric.
 */
export interface SearchCandidate {
  readonly target: SearchTarget;
  readonly node: GraphNode;
  /** RELATIONSHIP: the edge, and its `to` end. */
  readonly relationship?: Relationship;
  readonly other?: GraphNode;
  /** OBSERVATION: the observation (its metric is `node`). */
  readonly observation?: Observation;
}

/**
 * Corpus statistics for term weighting, which every store must compute the same way: the number
 * of live documents (every live entity, every live relationship or observation whose note has a
 * word) and, per query term, how many of them hold that exact folded word in any field.
 */
export interface SearchCorpus {
  readonly documents: number;
  readonly frequencies: ReadonlyMap<string, number>;
}

/** What a store hands the ranking: the candidates its index found and the corpus statistics. */
export interface SearchCandidates {
  readonly candidates: readonly SearchCandidate[];
  readonly corpus: SearchCorpus;
}

/**
 * How many documents a store takes from its index, per index, before the domain ranks them. Every
 * document that matches the domain's rules is ranked while no more than this many match; beyond
 * it the index's own relevance picks which are kept (and the two stores may differ).
 */
export const SEARCH_CANDIDATE_LIMIT = 1000;
