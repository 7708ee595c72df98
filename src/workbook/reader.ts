/**
 * Sheet grids → typed records + data issues (SPEC §2, §3).
 *
 * Sheets and columns are found by header through the template's definitions (template.ts): case,
 * diacritics, NFC/NFD, spaces and column order do not matter, the header row may sit below title
 * rows (within the first 10 rows), extra columns and sheets are ignored. Every bad cell becomes an
 * Issue with its A1 address (the grid's origin included) and a Vietnamese message saying what was
 * found and what is expected. A row with a bad cell still yields a record: the bad field is null
 * (or its blank default), so every rule that does not need that cell still counts it.
 *
 * Known limit: `Mã` of `Tiêu chí` is text, but when Excel has already made a number of it the
 * number is read back as its shortest decimal ("1.1"). A typed "1.10" and "1.1" are then the same
 * number and cannot be told apart; the template formats the column as text to avoid it.
 */
import * as z from 'zod/mini';
import { parseDate, isoParts, isExcelSerialDate } from '../core/dates';
import type { PolicyEntry } from '../core/policy';
import { detectLegacyEncoding } from '../core/legacyEncoding';
import { cellText, foldText } from '../core/text';
import { sameDayPairs } from '../core/sessions';
import type {
  AttendanceMark,
  AttendanceMatrix,
  CriterionRow,
  IsoDate,
  Issue,
  IssueCode,
  Meeting,
  MeetingField,
  MeetingKind,
  Member,
  OrgInfo,
  OrgKind,
  OrgRecords,
  OrgType,
  Parsed,
  RatingLevel,
  SelfAssessment,
  SubordinateCell,
} from '../core/types';
import {
  isNotYetRated,
  parseExempt,
  parseMark,
  parseMeetingKind,
  parseOrgKind,
  parseOrgType,
  parseRating,
  parseRecognised,
  parseSelfAssessment,
  parseSigned,
  parseStamped,
  parseYesNo,
} from '../core/vocabulary';
import { parseDiscipline, type DisciplineReading } from '../core/discipline';
import { columnLetters } from './a1';
import { msg, ref, render, type Message, type MessageParam, type MessageRef } from '../core/messages';
import '../core/messages/viIssues';
import { legacyEncodingMessage, mayBeLegacy, scanLegacyEncoding, type LegacyScan } from './legacyFix';
import { findMarker } from './generated';
import { readPolicyGrid, type PolicyCellEntry } from './policySheet';
import {
  ATTENDANCE_SHEET,
  CRITERIA_SHEET,
  INFO_ITEMS,
  INFO_SHEET,
  MEETINGS_SHEET,
  MEMBERS_SHEET,
  SHEET_NAMES,
  SUBORDINATES_SHEET,
  columnsNamedBy,
  requiredSheets,
  sheetKeyOf,
  warnedSheets,
  type ColumnDef,
  type InfoKey,
  type SheetKey,
} from './template';
import { FORMULA_WITHOUT_RESULT, type SheetGrid } from './types';

z.config({ jitless: true });

/** Rows searched for a header row (title rows may sit above it). */
export const HEADER_SEARCH_ROWS = 10;

/** Largest points value of one `Tiêu chí` cell: far above any real scale, below any overflow. */
export const MAX_POINTS = 1_000_000;

/** The names of the sheets as this workbook spells them, by the core's sheet ids (for evaluate). */
export type FoundSheetNames = Partial<Record<'info' | 'members' | 'meetings' | 'attendance' | 'criteria' | 'subordinates' | 'config', string>>;

export interface ReadResult {
  records: OrgRecords;
  issues: Issue[];
  /** The `Cấu hình` rows (each with the A1 address of its value), or null without that sheet. */
  policyEntries: PolicyCellEntry[] | null;
  /** The sheet name the policy entries were read from (for issues), or null. */
  policySheet: string | null;
  /**
   * The marker of a sheet the product generated (`Tổng hợp`, a consolidation), or null. Marked
   * sheets are never read as input; a consolidation marker wins over a summary marker.
   */
  generatedMarker: string | null;
  /** Whether the workbook has any input sheet (Thông tin, Đảng viên, …) besides generated ones. */
  hasInputSheets: boolean;
  /** The names the workbook gives its sheets, by the core's sheet ids (EvaluateOptions.sheetNames). */
  sheetNames: FoundSheetNames;
}

// ---------------------------------------------------------------- the label seam

/** Where a cell is, for issues raised while reading its text. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/**
 * What the label seam knows about the workbook's legacy text (legacyFix.ts): the first pass's
 * scan, and the cells already warned about (a cell read twice is warned about once).
 */
export interface LegacyContext {
  scan: LegacyScan;
  warned: Set<string>;
}

/** A context for one workbook: the first pass over its text cells. */
export function legacyContext(sheets: readonly SheetGrid[]): LegacyContext {
  return { scan: scanLegacyEncoding(sheets), warned: new Set() };
}

/**
 * The single function every text cell passes through before it is parsed or matched (labels,
 * headers, names, codes): trims, blanks (cellText) and composes to NFC. Text typed in TCVN3 or
 * VNI fonts comes out converted to Unicode, so that it matches ("Hoµn thµnh tèt nhiÖm vô" reads as
 * HTTNV), with a LEGACY_ENCODING warning pushed to `issues` that offers the Unicode text (none when
 * `issues` is null: a look that reads no data, such as the header search). With a workbook's
 * `legacy` context the detection is the workbook's (preferred encoding, labels, one detection per
 * distinct text) and each cell is warned about once; without it the cell is judged alone.
 */
export function labelText(value: unknown, at: CellRef, issues: Issue[] | null, legacy?: LegacyContext): string | null {
  const text = cellText(value);
  if (text === null) return null;
  const nfc = text.normalize('NFC');
  // Numbers, dates and ASCII text are never legacy (every legacy code is in U+00A1–U+00FF).
  if (typeof value !== 'string' || !mayBeLegacy(nfc)) return nfc;
  const found = legacy ? legacy.scan.detect(nfc) : detectLegacyEncoding(nfc);
  if (!found) return nfc;
  const key = `${at.sheet}!${at.cell}`;
  if (issues && !legacy?.warned.has(key)) {
    legacy?.warned.add(key);
    issues.push({
      severity: 'warning',
      sheet: at.sheet,
      cell: at.cell,
      code: 'LEGACY_ENCODING',
      ...legacyEncodingMessage(found.encoding, nfc, found.unicode),
    });
  }
  return found.unicode;
}

// ---------------------------------------------------------------- one sheet

/**
 * The texts of one workbook's string cells, by raw value: what `labelText` gives a string that is
 * not legacy text. That answer depends only on the string and the workbook's scan, and a large
 * workbook repeats a few strings (marks, ratings, Có/Không) and each name (Đảng viên, Điểm danh)
 * thousands of times. Legacy strings are not kept: each of their cells gets its own warning.
 */
type TextMemo = Map<string, string | null>;

/**
 * A short string of printable ASCII without spaces ("C", "P", "90", a card number): already
 * trimmed NFC text and never legacy, so it is its own text. A loop, not a regex: the check is
 * asked of every mark of the attendance matrix.
 */
function plainAscii(value: string): boolean {
  if (value.length === 0 || value.length > 16) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

class SheetView {
  constructor(
    readonly grid: SheetGrid,
    readonly issues: Issue[],
    readonly legacy?: LegacyContext,
    private readonly texts: TextMemo = new Map(),
  ) {}

  get name(): string {
    return this.grid.name;
  }

  get rowCount(): number {
    return this.grid.values.length;
  }

  width(r: number): number {
    return this.grid.values[r]?.length ?? 0;
  }

  raw(r: number, c: number): unknown {
    return this.grid.values[r]?.[c] ?? null;
  }

  private readonly letters: string[] = [];

  /** The column letters of grid column c (the origin included), computed once per column. */
  columnLetters(c: number): string {
    let letters = this.letters[c];
    if (letters === undefined) {
      letters = columnLetters(this.grid.originCol + c);
      this.letters[c] = letters;
    }
    return letters;
  }

  private lastRow = -1;
  private lastRowText = '';

  addr(r: number, c: number): string {
    // A row's cells are addressed together (a member's name, rating and Kỷ luật cells): its
    // number is made text once.
    if (r !== this.lastRow) {
      this.lastRow = r;
      this.lastRowText = String(this.grid.originRow + r + 1);
    }
    return this.columnLetters(c) + this.lastRowText;
  }

  /** 1-based sheet row number of grid row r. */
  rowNumber(r: number): number {
    return this.grid.originRow + r + 1;
  }

  /**
   * labelText of the cell. The cell's address is only built for legacy text (the one case that
   * raises an issue): building it for every cell was a large share of reading a big workbook.
   */
  text(r: number, c: number): string | null {
    const value = this.raw(r, c);
    if (typeof value !== 'string') {
      // Numbers, dates and booleans: never legacy, so no issue and no address (as labelText).
      const text = cellText(value);
      return text === null ? null : text.normalize('NFC');
    }
    if (plainAscii(value)) return value;
    // A column repeats its label row after row (Không, a rating): the column's last text
    // answers without a map look-up (each costs ~0.1 µs, and a large workbook asks 10 000s).
    if (value === this.lastValue[c]) return this.lastText[c] as string | null;
    const known = this.legacy?.scan.textOf(value) ?? this.texts.get(value);
    if (known !== undefined) return this.remember(c, value, known);
    const text = cellText(value);
    const nfc = text === null ? null : text.normalize('NFC');
    if (nfc === null || !mayBeLegacy(nfc) || (this.legacy ? this.legacy.scan.detect(nfc) : detectLegacyEncoding(nfc)) === null) {
      this.texts.set(value, nfc);
      return this.remember(c, value, nfc);
    }
    // Legacy text: a warning for each cell, so never remembered.
    return labelText(value, { sheet: this.name, cell: this.addr(r, c) }, this.issues, this.legacy);
  }

  /** The last string value read in each column and its text (never a legacy one). */
  private readonly lastValue: (string | undefined)[] = [];
  private readonly lastText: (string | null)[] = [];

  private remember(c: number, value: string, text: string | null): string | null {
    this.lastValue[c] = value;
    this.lastText[c] = text;
    return text;
  }

  /** The text without a LEGACY_ENCODING warning: for looking around (header search), not for data. */
  peek(r: number, c: number): string | null {
    return labelText(this.raw(r, c), { sheet: this.name, cell: this.addr(r, c) }, null, this.legacy);
  }

  /** Nothing typed: a formula without a stored result is not blank (it is reported, never skipped). */
  blank(r: number, c: number | undefined): boolean {
    if (c === undefined) return true;
    const value = this.raw(r, c);
    return cellText(value) === null && value !== FORMULA_WITHOUT_RESULT;
  }

  /** A formula cell whose file holds no computed result: not blank, but nothing to read yet. */
  formulaWithoutResult(r: number, c: number | undefined): boolean {
    return c !== undefined && this.raw(r, c) === FORMULA_WITHOUT_RESULT;
  }

  issue(code: IssueCode, cell: string | null, message: Message, severity: Issue['severity'] = 'error'): void {
    this.issues.push({ severity, sheet: this.name, cell, code, message: message.message, text: message.text });
  }
}

interface HeaderMap {
  /** Grid row of the header (0-based); 0 when none was found. */
  row: number;
  found: boolean;
  cols: Map<string, number>;
}

/** Finds the header row among the first rows: the one naming most of the sheet's columns. */
function locateHeader(sheet: SheetView, columns: readonly ColumnDef[]): HeaderMap {
  let best: HeaderMap = { row: 0, found: false, cols: new Map() };
  let bestScore = 0;
  const rows = Math.min(HEADER_SEARCH_ROWS, sheet.rowCount);
  for (let r = 0; r < rows; r++) {
    const cols = new Map<string, number>();
    for (let c = 0; c < sheet.width(r); c++) {
      const text = sheet.peek(r, c);
      if (text === null) continue;
      const column = columnsNamedBy(text, columns).find((def) => !cols.has(def.key));
      if (column) cols.set(column.key, c);
    }
    const score = [...cols.keys()].reduce((total, key) => total + (columns.find((d) => d.key === key)?.required ? 2 : 1), 0);
    if (score > bestScore) {
      best = { row: r, found: true, cols };
      bestScore = score;
    }
  }
  // The header cells found are read (LEGACY_ENCODING for a header typed in TCVN3 or VNI).
  for (const c of best.cols.values()) sheet.text(best.row, c);
  return best;
}

/** Reports every required column the header lacks (cell: the header row's first cell). */
function reportMissingColumns(sheet: SheetView, header: HeaderMap, columns: readonly ColumnDef[], required: (c: ColumnDef) => boolean): void {
  for (const column of columns) {
    if (!required(column) || header.cols.has(column.key)) continue;
    const message = header.found
      ? msg('COLUMN_MISSING.header', { sheet: sheet.name, header: column.header, row: String(sheet.rowNumber(header.row)) })
      : msg('COLUMN_MISSING.top', { sheet: sheet.name, header: column.header, rows: HEADER_SEARCH_ROWS });
    sheet.issue('COLUMN_MISSING', sheet.addr(header.row, 0), message);
  }
}

/**
 * True when nothing is typed in the row under the given columns: every cell blank, or blank beside
 * formulas without a stored result — an unused row of the template, whose `Sinh hoạt` counts are
 * formulas over `Điểm danh` (a file written by a program that does not compute them). A row made
 * only of such formulas was generated, not left empty: it is read, and each cell reported.
 */
function rowBlank(sheet: SheetView, r: number, cols: readonly number[]): boolean {
  let formulas = 0;
  // Indexed: asked of every row, in loops that run once per read (a for…of allocates there).
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (sheet.blank(r, c)) continue;
    if (!sheet.formulaWithoutResult(r, c)) return false;
    formulas++;
  }
  return formulas === 0 || formulas < cols.length;
}

// ---------------------------------------------------------------- cell readers

const countSchema = z.int().check(z.gte(0));
const nonNegativeSchema = z.number().check(z.gte(0));
const yearSchema = z.int().check(z.gte(1900), z.lte(2100));

type NumberCell = { state: 'blank' } | { state: 'number'; value: number } | { state: 'bad'; text: string } | { state: 'formula' };

/** What a formula cell without a stored result is reported as, with the column's own code (SPEC §3). */
const NO_RESULT = ref('formula.noResult');

/** What a formula cell without a stored result is reported as, in Vietnamese (SPEC §3). */
export const FORMULA_WITHOUT_RESULT_MESSAGE = render(NO_RESULT, 'vi');

/** A value of a column that could not be read: `Cột "X": <why>`. */
function columnProblem(header: string, parsed: { message: string; text?: MessageRef }): Message {
  return msg('issue.column', { header, problem: parsed.text ?? parsed.message });
}

/** A value of an item of the information sheet that could not be read: `Mục "X": <why>`. */
function itemProblem(label: string, parsed: { message: string; text?: MessageRef }): Message {
  return msg('issue.item', { label, problem: parsed.text ?? parsed.message });
}

function formulaIssue(sheet: SheetView, code: IssueCode, at: string, header: string): void {
  sheet.issue(code, at, msg('issue.column', { header, problem: NO_RESULT }));
}

const NUMBER_TEXT = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:phút|phut|p|điểm|diem|đ|người|nguoi|ý kiến|y kien)?$/i;

/** Reads a number typed as a number or as text ("12", "92,5", "90 phút"). */
function numberCell(sheet: SheetView, r: number, c: number): NumberCell {
  const value = sheet.raw(r, c);
  if (typeof value === 'number') return Number.isFinite(value) ? { state: 'number', value } : { state: 'bad', text: String(value) };
  const text = sheet.text(r, c);
  if (text === null) return value === FORMULA_WITHOUT_RESULT ? { state: 'formula' } : { state: 'blank' };
  if (typeof value === 'string') {
    const match = NUMBER_TEXT.exec(text);
    if (match) return { state: 'number', value: Number((match[1] as string).replace(',', '.')) };
  }
  return { state: 'bad', text };
}

type BlankRule = 'zero' | 'error' | 'null';

/** A whole number ≥ 0 (a count). Blank: 0, null, or an error, per the blank rule of SPEC §2. */
function readCount(sheet: SheetView, r: number, c: number | undefined, header: string, blank: BlankRule, what: MessageParam): number | null {
  if (c === undefined) return blank === 'zero' ? 0 : null;
  const cell = numberCell(sheet, r, c);
  const at = sheet.addr(r, c);
  if (cell.state === 'blank') {
    if (blank === 'error') sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.countBlank', { header, what }));
    return blank === 'zero' ? 0 : null;
  }
  if (cell.state === 'formula') {
    formulaIssue(sheet, 'NUMBER_INVALID', at, header);
    return blank === 'zero' ? 0 : null;
  }
  if (cell.state === 'bad') {
    sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.countText', { header, text: cell.text, what }));
    return blank === 'zero' ? 0 : null;
  }
  if (!countSchema.safeParse(cell.value).success) {
    const key = cell.value < 0 ? 'NUMBER_INVALID.countNegative' : 'NUMBER_INVALID.countFraction';
    sheet.issue('NUMBER_INVALID', at, msg(key, { header, value: cell.value, what }));
    return blank === 'zero' ? 0 : null;
  }
  return cell.value;
}

/** A number ≥ 0 (minutes). Blank: an error or null. */
function readAmount(sheet: SheetView, r: number, c: number | undefined, header: string, blank: BlankRule, what: MessageParam): number | null {
  if (c === undefined) return null;
  const cell = numberCell(sheet, r, c);
  const at = sheet.addr(r, c);
  if (cell.state === 'blank') {
    if (blank === 'error') sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.amountBlank', { header, what }));
    return null;
  }
  if (cell.state === 'formula') {
    formulaIssue(sheet, 'NUMBER_INVALID', at, header);
    return null;
  }
  if (cell.state === 'bad') {
    sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.amountText', { header, text: cell.text, what }));
    return null;
  }
  if (!nonNegativeSchema.safeParse(cell.value).success) {
    sheet.issue('NUMBER_INVALID', at, msg('NUMBER_INVALID.amountNegative', { header, value: cell.value, what }));
    return null;
  }
  return cell.value;
}

/**
 * Parsed labels by parser and text: a workbook repeats a handful of labels thousands of times.
 * Each parser's entry also keeps the last text it was asked (a column asks the same label row
 * after row), which answers without a map look-up.
 */
interface LabelMemo {
  byText: Map<string, Parsed<unknown>>;
  lastText: string | null;
  last: Parsed<unknown> | null;
}

const labelMemo = new WeakMap<(text: string) => Parsed<unknown>, LabelMemo>();

function parseMemo<T>(parse: (text: string) => Parsed<T>, text: string): Parsed<T> {
  let memo = labelMemo.get(parse);
  if (!memo) {
    memo = { byText: new Map(), lastText: null, last: null };
    labelMemo.set(parse, memo);
  }
  if (text === memo.lastText && memo.last !== null) return memo.last as Parsed<T>;
  let parsed = memo.byText.get(text) as Parsed<T> | undefined;
  if (!parsed) {
    parsed = parse(text);
    if (memo.byText.size < 10_000) memo.byText.set(text, parsed);
  }
  memo.lastText = text;
  memo.last = parsed;
  return parsed;
}

/** A label cell parsed by a vocabulary parser; blank → null, unknown → VALUE_INVALID and null. */
function readLabel<T>(sheet: SheetView, r: number, c: number | undefined, header: string, parse: (text: string) => Parsed<T>): T | null {
  if (c === undefined) return null;
  const text = sheet.text(r, c);
  if (text === null) {
    if (sheet.formulaWithoutResult(r, c)) formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, c), header);
    return null;
  }
  const parsed = parseMemo(parse, text);
  if (parsed.ok) return parsed.value;
  sheet.issue('VALUE_INVALID', sheet.addr(r, c), columnProblem(header, parsed));
  return null;
}

/** True when a cell holds something (so a null label means unreadable, not blank). */
function ratingTyped(sheet: SheetView, r: number, c: number | undefined): boolean {
  return !sheet.blank(r, c);
}

/** A Có/Không cell: blank is "Không" (false); null when the cell holds something unreadable (a data error). */
function readYesNo(
  sheet: SheetView,
  r: number,
  c: number | undefined,
  header: string,
  parse: (text: string) => Parsed<boolean> = parseYesNo,
): boolean | null {
  const value = readLabel(sheet, r, c, header, parse);
  if (value !== null) return value;
  return ratingTyped(sheet, r, c) ? null : false;
}

/** A date cell; blank → null (an error when `required`). */
function readDate(sheet: SheetView, r: number, c: number | undefined, header: string, required: boolean): IsoDate | null {
  if (c === undefined) return null;
  const at = sheet.addr(r, c);
  const value = sheet.raw(r, c);
  if (value === FORMULA_WITHOUT_RESULT) {
    formulaIssue(sheet, 'DATE_INVALID', at, header);
    return null;
  }
  if (cellText(value) === null) {
    if (required) sheet.issue('DATE_INVALID', at, msg('DATE_INVALID.blank', { header }));
    return null;
  }
  const parsed = parseDate(typeof value === 'string' ? (sheet.text(r, c) ?? '') : value);
  if (parsed.ok) return parsed.value;
  sheet.issue('DATE_INVALID', at, columnProblem(header, parsed));
  return null;
}

/**
 * readDate for a date that is not kept (Ngày vào Đảng: read for its issues only). A Date or an
 * Excel serial in range is a valid date (readDate would raise nothing): no ISO text is built.
 */
function checkDate(sheet: SheetView, r: number, c: number | undefined, header: string, required: boolean): void {
  if (c === undefined) return;
  const value = sheet.raw(r, c);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return;
  if (typeof value === 'number' && isExcelSerialDate(value)) return;
  readDate(sheet, r, c, header, required);
}

/** A card number as a key: its text without spaces. */
function cardKey(text: string): string {
  // Digits and capitals only (as almost every card is): already its own key.
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const code = text.charCodeAt(i);
    plain = (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  }
  return plain ? text : text.replace(/\s+/g, '').toUpperCase();
}

/** The key of a member identified by name. */
export function nameKey(name: string): string {
  return foldText(name);
}

const notYetRatedMemo = new Map<string, boolean>();
let lastRatingText: string | null = null;
let lastNotYetRated = false;

/** A rating cell that says the rating is not given yet ("Chưa xếp loại", "đang xếp loại"). */
function notYetRatedCell(sheet: SheetView, r: number, c: number | undefined): boolean {
  if (c === undefined) return false;
  const text = sheet.text(r, c);
  if (text === null) return false;
  // Memoised: a column repeats a few ratings thousands of times, and folding each costs.
  if (text === lastRatingText) return lastNotYetRated;
  let answer = notYetRatedMemo.get(text);
  if (answer === undefined) {
    answer = isNotYetRated(text);
    if (notYetRatedMemo.size < 1000) notYetRatedMemo.set(text, answer);
  }
  lastRatingText = text;
  lastNotYetRated = answer;
  return answer;
}

/**
 * A `Xếp loại` cell: a level, or null when blank, not yet rated (RATING_MISSING, never KXL) or
 * unreadable (VALUE_INVALID).
 */
function readRating(sheet: SheetView, r: number, c: number | undefined): RatingLevel | null {
  if (notYetRatedCell(sheet, r, c)) return null;
  return readLabel<RatingLevel>(sheet, r, c, 'Xếp loại', parseRating);
}

// ---------------------------------------------------------------- Thông tin

const disciplineMemo = new Map<string, DisciplineReading>();

/** The last Kỷ luật text asked and its reading (the column says "Không" row after row). */
let lastDisciplineText: string | null = null;
let lastDiscipline: DisciplineReading = { kind: 'none' };

/** What a Kỷ luật cell says (memoised: the same few words on every row). */
function disciplineOf(text: string): DisciplineReading {
  // The column says "Không" row after row: the last answer first.
  if (text === lastDisciplineText) return lastDiscipline;
  let reading = disciplineMemo.get(text);
  if (reading === undefined) {
    reading = parseDiscipline(text);
    if (disciplineMemo.size < 1000) disciplineMemo.set(text, reading);
  }
  lastDisciplineText = text;
  lastDiscipline = reading;
  return reading;
}

/**
 * The discipline that counts for DISCIPLINE: a form of the evaluation year (no year written = that
 * year). A form of another year is not counted; with no known evaluation year a form dated by the
 * text cannot be placed and is not counted either (the missing year is already a data error).
 */
function countedDiscipline(reading: DisciplineReading, evaluationYear: number | null): boolean {
  if (reading.kind !== 'form') return false;
  if (reading.year === null) return true;
  return evaluationYear !== null && reading.year === evaluationYear;
}

/** `Ghi chú` of a member who transferred out during the year (SPEC §2). */
const TRANSFER_NOTE = /^(?:chuyen di|chuyen sinh hoat di|da chuyen sinh hoat)\b/;

function emptyInfo(): OrgInfo {
  return {
    name: null,
    kind: null,
    level: null,
    type: null,
    year: null,
    superior: null,
    hasCommittee: null,
    minutesBookStamped: null,
    minutesBookStampedCell: null,
  };
}

function readInfo(sheet: SheetView): OrgInfo {
  const info = emptyInfo();
  const header = locateHeader(sheet, INFO_SHEET.columns);
  const itemCol = header.cols.get('item');
  const valueCol = header.cols.get('value');
  const useHeader = itemCol !== undefined && valueCol !== undefined;
  const seen = new Map<InfoKey, { r: number; c: number }>();
  for (let r = useHeader ? header.row + 1 : 0; r < sheet.rowCount; r++) {
    // With the header: its two columns. Without: the first non-blank cell of the row and the cell after it.
    let labelCol = itemCol;
    if (!useHeader) {
      labelCol = undefined;
      for (let c = 0; c < sheet.width(r); c++) {
        if (!sheet.blank(r, c)) {
          labelCol = c;
          break;
        }
      }
    }
    if (labelCol === undefined) continue;
    const label = sheet.text(r, labelCol);
    if (label === null) continue;
    const item = columnsNamedBy(label, INFO_COLUMNS)[0]?.item;
    if (!item || seen.has(item.key)) continue;
    seen.set(item.key, { r, c: useHeader ? (valueCol as number) : labelCol + 1 });
  }
  if (seen.size === 0 && !useHeader) {
    reportMissingColumns(sheet, header, INFO_SHEET.columns, (c) => c.required);
  }

  for (const item of INFO_ITEMS) {
    const place = seen.get(item.key);
    const at = place ? sheet.addr(place.r, place.c) : null;
    const text = place ? sheet.text(place.r, place.c) : null;
    const missing = (expected: MessageParam): void => {
      if (place && sheet.formulaWithoutResult(place.r, place.c)) {
        sheet.issue('VALUE_INVALID', at, msg('issue.item', { label: item.label, problem: NO_RESULT }));
        return;
      }
      sheet.issue('VALUE_INVALID', at, msg(place ? 'VALUE_INVALID.itemBlank' : 'VALUE_INVALID.itemMissing', { label: item.label, expected }));
    };
    switch (item.key) {
      case 'name':
        info.name = text;
        break;
      case 'superior':
        info.superior = text;
        break;
      case 'kind': {
        const expected = ref('expected.oneOf', { options: (item.allowed ?? []).join(', ') });
        if (text === null) {
          missing(expected);
          break;
        }
        const parsed = parseOrgKind(text);
        if (parsed.ok) {
          info.kind = parsed.value.kind;
          info.level = parsed.value.level;
        } else sheet.issue('VALUE_INVALID', at, itemProblem(item.label, parsed));
        break;
      }
      case 'type': {
        if (text === null) {
          if (place && sheet.formulaWithoutResult(place.r, place.c)) missing(ref('expected.value'));
          break;
        }
        const parsed = parseOrgType(text);
        if (parsed.ok) info.type = parsed.value;
        else sheet.issue('VALUE_INVALID', at, itemProblem(item.label, parsed));
        break;
      }
      case 'year': {
        const expected = ref('expected.year');
        if (!place || text === null) {
          missing(expected);
          break;
        }
        const cell = numberCell(sheet, place.r, place.c);
        if (cell.state === 'number' && yearSchema.safeParse(cell.value).success) info.year = cell.value;
        else sheet.issue('VALUE_INVALID', at, msg('VALUE_INVALID.year', { label: item.label, text }));
        break;
      }
      case 'hasCommittee':
      case 'minutesBookStamped': {
        const stamp = item.key === 'minutesBookStamped';
        if (stamp) info.minutesBookStampedCell = at;
        if (text === null) {
          if (place && sheet.formulaWithoutResult(place.r, place.c)) {
            missing(ref('expected.value'));
            if (stamp) info.minutesBookStampedUnreadable = true;
          }
          break;
        }
        const parsed = (stamp ? parseStamped : parseYesNo)(text);
        if (!parsed.ok) {
          sheet.issue('VALUE_INVALID', at, itemProblem(item.label, parsed));
          if (stamp) info.minutesBookStampedUnreadable = true;
          break;
        }
        if (item.key === 'hasCommittee') info.hasCommittee = parsed.value;
        else info.minutesBookStamped = parsed.value;
        break;
      }
    }
  }
  return info;
}

/** The `Thông tin` items as columns (label and aliases), for columnsNamedBy. */
const INFO_COLUMNS = INFO_ITEMS.map((item) => ({ header: item.label, aliases: item.aliases, item }));

// ---------------------------------------------------------------- Đảng viên

interface MembersRead {
  members: Member[];
  /** Whether members are keyed by Số thẻ đảng viên. */
  byCard: boolean;
  /** Every member key, with the cell of its first row. */
  keys: ReadonlyMap<string, string>;
  /**
   * The keys whose first member is exempt from meetings or has an unreadable `Miễn sinh hoạt`
   * (the members an M mark agrees with): kept while reading, so the matrix needs no map of all
   * members for its M marks.
   */
  exemptKeys: ReadonlySet<string>;
}

function readMembers(sheet: SheetView, kind: OrgKind | null, year: number | null): MembersRead {
  const columns = MEMBERS_SHEET.columns;
  const header = locateHeader(sheet, columns);
  // A đảng bộ reads this sheet for DISCIPLINE only: the name and Kỷ luật are what it needs.
  const required = (c: ColumnDef): boolean => (kind === 'dang-bo' ? c.key === 'name' || c.key === 'discipline' : c.required);
  reportMissingColumns(sheet, header, columns, required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const byCard = col('card') !== undefined;
  const members: Member[] = [];
  const seen = new Map<string, string>();
  const exemptKeys = new Set<string>();
  const known = [...header.cols.entries()].filter(([key]) => key !== 'stt').map(([, c]) => c);
  // The columns, looked up once (not once per row).
  const nameCol = col('name');
  const cardCol = col('card');
  const joinedCol = col('joined');
  const exemptCol = col('exempt');
  const ratingCol = col('rating');
  const disciplineCol = col('discipline');
  const noteCol = col('note');
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    const name = nameCol === undefined ? null : sheet.text(r, nameCol);
    const firstCell = sheet.addr(r, nameCol ?? 0);
    if (name === null && nameCol !== undefined) {
      if (sheet.formulaWithoutResult(r, nameCol)) formulaIssue(sheet, 'VALUE_INVALID', firstCell, 'Họ và tên');
      else sheet.issue('VALUE_INVALID', firstCell, msg('VALUE_INVALID.memberName', { row: String(sheet.rowNumber(r)) }));
    }
    const card = cardCol === undefined ? null : sheet.text(r, cardCol);
    if (name === null && card === null) continue;
    const key = card !== null ? cardKey(card) : nameKey(name ?? '');
    const keyCell = card !== null && cardCol !== undefined ? sheet.addr(r, cardCol) : firstCell;
    const previous = seen.get(key);
    if (previous !== undefined && (card !== null || !byCard)) {
      const duplicate =
        card !== null ? msg('DUPLICATE_MEMBER.card', { value: card, previous }) : msg('DUPLICATE_MEMBER.name', { value: name ?? '', previous });
      sheet.issue('DUPLICATE_MEMBER', keyCell, duplicate, 'warning');
    } else if (previous === undefined) seen.set(key, keyCell);
    checkDate(sheet, r, joinedCol, 'Ngày vào Đảng', false);
    const exemptRead = readYesNo(sheet, r, exemptCol, 'Miễn sinh hoạt', parseExempt);
    const exempt = exemptRead === true;
    const exemptUnreadable = exemptRead === null;
    if (previous === undefined && (exempt || exemptUnreadable)) exemptKeys.add(key);
    const rating = readRating(sheet, r, ratingCol);
    const ratingUnreadable = rating === null && ratingTyped(sheet, r, ratingCol) && !notYetRatedCell(sheet, r, ratingCol);
    const disciplineText = disciplineCol === undefined ? null : sheet.text(r, disciplineCol);
    let discipline: string | null = null;
    if (disciplineText !== null) {
      const reading = disciplineOf(disciplineText);
      if (reading.kind === 'invalid')
        sheet.issue('VALUE_INVALID', sheet.addr(r, disciplineCol as number), msg('issue.column', { header: 'Kỷ luật', problem: reading.text }));
      else if (countedDiscipline(reading, year)) discipline = disciplineText;
    } else if (sheet.formulaWithoutResult(r, disciplineCol)) {
      formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, disciplineCol as number), 'Kỷ luật');
    }
    // Ghi chú is free text: read (legacy text converted, so "ChuyÓn ®i" is a transfer) but not
    // warned about, as before it was read at all; the conversion plan still covers it.
    const note = noteCol === undefined || sheet.blank(r, noteCol) ? null : sheet.peek(r, noteCol);
    const transferred = note !== null && TRANSFER_NOTE.test(foldText(note));
    if (rating === 'KXL' && !exempt && !exemptUnreadable && note === null) {
      sheet.issue(
        'KXL_UNEXPLAINED',
        sheet.addr(r, ratingCol as number),
        msg('KXL_UNEXPLAINED', { name: name ?? card ?? '', kxl: ref('rating.KXL') }),
        'warning',
      );
    }
    members.push({
      key,
      name: name ?? card ?? '',
      exempt,
      // Always present (undefined when false): every member record keeps one shape for the rules' loops.
      exemptUnreadable: exemptUnreadable ? true : undefined,
      transferred: transferred ? true : undefined,
      rating,
      ratingUnreadable,
      discipline,
      row: sheet.rowNumber(r),
      nameCell: firstCell,
      ratingCell: sheet.addr(r, ratingCol ?? nameCol ?? 0),
      disciplineCell: disciplineCol === undefined ? null : sheet.addr(r, disciplineCol),
    });
  }
  return { members, byCard, keys: seen, exemptKeys };
}

// ---------------------------------------------------------------- Sinh hoạt

const MEETING_FIELDS: readonly MeetingField[] = [
  'date',
  'kind',
  'members',
  'present',
  'excused',
  'unexcused',
  'speakers',
  'minutes',
  'chairSigned',
  'secretarySigned',
  'selfAssessment',
];

function readMeetings(sheet: SheetView, year: number | null): Meeting[] {
  const columns = MEETINGS_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const headerOf = (key: string): string => columns.find((c) => c.key === key)?.header ?? key;
  const known = [...header.cols.entries()].filter(([key]) => key !== 'stt').map(([, c]) => c);
  const meetings: Meeting[] = [];
  const presentFields = MEETING_FIELDS.filter((field) => col(field) !== undefined);
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    const firstCol = col('date') ?? known[0] ?? 0;
    const cells = Object.fromEntries(MEETING_FIELDS.map((field) => [field, sheet.addr(r, col(field) ?? firstCol)])) as Record<MeetingField, string>;
    const issuesBefore = sheet.issues.length;
    const date = readDate(sheet, r, col('date'), headerOf('date'), true);
    if (date !== null && year !== null && isoParts(date).year !== year) {
      sheet.issue('DATE_OUT_OF_YEAR', cells.date, msg('DATE_OUT_OF_YEAR', { date: { date }, year: String(year) }), 'warning');
    }
    const kindCol = col('kind');
    let kind: MeetingKind | null = null;
    if (kindCol !== undefined) {
      if (sheet.blank(r, kindCol)) {
        sheet.issue('VALUE_INVALID', cells.kind, msg('VALUE_INVALID.kindBlank', { header: headerOf('kind') }));
      } else kind = readLabel(sheet, r, kindCol, headerOf('kind'), parseMeetingKind);
    }
    const members = readCount(sheet, r, col('members'), headerOf('members'), 'error', ref('what.members'));
    const present = readCount(sheet, r, col('present'), headerOf('present'), 'error', ref('what.present'));
    // Blank counts are 0; an unreadable one (already an error) is also 0 here, but flagged so that
    // the meeting's own attendance (MEETING_ATTENDANCE_LOW) is not judged on a made-up count.
    const excusedRead = readCount(sheet, r, col('excused'), headerOf('excused'), 'null', ref('what.excused'));
    const unexcusedRead = readCount(sheet, r, col('unexcused'), headerOf('unexcused'), 'null', ref('what.unexcused'));
    const unreadableCount = (read: number | null, c: number | undefined): boolean => read === null && c !== undefined && !sheet.blank(r, c);
    const absencesUnreadable = unreadableCount(excusedRead, col('excused')) || unreadableCount(unexcusedRead, col('unexcused'));
    const excused = excusedRead ?? 0;
    const unexcused = unexcusedRead ?? 0;
    const speakers = readCount(sheet, r, col('speakers'), headerOf('speakers'), 'error', ref('what.speakers'));
    const minutes = readAmount(sheet, r, col('minutes'), headerOf('minutes'), 'error', ref('what.minutes'));
    const chairSigned = readYesNo(sheet, r, col('chairSigned'), headerOf('chairSigned'), parseSigned);
    const secretarySigned = readYesNo(sheet, r, col('secretarySigned'), headerOf('secretarySigned'), parseSigned);
    const selfAssessment = readLabel<SelfAssessment>(sheet, r, col('selfAssessment'), headerOf('selfAssessment'), parseSelfAssessment);
    // The fields whose cell gave an error (unreadable, or blank where a value is required): the
    // rules that need them are skipped for this row (SPEC §3). Found from the row's own errors.
    const unreadable = unreadableFields(sheet.issues, issuesBefore, sheet.name, cells, presentFields);
    if (members !== null && present !== null && present + excused + unexcused > members) {
      sheet.issue(
        'COUNT_MISMATCH',
        cells.present,
        msg('COUNT_MISMATCH', { present, excused, unexcused, total: present + excused + unexcused, members }),
      );
    }
    meetings.push({
      row: sheet.rowNumber(r),
      date,
      kind,
      members,
      present,
      excused,
      unexcused,
      speakers,
      minutes,
      chairSigned: chairSigned === true,
      secretarySigned: secretarySigned === true,
      selfAssessment,
      ...(absencesUnreadable ? { absencesUnreadable } : {}),
      cells,
      unreadable: unreadable.length > 0 ? unreadable : undefined,
    });
  }
  return meetings;
}

/** The fields of a meeting row whose cell got an error issue since `from` (in `issues`). */
function unreadableFields(
  issues: readonly Issue[],
  from: number,
  sheet: string,
  cells: Record<MeetingField, string>,
  present: readonly MeetingField[],
): MeetingField[] {
  const fields: MeetingField[] = [];
  for (let i = from; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    if (issue.severity !== 'error' || issue.sheet !== sheet) continue;
    for (const field of present) if (cells[field] === issue.cell && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

// ---------------------------------------------------------------- Điểm danh

/** A header that looks like a date attempt ("05/13/2025", "31/02"), as opposed to a plain label. */
const DATE_LIKE = /\d{1,4}\s*[/.-]\s*\d{1,2}/;
/** Excel serial of 01/01/2000: smaller numbers in a header are meeting numbers, not dates. */
const MIN_HEADER_SERIAL = 36_526;

type HeaderDate = { state: 'date'; date: IsoDate } | { state: 'bad'; text: MessageParam } | { state: 'none' };

function headerDate(sheet: SheetView, r: number, c: number): HeaderDate {
  const value = sheet.raw(r, c);
  if (value instanceof Date) {
    const parsed = parseDate(value);
    return parsed.ok ? { state: 'date', date: parsed.value } : { state: 'bad', text: parsed.text ?? parsed.message };
  }
  if (typeof value === 'number') {
    if (value < MIN_HEADER_SERIAL) return { state: 'bad', text: ref('date.headerNumber', { value: String(value) }) };
    const parsed = parseDate(value);
    return parsed.ok ? { state: 'date', date: parsed.value } : { state: 'bad', text: parsed.text ?? parsed.message };
  }
  const text = sheet.text(r, c);
  if (text === null || !DATE_LIKE.test(text)) return { state: 'none' };
  const parsed = parseDate(text);
  return parsed.ok ? { state: 'date', date: parsed.value } : { state: 'bad', text: parsed.text ?? parsed.message };
}

/** C, P and K marks of each matrix column (indices as in matrix.columns). */
type MarkCounts = Record<'C' | 'P' | 'K', number[]>;

interface AttendanceRead {
  matrix: AttendanceMatrix;
  counts: MarkCounts;
}

function readAttendance(sheet: SheetView, members: MembersRead | null, type: OrgType | null): AttendanceRead | null {
  const columns = ATTENDANCE_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const nameCol = header.cols.get('name');
  if (nameCol === undefined) return null;
  const cardCol = header.cols.get('card');
  const fixed = new Set(header.cols.values());
  const dateCols: { c: number; date: IsoDate; headerCell: string }[] = [];
  /** A column whose date could not be read: absences cannot be told consecutive, nor the rate complete. */
  let unreadableColumns = false;
  for (let c = 0; c < sheet.width(header.row); c++) {
    if (fixed.has(c)) continue;
    const found = headerDate(sheet, header.row, c);
    if (found.state === 'date') dateCols.push({ c, date: found.date, headerCell: sheet.addr(header.row, c) });
    else if (found.state === 'bad') {
      sheet.issue('DATE_INVALID', sheet.addr(header.row, c), msg('issue.attendanceHeader', { problem: found.text }));
      unreadableColumns = true;
    } else if (sheet.formulaWithoutResult(header.row, c)) {
      sheet.issue('DATE_INVALID', sheet.addr(header.row, c), msg('issue.attendanceHeader', { problem: NO_RESULT }));
      unreadableColumns = true;
    }
  }
  // Member keys by folded name, to give matrix rows the key their member has in Đảng viên.
  // Built on first use: with a Số thẻ column every row is keyed by its card and needs no name.
  let byNameMap: Map<string, string | null> | null = null;
  const byName = (): Map<string, string | null> => {
    if (byNameMap) return byNameMap;
    byNameMap = new Map();
    for (const member of members?.members ?? []) {
      const key = nameKey(member.name);
      byNameMap.set(key, byNameMap.has(key) ? null : member.key);
    }
    return byNameMap;
  };
  const matrix: AttendanceMatrix = {
    sheet: sheet.name,
    columns: dateCols.map(({ date, headerCell }) => ({ date, headerCell })),
    rows: [],
    ...(unreadableColumns ? { unreadableColumns } : {}),
  };
  // Marks must agree with the member list (SPEC §2): M only for a member exempt from meetings, D
  // only in the armed forces — any other M or D would hide an absence.
  // The member list's own key sets answer it: no map of every member is built for the M marks.
  const mayBeExempt = (key: string): boolean => members === null || !members.keys.has(key) || members.exemptKeys.has(key);
  const specialDutyAllowed = type === 'vu-trang';
  const scanned = [nameCol, ...(cardCol === undefined ? [] : [cardCol]), ...dateCols.map((d) => d.c)];
  const markCols = dateCols.map((d) => d.c);
  const markLetters = markCols.map((c) => sheet.columnLetters(c));
  /**
   * A row of the matrix whose marks' A1 addresses (`cells`) are built when asked: a large matrix
   * has 100 000+ marks, and only the few a finding points at need their address. A class, not an
   * object literal with a getter: V8 keeps such literals in slow (dictionary) mode.
   */
  class MatrixRow {
    constructor(
      readonly key: string,
      readonly name: string,
      readonly marks: (AttendanceMark | null)[],
      /** 1-based sheet row. */
      readonly row: number,
      /** Some mark could not be read (a data error). */
      readonly unreadable: boolean,
    ) {}

    get cells(): string[] {
      return markLetters.map((letters) => `${letters}${this.row}`);
    }
  }
  /** Parsed marks by cell text, for this sheet (the same few marks fill the whole matrix). */
  const marksByText = new Map<string, Parsed<AttendanceMark>>();
  /** The same for a one-character text (C, P, K …), by its character code: no map look-up per mark. */
  const marksByChar: (Parsed<AttendanceMark> | undefined)[] = [];
  const countC = new Array<number>(markCols.length).fill(0);
  const countP = new Array<number>(markCols.length).fill(0);
  const countK = new Array<number>(markCols.length).fill(0);
  const counts: MarkCounts = { C: countC, P: countP, K: countK };
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    // A row with a name is not blank: the other cells need no look before they are read.
    if (sheet.blank(r, nameCol) && rowBlank(sheet, r, scanned)) continue;
    const name = sheet.text(r, nameCol);
    if (name === null) {
      if (sheet.formulaWithoutResult(r, nameCol)) formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, nameCol), 'Họ và tên');
      else sheet.issue('VALUE_INVALID', sheet.addr(r, nameCol), msg('VALUE_INVALID.markName', { row: String(sheet.rowNumber(r)) }));
      continue;
    }
    const card = cardCol === undefined ? null : sheet.text(r, cardCol);
    let key: string;
    if (card !== null && members?.byCard !== false) key = cardKey(card);
    else key = byName().get(nameKey(name)) ?? nameKey(name);
    // Sized once (pushing 24 marks grows the array twice, for every row).
    const marks = new Array<AttendanceMark | null>(markCols.length);
    const values = sheet.grid.values[r] ?? [];
    let unreadable = false;
    for (let i = 0; i < markCols.length; i++) {
      const c = markCols[i] as number;
      // readLabel(…, 'Điểm danh', parseMark), with the parse looked up per text of this sheet.
      const value = values[c];
      const code = typeof value === 'string' && value.length === 1 ? value.charCodeAt(0) : 0;
      let parsed: Parsed<AttendanceMark> | undefined;
      if (code > 0x20 && code < 0x7f) {
        // One printable ASCII character is its own text (as SheetView.text gives it).
        parsed = marksByChar[code];
        if (parsed === undefined) {
          parsed = parseMemo(parseMark, value as string);
          marksByChar[code] = parsed;
        }
      } else {
        const text = sheet.text(r, c);
        if (text === null) {
          if (value === FORMULA_WITHOUT_RESULT) {
            formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, c), 'Điểm danh');
            unreadable = true;
          }
          marks[i] = null;
          continue;
        }
        parsed = marksByText.get(text);
        if (parsed === undefined) {
          parsed = parseMemo(parseMark, text);
          marksByText.set(text, parsed);
        }
      }
      if (parsed.ok) {
        const mark = parsed.value;
        if ((mark === 'M' || mark === 'D') && !markAgrees(mark, mayBeExempt(key), specialDutyAllowed)) {
          sheet.issue('VALUE_INVALID', sheet.addr(r, c), markDisagreement(mark, name));
          marks[i] = null;
          unreadable = true;
          continue;
        }
        marks[i] = mark;
        // Counted here for compareMatrix: no second pass over the matrix.
        if (mark === 'C') countC[i] = (countC[i] as number) + 1;
        else if (mark === 'P') countP[i] = (countP[i] as number) + 1;
        else if (mark === 'K') countK[i] = (countK[i] as number) + 1;
      } else {
        sheet.issue('VALUE_INVALID', sheet.addr(r, c), columnProblem('Điểm danh', parsed));
        marks[i] = null;
        unreadable = true;
      }
    }
    matrix.rows.push(new MatrixRow(key, name, marks, sheet.rowNumber(r), unreadable));
  }
  return { matrix, counts };
}

/**
 * Whether an M or D mark agrees with the member list: M for a member whose `Miễn sinh hoạt` is Có
 * (or unreadable: that is already its own error), D in an armed-forces chi bộ. A row with no
 * member in `Đảng viên` is left alone (the list cannot say): `mayBeExempt` is true for both.
 */
function markAgrees(mark: 'M' | 'D', mayBeExempt: boolean, specialDutyAllowed: boolean): boolean {
  if (mark === 'D') return specialDutyAllowed;
  return mayBeExempt;
}

function markDisagreement(mark: 'M' | 'D', name: string): Message {
  if (mark === 'M') return msg('VALUE_INVALID.markM', { name, sheet: SHEET_NAMES.members });
  return msg('VALUE_INVALID.markD', { sheet: SHEET_NAMES.info });
}

/** MATRIX_MISMATCH: matrix columns and meetings of the year that do not pair, and counts that differ. */
function compareMatrix(
  read: AttendanceRead,
  meetings: readonly Meeting[],
  meetingsSheet: SheetView,
  attendanceSheet: SheetView,
  year: number | null,
): void {
  const { matrix, counts: counted } = read;
  const inYear = (date: IsoDate): boolean => year === null || isoParts(date).year === year;
  const byDate = new Map<IsoDate, Meeting[]>();
  for (const meeting of meetings) {
    if (meeting.date === null || !inYear(meeting.date)) continue;
    byDate.set(meeting.date, [...(byDate.get(meeting.date) ?? []), meeting]);
  }
  const paired = new Set<Meeting>();
  // A same-day session (a Thường kỳ and a Chuyên đề row) may have one column: it belongs to the
  // Thường kỳ row, and the Chuyên đề row needs none (SPEC §2).
  const sessions = sameDayPairs(meetings.filter((m) => m.date !== null && inYear(m.date)));
  for (const [date, { regular, thematic }] of sessions) {
    if (matrix.columns.filter((column) => column.date === date).length !== 1) continue;
    paired.add(thematic);
    byDate.set(date, [regular]);
  }
  matrix.columns.forEach((column, index) => {
    const candidates = (byDate.get(column.date) ?? []).filter((m) => !paired.has(m));
    const meeting = candidates[0];
    if (!meeting) {
      if (inYear(column.date)) {
        attendanceSheet.issue(
          'MATRIX_MISMATCH',
          column.headerCell,
          msg('MATRIX_MISMATCH.column', { date: { date: column.date }, sheet: meetingsSheet.name }),
          'warning',
        );
      }
      return;
    }
    paired.add(meeting);
    const counts = { C: counted.C[index] as number, P: counted.P[index] as number, K: counted.K[index] as number };
    const checks: [MeetingField, number | null, number, MessageParam][] = [
      ['present', meeting.present, counts.C, ref('mark.present')],
      ['excused', meeting.excused, counts.P, ref('mark.excused')],
      ['unexcused', meeting.unexcused, counts.K, ref('mark.unexcused')],
    ];
    for (const [field, stated, counted, label] of checks) {
      if (stated === null || stated === counted) continue;
      meetingsSheet.issue(
        'MATRIX_MISMATCH',
        meeting.cells[field],
        msg('MATRIX_MISMATCH.count', {
          date: { date: column.date },
          label,
          stated,
          sheet: attendanceSheet.name,
          column: column.headerCell.replace(/\d+$/, ''),
          counted,
        }),
        'warning',
      );
    }
  });
  for (const list of byDate.values()) {
    for (const meeting of list) {
      if (paired.has(meeting) || meeting.date === null) continue;
      meetingsSheet.issue(
        'MATRIX_MISMATCH',
        meeting.cells.date,
        msg('MATRIX_MISMATCH.meeting', { date: { date: meeting.date }, sheet: attendanceSheet.name }),
        'warning',
      );
    }
  }
}

// ---------------------------------------------------------------- Tiêu chí

const CODE_PATTERN = /^1\.[1-4](\.[0-9a-z]+)*$/i;

/** The text of a `Mã` cell; a number Excel made of it is read back as its shortest decimal. */
function codeText(sheet: SheetView, r: number, c: number): string | null {
  const value = sheet.raw(r, c);
  if (typeof value === 'number' && Number.isFinite(value)) return String(Number(value.toPrecision(12)));
  const text = sheet.text(r, c);
  if (text === null) return null;
  return text.replace(/\s+/g, '').replace(/,/g, '.').replace(/\.+$/, '');
}

function readCriteria(sheet: SheetView): CriterionRow[] {
  const columns = CRITERIA_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const codeCol = col('code');
  const maxCol = col('max');
  const selfCol = col('self');
  const known = [...header.cols.values()];
  const rows: CriterionRow[] = [];
  /** Rows with a self-score but no maximum: reported once leaves are known. */
  const selfWithoutMax: { row: CriterionRow; cell: string }[] = [];
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    /** The first point cell of the row that is invalid: its criterion's percent is not computed. */
    let invalidCell: string | undefined;
    const points = (c: number | undefined, header: string): number | null => {
      if (c === undefined) return null;
      const cell = numberCell(sheet, r, c);
      if (cell.state === 'blank') return null;
      if (cell.state !== 'number' || cell.value < 0 || cell.value > MAX_POINTS) invalidCell ??= sheet.addr(r, c);
      if (cell.state === 'formula') {
        formulaIssue(sheet, 'NUMBER_INVALID', sheet.addr(r, c), header);
        return null;
      }
      if (cell.state === 'bad') {
        sheet.issue('NUMBER_INVALID', sheet.addr(r, c), msg('NUMBER_INVALID.score', { header, text: cell.text }));
        return null;
      }
      if (cell.value < 0) {
        sheet.issue('SCORE_INVALID', sheet.addr(r, c), msg('SCORE_INVALID.negative', { header, value: cell.value }));
        return null;
      }
      if (cell.value > MAX_POINTS) {
        // A typo such as 1e308: sums of such values overflow and the percent would read "NaN %".
        sheet.issue('SCORE_INVALID', sheet.addr(r, c), msg('SCORE_INVALID.tooLarge', { header, value: cell.value }));
        return null;
      }
      return cell.value;
    };
    const maxPoints = points(maxCol, 'Điểm tối đa');
    let selfPoints = points(selfCol, 'Điểm tự chấm');
    const code = codeCol === undefined ? null : codeText(sheet, r, codeCol);
    const codeCell = sheet.addr(r, codeCol ?? 0);
    const selfCell = sheet.addr(r, selfCol ?? codeCol ?? 0);
    const scored = !sheet.blank(r, maxCol) || !sheet.blank(r, selfCol);
    if (code === null) {
      // A heading row ("a/ Các tiêu chí chung") has neither code nor points.
      if (sheet.formulaWithoutResult(r, codeCol)) formulaIssue(sheet, 'VALUE_INVALID', codeCell, 'Mã');
      else if (scored && codeCol !== undefined) {
        sheet.issue('VALUE_INVALID', codeCell, msg('VALUE_INVALID.criterionCodeBlank', { row: String(sheet.rowNumber(r)) }));
      }
      continue;
    }
    if (!CODE_PATTERN.test(code)) {
      sheet.issue('VALUE_INVALID', codeCell, msg('VALUE_INVALID.criterionCode', { code }));
      continue;
    }
    if (maxPoints !== null && selfPoints !== null && selfPoints > maxPoints) {
      sheet.issue('SCORE_INVALID', selfCell, msg('SCORE_INVALID.aboveMax', { code, self: selfPoints, max: maxPoints }));
      selfPoints = null;
      invalidCell ??= selfCell;
    } else if (maxPoints !== null && selfPoints === null && selfCol !== undefined && sheet.blank(r, selfCol)) {
      sheet.issue('SCORE_MISSING', selfCell, msg('SCORE_MISSING', { code, max: maxPoints }), 'warning');
    }
    const row: CriterionRow = {
      code,
      maxPoints,
      selfPoints,
      row: sheet.rowNumber(r),
      codeCell,
      selfCell,
      ...(invalidCell !== undefined ? { invalidCell } : {}),
    };
    rows.push(row);
    if (maxPoints === null && selfPoints !== null && maxCol !== undefined && sheet.blank(r, maxCol)) {
      selfWithoutMax.push({ row, cell: sheet.addr(r, maxCol) });
    }
  }
  for (const { row, cell } of selfWithoutMax) {
    const hasChildren = rows.some((other) => other.code.toLowerCase().startsWith(`${row.code.toLowerCase()}.`));
    if (hasChildren) continue;
    sheet.issue('NUMBER_INVALID', cell, msg('NUMBER_INVALID.maxBlank', { code: row.code, self: row.selfPoints ?? 0 }));
    row.invalidCell ??= cell;
  }
  return rows;
}

// ---------------------------------------------------------------- Chi bộ trực thuộc

function readSubordinates(sheet: SheetView): SubordinateCell[] {
  const columns = SUBORDINATES_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const known = [...header.cols.entries()].filter(([key]) => key !== 'stt').map(([, c]) => c);
  const cells: SubordinateCell[] = [];
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    const nameCol = col('name');
    let name = nameCol === undefined ? null : sheet.text(r, nameCol);
    if (name === null) {
      if (nameCol !== undefined) {
        sheet.issue('VALUE_INVALID', sheet.addr(r, nameCol), msg('VALUE_INVALID.cellName', { row: String(sheet.rowNumber(r)) }));
      }
      name = `Dòng ${sheet.rowNumber(r)}`;
    }
    const members = readCount(sheet, r, col('members'), 'Số đảng viên', 'null', ref('what.cellMembers'));
    const rating = readRating(sheet, r, col('rating'));
    const modelCol = col('isModel');
    let isModel: boolean | null = null;
    if (sheet.formulaWithoutResult(r, modelCol)) formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, modelCol as number), 'Chi bộ bốn tốt');
    else if (modelCol !== undefined && !sheet.blank(r, modelCol)) {
      const raw = sheet.raw(r, modelCol);
      isModel = parseRecognised(typeof raw === 'string' ? sheet.text(r, modelCol) : raw);
      if (isModel === null) {
        sheet.issue('VALUE_INVALID', sheet.addr(r, modelCol), msg('VALUE_INVALID.model', { text: sheet.text(r, modelCol) ?? '' }));
      }
    }
    const ratingUnreadable = rating === null && ratingTyped(sheet, r, col('rating')) && !notYetRatedCell(sheet, r, col('rating'));
    cells.push({
      name,
      members,
      rating,
      ratingUnreadable,
      isModel,
      row: sheet.rowNumber(r),
      ratingCell: sheet.addr(r, col('rating') ?? nameCol ?? 0),
    });
  }
  return cells;
}

// ---------------------------------------------------------------- the workbook

/** Picks, for each sheet key, the grid that stands for it: an exact name first, then an alias. */
function pickSheets(grids: readonly SheetGrid[]): Map<SheetKey, SheetGrid> {
  const picked = new Map<SheetKey, SheetGrid>();
  const exact = (grid: SheetGrid, key: SheetKey): boolean => foldText(grid.name) === foldText(SHEET_NAMES[key]);
  for (const grid of grids) {
    const key = sheetKeyOf(grid.name);
    if (key === null) continue;
    const current = picked.get(key);
    if (!current || (!exact(current, key) && exact(grid, key))) picked.set(key, grid);
  }
  return picked;
}

/**
 * Reads a workbook's sheets into records and issues. Never throws on data: whatever cannot be read
 * is an issue, and what can be read is read (also without `Thông tin` or with an unknown kind).
 */
export function readWorkbook(sheets: readonly SheetGrid[]): ReadResult {
  const issues: Issue[] = [];
  let generatedMarker: string | null = null;
  const inputs: SheetGrid[] = [];
  for (const grid of sheets) {
    const marker = findMarker(grid);
    if (marker !== null) {
      if (generatedMarker === null || marker.endsWith('consolidation')) generatedMarker = marker;
      continue;
    }
    inputs.push(grid);
  }
  const picked = pickSheets(inputs);
  // The first pass over the text cells: the workbook's legacy encoding, if any (LEGACY_ENCODING).
  const legacy = legacyContext(inputs);
  const texts: TextMemo = new Map();
  const view = (key: SheetKey): SheetView | null => {
    const grid = picked.get(key);
    return grid ? new SheetView(grid, issues, legacy, texts) : null;
  };

  const infoView = view('info');
  const info = infoView ? readInfo(infoView) : emptyInfo();
  const kind = info.kind;

  for (const key of requiredSheets(kind)) {
    if (picked.has(key)) continue;
    const name = SHEET_NAMES[key];
    issues.push({
      severity: 'error',
      sheet: name,
      cell: null,
      code: 'SHEET_MISSING',
      ...msg('SHEET_MISSING', { sheet: name }),
    });
  }
  for (const key of warnedSheets(kind)) {
    if (picked.has(key)) continue;
    const name = SHEET_NAMES[key];
    issues.push({
      severity: 'warning',
      sheet: name,
      cell: null,
      code: 'SHEET_MISSING',
      ...msg('SHEET_MISSING.attendance', { sheet: name, meetings: SHEET_NAMES.meetings }),
    });
  }

  const readsMeetings = kind !== 'dang-bo';
  const membersView = view('members');
  const membersRead = membersView ? readMembers(membersView, kind, info.year) : null;
  const meetingsView = readsMeetings ? view('meetings') : null;
  const meetings = meetingsView ? readMeetings(meetingsView, info.year) : null;
  const attendanceView = readsMeetings ? view('attendance') : null;
  const attendanceRead = attendanceView ? readAttendance(attendanceView, membersRead, info.type) : null;
  if (attendanceRead && meetings && meetingsView && attendanceView) compareMatrix(attendanceRead, meetings, meetingsView, attendanceView, info.year);
  const attendance = attendanceRead ? attendanceRead.matrix : null;
  const criteriaView = view('criteria');
  const criteria = criteriaView ? readCriteria(criteriaView) : null;
  const subordinatesView = kind !== 'chi-bo' ? view('subordinates') : null;
  const subordinates = subordinatesView ? readSubordinates(subordinatesView) : null;

  const policyGrid = picked.get('policy');
  const policyEntries = policyGrid ? readPolicyGrid(policyGrid) : null;

  const sheetNames: FoundSheetNames = {};
  const names: [keyof FoundSheetNames, SheetKey][] = [
    ['info', 'info'],
    ['members', 'members'],
    ['meetings', 'meetings'],
    ['attendance', 'attendance'],
    ['criteria', 'criteria'],
    ['subordinates', 'subordinates'],
    ['config', 'policy'],
  ];
  for (const [id, key] of names) {
    const grid = picked.get(key);
    if (grid) sheetNames[id] = grid.name;
  }

  return {
    records: {
      info,
      members: membersRead ? membersRead.members : null,
      meetings,
      attendance,
      criteria,
      subordinates,
    },
    issues,
    policyEntries,
    policySheet: policyGrid ? policyGrid.name : null,
    generatedMarker,
    hasInputSheets: [...picked.keys()].some((key) => key !== 'policy' && key !== 'summary' && key !== 'lists'),
    sheetNames,
  };
}

/** The entries as plain PolicyEntry values (without cells). */
export function plainEntries(entries: readonly PolicyCellEntry[]): PolicyEntry[] {
  return entries.map(({ key, value }) => ({ key, value }));
}
