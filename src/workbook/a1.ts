/** A1 addresses: 0-based row/column ↔ "B7", and "A1:D3" ranges. One place for every host. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B7" for row 6, column 1 (both 0-based). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export interface CellPosition {
  row: number;
  col: number;
}

/** Parses "B7" (also "$B$7") into 0-based row and column; null when it is not an address. */
export function parseA1(address: string): CellPosition | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  const row = Number(match[2]) - 1;
  if (row < 0) return null;
  return { row, col: columnIndex(match[1] as string) };
}

export interface RangePosition {
  start: CellPosition;
  end: CellPosition;
}

/** Parses "A1:D3" or a single "B7" into its corners (start ≤ end). */
export function parseRange(range: string): RangePosition | null {
  const [first, second] = range.split(':');
  const start = first ? parseA1(first) : null;
  const end = second ? parseA1(second) : start;
  if (!start || !end) return null;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function rangeA1(startRow: number, startCol: number, endRow: number, endCol: number): string {
  const start = a1(startRow, startCol);
  const end = a1(endRow, endCol);
  return start === end ? start : `${start}:${end}`;
}

/** 'Sheet name' form of a sheet name for an address or a formula (always quoted: safe for any name). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
