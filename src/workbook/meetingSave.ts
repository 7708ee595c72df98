/**
 * What saving the meeting form writes (README, "Ghi buổi sinh hoạt"): one `Sinh hoạt` row and one
 * `Điểm danh` column as cell values, never another cell; editing rewrites only the cells whose
 * meaning changes. Host-neutral: src/hosts/excel/meeting.ts moves the grids in and the writes out.
 */
import { formatDate, isoToExcelSerial, isoParts } from '../core/dates';
import { cellText, foldText } from '../core/text';
import type { IsoDate } from '../core/types';
import { MEETING_KIND_LABELS, SELF_ASSESSMENT_LABELS, parseMark, parseMeetingKind, parseSelfAssessment, parseYesNo } from '../core/vocabulary';
import { a1, rangeA1 } from './a1';
import { ATTENDANCE_SHEET, MEETINGS_SHEET } from './layout/template';
import type { CellValue, SheetGrid } from './types';
import { countFormMarks, findColumns, formMarks, type MeetingForm, type RosterMember } from './meetingForm';

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
