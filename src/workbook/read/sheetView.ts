/**
 * One sheet of the workbook as the readers see it (SheetView), and what every sheet reader does
 * first: find the header row, report the missing columns, skip the blank rows.
 */
import type { Issue, IssueCode } from '../../core/types';
import { cellText } from '../../core/text';
import { msg, type Message } from '../../core/messages';
import '../../core/messages/viIssues';
import { columnLetters } from '../a1';
import { mayBeLegacy } from '../legacyFix';
import { columnsNamedBy, type ColumnDef } from '../layout/template';
import { FORMULA_WITHOUT_RESULT, type SheetGrid } from '../types';
import { labelText, type CellTexts } from './cellTexts';

/** Rows searched for a header row (title rows may sit above it). */
export const HEADER_SEARCH_ROWS = 10;

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

/**
 * One sheet as the readers see it: its cells by grid row and column, their A1 addresses (the
 * grid's origin included), their texts through the workbook's CellTexts, and the issues raised.
 */
export class SheetView {
  constructor(
    readonly grid: SheetGrid,
    readonly issues: Issue[],
    /** The workbook's text cache (one per readWorkbook call). */
    readonly texts: CellTexts,
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
    const known = this.texts.known(value);
    if (known !== undefined) return this.remember(c, value, known);
    const text = cellText(value);
    const nfc = text === null ? null : text.normalize('NFC');
    if (nfc === null || !mayBeLegacy(nfc) || this.texts.detect(nfc) === null) {
      this.texts.remember(value, nfc);
      return this.remember(c, value, nfc);
    }
    // Legacy text: a warning for each cell, so never remembered.
    return labelText(value, { sheet: this.name, cell: this.addr(r, c) }, this.issues, this.texts);
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
    return labelText(this.raw(r, c), { sheet: this.name, cell: this.addr(r, c) }, null, this.texts);
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

export interface HeaderMap {
  /** Grid row of the header (0-based); 0 when none was found. */
  row: number;
  found: boolean;
  cols: Map<string, number>;
}

/** Finds the header row among the first rows: the one naming most of the sheet's columns. */
export function locateHeader(sheet: SheetView, columns: readonly ColumnDef[]): HeaderMap {
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
export function reportMissingColumns(sheet: SheetView, header: HeaderMap, columns: readonly ColumnDef[], required: (c: ColumnDef) => boolean): void {
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
export function rowBlank(sheet: SheetView, r: number, cols: readonly number[]): boolean {
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
