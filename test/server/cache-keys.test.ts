import { etagOf, ifNoneMatchHits, requestHash } from '../../src/server/cache-keys';

describe('response cache keys', () => {
  const etag = etagOf('0123456789abcdef', requestHash('Q', '{ a }', { x: 1 }));

  it('match If-None-Match in lists, weak forms and *, and nothing else', () => {
    expect(ifNoneMatchHits(etag, etag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
    expect(ifNoneMatchHits('"other"', etag)).toBe(false);
    expect(ifNoneMatchHits(etag.slice(1, -1), etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
  });

  it('hash variables regardless of key order, and tell operation names, documents and values apart', () => {
    expect(requestHash('Q', '{ a }', { x: 1, y: { b: 2, a: 1 } })).toBe(requestHash('Q', '{ a }', { y: { a: 1, b: 2 }, x: 1 }));
    expect(requestHash('Q', '{ a }', undefined)).toBe(requestHash('Q', '{ a }', null));
    const base = requestHash('Q', '{ a }', { x: 1 });
    expect(
      new Set([
        base,
        requestHash('R', '{ a }', { x: 1 }),
        requestHash('Q', '{ b }', { x: 1 }),
        requestHash('Q', '{ a }', { x: 2 }),
        requestHash('Q', '{ a }', { x: '1' }),
      ]).size,
    ).toBe(5);
    expect(etagOf('0123456789abcdef', base)).toMatch(/^"0123456789abcdef-[0-9a-f]{24}"$/);
  });
});
