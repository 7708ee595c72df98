/**
 * Row heights computed from text and column widths, so that a sheet prints the same in programs
 * that do not re-measure rows when they open a file (LibreOffice, WPS print a wrapped row without a
 * stored height one line high, clipping the rest).
 *
 * Pure and host-neutral: the width of a text is estimated from Times New Roman's advance widths
 * (LibreOffice substitutes the metric-compatible Liberation Serif), a cell's width from its column
 * widths in Excel's character units (the default Calibri 11's digit is 7 px), and the text is
 * wrapped greedily at spaces as Excel does. The estimate errs on the generous side: a row a little
 * too tall is harmless, a clipped line is not.
 */
import { parseRange } from '../a1';
import type { CellValue, SheetLayout } from '../types';

/**
 * Advance widths of Times New Roman (regular), in 1/1000 em, of the characters documents use:
 * each width with the characters that have it (a table by character would weigh some 300 bytes
 * more in the task pane's first script).
 */
const TNR_WIDTH_GROUPS: Record<number, string> = {
  180: "'",
  200: '|',
  250: ' ,.·',
  278: '/:;ijlt',
  333: '!()-[]frI‘’',
  389: 'sJ',
  408: '"',
  444: '?acez“”',
  500: '#$*_bdghknopquvxyđ–',
  549: '≥≤',
  556: 'FPS',
  564: '+<=>',
  611: 'ELTZ',
  667: 'BCR',
  722: 'wADGHKNOQUVXYĐ',
  778: '&m',
  800: '✓',
  833: '%',
  889: 'M',
  921: '@',
  944: 'W',
  1000: '—…',
};
const TNR_WIDTHS = new Map<string, number>();
for (const [width, chars] of Object.entries(TNR_WIDTH_GROUPS)) for (const ch of chars) TNR_WIDTHS.set(ch, Number(width));

/** Bold Times New Roman is about 5 % wider, with capitals wider still. */
const BOLD_FACTOR = 1.08;
const DIGIT_WIDTH = 500;
const OTHER_WIDTH = 600;

/** Pixels of Excel's width unit (the digit of the default Calibri 11) and the cell's text padding. */
const PX_PER_CHARACTER = 7;
const CELL_PADDING_PX = 8;
const POINTS_PER_PX = 0.75;

/** Default font of the sheets the product writes, in both hosts (Office.js and ExcelJS). */
export const DEFAULT_FONT = 'Times New Roman';
export const DEFAULT_FONT_SIZE = 11;

/**
 * The font both hosts write on every cell of a sheet, size included: a font without a size prints
 * at 10 pt in LibreOffice and at the workbook's own default in Excel, and the row heights below
 * are measured at this size.
 */
export function layoutFont(layout: SheetLayout): { name: string; size: number } {
  return { name: layout.fontName ?? DEFAULT_FONT, size: layout.fontSize ?? DEFAULT_FONT_SIZE };
}

function charWidth(ch: string): number {
  const known = TNR_WIDTHS.get(ch);
  if (known !== undefined) return known;
  if (ch >= '0' && ch <= '9') return DIGIT_WIDTH;
  // A Vietnamese letter is as wide as its base letter (the marks sit above or below it).
  const base = ch.normalize('NFD').charAt(0);
  if (base !== ch) return TNR_WIDTHS.get(base) ?? OTHER_WIDTH;
  return OTHER_WIDTH;
}

/** Width in points of a text on one line, in Times New Roman of the given size. */
export function textWidthPoints(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text.normalize('NFC')) units += charWidth(ch);
  return (units * fontSize * (bold ? BOLD_FACTOR : 1)) / 1000;
}

/** Width in points available to text in a cell that spans columns of these widths (Excel units). */
export function cellTextWidthPoints(columnWidths: readonly number[]): number {
  const px = columnWidths.reduce((total, width) => total + width * PX_PER_CHARACTER, 0);
  return Math.max(1, (px - CELL_PADDING_PX) * POINTS_PER_PX);
}

/** Number of lines a text takes when wrapped at spaces in that width (a long word breaks anywhere). */
export function wrappedLineCount(text: string, widthPoints: number, fontSize: number, bold = false): number {
  let lines = 0;
  const space = textWidthPoints(' ', fontSize, bold);
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let width = textWidthPoints(word, fontSize, bold);
      const needed = used === 0 ? width : used + space + width;
      if (needed <= widthPoints) {
        used = needed;
        continue;
      }
      if (used > 0) lines += 1;
      // A word wider than the cell fills whole lines.
      while (width > widthPoints) {
        lines += 1;
        width -= widthPoints;
      }
      used = width;
    }
  }
  return Math.max(1, lines);
}

/** Height in points of a row holding this many lines of text of this size. */
export function rowHeightPoints(lines: number, fontSize: number): number {
  return Math.ceil((lines * fontSize * 1.17 + 3) * 4) / 4;
}

interface CellStyle {
  fontSize: number;
  bold: boolean;
  wrap: boolean;
}

function displayText(value: CellValue | undefined, numberFormat: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (numberFormat?.includes('%')) return `${(value * 100).toFixed(2)}%`;
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/**
 * The height of every row that holds text, by 0-based row: the tallest cell of the row, a wrapped
 * cell counted in lines over its width (merged cells over the merged columns). Rows without text
 * keep the program's default height.
 */
export function layoutRowHeights(layout: SheetLayout): Record<number, number> {
  const rows = layout.values.length;
  const width = Math.max(layout.columns.length, ...layout.values.map((row) => row.length), 0);
  const fontSize = layoutFont(layout).size;
  const styles: CellStyle[][] = Array.from({ length: rows }, () => Array.from({ length: width }, () => ({ fontSize, bold: false, wrap: false })));
  const numberFormats = new Map<number, string>();
  for (const format of layout.formats) {
    if (format.fontSize === undefined && format.bold === undefined && format.wrap === undefined && format.numberFormat === undefined) continue;
    const range = parseRange(format.range.replace(/\$/g, ''));
    if (!range) continue;
    for (let r = range.start.row; r <= Math.min(range.end.row, rows - 1); r++) {
      for (let c = range.start.col; c <= Math.min(range.end.col, width - 1); c++) {
        const style = styles[r]![c]!;
        if (format.fontSize !== undefined) style.fontSize = format.fontSize;
        if (format.bold !== undefined) style.bold = format.bold;
        if (format.wrap !== undefined) style.wrap = format.wrap;
        if (format.numberFormat !== undefined) numberFormats.set(r * width + c, format.numberFormat);
      }
    }
  }
  const spans = new Map<number, number[]>();
  const covered = new Set<number>();
  const columnWidth = (c: number): number => (layout.columns[c]?.hidden ? 0 : (layout.columns[c]?.width ?? 8.43));
  for (const merge of layout.merges) {
    const range = parseRange(merge.replace(/\$/g, ''));
    if (!range) continue;
    const widths: number[] = [];
    for (let c = range.start.col; c <= range.end.col; c++) widths.push(columnWidth(c));
    spans.set(range.start.row * width + range.start.col, widths);
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        if (r !== range.start.row || c !== range.start.col) covered.add(r * width + c);
      }
    }
  }

  const heights: Record<number, number> = {};
  for (let r = 0; r < rows; r++) {
    const row = layout.values[r] ?? [];
    let height = 0;
    for (let c = 0; c < row.length; c++) {
      const key = r * width + c;
      if (covered.has(key) || layout.columns[c]?.hidden) continue;
      const text = displayText(row[c], numberFormats.get(key) ?? layout.columns[c]?.numberFormat);
      if (text === '') continue;
      const style = styles[r]![c]!;
      const lines = style.wrap
        ? wrappedLineCount(text, cellTextWidthPoints(spans.get(key) ?? [columnWidth(c)]), style.fontSize, style.bold)
        : 1 + (text.match(/\n/g)?.length ?? 0);
      height = Math.max(height, rowHeightPoints(lines, style.fontSize));
    }
    if (height > 0) heights[r] = height;
  }
  return heights;
}

/** The row heights both hosts write: the layout's own, else measured now. */
export function sheetRowHeights(layout: SheetLayout): Record<number, number> {
  return layout.rowHeights ?? layoutRowHeights(layout);
}
