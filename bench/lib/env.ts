/** A positive integer from the environment variable `name`, or `fallback` when it is unset or empty; anything else is refused, naming the variable. */
export function positiveIntEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}: expected a positive integer, received ${JSON.stringify(raw)}`);
  return value;
}
