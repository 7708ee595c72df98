/**
 * The inputs of `fill-subordinates` (fillSubordinates.ts): what a plan is made of, how a chi bộ is
 * matched to a row (names folded), the đảng bộ's `Chi bộ trực thuộc` table as read, and each chi
 * bộ's workbook judged (accepted with its own check's result, or refused with a reason).
 */
import { msg, ref, render, type Message, type MessageRef } from '../core/messages';
import '../core/messages/viWorkbook';
import type { Policy } from '../core/policy';
import { foldText } from '../core/text';
import type { IsoDate } from '../core/types';
import { a1 } from './a1';
import { checkWorkbook } from './check';
import { labelText, readWorkbook, HEADER_SEARCH_ROWS } from './read';
import { columnsNamedBy, SUBORDINATES_SHEET, type ColumnDef } from './layout/template';
import type { CellValue, SheetGrid } from './types';

/** The column `fill-subordinates` writes each chi bộ's own result into (SPEC §2). */
export const SELF_CHECK_COLUMN: ColumnDef = {
  key: 'selfCheck',
  header: 'Kết quả tự kiểm tra',
  aliases: ['Tự kiểm tra', 'Kết quả chi bộ tự kiểm tra'],
  required: false,
  kind: 'text',
  width: 34,
  numberFormat: '@',
};

const FILL_COLUMNS: readonly ColumnDef[] = [...SUBORDINATES_SHEET.columns, SELF_CHECK_COLUMN];

export type FillColumn = 'stt' | 'name' | 'members' | 'rating' | 'isModel' | 'selfCheck';

/** The header texts of the columns this plan may add. */
export const ADDED_HEADERS: Partial<Record<FillColumn, string>> = {
  members: 'Số đảng viên',
  selfCheck: SELF_CHECK_COLUMN.header,
};

export interface ChiBoInput {
  /** How the user named the file (path or file name): shown in the report. */
  file: string;
  sheets: readonly SheetGrid[];
  /** What the file's workbook-level marker says the product wrote it as (summary, consolidation …), or null. */
  generatedKind?: string | null;
}

export interface FillOptions {
  /** The as-of date of each chi bộ's check (written with its result). */
  asOf: IsoDate;
  /** Overrides each chi bộ's own `Cấu hình` policy (default: the chi bộ's own, as its own check does). */
  policy?: Policy;
}

/** One cell to write, in sheet coordinates (0-based row and column; the A1 address for people). */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  /** What the cell held when planned (null: blank); a host writes only when it still holds it. */
  before: CellValue;
  after: string | number;
  /** Text cells are written as text (Office.js would make "=…" a formula or "01/02" a date). */
  text: boolean;
  what: FillColumn | 'header';
}

export interface FieldChange {
  column: string;
  cell: string;
  before: CellValue;
  after: string | number;
}

export interface FilledRow {
  file: string;
  /** The chi bộ's name as its own workbook gives it. */
  name: string;
  /** The name in the đảng bộ's sheet (the row's `Tên chi bộ`). */
  sheetName: string;
  /** 1-based sheet row. */
  row: number;
  eligible: boolean;
  members: number | null;
  /** The text written (or already there) in `Kết quả tự kiểm tra` (Vietnamese: the workbook's words). */
  result: string;
  /** The same result as a catalogue reference, to show it in another language. */
  resultText: MessageRef;
  changes: FieldChange[];
  /** Things the đảng ủy should know about this row (a differently spelled name, a blank rating), in Vietnamese. */
  notes: string[];
  /** The same notes as catalogue references. */
  noteTexts: MessageRef[];
}

export interface LeftAloneRow {
  /** 1-based sheet row. */
  row: number;
  name: string | null;
  /** Why, in Vietnamese. */
  reason: string;
  reasonText: MessageRef;
}

export interface RefusedFile {
  file: string;
  /** Why, in Vietnamese. */
  reason: string;
  reasonText: MessageRef;
}

export interface FillPlan {
  /** The đảng bộ's sheet as it spells it. */
  sheet: string;
  organization: { name: string | null; year: number };
  asOf: IsoDate;
  writes: CellWrite[];
  /** New rows, for chi bộ the sheet did not list. */
  added: FilledRow[];
  /** Rows that matched a file and had at least one cell to write. */
  changed: FilledRow[];
  /** Rows that matched a file and already held what the file says. */
  unchanged: FilledRow[];
  /** Rows of the sheet no accepted file matched: not touched. */
  leftAlone: LeftAloneRow[];
  /** Files not used, with the reason (another year, another đảng bộ, not a chi bộ, a duplicate …). */
  refused: RefusedFile[];
  /** Columns this plan adds to the header row (header text and A1 of the header cell). */
  addedColumns: { header: string; cell: string }[];
}

/** `error` is Vietnamese; `errorText` the same as a catalogue reference. */
export type FillOutcome = { ok: true; plan: FillPlan } | { ok: false; error: string; errorText: MessageRef };

// ---------------------------------------------------------------- matching

/**
 * The key chi bộ are matched by: case, diacritics (đ too), spaces, punctuation and the words
 * "chi bộ" do not count ("Chi bộ Phân xưởng 1" = "PHAN XUONG 1" = "Chi bo phân xưởng  1").
 */
export function chiBoKey(name: string): string {
  return foldText(name)
    .replace(/\bchi\s*bo\b/g, ' ')
    .replace(/[^a-z0-9]/g, '');
}

/** Words that name a party body before its proper name ("Đảng ủy", "BCH Đảng bộ", "Đảng bộ cơ sở" …). */
const BODY_PREFIX = /^(?:(?:ban chap hanh|bch|ban thuong vu|btv)\s+)?(?:dang uy|dang bo)(?:\s+co so)?\s+/;

/**
 * The key an organisation's proper name is compared by when a chi bộ's `Cấp ủy cấp trên` is matched
 * with its đảng bộ: "Đảng ủy Công ty CP X" and "Đảng bộ Công ty Cổ phần X" are the same body.
 */
export function partyBodyKey(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(BODY_PREFIX, '')
    .replace(/\bcp\b/g, 'co phan')
    .replace(/\btnhh\b/g, 'trach nhiem huu han')
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------- the result text

/** What `Kết quả tự kiểm tra` says: the verdict, why not in short, and the as-of date. */
export function selfCheckRef(eligible: boolean, blockingReasons: number, asOf: IsoDate): MessageRef {
  const date = { date: asOf };
  if (eligible) return ref('fill.result.eligible', { date });
  return blockingReasons > 0 ? ref('fill.result.notEligibleWhy', { date, count: blockingReasons }) : ref('fill.result.notEligible', { date });
}

/** The text written in `Kết quả tự kiểm tra` (always Vietnamese: the workbook's own words). */
export function selfCheckText(eligible: boolean, blockingReasons: number, asOf: IsoDate): string {
  return render(selfCheckRef(eligible, blockingReasons, asOf), 'vi');
}

// ---------------------------------------------------------------- the đảng bộ's sheet

interface SheetTable {
  grid: SheetGrid;
  /** Grid row index of the header. */
  headerRow: number;
  /** Grid column index by column key. */
  cols: Map<string, number>;
  rows: { r: number; name: string | null; key: string | null }[];
  /** Grid row index after the last row holding anything. */
  endRow: number;
  /** Grid column index after the last column holding anything. */
  endCol: number;
}

export function gridText(grid: SheetGrid, r: number, c: number): string | null {
  const value = grid.values[r]?.[c];
  return labelText(value, { sheet: grid.name, cell: a1(grid.originRow + r, grid.originCol + c) }, null);
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function readTable(grid: SheetGrid): SheetTable {
  let headerRow = 0;
  let cols = new Map<string, number>();
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.values.length); r++) {
    const found = new Map<string, number>();
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = gridText(grid, r, c);
      if (text === null) continue;
      const column = columnsNamedBy(text, FILL_COLUMNS).find((def) => !found.has(def.key));
      if (column) found.set(column.key, c);
    }
    const score = [...found.keys()].reduce((total, key) => total + (FILL_COLUMNS.find((d) => d.key === key)?.required ? 2 : 1), 0);
    if (score > bestScore) {
      headerRow = r;
      cols = found;
      bestScore = score;
    }
  }
  let endRow = 0;
  let endCol = 0;
  grid.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (isBlank(value)) return;
      endRow = Math.max(endRow, r + 1);
      endCol = Math.max(endCol, c + 1);
    });
  });
  const known = [...cols.entries()].filter(([key]) => key !== 'stt').map(([, c]) => c);
  const nameCol = cols.get('name');
  const rows: SheetTable['rows'] = [];
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    if (known.every((c) => isBlank(grid.values[r]?.[c]))) continue;
    const name = nameCol === undefined ? null : gridText(grid, r, nameCol);
    rows.push({ r, name, key: name === null ? null : chiBoKey(name) || null });
  }
  return { grid, headerRow, cols, rows, endRow, endCol };
}

// ---------------------------------------------------------------- the chi bộ's files

export interface AcceptedChiBo {
  file: string;
  name: string;
  key: string;
  members: number | null;
  eligible: boolean;
  result: string;
  resultText: MessageRef;
}

/** A refused file's reason: Vietnamese `message` and its reference `text`. */
export type Judged = { ok: true; chiBo: AcceptedChiBo } | { ok: false; reason: Message };

export function judgeChiBo(input: ChiBoInput, dangBo: { name: string | null; year: number }, options: FillOptions): Judged {
  if (input.generatedKind && input.generatedKind !== 'template') return { ok: false, reason: msg('fill.refuse.generated') };
  const read = readWorkbook(input.sheets);
  if (!read.hasInputSheets) {
    return { ok: false, reason: msg(read.generatedMarker !== null ? 'fill.refuse.generatedOnly' : 'fill.refuse.noInfo') };
  }
  const { info } = read.records;
  if (info.kind === 'dang-bo') return { ok: false, reason: msg('fill.refuse.dangBo') };
  if (info.kind !== 'chi-bo') return { ok: false, reason: msg('fill.refuse.notChiBo') };
  if (info.name === null) return { ok: false, reason: msg('fill.refuse.noName') };
  if (info.year === null) return { ok: false, reason: msg('fill.refuse.noYear', { year: String(dangBo.year) }) };
  if (info.year !== dangBo.year) {
    return { ok: false, reason: msg('fill.refuse.otherYear', { fileYear: String(info.year), year: String(dangBo.year) }) };
  }
  if (info.superior !== null && dangBo.name !== null && partyBodyKey(info.superior) !== partyBodyKey(dangBo.name)) {
    return { ok: false, reason: msg('fill.refuse.superior', { superior: info.superior, org: dangBo.name }) };
  }
  if (!chiBoKey(info.name)) return { ok: false, reason: msg('fill.refuse.shortName', { name: info.name }) };
  const result = checkWorkbook(input.sheets, { asOf: options.asOf, ...(options.policy ? { policy: options.policy } : {}) });
  const blocking = result.reasons.filter((reason) => reason.severity === 'block').length;
  const resultText = selfCheckRef(result.eligible, blocking, options.asOf);
  return {
    ok: true,
    chiBo: {
      file: input.file,
      name: info.name,
      key: chiBoKey(info.name),
      members: read.records.members ? read.records.members.length : null,
      eligible: result.eligible,
      result: render(resultText, 'vi'),
      resultText,
    },
  };
}
