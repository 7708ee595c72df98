/**
 * A1 addresses for the fake: column letters, quoting of sheet names, parsing "A1" / "$A$1:B2" /
 * "C:C" / "2:5" into rectangles and back, and the rectangle arithmetic (overlap, containment,
 * cell count) that ranges, validations and conditional formats share.
 */

import { MAX_COLUMNS, MAX_ROWS, type Rect } from './model';

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

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function cellCount(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}
