/**
 * The sheets of a new workbook (SPEC §2), as layouts any host can write: header rows, widths,
 * number formats (text for `Mã` and names, dd/mm/yyyy for dates), a frozen header row, dropdowns
 * (lists with commas point at the hidden `Danh mục` sheet), `Thông tin` prefilled, `Tiêu chí`
 * filled with the seed's own sub-criteria for the chosen `Loại hình`, the hidden `Cấu hình` sheet
 * with the default policy, and helper formula columns (BONTOT functions) that the reader ignores.
 */
import { defaultPolicy, type Policy } from '../../core/policy';
import type { OrgKind, OrgLevel, OrgType } from '../../core/types';
import { ORG_TYPE_LABELS, orgKindLabel } from '../../core/vocabulary';
import { columnLetters, rangeA1 } from '../a1';
import { criteriaSeedRows } from './criteriaSeed';
import { policyLayout } from './policySheet';
import { printSetup } from './print';
import { layoutRowHeights } from './rowHeights';
import {
  ATTENDANCE_SHEET,
  CRITERIA_SHEET,
  INFO_ITEMS,
  INFO_SHEET,
  LIST_COLUMNS,
  MEETINGS_SHEET,
  MEMBERS_SHEET,
  SHEET_NAMES,
  SUBORDINATES_SHEET,
  listValidation,
  type ColumnDef,
  type InfoKey,
} from './template';
import type { CellValue, ColumnLayout, RangeFormat, SheetLayout } from '../types';
import { withMeetingCountFormulas } from './meetingCountFormulas';
import { ATTENDANCE_DATE_COLUMNS, MEETING_FORMULA_ROWS, TEMPLATE_ROWS } from './templateSize';

export { ATTENDANCE_DATE_COLUMNS, MEETING_FORMULA_ROWS, TEMPLATE_ROWS };
/** Member rows of Điểm danh that carry the helper formulas. */
export const ATTENDANCE_FORMULA_ROWS = 100;

const HEADER_FORMAT: Omit<RangeFormat, 'range'> = {
  bold: true,
  fill: '#D9E1F2',
  align: 'center',
  verticalAlign: 'middle',
  wrap: true,
  border: true,
};
const HELPER_FORMAT: Omit<RangeFormat, 'range'> = { ...HEADER_FORMAT, fill: '#E2EFDA', italic: true };

export interface TemplateOptions {
  kind: OrgKind;
  level?: OrgLevel | null;
  type: OrgType;
  year: number;
  name?: string;
  /** The policy stored in `Cấu hình` (default: the seed's). */
  policy?: Policy;
}

function emptyLayout(name: string): SheetLayout {
  return { name, values: [], columns: [], formats: [], merges: [], validations: [], frozenRows: 1, hidden: false };
}

/** A header row plus column widths, formats and the dropdowns of each column's data cells. */
function tableLayout(name: string, columns: readonly ColumnDef[]): SheetLayout {
  const layout = emptyLayout(name);
  layout.values.push(columns.map((column) => column.header));
  layout.columns = columns.map((column): ColumnLayout => ({
    width: column.width,
    ...(column.numberFormat ? { numberFormat: column.numberFormat } : {}),
  }));
  layout.formats.push({ range: rangeA1(0, 0, 0, columns.length - 1), ...HEADER_FORMAT });
  columns.forEach((column, c) => {
    const data = rangeA1(1, c, TEMPLATE_ROWS, c);
    if (column.numberFormat) layout.formats.push({ range: data, numberFormat: column.numberFormat });
    if (column.validation) layout.validations.push({ range: data, validation: column.validation });
  });
  return layout;
}

/** First helper column of each layout: the print area ends before it (a BONTOT formula shows #NAME?
 * in programs without the add-in, and the data the check reads never depends on it). */
const FIRST_HELPER = new WeakMap<SheetLayout, number>();

/** Adds a helper column (header + one formula per row) after the existing columns. */
function addHelperColumn(layout: SheetLayout, header: string, width: number, rows: number, formula: (row: number) => string): void {
  const c = layout.columns.length;
  if (!FIRST_HELPER.has(layout)) FIRST_HELPER.set(layout, c);
  const headerRow = layout.values[0] as CellValue[];
  headerRow[c] = header;
  layout.columns[c] = { width };
  layout.formats.push({ range: rangeA1(0, c, 0, c), ...HELPER_FORMAT });
  layout.formulas ??= {};
  for (let r = 1; r <= rows; r++) layout.formulas[`${columnLetters(c)}${r + 1}`] = formula(r + 1);
}

function infoLayout(options: TemplateOptions): SheetLayout {
  const layout = emptyLayout(SHEET_NAMES.info);
  const [itemColumn, valueColumn] = INFO_SHEET.columns;
  layout.values.push([itemColumn?.header ?? 'Mục', valueColumn?.header ?? 'Giá trị']);
  layout.columns = [{ width: itemColumn?.width ?? 34, numberFormat: '@' }, { width: valueColumn?.width ?? 48 }];
  layout.formats.push({ range: 'A1:B1', ...HEADER_FORMAT });
  const prefilled: Record<InfoKey, CellValue> = {
    name: options.name ?? null,
    kind: orgKindLabel(options.kind, options.level ?? (options.kind === 'dang-bo' ? 'co-so' : null)),
    type: ORG_TYPE_LABELS[options.type],
    year: options.year,
    superior: null,
    hasCommittee: null,
    minutesBookStamped: null,
  };
  // A đảng bộ cơ sở has no chi ủy and no minutes-book rule of its own.
  const items = INFO_ITEMS.filter((item) => options.kind === 'chi-bo' || (item.key !== 'hasCommittee' && item.key !== 'minutesBookStamped'));
  items.forEach((item, index) => {
    const r = index + 1;
    layout.values.push([item.label, prefilled[item.key]]);
    const cell = `B${r + 1}`;
    layout.formats.push({ range: cell, numberFormat: item.key === 'year' ? '0' : '@', border: true });
    layout.formats.push({ range: `A${r + 1}`, bold: item.required, border: true });
    if (item.validation) layout.validations.push({ range: cell, validation: item.validation });
  });
  return layout;
}

function membersLayout(): SheetLayout {
  return tableLayout(SHEET_NAMES.members, MEMBERS_SHEET.columns);
}

function meetingsLayout(): SheetLayout {
  // The counts are formulas over Điểm danh (meetingCountFormulas.ts), set before the helper columns
  // so that FIRST_HELPER keys the layout that is returned.
  const layout = withMeetingCountFormulas(tableLayout(SHEET_NAMES.meetings, MEETINGS_SHEET.columns));
  const col = (key: string): string => columnLetters(MEETINGS_SHEET.columns.findIndex((c) => c.key === key));
  const [members, present, speakers, minutes, kind, excused, unexcused] = [
    'members',
    'present',
    'speakers',
    'minutes',
    'kind',
    'excused',
    'unexcused',
  ].map(col);
  // MEETING_QUALITY's `excused` = members outside the attendance base (exempt, special duty):
  // Số đảng viên − (Có mặt + Vắng có lý do + Vắng không lý do), so the helper computes the ratio
  // MEETING_ATTENDANCE_LOW judges (SPEC §1), not present / all members.
  const outside = (r: number): string => `${members}${r}-(${present}${r}+${excused}${r}+${unexcused}${r})`;
  const args = (r: number): string => `${members}${r},${present}${r},${speakers}${r},${minutes}${r},${kind}${r},${outside(r)}`;
  const guard = (r: number): string => `OR(${members}${r}="",${present}${r}="",${speakers}${r}="",${minutes}${r}="")`;
  addHelperColumn(layout, 'Kết quả', 11, MEETING_FORMULA_ROWS, (r) => `=IF(${guard(r)},"",BONTOT.MEETING_QUALITY(${args(r)}))`);
  addHelperColumn(layout, 'Điều kiện chưa đạt', 40, MEETING_FORMULA_ROWS, (r) => `=IF(${guard(r)},"",BONTOT.MEETING_ISSUES(${args(r)}))`);
  return layout;
}

function attendanceLayout(): SheetLayout {
  const fixed = ATTENDANCE_SHEET.columns.filter((c) => c.key !== 'stt');
  const layout = tableLayout(SHEET_NAMES.attendance, fixed);
  const first = fixed.length;
  const last = first + ATTENDANCE_DATE_COLUMNS - 1;
  const header = layout.values[0] as CellValue[];
  for (let c = first; c <= last; c++) {
    header[c] = null;
    layout.columns[c] = { width: 11 };
  }
  // Meeting columns: the header is the meeting's date, the cells are marks.
  layout.formats.push({ range: rangeA1(0, first, 0, last), ...HEADER_FORMAT, numberFormat: 'dd/mm/yyyy' });
  layout.formats.push({ range: rangeA1(1, first, TEMPLATE_ROWS, last), numberFormat: '@', align: 'center' });
  layout.validations.push({ range: rangeA1(1, first, TEMPLATE_ROWS, last), validation: listValidation('mark') });
  const marks = (r: number): string => `${columnLetters(first)}${r}:${columnLetters(last)}${r}`;
  addHelperColumn(
    layout,
    'Tỷ lệ dự họp',
    11,
    ATTENDANCE_FORMULA_ROWS,
    (r) => `=IF(COUNTIF(${marks(r)},"?*")=0,"",BONTOT.ATTENDANCE_RATE(${marks(r)}))`,
  );
  addHelperColumn(
    layout,
    'Vắng liên tiếp',
    11,
    ATTENDANCE_FORMULA_ROWS,
    (r) => `=IF(COUNTIF(${marks(r)},"?*")=0,"",BONTOT.MAX_ABSENCE_STREAK(${marks(r)}))`,
  );
  const rateCol = columnLetters(last + 1);
  layout.formats.push({ range: `${rateCol}2:${rateCol}${ATTENDANCE_FORMULA_ROWS + 1}`, numberFormat: '0.00%' });
  return layout;
}

function criteriaLayout(type: OrgType): SheetLayout {
  const layout = tableLayout(SHEET_NAMES.criteria, CRITERIA_SHEET.columns);
  const rows = criteriaSeedRows(type);
  rows.forEach((row, index) => {
    const r = index + 1;
    layout.values.push([row.code, row.content, row.maxPoints, null, null]);
    const whole = rangeA1(r, 0, r, CRITERIA_SHEET.columns.length - 1);
    if (row.code === null) layout.formats.push({ range: whole, italic: true, wrap: true, verticalAlign: 'top' });
    else if (row.code.split('.').length === 2) layout.formats.push({ range: whole, bold: true, fill: '#FFF2CC', wrap: true });
    else layout.formats.push({ range: whole, wrap: true, verticalAlign: 'top' });
  });
  layout.formats.push({ range: rangeA1(1, 0, rows.length, CRITERIA_SHEET.columns.length - 1), border: true });
  // Helper: each criterion's percent, on its own row, over the rows of its items.
  const pc = CRITERIA_SHEET.columns.length;
  FIRST_HELPER.set(layout, pc);
  (layout.values[0] as CellValue[])[pc] = 'Tỷ lệ đạt';
  layout.columns[pc] = { width: 11 };
  layout.formats.push({ range: rangeA1(0, pc, 0, pc), ...HELPER_FORMAT });
  layout.formulas = {};
  const maxCol = columnLetters(CRITERIA_SHEET.columns.findIndex((c) => c.key === 'max'));
  const selfCol = columnLetters(CRITERIA_SHEET.columns.findIndex((c) => c.key === 'self'));
  rows.forEach((row, index) => {
    if (row.code === null || row.code.split('.').length !== 2) return;
    let end = index;
    while (end + 1 < rows.length && (rows[end + 1]?.code ?? '').split('.').length !== 2) end++;
    const from = index + 3; // first item row (sheet row numbers are index + 2)
    const to = end + 2;
    if (to < from) return;
    layout.formulas = layout.formulas ?? {};
    layout.formulas[`${columnLetters(pc)}${index + 2}`] =
      `=IF(COUNT(${selfCol}${from}:${selfCol}${to})=0,"",BONTOT.CRITERION_PERCENT(${selfCol}${from}:${selfCol}${to},${maxCol}${from}:${maxCol}${to})/100)`;
    layout.formats.push({ range: `${columnLetters(pc)}${index + 2}`, numberFormat: '0.00%', bold: true });
  });
  return layout;
}

function subordinatesLayout(): SheetLayout {
  return tableLayout(SHEET_NAMES.subordinates, SUBORDINATES_SHEET.columns);
}

/** The hidden list sheet the comma-containing dropdowns point at. */
export function listsLayout(): SheetLayout {
  const layout = emptyLayout(SHEET_NAMES.lists);
  const height = Math.max(...LIST_COLUMNS.map((list) => list.items.length)) + 1;
  for (let r = 0; r < height; r++) {
    layout.values.push(LIST_COLUMNS.map((list) => (r === 0 ? list.header : (list.items[r - 1] ?? null))));
  }
  layout.columns = LIST_COLUMNS.map(() => ({ width: 34, numberFormat: '@' }));
  layout.formats.push({ range: rangeA1(0, 0, 0, LIST_COLUMNS.length - 1), bold: true });
  layout.hidden = true;
  return layout;
}

/**
 * Print setup of a visible template sheet: A4, portrait when its printed columns fit a portrait page
 * at a readable scale (about 110 characters), else landscape; one page wide; the header row repeated
 * on every page; the print area the data columns (helper columns left out), whole columns so that
 * the rows people add are printed too — except `Thông tin`, whose rows are fixed. Every row with
 * text gets its height (rowHeights.ts).
 */
function withPrint(layout: SheetLayout, fixedRows: boolean): SheetLayout {
  const width = Math.max(layout.columns.length, ...layout.values.map((row) => row.length));
  const printCols = FIRST_HELPER.get(layout) ?? width;
  const total = layout.columns.slice(0, printCols).reduce((sum, column) => sum + column.width, 0);
  const last = columnLetters(printCols - 1);
  const area = fixedRows ? `A1:${last}${layout.values.length}` : `A:${last}`;
  layout.print = printSetup(total <= 110 ? 'portrait' : 'landscape', { area, titleRows: '1:1' });
  layout.rowHeights = layoutRowHeights(layout);
  return layout;
}

/** The sheets of a new workbook, in tab order. */
export function templateLayouts(options: TemplateOptions): SheetLayout[] {
  const sheets: SheetLayout[] = [withPrint(infoLayout(options), true)];
  if (options.kind === 'chi-bo') sheets.push(membersLayout(), meetingsLayout(), attendanceLayout());
  else sheets.push(subordinatesLayout());
  sheets.push(criteriaLayout(options.type));
  for (const sheet of sheets.slice(1)) withPrint(sheet, false);
  sheets.push(policyLayout(options.policy ?? defaultPolicy()));
  sheets.push(listsLayout());
  return sheets;
}
