import { compareNodes } from './order';
import { SearchTarget, type SearchCandidate, type SearchCandidates, type SearchMatch } from './search-model';
import { ScoringQuery, inverseDocumentFrequency, scoreSearchCandidate } from './search-score';
import { queryTerms } from './search-words';
import type { SearchHit, SearchQuery } from './store';

export * from './search-model';
export * from './search-score';
export * from './search-snippet';
export * from './search-words';

// Relevance is decided here, once, for every store: a store's index (MiniSearch in memory, the
// Lucene full-text indexes in Neo4j) only finds candidates and counts documents per term
// (SearchCandidates), and `rankSearchHits` scores them (search-score.ts: BM25-style) and orders
// them. So both stores give the same hits, order and scores.

const TARGET_ORDER: Readonly<Record<SearchTarget, number>> = { ENTITY: 0, RELATIONSHIP: 1, OBSERVATION: 2 };

/** A candidate's own id: the entity's, the relationship's or the observation's. */
export function candidateId(c: SearchCandidate): string {
  return c.target === SearchTarget.RELATIONSHIP ? c.relationship!.id : c.target === SearchTarget.OBSERVATION ? c.observation!.id : c.node.id;
}

function compareHits(a: SearchHit, b: SearchHit): number {
  if (a.score !== b.score) return b.score - a.score;
  const ids = [candidateId(a), candidateId(b)];
  return TARGET_ORDER[a.target] - TARGET_ORDER[b.target] || compareNodes(a.node, b.node) || (ids[0] < ids[1] ? -1 : ids[0] > ids[1] ? 1 : 0);
}

/**
 * Scores the candidates a store found against the query, keeps those of the query's targets and
 * kinds that match at least one word, and orders them: best first, then entities before
 * relationships before observations, then by the reported entity's name, then id. Keeps `limit`.
 */
export function rankSearchHits(query: SearchQuery, found: SearchCandidates): SearchHit[] {
  const targets = query.targets && query.targets.length > 0 ? new Set(query.targets) : null;
  const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
  const idf = new Map(queryTerms(query.text).map((q) => [q, inverseDocumentFrequency(found.corpus.documents, found.corpus.frequencies.get(q) ?? 0)]));
  const scoring = new ScoringQuery(query.text, idf);
  const scored: Array<{ hit: SearchHit; matches: () => SearchMatch[] }> = [];
  const seen = new Set<string>();
  for (const c of found.candidates) {
    if ((targets && !targets.has(c.target)) || (kinds && !kinds.has(c.node.kind))) continue;
    const key = `${c.target}:${candidateId(c)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s = scoreSearchCandidate(scoring, c);
    if (s) scored.push({ hit: { ...c, score: s.score, matches: [] }, matches: s.matches });
  }
  return scored
    .sort((a, b) => compareHits(a.hit, b.hit))
    .slice(0, query.limit)
    .map(({ hit, matches }) => ({ ...hit, matches: matches() }));
}
