/**
 * Reads the Query and Mutation fields and their arguments from the executable schema, so the fuzz and
 * injection suites cover a new field or argument without being edited. Builds, per field, an
 * operation that passes every argument as a variable and selects a small, argument-free
 * selection set of the result (leaves up to three levels down).
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export interface QueryFieldInfo {
  readonly name: string;
  readonly args: readonly GraphQLArgument[];
  /** `query Fuzz_<name>($a: T, …) { <name>(a: $a, …) { … } }` (`mutation …` for a Mutation field); variables named after the arguments. */
  readonly document: string;
}

/** A field of the Mutation type: the same shape, its document a `mutation`. */
export type MutationFieldInfo = QueryFieldInfo;

/** Every field of the Query type, in schema order. */
export function queryFields(schema: GraphQLSchema): QueryFieldInfo[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  return Object.values(query.getFields()).map((field) => ({ name: field.name, args: field.args, document: operationFor(field, 'query') }));
}

/** Every field of the Mutation type, in schema order (none when the schema has no Mutation type). */
export function mutationFields(schema: GraphQLSchema): MutationFieldInfo[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => ({ name: field.name, args: field.args, document: operationFor(field, 'mutation') }));
}

/**
 * The variable type for an argument: its own type, except that an argument with a default value
 * gets a nullable variable (GraphQL allows it there), so the fuzz can also omit it or send null.
 */
export function variableType(arg: GraphQLArgument): string {
  if (arg.defaultValue !== undefined && isNonNullType(arg.type)) return String(arg.type.ofType);
  return String(arg.type);
}

function operationFor(field: GraphQLField<unknown, unknown>, operation: 'query' | 'mutation'): string {
  const vars = field.args.map((a) => `$${a.name}: ${variableType(a)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = selectionFor(field.type, 3);
  return `${operation} Fuzz_${field.name}${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection ? ` ${selection}` : ''} }`;
}

/** Leaves and argument-free object fields, `depth` levels down; `__typename` everywhere. */
export function selectionFor(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const parts = ['__typename'];
  if (isObjectType(named) || isInterfaceType(named)) {
    for (const field of Object.values(named.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const inner = getNamedType(field.type);
      if (isLeafType(inner)) parts.push(field.name);
      else if (depth > 1 && field.args.length === 0) parts.push(`${field.name} ${selectionFor(field.type, depth - 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** A path to one string-like position inside an argument: `["filter", "addresses", 0]`. */
export type ArgPath = ReadonlyArray<string | number>;

/**
 * Every position of an argument that takes text from the client: String, ID and custom scalars
 * (PartialDate, Period …) parsed from strings, at the top level, inside lists (as one element)
 * and inside input objects (one level of fields, recursively). Enums, Int, Float and Boolean are
 * not text.
 */
export function textPositions(arg: GraphQLArgument): Array<{ path: ArgPath; scalar: string }> {
  const out: Array<{ path: ArgPath; scalar: string }> = [];
  const walk = (type: GraphQLInputType, path: ArgPath, seen: Set<string>): void => {
    const nullable = getNullableType(type) as GraphQLInputType;
    if (isListType(nullable)) return walk(nullable.ofType, [...path, 0], seen);
    if (isInputObjectType(nullable)) {
      if (seen.has(nullable.name)) return;
      for (const f of Object.values(nullable.getFields())) walk(f.type, [...path, f.name], new Set([...seen, nullable.name]));
      return;
    }
    if (isScalarType(nullable) && !['Int', 'Float', 'Boolean'].includes(nullable.name)) out.push({ path, scalar: nullable.name });
    if (isEnumType(nullable)) return;
  };
  walk(arg.type, [arg.name], new Set());
  return out;
}
