/** The attendance rules of a chi bộ: the yearly rate, each session's rate, K marks and absence runs. */
import { attendanceExclusions, attendanceFigures, countedMatrix, countedSessions, matrixAbsences, perContext, type RuleContext } from '../figures';
import { msg } from '../messages';
import { percentOf } from '../percent';
import type { AttendanceMatrix, Finding, IsoDate } from '../types';
import { dateParam, found, meetingLabel, sessionLabel, type Rule } from './findings';

// ---------------------------------------------------------------- attendance

/** ATTENDANCE_LOW (chi bộ): the yearly attendance rate strictly above attendanceMinPercent. */
export const ruleAttendanceLow: Rule = (ctx) => {
  const figures = attendanceFigures(ctx);
  if (figures === null || figures.rate === null) return [];
  const percent = percentOf(figures.present, figures.required);
  const minimum = ctx.policy.attendanceMinPercent;
  if (percent === null || percent > minimum) return [];
  const key = figures.source === 'matrix' ? 'ATTENDANCE_LOW.matrix' : 'ATTENDANCE_LOW.meetings';
  return [
    found(
      'ATTENDANCE_LOW',
      figures.sheet,
      null,
      msg(key, { percent: { pct: percent }, present: figures.present, required: figures.required, sheet: figures.sheet, minimum: { pct: minimum } }),
    ),
  ];
};

const NO_MARKS = { C: 0, P: 0, K: 0 } as const;

/**
 * Per meeting date, the C/P/K marks of the members left out of every attendance figure (exempt, or
 * with an unreadable exemption): the `Sinh hoạt` counts include them, the meeting's attendance must
 * not. Empty without a matrix or without such members.
 */
const excludedMarksByDate: (ctx: RuleContext) => ReadonlyMap<IsoDate, { C: number; P: number; K: number }> = perContext((ctx) => {
  const byDate = new Map<IsoDate, { C: number; P: number; K: number }>();
  const counted = countedMatrix(ctx);
  const { excluded } = attendanceExclusions(ctx);
  if (counted === null || excluded === null) return byDate;
  const { matrix, columns } = counted;
  for (const row of matrix.rows) {
    if (!excluded.has(row.key)) continue;
    for (const index of columns) {
      const mark = row.marks[index];
      const date = matrix.columns[index]?.date;
      if (date === undefined || (mark !== 'C' && mark !== 'P' && mark !== 'K')) continue;
      const tally = byDate.get(date) ?? { C: 0, P: 0, K: 0 };
      tally[mark] += 1;
      byDate.set(date, tally);
    }
  }
  return byDate;
});

/**
 * MEETING_ATTENDANCE_LOW (chi bộ): each session's attendance from its `Sinh hoạt` counts, Có mặt /
 * (Có mặt + Vắng có lý do + Vắng không lý do), strictly above attendanceMinPercent — the ratio the
 * template's `Kết quả` helper computes. Members neither present nor absent (exempt, special duty)
 * are outside the base. A count that could not be read leaves the meeting out.
 */
export const ruleMeetingAttendanceLow: Rule = (ctx) => {
  const findings: Finding[] = [];
  const minimum = ctx.policy.attendanceMinPercent;
  const excludedMarks = excludedMarksByDate(ctx);
  for (const session of countedSessions(ctx)) {
    const meeting = session.main;
    if (session.uncertain || meeting.present === null || meeting.absencesUnreadable) continue;
    // The counts transcribe the whole column; an exempt member's marks are taken back out (SPEC §2).
    const out = (session.date !== null && excludedMarks.get(session.date)) || NO_MARKS;
    const present = meeting.present - out.C;
    const excused = meeting.excused - out.P;
    const unexcused = meeting.unexcused - out.K;
    if (present < 0 || excused < 0 || unexcused < 0) continue; // counts that disagree: MATRIX_MISMATCH says so
    const base = present + excused + unexcused;
    const percent = percentOf(present, base);
    if (percent === null || percent > minimum) continue;
    findings.push(
      found(
        'MEETING_ATTENDANCE_LOW',
        ctx.sheets.meetings,
        meeting.cells.present,
        msg('MEETING_ATTENDANCE_LOW', {
          meeting: sessionLabel(session),
          percent: { pct: percent },
          present,
          base,
          excused,
          unexcused,
          minimum: { pct: minimum },
        }),
      ),
    );
  }
  return findings;
};

/**
 * ABSENCE_UNEXCUSED (chi bộ): no "K" mark — one finding per K mark of the matrix; without a
 * matrix, one per meeting whose `Vắng không lý do` count is above 0, at that cell.
 */
export const ruleAbsenceUnexcused: Rule = (ctx) => {
  const findings: Finding[] = [];
  const counted = countedMatrix(ctx);
  if (counted) {
    const { matrix, columns } = counted;
    const ordered = [...columns].sort((a, b) => a - b);
    const rows = matrix.rows;
    const { excluded } = attendanceExclusions(ctx);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as AttendanceMatrix['rows'][number];
      if (!row.marks.includes('K')) continue;
      if (excluded !== null && excluded.has(row.key)) continue;
      for (const index of ordered) {
        if (row.marks[index] !== 'K') continue;
        const date = matrix.columns[index]?.date;
        findings.push(
          found(
            'ABSENCE_UNEXCUSED',
            matrix.sheet,
            row.cells[index] ?? null,
            msg('ABSENCE_UNEXCUSED.member', { name: row.name, date: dateParam(date) }),
          ),
        );
      }
    }
    return findings;
  }
  for (const session of countedSessions(ctx)) {
    // One reason per session: a same-day pair's count is the Thường kỳ row's, else the other row's.
    const meeting = session.main.unexcused > 0 || session.partner === null ? session.main : session.partner;
    if (meeting.unexcused <= 0) continue;
    findings.push(
      found(
        'ABSENCE_UNEXCUSED',
        ctx.sheets.meetings,
        meeting.cells.unexcused,
        msg('ABSENCE_UNEXCUSED.meeting', { meeting: meetingLabel(meeting), count: meeting.unexcused }),
      ),
    );
  }
  return findings;
};

/**
 * ABSENCE_STREAK (chi bộ, needs the matrix): no member absent (P or K) at more than
 * absenceMaxStreak consecutive required meetings; one finding per such run, at its first mark.
 */
export const ruleAbsenceStreak: Rule = (ctx) => {
  const absences = matrixAbsences(ctx);
  if (!absences) return [];
  const { matrix, columns } = absences;
  const limit = ctx.policy.absenceMaxStreak;
  const findings: Finding[] = [];
  for (const { row, run } of absences.long) {
    const first = columns[run.start] as number;
    const last = columns[run.end] as number;
    const from = matrix.columns[first]?.date;
    const to = matrix.columns[last]?.date;
    findings.push(
      found(
        'ABSENCE_STREAK',
        matrix.sheet,
        row.cells[first] ?? null,
        msg('ABSENCE_STREAK', { name: row.name, count: run.length, from: dateParam(from), to: dateParam(to), limit }),
      ),
    );
  }
  return findings;
};
