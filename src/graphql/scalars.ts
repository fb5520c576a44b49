import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parsePartialDate } from '../domain';

function parse(value: unknown): string {
  if (typeof value === 'string' && parsePartialDate(value)) return value;
  throw new GraphQLError(`PartialDate: expected a date YYYY, YYYY-MM or YYYY-MM-DD, received ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** A calendar date known to the year, the month or the day: `2020`, `2020-07`, `2020-07-01`. */
export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description:
    'A date known to the year, the month or the day, in ISO 8601 form: `2020`, `2020-07` or `2020-07-01`. As a filter bound, `from` takes its first day and `to` its last.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT ? ast.value : undefined),
});
