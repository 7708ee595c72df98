/**
 * The per-check context and the figures derived from the records, each computed once per context:
 * the counted meetings and sessions, the attendance matrix and its absences, the criteria, the
 * rated entries, and the yearly figures the summary shows (orgStats). The rules (rules/) and the
 * verdict read them; none of them makes a finding.
 */
import { tallyMarks, type AbsenceRun, type MarksTally } from './attendance';
import { criterionResults } from './criteria';
import { isoParts } from './dates';
import type { Policy } from './policy';
import { ratingShares, type RatingCounts } from './ratings';
import type { RecognitionScope } from './recognition';
import { meetingSessions, type Session } from './sessions';
import { resolveSheetNames, type SheetId, type SheetNames } from './sheets';
import type { AttendanceMark, AttendanceMatrix, CriterionResult, Finding, IsoDate, Meeting, Member, OrgKind, OrgRecords, RatingLevel } from './types';

// ---------------------------------------------------------------- context

export interface RuleContext {
  records: OrgRecords;
  policy: Policy;
  /** The evaluation year; null when unknown (no meeting is then left out, months and quarters are not checked). */
  year: number | null;
  asOf: IsoDate;
  /** The names of the sheets as the workbook spells them. */
  sheets: SheetNames;
}

/**
 * A function of the context, computed once per context: several rules and the summary's figures
 * read the same counted meetings, matrix columns and criterion totals (three times each before,
 * a fifth of the time of checking a small workbook). A context's records never change while it is
 * evaluated, and callers treat the shared results as read-only.
 */
export function perContext<T>(compute: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const cache = new WeakMap<RuleContext, { value: T }>();
  return (ctx) => {
    let entry = cache.get(ctx);
    if (entry === undefined) {
      entry = { value: compute(ctx) };
      cache.set(ctx, entry);
    }
    return entry.value;
  };
}

export function ruleContext(records: OrgRecords, policy: Policy, asOf: IsoDate, sheetNames?: Partial<Record<SheetId, string>>): RuleContext {
  return { records, policy, year: records.info.year, asOf, sheets: resolveSheetNames(sheetNames) };
}

/**
 * The kind the rules judge by. `Loại tổ chức` is required (the reader reports it when missing);
 * without it the sheets decide: a workbook with `Chi bộ trực thuộc` and no `Sinh hoạt` is a đảng
 * bộ, one with `Sinh hoạt` or `Đảng viên` a chi bộ.
 */
export function effectiveKind(records: OrgRecords): OrgKind | null {
  if (records.info.kind !== null) return records.info.kind;
  if (records.subordinates !== null && records.meetings === null) return 'dang-bo';
  if (records.meetings !== null || records.members !== null) return 'chi-bo';
  return null;
}

export function isChiBo(ctx: RuleContext): boolean {
  return effectiveKind(ctx.records) === 'chi-bo';
}

export function isDangBo(ctx: RuleContext): boolean {
  return effectiveKind(ctx.records) === 'dang-bo';
}

/** true inside the year, false outside, null when the date is unknown; always true without a year. */
export function inYear(date: IsoDate | null, year: number | null): boolean | null {
  if (year === null) return true;
  if (date === null) return null;
  return isoParts(date).year === year;
}

/** A chi bộ's meetings that are not known to fall outside the evaluation year. */
export const countedMeetings: (ctx: RuleContext) => readonly Meeting[] = perContext((ctx) => {
  if (!isChiBo(ctx) || ctx.records.meetings === null) return [];
  return ctx.records.meetings.filter((meeting) => inYear(meeting.date, ctx.year) !== false);
});

/**
 * The counted meetings as sessions (sessions.ts): a Thường kỳ and a Chuyên đề row on one date are
 * one combined session, counted once and judged whole at its Thường kỳ row.
 */
export const countedSessions: (ctx: RuleContext) => readonly Session[] = perContext((ctx) => meetingSessions(countedMeetings(ctx)));

/** The Chuyên đề rows of same-day sessions: counted with their Thường kỳ row, not on their own. */
export const thematicParts: (ctx: RuleContext) => ReadonlySet<Meeting> = perContext(
  (ctx) => new Set(countedSessions(ctx).flatMap((session) => (session.partner === null ? [] : [session.partner]))),
);

/** Meetings with a date inside the evaluation year (any kind of organisation). */
export function meetingsInYear(records: OrgRecords, year: number | null): (Meeting & { date: IsoDate })[] {
  return (records.meetings ?? []).filter(
    (meeting): meeting is Meeting & { date: IsoDate } => meeting.date !== null && inYear(meeting.date, year) === true,
  );
}

/** Row number of an A1 address ("H7" → 7), or null. */
export function rowOfCell(cell: string | null): number | null {
  const match = cell === null ? null : /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(cell.trim());
  return match ? Number(match[1]) : null;
}

// ---------------------------------------------------------------- attendance sources

/** The Điểm danh columns counted for the year, in date order (indices into the matrix's columns). */
export function matrixColumnsInYear(matrix: AttendanceMatrix, year: number | null): number[] {
  return matrix.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => inYear(column.date, year) === true)
    .sort((a, b) => (a.column.date < b.column.date ? -1 : a.column.date > b.column.date ? 1 : a.index - b.index))
    .map(({ index }) => index);
}

/**
 * The matrix the attendance rules read: the `Điểm danh` sheet when it has a column in the year
 * (an empty template sheet falls back to the `Sinh hoạt` counts), else null.
 */
export const countedMatrix: (ctx: RuleContext) => { matrix: AttendanceMatrix; columns: readonly number[] } | null = perContext((ctx) => {
  const matrix = ctx.records.attendance;
  if (!isChiBo(ctx) || matrix === null) return null;
  const columns = matrixColumnsInYear(matrix, ctx.year);
  if (columns.length === 0) return null;
  const merged = mergeSessionColumns(matrix, columns, countedSessions(ctx));
  return merged ?? { matrix, columns };
});

/**
 * A member's mark for a same-day session with two columns (SPEC §2): present if present at either
 * part, else absent with reason if so at either, else absent without reason if so at either.
 */
export function sessionMark(a: AttendanceMark | null, b: AttendanceMark | null): AttendanceMark | null {
  if (a === 'C' || b === 'C') return 'C';
  if (a === 'P' || b === 'P') return 'P';
  if (a === 'K' || b === 'K') return 'K';
  return a ?? b;
}

/**
 * The matrix with the two columns of each same-day session made one (its marks by sessionMark, its
 * cell the one whose mark decided), so the session counts once for the rate, the absence runs and
 * the K marks; null when no session has two columns (the matrix is then used as it is).
 */
function mergeSessionColumns(
  matrix: AttendanceMatrix,
  columns: readonly number[],
  sessions: readonly Session[],
): { matrix: AttendanceMatrix; columns: number[] } | null {
  const pairDates = new Set<IsoDate>();
  for (const session of sessions) if (session.partner !== null && session.date !== null) pairDates.add(session.date);
  if (pairDates.size === 0) return null;
  /** Second column of a session → its first column. */
  const partnerOf = new Map<number, number>();
  for (const date of pairDates) {
    const same = columns.filter((index) => matrix.columns[index]?.date === date).sort((a, b) => a - b);
    if (same.length === 2) partnerOf.set(same[0] as number, same[1] as number);
  }
  if (partnerOf.size === 0) return null;
  const dropped = new Set(partnerOf.values());
  const keep = matrix.columns.map((_, index) => index).filter((index) => !dropped.has(index));
  const rows = matrix.rows.map((row) => {
    const marks = keep.map((index) => {
      const second = partnerOf.get(index);
      const first = row.marks[index] ?? null;
      return second === undefined ? first : sessionMark(first, row.marks[second] ?? null);
    });
    return {
      ...row,
      marks,
      // Built when asked, as the reader's rows are: only the cells a finding points at are needed.
      get cells(): string[] {
        const original = row.cells;
        return keep.map((index, k) => {
          const second = partnerOf.get(index);
          const decided = second !== undefined && row.marks[index] !== marks[k] ? second : index;
          return original[decided] ?? '';
        });
      },
    };
  });
  const merged: AttendanceMatrix = {
    sheet: matrix.sheet,
    columns: keep.map((index) => matrix.columns[index] as AttendanceMatrix['columns'][number]),
    rows,
  };
  const counted = new Set(columns);
  return { matrix: merged, columns: matrixColumnsInYear(merged, null).filter((k) => counted.has(keep[k] as number)) };
}

export interface MatrixAbsences {
  matrix: AttendanceMatrix;
  columns: readonly number[];
  /** C and required marks of the counted columns, and the longest absence run of any row. */
  tally: MarksTally;
  /**
   * false when a mark, a column date or a member's `Miễn sinh hoạt` could not be read: the yearly
   * rate would be a figure of other marks than the sheet's, so it is not computed (SPEC §3).
   */
  rateComputable: boolean;
  /** The runs longer than the policy's absenceMaxStreak, row by row, each row's in order. */
  long: { row: AttendanceMatrix['rows'][number]; run: AbsenceRun }[];
}

/**
 * The counted matrix in one pass, once per context: the yearly rate (attendanceFigures), the
 * long runs (ABSENCE_STREAK) and the longest run (the summary) all come from it.
 */
export const matrixAbsences: (ctx: RuleContext) => MatrixAbsences | null = perContext((ctx) => {
  const counted = countedMatrix(ctx);
  if (!counted) return null;
  const { matrix, columns } = counted;
  const limit = ctx.policy.absenceMaxStreak;
  const tally: MarksTally = { present: 0, required: 0, longest: 0 };
  const long: MatrixAbsences['long'] = [];
  const runs: AbsenceRun[] = [];
  const rows = matrix.rows;
  const { excluded, unknown } = attendanceExclusions(ctx);
  // A column without a readable date: which absences are consecutive cannot be told.
  const streaksComputable = matrix.unreadableColumns !== true;
  let rateComputable = streaksComputable && !unknown;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as AttendanceMatrix['rows'][number];
    if (excluded !== null && excluded.has(row.key)) continue;
    if (row.unreadable === true) {
      rateComputable = false;
      continue;
    }
    tallyMarks(row.marks, columns, limit, tally, runs);
    if (runs.length === 0) continue;
    if (streaksComputable) for (const run of runs) long.push({ row, run });
    runs.length = 0;
  }
  return { matrix, columns, tally, long, rateComputable };
});

/**
 * The members left out of every attendance figure: exempt from meetings (`Miễn sinh hoạt` = Có,
 * whatever their marks say) or with an unreadable `Miễn sinh hoạt` (their attendance rules are
 * skipped); `unknown` when such an unreadable cell leaves the yearly rate uncomputed.
 */
export const attendanceExclusions: (ctx: RuleContext) => { excluded: ReadonlySet<string> | null; unknown: boolean } = perContext((ctx) => {
  let excluded: Set<string> | null = null;
  let unknown = false;
  const members = ctx.records.members ?? [];
  for (let i = 0; i < members.length; i++) {
    const member = members[i] as Member;
    if (!member.exempt && member.exemptUnreadable !== true) continue;
    if (member.exemptUnreadable === true) unknown = true;
    (excluded ??= new Set()).add(member.key);
  }
  return { excluded, unknown };
});

export interface AttendanceFigures {
  source: 'matrix' | 'meetings';
  sheet: string;
  present: number;
  required: number;
  /** present / required as a fraction; null when nothing is required or a cell it needs is unreadable. */
  rate: number | null;
}

/** The yearly attendance of a chi bộ: from the matrix when there is one, else the meeting counts. */
export const attendanceFigures: (ctx: RuleContext) => AttendanceFigures | null = perContext((ctx) => {
  if (!isChiBo(ctx)) return null;
  const absences = matrixAbsences(ctx);
  if (absences) {
    // Counted in place, with the absence runs: a large chi bộ has 100 000+ marks.
    const { present, required } = absences.tally;
    const rate = absences.rateComputable && required > 0 ? present / required : null;
    return { source: 'matrix', sheet: absences.matrix.sheet, present, required, rate };
  }
  if (ctx.records.meetings === null) return null;
  let present = 0;
  let required = 0;
  let computable = true;
  for (const meeting of countedMeetings(ctx)) {
    // A same-day session counts once, by its Thường kỳ row's counts.
    if (thematicParts(ctx).has(meeting)) continue;
    // An unreadable count: any yearly rate would leave out people the row does count (SPEC §3).
    if (meeting.unreadable?.some((field) => field === 'present' || field === 'excused' || field === 'unexcused')) computable = false;
    if (meeting.present === null) continue;
    present += meeting.present;
    required += meeting.present + meeting.excused + meeting.unexcused;
  }
  const rate = computable && required > 0 ? present / required : null;
  return { source: 'meetings', sheet: ctx.sheets.meetings, present, required, rate };
});

// ---------------------------------------------------------------- criteria

/** The criteria's percents and findings (criteria.ts), once per context. */
export const contextCriteria: (ctx: RuleContext) => { results: CriterionResult[]; findings: Finding[] } = perContext((ctx) =>
  criterionResults(ctx.records.criteria ?? [], ctx.policy, ctx.sheets.criteria),
);

// ---------------------------------------------------------------- ratings

/**
 * Whether a member's rating counts for a chi bộ: every member not exempt, and exempt members who
 * were rated; never one who transferred out, nor an unrated one whose `Miễn sinh hoạt` is unreadable.
 */
function ratingCounts(m: Member): boolean {
  if (m.transferred === true) return false;
  return m.rating !== null || (!m.exempt && m.exemptUnreadable !== true);
}

/** A member or subordinate chi bộ as the rating rules read it (the records themselves, not copies). */
export interface RatedEntry {
  readonly name: string;
  readonly rating: RatingLevel | null;
  /** The rating cell could not be read: no share of the scope is computed (SPEC §3). */
  readonly ratingUnreadable?: boolean;
}

/** The rated entries of a scope and their levels (the same order), or null when the scope does not apply. */
export interface RatedEntries {
  entries: readonly RatedEntry[];
  levels: (RatingLevel | null)[];
  /** false when some rating is unreadable: the shares would be of other people than the sheet's. */
  sharesComputable: boolean;
}

function entriesOf(entries: readonly RatedEntry[]): RatedEntries {
  return { entries, levels: entries.map((e) => e.rating), sharesComputable: !entries.some((e) => e.ratingUnreadable === true) };
}

/**
 * The members whose rating counts (ratingCounts) and their levels, once per context, whatever the
 * kind: the one place a chi bộ's rated levels are computed. Three rules and the summary read them
 * (5 000 entries in a large chi bộ); the member records serve as entries, without a copy of each.
 */
export const memberRatings: (ctx: RuleContext) => RatedEntries = perContext((ctx) => entriesOf((ctx.records.members ?? []).filter(ratingCounts)));

/** The subordinate chi bộ and their levels, once per context, whatever the kind. */
export const subordinateRatings: (ctx: RuleContext) => RatedEntries = perContext((ctx) => entriesOf(ctx.records.subordinates ?? []));

/** The rated members of a chi bộ with a `Đảng viên` sheet; null for any other organisation. */
export function ratedMembers(ctx: RuleContext): RatedEntries | null {
  return isChiBo(ctx) && ctx.records.members !== null ? memberRatings(ctx) : null;
}

/** The rated subordinate chi bộ of a đảng bộ with a `Chi bộ trực thuộc` sheet; null for any other organisation. */
export function ratedCells(ctx: RuleContext): RatedEntries | null {
  return isDangBo(ctx) && ctx.records.subordinates !== null ? subordinateRatings(ctx) : null;
}

export function ratedEntries(ctx: RuleContext, scope: RecognitionScope): RatedEntries | null {
  return scope === 'members' ? ratedMembers(ctx) : ratedCells(ctx);
}

// ---------------------------------------------------------------- the summary

/** The yearly figures the summary shows. Shares are fractions 0–1, unrounded; null when not computable. */
export interface OrgStats {
  /** Counts of rated members (chi bộ) or subordinate chi bộ (đảng bộ), by level; KXL counted apart. */
  ratingCounts: RatingCounts;
  /** Share of rated entries at HTNV or above. */
  completedShare: number | null;
  /** Share of rated entries at HTTNV or above. */
  goodShare: number | null;
  /** HTXSNV ÷ (HTTNV or above). */
  excellentShare: number | null;
  /** C / (C + P + K), from the Điểm danh matrix or, without it, the Sinh hoạt counts. */
  attendanceRate: number | null;
  attendanceSource: 'matrix' | 'meetings' | null;
  /** Meetings dated inside the evaluation year, by kind; a same-day pair of rows is one combined meeting. */
  meetingCounts: { regular: number; thematic: number; combined: number; total: number };
  /** Longest run of consecutive absences of any member. */
  longestAbsenceStreak: number | null;
  membersDisciplined: number;
  /** Set when an unreadable rating leaves the shares uncomputed (shown "chưa tính được", not "—"). */
  sharesUncomputed?: true;
  /** Set when an unreadable mark, count or exemption leaves the attendance rate uncomputed. */
  attendanceUncomputed?: true;
}

/** The yearly figures of the summary. */
export function orgStats(ctx: RuleContext): OrgStats {
  const { records } = ctx;
  const kind = effectiveKind(records);
  const rated = kind === 'dang-bo' ? subordinateRatings(ctx) : memberRatings(ctx);
  const shares = ratingShares(rated.levels);
  // An unreadable rating leaves the shares uncomputed (SPEC §3): the summary shows "chưa tính được".
  // Only a chi bộ's members' unreadable ratings count: other organisations are not judged on them.
  const sharesComputable = kind === 'dang-bo' ? rated.sharesComputable : (ratedMembers(ctx)?.sharesComputable ?? true);
  const figures = attendanceFigures(ctx);
  const streak = matrixAbsences(ctx)?.tally.longest ?? null;
  // A same-day Thường kỳ + Chuyên đề pair is one combined session in the statistics.
  const inYear = meetingSessions(meetingsInYear(records, ctx.year));
  const byKind = (k: 'regular' | 'thematic' | 'combined'): number => inYear.filter((m) => m.kind === k).length;
  return {
    ratingCounts: shares.counts,
    completedShare: sharesComputable ? shares.completedShare : null,
    goodShare: sharesComputable ? shares.goodShare : null,
    excellentShare: sharesComputable ? shares.excellentShare : null,
    attendanceRate: figures?.rate ?? null,
    attendanceSource: figures && figures.rate !== null ? figures.source : null,
    meetingCounts: { regular: byKind('regular'), thematic: byKind('thematic'), combined: byKind('combined'), total: inYear.length },
    longestAbsenceStreak: streak,
    membersDisciplined: (records.members ?? []).filter((m) => m.discipline !== null).length,
    ...(sharesComputable ? {} : { sharesUncomputed: true as const }),
    ...(figures !== null && figures.rate === null && figures.required > 0 ? { attendanceUncomputed: true as const } : {}),
  };
}
