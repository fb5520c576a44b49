import { environmentSecrets } from './config';
import { redactSecrets } from './redact';

/** An error class, for `ExitOptions.expected`. */
type ErrorClass = abstract new (...args: never[]) => Error;

export interface ExitOptions {
  /** The exit code: 1 by default (a failure at run time); 2 for a usage error. */
  readonly exitCode?: 1 | 2;
  /**
   * The errors whose message says it all (bad configuration, seeds, an unreachable Neo4j): when
   * given, any other Error is shown with its stack, an unexpected failure to report. Absent: the
   * message alone, for every error.
   */
  readonly expected?: readonly ErrorClass[];
  /** Appended to the line, e.g. ` (--help for usage)` or the usage text. */
  readonly after?: string;
}

/** What an error has to say: its message (or, unexpected, its stack); anything thrown that is not an Error, as text. */
function describe(error: unknown, expected: readonly ErrorClass[] | undefined): string {
  if (!(error instanceof Error)) return String((error as { message?: unknown } | null | undefined)?.message ?? error);
  if (expected && !expected.some((type) => error instanceof type)) return error.stack ?? error.message;
  return error.message;
}

/**
 * The one way the server's start (main.ts) and the CLIs (seed-db.ts, export-cli.ts) end on an
 * error: `<prefix>: <message>` on stderr — one line, the seeds' list of problems aside — with
 * every secret of the environment (NEO4J_PASSWORD, tokens) masked even when the configuration
 * itself failed to load, then exit (1, or 2 for a usage error). Never a stack for an expected error.
 */
export function exitOnError(prefix: string, error: unknown, options: ExitOptions = {}): never {
  console.error(`${prefix}: ${redactSecrets(describe(error, options.expected), environmentSecrets())}${options.after ?? ''}`);
  process.exit(options.exitCode ?? 1);
}
