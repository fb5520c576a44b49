import { MaxLength, Min, Validate, ValidateNested, ValidatorConstraint, validateSync, type ValidatorConstraintInterface } from 'class-validator';
import { ArgumentValidationError, type ResolverData } from 'type-graphql';
import { ARGUMENT_VALIDATION, validateArgument } from '../../src/graphql/argument-validation';
import { SearchArgs } from '../../src/graphql/inputs/search.args';

/*
 * src/graphql/argument-validation.ts: our schema's `validateFn`. It runs class-validator's rules
 * on every object argument, as type-graphql's own validation does (same errors), stays
 * synchronous when every rule is, and remembers values that passed so an equal one is not checked
 * again. The counting constraint below shows when the rules run.
 */

let calls = 0;

@ValidatorConstraint({ name: 'counted' })
class Counted implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    calls += 1;
    return value !== 'bad';
  }
  defaultMessage(): string {
    return 'name: bad';
  }
}

@ValidatorConstraint({ name: 'countedLater', async: true })
class CountedLater implements ValidatorConstraintInterface {
  validate(value: unknown): Promise<boolean> {
    calls += 1;
    return Promise.resolve(value !== 'bad');
  }
  defaultMessage(): string {
    return 'name: bad, later';
  }
}

class Named {
  @Validate(Counted)
  @MaxLength(2_500)
  name!: string;
}

class NamedLater {
  @Validate(CountedLater)
  name!: string;
}

class Holder {
  @ValidateNested()
  inner!: NamedLater;
}

/** No rules: anything passes (`forbidUnknownValues: false`). */
class Free {
  first!: number;
}

class Page {
  @Min(1, { message: 'first: expected at least 1' })
  first!: number;
}

const make = <T extends object>(Class: new () => T, fields: Partial<T>): T => Object.assign(new Class(), fields);
const validate = (value: unknown): void | Promise<void> => validateArgument(value, Object, {} as ResolverData);
const refusal = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

beforeEach(() => {
  calls = 0;
});

describe('validateArgument', () => {
  it("refuses with type-graphql's ArgumentValidationError and class-validator's own errors", () => {
    const args = make(SearchArgs, { query: '', first: 10 });
    const error = refusal(() => validate(args));
    expect(error).toBeInstanceOf(ArgumentValidationError);
    expect((error as ArgumentValidationError).extensions.validationErrors).toEqual(validateSync(args, ARGUMENT_VALIDATION));
    expect((error as ArgumentValidationError).extensions.validationErrors[0].constraints).toEqual({
      minLength: 'query: expected at least 1 character, received ""',
    });
  });

  it('returns without a promise when every rule is synchronous, and passes scalars and null through', () => {
    expect(validate(make(SearchArgs, { query: 'Merida', first: 10 }))).toBeUndefined();
    expect(validate('text')).toBeUndefined();
    expect(validate(null)).toBeUndefined();
    expect(validate(undefined)).toBeUndefined();
  });

  it('runs the rules once for equal values that passed, and every time for values that failed', () => {
    validate(make(Named, { name: 'ok' }));
    validate(make(Named, { name: 'ok' }));
    expect(calls).toBe(1);
    validate(make(Named, { name: 'other' }));
    expect(calls).toBe(2);
    expect(() => validate(make(Named, { name: 'bad' }))).toThrow(ArgumentValidationError);
    expect(() => validate(make(Named, { name: 'bad' }))).toThrow(ArgumentValidationError);
    expect(calls).toBe(4);
  });

  it('keeps values apart by class: an equal value of another class is checked by its own rules', () => {
    expect(validate(make(Free, { first: 0 }))).toBeUndefined();
    const error = refusal(() => validate(make(Page, { first: 0 })));
    expect((error as ArgumentValidationError).extensions.validationErrors[0].constraints).toEqual({ min: 'first: expected at least 1' });
  });

  it('does not remember a value longer than the limit', () => {
    const long = 'x'.repeat(2_100);
    validate(make(Named, { name: long }));
    validate(make(Named, { name: long }));
    expect(calls).toBe(2);
  });

  it('remembers at most 256,000 characters of values per class, the least recently used forgotten first', () => {
    const name = (i: number): string => `${i}`.padEnd(1_500, 'x');
    for (let i = 0; i < 200; i++) validate(make(Named, { name: name(i) }));
    expect(calls).toBe(200);
    validate(make(Named, { name: name(199) }));
    expect(calls).toBe(200);
    validate(make(Named, { name: name(0) }));
    expect(calls).toBe(201);
  });

  it('checks each object of a list, and refuses when one fails', () => {
    expect(validate([make(Named, { name: 'a' }), 'scalar', null, make(Named, { name: 'b' })])).toBeUndefined();
    expect(calls).toBe(2);
    expect(() => validate([make(Named, { name: 'c' }), make(Named, { name: 'bad' })])).toThrow(ArgumentValidationError);
  });

  it('awaits async rules, its own or a nested input’s, and never remembers them', async () => {
    const nested = make(Holder, { inner: make(NamedLater, { name: 'bad' }) });
    const pending = validate(nested);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBeInstanceOf(ArgumentValidationError);
    await expect(validate(make(NamedLater, { name: 'fine' }))).resolves.toBeUndefined();
    await expect(validate(make(NamedLater, { name: 'fine' }))).resolves.toBeUndefined();
    expect(calls).toBe(3);
    await expect(validate([make(Named, { name: 'ok' }), make(NamedLater, { name: 'bad' })])).rejects.toBeInstanceOf(ArgumentValidationError);
  });
});
