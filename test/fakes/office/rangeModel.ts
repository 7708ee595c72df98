/**
 * What a range proxy resolves to (a sheet and its rectangles) and the helpers the range, format
 * and validation proxies share: a single area, visiting cells, a common value, shaping written
 * 2-D arrays.
 */

import { cellCount, rectAddress } from './address';
import { FakeOfficeError } from './errors';
import { CELL_WRITE_LIMIT, emptyCell, type FakeCell, type Rect, type SheetModel } from './model';

export interface RangeModel {
  sheet: SheetModel;
  rects: Rect[];
}

export function singleRect(model: RangeModel): Rect {
  const rect = model.rects[0];
  if (!rect || model.rects.length !== 1) throw new FakeOfficeError('InvalidOperation', 'The range must be a single area.');
  return rect;
}

export function eachCell(rect: Rect, visit: (row: number, col: number, i: number, j: number) => void): void {
  if (cellCount(rect) > CELL_WRITE_LIMIT) {
    throw new FakeOfficeError('FakeLimitation', `The fake does not write ${cellCount(rect)} cells one by one (${rectAddress(rect)}).`);
  }
  for (let r = rect.r0; r <= rect.r1; r += 1) {
    for (let c = rect.c0; c <= rect.c1; c += 1) visit(r, c, r - rect.r0, c - rect.c0);
  }
}

/** Common value for all cells, or null when they differ. */
export function uniform<T>(sheet: SheetModel, rect: Rect, pick: (cell: FakeCell) => T): T | null {
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
export function shaped(value: unknown, rect: Rect, prop: string): unknown[][] {
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
