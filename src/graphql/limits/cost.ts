import { getNamedType, getNullableType, isListType, type GraphQLField } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** The arguments that bound how many items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'limit'] as const;

function sizeArgument(args: Record<string, unknown>): number | undefined {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    // Out-of-range values are refused by the argument validation; count them as at least one.
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.floor(value));
  }
  return undefined;
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
    const size = sizeArgument(args) ?? (returnsObjectList(field) ? unboundedListSize : 1);
    return 1 + size * childComplexity;
  };
}
