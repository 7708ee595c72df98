/**
 * The typed records every rule works on, and what rules and checks return.
 * Records are made by src/workbook from sheet grids; rules never see a cell value, only these.
 */

import type { IsoDate } from './isoDate';
import type { MessageRef } from './messages/render';

export type { IsoDate };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; text?: MessageRef };

export const CRITERION_IDS = ['1.1', '1.2', '1.3', '1.4'] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** Rating levels, highest first; KXL (Không xếp loại) is not rated and never counted. */
export type RatingLevel = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV' | 'KXL';
export type RatedLevel = Exclude<RatingLevel, 'KXL'>;

export type MeetingKind = 'regular' | 'thematic' | 'combined';
/** C present, P absent with reason, K absent without reason, M exempt, D armed-forces special duty. */
export type AttendanceMark = 'C' | 'P' | 'K' | 'M' | 'D';
export type OrgKind = 'chi-bo' | 'dang-bo';
export type OrgLevel = 'co-so' | 'truc-thuoc';
/** Loại hình: chooses the 1.1 sub-criteria (seed II.1.1 b/ (1)–(4)). */
export type OrgType = 'co-quan' | 'vu-trang' | 'dia-ban' | 'doanh-nghiep';
export type SelfAssessment = 'tot' | 'kha' | 'trung-binh' | 'kem' | 'dat' | 'khong-dat';

/** Where a value came from; cell is an A1 address or null for a whole sheet or a yearly figure. */
export interface Place {
  sheet: string | null;
  cell: string | null;
}

export interface OrgInfo {
  name: string | null;
  kind: OrgKind | null;
  level: OrgLevel | null;
  type: OrgType | null;
  year: number | null;
  superior: string | null;
  hasCommittee: boolean | null;
  /** null when the row is missing or blank (a warning), false when "Không" (blocks). */
  minutesBookStamped: boolean | null;
  minutesBookStampedCell: string | null;
  /** The seal row holds text that is neither Có nor Không (already a data error): no reason either way. */
  minutesBookStampedUnreadable?: boolean;
}

export interface Member {
  /** Số thẻ đảng viên when the sheet has that column, else the folded name. */
  key: string;
  name: string;
  exempt: boolean;
  /** `Miễn sinh hoạt` holds text that is neither Có nor Không (a data error): the member's attendance rules are skipped. */
  exemptUnreadable?: boolean;
  /** `Ghi chú` says the member transferred out during the year: out of the rating shares and RATING_MISSING. */
  transferred?: boolean;
  /** null: blank (or unreadable) cell. */
  rating: RatingLevel | null;
  /** The rating cell holds text that is not a rating (already a data error): not "missing". */
  ratingUnreadable?: boolean;
  /** null: no discipline in the evaluation year (or an unreadable cell, a data error); else the text that names it. */
  discipline: string | null;
  row: number;
  nameCell: string;
  ratingCell: string;
  disciplineCell: string | null;
}

export interface Meeting {
  row: number;
  date: IsoDate | null;
  kind: MeetingKind | null;
  members: number | null;
  present: number | null;
  excused: number;
  unexcused: number;
  speakers: number | null;
  minutes: number | null;
  chairSigned: boolean;
  secretarySigned: boolean;
  selfAssessment: SelfAssessment | null;
  /** `Vắng có lý do` or `Vắng không lý do` holds something that is not a count (already a data error). */
  absencesUnreadable?: boolean;
  /** A1 address of each field's cell, by field name ("date", "kind", "members", …). */
  cells: Record<MeetingField, string>;
  /**
   * Fields whose cell holds something that could not be read (already a data error), as opposed to
   * blank: a rule that needs such a field is skipped, never decided on a made-up value (SPEC §3).
   */
  unreadable?: readonly MeetingField[];
}

export type MeetingField =
  'date' | 'kind' | 'members' | 'present' | 'excused' | 'unexcused' | 'speakers' | 'minutes' | 'chairSigned' | 'secretarySigned' | 'selfAssessment';

/** The Điểm danh matrix: one column per meeting date, one row per member. */
export interface AttendanceMatrix {
  sheet: string;
  columns: { date: IsoDate; headerCell: string }[];
  /** A meeting column's date could not be read (a data error): streaks and the yearly rate are not computed. */
  unreadableColumns?: boolean;
  rows: {
    key: string;
    name: string;
    /** One mark per column, null where blank (not required) or unreadable. */
    marks: (AttendanceMark | null)[];
    cells: string[];
    /** Some mark of the row could not be read (a data error): the row's absences and the yearly rate are not computed. */
    unreadable?: boolean;
  }[];
}

export interface CriterionRow {
  /** "1.1", "1.2.3", … as text. */
  code: string;
  maxPoints: number | null;
  selfPoints: number | null;
  row: number;
  codeCell: string;
  selfCell: string;
  /** The first point cell of the row that is invalid or unreadable (a data error): its criterion is not computed. */
  invalidCell?: string;
}

export interface SubordinateCell {
  name: string;
  members: number | null;
  rating: RatingLevel | null;
  /** The rating cell holds text that is not a rating (already a data error): not "missing". */
  ratingUnreadable?: boolean;
  isModel: boolean | null;
  row: number;
  ratingCell: string;
}

/** Everything read from one organisation's workbook; a sheet that is absent is null. */
export interface OrgRecords {
  info: OrgInfo;
  members: Member[] | null;
  meetings: Meeting[] | null;
  attendance: AttendanceMatrix | null;
  criteria: CriterionRow[] | null;
  subordinates: SubordinateCell[] | null;
}

export type ReasonCode =
  | 'CRITERION_LOW'
  | 'CRITERION_MISSING'
  | 'RATING_NOT_COMPLETED'
  | 'RATING_GOOD_SHARE_LOW'
  | 'CELL_NOT_COMPLETED'
  | 'CELL_GOOD_SHARE_LOW'
  | 'RATING_MISSING'
  | 'EXCELLENT_CAP'
  | 'ATTENDANCE_LOW'
  | 'MEETING_ATTENDANCE_LOW'
  | 'ABSENCE_UNEXCUSED'
  | 'ABSENCE_STREAK'
  | 'SPEAKERS_LOW'
  | 'DURATION_SHORT'
  | 'REGULAR_MONTH_MISSING'
  | 'THEMATIC_QUARTER_MISSING'
  | 'MINUTES_UNSIGNED'
  | 'MINUTES_BOOK_UNSTAMPED'
  | 'SELF_ASSESSMENT_MISSING'
  | 'MEETING_SELF_LOW'
  | 'DISCIPLINE'
  | 'YEAR_NOT_OVER'
  | 'DATA_INVALID';

export const REASON_CODES: readonly ReasonCode[] = [
  'CRITERION_LOW',
  'CRITERION_MISSING',
  'RATING_NOT_COMPLETED',
  'RATING_GOOD_SHARE_LOW',
  'CELL_NOT_COMPLETED',
  'CELL_GOOD_SHARE_LOW',
  'RATING_MISSING',
  'EXCELLENT_CAP',
  'ATTENDANCE_LOW',
  'MEETING_ATTENDANCE_LOW',
  'ABSENCE_UNEXCUSED',
  'ABSENCE_STREAK',
  'SPEAKERS_LOW',
  'DURATION_SHORT',
  'REGULAR_MONTH_MISSING',
  'THEMATIC_QUARTER_MISSING',
  'MINUTES_UNSIGNED',
  'MINUTES_BOOK_UNSTAMPED',
  'SELF_ASSESSMENT_MISSING',
  'MEETING_SELF_LOW',
  'DISCIPLINE',
  'YEAR_NOT_OVER',
  'DATA_INVALID',
];

export type Severity = 'block' | 'warn';

/**
 * What a rule found. `severity` is set only where the rule itself decides it (the
 * MINUTES_BOOK_UNSTAMPED row that is missing is a warning); otherwise the policy decides.
 */
export interface Finding extends Place {
  code: ReasonCode;
  /** Vietnamese, as the JSON and the SPEC give it. */
  message: string;
  /** The catalogue reference to render the message in another language (messageIn). */
  text?: MessageRef;
  severity?: Severity;
}

export interface Reason extends Place {
  code: ReasonCode;
  severity: Severity;
  message: string;
  text?: MessageRef;
}

export type IssueCode =
  | 'SHEET_MISSING'
  | 'COLUMN_MISSING'
  | 'VALUE_INVALID'
  | 'NUMBER_INVALID'
  | 'DATE_INVALID'
  | 'DATE_OUT_OF_YEAR'
  | 'COUNT_MISMATCH'
  | 'DUPLICATE_MEMBER'
  | 'MATRIX_MISMATCH'
  | 'LEGACY_ENCODING'
  | 'SCORE_INVALID'
  | 'SCORE_MISSING'
  | 'KXL_UNEXPLAINED';

export const ISSUE_CODES: readonly IssueCode[] = [
  'SHEET_MISSING',
  'COLUMN_MISSING',
  'VALUE_INVALID',
  'NUMBER_INVALID',
  'DATE_INVALID',
  'DATE_OUT_OF_YEAR',
  'COUNT_MISMATCH',
  'DUPLICATE_MEMBER',
  'MATRIX_MISMATCH',
  'LEGACY_ENCODING',
  'SCORE_INVALID',
  'SCORE_MISSING',
  'KXL_UNEXPLAINED',
];

export interface Issue {
  severity: 'error' | 'warning';
  sheet: string;
  cell: string | null;
  code: IssueCode;
  message: string;
  text?: MessageRef;
}

export interface CriterionResult {
  id: CriterionId;
  /** 100 × Σ self / Σ max, unrounded; null when the criterion has no scored row or cannot be computed. */
  percent: number | null;
  /** null when the percent cannot be computed (an invalid point cell): neither met nor missed. */
  pass: boolean | null;
  /** Where the invalid point cell is, when the percent cannot be computed ("sửa trang Tiêu chí, ô D8"). */
  invalidAt?: { sheet: string; cell: string };
}
