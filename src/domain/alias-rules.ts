import { foldText } from './text';

// A name with commas written unquoted in a YAML flow list (`aliases: [Justice, Diversity, and
// Migration]`) becomes several aliases, one per comma. The seed checker catches it two ways: an
// alias that starts with a conjunction ("and Migration") is the tail of a split list, and
// consecutive aliases that, joined by ", ", spell a phrase of the entity's name were one alias.

/** Conjunctions, English and Spanish, that begin the last piece of a split "a, b, and c". */
const CONJUNCTION_START = /^(?:and|or|nor|y|e|o|u|ni)\s/i;

/**
 * Why `aliases` look like one title split at its commas (the seed checker's message, without the
 * entity), or null when they do not.
 */
export function splitAliasProblem(name: string | null, aliases: readonly string[]): string | null {
  const folded = name === null ? '' : foldText(name);
  for (let start = 0; start < aliases.length; start++) {
    // The longest run first, so the message quotes the whole title.
    for (let end = aliases.length; end >= start + 2; end--) {
      const joined = aliases.slice(start, end).join(', ');
      if (folded.includes(foldText(joined))) return splitMessage(aliases.slice(start, end), `they spell "${joined}", part of the name`);
    }
  }
  const tail = aliases.findIndex((a, i) => i > 0 && CONJUNCTION_START.test(a.trim()));
  if (tail > 0) return splitMessage(aliases.slice(tail - 1, tail + 1), `"${aliases[tail]}" begins with a conjunction`);
  return null;
}

function splitMessage(pieces: readonly string[], why: string): string {
  const whole = pieces.join(', ');
  return `aliases: ${pieces.map((p) => JSON.stringify(p)).join(', ')} look like one alias split at its commas (${why}); quote it: ["${whole}"]`;
}
