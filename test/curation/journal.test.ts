import { appendFileSync, existsSync, mkdirSync, mkdtempSync, utimesSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../../src/domain';
import { Journal, JournalError, JournalLockError, MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';

const change = (i: number): Change => ({
  op: 'addObservation',
  observation: { metric: 'crossings', value: i, period: String(2000 + i) },
  sources: ['src#1'],
  actor: 'alice',
  at: '2024-05-01T12:00:00.000Z',
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('the memory store journal', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-journal-'));
    path = join(dir, 'nested', 'journal.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function writeThree(): void {
    const journal = Journal.open(path);
    for (let i = 1; i <= 3; i++) journal.append(change(i));
    journal.close();
  }

  it('creates its directory, numbers records, checksums them, and reads them back in order', () => {
    writeThree();
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; sha256: string });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.sha256))).toBe(true);
    const again = Journal.open(path);
    expect(again.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(again.lastSeq).toBe(3);
    again.close();
  });

  it("records the target's seed-shaped record before a change to an existing one, under the checksum", async () => {
    const store = MemoryStore.open(fixtureDataset, { journalPath: path });
    await store.applyChange(change(1));
    await store.applyChange({
      op: 'updateObservation',
      id: 'crossings@2020',
      fields: { value: 21 },
      sources: ['src#1'],
      actor: 'alice',
      at: '2024-05-01T12:00:00.000Z',
    });
    await store.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0])).not.toHaveProperty('before');
    expect(JSON.parse(lines[1]).before).toEqual({ metric: 'crossings', value: 20, unit: 'COUNT', period: '2020', sources: ['src#1'] });
    const again = Journal.open(path);
    expect(again.records[1].before).toMatchObject({ value: 20 });
    again.close();
    // A `before` changed on disk fails the record's checksum.
    writeFileSync(path, `${lines[0]}\n${lines[1].replace('"value":20', '"value":19')}\n`);
    expect(() => Journal.open(path)).toThrow(`journal ${path}:2: checksum mismatch for seq 2`);
  });

  it('reports a torn last record (file, line, reason), sets its bytes aside, and applies only the whole ones', () => {
    writeThree();
    const size = statSync(path).size;
    truncateSync(path, size - 20); // the crash cut the third record mid-write
    const warnings: string[] = [];
    const store = MemoryStore.open(fixtureDataset, { journalPath: path, warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`journal ${path}:3: ignoring a torn or corrupt last record (record has no final newline (torn write))`);
    expect(readFileSync(`${path}.torn`, 'utf8').length).toBeGreaterThan(0);
    return store.getObservations([{ metricId: 'crossings', from: '2001-01-01', to: '2003-12-31' }]).then(async ([obs]) => {
      expect(obs.map((o) => o.value)).toEqual([1, 2]);
      // The journal goes on cleanly after the cut.
      await store.applyChange(change(3));
      await store.close();
      const reopened = Journal.open(path);
      expect(reopened.records.map((r) => r.seq)).toEqual([1, 2, 3]);
      reopened.close();
    });
  });

  it('refuses a complete last record whose checksum does not match (a bit flip is damage, not a torn write)', () => {
    writeThree();
    const text = readFileSync(path, 'utf8').replace('"value":3', '"value":4');
    writeFileSync(path, text);
    const warnings: string[] = [];
    expect(() => Journal.open(path, { warn: (m) => warnings.push(m) })).toThrow(
      `journal ${path}:3: checksum mismatch for seq 3; a complete last record is not a torn write: restore the journal from a backup or inspect it`,
    );
    expect(() => Journal.read(path)).toThrow(JournalError);
    // Nothing was cut or set aside: the damaged bytes stay for inspection.
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(existsSync(`${path}.torn`)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('refuses to start on a corrupt record before the last one', () => {
    writeThree();
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = lines[1].replace('"value":2', '"value":9');
    writeFileSync(path, lines.join('\n'));
    expect(() => Journal.open(path)).toThrow(JournalError);
    expect(() => Journal.open(path)).toThrow(`journal ${path}:2: checksum mismatch for seq 2; a damaged record before the last one is not a torn write`);
  });

  it('refuses a journal whose change no longer applies over the seeds', () => {
    const journal = Journal.open(path);
    journal.append({ ...(change(1) as Change & { op: 'addObservation' }), observation: { metric: 'gone', value: 1, period: '2001' } });
    journal.close();
    expect(() => MemoryStore.open(fixtureDataset, { journalPath: path })).toThrow(
      `journal ${path}:1: change addObservation no longer applies over the seeds: observation: metric names unknown node "gone"`,
    );
  });

  it('never journals a rejected change', async () => {
    const store = MemoryStore.open(fixtureDataset, { journalPath: path });
    await expect(store.applyChange({ ...change(1), sources: ['nope#1'] })).rejects.toThrow(
      'observation of crossings: sources: citation "nope#1" names unknown source "nope"',
    );
    await store.close();
    appendFileSync(path, '');
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  describe('one writer per journal', () => {
    it('refuses a second open of a journal in use, naming the holder, and allows it once the first is closed', () => {
      const first = Journal.open(path);
      expect(() => Journal.open(path)).toThrow(JournalLockError);
      expect(() => Journal.open(path)).toThrow(
        new RegExp(`^JOURNAL_PATH ${escape(path)} is in use by process ${process.pid} on ${escape(hostname())} \\(since \\d{4}-\\d\\d-\\d\\dT`),
      );
      // A reader (npm run export beside the server) takes no lock.
      expect(Journal.read(path)).toEqual([]);
      first.append(change(1));
      first.close();
      expect(existsSync(`${path}.lock`)).toBe(false);
      const second = Journal.open(path);
      expect(second.records.map((r) => r.seq)).toEqual([1]);
      second.close();
    });

    it('gives the lock up when opening fails on a damaged journal', () => {
      writeThree();
      writeFileSync(path, readFileSync(path, 'utf8').replace('"value":2', '"value":9'));
      expect(() => Journal.open(path)).toThrow(JournalError);
      expect(existsSync(`${path}.lock`)).toBe(false);
    });

    it('takes over at once a lock left by a process that no longer runs (a SIGKILL)', () => {
      writeThree();
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
      const deadPid = Number(dead.stdout.toString());
      mkdirSync(`${path}.lock`);
      writeFileSync(join(`${path}.lock`, 'owner.json'), JSON.stringify({ pid: deadPid, hostname: hostname(), startedAt: new Date().toISOString() }));
      const journal = Journal.open(path);
      expect(journal.records).toHaveLength(3);
      expect(JSON.parse(readFileSync(join(`${path}.lock`, 'owner.json'), 'utf8'))).toMatchObject({ pid: process.pid });
      journal.close();
    });

    it('keeps a lock whose holder is alive on this host, however old its mtime; takes over one from another host gone quiet', () => {
      const lockDir = `${path}.lock`;
      const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      try {
        mkdirSync(lockDir, { recursive: true });
        writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: sleeper.pid, hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }));
        const longAgo = new Date(Date.now() - 3_600_000);
        utimesSync(lockDir, longAgo, longAgo);
        expect(() => Journal.open(path)).toThrow(`is in use by process ${sleeper.pid} on ${hostname()} (since 2020-01-01T00:00:00.000Z)`);

        writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: sleeper.pid, hostname: 'elsewhere.example', startedAt: '2020-01-01T00:00:00.000Z' }));
        utimesSync(lockDir, new Date(), new Date());
        expect(() => Journal.open(path)).toThrow(`is in use by process ${sleeper.pid} on elsewhere.example`);
        utimesSync(lockDir, longAgo, longAgo);
        Journal.open(path).close();
      } finally {
        sleeper.kill('SIGKILL');
      }
    });

    it('takes over a lock recorded under its own pid that it does not hold (a restarted container is pid 1 again)', () => {
      mkdirSync(`${path}.lock`, { recursive: true });
      writeFileSync(join(`${path}.lock`, 'owner.json'), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }));
      const journal = Journal.open(path);
      expect(() => Journal.open(path)).toThrow(JournalLockError);
      journal.close();
    });

    it('refuses writes, and says why, once the lock is lost while held', async () => {
      const warnings: string[] = [];
      const store = MemoryStore.open(fixtureDataset, { journalPath: path, warn: (m) => warnings.push(m) });
      await store.applyChange(change(1));
      rmSync(`${path}.lock`, { recursive: true, force: true }); // someone removed the lock
      // proper-lockfile notices at its next refresh (every 5 s).
      for (let waited = 0; warnings.length === 0 && waited < 12_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      expect(warnings[0]).toMatch(
        new RegExp(`^usmx-graph: journal ${escape(path)}: the lock ${escape(path)}\\.lock was lost \\(.+\\); refusing further writes until restart$`),
      );
      await expect(store.applyChange(change(2))).rejects.toThrow(/curated changes are refused until the server restarts/);
      await store.close();
      expect(Journal.read(path).map((r) => r.seq)).toEqual([1]);
    }, 20_000);
  });
});
