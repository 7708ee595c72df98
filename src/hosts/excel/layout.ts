/**
 * Translating a SheetLayout into queued Office.js writes on one worksheet (values, formulas,
 * number formats, fonts, formats, merges, validations, frozen rows, row heights, print setup),
 * without a sync: the callers in sheets.ts decide the round trips.
 *
 * Only translation lives here: the font, the row heights, the validation rules and texts, the page
 * setup and what a cell can hold are the layout layer's (src/workbook/layout/), which the ExcelJS
 * host translates too (test/hosts/hostParity.test.ts). Office.js's own needs stay here: the "@" on
 * text cells (Office.js would read "=…" as a formula), clearing a sheet written before.
 */

import { columnLetters, parseRange, rangeA1 } from '../../workbook/a1';
import { layoutWidth, writableValue } from '../../workbook/layout/cells';
import { pageSetup } from '../../workbook/layout/print';
import { layoutFont, sheetRowHeights } from '../../workbook/layout/rowHeights';
import type { ColumnValidation, RangeFormat, SheetLayout } from '../../workbook/types';
import { VALIDATION_ERROR_TITLE, validationMessage, validationRule } from '../../workbook/layout/validation';

/** Column width in characters (as layouts and ExcelJS give it) → points (what Office.js takes). */
export function widthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

type HAlign = 'Left' | 'Center' | 'Right';

type VAlign = 'Top' | 'Center' | 'Bottom';

const H_ALIGN: Record<NonNullable<RangeFormat['align']>, HAlign> = { left: 'Left', center: 'Center', right: 'Right' };

const V_ALIGN: Record<NonNullable<RangeFormat['verticalAlign']>, VAlign> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

export function validationRows(layout: SheetLayout): number {
  let rows = 0;
  for (const { range } of layout.validations) {
    const parsed = parseRange(range.replace(/\$/g, ''));
    if (parsed) rows = Math.max(rows, parsed.end.row + 1);
  }
  return rows;
}

/**
 * The number format of every cell of the written block, decided before any value is written:
 * column formats, then the layout's range formats, then "@" on every text cell (Office.js would
 * otherwise read "=…" as a formula and "01/02/2026" as a date). A formula cell is never "@"
 * (Excel would keep the formula as text).
 */
function numberFormats(layout: SheetLayout, rows: number, cols: number): string[][] {
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  /** Calls `set` for each cell of the address inside the block. */
  const within = (address: string, set: (row: string[], c: number) => void): void => {
    const range = parseRange(address.replace(/\$/g, ''));
    if (!range) return;
    for (let r = range.start.row; r <= Math.min(range.end.row, rows - 1); r++) {
      for (let c = range.start.col; c <= Math.min(range.end.col, cols - 1); c++) set(grid[r] as string[], c);
    }
  };
  layout.columns.forEach((column, c) => {
    if (!column.numberFormat || c >= cols) return;
    for (let r = 0; r < rows; r++) (grid[r] as string[])[c] = column.numberFormat;
  });
  for (const { range, numberFormat } of layout.formats) {
    if (numberFormat !== undefined) within(range, (row, c) => (row[c] = numberFormat));
  }
  layout.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === 'string' && r < rows && c < cols) (grid[r] as string[])[c] = '@';
    }),
  );
  for (const address of Object.keys(layout.formulas ?? {})) {
    within(address, (row, c) => {
      if (row[c] === '@') row[c] = 'General';
    });
  }
  return grid;
}

/** Layout values as a full rectangle; blanks written as "" (clears the cell). */
function valueBlock(layout: SheetLayout, rows: number, cols: number): (string | number | boolean)[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => writableValue(layout.values[r]?.[c]) ?? ''));
}

/** Formulas grouped by runs of consecutive rows in one column: one write per run. */
function formulaRuns(formulas: Record<string, string>): { address: string; formulas: string[][] }[] {
  const cells: { row: number; col: number; formula: string }[] = [];
  for (const [address, formula] of Object.entries(formulas)) {
    const range = parseRange(address);
    if (!range) continue;
    cells.push({ row: range.start.row, col: range.start.col, formula: formula.startsWith('=') ? formula : `=${formula}` });
  }
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { address: string; formulas: string[][] }[] = [];
  let run: { col: number; start: number; items: string[] } | null = null;
  const flush = (): void => {
    if (!run) return;
    runs.push({ address: rangeA1(run.start, run.col, run.start + run.items.length - 1, run.col), formulas: run.items.map((f) => [f]) });
  };
  for (const cell of cells) {
    if (run && run.col === cell.col && run.start + run.items.length === cell.row) {
      run.items.push(cell.formula);
    } else {
      flush();
      run = { col: cell.col, start: cell.row, items: [cell.formula] };
    }
  }
  flush();
  return runs;
}

/** The layer's rule in Office.js's words. */
function officeRule(validation: ColumnValidation): Excel.DataValidationRule {
  const rule = validationRule(validation);
  switch (rule.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.source } };
    case 'date':
      return { date: { formula1: rule.after, operator: 'GreaterThan' } };
    default:
      return {
        [rule.type]:
          rule.max === undefined
            ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
            : { formula1: rule.min, formula2: rule.max, operator: 'Between' },
      };
  }
}

interface QueueOptions {
  /** Rows that get the columns' number formats and the font (≥ the layout's rows). */
  rows: number;
  /** Sheet was already there: reset what the old content left behind. */
  reset: boolean;
}

/** Queues every write of a layout on a sheet (no sync). */
export function queueLayout(sheet: Excel.Worksheet, layout: SheetLayout, options: QueueOptions): void {
  const cols = layoutWidth(layout);
  const valueRows = Math.max(layout.values.length, 1);
  const rows = Math.max(options.rows, valueRows);

  if (options.reset) {
    const whole = sheet.getRange();
    whole.conditionalFormats.clearAll();
    whole.dataValidation.clear();
    whole.unmerge();
    whole.clear('All');
    whole.columnHidden = false;
    sheet.freezePanes.unfreeze();
  }

  // Number formats first, as whole 2-D arrays, then values, then formulas.
  const block = sheet.getRangeByIndexes(0, 0, rows, cols);
  block.numberFormat = numberFormats(layout, rows, cols);
  // Name and size on every cell: the row heights are measured at that size, whatever the
  // workbook's own default font.
  Object.assign(block.format.font, layoutFont(layout));
  sheet.getRangeByIndexes(0, 0, valueRows, cols).values = valueBlock(layout, valueRows, cols);
  for (const run of formulaRuns(layout.formulas ?? {})) sheet.getRange(run.address).formulas = run.formulas;

  layout.columns.forEach((column, c) => {
    const letter = columnLetters(c);
    const range = sheet.getRange(`${letter}:${letter}`);
    range.format.columnWidth = widthToPoints(column.width);
    if (column.hidden) range.columnHidden = true;
  });

  for (const format of layout.formats) {
    const target = sheet.getRange(format.range);
    const font = target.format.font;
    if (format.bold !== undefined) font.bold = format.bold;
    if (format.italic !== undefined) font.italic = format.italic;
    if (format.underline !== undefined) font.underline = format.underline ? 'Single' : 'None';
    if (format.fontSize !== undefined) font.size = format.fontSize;
    if (format.fontColor !== undefined) font.color = format.fontColor;
    if (format.fill !== undefined) target.format.fill.color = format.fill;
    if (format.align !== undefined) target.format.horizontalAlignment = H_ALIGN[format.align];
    if (format.verticalAlign !== undefined) target.format.verticalAlignment = V_ALIGN[format.verticalAlign];
    if (format.wrap !== undefined) target.format.wrapText = format.wrap;
    if (format.border) {
      const parsed = parseRange(format.range.replace(/\$/g, ''));
      const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
      if (parsed && parsed.end.col > parsed.start.col) edges.push('InsideVertical' as Excel.BorderIndex);
      if (parsed && parsed.end.row > parsed.start.row) edges.push('InsideHorizontal' as Excel.BorderIndex);
      for (const edge of edges) target.format.borders.getItem(edge).style = 'Continuous';
    }
  }

  for (const merge of layout.merges) sheet.getRange(merge).merge(false);

  for (const { range, validation } of layout.validations) {
    const target = sheet.getRange(range);
    target.dataValidation.rule = officeRule(validation);
    target.dataValidation.errorAlert = {
      showAlert: true,
      style: 'Stop',
      title: VALIDATION_ERROR_TITLE,
      message: validationMessage(validation),
    };
  }

  if (layout.frozenRows > 0) sheet.freezePanes.freezeRows(layout.frozenRows);

  // Every row with text carries its height (runs of equal heights in one call each), so the sheet
  // prints the same in programs that do not re-measure wrapped rows.
  for (const run of heightRuns(sheetRowHeights(layout))) {
    sheet.getRange(`${run.from + 1}:${run.to + 1}`).format.rowHeight = run.height;
  }

  const setup = pageSetup(layout);
  if (setup) {
    const page = sheet.pageLayout;
    page.paperSize = setup.paper;
    page.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (setup.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.centerHorizontally = setup.centerHorizontally;
    // Inches → points.
    for (const side of ['top', 'bottom', 'left', 'right', 'header', 'footer'] as const) page[`${side}Margin` as const] = setup.margins[side] * 72;
    if (setup.titleRows) page.setPrintTitleRows(setup.titleRows.replace(/(\d+)/g, '$$$1'));
    page.setPrintArea(setup.area);
  }
}

/** Consecutive rows of equal height, 0-based and inclusive. */
export function heightRuns(heights: Record<number, number>): { from: number; to: number; height: number }[] {
  const runs: { from: number; to: number; height: number }[] = [];
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  for (const row of rows) {
    const height = heights[row] as number;
    const last = runs[runs.length - 1];
    if (last && last.to === row - 1 && last.height === height) last.to = row;
    else runs.push({ from: row, to: row, height });
  }
  return runs;
}
