/**
 * `fill-subordinates` (SPEC §2 "Chi bộ trực thuộc", §6): a đảng bộ cơ sở fills its `Chi bộ trực
 * thuộc` sheet from the checked workbooks of its chi bộ. Host-neutral: grids in, a plan of cell
 * writes out; the hosts (ExcelJS for the CLI and the page, Office.js for the pane) apply it.
 *
 * For each chi bộ it fills `Tên chi bộ` (new rows only: a name the đảng ủy typed is kept, since the
 * match already ignores how it is spelled), `Số đảng viên` (the rows of its `Đảng viên` sheet) and
 * `Kết quả tự kiểm tra` (its own check's verdict with the as-of date; the column is added when the
 * sheet has none). It never writes `Xếp loại` (the rating of a chi bộ is the đảng ủy's decision)
 * nor `Chi bộ bốn tốt` (a recognition decided by the committee), never deletes a row, and never
 * writes over a cell outside its table: new rows go below everything the sheet holds.
 */
import { formatDate } from '../core/dates';
import type { Policy } from '../core/policy';
import { foldText } from '../core/text';
import type { IsoDate } from '../core/types';
import { a1 } from './a1';
import { checkWorkbook } from './check';
import { labelText, readWorkbook, HEADER_SEARCH_ROWS } from './reader';
import { columnsNamedBy, SHEET_NAMES, sheetKeyOf, SUBORDINATES_SHEET, type ColumnDef } from './layout/template';
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

type FillColumn = 'stt' | 'name' | 'members' | 'rating' | 'isModel' | 'selfCheck';

/** The header texts of the columns this plan may add. */
const ADDED_HEADERS: Partial<Record<FillColumn, string>> = {
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
  /** The text written (or already there) in `Kết quả tự kiểm tra`. */
  result: string;
  changes: FieldChange[];
  /** Things the đảng ủy should know about this row (a differently spelled name, a blank rating). */
  notes: string[];
}

export interface LeftAloneRow {
  /** 1-based sheet row. */
  row: number;
  name: string | null;
  reason: string;
}

export interface RefusedFile {
  file: string;
  reason: string;
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

export type FillOutcome = { ok: true; plan: FillPlan } | { ok: false; error: string };

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

/** The text written in `Kết quả tự kiểm tra`: the verdict, why not in short, and the as-of date. */
export function selfCheckText(eligible: boolean, blockingReasons: number, asOf: IsoDate): string {
  const date = formatDate(asOf);
  if (eligible) return `Đủ điều kiện (tự kiểm tra đến ngày ${date})`;
  const why = blockingReasons > 0 ? `, ${blockingReasons} lý do` : '';
  return `Chưa đủ điều kiện (tự kiểm tra đến ngày ${date}${why})`;
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

function gridText(grid: SheetGrid, r: number, c: number): string | null {
  const value = grid.values[r]?.[c];
  return labelText(value, { sheet: grid.name, cell: a1(grid.originRow + r, grid.originCol + c) }, null);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function readTable(grid: SheetGrid): SheetTable {
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

interface AcceptedChiBo {
  file: string;
  name: string;
  key: string;
  members: number | null;
  eligible: boolean;
  result: string;
}

type Judged = { ok: true; chiBo: AcceptedChiBo } | { ok: false; reason: string };

function judgeChiBo(input: ChiBoInput, dangBo: { name: string | null; year: number }, options: FillOptions): Judged {
  if (input.generatedKind && input.generatedKind !== 'template') {
    return { ok: false, reason: 'tệp do Bốn Tốt tạo ra (bản tổng hợp hoặc danh sách), không phải sổ tính của một chi bộ.' };
  }
  const read = readWorkbook(input.sheets);
  if (!read.hasInputSheets) {
    return {
      ok: false,
      reason:
        read.generatedMarker !== null
          ? 'tệp chỉ có trang do Bốn Tốt tạo ra (Tổng hợp, danh sách), không phải sổ tính của một chi bộ.'
          : 'không có trang "Thông tin" nào của mẫu Bốn Tốt: không phải sổ tính của một chi bộ.',
    };
  }
  const { info } = read.records;
  if (info.kind === 'dang-bo')
    return { ok: false, reason: 'đây là sổ tính của một đảng bộ cơ sở ("Loại tổ chức": Đảng bộ cơ sở), không phải của một chi bộ trực thuộc.' };
  if (info.kind !== 'chi-bo')
    return { ok: false, reason: 'trang "Thông tin" không ghi "Loại tổ chức" là chi bộ: không phải sổ tính của một chi bộ.' };
  if (info.name === null) return { ok: false, reason: 'trang "Thông tin" không ghi "Tên tổ chức": không biết đây là chi bộ nào.' };
  if (info.year === null) return { ok: false, reason: `trang "Thông tin" không ghi "Năm đánh giá"; đảng bộ đang tổng hợp năm ${dangBo.year}.` };
  if (info.year !== dangBo.year) {
    return { ok: false, reason: `sổ tính năm ${info.year}, khác năm đánh giá ${dangBo.year} của đảng bộ. Hãy dùng tệp của năm ${dangBo.year}.` };
  }
  if (info.superior !== null && dangBo.name !== null && partyBodyKey(info.superior) !== partyBodyKey(dangBo.name)) {
    return {
      ok: false,
      reason: `"Cấp ủy cấp trên" của chi bộ là "${info.superior}", không phải đảng ủy của "${dangBo.name}". Nếu đúng là chi bộ trực thuộc, hãy sửa dòng "Cấp ủy cấp trên" trong tệp của chi bộ.`,
    };
  }
  if (!chiBoKey(info.name)) return { ok: false, reason: `"Tên tổ chức" là "${info.name}": không đủ để nhận ra chi bộ.` };
  const result = checkWorkbook(input.sheets, { asOf: options.asOf, ...(options.policy ? { policy: options.policy } : {}) });
  const blocking = result.reasons.filter((reason) => reason.severity === 'block').length;
  return {
    ok: true,
    chiBo: {
      file: input.file,
      name: info.name,
      key: chiBoKey(info.name),
      members: read.records.members ? read.records.members.length : null,
      eligible: result.eligible,
      result: selfCheckText(result.eligible, blocking, options.asOf),
    },
  };
}

// ---------------------------------------------------------------- the plan

function sameValue(before: unknown, after: string | number): boolean {
  if (typeof after === 'number') {
    if (typeof before === 'number') return before === after;
    return typeof before === 'string' && before.trim() !== '' && Number(before.trim()) === after;
  }
  return typeof before === 'string' && before.trim().normalize('NFC') === after;
}

function plainBefore(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return null;
}

/**
 * Plans the filling of the đảng bộ's `Chi bộ trực thuộc` sheet from its chi bộ's workbooks. Never
 * throws on data: a đảng bộ workbook it cannot fill gives `{ ok: false, error }`, a chi bộ file it
 * cannot use is listed in `refused` with its reason.
 */
export function planSubordinateFill(dangBoSheets: readonly SheetGrid[], chiBoInputs: readonly ChiBoInput[], options: FillOptions): FillOutcome {
  const read = readWorkbook(dangBoSheets);
  const { info } = read.records;
  if (info.kind !== 'dang-bo') {
    return {
      ok: false,
      error:
        info.kind === 'chi-bo'
          ? 'Sổ tính đầu tiên là của một chi bộ; cần sổ tính của đảng bộ cơ sở (trang "Thông tin", "Loại tổ chức": Đảng bộ cơ sở) để điền trang "Chi bộ trực thuộc".'
          : 'Sổ tính đầu tiên không ghi "Loại tổ chức" là Đảng bộ cơ sở (trang "Thông tin"); cần sổ tính của đảng bộ cơ sở để điền trang "Chi bộ trực thuộc".',
    };
  }
  if (info.year === null)
    return { ok: false, error: 'Sổ tính của đảng bộ không ghi "Năm đánh giá" (trang "Thông tin"): không biết nhận tệp của chi bộ năm nào.' };
  const grid = dangBoSheets.find((sheet) => sheetKeyOf(sheet.name) === 'subordinates' && sheet.name === read.sheetNames.subordinates);
  if (!grid)
    return {
      ok: false,
      error: `Sổ tính của đảng bộ chưa có trang "${SHEET_NAMES.subordinates}"; hãy tạo trang này (nút "Tạo mẫu" hoặc bontot template --kind dang-bo) rồi làm lại.`,
    };
  const table = readTable(grid);
  if (!table.cols.has('name'))
    return {
      ok: false,
      error: `Trang "${grid.name}" không có cột "Tên chi bộ" trong ${HEADER_SEARCH_ROWS} dòng đầu; cần hàng tiêu đề của mẫu (STT | Tên chi bộ | Số đảng viên | Xếp loại | Chi bộ bốn tốt).`,
    };

  const dangBo = { name: info.name, year: info.year };
  const plan: FillPlan = {
    sheet: grid.name,
    organization: dangBo,
    asOf: options.asOf,
    writes: [],
    added: [],
    changed: [],
    unchanged: [],
    leftAlone: [],
    refused: [],
    addedColumns: [],
  };
  const at = (r: number, c: number): string => a1(grid.originRow + r, grid.originCol + c);

  // The files: judged one by one; a second file of the same chi bộ is refused (the first is used).
  const accepted: AcceptedChiBo[] = [];
  for (const input of chiBoInputs) {
    let judged: Judged;
    try {
      judged = judgeChiBo(input, dangBo, options);
    } catch (error) {
      judged = { ok: false, reason: `không đọc được nội dung (${error instanceof Error ? error.message : String(error)}).` };
    }
    if (!judged.ok) {
      plan.refused.push({ file: input.file, reason: judged.reason });
      continue;
    }
    const twin = accepted.find((other) => other.key === judged.chiBo.key);
    if (twin) {
      plan.refused.push({ file: input.file, reason: `cùng chi bộ "${judged.chiBo.name}" với tệp "${twin.file}" (đã dùng tệp đó).` });
      continue;
    }
    accepted.push(judged.chiBo);
  }

  // Columns the sheet lacks and a chi bộ needs: added to the right of everything the sheet holds.
  let nextCol = Math.max(table.endCol, ...[...table.cols.values()].map((c) => c + 1));
  if (accepted.length > 0) {
    for (const key of ['members', 'selfCheck'] as const) {
      if (table.cols.has(key)) continue;
      if (key === 'members' && accepted.every((chiBo) => chiBo.members === null)) continue;
      const header = ADDED_HEADERS[key] as string;
      const col = nextCol++;
      table.cols.set(key, col);
      const cell = at(table.headerRow, col);
      plan.writes.push({
        sheet: grid.name,
        row: grid.originRow + table.headerRow,
        col: grid.originCol + col,
        cell,
        before: null,
        after: header,
        text: true,
        what: 'header',
      });
      plan.addedColumns.push({ header, cell });
    }
  }

  const col = (key: FillColumn): number | undefined => table.cols.get(key);
  const matched = new Map<number, AcceptedChiBo>();
  const rowOfKey = new Map<string, number>();
  for (const row of table.rows) {
    if (row.key !== null && !rowOfKey.has(row.key)) rowOfKey.set(row.key, row.r);
  }

  const fieldWrites = (r: number, chiBo: AcceptedChiBo, changes: FieldChange[]): void => {
    const fields: { key: FillColumn; value: string | number | null; text: boolean; header: string }[] = [
      { key: 'members', value: chiBo.members, text: false, header: 'Số đảng viên' },
      { key: 'selfCheck', value: chiBo.result, text: true, header: SELF_CHECK_COLUMN.header },
    ];
    for (const field of fields) {
      const c = col(field.key);
      if (c === undefined || field.value === null) continue;
      const before = grid.values[r]?.[c];
      if (sameValue(before, field.value)) continue;
      const cell = at(r, c);
      plan.writes.push({
        sheet: grid.name,
        row: grid.originRow + r,
        col: grid.originCol + c,
        cell,
        before: plainBefore(before),
        after: field.value,
        text: field.text,
        what: field.key,
      });
      changes.push({ column: field.header, cell, before: plainBefore(before), after: field.value });
    }
  };

  // Rows the sheet already has.
  const ratingCol = col('rating');
  for (const chiBo of accepted) {
    const r = rowOfKey.get(chiBo.key);
    if (r === undefined) continue;
    matched.set(r, chiBo);
    const changes: FieldChange[] = [];
    fieldWrites(r, chiBo, changes);
    const sheetName = gridText(grid, r, col('name') as number) ?? chiBo.name;
    const notes: string[] = [];
    if (sheetName.normalize('NFC') !== chiBo.name.normalize('NFC'))
      notes.push(`Tên trên trang giữ nguyên "${sheetName}"; tệp của chi bộ ghi "${chiBo.name}".`);
    if (ratingCol !== undefined && isBlank(grid.values[r]?.[ratingCol])) notes.push('Cột "Xếp loại" còn trống: đảng ủy ghi xếp loại của chi bộ.');
    const filled: FilledRow = {
      file: chiBo.file,
      name: chiBo.name,
      sheetName,
      row: grid.originRow + r + 1,
      eligible: chiBo.eligible,
      members: chiBo.members,
      result: chiBo.result,
      changes,
      notes,
    };
    (changes.length > 0 ? plan.changed : plan.unchanged).push(filled);
  }
  for (const row of table.rows) {
    if (matched.has(row.r)) continue;
    const twin = row.key !== null ? rowOfKey.get(row.key) : undefined;
    const reason =
      row.name === null
        ? 'dòng không có tên chi bộ.'
        : twin !== undefined && twin !== row.r
          ? `trùng tên với dòng ${grid.originRow + twin + 1}; chỉ dòng đầu được điền.`
          : 'không có tệp của chi bộ này trong các tệp đã chọn.';
    plan.leftAlone.push({ row: grid.originRow + row.r + 1, name: row.name, reason });
  }

  // New rows, below everything the sheet holds.
  let nextRow = Math.max(table.endRow, table.headerRow + 1);
  const sttCol = col('stt');
  let lastStt = 0;
  if (sttCol !== undefined) {
    for (const row of table.rows) {
      const value = grid.values[row.r]?.[sttCol];
      if (typeof value === 'number' && Number.isFinite(value)) lastStt = Math.max(lastStt, value);
    }
  }
  const nameCol = col('name') as number;
  for (const chiBo of accepted) {
    if (rowOfKey.has(chiBo.key)) continue;
    const r = nextRow++;
    const changes: FieldChange[] = [];
    const put = (c: number | undefined, value: string | number | null, text: boolean, what: FillColumn, header: string): void => {
      if (c === undefined || value === null) return;
      const cell = at(r, c);
      plan.writes.push({ sheet: grid.name, row: grid.originRow + r, col: grid.originCol + c, cell, before: null, after: value, text, what });
      changes.push({ column: header, cell, before: null, after: value });
    };
    if (sttCol !== undefined) put(sttCol, lastStt + 1, false, 'stt', 'STT');
    lastStt += 1;
    put(nameCol, chiBo.name, true, 'name', 'Tên chi bộ');
    put(col('members'), chiBo.members, false, 'members', 'Số đảng viên');
    put(col('selfCheck'), chiBo.result, true, 'selfCheck', SELF_CHECK_COLUMN.header);
    const notes = ratingCol !== undefined ? ['Chi bộ mới trên trang: đảng ủy ghi "Xếp loại" của chi bộ.'] : [];
    plan.added.push({
      file: chiBo.file,
      name: chiBo.name,
      sheetName: chiBo.name,
      row: grid.originRow + r + 1,
      eligible: chiBo.eligible,
      members: chiBo.members,
      result: chiBo.result,
      changes,
      notes,
    });
  }
  return { ok: true, plan };
}

/**
 * The sheets after the plan (pure): what a host's write gives, for tests and for checking the
 * filled workbook without a file. Sheets the plan does not touch are returned as they are.
 */
export function applyFillToGrids(sheets: readonly SheetGrid[], plan: FillPlan): SheetGrid[] {
  return sheets.map((sheet) => {
    if (sheet.name !== plan.sheet) return sheet;
    const values = sheet.values.map((row) => [...row]);
    for (const write of plan.writes) {
      const r = write.row - sheet.originRow;
      const c = write.col - sheet.originCol;
      while (values.length <= r) values.push([]);
      const row = values[r] as unknown[];
      while (row.length <= c) row.push(null);
      row[c] = write.after;
    }
    return { ...sheet, values };
  });
}
