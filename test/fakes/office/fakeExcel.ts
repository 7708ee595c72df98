/**
 * An in-memory implementation of the part of Office.js (Excel) that src/hosts/excel/ uses.
 *
 * One fake for Jest and for the browser tests: plain TypeScript, no Node APIs, no Jest imports.
 * It keeps the proxy / load / sync discipline of the real API so that adapter bugs show up here:
 *
 * - Every method call and property write is queued and applied at `context.sync()`, in order.
 * - `load()` is queued too; the values it asks for are snapshotted when the queue reaches it.
 * - Reading a scalar property that was neither loaded+synced nor set locally throws an error with
 *   code "PropertyNotLoaded" (as Office.js does), and reading `isNullObject` before a sync too.
 * - `getItem` of a missing sheet makes the sync fail with "ItemNotFound"; `getItemOrNullObject`
 *   gives a null object. Methods called on a null object give null objects ("propagate", the
 *   default) or make the sync fail ("throw"), so an adapter can be tested under both readings.
 * - Strings written to `values` are parsed as if typed (like Office.js): "=…" becomes a formula,
 *   "01/02/2026" a date serial (en-US month first by default), "0123" the number 123, "TRUE" a
 *   boolean — unless the cell's number format is "@" (text) or the string starts with "'".
 *   A `null` in a written 2-D array leaves that cell unchanged.
 * - Limits: a sync whose response (the JSON of what it loads) or request (the JSON of what it
 *   writes) exceeds `maxPayloadBytes` fails with "ResponsePayloadSizeLimitExceeded" /
 *   "RequestPayloadSizeLimitExceeded"; a range read above `maxCellsPerRead` cells returns null
 *   values (what Excel documents it sometimes does) or fails, per `overLimitRead`.
 * - Formulas are not calculated: a formula cell reads back `formulaValue` (default "#NAME?",
 *   what Excel shows for a custom function that is not loaded). The one exception, with the
 *   default: the template's `Sinh hoạt` count formulas (COUNTIF over `Điểm danh`), computed as
 *   Excel does (countFormula.ts), so a workbook made from the template reads as in Excel.
 *
 * Usage: `const fake = createFakeExcel({ sheets: [...] }); await fake.run(async (context) => …)`,
 * then inspect `fake.cell("Sheet", "A1")`, `fake.values("Sheet")`, `fake.snapshot("Sheet")`,
 * `fake.syncCount`, `fake.syncLog`, `fake.selection`, `fake.calculations`.
 *
 * This file holds the handle tests hold (FakeExcel: run, cells, values, snapshots, sync log),
 * the options it is made from, and the enum values for code that expects a global `Excel`.
 */

import { countFormulaResult } from '../countFormula';
import { columnName, parseAddress, rectAddress } from './address';
import { type FakeLimits, FakeRequestContext, type SyncRecord } from './context';
import {
  type CellScalar,
  cloneCell,
  emptyCell,
  type FakeCell,
  type FakeCellFormat,
  type FakeChartModel,
  type FakeConditionalFormat,
  type FakeFont,
  type FakePageLayout,
  type FakeValidation,
  findSheet,
  MAX_COLUMNS,
  type Rect,
  SheetModel,
  structuredCopy,
  type WorkbookModel,
} from './model';
import { EXCEL_EPOCH, type FakeLocale } from './typing';

export interface FakeSheetInit {
  name: string;
  /** Written as stored values (strings stay text, no parsing); null/'' leave the cell empty. */
  values?: unknown[][];
  /** Top-left cell of `values`, default "A1". */
  origin?: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}

export interface FakeExcelOptions {
  sheets?: FakeSheetInit[];
  locale?: FakeLocale;
  limits?: Partial<FakeLimits>;
  nullChaining?: 'propagate' | 'throw';
  /** What a formula cell reads back (the fake does not calculate). */
  formulaValue?: (formula: string) => CellScalar;
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  cells: Record<string, FakeCell>;
  merges: string[];
  columnWidths: Record<string, number>;
  /** Row heights set by the add-in, by 1-based row number. */
  rowHeights: Record<string, number>;
  hiddenColumns: string[];
  frozenRows: number;
  frozenColumns: number;
  conditionalFormats: (Omit<FakeConditionalFormat, 'rects'> & { ranges: string[] })[];
  validations: Record<string, FakeValidation>;
  pageLayout: FakePageLayout;
}

/** The enum values the adapter may use, for code that expects a global `Excel`. */
export const FAKE_EXCEL_ENUMS = {
  CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
  ConditionalFormatType: { custom: 'Custom', cellValue: 'CellValue', containsText: 'ContainsText' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
  VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom' },
  PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
  PaperType: { a4: 'A4', letter: 'Letter' },
  BorderIndex: {
    edgeTop: 'EdgeTop',
    edgeBottom: 'EdgeBottom',
    edgeLeft: 'EdgeLeft',
    edgeRight: 'EdgeRight',
    insideVertical: 'InsideVertical',
    insideHorizontal: 'InsideHorizontal',
  },
  BorderLineStyle: { none: 'None', continuous: 'Continuous' },
  DataValidationOperator: {
    between: 'Between',
    greaterThanOrEqualTo: 'GreaterThanOrEqualTo',
    lessThanOrEqualTo: 'LessThanOrEqualTo',
  },
  ErrorCodes: {
    itemNotFound: 'ItemNotFound',
    propertyNotLoaded: 'PropertyNotLoaded',
  },
} as const;

export class FakeExcel {
  readonly model: WorkbookModel = {
    sheets: [],
    activeSheetId: null,
    selection: null,
    calculations: [],
    calculationSuspended: false,
    suspendCalls: 0,
    syncLog: [],
    nextId: 1,
  };
  readonly locale: FakeLocale;
  readonly limits: FakeLimits;
  readonly nullChaining: 'propagate' | 'throw';
  readonly formulaValue: (formula: string) => CellScalar;
  /** An `Excel`-like namespace: enums plus `run`. */
  readonly Excel: typeof FAKE_EXCEL_ENUMS & { run: <T>(batch: (context: FakeRequestContext) => Promise<T>) => Promise<T> };

  constructor(options: FakeExcelOptions = {}) {
    this.locale = options.locale ?? 'en-US';
    this.limits = {
      maxPayloadBytes: options.limits?.maxPayloadBytes ?? 5 * 1024 * 1024,
      maxCellsPerRead: options.limits?.maxCellsPerRead ?? 5_000_000,
      overLimitRead: options.limits?.overLimitRead ?? 'null',
    };
    this.nullChaining = options.nullChaining ?? 'propagate';
    this.formulaValue = options.formulaValue ?? ((): CellScalar => '#NAME?');
    this.computesCounts = options.formulaValue === undefined;
    for (const init of options.sheets ?? []) this.addSheet(init);
    this.Excel = { ...FAKE_EXCEL_ENUMS, run: (batch) => this.run(batch) };
  }

  /** Whether the template's count formulas are computed (with the default formulaValue). */
  private readonly computesCounts: boolean;

  /**
   * What a cell reads back: its value, or for a formula the template's count computed
   * (test/fakes/countFormula.ts) or else formulaValue.
   */
  resultOf(cell: FakeCell, sheet: SheetModel): CellScalar {
    if (cell.formula === null) return cell.value;
    if (this.computesCounts) {
      const counted = countFormulaResult(cell.formula, (name, r, c) => {
        const target = name === null ? sheet : findSheet(this.model, name);
        const other = target?.get(r, c);
        return other ? (other.formula !== null ? this.formulaValue(other.formula) : other.value) : '';
      });
      if (counted !== undefined) return counted;
    }
    return this.formulaValue(cell.formula);
  }

  /** Adds a sheet directly (test setup, no sync). */
  addSheet(init: FakeSheetInit): SheetModel {
    if (findSheet(this.model, init.name)) throw new Error(`sheet ${init.name} exists`);
    const sheet = new SheetModel(`{fake-${this.model.nextId++}}`, init.name, init.visibility ?? 'Visible');
    this.model.sheets.push(sheet);
    if (!this.model.activeSheetId && sheet.visibility === 'Visible') this.model.activeSheetId = sheet.id;
    const origin = parseAddress(init.origin ?? 'A1') ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    (init.values ?? []).forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null || value === undefined || value === '') return;
        const cell = sheet.at(origin.r0 + i, origin.c0 + j);
        if (typeof value === 'number' || typeof value === 'boolean') cell.value = value;
        else if (value instanceof Date) cell.value = (value.getTime() - EXCEL_EPOCH) / 86_400_000;
        else cell.value = String(value);
      }),
    );
    return sheet;
  }

  /** Direct access to a sheet's model (test setup and inspection). */
  sheet(name: string): SheetModel {
    const sheet = findSheet(this.model, name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  hasSheet(name: string): boolean {
    return findSheet(this.model, name) !== undefined;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** Changes a cell directly (test setup, no sync). */
  setCell(
    sheetName: string,
    address: string,
    change: Partial<Omit<FakeCell, 'format'>> & { format?: Partial<Omit<FakeCellFormat, 'font'>> & { font?: Partial<FakeFont> } },
  ): void {
    const rect = parseAddress(address);
    if (!rect) throw new Error(`bad address ${address}`);
    const sheet = this.sheet(sheetName);
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const cell = sheet.at(r, c);
        if (change.value !== undefined) cell.value = change.value;
        // A value typed over a formula replaces it, as in Excel.
        if (change.value !== undefined && change.formula === undefined) cell.formula = null;
        if (change.formula !== undefined) cell.formula = change.formula;
        if (change.numberFormat !== undefined) cell.numberFormat = change.numberFormat;
        if (change.format) {
          const { font, borders, ...rest } = change.format;
          Object.assign(cell.format, rest);
          if (font) Object.assign(cell.format.font, font);
          if (borders) Object.assign(cell.format.borders, borders);
        }
      }
    }
  }

  /** Adds a user's conditional format directly (test setup). */
  addConditionalFormat(sheetName: string, ranges: string[], cf: Partial<Omit<FakeConditionalFormat, 'id' | 'rects'>>): void {
    const sheet = this.sheet(sheetName);
    sheet.conditionalFormats.push({
      id: `{cf-${this.model.nextId++}}`,
      type: cf.type ?? 'Custom',
      rects: ranges.map((r) => parseAddress(r) as Rect),
      formula: cf.formula ?? null,
      fill: cf.fill ?? null,
      fontColor: cf.fontColor ?? null,
      bold: cf.bold ?? null,
      stopIfTrue: cf.stopIfTrue ?? false,
      extra: cf.extra,
    });
  }

  /** A copy of one cell (an empty default when it was never written). */
  cell(sheetName: string, address: string): FakeCell {
    const rect = parseAddress(address);
    if (!rect) throw new Error(`bad address ${address}`);
    const cell = this.sheet(sheetName).get(rect.r0, rect.c0);
    return cell ? cloneCell(cell) : emptyCell();
  }

  /** Stored values of a range (default: the used range from A1), '' for empty cells. */
  values(sheetName: string, address?: string): CellScalar[][] {
    const sheet = this.sheet(sheetName);
    const rect = address
      ? parseAddress(address)
      : (() => {
          const used = sheet.usedRect(true);
          return used ? { r0: 0, c0: 0, r1: used.r1, c1: used.c1 } : null;
        })();
    if (!rect) return [];
    const out: CellScalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      const line: CellScalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const cell = sheet.get(r, c);
        line.push(cell ? this.resultOf(cell, sheet) : '');
      }
      out.push(line);
    }
    return out;
  }

  /** Everything about a sheet, as plain data, for equality checks ("nothing changed"). */
  snapshot(sheetName: string): SheetSnapshot {
    const sheet = this.sheet(sheetName);
    const cells: Record<string, FakeCell> = {};
    const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const cell = sheet.cells.get(key) as FakeCell;
      cells[`${columnName(key % MAX_COLUMNS)}${Math.floor(key / MAX_COLUMNS) + 1}`] = cloneCell(cell);
    }
    const validations: Record<string, FakeValidation> = {};
    for (const key of [...sheet.validations.keys()].sort((a, b) => a - b)) {
      validations[`${columnName(key % MAX_COLUMNS)}${Math.floor(key / MAX_COLUMNS) + 1}`] = structuredCopy(
        sheet.validations.get(key) as FakeValidation,
      );
    }
    return {
      name: sheet.name,
      visibility: sheet.visibility,
      cells,
      merges: sheet.merges.map(rectAddress),
      columnWidths: Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnName(c), w])),
      rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnName),
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      conditionalFormats: sheet.conditionalFormats.map(({ rects, ...rest }) => ({ ...structuredCopy(rest), ranges: rects.map(rectAddress) })),
      validations,
      pageLayout: structuredCopy(sheet.pageLayout),
    };
  }

  /**
   * The charts of a sheet with the numbers they draw, read from the cells now: categories down the
   * source's first column, one series per other column named by its header (series by columns).
   */
  charts(
    sheetName: string,
  ): (Omit<FakeChartModel, 'source'> & { source: string; categories: CellScalar[]; series: { name: CellScalar; values: CellScalar[] }[] })[] {
    const sheet = this.sheet(sheetName);
    const value = (r: number, c: number): CellScalar => {
      const cell = sheet.get(r, c);
      return cell ? (cell.formula !== null ? this.formulaValue(cell.formula) : cell.value) : '';
    };
    return sheet.charts.map((chart) => {
      const { r0, c0, r1, c1 } = chart.source;
      const categories: CellScalar[] = [];
      for (let r = r0 + 1; r <= r1; r += 1) categories.push(value(r, c0));
      const series: { name: CellScalar; values: CellScalar[] }[] = [];
      for (let c = c0 + 1; c <= c1; c += 1) {
        const values: CellScalar[] = [];
        for (let r = r0 + 1; r <= r1; r += 1) values.push(value(r, c));
        series.push({ name: value(r0, c), values });
      }
      return { ...structuredCopy(chart), source: rectAddress(chart.source), categories, series };
    });
  }

  /** Snapshots of every sheet, by name. */
  snapshotAll(): Record<string, SheetSnapshot> {
    return Object.fromEntries(this.model.sheets.map((s) => [s.name, this.snapshot(s.name)]));
  }

  get syncCount(): number {
    return this.model.syncLog.length;
  }
  get syncLog(): readonly SyncRecord[] {
    return this.model.syncLog;
  }
  get activeSheet(): string | null {
    return this.model.sheets.find((s) => s.id === this.model.activeSheetId)?.name ?? null;
  }
  get selection(): { sheet: string; address: string } | null {
    const selection = this.model.selection;
    if (!selection) return null;
    const sheet = this.model.sheets.find((s) => s.id === selection.sheetId);
    return sheet ? { sheet: sheet.name, address: selection.address } : null;
  }
  get calculations(): readonly string[] {
    return this.model.calculations;
  }
  get suspendCalls(): number {
    return this.model.suspendCalls;
  }

  /** A new request context (what Excel.run hands to its callback). */
  context(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** Like Excel.run: a fresh context; queued work left at the end is synced. */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    const context = this.context();
    const result = await batch(context);
    if (context.pendingCount > 0) await context.sync();
    return result;
  }

  /** Counts syncs made while `work` runs. */
  async countSyncs<T>(work: () => Promise<T>): Promise<{ result: T; syncs: number }> {
    const before = this.syncCount;
    const result = await work();
    return { result, syncs: this.syncCount - before };
  }
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(options);
}
