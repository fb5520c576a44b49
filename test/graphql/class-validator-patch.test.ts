import { readFileSync } from 'node:fs';
import * as classValidator from 'class-validator';
import { IsOptional, Max, MaxLength, Min, MinLength, getMetadataStorage, validateSync } from 'class-validator';
import { runClassValidatorScenario } from '../helpers/class-validator-scenario';

/*
 * patches/class-validator+0.15.1.patch: a class's validation metadata (its own rules and those it
 * inherits, found by walking every class that has rules) is computed once per class and options
 * and kept until a rule is added, instead of on every validation; each property's rules are split
 * by type once (not filtered five times per property per validation); and constraint instances are
 * found by class in a Map (0.15.1 scans a list of every constraint used so far, for every rule).
 * Plain 0.15.1 returns a new array on every call, filters and scans on every validation, so the
 * "same array", "splits no rules" and "scans no list" tests fail without the patch; the scenario
 * test holds every answer to what unpatched 0.15.1 gives (test/fixtures/class-validator-0.15.1.json).
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

describe('class-validator patch: rules split once, constraints found by class', () => {
  class Search {
    @MinLength(1)
    @MaxLength(200)
    query = 'Merida';

    @Min(1)
    @Max(100)
    first = 10;
  }

  /** How many times `method` of arrays runs during one `validateSync` of an object validated before. */
  function arrayCallsDuringValidation(method: 'filter' | 'find', object: object): number {
    validateSync(object);
    const spy = jest.spyOn(Array.prototype, method);
    let errors: unknown[];
    let calls: number;
    try {
      errors = validateSync(object);
      calls = spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
    expect(errors).toEqual([]);
    return calls;
  }

  it('splits no rules when validating a class again: the only filters are those that drop empty errors', () => {
    // one for the list of errors and one for each property's (empty) children; 0.15.1 adds five per property
    expect(arrayCallsDuringValidation('filter', new Search())).toBe(3);
  });

  it('scans no list to find a constraint’s instance', () => {
    // 0.15.1: one scan of every constraint instance made so far, per rule (4 rules)
    expect(arrayCallsDuringValidation('find', new Search())).toBe(0);
  });

  it('gives what unpatched 0.15.1 gives, for every kind of rule and option', async () => {
    const expected: unknown = JSON.parse(readFileSync('test/fixtures/class-validator-0.15.1.json', 'utf8'));
    expect(await runClassValidatorScenario(classValidator)).toEqual(expected);
  });
});
