import { flagEnv, intEnv, listEnv, positiveIntEnv } from '../../bench/lib/env';

describe('bench/lib/env: the benches read their environment one way', () => {
  const NAME = 'BENCH_ENV_TEST_VALUE';
  const set = (value: string | undefined): void => {
    if (value === undefined) delete process.env[NAME];
    else process.env[NAME] = value;
  };
  afterEach(() => set(undefined));

  it('reads integers within a range, the fallback when unset or empty', () => {
    set(undefined);
    expect(intEnv(NAME, { fallback: 7 })).toBe(7);
    set('');
    expect(intEnv(NAME, { fallback: 7, min: 1, max: 9 })).toBe(7);
    set('9');
    expect(intEnv(NAME, { fallback: 7, min: 1, max: 9 })).toBe(9);
    expect(positiveIntEnv(NAME, 3)).toBe(9);
  });

  it('refuses what is not an integer in range, naming the variable, what was expected and what arrived', () => {
    set('10');
    expect(() => intEnv(NAME, { min: 1, max: 9 })).toThrow(`${NAME}: expected an integer from 1 to 9, received "10"`);
    set('2.5');
    expect(() => intEnv(NAME, { fallback: 1 })).toThrow(`${NAME}: expected a non-negative integer, received "2.5"`);
    set('0');
    expect(() => positiveIntEnv(NAME, 3)).toThrow(`${NAME}: expected a positive integer, received "0"`);
    set(undefined);
    expect(() => intEnv(NAME)).toThrow(`${NAME}: expected a non-negative integer, received nothing`);
  });

  it('reads switches as 1/true or 0/false, refusing anything else', () => {
    set(undefined);
    expect([flagEnv(NAME), flagEnv(NAME, true)]).toEqual([false, true]);
    set('1');
    expect(flagEnv(NAME)).toBe(true);
    set('false');
    expect(flagEnv(NAME, true)).toBe(false);
    set('yes');
    expect(() => flagEnv(NAME)).toThrow(`${NAME}: expected 1 or true, 0 or false, received "yes"`);
  });

  it('reads comma-separated lists, trimmed, empty entries dropped', () => {
    set(' a, b,,c ');
    expect(listEnv(NAME, ['x'])).toEqual(['a', 'b', 'c']);
    set('  ');
    expect(listEnv(NAME, ['x'])).toEqual(['x']);
  });
});
