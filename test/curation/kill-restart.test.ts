/**
 * Durability of curated writes on the memory store: the real server process, a stream of
 * mutations, SIGKILL mid-stream, a restart on the same journal, and every write that was
 * acknowledged (HTTP 200 with data) is there. Writes not acknowledged may or may not be.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKillRestart, startServer } from './kill-restart';

describe('curated writes survive SIGKILL (memory store, journal)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-kill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write across a kill and a restart', async () => {
    const env = { CURATOR_TOKENS: 'alice=alice-token-0123456789', JOURNAL_PATH: join(dir, 'journal.jsonl') };
    const result = await runKillRestart(() => startServer(env), 'alice-token-0123456789');
    expect(result.acknowledged).toBeGreaterThanOrEqual(20);
    expect(result.missing).toEqual([]);
  }, 90_000);
});
