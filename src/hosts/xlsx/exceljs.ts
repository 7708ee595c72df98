/**
 * The `.xlsx` host: bytes → SheetGrid[] (readWorkbookData: the zip checks of zip.ts, then the
 * values reader of read.ts; ExcelJS's load where nothing can inflate) and SheetLayout[] →
 * `.xlsx` bytes (writeWorkbookBuffer, ExcelJS).
 *
 * ExcelJS (some 800 modules in Node, ~950 KB in the browser) loads only when something is written
 * or a whole workbook is loaded (loadExcelJs): reading values for a check never needs it, so
 * `bontot check` starts without it and the page can show a verdict before downloading it.
 *
 * This file has no `fs` and no Node-only imports so the standalone page can bundle it (ExcelJS's
 * `browser` field picks its browser build there). The file-system wrappers, and Node's zlib
 * inflater for the zip checks, live in node.ts. No rule logic lives here, and no look of a sheet
 * either: the font, the row heights, the validation rules and texts, the page setup and what a
 * cell can hold are the layout layer's (src/workbook/layout/), which the Office.js host translates
 * too (test/hosts/hostParity.test.ts).
 */
import type * as ExcelJS from 'exceljs';
import { FORMULA_WITHOUT_RESULT, type ColumnValidation, type RangeFormat, type SheetGrid, type SheetLayout } from '../../workbook/types';
import { parseA1, parseRange } from '../../workbook/a1';
import { keywordKindOf, markerKind, PRODUCT_KEYWORD, productKeywords } from '../../workbook/generated';
import { writableValue } from '../../workbook/layout/cells';
import { pageSetup, type PageSetup } from '../../workbook/layout/print';
import { layoutFont, sheetRowHeights } from '../../workbook/layout/rowHeights';
import { checkInlineList } from '../../workbook/layout/inlineList';
import { VALIDATION_ERROR_TITLE, validationMessage, validationRule } from '../../workbook/layout/validation';

import { msg } from '../../core/messages';
import { cellsGrid } from './grid';
import { DEFAULT_ZIP_LIMITS, inspectXlsxZip, verifyInflatedSizes, WorkbookReadError } from './zip';
import { canReadValues, readWorkbookValues, toUint8, type ReadOptions, type WorkbookData, type WorkbookProperties } from './values';

// ------------------------------------------------------------------------------------------ ExcelJS

export type ExcelJsModule = typeof ExcelJS;

let excelJsLoad: Promise<ExcelJsModule> | undefined;

/**
 * ExcelJS, loaded on first use and kept. The chunk name keeps it in the page's lazy "xlsx" chunk
 * (test/taskpane/bundle.test.ts); in Node it is a plain require of the package.
 */
export function loadExcelJs(): Promise<ExcelJsModule> {
  excelJsLoad ??= import(/* webpackChunkName: "xlsx" */ 'exceljs').then((loaded) => {
    // A CommonJS package seen through an ES import: the classes are on the namespace, or on its default.
    const namespace = loaded as ExcelJsModule & { default?: ExcelJsModule };
    return typeof namespace.Workbook === 'function' ? namespace : (namespace.default as ExcelJsModule);
  });
  return excelJsLoad;
}

/** ExcelJS's ValueType members the grid reads (its enum's numbers: the grid needs no module load). */
const MERGE_VALUE_TYPE = 1 as ExcelJS.ValueType.Merge;
const FORMULA_VALUE_TYPE = 6 as ExcelJS.ValueType.Formula;

// ------------------------------------------------------------------------------------ cell values

/** Plain value of an ExcelJS cell value: rich text → text, formula → cached result, link → text, error → "#N/A". */
export function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.richText)) {
    return (record.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in record || 'sharedFormula' in record) {
    // No stored result: a formula nobody computed yet (a file written by a script), not a blank.
    return 'result' in record && record.result !== undefined ? plainCellValue(record.result) : FORMULA_WITHOUT_RESULT;
  }
  if ('hyperlink' in record || 'text' in record) {
    return plainCellValue(record.text);
  }
  if (typeof record.error === 'string') return record.error;
  return null;
}

// ------------------------------------------------------------------------------------------ reading

export { readWorkbookValues, type ReadOptions, type WorkbookData, type WorkbookProperties } from './values';
export const PRODUCT_CREATOR = 'Bốn Tốt (bontot)';

/** Parts of a worksheet the checker never needs; skipping them keeps reads fast (a validation on a
 * whole column would otherwise expand into a million cells). */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'picture', 'drawing', 'hyperlinks', 'headerFooter', 'rowBreaks'];

/**
 * Reads an `.xlsx` from memory: every sheet's used range as values, plus the workbook properties.
 * The central directory is checked first; then the values reader (read.ts) inflates and reads
 * only the parts a check needs, each with its limits (values.ts). Where nothing can inflate (a
 * browser without DecompressionStream('deflate-raw')) ExcelJS reads the file instead.
 */
export async function readWorkbookData(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  // Where nothing can inflate, ExcelJS reads (it checks the central directory first too).
  return canReadValues(options.inflateRaw) ? readWorkbookValues(data, options) : readWorkbookDataWithExcelJs(data, options);
}

/**
 * readWorkbookData through ExcelJS's whole-document load: the fallback where nothing can inflate,
 * and the reference the values reader is tested against (test/hosts/xlsxRead.test.ts).
 */
export async function readWorkbookDataWithExcelJs(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  const bytes = toUint8(data);
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  await verifyInflatedSizes(bytes, inspectXlsxZip(bytes, limits), limits, options.inflateRaw);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // ExcelJS's types ask for a Node Buffer; JSZip underneath takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookReadError('DAMAGED', msg('read.content', { detail: detail.slice(0, 200) }));
  }
  const maxCells = options.maxCellsPerSheet ?? 20_000_000;
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    sheets.push(worksheetGrid(worksheet, maxCells));
  });
  const properties: WorkbookProperties = {
    creator: workbook.creator || null,
    company: workbook.company || null,
    keywords: workbook.keywords || null,
    title: workbook.title || null,
    subject: workbook.subject || null,
    category: workbook.category || null,
  };
  return { sheets, properties, generatedKind: keywordKindOf(properties) };
}

/** Reads an `.xlsx` from memory into grids (browser and Node). */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return (await readWorkbookData(data, options)).sheets;
}

/** One worksheet of a loaded ExcelJS workbook as a grid (the used range, merged cells by their top-left value). */
export function worksheetGrid(worksheet: ExcelJS.Worksheet, maxCells: number = 20_000_000): SheetGrid {
  const cells = { rows: [] as number[], cols: [] as number[], values: [] as unknown[] };
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged cells: only the top-left cell holds the value (as Office.js reports it).
      if (cell.type === MERGE_VALUE_TYPE) return;
      // A formula's stored result from the cell's model: ExcelJS's `cell.value` leaves out a falsy
      // result (0, "", FALSE), which would read a count of 0 as a formula never computed.
      const value = cell.type === FORMULA_VALUE_TYPE ? formulaResult(cell.result) : plainCellValue(cell.value);
      if (value === null || value === '') return;
      cells.rows.push(rowNumber - 1);
      cells.cols.push(colNumber - 1);
      cells.values.push(value);
    });
  });
  return cellsGrid(worksheet.name, worksheet.state === 'hidden' || worksheet.state === 'veryHidden', cells, maxCells);
}

/** The stored result of a formula cell; a formula without one (never computed) is not a blank. */
function formulaResult(result: unknown): unknown {
  return result === undefined ? FORMULA_WITHOUT_RESULT : plainCellValue(result);
}

// ------------------------------------------------------------------------------------------ writing

export interface WriteOptions {
  /** The marker kind written to the workbook's keywords as "bontot:<kind>"; default: the layouts'
   * first `marker`, else "generated". null writes no marker (a file as a person would make it). */
  kind?: string | null;
  title?: string;
  /** Creation time in the document properties; default now (the samples pass a fixed date). */
  timestamp?: Date;
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

function applyFormat(cell: ExcelJS.Cell, format: RangeFormat, sheetFont: { name: string; size: number }): void {
  const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
  if (!font.name) font.name = sheetFont.name;
  if (font.size === undefined) font.size = sheetFont.size;
  if (format.bold !== undefined) font.bold = format.bold;
  if (format.italic !== undefined) font.italic = format.italic;
  if (format.underline !== undefined) font.underline = format.underline;
  if (format.fontSize !== undefined) font.size = format.fontSize;
  if (format.fontColor !== undefined) font.color = { argb: argb(format.fontColor) };
  cell.font = font;
  if (format.fill !== undefined) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.fill) } };
  }
  if (format.align !== undefined || format.verticalAlign !== undefined || format.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (format.align !== undefined) alignment.horizontal = format.align;
    if (format.verticalAlign !== undefined) alignment.vertical = format.verticalAlign;
    if (format.wrap !== undefined) alignment.wrapText = format.wrap;
    cell.alignment = alignment;
  }
  if (format.numberFormat !== undefined) cell.numFmt = format.numberFormat;
  if (format.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

/** The layer's rule in ExcelJS's words, with its alert. */
function toValidation(validation: ColumnValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: VALIDATION_ERROR_TITLE,
    error: validationMessage(validation),
  };
  if (validation.type === 'list') checkInlineList(validation.items);
  const rule = validationRule(validation);
  switch (rule.type) {
    case 'list':
      // The file keeps a formula without its "=" and an inline list in quotes.
      return { ...common, type: 'list', formulae: [rule.source.startsWith('=') ? rule.source.slice(1) : `"${rule.source}"`] };
    case 'date': {
      const [year, month, day] = rule.after.split('-').map(Number) as [number, number, number];
      return { ...common, type: 'date', operator: rule.operator, formulae: [new Date(Date.UTC(year, month - 1, day))] };
    }
    default: {
      const type = rule.type === 'wholeNumber' ? 'whole' : 'decimal';
      return { ...common, type, operator: rule.operator, formulae: rule.max === undefined ? [rule.min] : [rule.min, rule.max] };
    }
  }
}

interface DataValidationsLike {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function addLayoutSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): void {
  const worksheet = workbook.addWorksheet(layout.name, {
    state: layout.hidden ? 'hidden' : 'visible',
    views: layout.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: layout.frozenRows }] : [{}],
  });
  const sheetFont = layoutFont(layout);
  layout.columns.forEach((column, index) => {
    const target = worksheet.getColumn(index + 1);
    target.width = column.width;
    if (column.hidden) target.hidden = true;
    if (column.numberFormat) target.numFmt = column.numberFormat;
    target.font = { ...sheetFont };
  });
  layout.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = worksheet.getCell(r + 1, c + 1);
      // A string is written as a string, always: a text value never turns into a formula.
      cell.value = writableValue(value);
      cell.font = { size: sheetFont.size, ...(cell.font ?? {}), name: sheetFont.name };
    });
  });
  for (const [address, formula] of Object.entries(layout.formulas ?? {})) {
    const pos = parseA1(address);
    if (!pos) continue;
    const cell = worksheet.getCell(pos.row + 1, pos.col + 1);
    const placeholder = layout.values[pos.row]?.[pos.col] ?? null;
    const text = formula.replace(/^=/, '');
    cell.value = placeholder === null ? { formula: text, date1904: false } : { formula: text, result: placeholder, date1904: false };
  }
  for (const format of layout.formats) {
    const range = parseRange(format.range);
    if (!range) continue;
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        applyFormat(worksheet.getCell(r + 1, c + 1), format, sheetFont);
      }
    }
  }
  for (const merge of layout.merges) worksheet.mergeCells(merge);
  const validations = (worksheet as unknown as { dataValidations: DataValidationsLike }).dataValidations;
  for (const { range, validation } of layout.validations) validations.add(range, toValidation(validation));
  // Every row with text carries its height: LibreOffice and WPS do not re-measure wrapped rows.
  for (const [r, height] of Object.entries(sheetRowHeights(layout))) {
    worksheet.getRow(Number(r) + 1).height = height;
  }
  const setup = pageSetup(layout);
  if (setup) {
    worksheet.pageSetup = {
      ...worksheet.pageSetup,
      paperSize: PAPER_SIZES[setup.paper],
      orientation: setup.orientation,
      fitToPage: setup.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: setup.centerHorizontally,
      margins: setup.margins,
      printArea: exceljsPrintArea(setup.area),
      ...(setup.titleRows ? { printTitlesRow: setup.titleRows } : {}),
    };
  }
}

/** The file format's paper size numbers (ECMA-376 ST_PaperSize). */
const PAPER_SIZES: Record<PageSetup['paper'], ExcelJS.PaperSize> = { A4: 9 };

/**
 * A print area as ExcelJS wants it to write an absolute reference: it puts "$" before each part
 * only, so "A1:F49" would be written "$A1:$F49" (a mixed reference a program may shift); "A$1:F$49"
 * becomes "$A$1:$F$49". Whole columns ("A:L") stay as they are.
 */
export function exceljsPrintArea(area: string): string {
  return area
    .replace(/\$/g, '')
    .split(':')
    .map((part) => part.replace(/^([A-Za-z]+)(\d+)$/, '$1$$$2'))
    .join(':');
}

/** Builds a workbook from layouts (in order) and returns its `.xlsx` bytes (browser and Node). */
export async function writeWorkbookBuffer(layouts: readonly SheetLayout[], options: WriteOptions = {}): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  const layoutMarker = layouts.find((l) => l.marker)?.marker;
  const kind = options.kind === undefined ? ((layoutMarker ? markerKind(layoutMarker) : null) ?? 'generated') : options.kind;
  if (kind !== null) {
    workbook.creator = PRODUCT_CREATOR;
    workbook.lastModifiedBy = PRODUCT_CREATOR;
    workbook.company = PRODUCT_KEYWORD;
    workbook.keywords = productKeywords(kind);
  }
  if (options.title) workbook.title = options.title;
  const timestamp = options.timestamp ?? new Date();
  workbook.created = timestamp;
  workbook.modified = timestamp;
  for (const layout of layouts) addLayoutSheet(workbook, layout);
  const firstVisible = layouts.findIndex((l) => !l.hidden);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, firstVisible), visibility: 'visible' }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
