import { distance } from 'fastest-levenshtein';
import { SearchField, SearchTarget, type SearchCandidate, type SearchHighlight, type SearchMatch } from './search-model';
import { searchMatch } from './search-snippet';
import { allowedTypos, allowsPrefix, compactName, queryTerms, searchWords, textWords, type TextWord } from './search-words';

// How one candidate scores against a query (search.ts ranks the candidates with it).
//
// The score is BM25-style. Each query word q adds idf(q) × its best field score, where
//   idf(q) = ln(1 + (N − df + 0.5) / (df + 0.5))   (N documents, df of them hold the word q)
//   field score = tier × (1 + boost × tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)) / (k1+1))
// The tier is 1 for the exact word, 1/3 for a prefix of a word, 1/5 for a word within the
// allowed typos; boosts are at most 2, so a field score lies in [tier, 3·tier): for the same
// query word an exact match (≥ 1) always beats a prefix or a typo (< 1, < 0.6), whatever the
// fields and lengths.
// The average field lengths are fixed (below), not measured, so that no store has to scan the
// corpus for them. On top: a phrase bonus when the query's words appear in a field in order
// (the last one may be a prefix), and a name bonus when the whole query is a name or an alias.

const K1 = 1.2;
const B = 0.75;

/** Field boosts (name and alias above description above notes) and their reference lengths in words. */
export const SEARCH_FIELDS: Readonly<Record<SearchField, { readonly boost: number; readonly averageWords: number }>> = {
  NAME: { boost: 2, averageWords: 4 },
  ALIAS: { boost: 2, averageWords: 3 },
  DESCRIPTION: { boost: 0.6, averageWords: 25 },
  NOTE: { boost: 0.4, averageWords: 8 },
};

const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;
const TIER_WEIGHT = [0, 1 / 5, 1 / 3, 1];
/** Phrase bonus: this share of the query words' idf, times the field's boost. */
const PHRASE = 0.5;
/**
 * Whole query equal to a name or alias: this many times the query words' idf; within the allowed
 * typos, NAME_TYPO times, small enough that a typo (field score < 0.6) plus this stays below an
 * exact word (≥ 1): "Three Amigos" never becomes "tree" however short that name is.
 */
const NAME_EXACT = 2;
const NAME_TYPO = 0.3;

/** How a query word matches an indexed word: EXACT, PREFIX, TYPO or 0. */
export function matchTier(q: string, word: string): number {
  if (word === q) return EXACT;
  if (allowsPrefix(q) && word.startsWith(q)) return PREFIX;
  const typos = allowedTypos(q);
  if (typos > 0 && Math.abs(word.length - q.length) <= typos && distance(word, q) <= typos) return TYPO;
  return 0;
}

/** Inverse document frequency: rare words weigh more. */
export function inverseDocumentFrequency(documents: number, frequency: number): number {
  const n = Math.max(documents, frequency);
  return Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
}

interface FieldText {
  readonly field: SearchField;
  readonly text: string;
  readonly words: readonly TextWord[];
}

/**
 * The searchable fields of a candidate's record, split once per record object: records are
 * immutable (a change replaces the object) and the memory store hands out the same objects on
 * every search, so splitting and folding, most of the work of scoring, is not repeated.
 */
const fieldCache = new WeakMap<object, FieldText[]>();

/** The searchable fields of a candidate: an entity's name, each alias and description; a note. */
export function searchFields(c: SearchCandidate): FieldText[] {
  const record: object = c.target === SearchTarget.RELATIONSHIP ? c.relationship! : c.target === SearchTarget.OBSERVATION ? c.observation! : c.node;
  let fields = fieldCache.get(record);
  if (!fields) {
    const texts: Array<[SearchField, string | null | undefined]> =
      c.target === SearchTarget.ENTITY
        ? [
            [SearchField.NAME, c.node.name],
            ...c.node.aliases.map((a): [SearchField, string] => [SearchField.ALIAS, a]),
            [SearchField.DESCRIPTION, c.node.description],
          ]
        : [[SearchField.NOTE, c.target === SearchTarget.RELATIONSHIP ? c.relationship?.note : c.observation?.note]];
    fields = texts.filter((t): t is [SearchField, string] => !!t[1]).map(([field, text]) => ({ field, text, words: textWords(text) }));
    fieldCache.set(record, fields);
  }
  return fields;
}

const keyCache = new WeakMap<object, string[]>();

/** An entity's name and aliases as compact tokens ("T-MEC" → "tmec"), once per node object. */
function nameKeys(c: SearchCandidate): string[] {
  let keys = keyCache.get(c.node);
  if (!keys) keyCache.set(c.node, (keys = [c.node.name, ...c.node.aliases].map(compactName)));
  return keys;
}

/** Whether the words hold `terms` in a row, all exact but the last, which may be a prefix. */
function holdsPhrase(words: readonly TextWord[], terms: readonly string[]): boolean {
  const last = terms.length - 1;
  outer: for (let i = 0; i + last < words.length; i++) {
    for (let j = 0; j < last; j++) if (words[i + j].word !== terms[j]) continue outer;
    const w = words[i + last].word;
    if (w === terms[last] || (allowsPrefix(terms[last]) && w.startsWith(terms[last]))) return true;
  }
  return false;
}

/** What scoring needs of the query, worked out once per search rather than once per candidate. */
export class ScoringQuery {
  readonly terms: string[];
  readonly weights: number[];
  readonly total: number;
  readonly sequence: string[];
  readonly whole: string;
  private readonly tiers = new Map<string, Uint8Array>();

  constructor(text: string, idf: ReadonlyMap<string, number>) {
    this.terms = queryTerms(text);
    this.weights = this.terms.map((q) => idf.get(q) ?? 0);
    this.total = this.weights.reduce((a, b) => a + b, 0);
    this.sequence = searchWords(text);
    this.whole = compactName(text);
  }

  /** How each query term matches `word` (matchTier), computed once per distinct word. */
  tiersOf(word: string): Uint8Array {
    let tiers = this.tiers.get(word);
    if (!tiers) {
      tiers = new Uint8Array(this.terms.length);
      for (let t = 0; t < tiers.length; t++) tiers[t] = matchTier(this.terms[t], word);
      this.tiers.set(word, tiers);
    }
    return tiers;
  }
}

export interface Scored {
  readonly score: number;
  /** Builds the matches (snippets, highlights): only for the hits that are kept. */
  readonly matches: () => SearchMatch[];
}

/** Scores `c` against the query; null when no query word matches any of its fields. */
export function scoreSearchCandidate(query: ScoringQuery, c: SearchCandidate): Scored | null {
  const { terms, weights } = query;
  const fields = searchFields(c);
  const marks: SearchHighlight[][] = fields.map(() => []);
  const best = new Array<number>(terms.length).fill(0);
  fields.forEach((f, i) => {
    const tier = new Uint8Array(terms.length);
    const tf = new Uint16Array(terms.length);
    for (const w of f.words) {
      const tiers = query.tiersOf(w.word);
      let marked = false;
      for (let t = 0; t < terms.length; t++) {
        const m = tiers[t];
        if (m === 0) continue;
        marked = true;
        if (m > tier[t]) [tier[t], tf[t]] = [m, 1];
        else if (m === tier[t]) tf[t]++;
      }
      if (marked) marks[i].push({ start: w.start, end: w.end });
    }
    const { boost, averageWords } = SEARCH_FIELDS[f.field];
    const norm = K1 * (1 - B + (B * f.words.length) / averageWords);
    for (let t = 0; t < terms.length; t++) {
      if (tier[t] === 0) continue;
      best[t] = Math.max(best[t], TIER_WEIGHT[tier[t]] * (1 + (boost * tf[t]) / (tf[t] + norm)));
    }
  });
  if (!marks.some((m) => m.length > 0)) return null;
  let total = 0;
  for (let t = 0; t < terms.length; t++) total += best[t] * weights[t];
  if (query.sequence.length > 1) {
    const boosts = fields.filter((f) => holdsPhrase(f.words, query.sequence)).map((f) => SEARCH_FIELDS[f.field].boost);
    if (boosts.length > 0) total += PHRASE * query.total * Math.max(...boosts);
  }
  if (c.target === SearchTarget.ENTITY) {
    const whole = query.whole;
    const keys = nameKeys(c);
    const typos = allowedTypos(whole);
    if (keys.includes(whole)) total += NAME_EXACT * query.total;
    else if (typos > 0 && keys.some((key) => Math.abs(key.length - whole.length) <= typos && distance(key, whole) <= typos)) total += NAME_TYPO * query.total;
  }
  const matches = () => fields.flatMap((f, i) => (marks[i].length > 0 ? [searchMatch(f.field, f.text, marks[i])] : []));
  return { score: Math.round(total * 10000) / 10000, matches };
}

/** The score of one candidate and the fields that matched, or null when no query word matches. */
export function scoreCandidate(query: string, c: SearchCandidate, idf: ReadonlyMap<string, number>): { score: number; matches: SearchMatch[] } | null {
  const scored = scoreSearchCandidate(new ScoringQuery(query, idf), c);
  return scored && { score: scored.score, matches: scored.matches() };
}
