/**
 * The meeting form ("Ghi buổi sinh hoạt"), host-neutral: what the pane shows (the roster from
 * `Đảng viên`, the meetings already recorded), what a meeting will get by the per-meeting rules
 * before it is saved (the check's own core functions: minSpeakers, minDuration, attendancePasses
 * through meetingProblems), and what saving writes — one `Sinh hoạt` row and one `Điểm danh`
 * column as cell values, never another cell. The Office.js side (src/hosts/excel/meeting.ts) only
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
import { formatDate, isoToExcelSerial, isValidYmd, isoParts } from '../core/dates';
import { meetingProblems, minDuration, minSpeakers, type MeetingProblem } from '../core/meeting';
import type { Policy } from '../core/policy';
import { cellText, foldText } from '../core/text';
import type { AttendanceMark, IsoDate, MeetingKind, SelfAssessment } from '../core/types';
import { MEETING_KIND_LABELS, SELF_ASSESSMENT_LABELS, parseMark, parseMeetingKind, parseSelfAssessment, parseYesNo } from '../core/vocabulary';
import { a1, rangeA1 } from './a1';
import { readWorkbook } from './reader';
import { ATTENDANCE_SHEET, MEETINGS_SHEET, MEMBERS_SHEET, matchesColumn, type ColumnDef } from './layout/template';
import type { CellValue, SheetGrid } from './types';

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
function findColumns(grid: SheetGrid, columns: readonly ColumnDef[], anchor: string): { row: number; cols: Map<string, number> } | null {
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

// ---------------------------------------------------------------------------------- the write plan

/** One rectangular write: values (null = leave the cell as it is) and number formats. */
export interface RangeWrite {
  sheet: string;
  /** A1 range on the sheet. */
  address: string;
  values: (CellValue | null)[][];
  /** Number format per cell (null = leave it). */
  numberFormats: (string | null)[][];
}

/** How a grid cell reads for "is this cell free": a formula cell the add-in may fill counts as blank. */
export interface GridWithFormulas extends SheetGrid {
  /** Formulas by grid position, as Office.js gives them ("=…" or the value); optional. */
  formulas?: unknown[][];
}

export type SaveTarget = { mode: 'new' } | { mode: 'edit'; row: number; date: IsoDate };

export interface MeetingWritePlan {
  /** 1-based `Sinh hoạt` row written. */
  meetingRow: number;
  /** `Điểm danh` column letters written. */
  attendanceColumn: string;
  /** Members added at the bottom of `Điểm danh` (they had no row there yet). */
  addedMembers: string[];
  /** Other meetings already recorded on the same date (same-day sessions, SPEC §2). */
  sameDateRows: number[];
  writes: RangeWrite[];
}

export class MeetingSaveError extends Error {}

const DATE_FORMAT = 'dd/mm/yyyy';
const TEXT_FORMAT = '@';

function isFormulaCell(grid: GridWithFormulas, r: number, c: number): boolean {
  const formula = grid.formulas?.[r]?.[c];
  return typeof formula === 'string' && formula.startsWith('=');
}

/** A cell holding something a person typed (a formula's result is not that). */
function typedCell(grid: GridWithFormulas, r: number, c: number): boolean {
  if (isFormulaCell(grid, r, c)) return false;
  return cellText(grid.values[r]?.[c]) !== null;
}

function gridWidth(grid: SheetGrid): number {
  return grid.values.reduce((max, row) => Math.max(max, row.length), 0);
}

/** The last grid row (from `from`) holding a typed cell, or from − 1. */
function lastTypedRow(grid: GridWithFormulas, from: number): number {
  for (let r = grid.values.length - 1; r >= from; r--) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) if (typedCell(grid, r, c)) return r;
  }
  return from - 1;
}

function sameDate(value: unknown, date: IsoDate): boolean {
  if (typeof value === 'number') return Math.floor(value) === isoToExcelSerial(date);
  const text = cellText(value);
  if (text === null) return false;
  const match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (match) return Number(match[1]) === isoParts(date).day && Number(match[2]) === isoParts(date).month && Number(match[3]) === isoParts(date).year;
  return text === date;
}

function memberKeyOf(name: string | null, card: string | null, byCard: boolean): string {
  if (byCard && card !== null) return `card:${card.replace(/\s+/g, '').toUpperCase()}`;
  return `name:${foldText(name ?? '')
    .replace(/\s+/g, ' ')
    .trim()}`;
}

/** A label cell that already says the same thing is left as typed. */
function sameLabel<T>(value: unknown, wanted: T, parse: (text: string) => { ok: true; value: T } | { ok: false }): boolean {
  const text = cellText(value);
  if (text === null) return false;
  const parsed = parse(text);
  return parsed.ok && parsed.value === wanted;
}

/**
 * The writes that record the form: one `Sinh hoạt` row (the first row below every typed row for a
 * new meeting, the meeting's own row when editing) and one `Điểm danh` column (the first column
 * right of the names whose header and cells are all blank, or the meeting's own column when
 * editing). Members of the roster without a `Điểm danh` row get one below the last typed row.
 * Nothing else is written. Throws MeetingSaveError (Vietnamese) when the sheets cannot take it.
 */
export function planMeetingSave(
  form: MeetingForm,
  roster: readonly RosterMember[],
  meetingsGrid: GridWithFormulas,
  attendanceGrid: GridWithFormulas,
  target: SaveTarget,
): MeetingWritePlan {
  // ------------------------------------------------------------ Sinh hoạt
  const meetingHeader = findColumns(meetingsGrid, MEETINGS_SHEET.columns, 'date');
  if (!meetingHeader) throw new MeetingSaveError(`Trang "${meetingsGrid.name}" không có hàng tiêu đề với cột "Ngày"; hãy tạo trang bằng thẻ Mẫu.`);
  const missing = MEETINGS_SHEET.columns.filter((c) => c.required && !meetingHeader.cols.has(c.key)).map((c) => `"${c.header}"`);
  if (missing.length > 0)
    throw new MeetingSaveError(`Trang "${meetingsGrid.name}" thiếu cột ${missing.join(', ')}; cần thêm cột trước khi ghi buổi sinh hoạt.`);
  const dateCol = meetingHeader.cols.get('date') as number;
  const firstData = meetingHeader.row + 1;
  const sameDateRows: number[] = [];
  let existingMeetings = 0;
  for (let r = firstData; r < meetingsGrid.values.length; r++) {
    const row = meetingsGrid.values[r] ?? [];
    if (!row.some((_, c) => typedCell(meetingsGrid, r, c))) continue;
    existingMeetings += 1;
    const rowNumber = meetingsGrid.originRow + r + 1;
    if (sameDate(row[dateCol], form.date) && !(target.mode === 'edit' && target.row === rowNumber)) sameDateRows.push(rowNumber);
  }
  let r: number;
  if (target.mode === 'edit') {
    r = target.row - 1 - meetingsGrid.originRow;
    if (r < firstData || !sameDate(meetingsGrid.values[r]?.[dateCol], target.date)) {
      throw new MeetingSaveError(
        `Dòng ${target.row} của trang "${meetingsGrid.name}" không còn là buổi ngày ${formatDate(target.date)} (trang đã thay đổi); hãy tải lại danh sách buổi sinh hoạt.`,
      );
    }
  } else {
    r = lastTypedRow(meetingsGrid, firstData) + 1;
  }
  const marks = formMarks(form, roster);
  const counts = countFormMarks(marks);
  const existing = (c: number | undefined): unknown => (c === undefined ? null : (meetingsGrid.values[r]?.[c] ?? null));
  const editing = target.mode === 'edit';
  const rowValues = new Map<number, { value: CellValue; format: string | null }>();
  const put = (key: string, value: CellValue, format: string | null, unchanged: boolean): void => {
    const c = meetingHeader.cols.get(key);
    if (c === undefined) return;
    if (editing && unchanged) return;
    rowValues.set(c, { value, format });
  };
  const numberUnchanged = (key: string, value: number): boolean => {
    const old = existing(meetingHeader.cols.get(key));
    return typeof old === 'number' ? old === value : cellText(old) === String(value);
  };
  const yesNo = (value: boolean): string => (value ? 'Có' : 'Không');
  if (!editing) put('stt', existingMeetings + 1, null, false);
  put('date', isoToExcelSerial(form.date), DATE_FORMAT, sameDate(existing(dateCol), form.date));
  put('kind', MEETING_KIND_LABELS[form.kind], TEXT_FORMAT, sameLabel(existing(meetingHeader.cols.get('kind')), form.kind, parseMeetingKind));
  put('members', counts.members, null, numberUnchanged('members', counts.members));
  put('present', counts.present, null, numberUnchanged('present', counts.present));
  put('excused', counts.excused, null, numberUnchanged('excused', counts.excused));
  put('unexcused', counts.unexcused, null, numberUnchanged('unexcused', counts.unexcused));
  put('speakers', form.speakers, null, form.speakers !== null && numberUnchanged('speakers', form.speakers));
  put('minutes', form.minutes, null, form.minutes !== null && numberUnchanged('minutes', form.minutes));
  put(
    'chairSigned',
    yesNo(form.chairSigned),
    TEXT_FORMAT,
    sameLabel(existing(meetingHeader.cols.get('chairSigned')), form.chairSigned, parseYesNo) ||
      (!form.chairSigned && cellText(existing(meetingHeader.cols.get('chairSigned'))) === null),
  );
  put(
    'secretarySigned',
    yesNo(form.secretarySigned),
    TEXT_FORMAT,
    sameLabel(existing(meetingHeader.cols.get('secretarySigned')), form.secretarySigned, parseYesNo) ||
      (!form.secretarySigned && cellText(existing(meetingHeader.cols.get('secretarySigned'))) === null),
  );
  const selfCol = meetingHeader.cols.get('selfAssessment');
  if (form.selfAssessment !== null) {
    put(
      'selfAssessment',
      SELF_ASSESSMENT_LABELS[form.selfAssessment],
      TEXT_FORMAT,
      sameLabel(existing(selfCol), form.selfAssessment, parseSelfAssessment),
    );
  } else if (editing && selfCol !== undefined && cellText(existing(selfCol)) !== null) {
    // The clerk cleared the self-assessment of a meeting that had one.
    rowValues.set(selfCol, { value: '', format: null });
  }
  const writes: RangeWrite[] = [];
  const rowNumber = meetingsGrid.originRow + r;
  if (rowValues.size > 0) {
    const cols = [...rowValues.keys()];
    const from = Math.min(...cols);
    const to = Math.max(...cols);
    const values: (CellValue | null)[] = [];
    const formats: (string | null)[] = [];
    for (let c = from; c <= to; c++) {
      const entry = rowValues.get(c);
      values.push(entry ? entry.value : null);
      formats.push(entry ? entry.format : null);
    }
    writes.push({
      sheet: meetingsGrid.name,
      address: rangeA1(rowNumber, meetingsGrid.originCol + from, rowNumber, meetingsGrid.originCol + to),
      values: [values],
      numberFormats: [formats],
    });
  }

  // ------------------------------------------------------------ Điểm danh
  const attendanceHeader = findColumns(attendanceGrid, ATTENDANCE_SHEET.columns, 'name');
  if (!attendanceHeader)
    throw new MeetingSaveError(`Trang "${attendanceGrid.name}" không có hàng tiêu đề với cột "Họ và tên"; hãy tạo trang bằng thẻ Mẫu.`);
  const nameCol = attendanceHeader.cols.get('name') as number;
  const cardCol = attendanceHeader.cols.get('card');
  const headerRow = attendanceHeader.row;
  const byCard = cardCol !== undefined && roster.some((m) => m.card !== null);
  const width = gridWidth(attendanceGrid);
  const columnFree = (c: number): boolean => {
    for (let row = headerRow; row < attendanceGrid.values.length; row++) if (typedCell(attendanceGrid, row, c)) return false;
    return true;
  };
  let markCol: number;
  if (editing) {
    const sameDayIndex = countSameDayBefore(meetingsGrid, dateCol, firstData, r, target.date);
    const dated: number[] = [];
    for (let c = 0; c < width; c++) {
      if (c === nameCol || c === cardCol) continue;
      if (sameDate(attendanceGrid.values[headerRow]?.[c], target.date) && !isFormulaCell(attendanceGrid, headerRow, c)) dated.push(c);
    }
    markCol = dated[sameDayIndex] ?? firstFreeColumn();
  } else {
    markCol = firstFreeColumn();
  }
  function firstFreeColumn(): number {
    const fixed = Math.max(nameCol, cardCol ?? -1);
    let c = fixed + 1;
    while (c < width && !(cellText(attendanceGrid.values[headerRow]?.[c]) === null && columnFree(c))) c++;
    return c;
  }
  const rowsByKey = new Map<string, number>();
  for (let row = headerRow + 1; row < attendanceGrid.values.length; row++) {
    const name = cellText(attendanceGrid.values[row]?.[nameCol]);
    const card = cardCol === undefined ? null : cellText(attendanceGrid.values[row]?.[cardCol]);
    if (name === null && card === null) continue;
    const key = memberKeyOf(name, card, byCard);
    if (!rowsByKey.has(key)) rowsByKey.set(key, row);
    // A row found by name also answers for a member whose card the list does not give.
    const nameOnly = memberKeyOf(name, null, false);
    if (!rowsByKey.has(nameOnly)) rowsByKey.set(nameOnly, row);
  }
  let nextFree = lastTypedRow(attendanceGrid, headerRow + 1) + 1;
  const markByRow = new Map<number, CellValue>();
  const added: { row: number; member: RosterMember }[] = [];
  roster.forEach((member, index) => {
    const mark = marks[index] ?? null;
    let row = rowsByKey.get(memberKeyOf(member.name, member.card, byCard)) ?? rowsByKey.get(memberKeyOf(member.name, null, false));
    if (row === undefined) {
      if (mark === null) return; // not required and not on the sheet: nothing to write
      row = nextFree;
      nextFree += 1;
      added.push({ row, member });
    }
    const old = attendanceGrid.values[row]?.[markCol];
    const oldText = isFormulaCell(attendanceGrid, row, markCol) ? null : cellText(old);
    if (mark === null) {
      if (oldText !== null) markByRow.set(row, '');
      return;
    }
    if (oldText !== null && sameLabel(old, mark, parseMark)) return;
    markByRow.set(row, mark);
  });
  const headerUnchanged = editing && sameDate(attendanceGrid.values[headerRow]?.[markCol], form.date);
  const top = headerUnchanged && markByRow.size > 0 ? Math.min(...markByRow.keys()) : headerRow;
  const bottom = markByRow.size > 0 ? Math.max(...markByRow.keys()) : headerRow;
  if (!headerUnchanged || markByRow.size > 0) {
    const values: (CellValue | null)[][] = [];
    const formats: (string | null)[][] = [];
    for (let row = top; row <= bottom; row++) {
      if (row === headerRow && !headerUnchanged) {
        values.push([isoToExcelSerial(form.date)]);
        formats.push([DATE_FORMAT]);
      } else {
        const mark = markByRow.get(row);
        values.push([mark === undefined ? null : mark]);
        formats.push([mark === undefined ? null : TEXT_FORMAT]);
      }
    }
    writes.push({
      sheet: attendanceGrid.name,
      address: rangeA1(
        attendanceGrid.originRow + top,
        attendanceGrid.originCol + markCol,
        attendanceGrid.originRow + bottom,
        attendanceGrid.originCol + markCol,
      ),
      values,
      numberFormats: formats,
    });
  }
  for (const { row, member } of added) {
    const sheetRow = attendanceGrid.originRow + row;
    writes.push({
      sheet: attendanceGrid.name,
      address: a1(sheetRow, attendanceGrid.originCol + nameCol),
      values: [[member.name]],
      numberFormats: [[TEXT_FORMAT]],
    });
    if (cardCol !== undefined && member.card !== null) {
      writes.push({
        sheet: attendanceGrid.name,
        address: a1(sheetRow, attendanceGrid.originCol + cardCol),
        values: [[member.card]],
        numberFormats: [[TEXT_FORMAT]],
      });
    }
  }
  return {
    meetingRow: rowNumber + 1,
    attendanceColumn: rangeA1(0, attendanceGrid.originCol + markCol, 0, attendanceGrid.originCol + markCol).replace(/\d+$/, ''),
    addedMembers: added.map((a) => a.member.name),
    sameDateRows,
    writes,
  };
}

/** How many typed rows with the date come before grid row r (same-day sessions pair in order). */
function countSameDayBefore(grid: GridWithFormulas, dateCol: number, from: number, r: number, date: IsoDate): number {
  let count = 0;
  for (let row = from; row < r; row++) if (!isFormulaCell(grid, row, dateCol) && sameDate(grid.values[row]?.[dateCol], date)) count += 1;
  return count;
}
