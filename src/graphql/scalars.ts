import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parsePartialDate, parsePeriod } from '../domain';

function scalar(name: string, description: string, expected: string, valid: (text: string) => boolean): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
    if (typeof text === 'string' && valid(text)) return text;
    throw new GraphQLError(`${name}: expected ${expected}, received ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING || ast.kind === Kind.INT ? ast.value : undefined),
  });
}

/** A calendar date known to the year, the month or the day: `2020`, `2020-07`, `2020-07-01`. */
export const PartialDateScalar = scalar(
  'PartialDate',
  'A date known to the year, the month or the day, in ISO 8601 form: `2020`, `2020-07` or `2020-07-01`. As a filter bound, `from` takes its first day and `to` its last.',
  'a date YYYY, YYYY-MM or YYYY-MM-DD',
  (text) => parsePartialDate(text) !== null,
);

/** A period: a partial date, a U.S. fiscal year or a range of two of those. */
export const PeriodScalar = scalar(
  'Period',
  'A period: a year `2021`, a U.S. fiscal year `FY2021` (October 2020 to September 2021), a month `2022-01`, a day `2022-01-31`, or a range `2021-10/2022-01`. As a filter bound, `from` takes its first day and `to` its last.',
  'a period YYYY, FYYYYY, YYYY-MM, YYYY-MM-DD or A/B',
  (text) => parsePeriod(text) !== null,
);
