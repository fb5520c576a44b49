import { SearchTarget, queryTerms, rankSearchHits, searchWords, type Dataset, type SearchCandidate, type SearchHit, type SearchQuery } from '../../src/domain';

/**
 * What every store's `search` must answer, computed by brute force from the dataset with no index:
 * every entity, relationship and observation is a candidate, and the corpus statistics are counted
 * word by word (SearchCorpus: every entity, plus every relationship or observation whose note has
 * a word). A store that finds fewer candidates or counts differently gives other hits or scores.
 */
export function searchOracle(dataset: Pick<Dataset, 'nodes' | 'relationships' | 'observations'>, query: SearchQuery): SearchHit[] {
  const nodes = new Map(dataset.nodes.map((n) => [n.id, n]));
  const candidates: SearchCandidate[] = [
    ...dataset.nodes.map((node) => ({ target: SearchTarget.ENTITY, node })),
    ...dataset.relationships.map((relationship) => ({
      target: SearchTarget.RELATIONSHIP,
      node: nodes.get(relationship.from)!,
      other: nodes.get(relationship.to)!,
      relationship,
    })),
    ...dataset.observations.map((observation) => ({ target: SearchTarget.OBSERVATION, node: nodes.get(observation.metricId)!, observation })),
  ];
  const documents = [
    ...dataset.nodes.map((n) => new Set([n.name, ...n.aliases, n.description ?? ''].flatMap(searchWords))),
    ...[...dataset.relationships, ...dataset.observations].map((r) => new Set(searchWords(r.note ?? ''))).filter((words) => words.size > 0),
  ];
  const frequencies = new Map(queryTerms(query.text).map((t) => [t, documents.filter((words) => words.has(t)).length]));
  return rankSearchHits(query, { candidates, corpus: { documents: documents.length, frequencies } });
}
