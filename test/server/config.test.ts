/**
 * Configuration that must be refused at startup, naming the variable and never echoing a secret:
 * loose integers, shared curator tokens, journal paths that are not storage, credentials in
 * NEO4J_URI (split out of the URI that logs and errors show).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSecrets, environmentSecrets, loadConfig } from '../../src/config';
import { redactSecrets, redactUri } from '../../src/redact';

describe('PORT and other integers', () => {
  it.each(['0x12C1', '1e3', ' 4808 ', '4808 ', '+4808', '4808.0', '0b1', ''.padEnd(20, '9')])('refuses PORT=%j, naming the variable', (raw) => {
    expect(() => loadConfig({ PORT: raw })).toThrow(`PORT: expected an integer from 0 to 65535, received ${JSON.stringify(raw)}`);
  });

  it('takes plain decimal digits', () => {
    expect(loadConfig({ PORT: '4808' }).port).toBe(4808);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ MAX_QUERY_DEPTH: '12' }).limits.maxDepth).toBe(12);
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '1e1' })).toThrow('MAX_QUERY_DEPTH: expected an integer from 1 to 1000, received "1e1"');
  });
});

describe('CURATOR_TOKENS', () => {
  const token = 'a-shared-token-of-some-length';

  it('refuses two curators with one token, naming them and not the token', () => {
    let message = '';
    try {
      loadConfig({ CURATOR_TOKENS: `alice=${token},bob=other-token-0123456789,carol=${token}` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('CURATOR_TOKENS: expected a distinct token for each curator, received "carol=<the same token as alice>"');
    expect(message).not.toContain(token);
  });

  it('keeps distinct tokens', () => {
    expect([...loadConfig({ CURATOR_TOKENS: `alice=${token},bob=${token}-2` }).curatorTokens.keys()]).toEqual(['alice', 'bob']);
  });
});

describe('JOURNAL_PATH', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'usmx-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = (path: string, what: string): string =>
    `JOURNAL_PATH: expected a regular file path (the journal of curated changes), received ${JSON.stringify(path)} (${what})`;

  it('refuses a directory, a device, a FIFO and paths on /proc, /sys and /dev, saying what they are', () => {
    const file = join(dir, 'file');
    writeFileSync(file, '');
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => loadConfig({ JOURNAL_PATH: fifo })).toThrow(refusal(fifo, 'a named pipe'));
    expect(() => loadConfig({ JOURNAL_PATH: dir })).toThrow(refusal(dir, 'a directory'));
    expect(() => loadConfig({ JOURNAL_PATH: '/dev/zero' })).toThrow(refusal('/dev/zero', 'a character device'));
    expect(() => loadConfig({ JOURNAL_PATH: '/proc/self/status' })).toThrow(refusal('/proc/self/status', 'on /proc, a kernel filesystem, not storage'));
    expect(() => loadConfig({ JOURNAL_PATH: '/proc/usmx/journal.jsonl' })).toThrow(
      refusal('/proc/usmx/journal.jsonl', 'on /proc, a kernel filesystem, not storage'),
    );
    expect(() => loadConfig({ JOURNAL_PATH: '/sys/kernel/usmx.jsonl' })).toThrow(
      refusal('/sys/kernel/usmx.jsonl', 'on /sys, a kernel filesystem, not storage'),
    );
    expect(() => loadConfig({ JOURNAL_PATH: join(file, 'journal.jsonl') })).toThrow(refusal(join(file, 'journal.jsonl'), `${file} is not a directory`));
  });

  it('accepts a regular file or a new file in folders still to be created', () => {
    const file = join(dir, 'journal.jsonl');
    writeFileSync(file, '');
    expect(loadConfig({ JOURNAL_PATH: file }).journalPath).toBe(file);
    expect(loadConfig({ JOURNAL_PATH: join(dir, 'a', 'b', 'journal.jsonl') }).journalPath).toBe(join(dir, 'a', 'b', 'journal.jsonl'));
  });

  it('is not checked on Neo4j, which keeps no journal', () => {
    expect(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687', JOURNAL_PATH: dir }).journalPath).toBe(dir);
  });
});

describe('credentials in NEO4J_URI', () => {
  const password = 'pw-Zq81@x:y';
  const uri = `bolt://reader:${encodeURIComponent(password)}@127.0.0.1:7687`;

  it('are moved out of the URI into the user name and password', () => {
    const { neo4j } = loadConfig({ NEO4J_URI: uri });
    expect(neo4j).toMatchObject({ uri: 'bolt://127.0.0.1:7687', username: 'reader', password });
    expect(configSecrets(loadConfig({ NEO4J_URI: uri, CURATOR_TOKENS: 'alice=token-0123456789abcdef' }))).toEqual([password, 'token-0123456789abcdef']);
  });

  it('lose to NEO4J_USERNAME and NEO4J_PASSWORD', () => {
    expect(loadConfig({ NEO4J_URI: uri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'other' }).neo4j).toMatchObject({
      uri: 'bolt://127.0.0.1:7687',
      username: 'neo4j',
      password: 'other',
    });
  });

  it('are never echoed by a refusal', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://neo4j:hunter2-secret@localhost:7474' })).toThrow(
      'NEO4J_URI: expected a URI such as bolt://host:7687 or neo4j+s://host, received "http://neo4j:***@localhost:7474"',
    );
  });

  it('are known secrets even before the configuration loads', () => {
    expect(environmentSecrets({ NEO4J_URI: uri, NEO4J_PASSWORD: 'pw2', CURATOR_TOKENS: 'alice=token-0123456789abcdef,x' })).toEqual(
      expect.arrayContaining([password, encodeURIComponent(password), 'pw2', 'token-0123456789abcdef']),
    );
  });
});

describe('redaction', () => {
  it('masks the password of any URI, and every known secret, also JSON-escaped', () => {
    expect(redactUri('bolt://neo4j:p@ss@host:7687/db')).toBe('bolt://neo4j:***@host:7687/db');
    expect(redactUri('neo4j+s://token@host')).toBe('neo4j+s://***@host');
    expect(redactUri('bolt://host:7687')).toBe('bolt://host:7687');
    expect(redactSecrets('failed at bolt://u:x1@h: auth x1 "q\\"uote"', ['x1', 'q"uote'])).toBe('failed at bolt://u:***@h: auth *** "***"');
    expect(redactSecrets('abcdef abc', ['abc', 'abcdef'])).toBe('*** ***');
  });
});

describe('RESPONSE_CACHE, RESPONSE_CACHE_MAX_BYTES, HTTP_CACHE_MAX_AGE', () => {
  it('default to a 64 MiB in-process cache and revalidation on every reuse', () => {
    expect(loadConfig({}).responseCache).toEqual({ enabled: true, maxBytes: 64 * 1024 * 1024, httpMaxAgeSeconds: 0 });
  });

  it('take on/off, a byte bound and a max-age', () => {
    expect(loadConfig({ RESPONSE_CACHE: 'off', RESPONSE_CACHE_MAX_BYTES: '1000000', HTTP_CACHE_MAX_AGE: '60' }).responseCache).toEqual({
      enabled: false,
      maxBytes: 1_000_000,
      httpMaxAgeSeconds: 60,
    });
    expect(loadConfig({ RESPONSE_CACHE: 'on' }).responseCache.enabled).toBe(true);
  });

  it('refuse other values, naming the variable', () => {
    expect(() => loadConfig({ RESPONSE_CACHE: 'sometimes' })).toThrow('RESPONSE_CACHE: expected true or false, received "sometimes"');
    expect(() => loadConfig({ RESPONSE_CACHE_MAX_BYTES: '64MB' })).toThrow(
      'RESPONSE_CACHE_MAX_BYTES: expected an integer from 1000 to 68719476736, received "64MB"',
    );
    expect(() => loadConfig({ HTTP_CACHE_MAX_AGE: '-1' })).toThrow('HTTP_CACHE_MAX_AGE: expected an integer from 0 to 31536000, received "-1"');
  });
});
