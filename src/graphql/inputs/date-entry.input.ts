import { Field, InputType } from 'type-graphql';

@InputType({ description: 'One dated role of an entity, as in the seeds: `{ role: "inForce", date: "2020-07-01" }`.' })
export class DateEntryInput {
  @Field(() => String, { description: 'The date role: signed, inForce, ended, established, launched or date, as the kind allows.' })
  declare role: string;

  @Field(() => String, {
    description: 'A partial date: YYYY, YYYY-MM or YYYY-MM-DD, optionally qualified as the source says it: `early 2021`, `mid 2019`, `late 2020`.',
  })
  declare date: string;
}

/** `[{ role, date }]` → the seeds' `dates` mapping; a repeated role keeps the last. */
export function datesOf(entries: readonly DateEntryInput[] | null | undefined): Record<string, string> | null | undefined {
  if (entries === undefined || entries === null) return entries;
  return Object.fromEntries(entries.map((e) => [e.role, e.date]));
}
