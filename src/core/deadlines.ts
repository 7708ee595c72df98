/**
 * Deadlines of the model's stages (SPEC §1, seed II.2.2 and III): a year override in the policy
 * ("chiTieu.2023" → "15/07/2023") wins; else the stage's dd/mm in the evaluation year plus the
 * stage's year offset (thẩm định and công nhận fall in the next year).
 */
import { daysBetween, daysInMonth, toIsoDate } from './dates';
import { DEADLINE_STAGES, type DeadlineStage, type Policy } from './policyDefaults';
import type { IsoDate } from './types';

const DAY_MONTH_YEAR = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;
const DAY_MONTH = /^\s*(\d{1,2})\/(\d{1,2})\s*$/;

/** The stage's date for an evaluation year; null when the policy sets none. */
export function deadlineDate(stage: DeadlineStage, year: number, policy: Policy): IsoDate | null {
  const override = policy.deadlineOverrides[`${stage}.${year}`];
  if (override !== undefined) {
    const match = DAY_MONTH_YEAR.exec(override);
    if (match) return toIsoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  }
  const dayMonth = policy.deadlines[stage];
  const info = DEADLINE_STAGES.find((s) => s.stage === stage);
  if (dayMonth === null || dayMonth === undefined || !info) return null;
  const match = DAY_MONTH.exec(dayMonth);
  if (!match) return null;
  const targetYear = year + info.yearOffset;
  const month = Number(match[2]);
  // 29/02 in a year without it falls on 28/02.
  const day = Math.min(Number(match[1]), daysInMonth(targetYear, month));
  return toIsoDate(targetYear, month, day);
}

export interface DeadlineStatus {
  stage: DeadlineStage;
  label: string;
  date: IsoDate | null;
  /** Days from asOf to the date (0 on the day itself, negative once past); null without a date. */
  daysLeft: number | null;
  /** True once asOf is after the date. */
  overdue: boolean;
}

/** Every stage's deadline for a year, in the seed's order, seen from asOf. */
export function deadlinesFor(year: number, policy: Policy, asOf: IsoDate): DeadlineStatus[] {
  return DEADLINE_STAGES.map((info) => {
    const date = deadlineDate(info.stage, year, policy);
    const daysLeft = date === null ? null : daysBetween(asOf, date);
    return { stage: info.stage, label: info.label, date, daysLeft, overdue: daysLeft !== null && daysLeft < 0 };
  });
}
