/**
 * "In / Lưu PDF": the `Tổng hợp` document rendered from summaryLayout — the same values, merges and
 * formats Excel gets — as an HTML table in a print-only section of this page (A4 portrait, Times
 * New Roman, @media print rules in taskpane.css), then the browser's print dialog. No new window,
 * no inline style: widths and formats are classes, so the page's CSP holds.
 */
import { formatNumber } from '../src/core/text';
import { parseRange } from '../src/workbook/a1';
import type { CellValue, RangeFormat, SheetLayout } from '../src/workbook/types';
import { el, replaceChildren } from './dom';

/** Font sizes (pt) the stylesheet has classes for. */
const FONT_SIZES = [10, 11, 12, 13, 14, 15, 16];

interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: string;
  fontSize?: number;
  fill?: boolean;
  border?: boolean;
  wrap?: boolean;
}

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatNumber(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return value;
}

function classesOf(style: CellStyle): string[] {
  const classes: string[] = [];
  if (style.bold) classes.push('b');
  if (style.italic) classes.push('i');
  if (style.underline) classes.push('u');
  if (style.align) classes.push(`al-${style.align}`);
  if (style.fontSize !== undefined) {
    const size = FONT_SIZES.reduce(
      (best, s) => (Math.abs(s - (style.fontSize as number)) < Math.abs(best - (style.fontSize as number)) ? s : best),
      13,
    );
    classes.push(`fs-${size}`);
  }
  if (style.fill) classes.push('shade');
  if (style.border) classes.push('bd');
  // A line the spreadsheet does not wrap ("ĐẢNG CỘNG SẢN VIỆT NAM", the date line) stays on one line.
  if (!style.wrap) classes.push('nw');
  return classes;
}

/** Percent width classes (pw-1 … pw-100) of the visible columns. */
function widthClasses(widths: readonly number[]): string[] {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => `pw-${Math.max(1, Math.min(100, Math.round((w / total) * 100)))}`);
}

/** The document as a table: visible columns only (the marker column is hidden), merges as spans. */
export function renderDocument(layout: SheetLayout): HTMLElement {
  const width = Math.max(layout.columns.length, ...layout.values.map((row) => row.length), 1);
  const visible = Array.from({ length: width }, (_, c) => c).filter((c) => !layout.columns[c]?.hidden);
  const rows = layout.values.length;

  // Per-cell style: formats apply in order, later ones win.
  const styles = new Map<string, CellStyle>();
  const styleAt = (r: number, c: number): CellStyle => {
    const key = `${r}:${c}`;
    let style = styles.get(key);
    if (!style) styles.set(key, (style = {}));
    return style;
  };
  for (const format of layout.formats as RangeFormat[]) {
    const range = parseRange(format.range.replace(/\$/g, ''));
    if (!range) continue;
    for (let r = range.start.row; r <= Math.min(range.end.row, rows - 1); r++) {
      for (let c = range.start.col; c <= Math.min(range.end.col, width - 1); c++) {
        const style = styleAt(r, c);
        if (format.bold !== undefined) style.bold = format.bold;
        if (format.italic !== undefined) style.italic = format.italic;
        if (format.underline !== undefined) style.underline = format.underline;
        if (format.align !== undefined) style.align = format.align;
        if (format.fontSize !== undefined) style.fontSize = format.fontSize;
        if (format.fill !== undefined) style.fill = true;
        if (format.border !== undefined) style.border = format.border;
        if (format.wrap !== undefined) style.wrap = format.wrap;
      }
    }
  }

  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const merge of layout.merges) {
    const range = parseRange(merge.replace(/\$/g, ''));
    if (!range) continue;
    const cols = visible.filter((c) => c >= range.start.col && c <= range.end.col).length;
    spans.set(`${range.start.row}:${range.start.col}`, { rows: range.end.row - range.start.row + 1, cols: Math.max(1, cols) });
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        if (r !== range.start.row || c !== range.start.col) covered.add(`${r}:${c}`);
      }
    }
  }

  const widths = widthClasses(visible.map((c) => layout.columns[c]?.width ?? 10));
  const body: HTMLElement[] = [];
  for (let r = 0; r < rows; r++) {
    const row = layout.values[r] ?? [];
    const blank = visible.every((c) => cellText(row[c]) === '');
    const cells: HTMLElement[] = [];
    for (const c of visible) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const span = spans.get(key);
      const attrs: Record<string, number | undefined> = {};
      if (span && span.cols > 1) attrs.colspan = span.cols;
      if (span && span.rows > 1) attrs.rowspan = span.rows;
      cells.push(el('td', { class: classesOf(styles.get(key) ?? {}), attrs }, [cellText(row[c])]));
    }
    body.push(el('tr', blank ? { class: 'blank' } : {}, cells));
  }
  return el('table', { class: 'doc', testid: 'print-document' }, [
    el(
      'colgroup',
      {},
      widths.map((cls) => el('col', { class: cls })),
    ),
    el('tbody', {}, body),
  ]);
}

export interface PrintTarget {
  /** The print-only section of the page. */
  section: HTMLElement;
  /** window.print (injected in tests). */
  print: () => void;
  /** Printed after the document (the board's pictures under the list of organisations). */
  extra?: readonly HTMLElement[];
}

/** Puts the document into the print section and opens the print dialog. */
export function printLayout(layout: SheetLayout, target: PrintTarget): HTMLElement {
  const documentNode = renderDocument(layout);
  replaceChildren(target.section, [documentNode, ...(target.extra ?? [])]);
  const body = target.section.ownerDocument.body;
  body.classList.add('printing');
  const done = (): void => body.classList.remove('printing');
  target.section.ownerDocument.defaultView?.addEventListener('afterprint', done, { once: true });
  try {
    target.print();
  } catch {
    done();
  }
  return documentNode;
}
