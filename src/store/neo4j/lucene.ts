import { allowedTypos, searchWords } from '../../domain';

/**
 * Builds the Lucene query for the full-text index from folded words only: each word matches
 * exactly, as a prefix (3+ letters) or with the typos the ranking allows. Words are
 * [letters/digits]+ after folding, so no Lucene operator or special character can come
 * from the user's text. Null when the text has no word at all.
 */
export function luceneQuery(text: string): string | null {
  const words = [...new Set(searchWords(text))];
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const forms = [w];
      if (w.length >= 3) forms.push(`${w}*`);
      const typos = allowedTypos(w);
      if (typos > 0) forms.push(`${w}~${typos}`);
      return `(${forms.join(' OR ')})`;
    })
    .join(' OR ');
}
