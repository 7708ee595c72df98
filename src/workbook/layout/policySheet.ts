/**
 * The hidden `Cấu hình` sheet (SPEC §2, §5): one row per policy setting, `Khóa | Giá trị | Nguồn`
 * (plus a `Mô tả` column for people, which the reader ignores). Excel, the standalone page and the
 * CLI read the same policy from it.
 */
import { formatDate, parseDate } from '../../core/dates';
import { describeKey, policyToEntries, type Policy, type PolicyEntry } from '../../core/policy';
import { cellText } from '../../core/text';
import { a1 } from '../a1';
import { POLICY_SHEET, matchesColumn, SHEET_NAMES } from './template';
import type { CellValue, SheetGrid, SheetLayout } from '../types';

/** A policy row with the A1 address of its value cell (null when it has none). */
export interface PolicyCellEntry extends PolicyEntry {
  cell: string | null;
}

/** The policy as the hidden `Cấu hình` sheet. */
export function policyLayout(policy: Policy, name: string = SHEET_NAMES.policy): SheetLayout {
  const headers = POLICY_SHEET.columns.map((column) => column.header);
  const values: CellValue[][] = [headers];
  for (const entry of policyToEntries(policy)) {
    const described = describeKey(entry.key);
    const value = entry.value;
    const cell: CellValue = typeof value === 'number' || typeof value === 'string' ? value : null;
    values.push([entry.key, cell, described?.source ?? '', described?.label ?? '']);
  }
  const last = values.length;
  return {
    name,
    values,
    columns: POLICY_SHEET.columns.map((column) => ({ width: column.width, numberFormat: column.numberFormat })),
    formats: [
      { range: 'A1:D1', bold: true, fill: '#D9E1F2', border: true },
      // Deadlines such as "31/01" must stay text, or Excel turns them into dates.
      { range: `A2:D${last}`, numberFormat: '@' },
    ],
    merges: [],
    validations: [],
    frozenRows: 1,
    hidden: true,
  };
}

const DEADLINE_KEY = /^deadline\.[A-Za-z]+$/;
const DEADLINE_YEAR_KEY = /^deadline\.[A-Za-z]+\.\d{4}$/;

/** A cell's value as a policy value: text trimmed, blank null, dates that Excel made back to text. */
function policyValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') return cellText(value);
  if (value === null || value === undefined) return null;
  const isDeadline = DEADLINE_KEY.test(key) || DEADLINE_YEAR_KEY.test(key);
  if (isDeadline && (value instanceof Date || typeof value === 'number')) {
    const parsed = parseDate(value);
    if (parsed.ok) {
      const text = formatDate(parsed.value);
      return DEADLINE_YEAR_KEY.test(key) ? text : text.slice(0, 5);
    }
  }
  return value;
}

/**
 * The policy rows of a `Cấu hình` grid: the rows below the `Khóa | Giá trị` header (found within
 * the first 10 rows) whose key is not blank. Without such a header, columns A and B are read.
 */
/** The `Khóa | Giá trị` header among the first 10 rows of a grid's values: its row and columns, or null. */
function policyHeader(values: readonly (readonly unknown[])[]): { row: number; keyCol: number; valueCol: number } | null {
  const [keyDef, valueDef] = POLICY_SHEET.columns;
  for (let r = 0; r < Math.min(10, values.length); r++) {
    const row = values[r] ?? [];
    const find = (def: typeof keyDef): number => (def ? row.findIndex((value) => typeof value === 'string' && matchesColumn(value, def)) : -1);
    const k = find(keyDef);
    const v = find(valueDef);
    if (k >= 0 && v >= 0) return { row: r, keyCol: k, valueCol: v };
  }
  return null;
}

/**
 * Whether a sheet's values are a policy sheet (the `Khóa | Giá trị` header) or empty: what saving
 * the policy may replace. Anything else is a sheet of the user's that happens to be named so.
 */
export function isPolicySheetValues(values: readonly (readonly unknown[])[]): boolean {
  return policyHeader(values) !== null || values.every((row) => row.every((value) => cellText(value) === null));
}

export function readPolicyGrid(grid: SheetGrid): PolicyCellEntry[] {
  const header = policyHeader(grid.values);
  const headerRow = header?.row ?? -1;
  const keyCol = header?.keyCol ?? 0;
  const valueCol = header?.valueCol ?? 1;
  const entries: PolicyCellEntry[] = [];
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const key = cellText(row[keyCol]);
    if (key === null) continue;
    entries.push({
      key,
      value: policyValue(key, row[valueCol]),
      cell: a1(grid.originRow + r, grid.originCol + valueCol),
    });
  }
  return entries;
}
