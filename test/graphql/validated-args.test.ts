import 'reflect-metadata';
import { ArgumentValidationError } from 'type-graphql';
import { cachedValidatedArgs, validatedArgs } from '../../src/graphql/fast-paths';
import { TypedListArgs } from '../../src/graphql/inputs/list.args';

describe('root-field arguments checked by the class-validator rules, with the passed ones remembered', () => {
  it('gives an instance of the args class that passed the same rules as validatedArgs', () => {
    const args = cachedValidatedArgs(TypedListArgs, { first: 20, filter: { addresses: ['fent'] } });
    expect(args).toBeInstanceOf(TypedListArgs);
    expect(args).toEqual(validatedArgs(TypedListArgs, { first: 20, filter: { addresses: ['fent'] } }));
  });

  it('answers the same arguments with the same frozen object, and other arguments with another', () => {
    const a = cachedValidatedArgs(TypedListArgs, { first: 7 });
    expect(cachedValidatedArgs(TypedListArgs, { first: 7 })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(cachedValidatedArgs(TypedListArgs, { first: 8 })).not.toBe(a);
    const nested = cachedValidatedArgs(TypedListArgs, { first: 5, filter: { addresses: ['trade'] } });
    expect(Object.isFrozen(nested.filter)).toBe(true);
    expect(() => (nested.filter!.addresses as string[]).push('x')).toThrow(TypeError);
  });

  it('refuses bad arguments every time, not only the first', () => {
    for (let i = 0; i < 3; i++) expect(() => cachedValidatedArgs(TypedListArgs, { first: 0 })).toThrow(ArgumentValidationError);
  });
});
