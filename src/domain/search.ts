import { distance } from 'fastest-levenshtein';
import { compareNodes } from './order';
import { foldText } from './text';
import type { GraphNode } from './model';
import type { SearchHit } from './store';

// Relevance is decided here, once, for every store: a store's own index (MiniSearch in memory,
// the Lucene full-text index in Neo4j) only finds candidates, and `rankSearchHits` orders them.
// So both stores give the same results in the same order with the same scores.

const WORD = /[\p{L}\p{N}]+/gu;

/** Folded words of a text: "Mérida-Initiative" → ["merida", "initiative"]. */
export function searchWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** A whole name as one token: "T-MEC" → "tmec". */
export function compactName(text: string): string {
  return searchWords(text).join('');
}

/** How far a query word may be from an indexed word: none below 4 letters, 1 up to 7, then 2. */
export function allowedTypos(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

function wordScore(queryWord: string, words: readonly string[], weight: number): number {
  let best = 0;
  for (const word of words) {
    if (word === queryWord) return weight;
    if (queryWord.length >= 3 && word.startsWith(queryWord)) best = Math.max(best, 0.7 * weight);
    else if (best < 0.5 * weight && Math.abs(word.length - queryWord.length) <= allowedTypos(queryWord) && distance(word, queryWord) <= allowedTypos(queryWord)) {
      best = 0.5 * weight;
    }
  }
  return best;
}

/**
 * Relevance of a node to a query, 0 when nothing matches. Each query word scores its best match
 * in the name or aliases (exact 10, prefix 7, one or two typos 5) or the description (a fifth of
 * that); a query equal to the whole name or an alias adds 50 (30 with a typo or two); the node
 * with the shortest name or alias wins ties slightly.
 */
export function scoreSearchMatch(query: string, node: GraphNode): number {
  const queryWords = [...new Set(searchWords(query))];
  if (queryWords.length === 0) return 0;
  const nameWords = [...new Set([node.name, ...node.aliases].flatMap(searchWords))];
  const descriptionWords = node.description ? [...new Set(searchWords(node.description))] : [];
  let score = 0;
  let matched = 0;
  for (const q of queryWords) {
    const s = Math.max(wordScore(q, nameWords, 10), wordScore(q, descriptionWords, 2));
    if (s > 0) matched++;
    score += s;
  }
  if (matched === 0) return 0;
  const whole = compactName(query);
  const keys = [node.name, ...node.aliases].map(compactName);
  if (keys.includes(whole)) score += 50;
  else if (keys.some((key) => Math.abs(key.length - whole.length) <= allowedTypos(whole) && distance(key, whole) <= allowedTypos(whole))) score += 30;
  score -= 0.01 * Math.min(...[node.name, ...node.aliases].map((key) => searchWords(key).length), 50);
  return Math.round(score * 1000) / 1000;
}

/** Scores candidates, drops non-matches, orders best first (ties by name, then id), keeps `limit`. */
export function rankSearchHits(query: string, candidates: Iterable<GraphNode>, limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  for (const node of candidates) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const score = scoreSearchMatch(query, node);
    if (score > 0) hits.push({ node, score });
  }
  return hits.sort((a, b) => b.score - a.score || compareNodes(a.node, b.node)).slice(0, limit);
}

/** How many candidates a store should fetch from its index before ranking `limit` results. */
export function searchCandidates(limit: number): number {
  return Math.max(100, limit * 5);
}
