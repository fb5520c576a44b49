import type { DateRole } from './kinds';

// Approximate dates. The deck says "early 2021" and "late 2020": the date is the year (its
// precision), and the qualifier says which part of it, without inventing a month. Seeds write
// `date: early 2021`; the node holds `dates.date = "2021"` and `dateQualifiers.date = "EARLY"`.

export type DateQualifier = 'EARLY' | 'MID' | 'LATE';
export const DATE_QUALIFIERS: readonly DateQualifier[] = ['EARLY', 'MID', 'LATE'];

const QUALIFIED = /^(early|mid|late)[\s-]+(\d{4}(?:-\d{2})?)$/i;

/** `early 2021` → the date `2021` and EARLY; a plain date → itself and null. */
export function splitQualifiedDate(text: string): { readonly date: string; readonly qualifier: DateQualifier | null } {
  const m = QUALIFIED.exec(text.trim());
  return m ? { date: m[2], qualifier: m[1].toUpperCase() as DateQualifier } : { date: text, qualifier: null };
}

/** The seed text of a date with its qualifier: `early 2021`. */
export function qualifiedDateText(date: string, qualifier: DateQualifier | null | undefined): string {
  return qualifier ? `${qualifier.toLowerCase()} ${date}` : date;
}

/** A node's dates as the seeds write them (`{ date: "early 2021" }`). */
export function seedDates(
  dates: Readonly<Partial<Record<DateRole, string>>>,
  qualifiers: Readonly<Partial<Record<DateRole, DateQualifier>>> | undefined,
): Record<string, string> {
  return Object.fromEntries(Object.entries(dates).map(([role, text]) => [role, qualifiedDateText(text!, qualifiers?.[role as DateRole])]));
}
