/**
 * The template's `Sinh hoạt` counts as plain spreadsheet formulas over `Điểm danh` (issue 26): the
 * `Có mặt`, `Vắng có lý do` and `Vắng không lý do` cells of each prepared row count the marks of the
 * `Điểm danh` column whose header is the row's date, so a clerk who types the marks never types
 * the counts. Only functions every spreadsheet program has (IF, IFERROR, SUMPRODUCT, COUNTIF,
 * INDEX, MATCH) and no BONTOT function: LibreOffice and Excel without the add-in compute them too.
 *
 * What is counted: each mark's code and the spellings SPEC §2 lists for it, compared as
 * COUNTIF compares (whole cell, case-insensitive, diacritics as typed). A mark typed another
 * way, a header typed as text instead of a date, or a date with no column leaves the count short
 * or blank; the check's MATRIX_MISMATCH (counts against the matrix, read with every spelling) and
 * its blank-count error remain the safety net. With two columns of one date (a same-day session),
 * MATCH finds the first: both rows count it, as the check takes the session's counts from one row.
 *
 * A count typed over a formula is a value like any other (files from the old template have values
 * only, and keep working); the meeting form writes values in its own row.
 */
import { columnLetters } from '../a1';
import { ATTENDANCE_DATE_COLUMNS, MEETING_FORMULA_ROWS, TEMPLATE_ROWS } from './templateSize';
import { ATTENDANCE_SHEET, MEETINGS_SHEET, SHEET_NAMES } from './template';
import type { SheetLayout } from '../types';

/** The spellings of each required mark the formulas count (SPEC §2, as parseMark reads them). */
export const COUNTED_MARKS = {
  present: ['C', 'x', '✓', '✔', '1', 'có', 'có mặt', 'CM'],
  excused: ['P', 'CP', 'VCP', 'có phép', 'vắng có phép', 'có lý do', 'vắng có lý do'],
  unexcused: ['K', 'KP', 'VKP', 'không phép', 'vắng không phép', 'không lý do', 'vắng không lý do'],
} as const;

export type CountKey = keyof typeof COUNTED_MARKS;

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The `Điểm danh` ranges the template prepares: date headers and mark cells. */
function attendanceRanges(): { headers: string; marks: string } {
  const fixed = ATTENDANCE_SHEET.columns.filter((c) => c.key !== 'stt').length;
  const first = columnLetters(fixed);
  const last = columnLetters(fixed + ATTENDANCE_DATE_COLUMNS - 1);
  const sheet = quoted(SHEET_NAMES.attendance);
  return { headers: `${sheet}!$${first}$1:$${last}$1`, marks: `${sheet}!$${first}$2:$${last}$${TEMPLATE_ROWS + 1}` };
}

/** The count formula of one `Sinh hoạt` row (1-based sheet row) for one count. */
export function countFormula(key: CountKey, row: number): string {
  const dateCol = columnLetters(MEETINGS_SHEET.columns.findIndex((c) => c.key === 'date'));
  const { headers, marks } = attendanceRanges();
  const date = `$${dateCol}${row}`;
  const spellings = COUNTED_MARKS[key].map((mark) => `"${mark}"`).join(',');
  const column = `INDEX(${marks},0,MATCH(${date},${headers},0))`;
  return `=IF(${date}="","",IFERROR(SUMPRODUCT(COUNTIF(${column},{${spellings}})),""))`;
}

/**
 * Adds the count formulas to the template's `Sinh hoạt` layout (the rows that carry the helper
 * formulas); other layouts are returned as they are.
 */
export function withMeetingCountFormulas(layout: SheetLayout): SheetLayout {
  if (layout.name !== SHEET_NAMES.meetings) return layout;
  const formulas = { ...(layout.formulas ?? {}) };
  for (const key of Object.keys(COUNTED_MARKS) as CountKey[]) {
    const col = columnLetters(MEETINGS_SHEET.columns.findIndex((c) => c.key === key));
    for (let r = 2; r <= MEETING_FORMULA_ROWS + 1; r++) formulas[`${col}${r}`] = countFormula(key, r);
  }
  return { ...layout, formulas };
}
