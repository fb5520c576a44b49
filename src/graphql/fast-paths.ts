import { validateSync } from 'class-validator';
import { LRUCache } from 'lru-cache';
import { GraphQLInterfaceType, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { NodeKind } from '../domain';
import type { Context } from './context';
import { EntitiesArgs, TypedListArgs } from './inputs/list.args';
import { SearchArgs } from './inputs/search.args';
import { QueryResolver } from './resolvers/query.resolver';
import { installRelationFastPaths } from './resolvers/relation-fields';
import { TopicResolver } from './resolvers/topic.resolver';
import { resolveEntityType } from './types/entity.interface';
import { resolveNodeType } from './types/node.interface';
import type { EntityView } from './views';

/**
 * class-validator settings as type-graphql applies them to arguments: the schema's
 * `validate: { forbidUnknownValues: false }` plus its own default `skipMissingProperties`.
 */
const ARGS_VALIDATION = { forbidUnknownValues: false, skipMissingProperties: true };

/**
 * An arguments object as type-graphql hands it to a resolver: an instance of the args class,
 * checked by the class-validator rules declared on it — synchronously, and failing with the same
 * `ArgumentValidationError` (so `formatError` words it the same way).
 */
export function validatedArgs<T extends object>(Args: new () => T, raw: Readonly<Record<string, unknown>>): T {
  const args = Object.assign(new Args(), raw);
  const errors = validateSync(args, ARGS_VALIDATION);
  if (errors.length > 0) throw new ArgumentValidationError(errors);
  return args;
}

/** Arguments that passed, per args class and argument values (JSON); frozen, as they are shared. */
const passed = new WeakMap<object, LRUCache<string, object>>();

/**
 * `validatedArgs` for the hot root fields, remembering the arguments that passed: clients send
 * the same arguments again and again (a page size, a filter), and class-validator's walk over the
 * rules allocates on every call. Arguments that fail are checked afresh each time.
 */
export function cachedValidatedArgs<T extends object>(Args: new () => T, raw: Readonly<Record<string, unknown>>): T {
  let cache = passed.get(Args);
  if (!cache) passed.set(Args, (cache = new LRUCache<string, object>({ max: 1_000 })));
  const key = JSON.stringify(raw);
  const hit = cache.get(key);
  if (hit) return hit as T;
  const args = deepFreeze(validatedArgs(Args, raw));
  cache.set(key, args);
  return args;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function replaceResolver(schema: GraphQLSchema, typeName: string, fieldName: string, resolve: GraphQLFieldResolver<never, Context, never>): void {
  const type = schema.getType(typeName);
  const field = type instanceof GraphQLObjectType ? type.getFields()[fieldName] : undefined;
  if (!field) throw new Error(`fast paths: no field ${typeName}.${fieldName} in the schema`);
  field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
}

const TYPED_LISTS = ['actors', 'policies', 'agreements', 'dialogues', 'events', 'topics', 'metrics', 'sources'] as const;

/**
 * Where type-graphql's generated resolvers cost more than the work they do, on the paths every
 * list and nesting query takes, the built schema gets plain graphql-js resolvers calling the same
 * resolver methods (bench/inprocess and bench/http measure the difference; bench/notes has the
 * profiles). type-graphql's handler, run on every call, rebuilds the parameter list, converts and
 * validates each argument in an async function and awaits them all, so even a field with one
 * scalar argument cost several promises and microtask turns; it also wraps `resolveType` in an
 * async function. Here:
 * - `Entity.resolveType` is synchronous, so the entities of a list of `Entity` (search hits,
 *   `addressedBy`, `partyTo` …) are no longer a promise each;
 * - the typed relationship fields resolve through `related()` directly (`installRelationFastPaths`);
 * - the root lists, `search`, `entity` and `Topic.addressedBy` call their resolver methods with
 *   their arguments checked by the same class-validator rules, synchronously (`validatedArgs`; arguments
 *   that passed are remembered, `cachedValidatedArgs`).
 * Scalar arguments (ids, `PartialDate`, enums) are parsed and checked by graphql-js before any
 * resolver runs, as before. Scalar fields need nothing here: every object type is declared with
 * `simpleResolvers: true`, so they are graphql-js's default property reads (there are no global
 * middlewares and no auth checker a type-graphql field wrapper would apply). Every other field
 * keeps type-graphql's resolver.
 */
export function installFastPaths(schema: GraphQLSchema): void {
  const entity = schema.getType('Entity');
  if (!(entity instanceof GraphQLInterfaceType)) throw new Error('fast paths: no Entity interface in the schema');
  entity.resolveType = resolveEntityType;
  const node = schema.getType('Node');
  if (!(node instanceof GraphQLInterfaceType)) throw new Error('fast paths: no Node interface in the schema');
  node.resolveType = resolveNodeType;

  installRelationFastPaths(schema);

  const query = new QueryResolver();
  replaceResolver(schema, 'Query', 'entity', (_root, args: { id: string }, ctx) => query.entity(args.id, ctx));
  replaceResolver(schema, 'Query', 'search', (_root, args: Record<string, unknown>, ctx) => query.search(cachedValidatedArgs(SearchArgs, args), ctx));
  replaceResolver(schema, 'Query', 'entities', (_root, args: Record<string, unknown>, ctx) => query.entities(cachedValidatedArgs(EntitiesArgs, args), ctx));
  for (const name of TYPED_LISTS) {
    replaceResolver(schema, 'Query', name, (_root, args: Record<string, unknown>, ctx) => query[name](cachedValidatedArgs(TypedListArgs, args), ctx));
  }

  const topic = new TopicResolver();
  replaceResolver(schema, 'Topic', 'addressedBy', (root: EntityView, args: { kinds?: NodeKind[] | null; includeNarrower: boolean; validAt?: string | null }, ctx) =>
    topic.addressedBy(root, ctx, args.kinds, args.includeNarrower, args.validAt),
  );
}
