import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode, type DegreeStats } from '../../domain';

/** The abuse limits on one GraphQL operation; `src/config.ts` reads them from the environment. */
export interface QueryLimits {
  /** Deepest field nesting (inline fragments and spreads do not count as a level). */
  readonly maxDepth: number;
  /** Aliased fields in the operation, fragments included. */
  readonly maxAliases: number;
  /** Directives in the operation, fragments included. */
  readonly maxDirectives: number;
  /** Lexical tokens in the whole document; the parser stops past it. */
  readonly maxTokens: number;
  /** Estimated cost (see `cost.ts`): each field costs 1, lists multiply what they select. */
  readonly maxCost: number;
}

/** What one operation measures against `QueryLimits`; `tokens` is counted separately, before parsing. */
export interface QueryMeasures {
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
  /** Absent when it could not be estimated (variables that execution will refuse anyway). */
  readonly cost?: number;
  /** The cost estimate stopped at `MAX_ESTIMATED_SELECTIONS` selections (fragments expanded). */
  readonly selectionsOverflow?: boolean;
}

/** The phrase each limit goes by in an error message. */
export const LIMIT_NAMES = {
  depth: 'query depth',
  aliases: 'aliases',
  directives: 'directives',
  tokens: 'tokens',
  cost: 'query cost',
  selections: 'selections with fragments expanded',
  variables: 'variables depth',
} as const;

/**
 * A refused request: `QUERY_TOO_COMPLEX` with the measured and the allowed value, in the message
 * ("query depth 14 exceeds the allowed 10") and in `extensions`. `status` is the HTTP status.
 */
export function limitExceeded(what: string, measured: number, allowed: number, status = 400, atLeast = false): GraphQLError {
  return new GraphQLError(`${what} ${atLeast ? 'over ' : ''}${measured} exceeds the allowed ${allowed}`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, measured, allowed, http: { status } },
  });
}

/**
 * The first limit the operation breaks, in the order depth, aliases, directives, cost; or
 * undefined. `maxSelections` is where the cost estimate gave up (`selectionsOverflow`).
 */
export function checkQueryLimits(measures: QueryMeasures, limits: QueryLimits, maxSelections: number): GraphQLError | undefined {
  const checks: Array<[keyof typeof LIMIT_NAMES, number | undefined, number]> = [
    ['depth', measures.depth, limits.maxDepth],
    ['aliases', measures.aliases, limits.maxAliases],
    ['directives', measures.directives, limits.maxDirectives],
    ['cost', measures.cost, limits.maxCost],
  ];
  for (const [key, measured, allowed] of checks) {
    if (measured !== undefined && measured > allowed) {
      return limitExceeded(LIMIT_NAMES[key], measured, allowed);
    }
  }
  if (measures.selectionsOverflow) return limitExceeded(LIMIT_NAMES.selections, maxSelections, maxSelections, 400, true);
  return undefined;
}

/**
 * The store's degree statistics for the cost estimate. They are read before execution, outside
 * any resolver, so a store error is restated here with its own code (`SERVICE_UNAVAILABLE` when
 * Neo4j is down) rather than leaving as an internal error.
 */
export async function readDegreeStats(read: () => Promise<DegreeStats>): Promise<DegreeStats> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.code === ErrorCode.SERVICE_UNAVAILABLE ? 503 : 500 } } });
    }
    throw error;
  }
}
