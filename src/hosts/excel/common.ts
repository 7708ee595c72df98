/**
 * Small helpers the Excel adapters share: comparing sheet names as Excel does (case-insensitive),
 * and the range part and origin of an address Office.js returns.
 */

import { parseRange } from '../../workbook/a1';

/** Excel compares sheet names case-insensitively. */
export function sameSheetName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();
}

/** The range part of an address such as "'Sinh hoạt'!B2:M30". */
export function rangePart(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

export function origin(address: string): { row: number; col: number } {
  const range = parseRange(rangePart(address).replace(/\$/g, ''));
  return range ? { row: range.start.row, col: range.start.col } : { row: 0, col: 0 };
}
