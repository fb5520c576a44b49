import { checkSeeds } from '../../src/seed';

describe('the committed seeds', () => {
  const check = checkSeeds('seeds');

  it('validate with no problems', () => {
    expect(check.issues.map((i) => `${i.file}:${i.line}: ${i.message}`)).toEqual([]);
    expect(check.dataset).not.toBeNull();
  });
});
