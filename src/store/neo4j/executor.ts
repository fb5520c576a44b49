import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';
import { ChangeRejectedError, DomainError, ErrorCode, StoreUnavailableError } from '../../domain';
import { redactSecrets, redactUri } from '../../redact';
import { duplicateMessageOf } from './constraint-error';
import { STATEMENTS, loadStatements, type StatementName } from './statements';

/** What every statement's transaction is configured with. */
interface TransactionConfig {
  readonly timeout: number;
  readonly metadata: Record<string, string>;
}

/** Runs one named statement inside the surrounding transaction. */
export type TransactionRun = <R extends RecordShape = RecordShape>(name: StatementName, params: Record<string, unknown>) => Promise<QueryResult<R>>;

export interface ExecutorOptions {
  readonly database?: string;
  /** Transaction timeout; Neo4j aborts a statement that runs longer. */
  readonly timeoutMs: number;
  /** Where the server is, for error messages (shown without credentials). */
  readonly uri: string;
  /** What error messages must never contain (the password): masked if a driver message echoes it. */
  readonly secrets?: readonly string[];
  /** How long a read is retried after a transient error (server restarting, leader switch); default 5000 ms. */
  readonly maxRetryMs?: number;
  /**
   * Wraps every statement's run with the driver (connection acquisition included; each retry of
   * a read is one run), named by its `cypher/` file or transaction label: the composition root
   * passes metrics and tracing here, so this adapter imports no telemetry.
   */
  readonly instrument?: <T>(statement: string, run: () => Promise<T>) => Promise<T>;
  /** More transaction metadata for each statement (tracing: the active span's `traceparent`), read as the statement starts. */
  readonly traceMetadata?: () => Record<string, string> | undefined;
  /** The statements by name; default every file in `cypher/` (`loadStatements()`). Must hold every name in `STATEMENTS`. */
  readonly statements?: ReadonlyMap<string, string>;
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * How a statement runs:
 * - `'read'`: an auto-commit transaction in a READ session (so a cluster can route it to a
 *   follower). RUN and PULL go out together and nothing follows, where a managed transaction adds
 *   a BEGIN and a COMMIT round trip — about a third of the cost of a small statement, and every
 *   GraphQL nesting level is one statement. Transient errors are retried as `executeRead` would: a
 *   single read statement has nothing to roll back, so running it again is safe.
 * - `'write'`: a managed write transaction, retried by the driver on transient errors.
 * - `'auto-commit'`: an auto-commit transaction in a WRITE session, for statements that manage
 *   their own transactions (`CALL { } IN TRANSACTIONS`) or change the schema.
 * - `{ transaction }`: inside the write transaction `Neo4jExecutor.transaction` opened (its
 *   timeout, metadata and error mapping are that transaction's).
 */
export type ExecuteMode = 'read' | 'write' | 'auto-commit' | { readonly transaction: ManagedTransaction };

/**
 * The one place Neo4j I/O happens: every statement goes through `execute`, which picks the
 * session and transaction for its mode, sets the timeout and transaction metadata, and maps
 * driver errors to domain errors. Statements come only from `cypher/` files, with parameters only.
 */
export class Neo4jExecutor {
  private readonly statements: ReadonlyMap<string, string>;

  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {
    const all = options.statements ?? loadStatements();
    const missing = STATEMENTS.filter((name) => !all.has(name));
    if (missing.length > 0) throw new Error(`cypher/: missing statement files ${missing.map((m) => `${m}.cypher`).join(', ')}`);
    this.statements = all;
  }

  /**
   * Runs the statement `name` (its `cypher/` file) with `params` in `mode`, under the configured
   * transaction timeout, or `timeoutMs` when that is shorter (a request's time budget may leave
   * less: Neo4jStore.withDeadline). A statement past its timeout fails with SERVICE_UNAVAILABLE
   * ("Neo4j did not answer within … ms (name)").
   */
  async execute<R extends RecordShape = RecordShape>(
    name: StatementName,
    params: Record<string, unknown>,
    mode: ExecuteMode,
    timeoutMs?: number,
  ): Promise<QueryResult<R>> {
    const text = this.statements.get(name);
    if (text === undefined) throw new Error(`Neo4j statement ${JSON.stringify(name)}: expected the name of a file in cypher/, received one with no statement`);
    if (typeof mode === 'object') return mode.transaction.run<R>(text, params);
    const timeout = Math.max(1, Math.min(this.options.timeoutMs, timeoutMs ?? Infinity));
    if (mode === 'write') return this.session('WRITE', name, timeout, (session, config) => session.executeWrite((tx) => tx.run<R>(text, params), config()));
    if (mode === 'auto-commit') return this.session('WRITE', name, timeout, (session, config) => session.run<R>(text, params, config()));
    const started = Date.now();
    for (let delayMs = 200; ; delayMs *= 2) {
      try {
        return await this.session('READ', name, timeout, (session, config) => session.run<R>(text, params, config()), false);
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() - started + delayMs > (this.options.maxRetryMs ?? 5000)) throw this.mapError(error, name, timeout);
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }

  /**
   * Several statements in ONE write transaction (a curated change: read what it refers to under
   * lock, check it, write it), under the configured timeout. Domain errors thrown by `work` roll
   * the transaction back and leave unchanged; the driver may retry `work` on a transient error,
   * so it must only use `run`, which runs each statement through `execute` inside the transaction.
   */
  transaction<T>(label: string, work: (run: TransactionRun) => Promise<T>): Promise<T> {
    return this.session('WRITE', label, this.options.timeoutMs, (session, config) =>
      session.executeWrite((transaction) => work((name, params) => this.execute(name, params, { transaction })), config()),
    );
  }

  /**
   * A session in `access` mode for `run`, which gets the transaction config (timeout, metadata
   * built as it starts): instrumented under `label`, driver errors mapped (domain errors pass
   * through; `mapErrors` false leaves them to the caller, which retries reads), the session closed.
   */
  private async session<T>(
    access: 'READ' | 'WRITE',
    label: string,
    timeout: number,
    run: (session: Session, config: () => TransactionConfig) => Promise<T>,
    mapErrors = true,
  ): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: access === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const config = (): TransactionConfig => ({ timeout, metadata: this.metadata(label) });
    try {
      return await this.instrumented(label, () => run(session, config));
    } catch (error) {
      if (!mapErrors || error instanceof DomainError) throw error;
      throw this.mapError(error, label, timeout);
    } finally {
      await session.close();
    }
  }

  /**
   * The transaction metadata Neo4j shows in `SHOW TRANSACTIONS` and its query log: the app, the
   * statement, and what the `traceMetadata` option adds (the statement span's `traceparent`).
   * Built inside the instrumented run, so it names the statement's own span.
   */
  private metadata(statement: string): Record<string, string> {
    const extra = this.options.traceMetadata?.();
    return extra ? { ...extra, app: 'usmx-graph', statement } : { app: 'usmx-graph', statement };
  }

  /** `run` through the `instrument` option, if any. */
  private instrumented<T>(statement: string, run: () => Promise<T>): Promise<T> {
    return this.options.instrument ? this.options.instrument(statement, run) : run();
  }

  /** Driver errors → domain errors; the message names the server and the statement, never the parameters or credentials. */
  private mapError(error: unknown, statement: string, timeoutMs: number): Error {
    const code = (error as { code?: string }).code ?? '';
    const message = redactSecrets(error instanceof Error ? error.message.split('\n')[0] : String(error), this.options.secrets ?? []);
    const uri = redactUri(this.options.uri);
    if (UNAVAILABLE.has(code) || /ECONNREFUSED|ECONNRESET|connection.*(closed|refused)/i.test(message)) {
      return new StoreUnavailableError(`Neo4j at ${uri} is unavailable (${message})`);
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
      return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `Neo4j did not answer within ${timeoutMs} ms (${statement})`);
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      // Neo4j's text names internal node ids: the client gets the domain's duplicate message only.
      return new ChangeRejectedError([duplicateMessageOf(message)]);
    }
    if (code.startsWith('Neo.ClientError.Security.')) {
      return new StoreUnavailableError(`Neo4j at ${uri} refused the credentials (${code})`);
    }
    return new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, `Neo4j statement ${statement} failed: ${code || message}`);
  }
}
