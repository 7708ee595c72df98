/**
 * What Excel stores when a string is written to a cell's values, as if a person typed it:
 * formulas, dates in the fake's locale (en-US month first, vi-VN day first), numbers, booleans,
 * unless the cell is text-formatted or the string starts with an apostrophe.
 */

import type { CellScalar, FakeCell } from './model';

export const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round((time - EXCEL_EPOCH) / 86_400_000);
}

export type FakeLocale = 'en-US' | 'vi-VN';

/** What Excel stores when a person types `text` into a cell with the given number format. */
function parseTyped(text: string, numberFormat: string, locale: FakeLocale): { value: CellScalar; formula: string | null; numberFormat?: string } {
  if (numberFormat === '@') return { value: text, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === 'TRUE', formula: null };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed), formula: null };
  // Office.js: "If the value starts with a plus, minus or equal sign, Excel interprets it as a formula."
  if (/^[+-]/.test(text) && text.length > 1 && !/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) return { value: '', formula: `=${text}` };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) {
    return { value: Number(trimmed.slice(0, -1)) / 100, formula: null, numberFormat: numberFormat === 'General' ? '0%' : undefined };
  }
  const slash = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(trimmed);
  if (slash) {
    const first = Number(slash[1]);
    const second = Number(slash[2]);
    let year = Number(slash[3]);
    if ((slash[3] as string).length === 2) year += year < 30 ? 2000 : 1900;
    const [month, day] = locale === 'en-US' ? [first, second] : [second, first];
    const serial = dateSerial(year, month, day);
    if (serial !== null) {
      return {
        value: serial,
        formula: null,
        numberFormat: numberFormat === 'General' ? (locale === 'en-US' ? 'm/d/yyyy' : 'dd/mm/yyyy') : undefined,
      };
    }
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { value: serial, formula: null, numberFormat: numberFormat === 'General' ? 'yyyy-mm-dd' : undefined };
  }
  return { value: text, formula: null };
}

export function writeTyped(cell: FakeCell, input: unknown, locale: FakeLocale, asFormula: boolean): void {
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    cell.formula = null;
    return;
  }
  const text = String(input);
  if (text === '') {
    cell.value = '';
    cell.formula = null;
    return;
  }
  if (asFormula && text.startsWith('=')) {
    cell.value = '';
    cell.formula = text;
    return;
  }
  const typed = parseTyped(text, cell.numberFormat, locale);
  cell.value = typed.value;
  cell.formula = typed.formula;
  if (typed.numberFormat) cell.numberFormat = typed.numberFormat;
}
