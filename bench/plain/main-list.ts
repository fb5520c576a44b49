/**
 * A cheap size check for benchmark answers: the length of the first list met walking an answer
 * depth-first — a reference query's main list (search hits, connection edges, `addressedBy`).
 * The in-process and HTTP benches check every timed answer against the checked one, so a
 * truncated or empty answer can never pass for a fast one.
 */
export function mainListLength(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const n = mainListLength(v);
      if (n >= 0) return n;
    }
  }
  return -1;
}
