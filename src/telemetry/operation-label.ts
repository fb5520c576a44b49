/** The label of a request whose operation is unnamed. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The label of a request that never named a runnable operation (unparsable, invalid, refused before). */
export const UNKNOWN_OPERATION = '(unknown)';
/** The label shared by every operation name past the first `max` distinct ones. */
export const OTHER_OPERATION = '(other)';
/** Longest operation name used as a label; longer ones are cut there. */
export const MAX_OPERATION_LABEL_LENGTH = 64;

/** GraphQL names (the spec's `Name`): anything else in `operationName` is not an operation's name. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * Bounded label values for operation names: clients choose the names, so without a bound each
 * new name would be a new time series in every scrape. The first `max` distinct names (cut to
 * 64 characters) are labelled as themselves, later ones `(other)`; a missing name is
 * `(anonymous)`, and a request that named no runnable operation is `(unknown)`. Labels are
 * in parentheses, which a GraphQL name cannot contain, so they never collide with a real name.
 */
export function operationLabeller(max: number): (name: string | null | undefined, resolved: boolean) => string {
  const seen = new Set<string>();
  return (name, resolved) => {
    if (!resolved) return UNKNOWN_OPERATION;
    if (!name) return ANONYMOUS_OPERATION;
    if (!GRAPHQL_NAME.test(name)) return UNKNOWN_OPERATION;
    const label = name.slice(0, MAX_OPERATION_LABEL_LENGTH);
    if (seen.has(label)) return label;
    if (seen.size >= max) return OTHER_OPERATION;
    seen.add(label);
    return label;
  };
}
