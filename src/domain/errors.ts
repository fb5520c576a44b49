/** The one list of error codes a client may see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request ran past its time budget and stopped (REQUEST_TIME_BUDGET_MS). */
  TIME_BUDGET_EXCEEDED = 'TIME_BUDGET_EXCEEDED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An error the domain knows how to explain; the GraphQL layer maps `code` to `extensions.code`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Renders a received value for an error message: short, quoted, never the whole payload. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Bad input from a client: says where (`argument`), what was expected and what arrived.
 * The message reads "<argument>: expected <expected>, received <value>".
 */
export class BadInputError extends DomainError {
  constructor(argument: string, expected: string, received: unknown) {
    super(ErrorCode.BAD_USER_INPUT, `${argument}: expected ${expected}, received ${describeValue(received)}`, {
      argument,
      expected,
      received: describeValue(received),
    });
    this.name = 'BadInputError';
  }
}

/** The store could not be reached or did not answer in time. */
export class StoreUnavailableError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
    this.name = 'StoreUnavailableError';
  }
}

/** A request ran past its time budget: it stops reading, and says so. */
export class TimeBudgetExceededError extends DomainError {
  constructor(budgetMs: number) {
    super(ErrorCode.TIME_BUDGET_EXCEEDED, `the request ran past its time budget of ${budgetMs} ms and was stopped; ask for fewer items or less nesting`, {
      budgetMs,
    });
    this.name = 'TimeBudgetExceededError';
  }
}
