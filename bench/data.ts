/**
 * Generated workbooks for the benchmarks, built with the project's own code: the organisation
 * data of scripts/sampleData.ts (chiBoSpec → plainLayouts) plus the hidden `Cấu hình` sheet of
 * src/workbook/layout/policySheet.ts. The sample chi bộ meets once a month; the benchmark's workbook
 * meets `meetings` times a year (24 = twice a month), with an attendance matrix whose counts agree
 * with `Sinh hoạt`, so the check runs every rule over real data.
 */
import { toIsoDate } from '../src/core/dates';
import { defaultPolicy } from '../src/core/policy';
import { policyLayout } from '../src/workbook/layout/policySheet';
import type { SheetGrid, SheetLayout } from '../src/workbook/types';
import { chiBoSpec, prng, vietnameseName, type MeetingSpec, type OrgSpec } from '../scripts/sampleData';
import { plainLayouts } from '../scripts/sampleLayouts';

/** The date the benchmarks check "as of": after the generated year, so every month counts. */
export const BENCH_AS_OF = '2026-03-01';

const FIRST_DAYS = [8, 12, 10, 9, 13, 10, 8, 12, 9, 10, 11, 9];

/** A chi bộ of `members` members meeting `meetings` times in 2025 (1–4 per month), everything eligible. */
export function chiBoYear(members: number, meetings: number, seed = 7): OrgSpec {
  if (meetings < 1 || meetings > 48) throw new Error(`meetings must be 1…48, got ${meetings}`);
  const base = chiBoSpec({ seed, name: `Chi bộ Khu phố ${members}`, members, kindLabel: 'Chi bộ cơ sở', type: 'dia-ban' });
  const people = base.members ?? [];
  // Four-word names (surname, middle name, two given names): far more combinations than the
  // samples' three words, so that workbooks of different seeds share few names — a check of a new
  // workbook must not find its names in caches filled by an earlier one.
  const random = prng(seed * 7919 + members);
  const names = new Set<string>();
  for (const member of people) {
    let name: string;
    do {
      const given = vietnameseName(random, new Set()).split(' ').pop() ?? '';
      name = `${vietnameseName(random, new Set())} ${given}`;
    } while (names.has(name));
    names.add(name);
    member.name = name;
  }
  // Random 8-digit card numbers collide now and then in thousands of members; keep them unique
  // so the check has no DUPLICATE_MEMBER warning to report.
  const cards = new Set<string>();
  for (const member of people) {
    let card = member.card;
    while (cards.has(card)) card = String(((Number(card) - 10_000_000 + 7919) % 89_999_999) + 10_000_000);
    cards.add(card);
    member.card = card;
  }
  const exemptIndex = people.findIndex((m) => m.exempt);
  const required = people.length - (exemptIndex >= 0 ? 1 : 0);
  const minSpeakers = required > 20 ? 7 : required > 10 ? 5 : 3;
  const dates: string[] = [];
  const marks: string[][] = people.map(() => []);
  const list: MeetingSpec[] = [];
  for (let j = 0; j < meetings; j++) {
    const month = Math.floor((j * 12) / meetings) + 1;
    const firstOfMonth = j === 0 || Math.floor(((j - 1) * 12) / meetings) + 1 !== month;
    const nth = j - Math.ceil(((month - 1) * meetings) / 12);
    const day = Math.min(28, (FIRST_DAYS[month - 1] as number) + 7 * nth);
    const date = toIsoDate(2025, month, day);
    dates.push(date);
    const kind: MeetingSpec['kind'] = firstOfMonth && month % 3 === 0 ? 'Kết hợp' : 'Thường kỳ';
    let present = 0;
    let excused = 0;
    people.forEach((_, index) => {
      let mark = 'C';
      if (index === exemptIndex) mark = 'M';
      else if ((index + j) % 13 === 0) mark = 'P';
      (marks[index] as string[]).push(mark);
      if (mark === 'C') present += 1;
      if (mark === 'P') excused += 1;
    });
    const minMinutes = kind === 'Kết hợp' ? 120 : required < 10 ? 60 : 90;
    list.push({
      date,
      kind,
      members: required,
      present,
      excused,
      unexcused: 0,
      speakers: minSpeakers + (j % 3),
      minutes: minMinutes + 5 * (j % 4),
      chairSigned: true,
      secretarySigned: true,
      selfAssessment: j % 3 === 0 ? 'Khá' : 'Tốt',
    });
  }
  return { ...base, meetings: list, attendance: { dates, marks } };
}

/** The sheets of the workbook as layouts: the organisation's sheets and the hidden `Cấu hình`. */
export function benchLayouts(members: number, meetings: number, seed = 7): SheetLayout[] {
  return [...plainLayouts(chiBoYear(members, meetings, seed)), policyLayout(defaultPolicy())];
}

/** Layouts as the grids a host would read (values from A1). */
export function gridsOf(layouts: readonly SheetLayout[]): SheetGrid[] {
  return layouts.map((layout) => ({
    name: layout.name,
    values: layout.values.map((row) => [...row]),
    originRow: 0,
    originCol: 0,
    hidden: layout.hidden,
  }));
}
