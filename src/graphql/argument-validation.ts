import { getMetadataStorage, validateOrReject, validateSync, ValidationTypes, type ValidationError, type ValidatorOptions } from 'class-validator';
import { LRUCache } from 'lru-cache';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/**
 * class-validator settings for every argument, as type-graphql sets them for its own validation
 * (`skipMissingProperties`, and `forbidUnknownValues: false`: objects of classes without rules pass).
 */
export const ARGUMENT_VALIDATION: Readonly<ValidatorOptions> = { forbidUnknownValues: false, skipMissingProperties: true };

/** Values remembered as passed, per class: at most this many … */
const REMEMBERED_PER_CLASS = 1_000;
/** … and at most this many characters of JSON in all, per class (the least recently used go first). */
const REMEMBERED_CHARACTERS_PER_CLASS = 256_000;
/** A value whose JSON is longer than this is validated every time, never remembered. */
const MAX_REMEMBERED_CHARACTERS = 2_000;

type Rules = { readonly async: boolean; readonly nested: readonly string[] };
const rulesByClass = new WeakMap<Function, Rules>();
const passedByClass = new WeakMap<Function, LRUCache<string, true>>();

function rulesOf(target: Function): Rules {
  let rules = rulesByClass.get(target);
  if (!rules) {
    const storage = getMetadataStorage();
    const metadatas = storage.getTargetValidationMetadatas(target, '', false, false, undefined);
    rules = {
      async: metadatas.some(
        (m) =>
          m.type === ValidationTypes.PROMISE_VALIDATION ||
          (m.constraintCls !== undefined && storage.getTargetValidatorConstraints(m.constraintCls).some((c) => c.async)),
      ),
      nested: [...new Set(metadatas.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION).map((m) => m.propertyName))],
    };
    rulesByClass.set(target, rules);
  }
  return rules;
}

/** Whether validating `value` (an object, a list of them, and the inputs nested in them) runs an async rule. */
function hasAsyncRule(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value) || value instanceof Set || value instanceof Map) return [...value.values()].some((item) => hasAsyncRule(item, seen));
  const rules = rulesOf(value.constructor);
  return rules.async || rules.nested.some((property) => hasAsyncRule((value as Record<string, unknown>)[property], seen));
}

function check(errors: ValidationError[]): void {
  if (errors.length > 0) throw new ArgumentValidationError(errors);
}

/**
 * One object argument (or one object of a list): its class's rules, its nested inputs' too. A value
 * remembered as passed was checked synchronously (values with an async rule are never remembered),
 * so it is looked up before the rules are walked.
 */
function validateObject(value: object): void | Promise<void> {
  let passed = passedByClass.get(value.constructor);
  if (!passed)
    passedByClass.set(
      value.constructor,
      (passed = new LRUCache({ max: REMEMBERED_PER_CLASS, maxSize: REMEMBERED_CHARACTERS_PER_CLASS, sizeCalculation: (_passed, key) => key.length })),
    );
  const key = JSON.stringify(value);
  if (passed.has(key)) return;
  if (hasAsyncRule(value)) return validateOrReject(value, ARGUMENT_VALIDATION).catch((errors: ValidationError[]) => check(errors));
  check(validateSync(value, ARGUMENT_VALIDATION));
  if (key.length <= MAX_REMEMBERED_CHARACTERS) passed.set(key, true);
}

/**
 * Every argument's class-validator rules (type-graphql's `validateFn`, so it replaces type-graphql's
 * own call of class-validator): an object argument, each object of a list argument, and the
 * inputs nested in them (`@ValidateNested`), failing with type-graphql's `ArgumentValidationError`
 * as type-graphql's own validation does, so errors read the same. An argument of a class whose
 * rules (or whose nested inputs' rules) are all synchronous is checked without a promise.
 *
 * Arguments repeat: a client sends the same search, page size or filter again and again. A value
 * that passed is remembered per class by its JSON (the most recently used, at most
 * `REMEMBERED_PER_CLASS` values and `REMEMBERED_CHARACTERS_PER_CLASS` characters; none longer than
 * `MAX_REMEMBERED_CHARACTERS`), and an equal value later passes without running the rules
 * again; values that fail are checked afresh every time. That holds because every rule used on
 * arguments is a function of the value alone (class-validator's built-in rules; the schema has no
 * custom constraint), so equal JSON means an equal answer. A rule that reads anything else (the
 * clock, the store) would need its class left out here.
 */
export const validateArgument: ValidatorFn = (argValue) => {
  if (argValue === null || typeof argValue !== 'object') return;
  if (!Array.isArray(argValue)) return validateObject(argValue as object);
  const pending: Promise<void>[] = [];
  for (const item of argValue as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const result = validateObject(item);
    if (result) pending.push(result);
  }
  if (pending.length > 0) return Promise.all(pending).then(() => undefined);
};
