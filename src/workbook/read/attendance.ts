/**
 * `Điểm danh`: the attendance matrix (a row per member, a column per meeting date), the marks
 * checked against the member list, and the matrix compared with `Sinh hoạt` (MATRIX_MISMATCH).
 */
import { isoParts, parseDate } from '../../core/dates';
import { msg, ref, type Message, type MessageParam } from '../../core/messages';
import '../../core/messages/viIssues';
import { sameDayPairs } from '../../core/sessions';
import type { AttendanceMark, AttendanceMatrix, IsoDate, Meeting, MeetingField, OrgType, Parsed } from '../../core/types';
import { parseMark } from '../../core/vocabulary';
import { ATTENDANCE_SHEET, SHEET_NAMES } from '../layout/template';
import { FORMULA_WITHOUT_RESULT } from '../types';
import { NO_RESULT, cardKey, columnProblem, formulaIssue, nameKey } from './cells';
import type { MembersRead } from './members';
import { locateHeader, reportMissingColumns, rowBlank, type SheetView } from './sheetView';

/** A header that looks like a date attempt ("05/13/2025", "31/02"), as opposed to a plain label. */
const DATE_LIKE = /\d{1,4}\s*[/.-]\s*\d{1,2}/;
/** Excel serial of 01/01/2000: smaller numbers in a header are meeting numbers, not dates. */
const MIN_HEADER_SERIAL = 36_526;

type HeaderDate = { state: 'date'; date: IsoDate } | { state: 'bad'; text: MessageParam } | { state: 'none' };

function headerDate(sheet: SheetView, r: number, c: number): HeaderDate {
  const value = sheet.raw(r, c);
  if (value instanceof Date) {
    const parsed = parseDate(value);
    return parsed.ok ? { state: 'date', date: parsed.value } : { state: 'bad', text: parsed.text ?? parsed.message };
  }
  if (typeof value === 'number') {
    if (value < MIN_HEADER_SERIAL) return { state: 'bad', text: ref('date.headerNumber', { value: String(value) }) };
    const parsed = parseDate(value);
    return parsed.ok ? { state: 'date', date: parsed.value } : { state: 'bad', text: parsed.text ?? parsed.message };
  }
  const text = sheet.text(r, c);
  if (text === null || !DATE_LIKE.test(text)) return { state: 'none' };
  const parsed = parseDate(text);
  return parsed.ok ? { state: 'date', date: parsed.value } : { state: 'bad', text: parsed.text ?? parsed.message };
}

/** C, P and K marks of each matrix column (indices as in matrix.columns). */
type MarkCounts = Record<'C' | 'P' | 'K', number[]>;

export interface AttendanceRead {
  matrix: AttendanceMatrix;
  counts: MarkCounts;
}

export function readAttendance(sheet: SheetView, members: MembersRead | null, type: OrgType | null): AttendanceRead | null {
  const columns = ATTENDANCE_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const nameCol = header.cols.get('name');
  if (nameCol === undefined) return null;
  const cardCol = header.cols.get('card');
  const fixed = new Set(header.cols.values());
  const dateCols: { c: number; date: IsoDate; headerCell: string }[] = [];
  /** A column whose date could not be read: absences cannot be told consecutive, nor the rate complete. */
  let unreadableColumns = false;
  for (let c = 0; c < sheet.width(header.row); c++) {
    if (fixed.has(c)) continue;
    const found = headerDate(sheet, header.row, c);
    if (found.state === 'date') dateCols.push({ c, date: found.date, headerCell: sheet.addr(header.row, c) });
    else if (found.state === 'bad') {
      sheet.issue('DATE_INVALID', sheet.addr(header.row, c), msg('issue.attendanceHeader', { problem: found.text }));
      unreadableColumns = true;
    } else if (sheet.formulaWithoutResult(header.row, c)) {
      sheet.issue('DATE_INVALID', sheet.addr(header.row, c), msg('issue.attendanceHeader', { problem: NO_RESULT }));
      unreadableColumns = true;
    }
  }
  // Member keys by folded name, to give matrix rows the key their member has in Đảng viên.
  // Built on first use: with a Số thẻ column every row is keyed by its card and needs no name.
  let byNameMap: Map<string, string | null> | null = null;
  const byName = (): Map<string, string | null> => {
    if (byNameMap) return byNameMap;
    byNameMap = new Map();
    for (const member of members?.members ?? []) {
      const key = nameKey(member.name);
      byNameMap.set(key, byNameMap.has(key) ? null : member.key);
    }
    return byNameMap;
  };
  const matrix: AttendanceMatrix = {
    sheet: sheet.name,
    columns: dateCols.map(({ date, headerCell }) => ({ date, headerCell })),
    rows: [],
    ...(unreadableColumns ? { unreadableColumns } : {}),
  };
  // Marks must agree with the member list (SPEC §2): M only for a member exempt from meetings, D
  // only in the armed forces — any other M or D would hide an absence.
  // The member list's own key sets answer it: no map of every member is built for the M marks.
  const mayBeExempt = (key: string): boolean => members === null || !members.keys.has(key) || members.exemptKeys.has(key);
  const specialDutyAllowed = type === 'vu-trang';
  const scanned = [nameCol, ...(cardCol === undefined ? [] : [cardCol]), ...dateCols.map((d) => d.c)];
  const markCols = dateCols.map((d) => d.c);
  const markLetters = markCols.map((c) => sheet.columnLetters(c));
  /**
   * A row of the matrix whose marks' A1 addresses (`cells`) are built when asked: a large matrix
   * has 100 000+ marks, and only the few a finding points at need their address. A class, not an
   * object literal with a getter: V8 keeps such literals in slow (dictionary) mode.
   */
  class MatrixRow {
    constructor(
      readonly key: string,
      readonly name: string,
      readonly marks: (AttendanceMark | null)[],
      /** 1-based sheet row. */
      readonly row: number,
      /** Some mark could not be read (a data error). */
      readonly unreadable: boolean,
    ) {}

    get cells(): string[] {
      return markLetters.map((letters) => `${letters}${this.row}`);
    }
  }
  /** The same for a one-character text (C, P, K …), by its character code: no map look-up per mark. */
  const marksByChar: (Parsed<AttendanceMark> | undefined)[] = [];
  const countC = new Array<number>(markCols.length).fill(0);
  const countP = new Array<number>(markCols.length).fill(0);
  const countK = new Array<number>(markCols.length).fill(0);
  const counts: MarkCounts = { C: countC, P: countP, K: countK };
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    // A row with a name is not blank: the other cells need no look before they are read.
    if (sheet.blank(r, nameCol) && rowBlank(sheet, r, scanned)) continue;
    const name = sheet.text(r, nameCol);
    if (name === null) {
      if (sheet.formulaWithoutResult(r, nameCol)) formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, nameCol), 'Họ và tên');
      else sheet.issue('VALUE_INVALID', sheet.addr(r, nameCol), msg('VALUE_INVALID.markName', { row: String(sheet.rowNumber(r)) }));
      continue;
    }
    const card = cardCol === undefined ? null : sheet.text(r, cardCol);
    let key: string;
    if (card !== null && members?.byCard !== false) key = cardKey(card);
    else key = byName().get(nameKey(name)) ?? nameKey(name);
    // Sized once (pushing 24 marks grows the array twice, for every row).
    const marks = new Array<AttendanceMark | null>(markCols.length);
    const values = sheet.grid.values[r] ?? [];
    let unreadable = false;
    for (let i = 0; i < markCols.length; i++) {
      const c = markCols[i] as number;
      // readLabel(…, 'Điểm danh', parseMark), with the parse looked up per text of this sheet.
      const value = values[c];
      const code = typeof value === 'string' && value.length === 1 ? value.charCodeAt(0) : 0;
      let parsed: Parsed<AttendanceMark> | undefined;
      if (code > 0x20 && code < 0x7f) {
        // One printable ASCII character is its own text (as SheetView.text gives it).
        parsed = marksByChar[code];
        if (parsed === undefined) {
          parsed = sheet.texts.parse(parseMark, value as string);
          marksByChar[code] = parsed;
        }
      } else {
        const text = sheet.text(r, c);
        if (text === null) {
          if (value === FORMULA_WITHOUT_RESULT) {
            formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, c), 'Điểm danh');
            unreadable = true;
          }
          marks[i] = null;
          continue;
        }
        parsed = sheet.texts.parse(parseMark, text);
      }
      if (parsed.ok) {
        const mark = parsed.value;
        if ((mark === 'M' || mark === 'D') && !markAgrees(mark, mayBeExempt(key), specialDutyAllowed)) {
          sheet.issue('VALUE_INVALID', sheet.addr(r, c), markDisagreement(mark, name));
          marks[i] = null;
          unreadable = true;
          continue;
        }
        marks[i] = mark;
        // Counted here for compareMatrix: no second pass over the matrix.
        if (mark === 'C') countC[i] = (countC[i] as number) + 1;
        else if (mark === 'P') countP[i] = (countP[i] as number) + 1;
        else if (mark === 'K') countK[i] = (countK[i] as number) + 1;
      } else {
        sheet.issue('VALUE_INVALID', sheet.addr(r, c), columnProblem('Điểm danh', parsed));
        marks[i] = null;
        unreadable = true;
      }
    }
    matrix.rows.push(new MatrixRow(key, name, marks, sheet.rowNumber(r), unreadable));
  }
  return { matrix, counts };
}

/**
 * Whether an M or D mark agrees with the member list: M for a member whose `Miễn sinh hoạt` is Có
 * (or unreadable: that is already its own error), D in an armed-forces chi bộ. A row with no
 * member in `Đảng viên` is left alone (the list cannot say): `mayBeExempt` is true for both.
 */
function markAgrees(mark: 'M' | 'D', mayBeExempt: boolean, specialDutyAllowed: boolean): boolean {
  if (mark === 'D') return specialDutyAllowed;
  return mayBeExempt;
}

function markDisagreement(mark: 'M' | 'D', name: string): Message {
  if (mark === 'M') return msg('VALUE_INVALID.markM', { name, sheet: SHEET_NAMES.members });
  return msg('VALUE_INVALID.markD', { sheet: SHEET_NAMES.info });
}

/** MATRIX_MISMATCH: matrix columns and meetings of the year that do not pair, and counts that differ. */
export function compareMatrix(
  read: AttendanceRead,
  meetings: readonly Meeting[],
  meetingsSheet: SheetView,
  attendanceSheet: SheetView,
  year: number | null,
): void {
  const { matrix, counts: counted } = read;
  const inYear = (date: IsoDate): boolean => year === null || isoParts(date).year === year;
  const byDate = new Map<IsoDate, Meeting[]>();
  for (const meeting of meetings) {
    if (meeting.date === null || !inYear(meeting.date)) continue;
    byDate.set(meeting.date, [...(byDate.get(meeting.date) ?? []), meeting]);
  }
  const paired = new Set<Meeting>();
  // A same-day session (a Thường kỳ and a Chuyên đề row) may have one column: it belongs to the
  // Thường kỳ row, and the Chuyên đề row needs none (SPEC §2).
  const sessions = sameDayPairs(meetings.filter((m) => m.date !== null && inYear(m.date)));
  for (const [date, { regular, thematic }] of sessions) {
    if (matrix.columns.filter((column) => column.date === date).length !== 1) continue;
    paired.add(thematic);
    byDate.set(date, [regular]);
  }
  matrix.columns.forEach((column, index) => {
    const candidates = (byDate.get(column.date) ?? []).filter((m) => !paired.has(m));
    const meeting = candidates[0];
    if (!meeting) {
      if (inYear(column.date)) {
        attendanceSheet.issue(
          'MATRIX_MISMATCH',
          column.headerCell,
          msg('MATRIX_MISMATCH.column', { date: { date: column.date }, sheet: meetingsSheet.name }),
          'warning',
        );
      }
      return;
    }
    paired.add(meeting);
    const counts = { C: counted.C[index] as number, P: counted.P[index] as number, K: counted.K[index] as number };
    const checks: [MeetingField, number | null, number, MessageParam][] = [
      ['present', meeting.present, counts.C, ref('mark.present')],
      ['excused', meeting.excused, counts.P, ref('mark.excused')],
      ['unexcused', meeting.unexcused, counts.K, ref('mark.unexcused')],
    ];
    for (const [field, stated, counted, label] of checks) {
      if (stated === null || stated === counted) continue;
      meetingsSheet.issue(
        'MATRIX_MISMATCH',
        meeting.cells[field],
        msg('MATRIX_MISMATCH.count', {
          date: { date: column.date },
          label,
          stated,
          sheet: attendanceSheet.name,
          column: column.headerCell.replace(/\d+$/, ''),
          counted,
        }),
        'warning',
      );
    }
  });
  for (const list of byDate.values()) {
    for (const meeting of list) {
      if (paired.has(meeting) || meeting.date === null) continue;
      meetingsSheet.issue(
        'MATRIX_MISMATCH',
        meeting.cells.date,
        msg('MATRIX_MISMATCH.meeting', { date: { date: meeting.date }, sheet: attendanceSheet.name }),
        'warning',
      );
    }
  }
}
