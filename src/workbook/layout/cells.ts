/**
 * The cells a layout writes, the same in both hosts: how many columns, and what a cell can hold
 * once written — a number that is not finite is left blank and a text is cut at Excel's 32 767
 * characters (Excel refuses longer cells).
 */
import type { CellValue, SheetLayout } from '../types';

export const EXCEL_MAX_TEXT = 32_767;

/** The value as written; null leaves the cell blank. */
export function writableValue(value: CellValue | undefined): CellValue {
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return null;
  return typeof value === 'string' && value.length > EXCEL_MAX_TEXT ? value.slice(0, EXCEL_MAX_TEXT) : value;
}

/** Columns the layout writes: its column settings or its widest row, at least one. */
export function layoutWidth(layout: SheetLayout): number {
  return Math.max(layout.columns.length, ...layout.values.map((row) => row.length), 1);
}
