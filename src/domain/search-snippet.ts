import type { SearchField, SearchHighlight, SearchMatch } from './search-model';

/** Texts up to this many UTF-16 units are shown whole; longer ones are cut around the first match. */
export const SNIPPET_LENGTH = 160;
const BEFORE = 60;
const ELLIPSIS = '…';

/**
 * A match of one field: its text (or a window of it around the first matched word, cut at word
 * boundaries, "…" where cut) and the matched words' offsets in that snippet, in order.
 */
export function searchMatch(field: SearchField, text: string, marks: readonly SearchHighlight[]): SearchMatch {
  const sorted = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const highlights = sorted.filter((m, i) => i === 0 || m.start >= sorted[i - 1].end);
  if (text.length <= SNIPPET_LENGTH) return { field, snippet: text, highlights };
  let start = Math.max(0, (highlights[0]?.start ?? 0) - BEFORE);
  if (start > 0) {
    const space = text.indexOf(' ', start - 1);
    start = space >= 0 && space < (highlights[0]?.start ?? 0) ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= (highlights[0]?.end ?? 0)) end = space;
  }
  const lead = start > 0 ? ELLIPSIS : '';
  const snippet = lead + text.slice(start, end).trimEnd() + (end < text.length ? ELLIPSIS : '');
  const shift = lead.length - start;
  return {
    field,
    snippet,
    highlights: highlights.filter((m) => m.start >= start && m.end <= end).map((m) => ({ start: m.start + shift, end: m.end + shift })),
  };
}
