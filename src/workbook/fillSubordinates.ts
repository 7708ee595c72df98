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
import { msg, ref, type Message } from '../core/messages';
import '../core/messages/viWorkbook';
import { a1 } from './a1';
import { readWorkbook, HEADER_SEARCH_ROWS } from './read';
import { SHEET_NAMES, sheetKeyOf } from './layout/template';
import type { CellValue, SheetGrid } from './types';
import {
  ADDED_HEADERS,
  SELF_CHECK_COLUMN,
  gridText,
  isBlank,
  judgeChiBo,
  readTable,
  type AcceptedChiBo,
  type ChiBoInput,
  type FieldChange,
  type FillColumn,
  type FillOptions,
  type FillOutcome,
  type FillPlan,
  type FilledRow,
  type Judged,
} from './subordinateFillInputs';

export {
  SELF_CHECK_COLUMN,
  chiBoKey,
  partyBodyKey,
  selfCheckText,
  type CellWrite,
  type ChiBoInput,
  type FieldChange,
  type FillOptions,
  type FillOutcome,
  type FillPlan,
  type FilledRow,
  type LeftAloneRow,
  type RefusedFile,
} from './subordinateFillInputs';

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
  const failed = (error: Message): FillOutcome => ({ ok: false, error: error.message, errorText: error.text });
  if (info.kind !== 'dang-bo') return failed(msg(info.kind === 'chi-bo' ? 'fill.error.chiBo' : 'fill.error.notDangBo'));
  if (info.year === null) return failed(msg('fill.error.noYear'));
  const grid = dangBoSheets.find((sheet) => sheetKeyOf(sheet.name) === 'subordinates' && sheet.name === read.sheetNames.subordinates);
  if (!grid) return failed(msg('fill.error.noSheet', { sheet: SHEET_NAMES.subordinates }));
  const table = readTable(grid);
  if (!table.cols.has('name')) return failed(msg('fill.error.noNameColumn', { sheet: grid.name, rows: HEADER_SEARCH_ROWS }));

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
      judged = { ok: false, reason: msg('fill.refuse.unreadable', { detail: error instanceof Error ? error.message : String(error) }) };
    }
    if (!judged.ok) {
      plan.refused.push({ file: input.file, reason: judged.reason.message, reasonText: judged.reason.text });
      continue;
    }
    const twin = accepted.find((other) => other.key === judged.chiBo.key);
    if (twin) {
      const reason = msg('fill.refuse.twin', { name: judged.chiBo.name, file: twin.file });
      plan.refused.push({ file: input.file, reason: reason.message, reasonText: reason.text });
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
    const notes: Message[] = [];
    if (sheetName.normalize('NFC') !== chiBo.name.normalize('NFC')) notes.push(msg('fill.note.renamed', { sheetName, name: chiBo.name }));
    if (ratingCol !== undefined && isBlank(grid.values[r]?.[ratingCol])) notes.push(msg('fill.note.ratingBlank'));
    const filled: FilledRow = {
      file: chiBo.file,
      name: chiBo.name,
      sheetName,
      row: grid.originRow + r + 1,
      eligible: chiBo.eligible,
      members: chiBo.members,
      result: chiBo.result,
      resultText: chiBo.resultText,
      changes,
      notes: notes.map((note) => note.message),
      noteTexts: notes.map((note) => note.text),
    };
    (changes.length > 0 ? plan.changed : plan.unchanged).push(filled);
  }
  for (const row of table.rows) {
    if (matched.has(row.r)) continue;
    const twin = row.key !== null ? rowOfKey.get(row.key) : undefined;
    const reason =
      row.name === null
        ? msg('fill.left.noName')
        : twin !== undefined && twin !== row.r
          ? msg('fill.left.twin', { row: grid.originRow + twin + 1 })
          : msg('fill.left.noFile');
    plan.leftAlone.push({ row: grid.originRow + row.r + 1, name: row.name, reason: reason.message, reasonText: reason.text });
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
    const notes = ratingCol !== undefined ? [ref('fill.note.newRow')] : [];
    plan.added.push({
      file: chiBo.file,
      name: chiBo.name,
      sheetName: chiBo.name,
      row: grid.originRow + r + 1,
      eligible: chiBo.eligible,
      members: chiBo.members,
      result: chiBo.result,
      resultText: chiBo.resultText,
      changes,
      notes: notes.map((note) => msg(note.key).message),
      noteTexts: notes,
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
