import { parsePartialDate } from '../domain';

/** The first day of a validated PartialDate argument, or undefined when absent. */
export function dayOf(date: string | null | undefined): string | undefined {
  return date ? parsePartialDate(date)!.start : undefined;
}
