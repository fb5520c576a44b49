import { getNamedType, getNullableType, isListType, type GraphQLField } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../pagination';

/** The arguments that bound how many items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;


function sizeArgument(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    // Out-of-range values are refused by the argument validation; count them as at least one.
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.floor(value));
  }
  // A Relay connection (it takes `last`) without `first` or `last` returns a default page.
  return field.args.some((a) => a.name === 'last') ? DEFAULT_PAGE_SIZE : undefined;
}

function returnsObjectList(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  return isListType(type) && !('parseValue' in getNamedType(type));
}

/**
 * Cost of a field for graphql-query-complexity: 1 for the field itself plus what it selects,
 * times the number of items it may return — its `first` or `limit` argument (schema defaults
 * included), or `unboundedListSize` for a list of objects without one (relationship fields,
 * observations, sources). Scalars and lists of scalars cost 1.
 */
export function listCostEstimator(unboundedListSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    const size = sizeArgument(field, args) ?? (returnsObjectList(field) ? unboundedListSize : 1);
    return 1 + size * childComplexity;
  };
}
