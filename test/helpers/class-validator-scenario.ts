/*
 * A fixed set of class-validator validations, written against the package passed in (so the same
 * scenario runs on our patched copy and on an unpatched 0.15.1): rules of every kind the validation
 * executor treats apart (custom constraints with messages and contexts, `@IsDefined`, `@ValidateIf`,
 * `@IsOptional`, nested objects and lists, `each`, groups and `always`, an async constraint, a promise
 * property), over valid and invalid objects, with each option that changes the executor's path.
 * Each validation's errors are written as one line per constraint, so two runs compare as text.
 *
 * `test/fixtures/class-validator-0.15.1.json` holds the answers of unpatched 0.15.1, recorded with
 * `npx tsx test/helpers/class-validator-scenario.ts <path to an unpatched class-validator>`.
 */
import type * as ClassValidator from 'class-validator';
import type { ValidationError, ValidatorOptions } from 'class-validator';

type PropertyDecorator = (target: object, propertyName: string) => void;

function decorate(target: { prototype: object }, propertyName: string, decorators: PropertyDecorator[]): void {
  for (const decorator of decorators) decorator(target.prototype, propertyName);
}

/** One error tree as lines: `path constraint: message` (and the contexts where a rule has one). */
function lines(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const here = path === '' ? String(error.property) : `${path}.${String(error.property)}`;
    const own = Object.entries(error.constraints ?? {}).map(
      ([constraint, message]) => `${here} ${constraint}: ${message}${error.contexts?.[constraint] ? ` ${JSON.stringify(error.contexts[constraint])}` : ''}`,
    );
    const shape = `${here} [value ${error.value === undefined ? 'absent' : typeof error.value}, target ${error.target === undefined ? 'absent' : 'set'}]`;
    return [shape, ...own, ...lines(error.children ?? [], here)];
  });
}

/** Every validation of the scenario, in order: `validateSync`'s and `validate`'s answers per object and options. */
export async function runClassValidatorScenario(cv: typeof ClassValidator): Promise<Array<{ case: string; sync: string[]; async: string[] }>> {
  const { MinLength, MaxLength, Min, Max, IsOptional, ValidateIf, ValidateNested, IsDefined, IsString, IsInt, ArrayMaxSize, Validate, ValidatorConstraint } =
    cv;
  const { IsNotEmpty, ValidatePromise, Length, Contains } = cv;

  class Inner {
    constructor(values: object) {
      Object.assign(this, values);
    }
  }
  decorate(Inner, 'n', [Min(1), Max(5, { context: { why: 'cap' } })]);
  decorate(Inner, 'tags', [IsString({ each: true }), ArrayMaxSize(2)]);

  class Outer {
    constructor(values: object) {
      Object.assign(this, values);
    }
  }
  decorate(Outer, 'name', [MinLength(1), MaxLength(5, { message: (a) => `too long: ${String(a.value)}` })]);
  decorate(Outer, 'count', [IsOptional(), Min(0)]);
  decorate(Outer, 'xonly', [ValidateIf((o: { kind?: string }) => o.kind === 'x'), IsDefined(), IsInt()]);
  decorate(Outer, 'inner', [ValidateNested(), IsDefined()]);
  decorate(Outer, 'list', [ValidateNested({ each: true })]);
  decorate(Outer, 'grouped', [IsNotEmpty({ groups: ['g1'] }), Contains('a', { always: true })]);

  class SyncCheck {
    validate(value: unknown): boolean {
      return value !== 'bad';
    }
    defaultMessage(args: { property: string }): string {
      return `sync bad ${args.property}`;
    }
  }
  ValidatorConstraint({ name: 'syncCheck' })(SyncCheck);
  class AsyncCheck {
    validate(value: unknown): Promise<boolean> {
      return Promise.resolve(value !== 'bad');
    }
    defaultMessage(): string {
      return 'async bad';
    }
  }
  ValidatorConstraint({ name: 'asyncCheck', async: true })(AsyncCheck);

  class WithCustom {
    constructor(values: object) {
      Object.assign(this, values);
    }
  }
  decorate(WithCustom, 'a', [Validate(SyncCheck), Length(2, 4)]);
  decorate(WithCustom, 'b', [Validate(AsyncCheck)]);
  decorate(WithCustom, 'p', [ValidatePromise(), Min(3)]);

  class Bare {}

  const objects: Array<[string, () => object]> = [
    ['valid outer', () => new Outer({ name: 'ok', inner: new Inner({ n: 2, tags: ['a'] }) })],
    [
      'outer wrong everywhere',
      () =>
        new Outer({
          name: '',
          count: -1,
          inner: new Inner({ n: 9, tags: ['a', 1, 'c'] }),
          list: [new Inner({ n: 0 }), new Inner({ n: 3 })],
          kind: 'x',
          xonly: 1.5,
        }),
    ],
    ['outer with an unknown property', () => new Outer({ name: 'toolongname', kind: 'x', grouped: 'zzz', extra: 1 })],
    ['outer with plain nested values', () => new Outer({ name: 'abc', inner: { n: 1 }, list: [1, 'x'] })],
    ['custom constraints failing', () => new WithCustom({ a: 'bad', b: 'bad', p: Promise.resolve(1) })],
    ['custom constraints passing', () => new WithCustom({ a: 'good', b: 'ok', p: Promise.resolve(5) })],
    ['custom constraints, nothing set', () => new WithCustom({})],
    ['a plain object', () => ({})],
    ['a class without rules', () => new Bare()],
  ];
  const optionsList: Array<ValidatorOptions | undefined> = [
    undefined,
    { skipMissingProperties: true, forbidUnknownValues: false },
    { stopAtFirstError: true },
    { groups: ['g1'] },
    { groups: ['g1'], strictGroups: true },
    { always: true },
    { whitelist: true, forbidNonWhitelisted: true },
    { skipNullProperties: true, skipUndefinedProperties: true, validationError: { target: false, value: false } },
  ];

  const answers: Array<{ case: string; sync: string[]; async: string[] }> = [];
  for (const options of optionsList) {
    for (const [name, make] of objects) {
      answers.push({
        case: `${name}, options ${JSON.stringify(options) ?? 'none'}`,
        sync: lines(cv.validateSync(make(), options)),
        async: lines(await cv.validate(make(), options)),
      });
    }
  }

  // A rule added after the class was validated is seen by the next validation.
  class Late {
    constructor(values: object) {
      Object.assign(this, values);
    }
  }
  decorate(Late, 'x', [Min(1)]);
  const late = (): object => new Late({ x: 0, y: 50 });
  answers.push({ case: 'before a rule is added', sync: lines(cv.validateSync(late())), async: lines(await cv.validate(late())) });
  decorate(Late, 'y', [Max(10)]);
  answers.push({ case: 'after a rule is added', sync: lines(cv.validateSync(late())), async: lines(await cv.validate(late())) });
  return answers;
}

if (require.main === module) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npx tsx test/helpers/class-validator-scenario.ts <path to class-validator>');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  void runClassValidatorScenario(require(path) as typeof ClassValidator).then((answers) => process.stdout.write(`${JSON.stringify(answers, null, 2)}\n`));
}
