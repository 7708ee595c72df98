/**
 * An in-memory implementation of the part of Office.js (Excel) that src/hosts/excel.ts uses.
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
 */

import { countFormulaResult } from './countFormula';

// ------------------------------------------------------------------------------------------ model

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
const CELL_WRITE_LIMIT = 2_000_000;

function defaultFormat(): FakeCellFormat {
  return {
    fill: null,
    font: { name: 'Calibri', size: 11, bold: false, italic: false, underline: 'None', color: '#000000' },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    borders: {},
  };
}

function emptyCell(): FakeCell {
  return { value: '', formula: null, numberFormat: 'General', format: defaultFormat() };
}

function cloneCell(cell: FakeCell): FakeCell {
  return {
    value: cell.value,
    formula: cell.formula,
    numberFormat: cell.numberFormat,
    format: { ...cell.format, font: { ...cell.format.font }, borders: { ...cell.format.borders } },
  };
}

function cellKey(row: number, col: number): number {
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

/** Chart types of ExcelApi 1.1 the adapter may ask for (a wrong spelling fails as in Excel). */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'Pie',
  'Doughnut',
]);

// ------------------------------------------------------------------------------------ addresses

export function columnName(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(rect: Rect): string {
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) return `${columnName(rect.c0)}:${columnName(rect.c1)}`;
  if (rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const start = `${columnName(rect.c0)}${rect.r0 + 1}`;
  const end = `${columnName(rect.c1)}${rect.r1 + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** Parses "A1", "$A$1:B2", "C:C", "2:5" (an optional "Sheet!" prefix is dropped) into a rect. */
export function parseAddress(address: string): Rect | null {
  const bang = address.lastIndexOf('!');
  const body = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').trim().toUpperCase();
  const [a, b] = body.split(':');
  if (a === undefined || a === '') return null;
  const second = b ?? a;
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const colOnly = /^[A-Z]{1,3}$/;
  const rowOnly = /^\d{1,7}$/;
  let rect: Rect;
  const ca = cell.exec(a);
  const cb = cell.exec(second);
  if (ca && cb) {
    rect = {
      r0: Number(ca[2]) - 1,
      c0: columnNumber(ca[1] as string),
      r1: Number(cb[2]) - 1,
      c1: columnNumber(cb[1] as string),
    };
  } else if (colOnly.test(a) && colOnly.test(second) && b !== undefined) {
    rect = { r0: 0, c0: columnNumber(a), r1: MAX_ROWS - 1, c1: columnNumber(second) };
  } else if (rowOnly.test(a) && rowOnly.test(second) && b !== undefined) {
    rect = { r0: Number(a) - 1, c0: 0, r1: Number(second) - 1, c1: MAX_COLUMNS - 1 };
  } else {
    return null;
  }
  const norm = {
    r0: Math.min(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    r1: Math.max(rect.r0, rect.r1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (norm.r0 < 0 || norm.c0 < 0 || norm.r1 >= MAX_ROWS || norm.c1 >= MAX_COLUMNS) return null;
  return norm;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

function cellCount(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

// --------------------------------------------------------------------------------------- errors

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function notLoaded(prop: string, entity: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${prop}`,
  );
}

// ------------------------------------------------------------------------------- typing as typed

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round((time - EXCEL_EPOCH) / 86_400_000);
}

export type FakeLocale = 'en-US' | 'vi-VN';

/** What Excel stores when a person types `text` into a cell with the given number format. */
function parseTyped(text: string, numberFormat: string, locale: FakeLocale): { value: CellScalar; formula: string | null; numberFormat?: string } {
  if (numberFormat === '@') return { value: text, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === 'TRUE', formula: null };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed), formula: null };
  // Office.js: "If the value starts with a plus, minus or equal sign, Excel interprets it as a formula."
  if (/^[+-]/.test(text) && text.length > 1 && !/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) return { value: '', formula: `=${text}` };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) {
    return { value: Number(trimmed.slice(0, -1)) / 100, formula: null, numberFormat: numberFormat === 'General' ? '0%' : undefined };
  }
  const slash = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(trimmed);
  if (slash) {
    const first = Number(slash[1]);
    const second = Number(slash[2]);
    let year = Number(slash[3]);
    if ((slash[3] as string).length === 2) year += year < 30 ? 2000 : 1900;
    const [month, day] = locale === 'en-US' ? [first, second] : [second, first];
    const serial = dateSerial(year, month, day);
    if (serial !== null) {
      return {
        value: serial,
        formula: null,
        numberFormat: numberFormat === 'General' ? (locale === 'en-US' ? 'm/d/yyyy' : 'dd/mm/yyyy') : undefined,
      };
    }
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { value: serial, formula: null, numberFormat: numberFormat === 'General' ? 'yyyy-mm-dd' : undefined };
  }
  return { value: text, formula: null };
}

// ----------------------------------------------------------------------------------- load paths

type LoadTree = Map<string, LoadTree>;

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let node = tree;
  for (const part of parts) {
    let next = node.get(part);
    if (!next) {
      next = new Map();
      node.set(part, next);
    }
    node = next;
  }
}

function parseLoadOption(option: unknown): LoadTree {
  const tree: LoadTree = new Map();
  const addList = (text: string): void => {
    for (const piece of text.split(',')) if (piece.trim() !== '') addPath(tree, piece.trim());
  };
  if (option === undefined || option === null) return tree;
  if (typeof option === 'string') addList(option);
  else if (Array.isArray(option)) for (const item of option) addList(String(item));
  else if (typeof option === 'object') {
    const record = option as Record<string, unknown>;
    if (typeof record.select === 'string' || typeof record.expand === 'string') {
      if (typeof record.select === 'string') addList(record.select);
      if (typeof record.expand === 'string') addList(record.expand);
    } else {
      // { values: true, format: { fill: { color: true } } }
      const walk = (obj: Record<string, unknown>, prefix: string): void => {
        for (const [key, value] of Object.entries(obj)) {
          if (key === '$all' || value === false) continue;
          const path = prefix ? `${prefix}/${key}` : key;
          if (value && typeof value === 'object') walk(value as Record<string, unknown>, path);
          else addPath(tree, path);
        }
      };
      walk(record, '');
    }
  }
  return tree;
}

// ------------------------------------------------------------------------------------- context

interface QueuedOp {
  run: () => void;
  /** Bytes this op adds to the request (JSON of written data). */
  bytes: number;
  describe: string;
}

export interface SyncRecord {
  /** 1-based over the fake's life. */
  index: number;
  ops: number;
  loads: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  /** Cells whose values/formulas/numberFormat were loaded in this sync. */
  cellsRead: number;
  failed: string | null;
}

export interface FakeLimits {
  maxPayloadBytes: number;
  maxCellsPerRead: number;
  /** What a read above maxCellsPerRead does: return null values (default) or fail. */
  overLimitRead: 'null' | 'throw';
}

class Holder<T> {
  value: T | null = null;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: QueuedOp[] = [];
  private pendingLoads: { obj: FakeObject; tree: LoadTree }[] = [];
  responseBytes = 0;
  cellsRead = 0;
  syncs = 0;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  enqueueLoad(obj: FakeObject, tree: LoadTree): void {
    const entry = { obj, tree };
    this.pendingLoads.push(entry);
    this.queue.push({
      run: () => obj._execLoad(tree),
      bytes: 32,
      describe: 'load',
    });
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.pendingLoads = [];
    const model = this.fake.model;
    this.syncs += 1;
    const record: SyncRecord = {
      index: model.syncLog.length + 1,
      ops: ops.length,
      loads: ops.filter((op) => op.describe === 'load').length,
      writes: ops.filter((op) => op.describe !== 'load').length,
      requestBytes: ops.reduce((sum, op) => sum + op.bytes, 0),
      responseBytes: 0,
      cellsRead: 0,
      failed: null,
    };
    model.syncLog.push(record);
    await Promise.resolve();
    const limits = this.fake.limits;
    if (record.requestBytes > limits.maxPayloadBytes) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    this.responseBytes = 0;
    this.cellsRead = 0;
    this.loadedInThisSync = [];
    try {
      for (const op of ops) op.run();
    } catch (error) {
      record.failed = error instanceof FakeOfficeError ? error.code : String(error);
      for (const obj of this.loadedInThisSync) obj._rollbackLoad();
      throw error;
    } finally {
      record.responseBytes = this.responseBytes;
      record.cellsRead = this.cellsRead;
    }
    if (this.responseBytes > limits.maxPayloadBytes) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      for (const obj of this.loadedInThisSync) obj._rollbackLoad();
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const obj of this.loadedInThisSync) obj._commitLoad();
    // suspendApiCalculationUntilNextSync lasts until the end of this sync.
    model.calculationSuspended = false;
  }

  loadedInThisSync: FakeObject[] = [];

  /*
   * Proxies that point "back up" the object graph (a range's worksheet, a conditional format's
   * ranges) are made here, so that the proxy modules need not import each other in a circle.
   */
  _makeWorksheet(resolver: Resolver): FakeWorksheet {
    return new FakeWorksheet(this, resolver);
  }

  _makeRange(resolver: Resolver): FakeRange {
    return new FakeRange(this, resolver);
  }

  _makeRangeAreas(resolver: Resolver): FakeRangeAreas {
    return new FakeRangeAreas(this, resolver);
  }
}

// ---------------------------------------------------------------------------------- base object

type Resolver = () => unknown;

/**
 * A proxy. `resolver` finds the model object when the queue runs; it returns null for a null
 * object, and throws (ItemNotFound …) when the object cannot exist.
 */
abstract class FakeObject {
  /** Values readable now: loaded and synced, or set locally. */
  protected props = new Map<string, unknown>();
  private staged: Map<string, unknown> | null = null;
  private stagedNull: boolean | undefined;
  private nullState: boolean | undefined;
  private readonly navCache = new Map<string, FakeObject>();

  constructor(
    readonly context: FakeRequestContext,
    protected readonly resolver: Resolver,
    protected readonly entity: string,
  ) {}

  /** Scalar properties load() knows for this class. */
  protected abstract scalars(): readonly string[];
  /** Value of a scalar at sync time. */
  protected abstract read(prop: string, model: unknown): unknown;
  /** Navigation properties (child proxies). */
  protected navigation(): Record<string, () => FakeObject> {
    return {};
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject', this.entity);
    return this.nullState;
  }

  load(option?: unknown): this {
    this.context.enqueueLoad(this, parseLoadOption(option));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.props);
  }

  /** Child proxy for a navigation property, created once. */
  protected nav<T extends FakeObject>(name: string, make: () => T): T {
    let child = this.navCache.get(name);
    if (!child) {
      child = make();
      this.navCache.set(name, child);
    }
    return child as T;
  }

  protected get<T>(prop: string): T {
    if (this.nullState === true) return undefined as T;
    if (!this.props.has(prop)) throw notLoaded(prop, this.entity);
    return this.props.get(prop) as T;
  }

  /** Queues a write and keeps the value readable locally (as Office.js does). */
  protected set(prop: string, value: unknown, apply: (model: never) => void, bytes = 32): void {
    this.props.set(prop, value);
    this.queueOn(`set ${prop}`, apply, bytes);
  }

  /** Queues an action on the resolved model (fails the sync on a null object). */
  protected queueOn(describe: string, apply: (model: never) => void, bytes = 32): void {
    this.context.enqueue({
      describe,
      bytes,
      run: () => apply(this.resolveStrict() as never),
    });
  }

  resolve(): unknown {
    return this.resolver();
  }

  resolveStrict(): unknown {
    const model = this.resolver();
    if (model === null || model === undefined) {
      throw new FakeOfficeError('InvalidObjectPath', `An action was queued on a null ${this.entity}.`, this.entity);
    }
    return model;
  }

  /** Runs a queued load: snapshot the asked properties into a staging area. */
  _execLoad(tree: LoadTree): void {
    const model = this.resolver();
    if (!this.staged) {
      this.staged = new Map();
      this.context.loadedInThisSync.push(this);
    }
    if (model === null || model === undefined) {
      this.stagedNull = true;
      for (const [name, sub] of tree) {
        const child = this.navigation()[name];
        if (child) (child() as FakeObject)._execLoad(sub);
      }
      return;
    }
    this.stagedNull = false;
    const scalars = this.scalars();
    const navs = this.navigation();
    const wanted = tree.size === 0 ? scalars.map((s) => [s, new Map()] as const) : [...tree];
    for (const [name, sub] of wanted) {
      if (name === 'isNullObject') continue;
      if (scalars.includes(name)) {
        const value = this.read(name, model);
        this.staged.set(name, value);
        this.context.responseBytes += jsonSize(value);
        continue;
      }
      const child = navs[name];
      if (child) {
        (child() as FakeObject)._execLoad(sub as LoadTree);
        continue;
      }
      throw new FakeOfficeError('InvalidArgument', `The property '${name}' does not exist on ${this.entity}.`, this.entity);
    }
  }

  _commitLoad(): void {
    if (this.staged) for (const [k, v] of this.staged) this.props.set(k, v);
    if (this.stagedNull !== undefined) this.nullState = this.stagedNull;
    this._afterCommit();
    this.staged = null;
    this.stagedNull = undefined;
  }

  _rollbackLoad(): void {
    this.staged = null;
    this.stagedNull = undefined;
  }

  protected _afterCommit(): void {}
}

function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  return JSON.stringify(value)?.length ?? 0;
}

// -------------------------------------------------------------------------------------- workbook

class FakeApplication extends FakeObject {
  constructor(context: FakeRequestContext) {
    super(context, () => context.fake.model, 'Application');
  }
  protected scalars(): readonly string[] {
    return ['calculationMode'];
  }
  protected read(): unknown {
    return 'Automatic';
  }
  get calculationMode(): string {
    return this.get('calculationMode');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queueOn('suspendApiCalculationUntilNextSync', (model: WorkbookModel) => {
      model.calculationSuspended = true;
      model.suspendCalls += 1;
    });
  }
  calculate(calculationType: string): void {
    this.queueOn('calculate', (model: WorkbookModel) => {
      model.calculations.push(calculationType);
    });
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(context: FakeRequestContext) {
    super(context, () => context.fake.model, 'Workbook');
    this.worksheets = new FakeWorksheetCollection(context);
    this.application = new FakeApplication(context);
  }
  protected scalars(): readonly string[] {
    return ['name'];
  }
  protected read(): unknown {
    return 'Book1.xlsx';
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { worksheets: () => this.worksheets, application: () => this.application };
  }
  get name(): string {
    return this.get('name');
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const model = this.context.fake.model;
      const selection = model.selection;
      if (!selection) throw new FakeOfficeError('InvalidSelection', 'Nothing is selected.');
      const sheet = model.sheets.find((s) => s.id === selection.sheetId);
      const rect = parseAddress(selection.address);
      if (!sheet || !rect) throw new FakeOfficeError('InvalidSelection', 'Nothing is selected.');
      return { sheet, rects: [rect] };
    });
  }
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

function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const key = name.normalize('NFC').toLowerCase();
  return model.sheets.find((s) => s.name.normalize('NFC').toLowerCase() === key);
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

export class FakeWorksheetCollection extends FakeObject {
  private itemsList: FakeWorksheet[] | null = null;
  private stagedItems: SheetModel[] | null = null;

  constructor(context: FakeRequestContext) {
    super(context, () => context.fake.model.sheets, 'WorksheetCollection');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsList) throw notLoaded('items', this.entity);
    return this.itemsList;
  }

  override _execLoad(tree: LoadTree): void {
    const sheets = [...this.context.fake.model.sheets];
    if (!this.stagedItems) this.context.loadedInThisSync.push(this);
    this.stagedItems = sheets;
    // "items/name" and "name" both load the items' properties.
    const itemTree: LoadTree = tree.get('items') ?? new Map([...tree].filter(([k]) => k !== 'items'));
    const proxies = sheets.map((sheet) => new FakeWorksheet(this.context, () => liveSheet(this.context, sheet)));
    this.pendingProxies = proxies;
    for (const proxy of proxies) proxy._execLoad(itemTree);
  }
  private pendingProxies: FakeWorksheet[] = [];
  override _commitLoad(): void {
    if (this.stagedItems) this.itemsList = this.pendingProxies;
    this.stagedItems = null;
  }
  override _rollbackLoad(): void {
    this.stagedItems = null;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = findSheet(this.context.fake.model, key);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet '${key}'.`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.fake.model, key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const model = this.context.fake.model;
      return model.sheets.find((s) => s.id === model.activeSheetId) ?? model.sheets[0] ?? null;
    });
  }

  getCount(): { value: number } {
    const result = { value: 0 };
    this.context.enqueue({
      describe: 'load',
      bytes: 16,
      run: () => {
        result.value = this.context.fake.model.sheets.length;
      },
    });
    return result;
  }

  add(name?: string): FakeWorksheet {
    const holder = new Holder<SheetModel>();
    const model = this.context.fake.model;
    this.context.enqueue({
      describe: 'worksheets.add',
      bytes: 64,
      run: () => {
        let sheetName = name;
        if (sheetName === undefined) {
          let n = model.sheets.length + 1;
          while (findSheet(model, `Sheet${n}`)) n += 1;
          sheetName = `Sheet${n}`;
        }
        if (sheetName.length === 0 || sheetName.length > 31 || INVALID_SHEET_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
          throw new FakeOfficeError('InvalidArgument', `The worksheet name '${sheetName}' is not valid.`);
        }
        if (findSheet(model, sheetName)) {
          throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${sheetName}' already exists.`);
        }
        const sheet = new SheetModel(`{fake-${model.nextId++}}`, sheetName);
        model.sheets.push(sheet);
        holder.value = sheet;
      },
    });
    return new FakeWorksheet(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The added worksheet is not available.');
      return liveSheet(this.context, holder.value);
    });
  }
}

/** A sheet that was deleted fails like a stale proxy does. */
function liveSheet(context: FakeRequestContext, sheet: SheetModel): SheetModel {
  if (!context.fake.model.sheets.includes(sheet)) {
    throw new FakeOfficeError('ItemNotFound', `The worksheet '${sheet.name}' no longer exists.`);
  }
  return sheet;
}

// ------------------------------------------------------------------------------------- worksheet

/** Resolves a child of a possibly-null parent according to the fake's null chaining mode. */
function chain<P, T>(context: FakeRequestContext, parent: () => unknown, make: (parent: P) => T): () => T | null {
  return () => {
    const model = parent();
    if (model === null || model === undefined) {
      if (context.fake.nullChaining === 'throw') {
        throw new FakeOfficeError('InvalidObjectPath', 'A method was called on a null object.');
      }
      return null;
    }
    return make(model as P);
  };
}

export class FakeWorksheet extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'Worksheet');
  }
  protected scalars(): readonly string[] {
    return ['name', 'visibility', 'position', 'id', 'tabColor'];
  }
  protected read(prop: string, model: SheetModel): unknown {
    switch (prop) {
      case 'name':
        return model.name;
      case 'visibility':
        return model.visibility;
      case 'position':
        return this.context.fake.model.sheets.indexOf(model);
      case 'id':
        return model.id;
      case 'tabColor':
        return model.tabColor;
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { pageLayout: () => this.pageLayout, freezePanes: () => this.freezePanes, charts: () => this.charts };
  }

  get charts(): FakeChartCollection {
    return this.nav(
      'charts',
      () =>
        new FakeChartCollection(
          this.context,
          chain(
            this.context,
            () => this.resolve(),
            (s: SheetModel) => s,
          ),
        ),
    );
  }

  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', value, (sheet: SheetModel) => {
      const other = findSheet(this.context.fake.model, value);
      if (other && other !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${value}' already exists.`);
      sheet.name = value;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(value: string) {
    this.set('visibility', value, (sheet: SheetModel) => {
      const model = this.context.fake.model;
      if (value !== 'Visible' && sheet.visibility === 'Visible') {
        const visible = model.sheets.filter((s) => s.visibility === 'Visible');
        if (visible.length <= 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
        if (model.activeSheetId === sheet.id) {
          model.activeSheetId = visible.find((s) => s !== sheet)?.id ?? null;
        }
      }
      sheet.visibility = value;
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(value: number) {
    this.set('position', value, (sheet: SheetModel) => {
      const sheets = this.context.fake.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }
  get id(): string {
    return this.get('id');
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(value: string) {
    this.set('tabColor', value, (sheet: SheetModel) => {
      sheet.tabColor = value;
    });
  }

  get pageLayout(): FakePageLayoutProxy {
    return this.nav(
      'pageLayout',
      () =>
        new FakePageLayoutProxy(
          this.context,
          chain(
            this.context,
            () => this.resolve(),
            (s: SheetModel) => s,
          ),
        ),
    );
  }
  get freezePanes(): FakeFreezePanes {
    return this.nav(
      'freezePanes',
      () =>
        new FakeFreezePanes(
          this.context,
          chain(
            this.context,
            () => this.resolve(),
            (s: SheetModel) => s,
          ),
        ),
    );
  }

  private sheetRange(make: (sheet: SheetModel) => Rect[] | null): FakeRange {
    return new FakeRange(
      this.context,
      chain(
        this.context,
        () => this.resolve(),
        (sheet: SheetModel) => {
          const rects = make(sheet);
          return rects ? { sheet, rects } : null;
        },
      ),
    );
  }

  getRange(address?: string): FakeRange {
    return this.sheetRange(() => {
      if (address === undefined || address === '') return [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }];
      const rect = parseAddress(address);
      if (!rect) throw new FakeOfficeError('InvalidArgument', `The address '${address}' is not valid.`);
      return [rect];
    });
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      chain(
        this.context,
        () => this.resolve(),
        (sheet: SheetModel) => {
          const rects = address.split(',').map((part) => {
            const rect = parseAddress(part.trim());
            if (!rect) throw new FakeOfficeError('InvalidArgument', `The address '${part}' is not valid.`);
            return rect;
          });
          return { sheet, rects };
        },
      ),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.sheetRange(() => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw new FakeOfficeError('InvalidArgument', 'getRangeByIndexes: bad arguments.');
      }
      return [{ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 }];
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.sheetRange((sheet) => [sheet.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }]);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.sheetRange((sheet) => {
      const rect = sheet.usedRect(valuesOnly === true);
      return rect ? [rect] : null;
    });
  }

  activate(): void {
    this.queueOn('activate', (sheet: SheetModel) => {
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `Cannot activate hidden sheet '${sheet.name}'.`);
      const model = this.context.fake.model;
      model.activeSheetId = sheet.id;
      if (model.selection?.sheetId !== sheet.id) model.selection = { sheetId: sheet.id, address: 'A1' };
    });
  }

  delete(): void {
    this.queueOn('delete', (sheet: SheetModel) => {
      const model = this.context.fake.model;
      const visible = model.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
      if (visible.length === 0) throw new FakeOfficeError('InvalidOperation', 'Cannot delete the last visible sheet.');
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      if (model.activeSheetId === sheet.id) model.activeSheetId = visible[0]?.id ?? null;
      if (model.selection?.sheetId === sheet.id) model.selection = null;
    });
  }

  /**
   * Worksheet.copy (ExcelApi 1.7): a new sheet with the source's cells (values, formulas, formats),
   * merges, column widths, hidden columns, frozen panes, conditional formats, validations, page
   * layout, tab colour and visibility, named as Excel names copies ("Name (2)", "Name (3)" …, the
   * name cut to fit 31 characters), placed per `positionType` ("None" and "Beginning": first;
   * "End": last; "Before"/"After": next to `relativeTo`, which those two require).
   */
  copy(positionType: string = 'None', relativeTo?: FakeWorksheet): FakeWorksheet {
    const holder = new Holder<SheetModel>();
    this.queueOn('worksheet.copy', (source: SheetModel) => {
      const model = this.context.fake.model;
      let anchor: SheetModel | null = null;
      if (positionType === 'Before' || positionType === 'After') {
        if (!relativeTo) throw new FakeOfficeError('InvalidArgument', `Worksheet.copy("${positionType}") needs relativeTo.`);
        anchor = relativeTo.resolveStrict() as SheetModel;
      } else if (!['None', 'Beginning', 'End'].includes(positionType)) {
        throw new FakeOfficeError('InvalidArgument', `Unknown position type '${positionType}'.`);
      }
      let name = '';
      for (let n = 2; ; n += 1) {
        const suffix = ` (${n})`;
        name = `${[...source.name].slice(0, 31 - suffix.length).join('')}${suffix}`;
        if (!findSheet(model, name)) break;
      }
      const copy = new SheetModel(`{fake-${model.nextId++}}`, name, source.visibility);
      for (const [key, cell] of source.cells) copy.cells.set(key, cloneCell(cell));
      copy.merges = source.merges.map((rect) => ({ ...rect }));
      for (const [col, width] of source.columnWidths) copy.columnWidths.set(col, width);
      for (const [row, height] of source.rowHeights) copy.rowHeights.set(row, height);
      for (const col of source.hiddenColumns) copy.hiddenColumns.add(col);
      copy.frozenRows = source.frozenRows;
      copy.frozenColumns = source.frozenColumns;
      copy.conditionalFormats = source.conditionalFormats.map(({ rects, ...rest }) => ({
        ...structuredCopy(rest),
        id: `{cf-${model.nextId++}}`,
        rects: rects.map((rect) => ({ ...rect })),
      }));
      for (const [key, validation] of source.validations) copy.validations.set(key, structuredCopy(validation));
      copy.pageLayout = structuredCopy(source.pageLayout);
      copy.tabColor = source.tabColor;
      const sheets = model.sheets;
      const at = anchor !== null ? sheets.indexOf(anchor) + (positionType === 'After' ? 1 : 0) : positionType === 'End' ? sheets.length : 0;
      sheets.splice(at, 0, copy);
      holder.value = copy;
    });
    return new FakeWorksheet(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The copied worksheet is not available.');
      return liveSheet(this.context, holder.value);
    });
  }
}

// ---------------------------------------------------------------------------------------- charts

/** Worksheet.charts: add, items (load "items/name"), getItemOrNullObject. */
export class FakeChartCollection extends FakeObject {
  private itemsList: FakeChart[] | null = null;
  private stagedList: FakeChart[] | null = null;

  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ChartCollection');
  }
  protected scalars(): readonly string[] {
    return ['count'];
  }
  protected read(prop: string, sheet: SheetModel): unknown {
    return prop === 'count' ? sheet.charts.length : undefined;
  }
  get count(): number {
    return this.get('count');
  }
  get items(): FakeChart[] {
    if (!this.itemsList) throw notLoaded('items', this.entity);
    return this.itemsList;
  }
  override _execLoad(tree: LoadTree): void {
    const sheet = this.resolveStrict() as SheetModel;
    if (!this.stagedList) this.context.loadedInThisSync.push(this);
    const itemTree: LoadTree = tree.get('items') ?? new Map();
    this.stagedList = sheet.charts.map((chart) => new FakeChart(this.context, () => liveChart(sheet, chart)));
    for (const proxy of this.stagedList) proxy._execLoad(itemTree);
  }
  override _commitLoad(): void {
    if (this.stagedList) this.itemsList = this.stagedList;
    this.stagedList = null;
  }
  override _rollbackLoad(): void {
    this.stagedList = null;
  }
  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChart {
    const holder = new Holder<{ sheet: SheetModel; chart: FakeChartModel }>();
    this.queueOn('charts.add', (sheet: SheetModel) => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `The chart type '${type}' is not valid.`);
      if (!['Auto', 'Columns', 'Rows'].includes(seriesBy))
        throw new FakeOfficeError('InvalidArgument', `The series orientation '${seriesBy}' is not valid.`);
      const range = sourceData.resolveStrict() as RangeModel;
      if (range.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'The source data must be on the chart’s sheet here.');
      const fake = this.context.fake.model;
      const chart: FakeChartModel = {
        id: `{chart-${fake.nextId++}}`,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: { ...singleRect(range) },
        seriesBy,
        title: '',
        legendPosition: null,
        showValue: false,
        position: null,
      };
      sheet.charts.push(chart);
      holder.value = { sheet, chart };
    });
    return new FakeChart(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The added chart is not available.');
      return liveChart(holder.value.sheet, holder.value.chart);
    });
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const sheet = this.resolve() as SheetModel | null;
      const chart = sheet?.charts.find((c) => c.name === name);
      return sheet && chart ? { sheet, chart } : null;
    });
  }
}

interface ChartRef {
  sheet: SheetModel;
  chart: FakeChartModel;
}

function liveChart(sheet: SheetModel, chart: FakeChartModel): ChartRef {
  if (!sheet.charts.includes(chart)) throw new FakeOfficeError('ItemNotFound', 'The chart no longer exists.');
  return { sheet, chart };
}

export class FakeChart extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'Chart');
  }
  protected scalars(): readonly string[] {
    return ['name', 'id'];
  }
  protected read(prop: string, ref: ChartRef): unknown {
    return prop === 'name' ? ref.chart.name : prop === 'id' ? ref.chart.id : undefined;
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { title: () => this.title, legend: () => this.legend, dataLabels: () => this.dataLabels };
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.set('name', value, (ref: ChartRef) => {
      ref.chart.name = value;
    });
  }
  get title(): FakeChartPart {
    return this.nav('title', () => new FakeChartPart(this.context, () => this.resolve(), 'ChartTitle', { text: 'title' }));
  }
  get legend(): FakeChartPart {
    return this.nav('legend', () => new FakeChartPart(this.context, () => this.resolve(), 'ChartLegend', { position: 'legendPosition' }));
  }
  get dataLabels(): FakeChartPart {
    return this.nav('dataLabels', () => new FakeChartPart(this.context, () => this.resolve(), 'ChartDataLabels', { showValue: 'showValue' }));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.queueOn('chart.setPosition', (ref: ChartRef) => {
      if (!parseAddress(startCell) || (endCell !== undefined && !parseAddress(endCell))) {
        throw new FakeOfficeError('InvalidArgument', `The position '${startCell}:${endCell ?? ''}' is not valid.`);
      }
      ref.chart.position = { from: startCell, to: endCell ?? startCell };
    });
  }
  delete(): void {
    this.queueOn('chart.delete', (ref: ChartRef) => {
      ref.sheet.charts.splice(ref.sheet.charts.indexOf(ref.chart), 1);
    });
  }
}

/** A chart's title, legend or data labels: a few settable properties mapped onto the chart model. */
class FakeChartPart extends FakeObject {
  // Accessors defined per part in the constructor (title: text; legend: position; data labels: showValue).
  declare text: string;
  declare position: string;
  declare showValue: boolean;

  constructor(
    context: FakeRequestContext,
    resolver: Resolver,
    entity: string,
    private readonly fields: Record<string, 'title' | 'legendPosition' | 'showValue'>,
  ) {
    super(context, resolver, entity);
    for (const [prop, field] of Object.entries(fields)) {
      Object.defineProperty(this, prop, {
        get: () => this.get(prop),
        set: (value: unknown) =>
          this.set(prop, value, (ref: ChartRef) => {
            (ref.chart as unknown as Record<string, unknown>)[field] = value;
          }),
      });
    }
  }
  protected scalars(): readonly string[] {
    return Object.keys(this.fields);
  }
  protected read(prop: string, ref: ChartRef): unknown {
    const field = this.fields[prop];
    return field ? ref.chart[field] : undefined;
  }
}

class FakeFreezePanes extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'WorksheetFreezePanes');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.queueOn('freezeRows', (sheet: SheetModel) => {
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this.queueOn('freezeColumns', (sheet: SheetModel) => {
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this.queueOn('unfreeze', (sheet: SheetModel) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

class FakePageLayoutProxy extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'PageLayout');
  }
  protected scalars(): readonly string[] {
    return [
      'orientation',
      'paperSize',
      'zoom',
      'centerHorizontally',
      'centerVertically',
      'topMargin',
      'bottomMargin',
      'leftMargin',
      'rightMargin',
      'headerMargin',
      'footerMargin',
    ];
  }
  protected read(prop: string, sheet: SheetModel): unknown {
    const layout = sheet.pageLayout as unknown as Record<string, unknown>;
    const value = layout[prop];
    return value && typeof value === 'object' ? { ...value } : value;
  }
  private put(prop: keyof FakePageLayout, value: unknown): void {
    this.set(prop, value, (sheet: SheetModel) => {
      (sheet.pageLayout as unknown as Record<string, unknown>)[prop] = value && typeof value === 'object' ? { ...value } : value;
    });
  }
  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(value: string) {
    this.put('orientation', value);
  }
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(value: string) {
    this.put('paperSize', value);
  }
  get zoom(): FakePageLayout['zoom'] {
    return this.get('zoom');
  }
  set zoom(value: FakePageLayout['zoom']) {
    for (const n of [value.horizontalFitToPages, value.verticalFitToPages]) {
      if (n !== undefined && (!Number.isInteger(n) || n < 0))
        throw new FakeOfficeError('InvalidArgument', 'zoom: fit to pages must be a whole number ≥ 0.');
    }
    this.put('zoom', value);
  }
  get centerHorizontally(): boolean {
    return this.get('centerHorizontally');
  }
  set centerHorizontally(value: boolean) {
    this.put('centerHorizontally', value);
  }
  get centerVertically(): boolean {
    return this.get('centerVertically');
  }
  set centerVertically(value: boolean) {
    this.put('centerVertically', value);
  }
  get topMargin(): number {
    return this.get('topMargin');
  }
  set topMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'topMargin: a margin is a number of points ≥ 0.');
    this.put('topMargin', value);
  }
  get bottomMargin(): number {
    return this.get('bottomMargin');
  }
  set bottomMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'bottomMargin: a margin is a number of points ≥ 0.');
    this.put('bottomMargin', value);
  }
  get leftMargin(): number {
    return this.get('leftMargin');
  }
  set leftMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'leftMargin: a margin is a number of points ≥ 0.');
    this.put('leftMargin', value);
  }
  get rightMargin(): number {
    return this.get('rightMargin');
  }
  set rightMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'rightMargin: a margin is a number of points ≥ 0.');
    this.put('rightMargin', value);
  }
  get headerMargin(): number {
    return this.get('headerMargin');
  }
  set headerMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'headerMargin: a margin is a number of points ≥ 0.');
    this.put('headerMargin', value);
  }
  get footerMargin(): number {
    return this.get('footerMargin');
  }
  set footerMargin(value: number) {
    if (!Number.isFinite(value) || value < 0) throw new FakeOfficeError('InvalidArgument', 'footerMargin: a margin is a number of points ≥ 0.');
    this.put('footerMargin', value);
  }
  setPrintTitleRows(rows: string | FakeRange): void {
    this.queueOn('setPrintTitleRows', (sheet: SheetModel) => {
      const text = typeof rows === 'string' ? rows : null;
      if (text === null || !/^\$?\d{1,7}:\$?\d{1,7}$/.test(text.trim())) {
        throw new FakeOfficeError('InvalidArgument', `Bad print title rows '${String(text)}' (expected "$1:$1").`);
      }
      sheet.pageLayout.printTitleRows = text.trim();
    });
  }
  setPrintArea(printArea: string | FakeRange): void {
    this.queueOn('setPrintArea', (sheet: SheetModel) => {
      let address: string;
      if (typeof printArea === 'string') {
        const rect = parseAddress(printArea);
        if (!rect) throw new FakeOfficeError('InvalidArgument', `Bad print area '${printArea}'.`);
        address = rectAddress(rect);
      } else {
        const target = printArea.resolveStrict() as RangeModel;
        address = target.rects.map(rectAddress).join(',');
      }
      sheet.pageLayout.printArea = address;
    });
  }
}

// ----------------------------------------------------------------------------------------- range

interface RangeModel {
  sheet: SheetModel;
  rects: Rect[];
}

function singleRect(model: RangeModel): Rect {
  const rect = model.rects[0];
  if (!rect || model.rects.length !== 1) throw new FakeOfficeError('InvalidOperation', 'The range must be a single area.');
  return rect;
}

function eachCell(rect: Rect, visit: (row: number, col: number, i: number, j: number) => void): void {
  if (cellCount(rect) > CELL_WRITE_LIMIT) {
    throw new FakeOfficeError('FakeLimitation', `The fake does not write ${cellCount(rect)} cells one by one (${rectAddress(rect)}).`);
  }
  for (let r = rect.r0; r <= rect.r1; r += 1) {
    for (let c = rect.c0; c <= rect.c1; c += 1) visit(r, c, r - rect.r0, c - rect.c0);
  }
}

/** Common value for all cells, or null when they differ. */
function uniform<T>(sheet: SheetModel, rect: Rect, pick: (cell: FakeCell) => T): T | null {
  let first: T | undefined;
  let same = true;
  const blank = emptyCell();
  const limit = Math.min(cellCount(rect), 100_000);
  let seen = 0;
  outer: for (let r = rect.r0; r <= rect.r1; r += 1) {
    for (let c = rect.c0; c <= rect.c1; c += 1) {
      const value = pick(sheet.get(r, c) ?? blank);
      if (seen === 0) first = value;
      else if (JSON.stringify(value) !== JSON.stringify(first)) {
        same = false;
        break outer;
      }
      seen += 1;
      if (seen >= limit) break outer;
    }
  }
  return same ? (first as T) : null;
}

/** Normalises a written 2-D array (or a single value) to the rect's shape. */
function shaped(value: unknown, rect: Rect, prop: string): unknown[][] {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (!Array.isArray(value)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && (rows > 1 || cols > 1)) {
    const single = value[0][0];
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => single));
  }
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}: ${rows}×${cols}).`,
    );
  }
  return value as unknown[][];
}

export class FakeRange extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'Range');
  }
  protected scalars(): readonly string[] {
    return [
      'address',
      'addressLocal',
      'rowCount',
      'columnCount',
      'cellCount',
      'rowIndex',
      'columnIndex',
      'values',
      'formulas',
      'numberFormat',
      'text',
      'columnHidden',
      'isEntireColumn',
      'isEntireRow',
    ];
  }
  protected read(prop: string, model: RangeModel): unknown {
    const rect = singleRect(model);
    const sheet = model.sheet;
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    const grid = (pick: (cell: FakeCell) => unknown): unknown[][] | null => {
      const count = rows * cols;
      const limits = this.context.fake.limits;
      if (count > limits.maxCellsPerRead) {
        if (limits.overLimitRead === 'throw') {
          throw new FakeOfficeError('InvalidOperation', `The range has ${count} cells, above the read limit.`);
        }
        return null;
      }
      this.context.cellsRead += count;
      const blank = emptyCell();
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r += 1) {
        const line: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c += 1) line.push(pick(sheet.get(r, c) ?? blank));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'cellCount':
        return rows * cols;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'values':
        return grid((cell) => (cell.formula !== null ? this.context.fake.resultOf(cell, sheet) : cell.value));
      case 'text':
        return grid((cell) => String(cell.formula !== null ? this.context.fake.resultOf(cell, sheet) : cell.value));
      case 'formulas':
        return grid((cell) => cell.formula ?? cell.value);
      case 'numberFormat':
        return grid((cell) => cell.numberFormat);
      case 'columnHidden': {
        let all = true;
        let none = true;
        for (let c = rect.c0; c <= rect.c1; c += 1) {
          if (sheet.hiddenColumns.has(c)) none = false;
          else all = false;
        }
        return all ? true : none ? false : null;
      }
      case 'isEntireColumn':
        return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
      case 'isEntireRow':
        return rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return {
      format: () => this.format,
      conditionalFormats: () => this.conditionalFormats,
      dataValidation: () => this.dataValidation,
      worksheet: () => this.worksheet,
    };
  }

  get address(): string {
    return this.get('address');
  }
  get addressLocal(): string {
    return this.get('addressLocal');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get isEntireColumn(): boolean {
    return this.get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this.get('isEntireRow');
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(value: unknown[][]) {
    this.set(
      'values',
      value,
      (model: RangeModel) => {
        const rect = singleRect(model);
        const data = shaped(value, rect, 'values');
        const locale = this.context.fake.locale;
        eachCell(rect, (r, c, i, j) => {
          const input = data[i]?.[j];
          if (input === null || input === undefined) return;
          writeTyped(model.sheet.at(r, c), input, locale, false);
        });
      },
      jsonSize(value),
    );
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(value: unknown[][]) {
    this.set(
      'formulas',
      value,
      (model: RangeModel) => {
        const rect = singleRect(model);
        const data = shaped(value, rect, 'formulas');
        const locale = this.context.fake.locale;
        eachCell(rect, (r, c, i, j) => {
          const input = data[i]?.[j];
          if (input === null || input === undefined) return;
          writeTyped(model.sheet.at(r, c), input, locale, true);
        });
      },
      jsonSize(value),
    );
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(value: string[][]) {
    this.set(
      'numberFormat',
      value,
      (model: RangeModel) => {
        const rect = singleRect(model);
        const data = shaped(value, rect, 'numberFormat');
        eachCell(rect, (r, c, i, j) => {
          const input = data[i]?.[j];
          if (input === null || input === undefined) return;
          model.sheet.at(r, c).numberFormat = String(input);
        });
      },
      jsonSize(value),
    );
  }

  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(value: boolean) {
    this.set('columnHidden', value, (model: RangeModel) => {
      for (const rect of model.rects) {
        for (let c = rect.c0; c <= rect.c1; c += 1) {
          if (value) model.sheet.hiddenColumns.add(c);
          else model.sheet.hiddenColumns.delete(c);
        }
      }
    });
  }

  get format(): FakeRangeFormat {
    return this.nav('format', () => new FakeRangeFormat(this.context, () => this.resolve()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, () => this.resolve()));
  }
  get dataValidation(): FakeDataValidation {
    return this.nav('dataValidation', () => new FakeDataValidation(this.context, () => this.resolve()));
  }
  get worksheet(): FakeWorksheet {
    return this.nav(
      'worksheet',
      () =>
        this.context._makeWorksheet(
          chain(
            this.context,
            () => this.resolve(),
            (m: RangeModel) => m.sheet,
          ),
        ),
    );
  }

  private derived(make: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(
      this.context,
      chain(
        this.context,
        () => this.resolve(),
        (model: RangeModel) => {
          const rect = make(singleRect(model));
          if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
            throw new FakeOfficeError('InvalidArgument', 'The resulting range is outside the sheet.');
          }
          return { sheet: model.sheet, rects: [rect] };
        },
      ),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0 + row, c0: r.c0 + column, r1: r.r0 + row, c1: r.c0 + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0 + rowOffset, c0: r.c0 + columnOffset, r1: r.r1 + rowOffset, c1: r.c1 + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0, c0: r.c0, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns }));
  }
  getRow(row: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0 + row, c0: r.c0, r1: r.r0 + row, c1: r.c1 }));
  }
  getColumn(column: number): FakeRange {
    return this.derived((r) => ({ r0: r.r0, c0: r.c0 + column, r1: r.r1, c1: r.c0 + column }));
  }
  getEntireColumn(): FakeRange {
    return this.derived((r) => ({ r0: 0, c0: r.c0, r1: MAX_ROWS - 1, c1: r.c1 }));
  }

  select(): void {
    this.queueOn('select', (model: RangeModel) => {
      const fake = this.context.fake.model;
      if (model.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot select on a hidden sheet.');
      if (fake.activeSheetId !== model.sheet.id) throw new FakeOfficeError('InvalidOperation', 'Select works on the active sheet only.');
      fake.selection = { sheetId: model.sheet.id, address: model.rects.map(rectAddress).join(',') };
    });
  }

  merge(across = false): void {
    this.queueOn('merge', (model: RangeModel) => {
      const rect = singleRect(model);
      const sheet = model.sheet;
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      const parts: Rect[] = across
        ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ r0: rect.r0 + i, c0: rect.c0, r1: rect.r0 + i, c1: rect.c1 }))
        : [rect];
      for (const part of parts) {
        if (cellCount(part) < 2) continue;
        sheet.merges.push(part);
        // Excel keeps the top-left value only.
        eachCell(part, (r, c) => {
          if (r === part.r0 && c === part.c0) return;
          const cell = sheet.get(r, c);
          if (cell) {
            cell.value = '';
            cell.formula = null;
          }
        });
      }
    });
  }

  unmerge(): void {
    this.queueOn('unmerge', (model: RangeModel) => {
      const rect = singleRect(model);
      model.sheet.merges = model.sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  clear(applyTo: string = 'All'): void {
    this.queueOn('clear', (model: RangeModel) => {
      const sheet = model.sheet;
      for (const rect of model.rects) {
        for (const [key, cell] of [...sheet.cells]) {
          const row = Math.floor(key / MAX_COLUMNS);
          const col = key % MAX_COLUMNS;
          if (row < rect.r0 || row > rect.r1 || col < rect.c0 || col > rect.c1) continue;
          if (applyTo === 'All' || applyTo === 'Contents') {
            cell.value = '';
            cell.formula = null;
          }
          if (applyTo === 'All' || applyTo === 'Formats') {
            cell.format = defaultFormat();
            cell.numberFormat = 'General';
          }
          if (applyTo === 'All') sheet.cells.delete(key);
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
          sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !cf.rects.some((r) => contains(rect, r)));
        }
      }
    });
  }
}

function writeTyped(cell: FakeCell, input: unknown, locale: FakeLocale, asFormula: boolean): void {
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    cell.formula = null;
    return;
  }
  const text = String(input);
  if (text === '') {
    cell.value = '';
    cell.formula = null;
    return;
  }
  if (asFormula && text.startsWith('=')) {
    cell.value = '';
    cell.formula = text;
    return;
  }
  const typed = parseTyped(text, cell.numberFormat, locale);
  cell.value = typed.value;
  cell.formula = typed.formula;
  if (typed.numberFormat) cell.numberFormat = typed.numberFormat;
}

export class FakeRangeAreas extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeAreas');
  }
  protected scalars(): readonly string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    if (prop === 'address') return model.rects.map((r) => `${quoteSheetName(model.sheet.name)}!${rectAddress(r)}`).join(',');
    if (prop === 'areaCount') return model.rects.length;
    return model.rects.reduce((sum, r) => sum + cellCount(r), 0);
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { conditionalFormats: () => this.conditionalFormats };
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, () => this.resolve()));
  }
}

// ---------------------------------------------------------------------------------- range format

class FakeRangeFormat extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeFormat');
  }
  protected scalars(): readonly string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    const rect = singleRect(model);
    switch (prop) {
      case 'columnWidth': {
        const widths = new Set<number>();
        for (let c = rect.c0; c <= rect.c1 && widths.size < 2; c += 1) widths.add(model.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      }
      case 'rowHeight': {
        const heights = new Set<number>();
        for (let r = rect.r0; r <= rect.r1 && heights.size < 2; r += 1) heights.add(model.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return heights.size === 1 ? [...heights][0] : null;
      }
      case 'horizontalAlignment':
        return uniform(model.sheet, rect, (cell) => cell.format.horizontalAlignment);
      case 'verticalAlignment':
        return uniform(model.sheet, rect, (cell) => cell.format.verticalAlignment);
      case 'wrapText':
        return uniform(model.sheet, rect, (cell) => cell.format.wrapText);
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { fill: () => this.fill, font: () => this.font, borders: () => this.borders };
  }

  private cellWrite(prop: string, value: unknown, apply: (cell: FakeCell) => void): void {
    this.set(prop, value, (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => apply(model.sheet.at(r, c)));
    });
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(value: number) {
    this.set('columnWidth', value, (model: RangeModel) => {
      for (const rect of model.rects) for (let c = rect.c0; c <= rect.c1; c += 1) model.sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  set rowHeight(value: number) {
    if (!Number.isFinite(value) || value < 0 || value > 409) throw new FakeOfficeError('InvalidArgument', 'rowHeight: 0–409 points.');
    this.set('rowHeight', value, (model: RangeModel) => {
      for (const rect of model.rects) {
        if (rect.r1 - rect.r0 > 100_000) throw new FakeOfficeError('FakeLimitation', 'The fake does not set the height of so many rows.');
        for (let r = rect.r0; r <= rect.r1; r += 1) model.sheet.rowHeights.set(r, value);
      }
    });
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.cellWrite('horizontalAlignment', value, (cell) => {
      cell.format.horizontalAlignment = value;
    });
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.cellWrite('verticalAlignment', value, (cell) => {
      cell.format.verticalAlignment = value;
    });
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(value: boolean) {
    this.cellWrite('wrapText', value, (cell) => {
      cell.format.wrapText = value;
    });
  }

  get fill(): FakeRangeFill {
    return this.nav('fill', () => new FakeRangeFill(this.context, () => this.resolve()));
  }
  get font(): FakeRangeFont {
    return this.nav('font', () => new FakeRangeFont(this.context, () => this.resolve()));
  }
  get borders(): FakeRangeBorderCollection {
    return this.nav('borders', () => new FakeRangeBorderCollection(this.context, () => this.resolve()));
  }

  autofitRows(): void {
    this.queueOn('autofitRows', () => undefined);
  }
  autofitColumns(): void {
    this.queueOn('autofitColumns', () => undefined);
  }
}

class FakeRangeFill extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeFill');
  }
  protected scalars(): readonly string[] {
    return ['color'];
  }
  protected read(_prop: string, model: RangeModel): unknown {
    const color = uniform(model.sheet, singleRect(model), (cell) => cell.format.fill);
    return color === null ? null : color;
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('color', value, (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => (model.sheet.at(r, c).format.fill = value));
    });
  }
  clear(): void {
    this.queueOn('fill.clear', (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => (model.sheet.at(r, c).format.fill = null));
    });
  }
}

class FakeRangeFont extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeFont');
  }
  protected scalars(): readonly string[] {
    return ['name', 'size', 'bold', 'italic', 'underline', 'color'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    return uniform(model.sheet, singleRect(model), (cell) => cell.format.font[prop as keyof FakeFont]);
  }
  private put<K extends keyof FakeFont>(prop: K, value: FakeFont[K]): void {
    this.set(prop, value, (model: RangeModel) => {
      for (const rect of model.rects) eachCell(rect, (r, c) => (model.sheet.at(r, c).format.font[prop] = value));
    });
  }
  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.put('name', value);
  }
  get size(): number {
    return this.get('size');
  }
  set size(value: number) {
    this.put('size', value);
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(value: boolean) {
    this.put('bold', value);
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(value: boolean) {
    this.put('italic', value);
  }
  get underline(): string {
    return this.get('underline');
  }
  set underline(value: string) {
    this.put('underline', value);
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.put('color', value);
  }
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

class FakeRangeBorderCollection extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'RangeBorderCollection');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_EDGES.includes(index)) throw new FakeOfficeError('InvalidArgument', `Unknown border '${index}'.`);
    return new FakeRangeBorder(this.context, () => this.resolve(), index);
  }
}

class FakeRangeBorder extends FakeObject {
  constructor(
    context: FakeRequestContext,
    resolver: Resolver,
    private readonly edge: string,
  ) {
    super(context, resolver, 'RangeBorder');
  }
  protected scalars(): readonly string[] {
    return ['style'];
  }
  protected read(_prop: string, model: RangeModel): unknown {
    return uniform(model.sheet, singleRect(model), (cell) => cell.format.borders[this.edge] ?? 'None');
  }
  get style(): string {
    return this.get('style');
  }
  set style(value: string) {
    this.set('style', value, (model: RangeModel) => {
      for (const rect of model.rects) {
        eachCell(rect, (r, c) => {
          const cell = model.sheet.at(r, c);
          if (value === 'None') delete cell.format.borders[this.edge];
          else cell.format.borders[this.edge] = value;
        });
      }
    });
  }
  set color(_value: string) {
    this.queueOn('border.color', () => undefined);
  }
  set weight(_value: string) {
    this.queueOn('border.weight', () => undefined);
  }
}

// ---------------------------------------------------------------------------- conditional formats

class FakeConditionalFormatCollection extends FakeObject {
  private itemsList: FakeConditionalFormatProxy[] | null = null;
  private stagedList: FakeConditionalFormatProxy[] | null = null;

  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalFormatCollection');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  get items(): FakeConditionalFormatProxy[] {
    if (!this.itemsList) throw notLoaded('items', this.entity);
    return this.itemsList;
  }
  private matching(model: RangeModel): FakeConditionalFormat[] {
    return model.sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => model.rects.some((m) => intersects(r, m))));
  }
  override _execLoad(tree: LoadTree): void {
    const model = this.resolveStrict() as RangeModel;
    if (!this.stagedList) this.context.loadedInThisSync.push(this);
    const sheet = model.sheet;
    const itemTree: LoadTree = tree.get('items') ?? new Map([...tree].filter(([k]) => k !== 'items'));
    this.stagedList = this.matching(model).map(
      (cf) => new FakeConditionalFormatProxy(this.context, () => (sheet.conditionalFormats.includes(cf) ? { sheet, cf } : raiseGone())),
    );
    for (const proxy of this.stagedList) proxy._execLoad(itemTree);
  }
  override _commitLoad(): void {
    if (this.stagedList) this.itemsList = this.stagedList;
    this.stagedList = null;
  }
  override _rollbackLoad(): void {
    this.stagedList = null;
  }
  getCount(): { value: number } {
    const result = { value: 0 };
    this.context.enqueue({
      describe: 'load',
      bytes: 16,
      run: () => {
        result.value = this.matching(this.resolveStrict() as RangeModel).length;
      },
    });
    return result;
  }
  add(type: string): FakeConditionalFormatProxy {
    const holder = new Holder<{ sheet: SheetModel; cf: FakeConditionalFormat }>();
    this.queueOn('conditionalFormats.add', (model: RangeModel) => {
      const fake = this.context.fake.model;
      const cf: FakeConditionalFormat = {
        id: `{cf-${fake.nextId++}}`,
        type,
        rects: model.rects.map((r) => ({ ...r })),
        formula: null,
        fill: null,
        fontColor: null,
        bold: null,
        stopIfTrue: false,
      };
      // New conditional formats take the top priority, as in Excel.
      model.sheet.conditionalFormats.unshift(cf);
      holder.value = { sheet: model.sheet, cf };
    });
    return new FakeConditionalFormatProxy(this.context, () => {
      if (!holder.value) throw new FakeOfficeError('InvalidObjectPath', 'The added conditional format is not available.');
      return holder.value.sheet.conditionalFormats.includes(holder.value.cf) ? holder.value : raiseGone();
    });
  }
  clearAll(): void {
    this.queueOn('conditionalFormats.clearAll', (model: RangeModel) => {
      const gone = new Set(this.matching(model));
      model.sheet.conditionalFormats = model.sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}

function raiseGone(): never {
  throw new FakeOfficeError('ItemNotFound', 'The conditional format no longer exists.');
}

interface CfModel {
  sheet: SheetModel;
  cf: FakeConditionalFormat;
}

class FakeConditionalFormatProxy extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalFormat');
  }
  protected scalars(): readonly string[] {
    return ['id', 'type', 'priority', 'stopIfTrue'];
  }
  protected read(prop: string, model: CfModel): unknown {
    switch (prop) {
      case 'id':
        return model.cf.id;
      case 'type':
        return model.cf.type;
      case 'priority':
        return model.sheet.conditionalFormats.indexOf(model.cf);
      case 'stopIfTrue':
        return model.cf.stopIfTrue;
      default:
        return undefined;
    }
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  get priority(): number {
    return this.get('priority');
  }
  get stopIfTrue(): boolean {
    return this.get('stopIfTrue');
  }
  set stopIfTrue(value: boolean) {
    this.set('stopIfTrue', value, (model: CfModel) => {
      model.cf.stopIfTrue = value;
    });
  }
  get custom(): FakeCustomConditionalFormat {
    return this.nav(
      'custom',
      () =>
        new FakeCustomConditionalFormat(this.context, () => {
          const model = this.resolveStrict() as CfModel;
          if (model.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'Not a custom conditional format.');
          return model;
        }),
    );
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.nav(
      'customOrNullObject',
      () =>
        new FakeCustomConditionalFormat(this.context, () => {
          const model = this.resolve() as CfModel | null;
          return model && model.cf.type === 'Custom' ? model : null;
        }),
    );
  }
  getRange(): FakeRange {
    return this.context._makeRange(() => {
      const model = this.resolveStrict() as CfModel;
      return { sheet: model.sheet, rects: [model.cf.rects[0] as Rect] };
    });
  }
  getRanges(): FakeRangeAreas {
    return this.context._makeRangeAreas(() => {
      const model = this.resolveStrict() as CfModel;
      return { sheet: model.sheet, rects: model.cf.rects };
    });
  }
  delete(): void {
    this.queueOn('conditionalFormat.delete', (model: CfModel) => {
      model.sheet.conditionalFormats = model.sheet.conditionalFormats.filter((cf) => cf !== model.cf);
    });
  }
}

class FakeCustomConditionalFormat extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'CustomConditionalFormat');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { rule: () => this.rule, format: () => this.format };
  }
  get rule(): FakeConditionalFormatRule {
    return this.nav('rule', () => new FakeConditionalFormatRule(this.context, () => this.resolve()));
  }
  get format(): FakeConditionalRangeFormat {
    return this.nav('format', () => new FakeConditionalRangeFormat(this.context, () => this.resolve()));
  }
}

class FakeConditionalFormatRule extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalFormatRule');
  }
  protected scalars(): readonly string[] {
    return ['formula'];
  }
  protected read(_prop: string, model: CfModel): unknown {
    return model.cf.formula;
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(value: string) {
    this.set('formula', value, (model: CfModel) => {
      model.cf.formula = value;
    });
  }
}

class FakeConditionalRangeFormat extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalRangeFormat');
  }
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigation(): Record<string, () => FakeObject> {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeConditionalFill {
    return this.nav('fill', () => new FakeConditionalFill(this.context, () => this.resolve()));
  }
  get font(): FakeConditionalFont {
    return this.nav('font', () => new FakeConditionalFont(this.context, () => this.resolve()));
  }
}

class FakeConditionalFill extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalRangeFill');
  }
  protected scalars(): readonly string[] {
    return ['color'];
  }
  protected read(_prop: string, model: CfModel): unknown {
    return model.cf.fill;
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('color', value, (model: CfModel) => {
      model.cf.fill = value;
    });
  }
}

class FakeConditionalFont extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'ConditionalRangeFont');
  }
  protected scalars(): readonly string[] {
    return ['color', 'bold'];
  }
  protected read(prop: string, model: CfModel): unknown {
    return prop === 'color' ? model.cf.fontColor : model.cf.bold;
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.set('color', value, (model: CfModel) => {
      model.cf.fontColor = value;
    });
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(value: boolean) {
    this.set('bold', value, (model: CfModel) => {
      model.cf.bold = value;
    });
  }
}

// ------------------------------------------------------------------------------- data validation

class FakeDataValidation extends FakeObject {
  constructor(context: FakeRequestContext, resolver: Resolver) {
    super(context, resolver, 'DataValidation');
  }
  protected scalars(): readonly string[] {
    return ['rule', 'type', 'ignoreBlanks', 'errorAlert', 'prompt'];
  }
  protected read(prop: string, model: RangeModel): unknown {
    const rect = singleRect(model);
    const first = model.sheet.validations.get(cellKey(rect.r0, rect.c0)) ?? null;
    let same = true;
    if (cellCount(rect) <= CELL_WRITE_LIMIT) {
      eachCell(rect, (r, c) => {
        if ((model.sheet.validations.get(cellKey(r, c)) ?? null) !== first) same = false;
      });
    }
    if (prop === 'type') {
      if (!same) return 'Inconsistent';
      if (!first) return 'None';
      const key = Object.keys(first.rule)[0] ?? 'None';
      return key.charAt(0).toUpperCase() + key.slice(1);
    }
    if (!same) return null;
    if (prop === 'rule') return first ? structuredCopy(first.rule) : {};
    if (prop === 'ignoreBlanks') return first ? first.ignoreBlanks : true;
    if (prop === 'errorAlert') return first?.errorAlert ? structuredCopy(first.errorAlert) : null;
    if (prop === 'prompt') return first?.prompt ? structuredCopy(first.prompt) : null;
    return undefined;
  }
  private update(prop: string, value: unknown, change: (v: FakeValidation) => void, create: boolean): void {
    this.set(prop, value, (model: RangeModel) => {
      const rect = singleRect(model);
      // One shared record per write, like a validation applied to a range.
      const cache = new Map<FakeValidation | null, FakeValidation>();
      eachCell(rect, (r, c) => {
        const key = cellKey(r, c);
        const old = model.sheet.validations.get(key) ?? null;
        if (!old && !create) return;
        let next = cache.get(old);
        if (!next) {
          next = old ? { ...old, rule: structuredCopy(old.rule) } : { rule: {}, errorAlert: null, prompt: null, ignoreBlanks: true };
          change(next);
          cache.set(old, next);
        }
        model.sheet.validations.set(key, next);
      });
    });
  }
  get rule(): Record<string, unknown> {
    return this.get('rule');
  }
  set rule(value: Record<string, unknown>) {
    const keys = Object.keys(value);
    if (keys.length !== 1) throw new FakeOfficeError('InvalidArgument', 'A data validation rule has exactly one type.');
    this.update('rule', value, (v) => (v.rule = structuredCopy(value)), true);
  }
  get type(): string {
    return this.get('type');
  }
  get ignoreBlanks(): boolean {
    return this.get('ignoreBlanks');
  }
  set ignoreBlanks(value: boolean) {
    this.update('ignoreBlanks', value, (v) => (v.ignoreBlanks = value), false);
  }
  get errorAlert(): Record<string, unknown> {
    return this.get('errorAlert');
  }
  set errorAlert(value: Record<string, unknown>) {
    this.update('errorAlert', value, (v) => (v.errorAlert = { ...value }), false);
  }
  get prompt(): Record<string, unknown> {
    return this.get('prompt');
  }
  set prompt(value: Record<string, unknown>) {
    this.update('prompt', value, (v) => (v.prompt = { ...value }), false);
  }
  clear(): void {
    this.queueOn('dataValidation.clear', (model: RangeModel) => {
      const rect = singleRect(model);
      for (const key of [...model.sheet.validations.keys()]) {
        const row = Math.floor(key / MAX_COLUMNS);
        const col = key % MAX_COLUMNS;
        if (row >= rect.r0 && row <= rect.r1 && col >= rect.c0 && col <= rect.c1) model.sheet.validations.delete(key);
      }
    });
  }
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------------------------------- facade

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
