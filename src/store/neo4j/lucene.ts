import { allowedTypos, allowsPrefix, queryTerms } from '../../domain';

/** Lucene's query syntax characters, escaped with a backslash wherever they appear in a term. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * One folded word as a Lucene term. Words are letters and digits after folding (domain
 * `searchWords`), so there is nothing to escape; escaping anyway keeps any future change of the
 * word pattern from letting query syntax through.
 */
export function luceneTerm(word: string): string {
  return word.replace(LUCENE_SPECIAL, '\\$&');
}

/**
 * The Lucene query for the full-text indexes, built from folded words only: each word matches
 * exactly, as a prefix (3+ letters) or with the typos the ranking allows (src/domain/search.ts
 * decides what really matches). Null when the text has no word at all.
 */
export function luceneQuery(text: string): string | null {
  const words = queryTerms(text);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const term = luceneTerm(w);
      const forms = [term];
      if (allowsPrefix(w)) forms.push(`${term}*`);
      const typos = allowedTypos(w);
      if (typos > 0) forms.push(`${term}~${typos}`);
      return `(${forms.join(' OR ')})`;
    })
    .join(' OR ');
}
