import { ApolloServer } from '@apollo/server';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import type { GraphQLSchema } from 'graphql';
import { Args, ArgsType, buildSchema, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { createErrorFormatter } from '../../src/graphql/errors';
import { EntityFilter } from '../../src/graphql/inputs/entity-filter.input';
import { QueryResolver } from '../../src/graphql/resolvers/query.resolver';
import { validateArgument } from '../../src/graphql/argument-validation';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';

/*
 * Rules on a nested input (`@ValidateNested`) are checked, and refused in the same words, on every
 * path an argument can take: there is one (type-graphql's resolvers; nothing replaces them after
 * `buildSchema`, where the fast paths once assigned nested inputs as plain objects, which
 * class-validator skipped). type-graphql turns nested inputs into instances of their classes
 * itself, so no class-transformer `@Type` is needed.
 */

@InputType()
class ProbeTags {
  @Field(() => [String])
  @ArrayMaxSize(2, { message: (a) => `ids: expected at most 2 ids, received ${(a.value as unknown[]).length}` })
  ids!: string[];
}

@ArgsType()
class ProbeTaggedArgs {
  @Field(() => ProbeTags, { nullable: true })
  @ValidateNested()
  tags?: ProbeTags | null;
}

@ObjectType()
class ProbeHolder {
  @Field(() => String)
  name!: string;
}

@Resolver(() => ProbeHolder)
class ProbeTaggedResolver {
  @Query(() => Int)
  tagged(@Args() { tags }: ProbeTaggedArgs): number {
    return tags?.ids.length ?? 0;
  }

  @Query(() => ProbeHolder)
  holder(): ProbeHolder {
    return { name: 'holder' };
  }

  @FieldResolver(() => Int)
  taggedHere(@Root() _holder: ProbeHolder, @Args() { tags }: ProbeTaggedArgs): number {
    return tags?.ids.length ?? 0;
  }
}

describe("a nested input's rules (@ValidateNested), in a schema built with our settings", () => {
  let apollo: ApolloServer;
  beforeAll(async () => {
    const schema: GraphQLSchema = await buildSchema({ resolvers: [ProbeTaggedResolver], validateFn: validateArgument });
    apollo = new ApolloServer({ schema, formatError: createErrorFormatter(schema, false) });
    await apollo.start();
  });
  afterAll(() => apollo.stop());

  const run = async (query: string, variables?: Record<string, unknown>): Promise<GraphQLResult> => {
    const response = await apollo.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResult;
  };
  const refusal = { message: 'tags.ids: expected at most 2 ids, received 3', extensions: { code: 'BAD_USER_INPUT' } };

  it('accepts what the rule allows', async () => {
    expect(await run('{ tagged(tags: { ids: ["a", "b"] }) }')).toEqual({ data: { tagged: 2 } });
  });

  it.each([
    ['a root field, literal', '{ tagged(tags: { ids: ["a", "b", "c"] }) }', undefined, ['tagged']],
    ['a root field, variables', 'query ($t: ProbeTags) { tagged(tags: $t) }', { t: { ids: ['a', 'b', 'c'] } }, ['tagged']],
    ['a field resolver, literal', '{ holder { taggedHere(tags: { ids: ["a", "b", "c"] }) } }', undefined, ['holder', 'taggedHere']],
    ['a field resolver, variables', 'query ($t: ProbeTags) { holder { taggedHere(tags: $t) } }', { t: { ids: ['a', 'b', 'c'] } }, ['holder', 'taggedHere']],
  ])('refuses a violation with BAD_USER_INPUT, saying where, what was expected and what arrived: %s', async (_path, query, variables, path) => {
    const result = await run(query, variables);
    expect(result.errors).toEqual([expect.objectContaining({ ...refusal, path })]);
  });
});

describe('our own args classes: nested inputs arrive as instances, so rules on them are checked', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(fixtureDataset));
  });
  afterAll(() => server.close());

  it('hands a typed list its filter as an EntityFilter, not a plain object', async () => {
    const dialogues = jest.spyOn(QueryResolver.prototype, 'dialogues');
    try {
      const result = await server.execute('{ dialogues(filter: { addresses: ["fent"] }) { totalCount } }');
      expect(result.errors).toBeUndefined();
      expect(dialogues).toHaveBeenCalledTimes(1);
      expect(dialogues.mock.calls[0][0].filter).toBeInstanceOf(EntityFilter);
    } finally {
      dialogues.mockRestore();
    }
  });

  it.each(['entities', 'actors', 'policies', 'agreements', 'dialogues', 'events', 'topics', 'metrics', 'sources', 'search(query: "trade")'])(
    'refuses first: 0 on %s in the same words as everywhere else',
    async (field) => {
      const call = field.includes('(') ? field.replace(')', ', first: 0)') : `${field}(first: 0)`;
      const selection = field.startsWith('search') ? '{ score }' : '{ totalCount }';
      const result = await server.execute(`{ ${call} ${selection} }`);
      expect(result.errors).toEqual([
        expect.objectContaining({ message: 'first: expected an integer from 1 to 100, received 0', extensions: { code: 'BAD_USER_INPUT' } }),
      ]);
    },
  );
});
