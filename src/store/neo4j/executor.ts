import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { ChangeRejectedError, DomainError, ErrorCode, StoreUnavailableError } from '../../domain';
import { redactSecrets, redactUri } from '../../redact';
import { duplicateMessageOf } from './constraint-error';
import { STATEMENTS, loadStatements, type StatementName } from './statements';

/** What every statement's transaction is configured with. */
interface TransactionConfig {
  readonly timeout?: number;
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
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * The one place Neo4j I/O happens: picks read or write transactions (so a cluster can route reads
 * to followers), sets the timeout and transaction metadata, and maps driver errors to domain
 * errors. Statements come only from `cypher/` files, with parameters only.
 */
export class Neo4jExecutor {
  private readonly statements: ReadonlyMap<string, string>;

  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {
    const all = loadStatements();
    const missing = STATEMENTS.filter((name) => !all.has(name));
    if (missing.length > 0) throw new Error(`cypher/: missing statement files ${missing.map((m) => `${m}.cypher`).join(', ')}`);
    this.statements = all;
  }

  /**
   * One read statement as an auto-commit transaction in a READ session: RUN and PULL go out
   * together and nothing follows, where a managed transaction (`executeRead`) adds a BEGIN and a
   * COMMIT round trip — about a third of the cost of a small statement, and every GraphQL nesting
   * level is one statement. Transient errors are retried as `executeRead` would: a single read
   * statement has nothing to roll back, so running it again is safe.
   */
  async read<R extends RecordShape = RecordShape>(name: StatementName, params: Record<string, unknown>, timeoutMs?: number): Promise<QueryResult<R>> {
    const text = this.statement(name);
    // A request's time budget may leave less than the configured timeout (Neo4jStore.withDeadline).
    const timeout = Math.max(1, Math.min(this.options.timeoutMs, timeoutMs ?? Infinity));
    const config = (): TransactionConfig => ({ timeout, metadata: this.metadata(name) });
    const started = Date.now();
    for (let delayMs = 200; ; delayMs *= 2) {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
      try {
        return await this.instrumented(name, () => session.run<R>(text, params, config()));
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() - started + delayMs > (this.options.maxRetryMs ?? 5000)) throw this.mapError(error, name);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }

  write<R extends RecordShape = RecordShape>(name: StatementName, params: Record<string, unknown>): Promise<QueryResult<R>> {
    return this.run<R>(name, params);
  }

  /**
   * Several statements in ONE write transaction (a curated change: read what it refers to under
   * lock, check it, write it). Domain errors thrown by `work` roll the transaction back and leave
   * unchanged; the driver may retry `work` on a transient error, so it must only use `run`.
   */
  async transaction<T>(label: string, work: (run: TransactionRun) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    const config = (): TransactionConfig => ({ timeout: this.options.timeoutMs, metadata: this.metadata(label) });
    try {
      return await this.instrumented(label, () => session.executeWrite((tx) => work((name, params) => tx.run(this.statement(name), params)), config()));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw this.mapError(error, label);
    } finally {
      await session.close();
    }
  }

  /** Auto-commit transaction, for statements that manage their own (`CALL { } IN TRANSACTIONS`, schema). */
  async autoCommit(text: string, params: Record<string, unknown> = {}, label = 'statement'): Promise<QueryResult> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await this.instrumented(label, () => session.run(text, params, { metadata: this.metadata(label) }));
    } catch (error) {
      throw this.mapError(error, label);
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

  statement(name: StatementName): string {
    return this.statements.get(name)!;
  }

  /** One write statement in a managed write transaction (retried by the driver on transient errors). */
  private async run<R extends RecordShape>(name: StatementName, params: Record<string, unknown>): Promise<QueryResult<R>> {
    const text = this.statement(name);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    const config = (): TransactionConfig => ({ timeout: this.options.timeoutMs, metadata: this.metadata(name) });
    try {
      return await this.instrumented(name, () => session.executeWrite((tx) => tx.run<R>(text, params), config()));
    } catch (error) {
      throw this.mapError(error, name);
    } finally {
      await session.close();
    }
  }

  /** Driver errors → domain errors; the message names the server and the statement, never the parameters or credentials. */
  mapError(error: unknown, statement: string): Error {
    const code = (error as { code?: string }).code ?? '';
    const message = redactSecrets(error instanceof Error ? error.message.split('\n')[0] : String(error), this.options.secrets ?? []);
    const uri = redactUri(this.options.uri);
    if (UNAVAILABLE.has(code) || /ECONNREFUSED|ECONNRESET|connection.*(closed|refused)/i.test(message)) {
      return new StoreUnavailableError(`Neo4j at ${uri} is unavailable (${message})`);
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
      return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `Neo4j did not answer within ${this.options.timeoutMs} ms (${statement})`);
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
