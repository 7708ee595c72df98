/**
 * Attendance marks (SPEC §2 Điểm danh): counts, the yearly rate and absence streaks.
 * Required marks are C, P and K; M (exempt), D (armed-forces special duty) and blanks are not.
 */
import type { AttendanceMark } from './types';

export const ATTENDANCE_MARKS: readonly AttendanceMark[] = ['C', 'P', 'K', 'M', 'D'];

/** How many of each mark; blanks (null) are not counted. */
export function countMarks(marks: readonly (AttendanceMark | null)[]): Record<AttendanceMark, number> {
  const counts: Record<AttendanceMark, number> = { C: 0, P: 0, K: 0, M: 0, D: 0 };
  for (const mark of marks) if (mark !== null) counts[mark] += 1;
  return counts;
}

/** Marks that count in the attendance base. */
export function isRequiredMark(mark: AttendanceMark | null): mark is 'C' | 'P' | 'K' {
  return mark === 'C' || mark === 'P' || mark === 'K';
}

/** C / (C + P + K) as a fraction; null when there is no required mark. */
export function attendanceRateOf(marks: readonly (AttendanceMark | null)[]): number | null {
  const counts = countMarks(marks);
  const required = counts.C + counts.P + counts.K;
  return required > 0 ? counts.C / required : null;
}

/** A run of consecutive absences: indices into the marks given. */
export interface AbsenceRun {
  /** Index of the first absence of the run. */
  start: number;
  /** Index of the last absence of the run. */
  end: number;
  /** Number of absences (P or K) in the run; skipped marks between them are not counted. */
  length: number;
}

/**
 * Every run of consecutive required meetings missed (P or K). M, D and blanks are skipped (they
 * neither extend nor end a run); C ends a run.
 */
export function absenceRuns(marks: readonly (AttendanceMark | null)[]): AbsenceRun[] {
  const runs: AbsenceRun[] = [];
  let current: AbsenceRun | null = null;
  for (let index = 0; index < marks.length; index += 1) {
    const mark = marks[index] ?? null;
    if (mark === 'P' || mark === 'K') {
      if (current) {
        current.end = index;
        current.length += 1;
      } else {
        current = { start: index, end: index, length: 1 };
      }
    } else if (mark === 'C') {
      if (current) runs.push(current);
      current = null;
    }
  }
  if (current) runs.push(current);
  return runs;
}

/** Longest run of consecutive P or K marks (M, D and blanks skipped; C ends a run). */
export function longestAbsenceStreak(marks: readonly (AttendanceMark | null)[]): number {
  let longest = 0;
  for (const run of absenceRuns(marks)) longest = Math.max(longest, run.length);
  return longest;
}

/** What one pass over a matrix's counted marks adds up (tallyMarks). */
export interface MarksTally {
  /** C marks. */
  present: number;
  /** C, P and K marks. */
  required: number;
  /** The longest run of absences seen (longestAbsenceStreak of each row's counted marks). */
  longest: number;
}

/**
 * One pass over the marks at `columns` (indices into `marks`, in the order given), without
 * building that list of marks or an object per run: a large matrix has 100 000+ marks, and the
 * yearly rate, the streak rule and the summary's longest streak all read them. Adds the row's C
 * and required marks and its longest absence run to `tally`, and pushes its runs longer than
 * `limit` to `long` (positions are indices into `columns`, as absenceRuns gives them for the
 * list of those marks).
 */
export function tallyMarks(
  marks: readonly (AttendanceMark | null)[],
  columns: readonly number[],
  limit: number,
  tally: MarksTally,
  long: AbsenceRun[],
): void {
  let start = -1;
  let end = -1;
  let length = 0;
  for (let index = 0; index < columns.length; index += 1) {
    const mark = marks[columns[index] as number] ?? null;
    if (mark === 'P' || mark === 'K') {
      tally.required += 1;
      if (length === 0) start = index;
      end = index;
      length += 1;
    } else if (mark === 'C') {
      tally.present += 1;
      tally.required += 1;
      if (length > 0) {
        if (length > tally.longest) tally.longest = length;
        if (length > limit) long.push({ start, end, length });
        length = 0;
      }
    }
  }
  if (length > 0) {
    if (length > tally.longest) tally.longest = length;
    if (length > limit) long.push({ start, end, length });
  }
}
