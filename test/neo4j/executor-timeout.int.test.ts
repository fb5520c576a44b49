/**
 * The transaction timeout holds on every statement, whatever its mode: a statement that runs past
 * it is stopped by Neo4j and fails with our SERVICE_UNAVAILABLE error naming the timeout and the
 * statement (test/neo4j/cypher/test/slow.cypher counts to a billion: far longer than the timeout).
 */
import { ErrorCode } from '../../src/domain';
import { Neo4jExecutor, connectExecutor, type ExecuteMode } from '../../src/store/neo4j';
import { statementsWithTestOnes, testStatement } from '../helpers/neo4j-cypher';
import { describeNeo4j } from '../helpers/neo4j-target';

const TIMEOUT_MS = 300;
const SLOW = testStatement('test/slow');

describeNeo4j('Neo4jExecutor: the timeout on every statement', (target) => {
  let executor: Neo4jExecutor;
  beforeAll(async () => {
    const connected = await connectExecutor(target);
    executor = new Neo4jExecutor(connected.driver, { uri: target.uri, timeoutMs: TIMEOUT_MS, statements: statementsWithTestOnes() });
  });
  afterAll(() => executor?.driver.close());

  /** Neo4j checks timeouts every couple of seconds (db.transaction.monitor.check.interval), so "soon" is well under the statement's own run time. */
  async function expectTimedOut(run: () => Promise<unknown>, ms: number, statement: string): Promise<void> {
    const started = Date.now();
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, message: `Neo4j did not answer within ${ms} ms (${statement})` });
    expect(Date.now() - started).toBeLessThan(20_000);
  }

  it.each<ExecuteMode>(['read', 'write', 'auto-commit'])('stops a statement in %s mode past the timeout', async (mode) => {
    await expectTimedOut(() => executor.execute(SLOW, {}, mode), TIMEOUT_MS, 'test/slow');
  });

  it('stops a write transaction past the timeout, whatever statement it is running', async () => {
    await expectTimedOut(() => executor.transaction('test/slow-transaction', (run) => run(SLOW, {})), TIMEOUT_MS, 'test/slow-transaction');
  });

  it('stops a read sooner when the request has less time left than the timeout', async () => {
    await expectTimedOut(() => executor.execute(SLOW, {}, 'read', 100), 100, 'test/slow');
  });

  it('answers a statement that ends within the timeout', async () => {
    const result = await executor.execute('stats/count-nodes', {}, 'read');
    expect(Array.isArray(result.records)).toBe(true);
  });
});
