import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema, isEnumType } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, ErrorCode } from '../domain';

/** The one enum of error codes, for the server's own answers (`/export`), which imports graphql, not domain. */
export { ErrorCode };

const ENUM_VALUE = /Value "([^"]*)" does not exist in "(\w+)" enum/;
const SCALAR_VALUE = /(PartialDate|Period): expected /;
const ENUM_VARIABLE = /Variable "\$(\w+)" got invalid value "?([^";]*)"?(?: at "[^"]*")?; Value "([^"]*)" does not exist in "(\w+)" enum/;
/**
 * graphql-js's own errors for arguments and variables that it raises without a code, which Apollo
 * would label INTERNAL_SERVER_ERROR: a null variable for an argument `Int! = 20` (allowed by the
 * spec when declared `$first: Int`), or more than 50 bad list items in the variables.
 */
const INPUT_COERCION = [
  /^Argument "\w+" of non-null type "[^"]+" must not be null\.$/,
  /^Argument "\w+" of required type "[^"]+" was (not provided|provided the variable "\$\w+" which was not provided a runtime value)\.$/,
  /^Argument "\w+" has invalid value /,
  /^Too many errors processing variables, error limit reached\. Execution aborted\.$/,
];

/**
 * Apollo's own refusals of a malformed request that it raises without a code (so they would read
 * INTERNAL_SERVER_ERROR, though Apollo already answers HTTP 400): an automatic persisted query
 * whose hash is not the query's, or of a version it does not know. Restated as BAD_REQUEST.
 */
const PERSISTED_QUERY_ERRORS: ReadonlyArray<[RegExp, string]> = [
  [
    /^provided sha does not match query$/,
    'extensions.persistedQuery.sha256Hash: expected the SHA-256 (hex) of the query sent with it, received a hash that does not match the query',
  ],
  [/^Unsupported persisted query version$/, 'extensions.persistedQuery.version: expected 1, received another version'],
];

/**
 * The messages of class-validator's errors, depth first. Those of a nested input (`@ValidateNested`)
 * start, like an argument's, with their field's name; the path to the input is put in front
 * (`filter.` + `addresses: expected …`).
 */
function constraintMessages(errors: readonly ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {})
      .filter(Boolean)
      .map((message) => path + message),
    ...constraintMessages(e.children ?? [], `${path}${e.property}.`),
  ]);
}

/**
 * Builds Apollo's `formatError`. It never throws: every error leaves with a code from ErrorCode
 * (or Apollo's own parse/validation codes) and a message saying what was expected and what arrived.
 * In production, errors the code did not anticipate are masked.
 */
export function createErrorFormatter(schema: GraphQLSchema, production: boolean) {
  const enumValues = (name: string): string => {
    const type = schema.getType(name);
    return isEnumType(type)
      ? type
          .getValues()
          .map((v) => v.name)
          .join(', ')
      : name;
  };

  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const original = unwrapResolverError(error);
      if (original instanceof DomainError) {
        return {
          ...formatted,
          message: original.message,
          extensions: { ...withoutStack(formatted.extensions, production), code: original.code, ...original.details },
        };
      }
      if (original instanceof ArgumentValidationError) {
        const { validationErrors } = original.extensions;
        const messages = Array.isArray(validationErrors) ? constraintMessages(validationErrors) : [];
        return {
          ...formatted,
          message: messages.length ? messages.join('; ') : formatted.message,
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        };
      }
      const enumMatch = ENUM_VALUE.exec(formatted.message);
      if (enumMatch) {
        const variable = ENUM_VARIABLE.exec(formatted.message);
        const where = variable ? `$${variable[1]}` : (formatted.path?.join('.') ?? 'argument');
        return {
          ...formatted,
          message: `${where}: expected one of ${enumValues(enumMatch[2])} (${enumMatch[2]}), received ${JSON.stringify(enumMatch[1])}`,
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        };
      }
      if (SCALAR_VALUE.test(formatted.message)) {
        // A literal our scalars refused is bad input, not a malformed document.
        return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
      const code = formatted.extensions?.code;
      if (original instanceof GraphQLError && !original.originalError && INPUT_COERCION.some((re) => re.test(formatted.message))) {
        return { ...formatted, extensions: { ...withoutStack(formatted.extensions, production), code: ErrorCode.BAD_USER_INPUT } };
      }
      const persisted =
        original instanceof GraphQLError && !original.originalError && code === ErrorCode.INTERNAL_SERVER_ERROR
          ? PERSISTED_QUERY_ERRORS.find(([re]) => re.test(formatted.message))
          : undefined;
      if (persisted) {
        return {
          ...formatted,
          message: persisted[1],
          extensions: { ...withoutStack(formatted.extensions, production), code: ApolloServerErrorCode.BAD_REQUEST },
        };
      }
      if (production && (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) && !anticipated(original)) {
        return {
          message: 'Internal server error',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        };
      }
      return { ...formatted, extensions: withoutStack(formatted.extensions, production) };
    } catch {
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
  };
}

/**
 * An error raised on purpose, whose message is meant for the client: a GraphQLError of graphql-js,
 * Apollo or this code. Not one that merely wraps a runtime failure (Apollo wraps what a plugin
 * throws, a RangeError from a stack overflow say, in a GraphQLError with `originalError`).
 */
function anticipated(original: unknown): boolean {
  if (!(original instanceof GraphQLError)) return false;
  const cause = original.originalError;
  return cause === undefined || cause === null || cause instanceof GraphQLError || cause instanceof DomainError;
}

function withoutStack(extensions: GraphQLFormattedError['extensions'], production: boolean): Record<string, unknown> {
  if (!extensions) return {};
  if (!production) return { ...extensions };
  const { stacktrace: _stacktrace, ...rest } = extensions as Record<string, unknown>;
  return rest;
}
