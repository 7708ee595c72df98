/**
 * The Office.js host: moves sheets between Excel and the workbook layer. Grids in (SheetGrid),
 * layouts out (SheetLayout); no rule logic lives here.
 *
 * Every function takes an `Excel.RequestContext` (from `Excel.run`), so tests can hand it the
 * in-memory fake of test/fakes/office.ts. No global `Excel` value is used at run time: enum
 * values are passed as their string literals.
 *
 * Round trips (context.sync) per call, whatever the number of rows:
 * - readSheets: 2 (sheet list; every used range at once). Only a sheet past Excel's limits (5 M
 *   cells per read, 5 MB per request on the web) costs more: it is read in row chunks, one sync each.
 * - writeSheet (the summary): 2 (find the target and read its marker; write everything).
 * - createTemplate: 2 (1 when every sheet exists). writePolicy: 2. readPolicyEntries: 2. selectCell: 1.
 * - highlightIssues: 3 (sheet list; the add-in's old highlights; delete + add). clearHighlights: ≤ 3.
 * - convertCells: 3 (sheet list; the planned cells; copies + writes), one read and one write more per
 *   further 1500 cells (every cell is a range of its own in the request).
 * - fillSubordinatesSheet: 2 (the sheet and the planned cells; the copy + writes).
 */
import { columnLetters, parseRange, quoteSheet, rangeA1 } from '../workbook/a1';
import { backupSheetName, unicodeFontFor } from '../workbook/legacyFix';
import { findMarker, placeMarker, MARKER_SEARCH_ROWS } from '../workbook/marker';
import { isPolicySheetValues, readPolicyGrid, type PolicyCellEntry } from '../workbook/policySheet';
import { DOCUMENT_MARGINS } from '../workbook/print';
import { DEFAULT_FONT, layoutRowHeights } from '../workbook/rowHeights';
import { SHEET_NAMES } from '../workbook/template';
import type { CellValue, ColumnValidation, RangeFormat, SheetGrid, SheetLayout } from '../workbook/types';
import { VALIDATION_ERROR_TITLE, validationMessage } from '../workbook/validationText';

// ------------------------------------------------------------------------------------- helpers

/** Excel on the web: 5 MB per request and response; every platform: 5 M cells per read. */
export const EXCEL_MAX_CELLS_PER_READ = 5_000_000;
export const EXCEL_MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
/** What a cell costs in a response, on average, when planning chunked reads (adjusted by splitting). */
const ESTIMATED_BYTES_PER_CELL = 16;
/** Rows of a template sheet that get the column's number format (the data-entry area). */
export const TEMPLATE_ROWS = 1000;

/** The fill of the add-in's highlights (Excel's light red) and the tag in their rule formula. */
export const HIGHLIGHT_FILL = '#FFC7CE';
const HIGHLIGHT_TAG = 'BONTOT-HIGHLIGHT';
/** Always TRUE; the string literal tags the conditional format as the add-in's own. */
export const HIGHLIGHT_FORMULA = `=ISTEXT("${HIGHLIGHT_TAG}")`;

function isHighlightFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.toUpperCase().includes(`"${HIGHLIGHT_TAG}"`);
}

/** Excel compares sheet names case-insensitively. */
function sameSheetName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();
}

/** The range part of an address such as "'Sinh hoạt'!B2:M30". */
function rangePart(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

function origin(address: string): { row: number; col: number } {
  const range = parseRange(rangePart(address).replace(/\$/g, ''));
  return range ? { row: range.start.row, col: range.start.col } : { row: 0, col: 0 };
}

/** Column width in characters (as layouts and ExcelJS give it) → points (what Office.js takes). */
export function widthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return '';
}

/** Errors that mean "ask for less at a time". */
function isSizeLimitError(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  const message = error instanceof Error ? error.message : '';
  return /payload size|size limit|too large/i.test(message);
}

// ----------------------------------------------------------------------------------- reading

export interface ReadOptions {
  /** Largest number of cells asked for in one read when a sheet must be read in pieces. */
  maxCellsPerRead?: number;
  /** Request/response budget per sync when reading in pieces (estimated). */
  maxPayloadBytes?: number;
  /** Which sheets to read (default: all of them, hidden ones included). */
  include?: (name: string, hidden: boolean) => boolean;
}

interface SheetDims {
  sheet: Excel.Worksheet;
  name: string;
  hidden: boolean;
  originRow: number;
  originCol: number;
  rows: number;
  cols: number;
}

interface Piece {
  index: number;
  start: number;
  count: number;
}

/**
 * Every worksheet's used range (values only) as a SheetGrid: 2 syncs, whatever the size, for a
 * workbook within Excel's limits. Office.js cannot tell the size of every used range without a
 * round trip, so the second sync asks for all values at once; a sheet whose values do not come
 * back (Excel returns null above 5 M cells, or fails the request above 5 MB on the web) is read
 * again in row chunks of at most `maxCellsPerRead` cells, one sync per chunk.
 */
export async function readSheets(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SheetGrid[]> {
  const maxCells = Math.max(1, options.maxCellsPerRead ?? EXCEL_MAX_CELLS_PER_READ);
  const maxBytes = Math.max(1024, options.maxPayloadBytes ?? EXCEL_MAX_PAYLOAD_BYTES);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();

  const sheets = worksheets.items
    .map((sheet) => ({ sheet, name: sheet.name, hidden: sheet.visibility !== 'Visible' }))
    .filter((s) => (options.include ? options.include(s.name, s.hidden) : true));

  const used = sheets.map((s) => {
    const range = s.sheet.getUsedRangeOrNullObject(true);
    range.load('address,rowCount,columnCount,values');
    return range;
  });
  let dims: (SheetDims | null)[];
  const grids: (SheetGrid | null)[] = sheets.map(() => null);
  try {
    await context.sync();
    dims = sheets.map((s, i) => {
      const range = used[i] as Excel.Range;
      if (range.isNullObject) return null;
      const start = origin(range.address);
      return { ...s, originRow: start.row, originCol: start.col, rows: range.rowCount, cols: range.columnCount };
    });
    dims.forEach((d, i) => {
      const s = sheets[i] as (typeof sheets)[number];
      if (!d) {
        grids[i] = { name: s.name, values: [], originRow: 0, originCol: 0, hidden: s.hidden };
        return;
      }
      const values = (used[i] as Excel.Range).values as unknown[][] | null;
      if (Array.isArray(values) && values.length === d.rows) {
        grids[i] = { name: d.name, values, originRow: d.originRow, originCol: d.originCol, hidden: d.hidden };
      }
    });
  } catch (error) {
    if (!isSizeLimitError(error) && errorCode(error) !== 'GeneralException') throw error;
    // Too much at once: learn the sizes (cheap), then read in pieces.
    const sized = sheets.map((s) => {
      const range = s.sheet.getUsedRangeOrNullObject(true);
      range.load('address,rowCount,columnCount');
      return range;
    });
    await context.sync();
    dims = sheets.map((s, i) => {
      const range = sized[i] as Excel.Range;
      if (range.isNullObject) return null;
      const start = origin(range.address);
      return { ...s, originRow: start.row, originCol: start.col, rows: range.rowCount, cols: range.columnCount };
    });
    dims.forEach((d, i) => {
      const s = sheets[i] as (typeof sheets)[number];
      if (!d) grids[i] = { name: s.name, values: [], originRow: 0, originCol: 0, hidden: s.hidden };
    });
  }

  const missing = dims.map((d, i) => (d && !grids[i] ? i : -1)).filter((i) => i >= 0);
  if (missing.length > 0) {
    const chunks = await readInPieces(context, dims, missing, maxCells, maxBytes);
    for (const i of missing) {
      const d = dims[i] as SheetDims;
      grids[i] = { name: d.name, values: chunks.get(i) ?? [], originRow: d.originRow, originCol: d.originCol, hidden: d.hidden };
    }
  }
  return grids as SheetGrid[];
}

/** Reads the given sheets in row chunks; batches of small chunks share a sync, a failing batch is split. */
async function readInPieces(
  context: Excel.RequestContext,
  dims: (SheetDims | null)[],
  indexes: number[],
  maxCells: number,
  maxBytes: number,
): Promise<Map<number, unknown[][]>> {
  const budget = Math.max(1, Math.min(maxCells, Math.floor(maxBytes / ESTIMATED_BYTES_PER_CELL)));
  const pieces: Piece[] = [];
  for (const index of indexes) {
    const d = dims[index] as SheetDims;
    const rowsPerPiece = Math.max(1, Math.floor(budget / Math.max(1, d.cols)));
    for (let start = 0; start < d.rows; start += rowsPerPiece) {
      pieces.push({ index, start, count: Math.min(rowsPerPiece, d.rows - start) });
    }
  }
  const cellsOf = (p: Piece): number => p.count * (dims[p.index] as SheetDims).cols;
  const batches: Piece[][] = [];
  let current: Piece[] = [];
  let currentCells = 0;
  for (const piece of pieces) {
    if (current.length > 0 && currentCells + cellsOf(piece) > budget) {
      batches.push(current);
      current = [];
      currentCells = 0;
    }
    current.push(piece);
    currentCells += cellsOf(piece);
  }
  if (current.length > 0) batches.push(current);

  const rows = new Map<number, unknown[][]>();
  for (const index of indexes) rows.set(index, new Array<unknown[]>((dims[index] as SheetDims).rows));

  const attempt = async (batch: Piece[]): Promise<void> => {
    const ranges = batch.map((p) => {
      const d = dims[p.index] as SheetDims;
      const range = d.sheet.getRangeByIndexes(d.originRow + p.start, d.originCol, p.count, d.cols);
      range.load('values');
      return range;
    });
    let tooBig = false;
    try {
      await context.sync();
    } catch (error) {
      if (!isSizeLimitError(error)) throw error;
      tooBig = true;
    }
    if (!tooBig) tooBig = ranges.some((r, i) => !Array.isArray(r.values) || r.values.length !== (batch[i] as Piece).count);
    if (tooBig) {
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await attempt(batch.slice(0, half));
        await attempt(batch.slice(half));
        return;
      }
      const only = batch[0] as Piece;
      if (only.count > 1) {
        const half = Math.ceil(only.count / 2);
        await attempt([{ index: only.index, start: only.start, count: half }]);
        await attempt([{ index: only.index, start: only.start + half, count: only.count - half }]);
        return;
      }
      const d = dims[only.index] as SheetDims;
      throw new Error(
        `Không đọc được dòng ${d.originRow + only.start + 1} của trang "${d.name}": một dòng đã vượt giới hạn một lần đọc của Excel (${maxCells} ô, ${maxBytes} byte).`,
      );
    }
    batch.forEach((p, i) => {
      const target = rows.get(p.index) as unknown[][];
      const values = (ranges[i] as Excel.Range).values;
      for (let r = 0; r < p.count; r++) target[p.start + r] = values[r] as unknown[];
    });
  };
  for (const batch of batches) await attempt(batch);
  return rows;
}

/** One sheet's used range, or null when there is no such sheet. One sync. */
export async function readSheet(context: Excel.RequestContext, name: string): Promise<SheetGrid | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load('name,visibility');
  await context.sync();
  if (sheet.isNullObject) return null;
  const range = sheet.getUsedRangeOrNullObject(true);
  range.load('address,values');
  await context.sync();
  const hidden = sheet.visibility !== 'Visible';
  if (range.isNullObject) return { name: sheet.name, values: [], originRow: 0, originCol: 0, hidden };
  const start = origin(range.address);
  return { name: sheet.name, values: range.values, originRow: start.row, originCol: start.col, hidden };
}

// ----------------------------------------------------------------------------------- writing

type HAlign = 'Left' | 'Center' | 'Right';
type VAlign = 'Top' | 'Center' | 'Bottom';
const H_ALIGN: Record<NonNullable<RangeFormat['align']>, HAlign> = { left: 'Left', center: 'Center', right: 'Right' };
const V_ALIGN: Record<NonNullable<RangeFormat['verticalAlign']>, VAlign> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

function layoutWidth(layout: SheetLayout): number {
  return Math.max(layout.columns.length, ...layout.values.map((row) => row.length), 1);
}

function validationRows(layout: SheetLayout): number {
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
  layout.columns.forEach((column, c) => {
    if (!column.numberFormat || c >= cols) return;
    for (let r = 0; r < rows; r++) (grid[r] as string[])[c] = column.numberFormat;
  });
  for (const format of layout.formats) {
    if (format.numberFormat === undefined) continue;
    const range = parseRange(format.range.replace(/\$/g, ''));
    if (!range) continue;
    for (let r = range.start.row; r <= Math.min(range.end.row, rows - 1); r++) {
      for (let c = range.start.col; c <= Math.min(range.end.col, cols - 1); c++) (grid[r] as string[])[c] = format.numberFormat;
    }
  }
  layout.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === 'string' && r < rows && c < cols) (grid[r] as string[])[c] = '@';
    }),
  );
  for (const address of Object.keys(layout.formulas ?? {})) {
    const range = parseRange(address);
    if (!range) continue;
    for (let r = range.start.row; r <= Math.min(range.end.row, rows - 1); r++) {
      for (let c = range.start.col; c <= Math.min(range.end.col, cols - 1); c++) {
        if ((grid[r] as string[])[c] === '@') (grid[r] as string[])[c] = 'General';
      }
    }
  }
  return grid;
}

/** Layout values as a full rectangle; blanks written as "" (clears the cell). */
function valueBlock(layout: SheetLayout, rows: number, cols: number): (string | number | boolean)[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const value: CellValue | undefined = layout.values[r]?.[c];
      if (value === null || value === undefined) return '';
      if (typeof value === 'number' && !Number.isFinite(value)) return '';
      if (typeof value === 'string' && value.length > 32_767) return value.slice(0, 32_767);
      return value;
    }),
  );
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

function validationRule(validation: ColumnValidation): Excel.DataValidationRule {
  switch (validation.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: validation.items.join(',') } };
    case 'listRange': {
      const range = validation.range.replace(/\$/g, '');
      const parsed = parseRange(range);
      const absolute = parsed
        ? `$${columnLetters(parsed.start.col)}$${parsed.start.row + 1}:$${columnLetters(parsed.end.col)}$${parsed.end.row + 1}`
        : validation.range;
      return { list: { inCellDropDown: true, source: `=${quoteSheet(validation.sheet)}!${absolute}` } };
    }
    case 'wholeNumber':
    case 'decimal': {
      const rule: Excel.BasicDataValidation =
        validation.max !== undefined
          ? { formula1: validation.min, formula2: validation.max, operator: 'Between' }
          : { formula1: validation.min, operator: 'GreaterThanOrEqualTo' };
      return validation.type === 'wholeNumber' ? { wholeNumber: rule } : { decimal: rule };
    }
    case 'date':
      return { date: { formula1: '1900-01-01', operator: 'GreaterThanOrEqualTo' } };
  }
}

interface QueueOptions {
  /** Rows that get the columns' number formats and the font (≥ the layout's rows). */
  rows: number;
  /** Sheet was already there: reset what the old content left behind. */
  reset: boolean;
}

/** Queues every write of a layout on a sheet (no sync). */
function queueLayout(sheet: Excel.Worksheet, layout: SheetLayout, options: QueueOptions): void {
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
  block.format.font.name = layout.fontName ?? DEFAULT_FONT;
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
    target.dataValidation.rule = validationRule(validation);
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
  for (const run of heightRuns(layout.rowHeights ?? layoutRowHeights(layout))) {
    sheet.getRange(`${run.from + 1}:${run.to + 1}`).format.rowHeight = run.height;
  }

  if (layout.print) {
    const page = sheet.pageLayout;
    page.paperSize = 'A4';
    page.orientation = layout.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (layout.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.centerHorizontally = true;
    const margins = layout.print.margins ?? DOCUMENT_MARGINS;
    page.topMargin = margins.top * 72;
    page.bottomMargin = margins.bottom * 72;
    page.leftMargin = margins.left * 72;
    page.rightMargin = margins.right * 72;
    page.headerMargin = margins.header * 72;
    page.footerMargin = margins.footer * 72;
    if (layout.print.titleRows) page.setPrintTitleRows(layout.print.titleRows.replace(/(\d+)/g, '$$$1'));
    // The print area leaves out the hidden marker column.
    const visibleCols = layout.columns.findIndex((c) => c.hidden);
    const printCols = visibleCols > 0 ? visibleCols : cols;
    page.setPrintArea(layout.print.area ?? rangeA1(0, 0, valueRows - 1, printCols - 1));
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

export interface WriteSheetOptions {
  /** Replace an existing sheet of that name only when it carries the product's marker. */
  replaceOnlyIfMarker: boolean;
  /** Names tried in the first round trip: "Tổng hợp", "Tổng hợp (2)" … "(n)". Default 6. */
  candidates?: number;
  /** A native chart drawn from the written values (ExcelApi 1.1 charts). */
  chart?: SheetChart;
}

/**
 * A chart on a generated sheet: the add-in's own (found again by `name`), drawn from `source`
 * (a block of the written values: categories down the first column, one series per other column).
 */
export interface SheetChart {
  name: string;
  title: string;
  /** A1 range of the data, header row included. */
  source: string;
  /** Excel.ChartType value, e.g. "BarStacked100". */
  type: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

/** Queues the chart: values shown on the bars (not colour alone), legend under it. */
function queueChart(sheet: Excel.Worksheet, chart: SheetChart): void {
  const added = sheet.charts.add(chart.type as Excel.ChartType, sheet.getRange(chart.source), 'Columns' as Excel.ChartSeriesBy);
  added.name = chart.name;
  added.title.text = chart.title;
  added.legend.position = 'Bottom' as Excel.ChartLegendPosition;
  added.dataLabels.showValue = true;
  added.setPosition(chart.from, chart.to);
}

export interface WriteSheetResult {
  sheetName: string;
  /** True when a generated sheet was replaced, false when a new sheet was added. */
  replaced: boolean;
}

function candidateName(base: string, n: number): string {
  return n === 1 ? base : `${base} (${n})`;
}

const MARKER_SCAN_COLUMNS = 64;
const MARKER_SCAN = `A1:${columnLetters(MARKER_SCAN_COLUMNS - 1)}${MARKER_SEARCH_ROWS}`;

/** The layout with its marker in its cells (placeMarker on a copy when it is only in `marker`). */
function withMarker(layout: SheetLayout): SheetLayout {
  if (!layout.marker) return layout;
  const marker = layout.marker;
  const present = layout.values.slice(0, MARKER_SEARCH_ROWS).some((row) => row.some((v) => v === marker));
  if (present) return layout;
  const copy: SheetLayout = {
    ...layout,
    values: layout.values.map((row) => [...row]),
    columns: layout.columns.map((c) => ({ ...c })),
    formats: [...layout.formats],
  };
  return placeMarker(copy, marker);
}

/**
 * Writes a generated sheet (the summary): 2 syncs. The first finds where to write: the first of
 * "Name", "Name (2)", … that is free or carries the product's marker (a sheet without the marker
 * is the user's and is left alone). The second writes everything in one batch under
 * suspendApiCalculationUntilNextSync and activates the sheet.
 */
export async function writeSheet(context: Excel.RequestContext, layout: SheetLayout, options: WriteSheetOptions): Promise<WriteSheetResult> {
  const target = await findTarget(context, layout.name, options);
  const content = withMarker(layout);
  context.application.suspendApiCalculationUntilNextSync();
  let sheet: Excel.Worksheet;
  if (target.exists) {
    sheet = context.workbook.worksheets.getItem(target.name);
  } else {
    sheet = context.workbook.worksheets.add(target.name);
  }
  queueLayout(sheet, { ...content, name: target.name }, { rows: content.values.length, reset: target.exists });
  sheet.visibility = content.hidden ? 'Hidden' : 'Visible';
  if (!content.hidden) {
    sheet.activate();
    sheet.getRange('A1').select();
  }
  // A new sheet has no chart: the chart goes in the same round trip. A replaced sheet (the add-in's
  // own) may hold the chart of an earlier write: its charts are listed now, and the add-in's are
  // replaced in one more round trip; a chart someone else added there is left alone.
  const chart = options.chart;
  let charts: Excel.ChartCollection | null = null;
  if (chart && !target.exists) queueChart(sheet, chart);
  else if (chart) {
    charts = sheet.charts;
    charts.load('items/name');
  }
  await context.sync();
  if (chart && charts) {
    for (const item of charts.items) if (item.name === chart.name) item.delete();
    queueChart(sheet, chart);
    await context.sync();
  }
  return { sheetName: target.name, replaced: target.exists };
}

async function findTarget(context: Excel.RequestContext, base: string, options: WriteSheetOptions): Promise<{ name: string; exists: boolean }> {
  const count = Math.max(1, options.candidates ?? 6);
  const names = Array.from({ length: count }, (_, i) => candidateName(base, i + 1));
  const isGenerated = (values: unknown[][] | undefined): boolean =>
    Array.isArray(values) && findMarker({ name: '', values, originRow: 0, originCol: 0 }) !== null;

  // One round trip: each candidate sheet (null when absent) and the top-left block of its cells.
  // Methods on a null object give null objects; should a host refuse that, fall back below.
  let probes: { name: string; sheet: Excel.Worksheet; scan: Excel.Range }[] | null = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const scan = sheet.getRange(MARKER_SCAN);
    scan.load('values');
    return { name, sheet, scan };
  });
  try {
    await context.sync();
  } catch {
    probes = null;
  }
  if (probes) {
    for (const probe of probes) {
      if (probe.sheet.isNullObject) return { name: probe.name, exists: false };
      if (!options.replaceOnlyIfMarker || isGenerated(probe.scan.values)) return { name: probe.sheet.name, exists: true };
    }
  }

  // Fallback (more candidates, or a host that fails on null objects): list, probe, decide.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((s) => s.name);
  const found = (name: string): string | undefined => existing.find((e) => sameSheetName(e, name));
  const scans = new Map<string, Excel.Range>();
  for (let n = 1; n <= existing.length + 1; n++) {
    const actual = found(candidateName(base, n));
    if (!actual) break;
    const scan = worksheets.getItem(actual).getRange(MARKER_SCAN);
    scan.load('values');
    scans.set(actual, scan);
  }
  if (scans.size > 0 && options.replaceOnlyIfMarker) await context.sync();
  for (let n = 1; ; n++) {
    const name = candidateName(base, n);
    const actual = found(name);
    if (!actual) return { name, exists: false };
    if (!options.replaceOnlyIfMarker || isGenerated(scans.get(actual)?.values)) return { name: actual, exists: true };
  }
}

// ---------------------------------------------------------------------------------- template

export interface TemplateResult {
  created: string[];
  skipped: string[];
}

/**
 * Adds the template sheets that do not exist yet (2 syncs). An existing sheet of the same name
 * (Excel compares names case-insensitively) is never touched. The list sheet is added before
 * the sheets whose dropdowns point at it; hidden layouts end hidden.
 */
export async function createTemplate(context: Excel.RequestContext, layouts: readonly SheetLayout[]): Promise<TemplateResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((s) => s.name);
  const created: SheetLayout[] = [];
  const skipped: string[] = [];
  for (const layout of layouts) {
    if (existing.some((name) => sameSheetName(name, layout.name)) || created.some((l) => sameSheetName(l.name, layout.name))) {
      skipped.push(layout.name);
    } else {
      created.push(layout);
    }
  }
  if (created.length === 0) return { created: [], skipped };

  context.application.suspendApiCalculationUntilNextSync();
  const sheets = created.map((layout) => worksheets.add(layout.name));
  created.forEach((layout, i) => {
    const rows = Math.max(layout.values.length, validationRows(layout), layout.frozenRows + TEMPLATE_ROWS);
    queueLayout(sheets[i] as Excel.Worksheet, layout, { rows, reset: false });
  });
  created.forEach((layout, i) => {
    if (layout.hidden) (sheets[i] as Excel.Worksheet).visibility = 'Hidden';
  });
  await context.sync();
  return { created: created.map((l) => l.name), skipped };
}

// -------------------------------------------------------------------------------------- policy

/** The policy rows of the hidden `Cấu hình` sheet, or null when the workbook has none (1–2 syncs). */
export async function readPolicyEntries(context: Excel.RequestContext, sheetName: string = SHEET_NAMES.policy): Promise<PolicyCellEntry[] | null> {
  const grid = await readSheet(context, sheetName);
  return grid ? readPolicyGrid(grid) : null;
}

export interface PolicyWriteResult {
  /**
   * The copy kept of a sheet of the user's that had the policy sheet's name but was no policy
   * sheet ("Cấu hình (bản gốc)"), or null when there was none to keep.
   */
  copy: string | null;
}

/**
 * Writes the policy sheet (created hidden when absent), then recalculates so that the BONTOT
 * functions use the new thresholds. A policy sheet (or an empty one) is replaced; a sheet of the
 * user's that only has its name is first copied to "Cấu hình (bản gốc)" (add-in edits cannot be
 * undone with Ctrl+Z). 2 syncs when the sheet is new, 3 when it exists.
 */
export async function writePolicy(context: Excel.RequestContext, layout: SheetLayout): Promise<PolicyWriteResult> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(layout.name);
  existing.load('name');
  await context.sync();
  const exists = !existing.isNullObject;
  let copy: string | null = null;
  if (exists) {
    const used = existing.getUsedRangeOrNullObject(true);
    used.load('values');
    worksheets.load('items/name');
    await context.sync();
    if (!used.isNullObject && !isPolicySheetValues(used.values)) {
      copy = backupSheetName(
        existing.name,
        worksheets.items.map((sheet) => sheet.name),
      );
      // Queued before the writes below, so the copy keeps what the user had.
      existing.copy('After', existing).name = copy;
    }
  }
  context.application.suspendApiCalculationUntilNextSync();
  const sheet = exists ? existing : context.workbook.worksheets.add(layout.name);
  queueLayout(sheet, layout, { rows: layout.values.length, reset: exists });
  sheet.visibility = layout.hidden ? 'Hidden' : 'Visible';
  context.workbook.application.calculate('Full');
  await context.sync();
  return { copy };
}

// ----------------------------------------------------------------------------- select, highlight

/**
 * Activates the sheet and selects the cell (1 sync). `cell` may carry a "Sheet!" prefix. A sheet
 * that is missing or hidden gives an Error with a Vietnamese message (one more sync to find out).
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(rangePart(cell)).select();
  try {
    await context.sync();
  } catch (error) {
    const probe = context.workbook.worksheets.getItemOrNullObject(sheet);
    probe.load('visibility');
    await context.sync();
    if (probe.isNullObject) throw new Error(`Không có trang "${sheet}" trong sổ tính (có thể đã bị đổi tên hoặc xóa).`);
    if (probe.visibility !== 'Visible') {
      throw new Error(`Trang "${sheet}" đang ẩn nên không chọn được ô ${rangePart(cell)}. Hãy bỏ ẩn trang rồi thử lại.`);
    }
    throw error;
  }
}

export interface HighlightPlace {
  sheet: string;
  /** A1 cell or range; null (a whole-sheet issue) is skipped. */
  cell: string | null;
}

export interface HighlightOptions {
  fill?: string;
}

/** Longest address list handed to one getRanges call. */
const MAX_AREAS_ADDRESS = 2000;

/** Cells of one sheet as vertical runs ("B5:B9"), grouped into address lists for getRanges. */
function highlightGroups(cells: readonly string[]): string[] {
  const points = new Map<number, Set<number>>();
  const areas: string[] = [];
  for (const cell of cells) {
    const range = parseRange(rangePart(cell).replace(/\$/g, ''));
    if (!range) continue;
    if (range.start.row === range.end.row && range.start.col === range.end.col) {
      let rows = points.get(range.start.col);
      if (!rows) points.set(range.start.col, (rows = new Set()));
      rows.add(range.start.row);
    } else {
      areas.push(rangeA1(range.start.row, range.start.col, range.end.row, range.end.col));
    }
  }
  for (const [col, rowSet] of [...points].sort((a, b) => a[0] - b[0])) {
    const rows = [...rowSet].sort((a, b) => a - b);
    let start = rows[0] as number;
    let prev = start;
    for (const row of rows.slice(1).concat([Number.NaN])) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      areas.push(rangeA1(start, col, prev, col));
      start = row;
      prev = row;
    }
  }
  const groups: string[] = [];
  let current = '';
  for (const area of [...new Set(areas)]) {
    if (current !== '' && current.length + area.length + 1 > MAX_AREAS_ADDRESS) {
      groups.push(current);
      current = '';
    }
    current = current === '' ? area : `${current},${area}`;
  }
  if (current !== '') groups.push(current);
  return groups;
}

/** The add-in's own highlight conditional formats on every sheet (2 syncs). */
async function findHighlights(
  context: Excel.RequestContext,
): Promise<{ names: string[]; sheets: Excel.Worksheet[]; ours: Excel.ConditionalFormat[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const sheets = worksheets.items;
  const collections = sheets.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load('items/type,items/customOrNullObject/rule/formula');
    return formats;
  });
  await context.sync();
  const ours: Excel.ConditionalFormat[] = [];
  for (const formats of collections) {
    for (const format of formats.items) {
      if (format.type === 'Custom' && isHighlightFormula(format.customOrNullObject.rule.formula)) ours.push(format);
    }
  }
  return { names: sheets.map((s) => s.name), sheets, ours };
}

/**
 * Highlights the cells that have issues with conditional formats the add-in owns (a custom rule
 * whose always-true formula carries a tag), after removing its previous highlights. The user's
 * own formats and conditional formats are never touched. 3 syncs. Returns the number of areas.
 */
export async function highlightIssues(
  context: Excel.RequestContext,
  places: readonly HighlightPlace[],
  options: HighlightOptions = {},
): Promise<number> {
  const { names, sheets, ours } = await findHighlights(context);
  for (const format of ours) format.delete();
  const bySheet = new Map<number, string[]>();
  for (const place of places) {
    if (!place.cell) continue;
    const index = names.findIndex((name) => sameSheetName(name, place.sheet));
    if (index < 0) continue;
    const list = bySheet.get(index) ?? [];
    list.push(place.cell);
    bySheet.set(index, list);
  }
  let areas = 0;
  for (const [index, cells] of bySheet) {
    const sheet = sheets[index] as Excel.Worksheet;
    for (const address of highlightGroups(cells)) {
      const target = address.includes(',') ? sheet.getRanges(address) : sheet.getRange(address);
      const format = target.conditionalFormats.add('Custom');
      format.custom.rule.formula = HIGHLIGHT_FORMULA;
      format.custom.format.fill.color = options.fill ?? HIGHLIGHT_FILL;
      areas += address.split(',').length;
    }
  }
  if (ours.length > 0 || areas > 0) await context.sync();
  return areas;
}

/** Removes exactly the add-in's highlights (≤ 3 syncs). Returns how many were removed. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const { ours } = await findHighlights(context);
  if (ours.length === 0) return 0;
  for (const format of ours) format.delete();
  await context.sync();
  return ours.length;
}

// ---------------------------------------------------------------------------- legacy encodings

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

// ---------------------------------------------------------------------------- Chi bộ trực thuộc

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
