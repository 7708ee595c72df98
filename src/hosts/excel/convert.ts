/**
 * Writing planned cell changes back into the user's sheets: the legacy-font conversion
 * (convertCells, which skips a cell that changed since it was planned or holds a formula, and
 * backs the sheet up first) and filling the subordinates sheet (fillSubordinatesSheet).
 */

import { parseRange, rangeA1 } from '../../workbook/a1';
import { backupSheetName, unicodeFontFor } from '../../workbook/legacyFix';
import type { CellValue } from '../../workbook/types';
import { sameSheetName } from './common';

/** A cell to convert: what it holds (checked before writing) and what to write (LegacyFix fits). */
export interface CellChange {
  sheet: string;
  /** A1 address on the sheet. */
  cell: string;
  before: string;
  after: string;
}

export interface ConvertCellsOptions {
  /**
   * Copy each sheet that will change, before changing it, to a visible sheet named
   * "<name> (bản gốc)" next to it: add-in edits cannot be undone with Ctrl+Z, so the copy is how a
   * user goes back by hand. Worksheet.copy needs ExcelApi 1.7.
   */
  keepCopies: boolean;
  /**
   * Most cells read, or written, per round trip (default 1500). Every cell is its own range in
   * the request (Excel on the web caps a request at 5 MB), so a large plan goes in pieces.
   */
  maxCellsPerSync?: number;
}

export type ConvertSkipReason = 'formula' | 'changed' | 'missing';

export interface ConvertCellsResult {
  /** Per sheet that changed: how many cells, and the name of its copy (null without keepCopies). */
  sheets: { sheet: string; cells: number; copy: string | null }[];
  written: CellChange[];
  /** Cells left alone: a formula, a value that is no longer the one planned, a sheet that is gone. */
  skipped: { change: CellChange; reason: ConvertSkipReason }[];
  /** Written cells whose legacy font (".VnTime", "VNI-Times" …) was replaced by a Unicode font. */
  fontsChanged: number;
}

/** Default cells per round trip of convertCells. */
export const CONVERT_CELLS_PER_SYNC = 1500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Converts exactly the given cells (planLegacyFix's plan) in the open workbook. Round trips: 3 for
 * up to `maxCellsPerSync` cells (1 + one more read and one more write per further piece).
 * (1) The sheet list. (2) Each planned cell's value, formula and font: a cell that no longer holds
 * the planned `before`, or holds a formula, is left alone. (3) With `keepCopies`, a copy of each
 * sheet that changes ("Đảng viên (bản gốc)", placed after it, visible) — queued before any write,
 * so it keeps the original text — then, for each cell, the number format "@" (so Excel takes the
 * text as typed text, never a formula or a date), the value, and a Unicode font in place of a
 * legacy one (a legacy font would draw Unicode text as garbage). No other cell is touched.
 */
export async function convertCells(
  context: Excel.RequestContext,
  changes: readonly CellChange[],
  options: ConvertCellsOptions = { keepCopies: true },
): Promise<ConvertCellsResult> {
  const result: ConvertCellsResult = { sheets: [], written: [], skipped: [], fontsChanged: 0 };
  if (changes.length === 0) return result;
  const perSync = Math.max(1, options.maxCellsPerSync ?? CONVERT_CELLS_PER_SYNC);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((sheet) => sheet.name);

  // The cells to read, by sheet (the sheet's name as the workbook spells it).
  const sheets = new Map<string, Excel.Worksheet>();
  const targets: { change: CellChange; sheet: string; address: string }[] = [];
  for (const change of changes) {
    const name = existing.find((n) => sameSheetName(n, change.sheet));
    const range = parseRange(change.cell.replace(/\$/g, ''));
    if (name === undefined || !range) {
      result.skipped.push({ change, reason: 'missing' });
      continue;
    }
    if (!sheets.has(name)) sheets.set(name, worksheets.getItem(name));
    targets.push({ change, sheet: name, address: rangeA1(range.start.row, range.start.col, range.start.row, range.start.col) });
  }

  // Read what each cell holds now, in pieces.
  type Write = { change: CellChange; sheet: string; address: string; font: string | null };
  const writes: Write[] = [];
  for (const piece of chunks(targets, perSync)) {
    const ranges = piece.map((target) => {
      const range = (sheets.get(target.sheet) as Excel.Worksheet).getRange(target.address);
      range.load('values,formulas');
      range.format.font.load('name');
      return range;
    });
    await context.sync();
    piece.forEach((target, i) => {
      const range = ranges[i] as Excel.Range;
      const formula = range.formulas?.[0]?.[0];
      const value = range.values?.[0]?.[0];
      if (typeof formula === 'string' && formula.startsWith('=')) result.skipped.push({ change: target.change, reason: 'formula' });
      else if (value !== target.change.before) result.skipped.push({ change: target.change, reason: 'changed' });
      else writes.push({ ...target, font: unicodeFontFor(range.format.font.name) });
    });
  }
  if (writes.length === 0) return result;

  // The copies first (in the first write batch), then the cells, in pieces.
  const counts = new Map<string, number>();
  for (const write of writes) counts.set(write.sheet, (counts.get(write.sheet) ?? 0) + 1);
  const taken = [...existing];
  const copies = new Map<string, string | null>();
  for (const name of counts.keys()) {
    let copy: string | null = null;
    if (options.keepCopies) {
      copy = backupSheetName(name, taken);
      taken.push(copy);
      const sheet = sheets.get(name) as Excel.Worksheet;
      sheet.copy('After', sheet).name = copy;
    }
    copies.set(name, copy);
  }
  for (const piece of chunks(writes, perSync)) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const { change, sheet, address, font } of piece) {
      const range = (sheets.get(sheet) as Excel.Worksheet).getRange(address);
      range.numberFormat = [['@']];
      range.values = [[change.after]];
      if (font !== null) range.format.font.name = font;
    }
    await context.sync();
    for (const { change, font } of piece) {
      result.written.push(change);
      if (font !== null) result.fontsChanged += 1;
    }
  }
  for (const [sheet, cells] of counts) result.sheets.push({ sheet, cells, copy: copies.get(sheet) ?? null });
  return result;
}

/** One cell of fillSubordinates' plan (CellWrite of src/workbook/fillSubordinates.ts fits). */
export interface SubordinateCellWrite {
  /** A1 address on the plan's sheet. */
  cell: string;
  /** What the cell held when planned (null: blank). */
  before: CellValue;
  after: string | number;
  /** Written as text ("@" first): Office.js would make "=…" a formula or "01/02" a date. */
  text: boolean;
}

export interface FillSubordinatesResult {
  /** The sheet as the workbook spells it, or null when it is gone. */
  sheet: string | null;
  /** The copy kept before any change ("Chi bộ trực thuộc (bản gốc)"), or null (nothing written, or keepCopy false). */
  copy: string | null;
  written: SubordinateCellWrite[];
  /** Cells left alone: a formula, a value that is no longer the one planned, a sheet that is gone. */
  skipped: { write: SubordinateCellWrite; reason: ConvertSkipReason }[];
}

function sameCellValue(now: unknown, planned: CellValue): boolean {
  const blank = (value: unknown): boolean => value === null || value === undefined || value === '';
  if (blank(planned)) return blank(now);
  if (typeof planned === 'string' && typeof now === 'string') return now.normalize('NFC') === planned.normalize('NFC');
  return now === planned;
}

/**
 * Writes fillSubordinates' plan into the open workbook's `Chi bộ trực thuộc` sheet. 2 round trips:
 * (1) the sheet list and every planned cell's value and formula — a cell that holds a formula, or
 * no longer holds what the plan saw, is left alone; (2) with `keepCopy`, a copy of the sheet
 * ("Chi bộ trực thuộc (bản gốc)", placed after it, visible: add-in edits cannot be undone with
 * Ctrl+Z) queued before any write, then each cell (number format "@" first for text). No other
 * cell is touched; `Xếp loại` and `Chi bộ bốn tốt` are never in a plan.
 */
export async function fillSubordinatesSheet(
  context: Excel.RequestContext,
  sheetName: string,
  writes: readonly SubordinateCellWrite[],
  options: { keepCopy: boolean } = { keepCopy: true },
): Promise<FillSubordinatesResult> {
  const result: FillSubordinatesResult = { sheet: null, copy: null, written: [], skipped: [] };
  if (writes.length === 0) return result;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const sheet = worksheets.getItem(sheetName);
  sheet.load('name');
  const targets = writes.map((write) => {
    const range = sheet.getRange(write.cell.replace(/\$/g, ''));
    range.load('values,formulas');
    return { write, range };
  });
  try {
    await context.sync();
  } catch (error) {
    // The sheet was deleted or renamed since the plan was made: nothing is written.
    if ((error as { code?: unknown }).code !== 'ItemNotFound') throw error;
    for (const write of writes) result.skipped.push({ write, reason: 'missing' });
    return result;
  }
  result.sheet = sheet.name;
  const ready: SubordinateCellWrite[] = [];
  for (const { write, range } of targets) {
    const formula = range.formulas?.[0]?.[0];
    if (typeof formula === 'string' && formula.startsWith('=')) result.skipped.push({ write, reason: 'formula' });
    else if (!sameCellValue(range.values?.[0]?.[0], write.before)) result.skipped.push({ write, reason: 'changed' });
    else ready.push(write);
  }
  if (ready.length === 0) return result;
  if (options.keepCopy) {
    result.copy = backupSheetName(
      sheet.name,
      worksheets.items.map((item) => item.name),
    );
    sheet.copy('After', sheet).name = result.copy;
  }
  context.application.suspendApiCalculationUntilNextSync();
  for (const write of ready) {
    const range = sheet.getRange(write.cell.replace(/\$/g, ''));
    if (write.text) range.numberFormat = [['@']];
    range.values = [[write.after]];
  }
  await context.sync();
  result.written = ready;
  return result;
}
