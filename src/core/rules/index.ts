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
 */
import { tallyMarks, type AbsenceRun, type MarksTally } from '../attendance';
import { countedMonths, countedQuarters, isRegularKind, isThematicKind } from '../calendar';
import { criterionResults } from '../criteria';
import { isoParts, quarterOf } from '../dates';
import { minDuration, minSpeakers } from '../meeting';
import { meetingSessions, type Session } from '../sessions';
import type { Policy } from '../policy';
import { percentOf } from '../percent';
import { countRatings, countAtLeast } from '../ratings';
import { ratingShareProblems, type RecognitionScope } from '../recognition';
import { resolveSheetNames, type SheetId, type SheetNames } from '../sheets';
import { foldText } from '../text';
import type {
  AttendanceMark,
  AttendanceMatrix,
  CriterionResult,
  Finding,
  IsoDate,
  Meeting,
  MeetingField,
  Member,
  OrgKind,
  OrgRecords,
  RatingLevel,
  ReasonCode,
} from '../types';
import { RATING_RANK, isLowSelfAssessment } from '../vocabulary';
import { msg, ref, roman, type Message, type MessageParam, type MessageRef } from '../messages';
import '../messages/viRules';

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

export type Rule = (ctx: RuleContext) => Finding[];

/**
 * A function of the context, computed once per context: several rules and the summary's figures
 * read the same counted meetings, matrix columns and criterion totals (three times each before,
 * a fifth of the time of checking a small workbook). A context's records never change while it is
 * evaluated, and callers treat the shared results as read-only.
 */
function perContext<T>(compute: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
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

function isChiBo(ctx: RuleContext): boolean {
  return effectiveKind(ctx.records) === 'chi-bo';
}

function isDangBo(ctx: RuleContext): boolean {
  return effectiveKind(ctx.records) === 'dang-bo';
}

/** true inside the year, false outside, null when the date is unknown; always true without a year. */
function inYear(date: IsoDate | null, year: number | null): boolean | null {
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
const thematicParts: (ctx: RuleContext) => ReadonlySet<Meeting> = perContext(
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

function meetingLabel(meeting: Meeting): MessageRef {
  if (meeting.date !== null) return ref('meeting.dated', { date: { date: meeting.date } });
  const row = rowOfCell(meeting.cells.date) ?? meeting.row;
  return ref('meeting.row', { row: String(row) });
}

/** A session's label: a same-day pair names its two rows, so the clerk sees why they were added up. */
function sessionLabel(session: Session): MessageRef {
  if (session.partner === null) return meetingLabel(session.main);
  const rowOf = (m: Meeting): string => String(rowOfCell(m.cells.date) ?? m.row);
  return ref('meeting.pair', { meeting: meetingLabel(session.main), first: rowOf(session.main), second: rowOf(session.partner) });
}

/** A date parameter, or "?" when the date is unknown. */
function dateParam(date: IsoDate | undefined | null): MessageParam {
  return date ? { date } : ref('date.unknown');
}

/** A finding with its message from the catalogue. */
function found(code: ReasonCode, sheet: string | null, cell: string | null, message: Message, severity?: 'warn'): Finding {
  const finding: Finding = { code, sheet, cell, message: message.message, text: message.text };
  if (severity !== undefined) finding.severity = severity;
  return finding;
}

/** "Chi bộ X" for a subordinate named "X", but not "Chi bộ Chi bộ X" when the name already says it. */
export function subordinateName(name: string): MessageParam {
  return /^chi bo\b/.test(foldText(name)) ? name : ref('cell.name', { name });
}

function listNames(names: readonly MessageParam[], max = 5): MessageParam {
  const shown: MessageParam = { list: names.slice(0, max) };
  return names.length > max ? ref('names.more', { names: shown, more: names.length - max }) : shown;
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
const attendanceExclusions: (ctx: RuleContext) => { excluded: ReadonlySet<string> | null; unknown: boolean } = perContext((ctx) => {
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

function criterionFindings(ctx: RuleContext, code: 'CRITERION_LOW' | 'CRITERION_MISSING'): Finding[] {
  return contextCriteria(ctx).findings.filter((f) => f.code === code);
}

/** CRITERION_LOW: each of 1.1–1.4 at or above criterionMinPercent. */
export const ruleCriterionLow: Rule = (ctx) => criterionFindings(ctx, 'CRITERION_LOW');

/** CRITERION_MISSING: each of 1.1–1.4 has at least one scored row. */
export const ruleCriterionMissing: Rule = (ctx) => criterionFindings(ctx, 'CRITERION_MISSING');

// ---------------------------------------------------------------- ratings

/**
 * Whether a member's rating counts for a chi bộ: every member not exempt, and exempt members who
 * were rated; never one who transferred out, nor an unrated one whose `Miễn sinh hoạt` is unreadable.
 */
function ratingCounts(m: Member): boolean {
  if (m.transferred === true) return false;
  return m.rating !== null || (!m.exempt && m.exemptUnreadable !== true);
}

/** The ratings that count for a chi bộ (ratingCounts). */
export function memberLevels(records: OrgRecords): (RatingLevel | null)[] {
  const levels: (RatingLevel | null)[] = [];
  const members = records.members ?? [];
  for (let i = 0; i < members.length; i++) {
    const m = members[i] as Member;
    if (ratingCounts(m)) levels.push(m.rating);
  }
  return levels;
}

/** A member or subordinate chi bộ as the rating rules read it (the records themselves, not copies). */
interface RatedEntry {
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
 * Rated members, once per context: three rules and the summary read them (5 000 entries in a
 * large chi bộ); the member records serve as entries, without a copy of each.
 */
export const ratedMembers: (ctx: RuleContext) => RatedEntries | null = perContext((ctx) => {
  if (!isChiBo(ctx) || ctx.records.members === null) return null;
  return entriesOf(ctx.records.members.filter(ratingCounts));
});

const ratedCells: (ctx: RuleContext) => RatedEntries | null = perContext((ctx) => {
  if (!isDangBo(ctx) || ctx.records.subordinates === null) return null;
  return entriesOf(ctx.records.subordinates);
});

function ratedEntries(ctx: RuleContext, scope: RecognitionScope): RatedEntries | null {
  return scope === 'members' ? ratedMembers(ctx) : ratedCells(ctx);
}

function below(entries: readonly RatedEntry[], floor: 'HTNV' | 'HTTNV', scope: RecognitionScope): MessageParam[] {
  return entries
    .filter((e) => e.rating !== null && e.rating !== 'KXL' && RATING_RANK[e.rating] < RATING_RANK[floor])
    .map((e) => ref(scope === 'members' ? 'member.rated' : 'cell.rated', { name: e.name, rating: ref(`rating.${e.rating ?? 'KXL'}`) }));
}

function shareRule(scope: RecognitionScope, which: 'completed' | 'good', code: ReasonCode): Rule {
  return (ctx) => {
    const rated = ratedEntries(ctx, scope);
    if (rated === null || !rated.sharesComputable) return [];
    const problem = ratingShareProblems(rated.levels, scope, ctx.policy)[which];
    if (problem === null) return [];
    const names = below(rated.entries, which === 'completed' ? 'HTNV' : 'HTTNV', scope);
    const message = names.length > 0 ? msg('shares.below', { problem: problem.text, names: listNames(names) }) : problem;
    return [found(code, scope === 'members' ? ctx.sheets.members : ctx.sheets.subordinates, null, message)];
  };
}

/** RATING_NOT_COMPLETED (chi bộ): ratingCompletedMinPercent of rated members at HTNV or above. */
export const ruleRatingNotCompleted: Rule = shareRule('members', 'completed', 'RATING_NOT_COMPLETED');
/** RATING_GOOD_SHARE_LOW (chi bộ): ratingGoodMinPercent of rated members at HTTNV or above. */
export const ruleRatingGoodShareLow: Rule = shareRule('members', 'good', 'RATING_GOOD_SHARE_LOW');
/** CELL_NOT_COMPLETED (đảng bộ): ratingCompletedMinPercent of rated subordinate chi bộ at HTNV or above. */
export const ruleCellNotCompleted: Rule = shareRule('cells', 'completed', 'CELL_NOT_COMPLETED');
/** CELL_GOOD_SHARE_LOW (đảng bộ): ratingGoodMinPercent of rated subordinate chi bộ at HTTNV or above. */
export const ruleCellGoodShareLow: Rule = shareRule('cells', 'good', 'CELL_GOOD_SHARE_LOW');

/**
 * RATING_MISSING: every member not exempt (chi bộ) or every subordinate chi bộ (đảng bộ) has a
 * rating or "Không xếp loại" — one finding per blank rating cell — and at least one is rated.
 */
export const ruleRatingMissing: Rule = (ctx) => {
  const findings: Finding[] = [];
  let levels: (RatingLevel | null)[];
  let sheet: string;
  let noun: MessageRef;
  let unreadable: boolean;
  if (isChiBo(ctx) && ctx.records.members !== null) {
    sheet = ctx.sheets.members;
    noun = ref('noun.members');
    const members = ctx.records.members;
    for (let i = 0; i < members.length; i++) {
      const member = members[i] as Member;
      // An unreadable rating is already a data error (VALUE_INVALID); it is not also "missing". A
      // member who transferred out is not rated here; one whose exemption is unreadable may be exempt.
      if (member.exempt || member.rating !== null || member.ratingUnreadable || member.transferred === true || member.exemptUnreadable === true)
        continue;
      findings.push(found('RATING_MISSING', sheet, member.ratingCell, msg('RATING_MISSING.member', { name: member.name, kxl: ref('rating.KXL') })));
    }
    const rated = ratedMembers(ctx);
    unreadable = rated !== null && !rated.sharesComputable;
    levels = rated?.levels ?? memberLevels(ctx.records);
  } else if (isDangBo(ctx) && ctx.records.subordinates !== null) {
    sheet = ctx.sheets.subordinates;
    noun = ref('noun.cells');
    for (const cell of ctx.records.subordinates) {
      if (cell.rating !== null || cell.ratingUnreadable) continue;
      findings.push(
        found('RATING_MISSING', sheet, cell.ratingCell, msg('RATING_MISSING.cell', { cell: subordinateName(cell.name), kxl: ref('rating.KXL') })),
      );
    }
    levels = ctx.records.subordinates.map((s) => s.rating);
    unreadable = ctx.records.subordinates.some((s) => s.ratingUnreadable === true);
  } else {
    return [];
  }
  const counts = countRatings(levels);
  // With an unreadable rating, "none is rated" may be false: the data issue says what to fix.
  if (!unreadable && counts.HTXSNV + counts.HTTNV + counts.HTNV + counts.KHTNV === 0) {
    findings.push(found('RATING_MISSING', sheet, null, msg('RATING_MISSING.none', { noun, kxl: ref('rating.KXL') })));
  }
  return findings;
};

/** EXCELLENT_CAP: HTXSNV at most excellentCapPercent of those rated HTTNV or higher (members or subordinate chi bộ). */
export const ruleExcellentCap: Rule = (ctx) => {
  const scope: RecognitionScope | null = isChiBo(ctx) ? 'members' : isDangBo(ctx) ? 'cells' : null;
  const rated = scope === null ? null : ratedEntries(ctx, scope);
  if (scope === null || rated === null || !rated.sharesComputable) return [];
  const counts = countRatings(rated.levels);
  const good = countAtLeast(counts, 'HTTNV');
  const percent = percentOf(counts.HTXSNV, good);
  const cap = ctx.policy.excellentCapPercent;
  if (percent === null || percent <= cap) return [];
  const noun = ref(scope === 'members' ? 'noun.members' : 'noun.cells');
  return [
    found(
      'EXCELLENT_CAP',
      scope === 'members' ? ctx.sheets.members : ctx.sheets.subordinates,
      null,
      msg('EXCELLENT_CAP', {
        noun,
        excellent: ref('rating.HTXSNV'),
        good: ref('rating.HTTNV'),
        percent: { pct: percent },
        count: counts.HTXSNV,
        total: good,
        cap: { pct: cap },
      }),
    ),
  ];
};

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

// ---------------------------------------------------------------- meetings

/**
 * SPEAKERS_LOW (chi bộ): each session has at least the speakers its number of members requires (a
 * same-day pair: the larger count of its two rows, for the larger number of members).
 */
export const ruleSpeakersLow: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const session of countedSessions(ctx)) {
    if (session.uncertain || session.members === null || session.speakers === null) continue;
    const needed = minSpeakers(session.members, ctx.policy);
    if (session.speakers >= needed) continue;
    findings.push(
      found(
        'SPEAKERS_LOW',
        ctx.sheets.meetings,
        session.main.cells.speakers,
        msg('SPEAKERS_LOW', { meeting: sessionLabel(session), speakers: session.speakers, needed, members: session.members }),
      ),
    );
  }
  return findings;
};

/**
 * DURATION_SHORT (chi bộ): each session lasts at least the minutes its kind and size require; a
 * same-day pair is the sum of its two rows against the combined minimum.
 */
export const ruleDurationShort: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const session of countedSessions(ctx)) {
    const { kind, minutes, members, partner, main } = session;
    if (session.uncertain || kind === null || minutes === null) continue;
    // A combined meeting needs the same minutes whatever the size; the others need the size.
    if (kind !== 'combined' && members === null) continue;
    const needed = minDuration(members ?? 0, kind, ctx.policy);
    if (minutes >= needed) continue;
    const length =
      partner === null
        ? ref('duration.minutes', { minutes })
        : ref('duration.sum', { first: main.minutes ?? 0, second: partner.minutes ?? 0, minutes });
    const params = { meeting: sessionLabel(session), length, needed, kind: ref(`kind.${kind}`) };
    const message =
      kind === 'combined' || members === null ? msg('DURATION_SHORT.combined', params) : msg('DURATION_SHORT.sized', { ...params, members });
    findings.push(found('DURATION_SHORT', ctx.sheets.meetings, main.cells.minutes, message));
  }
  return findings;
};

/** Whether a meeting row's field gave a data error (unreadable, or blank where required). */
function unreadableField(meeting: Meeting, field: MeetingField): boolean {
  return meeting.unreadable !== undefined && meeting.unreadable.includes(field);
}

/**
 * The months that cannot be judged missing: a meeting row without a readable date could be any
 * month's meeting (null: every month of the year), one whose `Loại` alone is unreadable its own
 * month (and quarter): SPEC §3, no made-up REGULAR_MONTH_MISSING / THEMATIC_QUARTER_MISSING.
 */
function undecidableMonths(ctx: RuleContext): Set<number> | null {
  const months = new Set<number>();
  for (const meeting of ctx.records.meetings ?? []) {
    if (meeting.date === null) return null;
    if (meeting.kind === null && inYear(meeting.date, ctx.year) === true) months.add(isoParts(meeting.date).month);
  }
  return months;
}

/** REGULAR_MONTH_MISSING (chi bộ): a regular or combined meeting in every counted month. */
export const ruleRegularMonthMissing: Rule = (ctx) => {
  const year = ctx.year;
  if (!isChiBo(ctx) || ctx.records.meetings === null || year === null) return [];
  const undecidable = undecidableMonths(ctx);
  if (undecidable === null) return [];
  const held = new Set(
    meetingsInYear(ctx.records, year)
      .filter((m) => isRegularKind(m.kind))
      .map((m) => isoParts(m.date).month),
  );
  return countedMonths(year, ctx.asOf)
    .filter((month) => !held.has(month) && !undecidable.has(month))
    .map((month) =>
      found('REGULAR_MONTH_MISSING', ctx.sheets.meetings, null, msg('REGULAR_MONTH_MISSING', { month: String(month), year: String(year) })),
    );
};

/** THEMATIC_QUARTER_MISSING (chi bộ): a thematic or combined meeting in every counted quarter. */
export const ruleThematicQuarterMissing: Rule = (ctx) => {
  const year = ctx.year;
  if (!isChiBo(ctx) || ctx.records.meetings === null || year === null) return [];
  const undecidable = undecidableMonths(ctx);
  if (undecidable === null) return [];
  const undecidableQuarters = new Set([...undecidable].map((month) => quarterOf(month)));
  const held = new Set(
    meetingsInYear(ctx.records, year)
      .filter((m) => isThematicKind(m.kind))
      .map((m) => quarterOf(isoParts(m.date).month)),
  );
  return countedQuarters(year, ctx.asOf)
    .filter((quarter) => !held.has(quarter) && !undecidableQuarters.has(quarter))
    .map((quarter) =>
      found('THEMATIC_QUARTER_MISSING', ctx.sheets.meetings, null, msg('THEMATIC_QUARTER_MISSING', { quarter: roman(quarter), year: String(year) })),
    );
};

/** MINUTES_UNSIGNED (chi bộ): one finding per missing signature (chair, secretary), at its cell. */
export const ruleMinutesUnsigned: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const meeting of countedMeetings(ctx)) {
    // An unreadable signature is its own data error, not "not signed" (SPEC §3).
    if (!meeting.chairSigned && !unreadableField(meeting, 'chairSigned')) {
      findings.push(
        found('MINUTES_UNSIGNED', ctx.sheets.meetings, meeting.cells.chairSigned, msg('MINUTES_UNSIGNED.chair', { meeting: meetingLabel(meeting) })),
      );
    }
    if (!meeting.secretarySigned && !unreadableField(meeting, 'secretarySigned')) {
      findings.push(
        found(
          'MINUTES_UNSIGNED',
          ctx.sheets.meetings,
          meeting.cells.secretarySigned,
          msg('MINUTES_UNSIGNED.secretary', { meeting: meetingLabel(meeting) }),
        ),
      );
    }
  }
  return findings;
};

/**
 * MINUTES_BOOK_UNSTAMPED (chi bộ): `Sổ biên bản đóng dấu giáp lai` is "Có". "Không" gives a
 * finding left to the policy's severity; a missing or blank row gives a warning.
 */
export const ruleMinutesBookUnstamped: Rule = (ctx) => {
  if (!isChiBo(ctx)) return [];
  const { minutesBookStamped, minutesBookStampedCell, minutesBookStampedUnreadable } = ctx.records.info;
  if (minutesBookStamped === true || minutesBookStampedUnreadable === true) return [];
  if (minutesBookStamped === false) {
    return [found('MINUTES_BOOK_UNSTAMPED', ctx.sheets.info, minutesBookStampedCell, msg('MINUTES_BOOK_UNSTAMPED'))];
  }
  return [
    found('MINUTES_BOOK_UNSTAMPED', ctx.sheets.info, minutesBookStampedCell, msg('MINUTES_BOOK_UNSTAMPED.blank', { sheet: ctx.sheets.info }), 'warn'),
  ];
};

/** SELF_ASSESSMENT_MISSING (chi bộ): each meeting has a self-assessed quality. */
export const ruleSelfAssessmentMissing: Rule = (ctx) =>
  countedMeetings(ctx)
    .filter((meeting) => meeting.selfAssessment === null && !unreadableField(meeting, 'selfAssessment'))
    .map((meeting) =>
      found(
        'SELF_ASSESSMENT_MISSING',
        ctx.sheets.meetings,
        meeting.cells.selfAssessment,
        msg('SELF_ASSESSMENT_MISSING', { meeting: meetingLabel(meeting) }),
      ),
    );

/** MEETING_SELF_LOW (chi bộ): a meeting self-assessed Trung bình, Kém or Không đạt. */
export const ruleMeetingSelfLow: Rule = (ctx) =>
  countedMeetings(ctx)
    .filter((meeting) => meeting.selfAssessment !== null && isLowSelfAssessment(meeting.selfAssessment))
    .map((meeting) =>
      found(
        'MEETING_SELF_LOW',
        ctx.sheets.meetings,
        meeting.cells.selfAssessment,
        msg('MEETING_SELF_LOW', { meeting: meetingLabel(meeting), level: ref(`selfAssessment.${meeting.selfAssessment ?? 'kem'}`) }),
      ),
    );

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
