/**
 * The byte worksheet reader (split from read.ts): one worksheet's inflated bytes → its grid, as
 * worksheetValues of sheetText.ts reads the decoded text. Browser-safe.
 */
import type { SheetGrid } from '../../workbook/types';
import { cellAttributes, cellPosition, cellValue, mergedRange, numberValue, storedValue, type MergedRange, type SheetContext } from './cells';
import { rowsGrid, rowsGridOfBounds, SheetRows } from './grid';
import { attributes, xmlText } from './xml';
import { countSheetTags, sheetTagLimitError, type ZipLimits } from './zip';

// ------------------------------------------------------------------------------------------ bytes

/*
 * The worksheet scan over the inflated bytes (UTF-8), without decoding the part into one string:
 * a worksheet is nearly all `<row>`, `<c>` and `<v>` tags, and the only text a cell needs is its
 * few attribute and value bytes. The common shapes are read from the bytes directly (a cell
 * `<c r="B2" s="1" t="s"><v>12</v></c>`); anything else (a formula, an inline string, an entity,
 * a prefixed tag, an unusual attribute) has just its own bytes decoded and goes through the text
 * functions of cells.ts and xml.ts, so both paths give the same values (test/hosts/xlsxRead.test.ts compares
 * them with worksheetValues on the same XML). Plain loops, not indexOf: a call per tag costs
 * more than the bytes it skips (Node's Buffer.indexOf most of all), and no object is made per
 * cell but its value.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

function isXmlSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

function isNameStart(b: number): boolean {
  const lower = b | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || b === 0x5f;
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/** The index of the first `byte` at or after `from`, or -1. */
function indexOfByte(bytes: Uint8Array, byte: number, from: number): number {
  const length = bytes.length;
  for (let i = from; i < length; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** The digits of [start, end) as a whole number (at most 15 digits, so exact), or -1 when they are not all digits. */
function digitsValue(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (!isDigit(b)) return -1;
    value = value * 10 + (b - 0x30);
  }
  return value;
}

/**
 * The state of one worksheet's scan (made per scan: nothing outlives it): the spans of the
 * attributes read from the last tag (-1: absent) — `r`, `t`, `s` — and the last position decoded
 * (0-based), written by the methods that read them in place of a result object per cell.
 */
class SheetScan {
  refStart = -1;
  refEnd = -1;
  typeStart = -1;
  typeEnd = -1;
  styleStart = -1;
  styleEnd = -1;
  positionRow = 0;
  positionCol = 0;
  /** Made on first use (not on import: some hosts, e.g. jsdom, import this without one). */
  private decoder: TextDecoder | undefined;

  constructor(readonly bytes: Uint8Array) {}

  /** Bytes [start, end) as text: short ASCII runs without a decoder call. */
  text(start: number, end: number): string {
    const bytes = this.bytes;
    if (end - start <= 24) {
      let text = '';
      for (let i = start; i < end; i++) {
        const b = bytes[i] as number;
        if (b >= 0x80) return this.decode(start, end);
        text += String.fromCharCode(b);
      }
      return text;
    }
    return this.decode(start, end);
  }

  private decode(start: number, end: number): string {
    return (this.decoder ??= new TextDecoder('utf-8')).decode(this.bytes.subarray(start, end));
  }

  /**
   * A cell's attributes as Excel and ExcelJS write them (` r="…"`, ` s="…"`, ` t="…"` in that order,
   * each optional), read into the spans of the scan in the same pass that finds the tag's end: from the end
   * of a cell's name at `start`, the index of its `>`, or -1 for any other shape (also a `>` inside a
   * value, where the text scan ends the tag), which the caller then reads with scanAttributes.
   */
  usualCellTagEnd(start: number): number {
    const bytes = this.bytes;
    this.refStart = -1;
    this.typeStart = -1;
    this.styleStart = -1;
    const length = bytes.length;
    let i = start;
    let order = 0; // r, then s, then t
    for (;;) {
      const b = bytes[i];
      if (b === GT) return i;
      if (b === SLASH) return bytes[i + 1] === GT ? i + 1 : -1;
      if (b !== 0x20 || bytes[i + 2] !== EQUALS || bytes[i + 3] !== QUOTE) return -1;
      const name = bytes[i + 1];
      const valueStart = i + 4;
      let valueEnd = valueStart;
      for (; valueEnd < length; valueEnd++) {
        const v = bytes[valueEnd];
        if (v === QUOTE) break;
        if (v === GT) return -1;
      }
      if (valueEnd >= length) return -1;
      if (name === 0x72 && order < 1) {
        this.refStart = valueStart;
        this.refEnd = valueEnd;
        order = 1;
      } else if (name === 0x73 && order < 2) {
        this.styleStart = valueStart;
        this.styleEnd = valueEnd;
        order = 2;
      } else if (name === 0x74 && order < 3) {
        this.typeStart = valueStart;
        this.typeEnd = valueEnd;
        order = 3;
      } else return -1;
      i = valueEnd + 1;
    }
  }

  /**
   * Reads the attributes of a start tag's bytes [start, end) (after the name, before `>` or `/>`)
   * into the spans of the scan. False when the bytes are not plain `name="value"` pairs as the regular
   * expression reads them (the caller then reads the tag's text with it).
   */
  scanAttributes(start: number, end: number): boolean {
    const bytes = this.bytes;
    this.refStart = -1;
    this.typeStart = -1;
    this.styleStart = -1;
    let i = start;
    for (;;) {
      while (i < end && isXmlSpace(bytes[i] as number)) i++;
      if (i >= end) return true;
      const nameStart = i;
      // A name as the regular expression reads one ([A-Za-z_][\w:.-]*); anything else is left to it.
      if (!isNameStart(bytes[i] as number)) return false;
      while (i < end) {
        const b = bytes[i] as number;
        if (b === EQUALS || isXmlSpace(b)) break;
        if (!isNameStart(b) && !isDigit(b) && b !== COLON && b !== 0x2e && b !== 0x2d) return false;
        i++;
      }
      const oneByteName = i - nameStart === 1 ? (bytes[nameStart] as number) : 0;
      while (i < end && isXmlSpace(bytes[i] as number)) i++;
      if (i >= end || bytes[i] !== EQUALS) return false;
      i++;
      while (i < end && isXmlSpace(bytes[i] as number)) i++;
      const quote = bytes[i] as number;
      if (i >= end || (quote !== QUOTE && quote !== APOSTROPHE)) return false;
      const valueStart = i + 1;
      let valueEnd = valueStart;
      while (valueEnd < end && bytes[valueEnd] !== quote) valueEnd++;
      if (valueEnd >= end) return false;
      if (oneByteName === 0x72) {
        this.refStart = valueStart;
        this.refEnd = valueEnd;
      } else if (oneByteName === 0x74) {
        this.typeStart = valueStart;
        this.typeEnd = valueEnd;
      } else if (oneByteName === 0x73) {
        this.styleStart = valueStart;
        this.styleEnd = valueEnd;
      }
      i = valueEnd + 1;
    }
  }

  /** "AB12" as bytes → this.positionRow, this.positionCol; false when it is no cell reference (as cellPosition reads the text). */
  positionOf(start: number, end: number): boolean {
    const bytes = this.bytes;
    let col = 0;
    let i = start;
    for (; i < end && i - start < 4; i++) {
      const code = (bytes[i] as number) | 0x20;
      if (code < 0x61 || code > 0x7a) break;
      col = col * 26 + (code - 0x60);
    }
    const letters = i - start;
    const row = digitsValue(bytes, i, end);
    if (letters >= 1 && letters <= 3 && row >= 1) {
      this.positionRow = row - 1;
      this.positionCol = col - 1;
      return true;
    }
    // Anything unusual (spaces, an entity, a huge row number) is read as the text is.
    const position = cellPosition(xmlText(this.text(start, end)));
    if (!position) return false;
    this.positionRow = position[0];
    this.positionCol = position[1];
    return true;
  }
}

/** The `t` attribute values of cells, by their single byte or as text. */
function cellType(scan: SheetScan, start: number, end: number): string {
  const bytes = scan.bytes;
  if (end - start === 1) {
    const b = bytes[start];
    if (b === 0x73) return 's';
    if (b === 0x6e) return 'n';
    if (b === 0x62) return 'b';
    if (b === 0x65) return 'e';
    if (b === 0x64) return 'd';
  }
  return xmlText(scan.text(start, end));
}

/** Whether the bytes at `at` are `</` + prefix + `name>` (name one byte). */
function isEndTag(bytes: Uint8Array, at: number, prefix: Uint8Array, name: number): boolean {
  if (bytes[at] !== LT || bytes[at + 1] !== SLASH) return false;
  let i = at + 2;
  for (let k = 0; k < prefix.length; k++, i++) if (bytes[i] !== prefix[k]) return false;
  return bytes[i] === name && bytes[i + 1] === GT;
}

/** Where `</` + prefix + `c>` starts at or after `from`, or -1. */
function cellEnd(bytes: Uint8Array, from: number, prefix: Uint8Array): number {
  for (let at = indexOfByte(bytes, LT, from); at >= 0; at = indexOfByte(bytes, LT, at + 1)) if (isEndTag(bytes, at, prefix, 0x63)) return at;
  return -1;
}

const NO_PREFIX = new Uint8Array(0);
const PREFIX_TEXT = /^[A-Za-z_][\w.-]*:$/;

/** One worksheet's inflated bytes → its grid, exactly as worksheetValues reads the decoded text. */
/**
 * With `tagLimits`, the part's `<row>` and `<c>` start tags are counted on the way, as inflatePart
 * counts them (it was told not to), and the part refused past the limits before any grid is built.
 */
export function worksheetValuesOfBytes(
  name: string,
  hidden: boolean,
  bytes: Uint8Array,
  ctx: SheetContext,
  tagLimits?: { partName: string; limits: ZipLimits },
): SheetGrid {
  const scan = new SheetScan(bytes);
  let rowTags = 0;
  let cellTags = 0;
  const rows = new SheetRows();
  // The used rectangle of the values kept (before merged ranges are taken out).
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  const merges: MergedRange[] = [];
  const { sharedStrings } = ctx;
  let row = -1;
  let col = -1;
  const length = bytes.length;
  // Where the scan stopped reading (a cell or tag that never ends): the rest is only counted.
  let uncounted = -1;
  let at = indexOfByte(bytes, LT, 0);
  while (at >= 0) {
    // The tag's name, and its local part after a prefix ("x:c").
    let nameEnd = at + 1;
    let localStart = at + 1;
    while (nameEnd < length) {
      const b = bytes[nameEnd] as number;
      if (b === 0x20 || b === GT || b === SLASH || isXmlSpace(b)) break;
      if (b === COLON) localStart = nameEnd + 1;
      nameEnd++;
    }
    const localLength = nameEnd - localStart;
    const first = bytes[localStart];
    const isCell = localLength === 1 && first === 0x63;
    const isRow = localLength === 3 && first === 0x72 && bytes[localStart + 1] === 0x6f && bytes[localStart + 2] === 0x77;
    if (nameEnd < length && nameEnd - at <= 16) {
      if (isCell) cellTags++;
      else if (isRow) rowTags++;
    }
    const isMerge = localLength === 9 && first === 0x6d && scan.text(localStart, nameEnd) === 'mergeCell';
    if (!(isCell || isRow || isMerge) || nameEnd >= length || (localStart !== at + 1 && !PREFIX_TEXT.test(scan.text(at + 1, localStart)))) {
      // Another tag, an end tag ("/c" is no name), or a prefix the text scan does not accept.
      at = indexOfByte(bytes, LT, nameEnd);
      continue;
    }
    // A cell's usual start tag is read in the same pass that finds its end; any other tag (or
    // cell) is first delimited, then its attributes read.
    const usualTagEnd = isCell ? scan.usualCellTagEnd(nameEnd) : -1;
    const tagEnd = usualTagEnd >= 0 ? usualTagEnd : indexOfByte(bytes, GT, nameEnd);
    if (tagEnd < 0) {
      uncounted = nameEnd;
      break;
    }
    if (isRow) {
      if (!scan.scanAttributes(nameEnd, bytes[tagEnd - 1] === SLASH ? tagEnd - 1 : tagEnd)) {
        const r = attributes(scan.text(nameEnd, tagEnd)).get('r');
        row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
      } else if (scan.refStart < 0) {
        row += 1;
      } else {
        const r = digitsValue(bytes, scan.refStart, scan.refEnd);
        if (r >= 0) row = r - 1;
        else {
          const text = xmlText(scan.text(scan.refStart, scan.refEnd));
          row = /^\d+$/.test(text) ? Number(text) - 1 : row + 1;
        }
      }
      col = -1;
      at = indexOfByte(bytes, LT, tagEnd + 1);
      continue;
    }
    if (isMerge) {
      const ref = attributes(scan.text(nameEnd, tagEnd)).get('ref');
      const range = ref === undefined ? null : mergedRange(ref);
      if (range) merges.push(range);
      at = indexOfByte(bytes, LT, tagEnd + 1);
      continue;
    }
    // A cell: its attributes, then its content up to the closing tag (none when it is empty).
    const selfClosing = bytes[tagEnd - 1] === SLASH;
    const attrsEnd = selfClosing ? tagEnd - 1 : tagEnd;
    let type: string | undefined;
    let style: number;
    let positioned: boolean;
    if (usualTagEnd >= 0 || scan.scanAttributes(nameEnd, attrsEnd)) {
      positioned = scan.refStart >= 0 && scan.positionOf(scan.refStart, scan.refEnd);
      type = scan.typeStart < 0 ? undefined : cellType(scan, scan.typeStart, scan.typeEnd);
      if (scan.styleStart < 0) style = -1;
      else {
        style = digitsValue(bytes, scan.styleStart, scan.styleEnd);
        if (style < 0) style = Number(xmlText(scan.text(scan.styleStart, scan.styleEnd)));
      }
    } else {
      const attrs = cellAttributes(scan.text(nameEnd, attrsEnd));
      const position = attrs.r === undefined ? null : cellPosition(attrs.r);
      positioned = position !== null;
      if (position) {
        scan.positionRow = position[0];
        scan.positionCol = position[1];
      }
      type = attrs.t;
      style = attrs.s === undefined ? -1 : Number(attrs.s);
    }
    if (positioned) col = scan.positionCol;
    else col += 1;
    const cellRow = positioned ? scan.positionRow : Math.max(row, 0);
    if (selfClosing) {
      at = indexOfByte(bytes, LT, tagEnd + 1);
      continue;
    }
    const contentStart = tagEnd + 1;
    const prefix = localStart === at + 1 ? NO_PREFIX : bytes.subarray(at + 1, localStart);
    let value: unknown;
    // The usual content, `<v>TEXT</v></c>` without a prefix: read from the bytes.
    const valueEnd =
      prefix === NO_PREFIX && type !== 'inlineStr' && bytes[contentStart] === LT && bytes[contentStart + 1] === 0x76 && bytes[contentStart + 2] === GT
        ? indexOfByte(bytes, LT, contentStart + 3)
        : -1;
    if (valueEnd > contentStart + 3 && isEndTag(bytes, valueEnd, NO_PREFIX, 0x76) && isEndTag(bytes, valueEnd + 4, NO_PREFIX, 0x63)) {
      at = indexOfByte(bytes, LT, valueEnd + 8);
      const rawStart = contentStart + 3;
      const digits = digitsValue(bytes, rawStart, valueEnd);
      if (digits >= 0 && type === 's') value = sharedStrings[digits] ?? null;
      else if (digits >= 0 && (type === undefined || type === 'n')) value = numberValue(digits, style, ctx);
      else value = storedValue(type, style, scan.text(rawStart, valueEnd), ctx);
    } else {
      const end = cellEnd(bytes, contentStart, prefix);
      if (end < 0) {
        uncounted = contentStart;
        break;
      }
      if (tagLimits) {
        // Tags inside a cell are not visited by the scan, but inflatePart would have counted them.
        const inside = countSheetTags(bytes.subarray(contentStart, end));
        rowTags += inside.rows;
        cellTags += inside.cells;
      }
      at = indexOfByte(bytes, LT, end + 4 + prefix.length);
      value = cellValue(type, style, scan.text(contentStart, end), ctx);
    }
    if (value === null || value === '') continue;
    rows.add(cellRow, col, value);
    if (cellRow < minRow) minRow = cellRow;
    if (cellRow > maxRow) maxRow = cellRow;
    if (col < minCol) minCol = col;
    if (col > maxCol) maxCol = col;
  }
  if (tagLimits) {
    if (uncounted >= 0) {
      const rest = countSheetTags(bytes.subarray(uncounted));
      rowTags += rest.rows;
      cellTags += rest.cells;
    }
    const refused = sheetTagLimitError(tagLimits.partName, rowTags, cellTags, tagLimits.limits);
    if (refused) throw refused;
  }
  // Inside a merged range only the top-left cell holds the value (as ExcelJS and Office.js read it).
  const inMergeTail = (r: number, c: number): boolean =>
    merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  const byRow = rows.values();
  if (merges.length > 0) return rowsGrid(name, hidden, byRow, ctx.maxCells, inMergeTail);
  return rowsGridOfBounds(name, hidden, byRow, ctx.maxCells, { minRow, minCol, maxRow, maxCol });
}
