/**
 * The meeting form ("Ghi buổi sinh hoạt"), host-neutral: what the pane shows (the roster from
 * `Đảng viên`, the meetings already recorded), what a meeting will get by the per-meeting rules
 * before it is saved (the check's own core functions: minSpeakers, minDuration, attendancePasses
 * through meetingProblems); what saving writes — one `Sinh hoạt` row and one `Điểm danh`
 * column as cell values, never another cell — is meetingSave.ts. The Office.js side (src/hosts/excel/meeting.ts) only
 * moves these grids and writes in and out.
 *
 * Choices (README, "Ghi buổi sinh hoạt"):
 * - `Số đảng viên` of the row is the number of members required at the meeting (C + P + K marks):
 *   members exempt from meetings (M), on special duty (D) and transferred out (blank) are left
 *   out, as the bundled sample counts them, so speakers and minutes are judged on that size.
 * - The counts are written as values computed from the marks (they replace the template's count
 *   formulas in that row only), so the row reads the same in any program, calculated or not.
 * - Editing rewrites only the cells whose value changes: a mark or a label the clerk typed in
 *   another accepted spelling ("x", "Đã ký") that means the same is left as typed.
 */
import { isRequiredMark } from '../core/attendance';
import { isValidYmd, isoParts } from '../core/dates';
import { meetingProblems, minDuration, minSpeakers, type MeetingProblem } from '../core/meeting';
import type { Policy } from '../core/policy';
import { cellText, foldText } from '../core/text';
import type { AttendanceMark, IsoDate, MeetingKind, SelfAssessment } from '../core/types';
import { MEETING_KIND_LABELS } from '../core/vocabulary';
import { readWorkbook } from './read';
import { MEMBERS_SHEET, matchesColumn, type ColumnDef } from './layout/template';
import type { SheetGrid } from './types';

// ---------------------------------------------------------------------------------- the roster

/** A member as the form lists them. */
export interface RosterMember {
  /** The reader's key (Số thẻ đảng viên when the sheet has that column, else the folded name). */
  key: string;
  name: string;
  card: string | null;
  exempt: boolean;
  /** `Ghi chú` says the member transferred out (SPEC §2): shown, not required. */
  transferred: boolean;
  note: string | null;
}

/** A meeting already in `Sinh hoạt`, as the form offers it for editing. */
export interface RecordedMeeting {
  /** 1-based sheet row. */
  row: number;
  date: IsoDate;
  kind: MeetingKind | null;
  speakers: number | null;
  minutes: number | null;
  chairSigned: boolean;
  secretarySigned: boolean;
  selfAssessment: SelfAssessment | null;
  /** Marks of its `Điểm danh` column by member key; null when it has no column. */
  marks: Record<string, AttendanceMark | null> | null;
}

export interface MeetingBook {
  /** The sheet names as the workbook spells them; null when a sheet is absent. */
  sheets: { members: string | null; meetings: string | null; attendance: string | null };
  roster: RosterMember[];
  meetings: RecordedMeeting[];
  /** `Loại hình` is Lực lượng vũ trang: the D mark may be used. */
  armedForces: boolean;
  year: number | null;
}

const TRANSFER_PREFIXES = ['chuyen di', 'chuyen sinh hoat di', 'da chuyen sinh hoat'];

/** A `Ghi chú` that records a transfer out (SPEC §2). */
export function isTransferNote(note: string | null): boolean {
  if (note === null) return false;
  const folded = foldText(note).replace(/\s+/g, ' ').trim();
  return TRANSFER_PREFIXES.some((prefix) => folded.startsWith(prefix));
}

/** The header row (0-based grid row) and the grid column of each named column, or null. */
/** The header row of `columns` near `anchor` and the column of each key; null when not found. */
export function findColumns(grid: SheetGrid, columns: readonly ColumnDef[], anchor: string): { row: number; cols: Map<string, number> } | null {
  const rows = Math.min(10, grid.values.length);
  for (let r = 0; r < rows; r++) {
    const cols = new Map<string, number>();
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (text === null) continue;
      const column = columns.find((def) => !cols.has(def.key) && matchesColumn(text, def));
      if (column) cols.set(column.key, c);
    }
    if (cols.has(anchor)) return { row: r, cols };
  }
  return null;
}

/** What the form needs from the workbook's sheets (the reader's records, plus notes and cards). */
export function meetingBookOf(grids: readonly SheetGrid[]): MeetingBook {
  const read = readWorkbook(grids);
  const { records, sheetNames } = read;
  const membersGrid = grids.find((g) => g.name === sheetNames.members) ?? null;
  const memberColumns = membersGrid ? findColumns(membersGrid, MEMBERS_SHEET.columns, 'name') : null;
  const cellOfRow = (row: number, key: string): string | null => {
    if (!membersGrid || !memberColumns) return null;
    const c = memberColumns.cols.get(key);
    if (c === undefined) return null;
    const value = membersGrid.values[row - 1 - membersGrid.originRow]?.[c];
    return cellText(value);
  };
  const roster: RosterMember[] = (records.members ?? []).map((member) => {
    const note = cellOfRow(member.row, 'note');
    return {
      key: member.key,
      name: member.name,
      card: cellOfRow(member.row, 'card'),
      exempt: member.exempt,
      transferred: isTransferNote(note),
      note,
    };
  });
  const matrix = records.attendance;
  const usedColumns = new Set<number>();
  const meetings: RecordedMeeting[] = [];
  for (const meeting of records.meetings ?? []) {
    if (meeting.date === null) continue;
    let marks: Record<string, AttendanceMark | null> | null = null;
    if (matrix) {
      // Same-day sessions: the n-th row of a date pairs with the n-th column of that date.
      const index = matrix.columns.findIndex((column, i) => column.date === meeting.date && !usedColumns.has(i));
      if (index >= 0) {
        usedColumns.add(index);
        marks = {};
        for (const row of matrix.rows) marks[row.key] = row.marks[index] ?? null;
      }
    }
    meetings.push({
      row: meeting.row,
      date: meeting.date,
      kind: meeting.kind,
      speakers: meeting.speakers,
      minutes: meeting.minutes,
      chairSigned: meeting.chairSigned,
      secretarySigned: meeting.secretarySigned,
      selfAssessment: meeting.selfAssessment,
      marks,
    });
  }
  return {
    sheets: { members: sheetNames.members ?? null, meetings: sheetNames.meetings ?? null, attendance: sheetNames.attendance ?? null },
    roster,
    meetings,
    armedForces: records.info.type === 'vu-trang',
    year: records.info.year,
  };
}

// ------------------------------------------------------------------------------------ the form

/** A mark in the form; null = not required (left blank). */
export type FormMark = AttendanceMark | null;

export interface MeetingForm {
  date: IsoDate;
  kind: MeetingKind;
  /** Marks by member key. A member of the roster without an entry takes defaultMark. */
  marks: Record<string, FormMark>;
  speakers: number | null;
  minutes: number | null;
  chairSigned: boolean;
  secretarySigned: boolean;
  selfAssessment: SelfAssessment | null;
}

/** Everyone present until marked; exempt members M, members who transferred out not required. */
export function defaultMark(member: RosterMember): FormMark {
  if (member.transferred) return null;
  if (member.exempt) return 'M';
  return 'C';
}

/** The form's marks for every member of the roster (defaults filled in). */
export function formMarks(form: Pick<MeetingForm, 'marks'>, roster: readonly RosterMember[]): FormMark[] {
  return roster.map((member) => (member.key in form.marks ? (form.marks[member.key] ?? null) : defaultMark(member)));
}

/** A new form for a date: today's date by default, everyone present until marked. */
export function newMeetingForm(date: IsoDate, roster: readonly RosterMember[]): MeetingForm {
  const marks: Record<string, FormMark> = {};
  for (const member of roster) marks[member.key] = defaultMark(member);
  return { date, kind: 'regular', marks, speakers: null, minutes: null, chairSigned: true, secretarySigned: true, selfAssessment: null };
}

/** The form filled from a recorded meeting (for editing it). */
export function formOfMeeting(meeting: RecordedMeeting, roster: readonly RosterMember[]): MeetingForm {
  const marks: Record<string, FormMark> = {};
  for (const member of roster) {
    marks[member.key] = meeting.marks ? (meeting.marks[member.key] ?? null) : defaultMark(member);
  }
  return {
    date: meeting.date,
    kind: meeting.kind ?? 'regular',
    marks,
    speakers: meeting.speakers,
    minutes: meeting.minutes,
    chairSigned: meeting.chairSigned,
    secretarySigned: meeting.secretarySigned,
    selfAssessment: meeting.selfAssessment,
  };
}

export interface MeetingCounts {
  /** Số đảng viên: members required at the meeting (C + P + K). */
  members: number;
  present: number;
  excused: number;
  unexcused: number;
  /** M and D marks: on the list, not in the attendance base. */
  notRequired: number;
}

export function countFormMarks(marks: readonly FormMark[]): MeetingCounts {
  const counts: MeetingCounts = { members: 0, present: 0, excused: 0, unexcused: 0, notRequired: 0 };
  for (const mark of marks) {
    if (mark === 'C') counts.present += 1;
    else if (mark === 'P') counts.excused += 1;
    else if (mark === 'K') counts.unexcused += 1;
    else if (mark === 'M' || mark === 'D') counts.notRequired += 1;
    if (isRequiredMark(mark)) counts.members += 1;
  }
  return counts;
}

export type FormField = 'date' | 'kind' | 'marks' | 'speakers' | 'minutes';

export interface FormError {
  field: FormField;
  message: string;
}

/** What keeps the form from being saved, each with its field and a Vietnamese message. */
export function validateMeetingForm(form: MeetingForm, book: Pick<MeetingBook, 'roster' | 'armedForces'>): FormError[] {
  const errors: FormError[] = [];
  const parts = /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? isoParts(form.date) : null;
  if (!parts || !isValidYmd(parts.year, parts.month, parts.day)) {
    errors.push({ field: 'date', message: 'Ngày sinh hoạt không hợp lệ; cần một ngày có thật (dd/mm/yyyy).' });
  }
  if (!(form.kind in MEETING_KIND_LABELS)) errors.push({ field: 'kind', message: 'Cần chọn loại sinh hoạt: Thường kỳ, Chuyên đề hoặc Kết hợp.' });
  const marks = formMarks(form, book.roster);
  if (book.roster.length === 0) {
    errors.push({ field: 'marks', message: 'Trang "Đảng viên" chưa có đảng viên nào; cần ghi danh sách đảng viên trước.' });
  } else if (countFormMarks(marks).members === 0) {
    errors.push({
      field: 'marks',
      message: 'Không có đảng viên nào phải dự buổi này (tất cả được miễn hoặc đã chuyển đi); cần ít nhất một đảng viên có mặt hoặc vắng.',
    });
  }
  book.roster.forEach((member, index) => {
    const mark = marks[index];
    if (mark === 'M' && !member.exempt) {
      errors.push({
        field: 'marks',
        message: `Đảng viên ${member.name} không được miễn sinh hoạt (cột "Miễn sinh hoạt"), không ghi "M" được; hãy chọn có mặt hoặc vắng.`,
      });
    }
    if (mark === 'D' && !book.armedForces) {
      errors.push({
        field: 'marks',
        message: `Ký hiệu "D" (nhiệm vụ đặc biệt) chỉ dùng cho lực lượng vũ trang; đảng viên ${member.name} cần ghi có mặt hoặc vắng.`,
      });
    }
  });
  const whole = (value: number | null, field: 'speakers' | 'minutes', what: string): void => {
    if (value === null || !Number.isInteger(value) || value < 0 || value > 100_000) {
      errors.push({ field, message: `Cần ghi ${what} là số nguyên từ 0 trở lên.` });
    }
  };
  whole(form.speakers, 'speakers', 'số ý kiến phát biểu');
  whole(form.minutes, 'minutes', 'thời gian sinh hoạt (phút)');
  return errors;
}

// ------------------------------------------------------------------------------------ preview

export interface MeetingPreview {
  counts: MeetingCounts;
  /** C / (C + P + K); null when no member is required. */
  rate: number | null;
  attendanceMinPercent: number;
  speakersNeeded: number;
  minutesNeeded: number;
  /** The per-meeting rules' findings (the check's SPEAKERS_LOW, DURATION_SHORT and the attendance rule). */
  problems: MeetingProblem[];
  /** Minutes rules of the check that the form also shows. */
  unsigned: ('chair' | 'secretary')[];
  selfAssessmentMissing: boolean;
}

/**
 * What the meeting will get by the per-meeting rules, computed by the core functions the check
 * uses. Speakers and minutes still missing from the form are not judged yet.
 */
export function previewMeeting(form: MeetingForm, roster: readonly RosterMember[], policy: Policy): MeetingPreview {
  const counts = countFormMarks(formMarks(form, roster));
  const speakersNeeded = minSpeakers(counts.members, policy);
  const minutesNeeded = minDuration(counts.members, form.kind, policy);
  let problems: MeetingProblem[] = [];
  if (counts.members > 0) {
    problems = meetingProblems(
      {
        members: counts.members,
        present: counts.present,
        // Known speakers and minutes only: a blank field is shown as missing, not as too low.
        speakers: form.speakers ?? Number.POSITIVE_INFINITY,
        minutes: form.minutes ?? Number.POSITIVE_INFINITY,
        kind: form.kind,
        excused: 0,
      },
      policy,
    );
  }
  const unsigned: ('chair' | 'secretary')[] = [];
  if (!form.chairSigned) unsigned.push('chair');
  if (!form.secretarySigned) unsigned.push('secretary');
  return {
    counts,
    rate: counts.members > 0 ? counts.present / counts.members : null,
    attendanceMinPercent: policy.attendanceMinPercent,
    speakersNeeded,
    minutesNeeded,
    problems,
    unsigned,
    selfAssessmentMissing: form.selfAssessment === null,
  };
}
