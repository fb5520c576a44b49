// Function words a question carries but that say nothing about what is sought ("Who is very
// upset about the energy plans?"). A short list of our own: the stock lists of stop-word
// libraries also drop words that name things here ("us" for the U.S., "who" for the WHO,
// "very", "more", "against"), and only the query is filtered, never the index.

/** English and Spanish function words dropped from a query that has other words. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'the',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'by',
  'with',
  'about',
  'and',
  'or',
  'who',
  'whom',
  'what',
  'which',
  'when',
  'where',
  'why',
  'how',
  'do',
  'does',
  'did',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'as',
  'there',
  'their',
  // Spanish (folded: no accents)
  'el',
  'la',
  'los',
  'las',
  'lo',
  'de',
  'del',
  'y',
  'e',
  'o',
  'u',
  'en',
  'que',
  'quien',
  'quienes',
  'por',
  'para',
  'con',
  'un',
  'una',
  'unos',
  'unas',
  'se',
  'al',
  'es',
  'son',
  'fue',
  'su',
  'sus',
]);

/**
 * The query's words without its function words, unless nothing else is left: "who is the WHO"
 * still looks for "who", and "Who is very upset" looks for "very" and "upset".
 */
export function withoutStopWords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return kept.length > 0 ? kept : [...words];
}
