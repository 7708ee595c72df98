/**
 * The plain data the fake Excel keeps: cells with their formats, sheets (SheetModel) with their
 * conditional formats, validations, page layout and charts, and the workbook (WorkbookModel).
 * Proxies read and write these objects when a sync runs; nothing here knows about proxies.
 */

import type { SyncRecord } from './context';

export type CellScalar = string | number | boolean;

export interface FakeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: string;
  color: string;
}

export interface FakeCellFormat {
  /** null = no fill. */
  fill: string | null;
  font: FakeFont;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  /** Border style by edge ("EdgeTop", "InsideHorizontal", …); absent = none. */
  borders: Record<string, string>;
}

export interface FakeCell {
  /** '' for an empty cell. */
  value: CellScalar;
  formula: string | null;
  numberFormat: string;
  format: FakeCellFormat;
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  rects: Rect[];
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
  /** Anything else a test puts on a user's conditional format (kept, compared by snapshots). */
  extra?: Record<string, unknown>;
}

export interface FakeValidation {
  rule: Record<string, unknown>;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
  ignoreBlanks: boolean;
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
  printArea: string | null;
  /** Margins in points. */
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  /** Rows repeated on every printed page ("$1:$1"), or null. */
  printTitleRows: string | null;
}

export const MAX_ROWS = 1_048_576;

export const MAX_COLUMNS = 16_384;

export const DEFAULT_COLUMN_WIDTH = 48;

export const DEFAULT_ROW_HEIGHT = 15;

export const CELL_WRITE_LIMIT = 2_000_000;

export function defaultFormat(): FakeCellFormat {
  return {
    fill: null,
    font: { name: 'Calibri', size: 11, bold: false, italic: false, underline: 'None', color: '#000000' },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    borders: {},
  };
}

export function emptyCell(): FakeCell {
  return { value: '', formula: null, numberFormat: 'General', format: defaultFormat() };
}

export function cloneCell(cell: FakeCell): FakeCell {
  return {
    value: cell.value,
    formula: cell.formula,
    numberFormat: cell.numberFormat,
    format: { ...cell.format, font: { ...cell.format.font }, borders: { ...cell.format.borders } },
  };
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export class SheetModel {
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Row heights (points) set by the add-in, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  frozenRows = 0;
  frozenColumns = 0;
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly validations = new Map<number, FakeValidation>();
  pageLayout: FakePageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    centerHorizontally: false,
    centerVertically: false,
    printArea: null,
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printTitleRows: null,
  };
  tabColor = '';
  /** Charts on the sheet (Worksheet.charts, ExcelApi 1.1), in the order they were added. */
  charts: FakeChartModel[] = [];

  constructor(
    readonly id: string,
    public name: string,
    public visibility: string = 'Visible',
  ) {}

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The cell, created when absent. */
  at(row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Bounding box of cells with a value (valuesOnly) or with a value or a format. */
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    const blank = JSON.stringify(emptyCell());
    for (const [key, cell] of this.cells) {
      const hasValue = cell.value !== '' || cell.formula !== null;
      if (!hasValue && (valuesOnly || JSON.stringify(cell) === blank)) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const col = key % MAX_COLUMNS;
      if (!rect) rect = { r0: row, c0: col, r1: row, c1: col };
      else {
        rect.r0 = Math.min(rect.r0, row);
        rect.c0 = Math.min(rect.c0, col);
        rect.r1 = Math.max(rect.r1, row);
        rect.c1 = Math.max(rect.c1, col);
      }
    }
    return rect;
  }
}

/** A chart as the fake keeps it: what it was made from and what was set on it. */
export interface FakeChartModel {
  id: string;
  name: string;
  type: string;
  /** Its data: the sheet and block it was made from (read again when a test asks for its numbers). */
  source: Rect;
  seriesBy: string;
  title: string;
  legendPosition: string | null;
  showValue: boolean;
  position: { from: string; to: string } | null;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  activeSheetId: string | null;
  selection: { sheetId: string; address: string } | null;
  calculations: string[];
  calculationSuspended: boolean;
  suspendCalls: number;
  syncLog: SyncRecord[];
  nextId: number;
}

export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const key = name.normalize('NFC').toLowerCase();
  return model.sheets.find((s) => s.name.normalize('NFC').toLowerCase() === key);
}

export function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
