import { IsOptional, Max, Min, getMetadataStorage, validateSync } from 'class-validator';

/*
 * patches/class-validator+0.15.1.patch: a class's validation metadata (its own rules and those it
 * inherits, found by walking every class that has rules) is computed once per class and options
 * and kept until a rule is added, instead of on every validation. Plain 0.15.1 returns a new
 * array on every call, so the "same array" test fails without the patch; the others hold the
 * answers to what they were.
 */

const messages = (object: object): string[] => validateSync(object).flatMap((e) => Object.values(e.constraints ?? {}));

describe('class-validator patch: metadata computed once per class until a rule is added', () => {
  it('reads a class’s metadata once: the same array on every validation', () => {
    class Page {
      @Min(1)
      first = 0;
    }
    const storage = getMetadataStorage();
    const a = storage.getTargetValidationMetadatas(Page, '', false, false);
    expect(a).toHaveLength(1);
    expect(storage.getTargetValidationMetadatas(Page, '', false, false)).toBe(a);
    // Other options are another entry, not the same answer.
    expect(storage.getTargetValidationMetadatas(Page, '', true, false)).not.toBe(a);
  });

  it('sees a rule added after the class was validated (the cache is dropped)', () => {
    class Range {
      @Min(1)
      from = 0;
      to = 100;
    }
    expect(messages(new Range())).toEqual(['from must not be less than 1']);
    Max(10)(Range.prototype, 'to');
    expect(messages(new Range()).sort()).toEqual(['from must not be less than 1', 'to must not be greater than 10']);
  });

  it('keeps inherited rules, and a subclass declared after its parent was validated', () => {
    class Base {
      @Min(1)
      first = 0;
    }
    expect(messages(new Base())).toEqual(['first must not be less than 1']);
    class Child extends Base {
      @IsOptional()
      @Max(5)
      last = 9;
    }
    expect(messages(new Child()).sort()).toEqual(['first must not be less than 1', 'last must not be greater than 5']);
    const valid = Object.assign(new Child(), { first: 2, last: 3 });
    expect(messages(valid)).toEqual([]);
    // The parent's answer is unchanged by the child.
    expect(messages(new Base())).toEqual(['first must not be less than 1']);
  });
});
