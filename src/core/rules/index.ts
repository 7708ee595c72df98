/**
 * Every rule of SPEC §1 as one small function over the organisation's records. A rule returns one
 * finding per violation, each with its code, a Vietnamese message naming the threshold it used,
 * and the sheet and cell it comes from (cell null for yearly figures and missing periods).
 * Severity is left to the policy (verdict.ts) unless the rule itself decides it.
 *
 * Conventions:
 * - Meeting rules (attendance, absences, speakers, duration, months, quarters, minutes,
 *   self-assessment) apply to a chi bộ only. A đảng bộ cơ sở is judged on its criteria, its
 *   subordinate chi bộ ratings and, when it has a `Đảng viên` sheet, DISCIPLINE.
 * - Meetings dated outside the evaluation year are not counted (the reader reports them as
 *   DATE_OUT_OF_YEAR). A meeting whose date could not be read is still checked by the rules that
 *   do not need its date; a meeting with any other blank field skips only the checks that need it.
 * - A rule reports nothing about a sheet that is absent: the reader reports SHEET_MISSING, an error
 *   that makes the verdict DATA_INVALID. The criteria are the exception: the verdict always lists
 *   1.1–1.4, so a missing `Tiêu chí` sheet gives CRITERION_MISSING for each.
 *
 * The context and the figures the rules share are in figures.ts; the rules are here by area.
 */
import { countedMonths, countedQuarters } from '../calendar';
import type { RuleContext } from '../figures';
import { msg, roman } from '../messages';
import '../messages/viRules';
import type { Finding, ReasonCode } from '../types';
import { ruleAbsenceStreak, ruleAbsenceUnexcused, ruleAttendanceLow, ruleMeetingAttendanceLow } from './attendance';
import { ruleCriterionLow, ruleCriterionMissing } from './criteria';
import { found, type Rule } from './findings';
import {
  ruleDurationShort,
  ruleMeetingSelfLow,
  ruleMinutesBookUnstamped,
  ruleMinutesUnsigned,
  ruleRegularMonthMissing,
  ruleSelfAssessmentMissing,
  ruleSpeakersLow,
  ruleThematicQuarterMissing,
} from './meetings';
import {
  ruleCellGoodShareLow,
  ruleCellNotCompleted,
  ruleExcellentCap,
  ruleRatingGoodShareLow,
  ruleRatingMissing,
  ruleRatingNotCompleted,
} from './ratings';

// ---------------------------------------------------------------- discipline

/** DISCIPLINE: no member disciplined in the year (any kind of organisation with a `Đảng viên` sheet). */
export const ruleDiscipline: Rule = (ctx) =>
  (ctx.records.members ?? [])
    .filter((member) => member.discipline !== null)
    .map((member) =>
      found('DISCIPLINE', ctx.sheets.members, member.disciplineCell, msg('DISCIPLINE', { name: member.name, discipline: member.discipline ?? '' })),
    );

// ---------------------------------------------------------------- the year

/** "1–3, 5" from [1, 2, 3, 5]. */
function periodList(numbers: readonly number[], name: (n: number) => string = String): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && (numbers[j + 1] as number) === (numbers[j] as number) + 1) j += 1;
    const a = name(numbers[i] as number);
    const b = name(numbers[j] as number);
    parts.push(j > i + 1 ? `${a}–${b}` : j === i + 1 ? `${a}, ${b}` : a);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * YEAR_NOT_OVER (any organisation): the as-of date is before 31/12 of the evaluation year, so the
 * months and quarters not yet over were not counted and a verdict of "đủ điều kiện" is provisional.
 */
export const ruleYearNotOver: Rule = (ctx) => {
  const year = ctx.year;
  if (year === null || ctx.asOf >= `${String(year).padStart(4, '0')}-12-31`) return [];
  const countedM = new Set(countedMonths(year, ctx.asOf));
  const countedQ = new Set(countedQuarters(year, ctx.asOf));
  const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => !countedM.has(m));
  const quarters = [1, 2, 3, 4].filter((q) => !countedQ.has(q));
  return [
    found(
      'YEAR_NOT_OVER',
      null,
      null,
      msg('YEAR_NOT_OVER', { asOf: { date: ctx.asOf }, year: String(year), months: periodList(months), quarters: periodList(quarters, roman) }),
    ),
  ];
};

// ---------------------------------------------------------------- all rules

/** Every rule, in the order reasons are listed (SPEC §1's table order). */
export const RULES: readonly { code: ReasonCode; check: Rule }[] = [
  { code: 'CRITERION_LOW', check: ruleCriterionLow },
  { code: 'CRITERION_MISSING', check: ruleCriterionMissing },
  { code: 'RATING_NOT_COMPLETED', check: ruleRatingNotCompleted },
  { code: 'RATING_GOOD_SHARE_LOW', check: ruleRatingGoodShareLow },
  { code: 'CELL_NOT_COMPLETED', check: ruleCellNotCompleted },
  { code: 'CELL_GOOD_SHARE_LOW', check: ruleCellGoodShareLow },
  { code: 'RATING_MISSING', check: ruleRatingMissing },
  { code: 'EXCELLENT_CAP', check: ruleExcellentCap },
  { code: 'ATTENDANCE_LOW', check: ruleAttendanceLow },
  { code: 'MEETING_ATTENDANCE_LOW', check: ruleMeetingAttendanceLow },
  { code: 'ABSENCE_UNEXCUSED', check: ruleAbsenceUnexcused },
  { code: 'ABSENCE_STREAK', check: ruleAbsenceStreak },
  { code: 'SPEAKERS_LOW', check: ruleSpeakersLow },
  { code: 'DURATION_SHORT', check: ruleDurationShort },
  { code: 'REGULAR_MONTH_MISSING', check: ruleRegularMonthMissing },
  { code: 'THEMATIC_QUARTER_MISSING', check: ruleThematicQuarterMissing },
  { code: 'MINUTES_UNSIGNED', check: ruleMinutesUnsigned },
  { code: 'MINUTES_BOOK_UNSTAMPED', check: ruleMinutesBookUnstamped },
  { code: 'SELF_ASSESSMENT_MISSING', check: ruleSelfAssessmentMissing },
  { code: 'MEETING_SELF_LOW', check: ruleMeetingSelfLow },
  { code: 'DISCIPLINE', check: ruleDiscipline },
  { code: 'YEAR_NOT_OVER', check: ruleYearNotOver },
];

/** Runs every rule; findings come in RULES order, each rule's in the order of its records. */
export function runRules(ctx: RuleContext): Finding[] {
  return RULES.flatMap((rule) => rule.check(ctx));
}
