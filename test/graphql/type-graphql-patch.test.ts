import { Max, Min, Validate, ValidateNested, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { GraphQLInterfaceType, GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  ArgumentValidationError,
  buildSchema,
  createParameterDecorator,
  Field,
  FieldResolver,
  InputType,
  Int,
  InterfaceType,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { ARGUMENT_VALIDATION } from '../../src/graphql/argument-validation';

/*
 * patches/type-graphql+2.0.0-rc.4.patch: type-graphql's resolvers return without a promise when
 * nothing is async (argument validation through `validateSync`, a synchronous `resolveType`), and
 * still await what is. Plain rc.4 fails the "returns … not a promise" tests here. Each resolver's
 * handler is built once: its parameter getters made when the schema is built, and a resolver
 * without middlewares called directly; the tests on the stack and on the type thunk fail on the
 * previous patch.
 */

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';
const info = {} as GraphQLResolveInfo;

@ValidatorConstraint({ name: 'notNoLater', async: true })
class NotNoLater implements ValidatorConstraintInterface {
  validate(value: unknown): Promise<boolean> {
    return new Promise((resolve) => setTimeout(() => resolve(value !== 'no'), 1));
  }
  defaultMessage(): string {
    return 'word: expected anything but "no" (checked asynchronously)';
  }
}

@InterfaceType({ resolveType: (value: { shape: string }) => (value.shape === 'square' ? 'Square' : Circle) })
abstract class Shape {
  @Field(() => String)
  shape!: string;
}

@InterfaceType({ resolveType: (value: { shape: string }) => Promise.resolve(value.shape === 'square' ? 'Square' : Circle) })
abstract class LateShape {
  @Field(() => String)
  shape!: string;
}

@ObjectType({ implements: [Shape, LateShape] })
class Square extends Shape {}

@ObjectType({ implements: [Shape, LateShape] })
class Circle extends Shape {}

@ObjectType()
class Item {
  @Field(() => String)
  name!: string;
}

@ArgsType()
class PageArgs {
  @Field(() => Int)
  @Min(1, { message: 'first: expected at least 1' })
  @Max(5, { message: 'first: expected at most 5' })
  first!: number;
}

@InputType()
class Window {
  @Field(() => Int)
  from!: number;

  @Field(() => Window, { nullable: true })
  inner?: Window | null;
}

@ArgsType()
class WindowedPageArgs extends PageArgs {
  @Field(() => Window, { nullable: true })
  window?: Window | null;
}

@ArgsType()
class WordArgs {
  @Field(() => String)
  @Validate(NotNoLater)
  word!: string;
}

@InputType()
class WordInput {
  @Field(() => String)
  @Validate(NotNoLater)
  word!: string;
}

@ArgsType()
class NestedWordArgs {
  @Field(() => WordInput)
  @ValidateNested()
  input!: WordInput;
}

/** How often type-graphql asked for the args class of `counted` (its type thunk). */
let countedTypeCalls = 0;
/** The stack under `direct`, as its method saw it. */
let directStack = '';
/** Calls through the middleware of `guarded`. */
const middlewareCalls: string[] = [];

@ArgsType()
class DefaultedArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => String, { nullable: true })
  order?: string | null = 'name';
}

const Shout = () => createParameterDecorator<object>(({ args }) => String(args.text).toUpperCase(), { arg: { name: 'text', typeFunc: () => String } });

@Resolver(() => Item)
class ProbeResolver {
  @Query(() => Int)
  page(@Args() { first }: PageArgs): number {
    return first;
  }

  @Query(() => String)
  windowed(@Args() args: WindowedPageArgs): string {
    const classes = [args, args.window, args.window?.inner].map((value) => value?.constructor.name ?? String(value));
    return `${args.first} ${args.window?.inner?.from ?? '-'} ${classes.join(',')}`;
  }

  @Query(() => String)
  word(@Args() { word }: WordArgs): string {
    return word;
  }

  @Query(() => String)
  nestedWord(@Args() { input }: NestedWordArgs): string {
    return input.word;
  }

  @Query(() => Int)
  counted(@Args(() => (countedTypeCalls++, PageArgs)) { first }: PageArgs): number {
    return first;
  }

  @Query(() => String)
  direct(): string {
    directStack = new Error('where').stack ?? '';
    return 'direct';
  }

  @Query(() => String)
  @UseMiddleware(async (_data, next) => {
    middlewareCalls.push('before');
    const result: unknown = await next();
    middlewareCalls.push('after');
    return `${String(result)} (through a middleware)`;
  })
  guarded(): string {
    return 'guarded';
  }

  @Query(() => String)
  defaulted(@Args() args: DefaultedArgs): string {
    return JSON.stringify({ keys: Object.keys(args), ...args, instance: args instanceof DefaultedArgs });
  }

  @Query(() => String)
  shout(@Shout() text: string): string {
    return text;
  }

  @Query(() => [Shape])
  shapes(): Shape[] {
    return [];
  }

  @Query(() => [LateShape])
  lateShapes(): LateShape[] {
    return [];
  }

  @Query(() => Item)
  item(): Item {
    return { name: 'usmca' };
  }

  @FieldResolver(() => String)
  greeting(@Root() item: Item, @Arg('suffix', () => String) suffix: string): string {
    return `${item.name}${suffix}`;
  }
}

describe('type-graphql, patched: synchronous when nothing is async', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [ProbeResolver], orphanedTypes: [Square, Circle], validate: ARGUMENT_VALIDATION });
  });

  const query = (name: string) => schema.getQueryType()!.getFields()[name].resolve!;
  const run = (name: string, args: Record<string, unknown>) => query(name)(undefined, args, {}, info);

  it("returns a field resolver's value, not a promise, when its argument is a scalar", () => {
    const greeting = (schema.getType('Item') as GraphQLObjectType).getFields().greeting.resolve!;
    const result = greeting({ name: 'usmca' }, { suffix: '!' }, {}, info);
    expect(isPromise(result)).toBe(false);
    expect(result).toBe('usmca!');
  });

  it('returns without a promise when an args class has only synchronous rules (class-validator once loaded)', async () => {
    await run('page', { first: 2 });
    const result = run('page', { first: 3 });
    expect(isPromise(result)).toBe(false);
    expect(result).toBe(3);
  });

  it("still refuses a synchronous rule's violation, with the ArgumentValidationError type-graphql always threw", async () => {
    await run('page', { first: 2 });
    const refused = run('page', { first: 9 });
    await expect(refused).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(refused).rejects.toMatchObject({ extensions: { validationErrors: [{ constraints: { max: 'first: expected at most 5' } }] } });
  });

  it('converts inherited args fields and nested inputs (self-referencing too) to instances, call after call', async () => {
    await run('page', { first: 2 });
    for (let i = 0; i < 3; i++) {
      expect(run('windowed', { first: 4, window: { from: 1, inner: { from: 2 } } })).toBe('4 2 WindowedPageArgs,Window,Window');
      expect(run('windowed', { first: 5 })).toBe('5 - WindowedPageArgs,undefined,undefined');
    }
    await expect(run('windowed', { first: 6 })).rejects.toMatchObject({
      extensions: { validationErrors: [{ constraints: { max: 'first: expected at most 5' } }] },
    });
  });

  it('runs an async validator (and waits for it) on an args class', async () => {
    const refused = run('word', { word: 'no' });
    expect(isPromise(refused)).toBe(true);
    await expect(refused).rejects.toMatchObject({
      extensions: { validationErrors: [{ constraints: { notNoLater: expect.stringContaining('asynchronously') } }] },
    });
    await expect(run('word', { word: 'yes' })).resolves.toBe('yes');
  });

  it('runs an async validator of a nested input (@ValidateNested) under an args class without async rules of its own', async () => {
    const refused = run('nestedWord', { input: { word: 'no' } });
    expect(isPromise(refused)).toBe(true);
    await expect(refused).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(run('nestedWord', { input: { word: 'yes' } })).resolves.toBe('yes');
  });

  it('calls a resolver without middlewares directly, not through the middleware dispatch', () => {
    expect(run('direct', {})).toBe('direct');
    expect(directStack).toContain('direct');
    expect(directStack).not.toMatch(/applyMiddlewares|dispatchHandler/);
  });

  it('still runs a resolver through its middlewares when it has some', async () => {
    await expect(run('guarded', {})).resolves.toBe('guarded (through a middleware)');
    expect(middlewareCalls).toEqual(['before', 'after']);
  });

  it("reads a parameter's type once, when its handler is first used, not on every call", async () => {
    await run('page', { first: 2 });
    expect(run('counted', { first: 1 })).toBe(1);
    const afterFirstCall = countedTypeCalls;
    for (let first = 1; first <= 5; first++) expect(run('counted', { first })).toBe(first);
    await expect(run('counted', { first: 6 })).rejects.toBeInstanceOf(ArgumentValidationError);
    expect(countedTypeCalls).toBe(afterFirstCall);
  });

  it("leaves an argument that did not arrive out of the args instance, and keeps the class's defaults", () => {
    expect(JSON.parse(run('defaulted', { first: 3 }) as string)).toEqual({ keys: ['first', 'order'], first: 3, order: 'name', instance: true });
    expect(JSON.parse(run('defaulted', { after: null, order: 'date' }) as string)).toEqual({
      keys: ['after', 'order'],
      after: null,
      order: 'date',
      instance: true,
    });
  });

  it('resolves a custom parameter decorator with an argument without a promise', () => {
    const result = run('shout', { text: 'hola' });
    expect(isPromise(result)).toBe(false);
    expect(result).toBe('HOLA');
  });

  it('returns a type name, not a promise, from a synchronous resolveType (a string or a class)', () => {
    const shape = schema.getType('Shape') as GraphQLInterfaceType;
    const square = shape.resolveType!({ shape: 'square' }, {}, info, shape);
    const circle = shape.resolveType!({ shape: 'circle' }, {}, info, shape);
    expect(square).toBe('Square');
    expect(circle).toBe('Circle');
  });

  it('still awaits a resolveType that returns a promise', async () => {
    const late = schema.getType('LateShape') as GraphQLInterfaceType;
    const circle = late.resolveType!({ shape: 'circle' }, {}, info, late);
    expect(isPromise(circle)).toBe(true);
    await expect(circle).resolves.toBe('Circle');
  });
});

describe('type-graphql, patched: a validateFn that returns without a promise', () => {
  const seen: unknown[] = [];
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({
      resolvers: [ProbeResolver],
      orphanedTypes: [Square, Circle],
      validateFn: (value: unknown) => {
        seen.push(value);
        const first = (value as Partial<PageArgs> | null)?.first;
        if (first === 9) throw new Error('nine is refused');
        if (first === 4) return new Promise<void>((resolve) => setTimeout(resolve, 1));
      },
    });
  });
  const page = (first: number) => schema.getQueryType()!.getFields().page.resolve!(undefined, { first }, {}, info);

  it("leaves the resolver synchronous (unpatched rc.4 awaited every validateFn), with the args class's instance", () => {
    const result = page(3);
    expect(isPromise(result)).toBe(false);
    expect(result).toBe(3);
    expect(seen.at(-1)).toBeInstanceOf(PageArgs);
  });

  it('rejects when it throws, and waits when it returns a promise', async () => {
    await expect(page(9)).rejects.toThrow('nine is refused');
    const later = page(4);
    expect(isPromise(later)).toBe(true);
    await expect(later).resolves.toBe(4);
  });
});
