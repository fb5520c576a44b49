/** `nestingDepth` measures without recursion, and the variables limit leaves room for every legal value. */
import { getNullableType, isInputObjectType, isListType, type GraphQLInputType } from 'graphql';
import { MAX_VARIABLES_DEPTH, nestingDepth } from '../../src/graphql/limits';
import { createSchema } from '../../src/graphql/schema';

/** Levels of arrays and objects a value of `type` can nest (a recursive input type would be unbounded). */
function inputDepth(type: GraphQLInputType, seen: ReadonlySet<string> = new Set()): number {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return 1 + inputDepth(inner.ofType, seen);
  if (!isInputObjectType(inner)) return 0;
  if (seen.has(inner.name)) return Number.POSITIVE_INFINITY;
  const next = new Set(seen).add(inner.name);
  return 1 + Math.max(0, ...Object.values(inner.getFields()).map((f) => inputDepth(f.type, next)));
}

describe('nestingDepth', () => {
  it('counts levels of arrays and objects', () => {
    expect(nestingDepth(undefined)).toBe(0);
    expect(nestingDepth('x')).toBe(0);
    expect(nestingDepth({})).toBe(1);
    expect(nestingDepth([1, 'a', null])).toBe(1);
    expect(nestingDepth({ a: [1], b: { c: { d: [] } } })).toBe(4);
    expect(nestingDepth(JSON.parse('{"__proto__":{"__proto__":[1]}}'))).toBe(3);
  });

  it('measures 100,000 levels without overflowing the stack, and stops early when asked', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    // What a recursive walk (graphql-js coercing variables, say) does with it. Not JSON.stringify:
    // on Node.js 26 (V8 14.6) it no longer overflows at this depth (it does on Node.js 20 and 24).
    const recursiveDepth = (value: unknown): number => (Array.isArray(value) ? 1 + Math.max(0, ...value.map(recursiveDepth)) : 0);
    expect(() => recursiveDepth(deep)).toThrow(RangeError);
    expect(nestingDepth(deep)).toBe(100_000);
    expect(nestingDepth(deep, 64)).toBe(65);
  });

  it('leaves room for the deepest legal variables of the schema', async () => {
    const schema = await createSchema();
    let deepest = 0;
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        for (const arg of field.args) deepest = Math.max(deepest, inputDepth(arg.type));
      }
    }
    // The variables object is one more level.
    expect(deepest + 1).toBe(4);
    expect(deepest + 1).toBeLessThanOrEqual(MAX_VARIABLES_DEPTH);
  });
});
