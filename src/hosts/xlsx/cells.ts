/**
 * One cell's value as plainCellValue gives ExcelJS's (split from read.ts), shared by the text and
 * the byte worksheet readers: its type, style and content → a value; cell references and merged
 * ranges. Browser-safe.
 */
import { FORMULA_WITHOUT_RESULT } from '../../workbook/types';
import { ATTRIBUTE, PREFIX, stringItemText, xmlText } from './xml';

// ------------------------------------------------------------------------------------------ cells

/** Excel serial → Date, as ExcelJS converts it (1900 system, or 1904 with `date1904`). */
function excelSerialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** "AB12" → [11, 27] (0-based row, column); null when it is no cell reference. */
export function cellPosition(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (i === 0 || i > 3 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row >= 1 ? [row - 1, col - 1] : null;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  dates: readonly boolean[];
  date1904: boolean;
  maxCells: number;
}

const VALUE = new RegExp(`<${PREFIX}v(?:\\s[^>]*)?>([^<]*)</${PREFIX}v>`);
const INLINE = new RegExp(`<${PREFIX}is(?:\\s[^>]*)?>([\\s\\S]*?)</${PREFIX}is>`);
const FORMULA = new RegExp(`<${PREFIX}f[\\s/>]`);

/** A cell's value from its type, style and content, as plainCellValue gives ExcelJS's; null when blank. */
export function cellValue(type: string | undefined, style: number, content: string, ctx: SheetContext): unknown {
  if (type === 'inlineStr') {
    const inline = INLINE.exec(content);
    return inline ? stringItemText(inline[1] as string) : null;
  }
  const match = VALUE.exec(content);
  const raw = match ? (match[1] as string) : '';
  if (raw === '') {
    // A formula with no stored result (a script wrote it, no spreadsheet program computed it):
    // not blank. A text result that is empty (t="str", as Excel stores ="") is blank.
    return type !== 'str' && FORMULA.test(content) ? FORMULA_WITHOUT_RESULT : null;
  }
  return storedValue(type, style, raw, ctx);
}

/** A cell's value from its type, style and the (non-empty) text of its `<v>`. */
export function storedValue(type: string | undefined, style: number, raw: string, ctx: SheetContext): unknown {
  switch (type) {
    case 's':
      return ctx.sharedStrings[parseInt(raw, 10)] ?? null;
    case 'str':
      return xmlText(raw);
    case 'b':
      return parseInt(raw, 10) !== 0;
    case 'e':
      return xmlText(raw);
    case 'd': {
      // An ISO date cell (ExcelJS reads it as the number before the first "-").
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? null : date;
    }
    default:
      return numberValue(parseFloat(raw), style, ctx);
  }
}

/** A number cell's value: the number, or a Date when its style has a date format. */
export function numberValue(number: number, style: number, ctx: SheetContext): unknown {
  if (!Number.isFinite(number)) return null;
  if (ctx.dates[style] !== true) return number;
  const date = excelSerialDate(number, ctx.date1904);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function mergedRange(ref: string): MergedRange | null {
  const [from = '', to = from] = ref.replace(/\$/g, '').split(':');
  const start = cellPosition(from);
  const end = cellPosition(to);
  if (!start || !end) return null;
  return { top: Math.min(start[0], end[0]), left: Math.min(start[1], end[1]), bottom: Math.max(start[0], end[0]), right: Math.max(start[1], end[1]) };
}

/** A cell's `r`, `t` and `s` attributes (the only ones read), without building a map per cell. */
export function cellAttributes(source: string): { r?: string; t?: string; s?: string } {
  const found: { r?: string; t?: string; s?: string } = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match !== null; match = ATTRIBUTE.exec(source)) {
    const name = match[1];
    if (name === 'r' || name === 't' || name === 's') found[name] = xmlText(match[2] ?? match[3] ?? '');
  }
  return found;
}
