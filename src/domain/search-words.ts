import { withoutStopWords } from './search-stop-words';
import { foldText } from './text';

// The words search works on, defined once: the memory index, the Neo4j full-text index, the
// Lucene query and the ranking all split and fold text with these functions, so every store
// sees the same words.

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A folded word of a text and where it sits in the original (UTF-16 offsets, end exclusive). */
export interface TextWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The words of a text with their offsets: split on anything but letters, digits and marks,
 * then folded ("Mérida-Initiative" → merida 0–6, initiative 7–17).
 */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldText(m[0]);
    if (word !== '') words.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/** Folded words of a text: "Mérida-Initiative" → ["merida", "initiative"]. */
export function searchWords(text: string): string[] {
  return textWords(text).map((w) => w.word);
}

/**
 * The distinct words of a query, in order, without its function words (search-stop-words.ts):
 * what the stores look up and count and the ranking weighs.
 */
export function queryTerms(text: string): string[] {
  return [...new Set(withoutStopWords(searchWords(text)))];
}

/** A whole name as one token: "T-MEC" → "tmec". */
export function compactName(text: string): string {
  return searchWords(text).join('');
}

/** How far a query word may be from an indexed word: none below 4 letters, 1 up to 7, then 2. */
export function allowedTypos(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/** Whether `q` may match `word` as a prefix: three letters or more. */
export function allowsPrefix(q: string): boolean {
  return q.length >= 3;
}
