/**
 * A sheet's grid (the used rectangle of its values, null where nothing is) from the values a
 * worksheet reader found (split from read.ts), and the byte scan's store of values by row; a
 * rectangle over the cell limit refused. Browser-safe.
 */
import type { SheetGrid } from '../../workbook/types';
import { WorkbookReadError } from './zip';

/**
 * A sheet's values by row, each row's array indexed by column (no entry where no value): an array
 * indexed by row (a hole where no row), or a Map by row where some row is past array indices.
 */
export type RowsValues = readonly unknown[][] | ReadonlyMap<number, unknown[]>;

/**
 * rowsGrid without merged ranges, the used rectangle known from the scan: each row's array (null
 * or a hole where no value) becomes the grid's row, padded with nulls to the width, when the
 * rectangle starts at column A (nearly always); else it is copied at its offset.
 */
export function rowsGridOfBounds(
  name: string,
  hidden: boolean,
  byRow: RowsValues,
  maxCells: number,
  bounds: { minRow: number; minCol: number; maxRow: number; maxCol: number },
): SheetGrid {
  const { minRow, minCol, maxRow, maxCol } = bounds;
  if (maxRow < 0) return { name, values: [], originRow: 0, originCol: 0, hidden };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > maxCells) throw tooLargeGrid(name, height, width, maxCells);
  const grid: unknown[][] = new Array<unknown[]>(height).fill(EMPTY_ROW);
  // forEach visits only the rows that hold an array (an array's holes are skipped).
  byRow.forEach((rowValues, r) => {
    let target: unknown[];
    if (minCol === 0) {
      target = rowValues;
      // The length is at most the width (the last column of a value); holes become null.
      for (let c = 0; c < target.length; c++) if (target[c] === undefined) target[c] = null;
      while (target.length < width) target.push(null);
    } else {
      target = new Array<unknown>(width).fill(null);
      for (let c = minCol; c < rowValues.length; c++) {
        const value = rowValues[c];
        if (value !== undefined && value !== null) target[c - minCol] = value;
      }
    }
    grid[r - minRow] = target;
  });
  for (let r = 0; r < height; r++) if (grid[r] === EMPTY_ROW) grid[r] = new Array<unknown>(width).fill(null);
  return { name, values: grid, originRow: minRow, originCol: minCol, hidden };
}

/** A placeholder for the rows of no value until they are filled (never returned). */
const EMPTY_ROW: unknown[] = [];

/** cellsGrid of values held by row (byRow indexed by row, each row's array by column; no entry where no value). */
export function rowsGrid(
  name: string,
  hidden: boolean,
  byRow: RowsValues,
  maxCells: number,
  skip?: (row: number, col: number) => boolean,
): SheetGrid {
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  byRow.forEach((rowValues, r) => {
    let kept = false;
    if (skip) {
      rowValues.forEach((value, c) => {
        if (value === null || skip(r, c)) return;
        kept = true;
        if (c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      });
    } else {
      // forEach visits only the columns that hold a value (the arrays can have holes).
      rowValues.forEach((value, c) => {
        if (value === null) return;
        kept = true;
        if (c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      });
    }
    if (!kept) return;
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
  });
  if (maxRow < 0) return { name, values: [], originRow: 0, originCol: 0, hidden };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > maxCells) throw tooLargeGrid(name, height, width, maxCells);
  const grid: unknown[][] = new Array<unknown[]>(height);
  for (let r = 0; r < height; r++) grid[r] = new Array<unknown>(width).fill(null);
  byRow.forEach((rowValues, r) => {
    const target = grid[r - minRow];
    if (target === undefined) return;
    rowValues.forEach((value, c) => {
      if (value !== null && !skip?.(r, c)) target[c - minCol] = value;
    });
  });
  return { name, values: grid, originRow: minRow, originCol: minCol, hidden };
}

/** The refusal of a used rectangle over `maxCells` (both grid builders). */
function tooLargeGrid(name: string, height: number, width: number, maxCells: number): WorkbookReadError {
  return new WorkbookReadError(
    'TOO_LARGE',
    `Trang "${name}" có vùng dữ liệu ${height} dòng × ${width} cột, vượt giới hạn ${maxCells} ô. Hãy xóa các ô thừa ở xa vùng dữ liệu rồi lưu lại.`,
  );
}

/**
 * A sheet's grid from its non-blank cells (0-based rows and columns, in parallel arrays): the used
 * rectangle, null where nothing is; cells for which `skip` is true left out. Refuses (TOO_LARGE)
 * a rectangle over `maxCells`, e.g. two values a million rows apart. Shared by both readers.
 */
export function cellsGrid(
  name: string,
  hidden: boolean,
  cells: { rows: readonly number[]; cols: readonly number[]; values: readonly unknown[] },
  maxCells: number,
  skip?: (row: number, col: number) => boolean,
): SheetGrid {
  const { rows, cols, values } = cells;
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  let keptCount = 0;
  for (let i = 0; i < values.length; i++) {
    const r = rows[i] as number;
    const c = cols[i] as number;
    if (skip?.(r, c)) continue;
    keptCount++;
    if (r < minRow) minRow = r;
    if (c < minCol) minCol = c;
    if (r > maxRow) maxRow = r;
    if (c > maxCol) maxCol = c;
  }
  if (keptCount === 0) return { name, values: [], originRow: 0, originCol: 0, hidden };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > maxCells) throw tooLargeGrid(name, height, width, maxCells);
  const grid: unknown[][] = new Array<unknown[]>(height);
  for (let r = 0; r < height; r++) grid[r] = new Array<unknown>(width).fill(null);
  for (let i = 0; i < values.length; i++) {
    const r = rows[i] as number;
    const c = cols[i] as number;
    if (skip?.(r, c)) continue;
    (grid[r - minRow] as unknown[])[c - minCol] = values[i];
  }
  return { name, values: grid, originRow: minRow, originCol: minCol, hidden };
}

/** Rows in a worksheet of Excel: the rows past it are held in a Map. */
const EXCEL_ROWS = 1_048_576;

/** Columns of no value filled with null in a row array rather than left as a hole (see SheetRows). */
const MAX_FILLED_GAP = 64;

/**
 * A worksheet's values by row as the scan finds them, each row's array indexed by column: no array
 * of all cells grows (growing one array to a hundred thousand values cost more than the scan of
 * the bytes), and no Map by row either (its upkeep cost a quarter of the scan): an array indexed by
 * row, a hole where a row has no value.
 *
 * Cells come in column order: a short gap is filled with nulls (no value), so that the row stays a
 * packed array rowsGrid can hand on as it is; a far column is set as a hole instead (filling up to
 * column XFD for each cell would cost more than its row is worth). A new row's values go to one
 * scratch array reused from row to row and are copied out at the row's end, at their own length
 * (an array grown by push holds up to half again its length, and leaves the smaller arrays it grew
 * out of to the collector), padded with nulls to the widest row so far, as the grid pads it.
 */
export class SheetRows {
  private readonly byRow: unknown[][] = [];
  /** Rows past Excel's last (a damaged or hostile `r`, up to 15 digits) are no array index: kept apart. */
  private farRows: Map<number, unknown[]> | undefined;
  private lastRow = -1;
  /** The array of the last row, when it was stored before (a row met again after another one). */
  private lastRowValues: unknown[] = [];
  /** The values of the last row, when it is new: the first `scratchCount` of `scratch` (-1: none). */
  private readonly scratch: unknown[] = [];
  private scratchCount = -1;
  /** One past the last column of a value so far: rows are stored padded with nulls to it. */
  private width = 0;

  add(row: number, col: number, value: unknown): void {
    if (col >= this.width) this.width = col + 1;
    if (row !== this.lastRow) {
      this.flush();
      this.lastRow = row;
      const found = row < EXCEL_ROWS ? this.byRow[row] : this.farRows?.get(row);
      if (found === undefined) this.scratchCount = 0;
      else this.lastRowValues = found;
    }
    if (this.scratchCount >= 0) {
      const gap = col - this.scratchCount;
      if (gap >= 0 && gap <= MAX_FILLED_GAP) {
        const scratch = this.scratch;
        for (let k = 0; k < gap; k++) scratch[this.scratchCount++] = null;
        scratch[this.scratchCount++] = value;
        return;
      }
      // A far or earlier column: the row is stored now and goes on as a stored row.
      this.flush();
    }
    const values = this.lastRowValues;
    const gap = col - values.length;
    if (gap >= 0 && gap <= MAX_FILLED_GAP) {
      for (let k = 0; k < gap; k++) values.push(null);
      values.push(value);
    } else values[col] = value;
  }

  /** Stores the last row's values when they are still in the scratch array. */
  private flush(): void {
    if (this.scratchCount < 0) return;
    // Padded to the width so far, as the grid will pad it (the width does not shrink): one array of
    // the row's final length, no push past it.
    const scratch = this.scratch;
    const length = Math.min(Math.max(this.scratchCount, this.width), this.scratchCount + MAX_FILLED_GAP);
    for (let c = this.scratchCount; c < length; c++) scratch[c] = null;
    const values = scratch.slice(0, length);
    this.scratchCount = -1;
    const row = this.lastRow;
    if (row < EXCEL_ROWS) this.byRow[row] = values;
    else (this.farRows ??= new Map()).set(row, values);
    this.lastRowValues = values;
  }

  /** Every row's values (by row), once the scan is done. */
  values(): RowsValues {
    this.flush();
    if (this.farRows === undefined) return this.byRow;
    const all = new Map<number, unknown[]>();
    this.byRow.forEach((rowValues, r) => all.set(r, rowValues));
    for (const [r, rowValues] of this.farRows) all.set(r, rowValues);
    return all;
  }
}
