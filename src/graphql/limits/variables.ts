/**
 * Deepest nesting of arrays and objects the request variables may have. The deepest legal value
 * nests four levels (the variables object › CreateEntityInput › its `dates` list › a
 * DateEntryInput); 64 leaves room for any schema to come and stops hostile values long before
 * anything recursive (`JSON.stringify`, graphql-js's coercion, the cost estimate) runs out of stack.
 */
export const MAX_VARIABLES_DEPTH = 64;

/**
 * How deeply `value` nests arrays and objects: 0 for a scalar, 1 for `{}` or `[1]`, 2 for
 * `{"a":[1]}`. Walked with an explicit stack, never by recursion, so any value that JSON.parse
 * could build is measured; the walk stops once it has seen a level past `stopAfter` (the answer
 * is then `stopAfter + 1`), so a refused value costs no more than an accepted one.
 */
export function nestingDepth(value: unknown, stopAfter = Number.MAX_SAFE_INTEGER): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, level] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    const depth = level + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAfter) return deepest;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth]);
    }
  }
  return deepest;
}
