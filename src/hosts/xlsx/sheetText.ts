/**
 * The text worksheet reader (split from read.ts): regular expressions over the decoded part, the
 * reference the byte scan of sheetBytes.ts is tested against. Browser-safe.
 */
import type { SheetGrid } from '../../workbook/types';
import { cellAttributes, cellPosition, cellValue, mergedRange, type MergedRange, type SheetContext } from './cells';
import { cellsGrid } from './grid';
import { attributes, PREFIX } from './xml';

const SHEET_TAG = new RegExp(`<(/?)(${PREFIX})(row|c|mergeCell)(?=[\\s/>])([^>]*)>`, 'g');

/**
 * One worksheet's XML text → its grid (the used range of non-blank values): the reading of
 * regular expressions over the decoded part, kept as the reference worksheetValuesOfBytes is
 * tested against (the reader itself scans the bytes).
 */
export function worksheetValues(name: string, hidden: boolean, xml: string, ctx: SheetContext): SheetGrid {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: unknown[] = [];
  const merges: MergedRange[] = [];
  let row = -1;
  let col = -1;
  SHEET_TAG.lastIndex = 0;
  for (let match = SHEET_TAG.exec(xml); match !== null; match = SHEET_TAG.exec(xml)) {
    const [, closing, prefix = '', tag, rest = ''] = match;
    if (closing === '/') continue;
    if (tag === 'row') {
      const r = attributes(rest).get('r');
      row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    if (tag === 'mergeCell') {
      const ref = attributes(rest).get('ref');
      const range = ref === undefined ? null : mergedRange(ref);
      if (range) merges.push(range);
      continue;
    }
    // A cell: its attributes, then its content up to the closing tag (none when it is empty).
    const selfClosing = rest.endsWith('/');
    const attrs = cellAttributes(selfClosing ? rest.slice(0, -1) : rest);
    const ref = attrs.r;
    const position = ref === undefined ? null : cellPosition(ref);
    if (position) col = position[1];
    else col += 1;
    const cellRow = position ? position[0] : Math.max(row, 0);
    if (selfClosing) continue;
    const closingTag = `</${prefix}c>`;
    const end = xml.indexOf(closingTag, SHEET_TAG.lastIndex);
    if (end < 0) break;
    const content = xml.slice(SHEET_TAG.lastIndex, end);
    SHEET_TAG.lastIndex = end + closingTag.length;
    // Without an `s` attribute a cell has no style, whatever style 0 is (as ExcelJS reads it).
    const value = cellValue(attrs.t, attrs.s === undefined ? -1 : Number(attrs.s), content, ctx);
    if (value === null || value === '') continue;
    rows.push(cellRow);
    cols.push(col);
    values.push(value);
  }
  // Inside a merged range only the top-left cell holds the value (as ExcelJS and Office.js read it).
  const inMergeTail = (r: number, c: number): boolean =>
    merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  return cellsGrid(name, hidden, { rows, cols, values }, ctx.maxCells, merges.length > 0 ? inMergeTail : undefined);
}
