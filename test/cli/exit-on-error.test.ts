import { exitOnError } from '../../src/exit-on-error';

/** What `exitOnError` wrote and the code it exited with (process.exit stubbed to throw, so nothing after it runs). */
function capture(run: () => void): { line: string; code: unknown } {
  const lines: string[] = [];
  const error = jest.spyOn(console, 'error').mockImplementation((text: string) => void lines.push(text));
  const exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
    throw Object.assign(new Error('exit'), { exitCode: code });
  }) as typeof process.exit);
  try {
    run();
    throw new Error('exitOnError returned');
  } catch (thrown) {
    return { line: lines.join('\n'), code: (thrown as { exitCode?: unknown }).exitCode };
  } finally {
    error.mockRestore();
    exit.mockRestore();
  }
}

class Expected extends Error {}

describe('exitOnError: how the server start and the CLIs end on an error', () => {
  const saved = process.env.NEO4J_PASSWORD;
  beforeEach(() => (process.env.NEO4J_PASSWORD = 'hunter2-secret'));
  afterEach(() => (saved === undefined ? delete process.env.NEO4J_PASSWORD : (process.env.NEO4J_PASSWORD = saved)));

  it('writes one line, prefix and message, with the environment secrets masked, and exits 1', () => {
    const { line, code } = capture(() => exitOnError('usmx-graph cannot start', new Error('login with hunter2-secret refused')));
    expect(line).toMatch(/^usmx-graph cannot start: login with (?!hunter2-secret)\S+ refused$/);
    expect(code).toBe(1);
  });

  it('exits 2 for a usage error, with what follows the message', () => {
    expect(capture(() => exitOnError('export', new Error('depth: expected 1 to 3'), { exitCode: 2, after: ' (--help for usage)' }))).toEqual({
      line: 'export: depth: expected 1 to 3 (--help for usage)',
      code: 2,
    });
  });

  it('shows the stack of an unexpected error only when the caller names the expected ones', () => {
    const unexpected = new TypeError('x is undefined');
    expect(capture(() => exitOnError('export failed', unexpected, { expected: [Expected] })).line).toBe(`export failed: ${unexpected.stack}`);
    expect(capture(() => exitOnError('export failed', new Expected('no such file'), { expected: [Expected] })).line).toBe('export failed: no such file');
    expect(capture(() => exitOnError('seed failed', unexpected)).line).toBe('seed failed: x is undefined');
  });

  it('reports what was thrown when it is not an Error', () => {
    expect(capture(() => exitOnError('seed failed', 'plain text')).line).toBe('seed failed: plain text');
    expect(capture(() => exitOnError('seed failed', null)).line).toBe('seed failed: null');
  });
});
