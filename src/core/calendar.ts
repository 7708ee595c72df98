/**
 * Months and quarters (SPEC §1): which periods of the evaluation year are counted by the as-of
 * date, and how many quarters had a thematic meeting.
 */
import { endOfMonth, isoParts, quarterOf } from './dates';
import type { IsoDate, MeetingKind } from './types';

/** True for kinds that hold a thematic meeting (stand-alone or combined with the regular one). */
export function isThematicKind(kind: MeetingKind | null): boolean {
  return kind === 'thematic' || kind === 'combined';
}

/** True for kinds that hold the monthly regular meeting. */
export function isRegularKind(kind: MeetingKind | null): boolean {
  return kind === 'regular' || kind === 'combined';
}

/** Distinct (year, quarter) pairs with a thematic or combined meeting. */
export function thematicQuarterCount(entries: readonly { date: IsoDate; kind: MeetingKind }[]): number {
  const quarters = new Set<string>();
  for (const entry of entries) {
    if (!isThematicKind(entry.kind)) continue;
    const { year, month } = isoParts(entry.date);
    quarters.add(`${year}-${quarterOf(month)}`);
  }
  return quarters.size;
}

/** Months 1–12 of `year` whose last day is on or before asOf. */
export function countedMonths(year: number, asOf: IsoDate): number[] {
  const months: number[] = [];
  for (let month = 1; month <= 12; month += 1) if (endOfMonth(year, month) <= asOf) months.push(month);
  return months;
}

/** Quarters 1–4 of `year` whose last day is on or before asOf. */
export function countedQuarters(year: number, asOf: IsoDate): number[] {
  const quarters: number[] = [];
  for (let quarter = 1; quarter <= 4; quarter += 1) if (endOfMonth(year, quarter * 3) <= asOf) quarters.push(quarter);
  return quarters;
}
