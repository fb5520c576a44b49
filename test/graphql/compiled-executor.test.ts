import 'reflect-metadata';
import { execute, parse, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compiledExecutor, type OperationExecutor } from '../../src/graphql/compiled-executor';
import { createContext } from '../../src/graphql/context';
import { createSchema } from '../../src/graphql/schema';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { exampleOperations } from './examples';

// The server executes with graphql-jit (src/graphql/compiled-executor.ts). These compare its
// answers with graphql-js's `execute` over the same schema and data: every example operation,
// and the cases where the two executors could part (lazily loaded fields, resolver errors,
// variables that fail coercion, nulls in non-null positions).
const CASES: ReadonlyArray<readonly [string, string, Record<string, unknown>?]> = [
  ...exampleOperations().map((o) => [o.name, o.document] as const),
  [
    'edges read graph-wide, their ends loaded when selected',
    '{ relationships(first: 100) { edges { node { id direction node { id kind } start { id } end { id } } } } }',
  ],
  [
    'what sources back',
    '{ sources(first: 10) { edges { node { id backs(first: 10) { edges { node { kind entity { id } relationship { node { id } } observation { metric { id } } } } } } } } }',
  ],
  ['a malformed cursor (a resolver error)', 'query ($after: String) { entities(after: $after) { totalCount } }', { after: 'zzz' }],
  ['an unknown topic in a filter', '{ dialogues(filter: { addresses: ["fent", "narwhals"] }) { totalCount } }'],
  ['a date range that ends before it starts', '{ events(filter: { from: "2021", to: "2019" }) { totalCount } }'],
  ['a variable that fails coercion', 'query ($first: Int!) { actors(first: $first) { totalCount } }', { first: 'many' }],
  ['a malformed PartialDate variable', 'query ($d: PartialDate) { events(filter: { from: $d }) { totalCount } }', { d: '2021-13' }],
  ['an unknown enum value in a variable', 'query ($k: [NodeKind!]) { entities(kinds: $k) { totalCount } }', { k: ['Spaceship'] }],
  ['an entity that is not there (null, no error)', '{ entity(id: "no-such-entity") { id } }'],
  ['an argument out of range (class-validator)', '{ search(query: "deal", first: 1000) { score } }'],
];

/**
 * What a client receives, plus what Apollo reads of each error: its thrown cause (whose class
 * decides the error code) and its `extensions` (Apollo reads `extensions.code`; graphql-js always
 * sets an object).
 */
function answer(result: ExecutionResult): unknown {
  return {
    json: JSON.parse(JSON.stringify(result)) as unknown,
    causes: result.errors?.map((e) => e.originalError?.constructor.name ?? null),
    extensions: result.errors?.map((e) => (e.extensions === undefined ? 'none' : { ...e.extensions })),
  };
}

describe('compiled execution (graphql-jit) answers as graphql-js does', () => {
  let schema: GraphQLSchema;
  let compiled: OperationExecutor;
  beforeAll(async () => {
    schema = await createSchema();
    compiled = compiledExecutor(schema);
  });

  it.each(CASES.map(([name, source, variables]) => [name, source, variables] as const))('%s', async (_name, source, variables) => {
    const document = parse(source);
    expect(validate(schema, document)).toEqual([]);
    const store = new MemoryStore(seedDataset());
    const expected = await execute({ schema, document, variableValues: variables, contextValue: createContext(store) });
    const received = await compiled({ document, variableValues: variables, contextValue: createContext(store) });
    expect(answer(received)).toEqual(answer(expected));
    // Twice: the second run uses the operation compiled by the first.
    expect(answer(await compiled({ document, variableValues: variables, contextValue: createContext(store) }))).toEqual(answer(expected));
  });

  it('compares answers with data and answers with errors (the cases are not all alike)', async () => {
    const kinds = await Promise.all(
      CASES.map(async ([, source, variables]) => {
        const result = await compiled({ document: parse(source), variableValues: variables, contextValue: createContext(new MemoryStore(seedDataset())) });
        return result.errors ? 'errors' : 'data';
      }),
    );
    expect(kinds.filter((k) => k === 'errors').length).toBeGreaterThanOrEqual(7);
    expect(kinds.filter((k) => k === 'data').length).toBeGreaterThanOrEqual(20);
  });
});
