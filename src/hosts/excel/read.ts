/**
 * Reading sheets from Excel into SheetGrids: every used range in one round trip, and, for a sheet
 * past Excel's limits (5 M cells per read, 5 MB per request on the web), row chunks that halve
 * until they fit.
 */

import type { SheetGrid } from '../../workbook/types';
import { origin } from './common';

/** Excel on the web: 5 MB per request and response; every platform: 5 M cells per read. */
export const EXCEL_MAX_CELLS_PER_READ = 5_000_000;

export const EXCEL_MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;

/** What a cell costs in a response, on average, when planning chunked reads (adjusted by splitting). */
const ESTIMATED_BYTES_PER_CELL = 16;

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
