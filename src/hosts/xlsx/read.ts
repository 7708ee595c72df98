/**
 * The values reader: `.xlsx` bytes → one SheetGrid per worksheet plus the workbook properties,
 * reading only the parts a check needs (workbook, its relationships, shared strings, the number
 * formats of styles, worksheets, document properties). Browser-safe (no Node-only imports).
 *
 * Why not ExcelJS's load: it builds the whole document model (every style, every cell object) and
 * inflates every part, which made `bontot consolidate` of many small workbooks half again slower
 * than a plain ExcelJS load of them (bench/); the check needs values only. ExcelJS still writes
 * every file and reads for fix-encoding (which rewrites the workbook), and stays the reference:
 * test/hosts/xlsxRead.test.ts compares the grids of both readers on generated workbooks.
 *
 * Values are read as ExcelJS gives them through plainCellValue: shared and inline strings (rich
 * text runs joined, phonetic runs left out, `_xHHHH_` escapes decoded), numbers, booleans, error
 * codes as text ("#N/A"), a formula's cached result, numbers in a date format as Dates (1900 or
 * 1904 date system), and cells inside a merged range other than its top-left cell left out.
 * Tags may carry a namespace prefix (`x:c`); ExcelJS reads no cell of such a sheet.
 *
 * Worksheets are scanned as inflated bytes, never decoded whole (worksheetValuesOfBytes, issue
 * 25: the regular expressions over the decoded XML were most of a large check's time); the
 * smaller parts (workbook, relationships, shared strings, styles, properties) are decoded once
 * and read with regular expressions.
 */
import { FORMULA_WITHOUT_RESULT, type SheetGrid } from '../../workbook/types';
import {
  countSheetTags,
  DEFAULT_ZIP_LIMITS,
  inflatedWhole,
  inflatePart,
  sheetTagLimitError,
  verifyInflatedSizes,
  WorkbookReadError,
  type InflateRawSync,
  type ZipEntryInfo,
  type ZipLimits,
} from './zip';

/** Workbook properties the product reads (docProps/core.xml and app.xml). */
export interface XlsxProperties {
  creator: string | null;
  company: string | null;
  keywords: string | null;
  title: string | null;
  subject: string | null;
  category: string | null;
}

export interface XlsxValues {
  sheets: SheetGrid[];
  properties: XlsxProperties;
}

export interface XlsxReadOptions {
  limits?: ZipLimits;
  inflateRaw?: InflateRawSync;
  /** Largest number of cells of one sheet's used rectangle. */
  maxCellsPerSheet?: number;
}

// ------------------------------------------------------------------------------------------ XML

/** A tag name with any namespace prefix: `(?:p:)?name`. */
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text or attribute value → text: entities decoded, line ends normalised as a parser does. */
function xmlText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&')) {
    text = text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  return text;
}

/** OOXML's escape of characters XML cannot hold: `_x000D_` → "\r" (as ExcelJS decodes shared strings). */
function unescapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text (after the name), values decoded. */
function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match !== null; match = ATTRIBUTE.exec(source)) {
    found.set(match[1] as string, xmlText(match[2] ?? match[3] ?? ''));
  }
  return found;
}

/** An attribute by local name, whatever its prefix (`r:id`, `relationships:id`). */
function attributeByLocalName(found: Map<string, string>, local: string): string | undefined {
  for (const [name, value] of found) if (name === local || name.endsWith(`:${local}`)) return value;
  return undefined;
}

/** Every start (or empty) tag named `name`, with its attribute text. */
function* tags(xml: string, name: string): Generator<string> {
  const pattern = new RegExp(`<${PREFIX}${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (let match = pattern.exec(xml); match !== null; match = pattern.exec(xml)) yield match[1] as string;
}

/** The text of the first element `name` (decoded), or null. */
function elementText(xml: string, name: string): string | null {
  const match = new RegExp(`<${PREFIX}${name}(?:\\s[^>]*)?>([^<]*)</${PREFIX}${name}>`).exec(xml);
  return match ? xmlText(match[1] as string) : null;
}

const PHONETIC_RUN = new RegExp(`<${PREFIX}rPh(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${PREFIX}rPh>)`, 'g');
const TEXT_ELEMENT = new RegExp(`<${PREFIX}t(?:\\s[^>]*)?>([^<]*)</${PREFIX}t>`, 'g');

/** The text of a string item (`<si>` or `<is>` content): its `<t>` texts joined, phonetic runs left out. */
function stringItemText(content: string): string {
  // The usual item, `<t>TEXT</t>` of plain text (no markup, entity, line end or escape), is its text.
  if (content.startsWith('<t>') && content.endsWith('</t>')) {
    const text = content.slice(3, -4);
    if (!/[<&\r]|_x/.test(text)) return text;
  }
  const body = content.includes('rPh') ? content.replace(PHONETIC_RUN, '') : content;
  let text = '';
  TEXT_ELEMENT.lastIndex = 0;
  for (let match = TEXT_ELEMENT.exec(body); match !== null; match = TEXT_ELEMENT.exec(body)) text += match[1] as string;
  return unescapeXstring(xmlText(text));
}

// ------------------------------------------------------------------------------------------ parts

/** Part names without a leading "/", resolved against the folder of the part that refers to them. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

class Parts {
  private readonly byName = new Map<string, ZipEntryInfo>();
  private readonly byLowerName = new Map<string, ZipEntryInfo>();

  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntryInfo[],
    private readonly options: XlsxReadOptions,
  ) {
    for (const entry of entries) {
      const name = entry.name.replace(/^\//, '');
      this.byName.set(name, entry);
      this.byLowerName.set(name.toLowerCase(), entry);
    }
  }

  private readonly utf8 = new TextDecoder('utf-8');

  /** The entries inflated so far. */
  readonly read = new Set<ZipEntryInfo>();

  entry(name: string): ZipEntryInfo | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** The part's inflated bytes, or null when the zip has no such part; a worksheet's rows and cells are counted. */
  async bytesOf(name: string, worksheet = false): Promise<Uint8Array | null> {
    const entry = this.entry(name);
    if (!entry) return null;
    this.read.add(entry);
    return inflatePart(this.bytes, entry, this.options.limits ?? DEFAULT_ZIP_LIMITS, this.options.inflateRaw, worksheet);
  }

  /**
   * A worksheet part's inflated bytes, or null when the zip has no such part; `countTags` when its
   * rows and cells are left for the scan to count (see inflatedWhole), else counted here.
   */
  async worksheetBytes(name: string): Promise<{ bytes: Uint8Array; entryName: string; countTags: boolean } | null> {
    const entry = this.entry(name);
    if (!entry) return null;
    this.read.add(entry);
    const limits = this.options.limits ?? DEFAULT_ZIP_LIMITS;
    const countTags = inflatedWhole(entry, limits, this.options.inflateRaw);
    const bytes = await inflatePart(this.bytes, entry, limits, this.options.inflateRaw, !countTags);
    return { bytes, entryName: entry.name, countTags };
  }

  /** The part's XML as text, or null when the zip has no such part. */
  async text(name: string): Promise<string | null> {
    const bytes = await this.bytesOf(name);
    return bytes === null ? null : this.utf8.decode(bytes);
  }
}

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships (its `_rels/<name>.rels`), by id. */
async function relationships(parts: Parts, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const xml = await parts.text(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  const found = new Map<string, Relationship>();
  if (xml === null) return found;
  for (const tag of tags(xml, 'Relationship')) {
    const attrs = attributes(tag);
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id === undefined || target === undefined || attrs.get('TargetMode') === 'External') continue;
    found.set(id, { type: attrs.get('Type') ?? '', target: resolvePart(part, target) });
  }
  return found;
}

function relationshipOfType(rels: Map<string, Relationship>, type: string): string | null {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${type}`)) return rel.target;
  return null;
}

// ------------------------------------------------------------------------------------------ styles

/** Built-in number formats that are dates or times (ExcelJS's table: 14–22, 45–47). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a format code shows a date or time (ExcelJS's test: quoted and [bracketed] parts aside). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index (`s`), whether its number format is a date. */
async function dateStyles(parts: Parts, stylesPart: string | null): Promise<boolean[]> {
  const xml = stylesPart === null ? null : await parts.text(stylesPart);
  if (xml === null) return [];
  const custom = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt')) {
    const attrs = attributes(tag);
    const id = Number(attrs.get('numFmtId'));
    const code = attrs.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = new RegExp(`<${PREFIX}cellXfs(?=[\\s>])[^>]*>([\\s\\S]*?)</${PREFIX}cellXfs>`).exec(xml);
  if (!cellXfs) return [];
  const dates: boolean[] = [];
  for (const tag of tags(cellXfs[1] as string, 'xf')) {
    const id = Number(attributes(tag).get('numFmtId') ?? 0);
    const code = custom.get(id);
    dates.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return dates;
}

// ------------------------------------------------------------------------------------------ cells

/** Excel serial → Date, as ExcelJS converts it (1900 system, or 1904 with `date1904`). */
function excelSerialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** "AB12" → [11, 27] (0-based row, column); null when it is no cell reference. */
function cellPosition(ref: string): [number, number] | null {
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

const SHEET_TAG = new RegExp(`<(/?)(${PREFIX})(row|c|mergeCell)(?=[\\s/>])([^>]*)>`, 'g');
const VALUE = new RegExp(`<${PREFIX}v(?:\\s[^>]*)?>([^<]*)</${PREFIX}v>`);
const INLINE = new RegExp(`<${PREFIX}is(?:\\s[^>]*)?>([\\s\\S]*?)</${PREFIX}is>`);
const FORMULA = new RegExp(`<${PREFIX}f[\\s/>]`);

/** A cell's value from its type, style and content, as plainCellValue gives ExcelJS's; null when blank. */
function cellValue(type: string | undefined, style: number, content: string, ctx: SheetContext): unknown {
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
function storedValue(type: string | undefined, style: number, raw: string, ctx: SheetContext): unknown {
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
function numberValue(number: number, style: number, ctx: SheetContext): unknown {
  if (!Number.isFinite(number)) return null;
  if (ctx.dates[style] !== true) return number;
  const date = excelSerialDate(number, ctx.date1904);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergedRange(ref: string): MergedRange | null {
  const [from = '', to = from] = ref.replace(/\$/g, '').split(':');
  const start = cellPosition(from);
  const end = cellPosition(to);
  if (!start || !end) return null;
  return { top: Math.min(start[0], end[0]), left: Math.min(start[1], end[1]), bottom: Math.max(start[0], end[0]), right: Math.max(start[1], end[1]) };
}

/** A cell's `r`, `t` and `s` attributes (the only ones read), without building a map per cell. */
function cellAttributes(source: string): { r?: string; t?: string; s?: string } {
  const found: { r?: string; t?: string; s?: string } = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match !== null; match = ATTRIBUTE.exec(source)) {
    const name = match[1];
    if (name === 'r' || name === 't' || name === 's') found[name] = xmlText(match[2] ?? match[3] ?? '');
  }
  return found;
}

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

// ------------------------------------------------------------------------------------------ bytes

/*
 * The worksheet scan over the inflated bytes (UTF-8), without decoding the part into one string:
 * a worksheet is nearly all `<row>`, `<c>` and `<v>` tags, and the only text a cell needs is its
 * few attribute and value bytes. The common shapes are read from the bytes directly (a cell
 * `<c r="B2" s="1" t="s"><v>12</v></c>`); anything else (a formula, an inline string, an entity,
 * a prefixed tag, an unusual attribute) has just its own bytes decoded and goes through the text
 * functions above, so both paths give the same values (test/hosts/xlsxRead.test.ts compares
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

let utf8Decoder: TextDecoder | undefined;

/** One decoder, made on first use (not on import: some hosts, e.g. jsdom, import this without one). */
function utf8(): TextDecoder {
  return (utf8Decoder ??= new TextDecoder('utf-8'));
}

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

/** Bytes [start, end) as text: short ASCII runs without a decoder call. */
function bytesText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let text = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= 0x80) return utf8().decode(bytes.subarray(start, end));
      text += String.fromCharCode(b);
    }
    return text;
  }
  return utf8().decode(bytes.subarray(start, end));
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

// The spans of the attributes read from the last tag scanned (-1: absent): `r`, `t`, `s`.
let refStart = -1;
let refEnd = -1;
let typeStart = -1;
let typeEnd = -1;
let styleStart = -1;
let styleEnd = -1;

/**
 * A cell's attributes as Excel and ExcelJS write them (` r="…"`, ` s="…"`, ` t="…"` in that order,
 * each optional), read into the spans above in the same pass that finds the tag's end: from the end
 * of a cell's name at `start`, the index of its `>`, or -1 for any other shape (also a `>` inside a
 * value, where the text scan ends the tag), which the caller then reads with scanAttributes.
 */
function usualCellTagEnd(bytes: Uint8Array, start: number): number {
  refStart = -1;
  typeStart = -1;
  styleStart = -1;
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
      refStart = valueStart;
      refEnd = valueEnd;
      order = 1;
    } else if (name === 0x73 && order < 2) {
      styleStart = valueStart;
      styleEnd = valueEnd;
      order = 2;
    } else if (name === 0x74 && order < 3) {
      typeStart = valueStart;
      typeEnd = valueEnd;
      order = 3;
    } else return -1;
    i = valueEnd + 1;
  }
}

/**
 * Reads the attributes of a start tag's bytes [start, end) (after the name, before `>` or `/>`)
 * into the spans above. False when the bytes are not plain `name="value"` pairs as the regular
 * expression reads them (the caller then reads the tag's text with it).
 */
function scanAttributes(bytes: Uint8Array, start: number, end: number): boolean {
  refStart = -1;
  typeStart = -1;
  styleStart = -1;
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
      refStart = valueStart;
      refEnd = valueEnd;
    } else if (oneByteName === 0x74) {
      typeStart = valueStart;
      typeEnd = valueEnd;
    } else if (oneByteName === 0x73) {
      styleStart = valueStart;
      styleEnd = valueEnd;
    }
    i = valueEnd + 1;
  }
}

// The position read by positionOfBytes (0-based).
let positionRow = 0;
let positionCol = 0;

/** "AB12" as bytes → positionRow, positionCol; false when it is no cell reference (as cellPosition reads the text). */
function positionOfBytes(bytes: Uint8Array, start: number, end: number): boolean {
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
    positionRow = row - 1;
    positionCol = col - 1;
    return true;
  }
  // Anything unusual (spaces, an entity, a huge row number) is read as the text is.
  const position = cellPosition(xmlText(bytesText(bytes, start, end)));
  if (!position) return false;
  [positionRow, positionCol] = position;
  return true;
}

/** The `t` attribute values of cells, by their single byte or as text. */
function cellType(bytes: Uint8Array, start: number, end: number): string {
  if (end - start === 1) {
    const b = bytes[start];
    if (b === 0x73) return 's';
    if (b === 0x6e) return 'n';
    if (b === 0x62) return 'b';
    if (b === 0x65) return 'e';
    if (b === 0x64) return 'd';
  }
  return xmlText(bytesText(bytes, start, end));
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
  let rowTags = 0;
  let cellTags = 0;
  // The values by row, each row's array indexed by column: no array of all cells grows (growing
  // one array to a hundred thousand values cost more than the scan of the bytes).
  const byRow = new Map<number, unknown[]>();
  let lastRow = -1;
  let lastRowValues: unknown[] = [];
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
    const isMerge = localLength === 9 && first === 0x6d && bytesText(bytes, localStart, nameEnd) === 'mergeCell';
    if (!(isCell || isRow || isMerge) || nameEnd >= length || (localStart !== at + 1 && !PREFIX_TEXT.test(bytesText(bytes, at + 1, localStart)))) {
      // Another tag, an end tag ("/c" is no name), or a prefix the text scan does not accept.
      at = indexOfByte(bytes, LT, nameEnd);
      continue;
    }
    // A cell's usual start tag is read in the same pass that finds its end; any other tag (or
    // cell) is first delimited, then its attributes read.
    const usualTagEnd = isCell ? usualCellTagEnd(bytes, nameEnd) : -1;
    const tagEnd = usualTagEnd >= 0 ? usualTagEnd : indexOfByte(bytes, GT, nameEnd);
    if (tagEnd < 0) {
      uncounted = nameEnd;
      break;
    }
    if (isRow) {
      if (!scanAttributes(bytes, nameEnd, bytes[tagEnd - 1] === SLASH ? tagEnd - 1 : tagEnd)) {
        const r = attributes(bytesText(bytes, nameEnd, tagEnd)).get('r');
        row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
      } else if (refStart < 0) {
        row += 1;
      } else {
        const r = digitsValue(bytes, refStart, refEnd);
        if (r >= 0) row = r - 1;
        else {
          const text = xmlText(bytesText(bytes, refStart, refEnd));
          row = /^\d+$/.test(text) ? Number(text) - 1 : row + 1;
        }
      }
      col = -1;
      at = indexOfByte(bytes, LT, tagEnd + 1);
      continue;
    }
    if (isMerge) {
      const ref = attributes(bytesText(bytes, nameEnd, tagEnd)).get('ref');
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
    if (usualTagEnd >= 0 || scanAttributes(bytes, nameEnd, attrsEnd)) {
      positioned = refStart >= 0 && positionOfBytes(bytes, refStart, refEnd);
      type = typeStart < 0 ? undefined : cellType(bytes, typeStart, typeEnd);
      if (styleStart < 0) style = -1;
      else {
        style = digitsValue(bytes, styleStart, styleEnd);
        if (style < 0) style = Number(xmlText(bytesText(bytes, styleStart, styleEnd)));
      }
    } else {
      const attrs = cellAttributes(bytesText(bytes, nameEnd, attrsEnd));
      const position = attrs.r === undefined ? null : cellPosition(attrs.r);
      positioned = position !== null;
      if (position) [positionRow, positionCol] = position;
      type = attrs.t;
      style = attrs.s === undefined ? -1 : Number(attrs.s);
    }
    if (positioned) col = positionCol;
    else col += 1;
    const cellRow = positioned ? positionRow : Math.max(row, 0);
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
      else value = storedValue(type, style, bytesText(bytes, rawStart, valueEnd), ctx);
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
      value = cellValue(type, style, bytesText(bytes, contentStart, end), ctx);
    }
    if (value === null || value === '') continue;
    if (cellRow !== lastRow) {
      let found = byRow.get(cellRow);
      if (found === undefined) {
        found = [];
        byRow.set(cellRow, found);
      }
      lastRow = cellRow;
      lastRowValues = found;
    }
    // Cells come in column order: a short gap is filled with nulls (no value), so that the row
    // stays a packed array rowsGrid can hand on as it is; a far column is set as a hole instead
    // (filling up to column XFD for each cell would cost more than its row is worth).
    const gap = col - lastRowValues.length;
    if (gap >= 0 && gap <= MAX_FILLED_GAP) {
      for (let k = 0; k < gap; k++) lastRowValues.push(null);
      lastRowValues.push(value);
    } else lastRowValues[col] = value;
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
  if (merges.length > 0) return rowsGrid(name, hidden, byRow, ctx.maxCells, inMergeTail);
  return rowsGridOfBounds(name, hidden, byRow, ctx.maxCells, { minRow, minCol, maxRow, maxCol });
}

/** Columns of no value filled with null in a row array rather than left as a hole (see the scan). */
const MAX_FILLED_GAP = 64;

/**
 * rowsGrid without merged ranges, the used rectangle known from the scan: each row's array (null
 * or a hole where no value) becomes the grid's row, padded with nulls to the width, when the
 * rectangle starts at column A (nearly always); else it is copied at its offset.
 */
function rowsGridOfBounds(
  name: string,
  hidden: boolean,
  byRow: Map<number, unknown[]>,
  maxCells: number,
  bounds: { minRow: number; minCol: number; maxRow: number; maxCol: number },
): SheetGrid {
  const { minRow, minCol, maxRow, maxCol } = bounds;
  if (maxRow < 0) return { name, values: [], originRow: 0, originCol: 0, hidden };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > maxCells) throw tooLargeGrid(name, height, width, maxCells);
  const grid: unknown[][] = new Array<unknown[]>(height).fill(EMPTY_ROW);
  for (const [r, rowValues] of byRow) {
    let target: unknown[];
    if (minCol === 0) {
      target = rowValues;
      // The length is at most the width (the last column of a value); holes become null.
      for (let c = 0; c < target.length; c++) if (target[c] === undefined) target[c] = null;
      while (target.length < width) target.push(null);
    } else {
      target = new Array<unknown>(width).fill(null);
      for (let c = minCol; c < rowValues.length; c++) {
        const value = rowValues[c];
        if (value !== undefined && value !== null) target[c - minCol] = value;
      }
    }
    grid[r - minRow] = target;
  }
  for (let r = 0; r < height; r++) if (grid[r] === EMPTY_ROW) grid[r] = new Array<unknown>(width).fill(null);
  return { name, values: grid, originRow: minRow, originCol: minCol, hidden };
}

/** A placeholder for the rows of no value until they are filled (never returned). */
const EMPTY_ROW: unknown[] = [];

/** cellsGrid of values held by row (each row's array indexed by column, no entry where no value). */
function rowsGrid(
  name: string,
  hidden: boolean,
  byRow: Map<number, unknown[]>,
  maxCells: number,
  skip?: (row: number, col: number) => boolean,
): SheetGrid {
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  for (const [r, rowValues] of byRow) {
    let kept = false;
    if (skip) {
      rowValues.forEach((value, c) => {
        if (value === null || skip(r, c)) return;
        kept = true;
        if (c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      });
    } else {
      // forEach visits only the columns that hold a value (the arrays can have holes).
      rowValues.forEach((value, c) => {
        if (value === null) return;
        kept = true;
        if (c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      });
    }
    if (!kept) continue;
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
  }
  if (maxRow < 0) return { name, values: [], originRow: 0, originCol: 0, hidden };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > maxCells) throw tooLargeGrid(name, height, width, maxCells);
  const grid: unknown[][] = new Array<unknown[]>(height);
  for (let r = 0; r < height; r++) grid[r] = new Array<unknown>(width).fill(null);
  for (const [r, rowValues] of byRow) {
    const target = grid[r - minRow];
    if (target === undefined) continue;
    rowValues.forEach((value, c) => {
      if (value !== null && !skip?.(r, c)) target[c - minCol] = value;
    });
  }
  return { name, values: grid, originRow: minRow, originCol: minCol, hidden };
}

/** The refusal of a used rectangle over `maxCells` (both grid builders). */
function tooLargeGrid(name: string, height: number, width: number, maxCells: number): WorkbookReadError {
  return new WorkbookReadError(
    'TOO_LARGE',
    `Trang "${name}" có vùng dữ liệu ${height} dòng × ${width} cột, vượt giới hạn ${maxCells} ô. Hãy xóa các ô thừa ở xa vùng dữ liệu rồi lưu lại.`,
  );
}

/**
 * A sheet's grid from its non-blank cells (0-based rows and columns, in parallel arrays): the used
 * rectangle, null where nothing is; cells for which `skip` is true left out. Refuses (TOO_LARGE)
 * a rectangle over `maxCells`, e.g. two values a million rows apart. Shared by both readers.
 */
export function cellsGrid(
  name: string,
  hidden: boolean,
  cells: { rows: readonly number[]; cols: readonly number[]; values: readonly unknown[] },
  maxCells: number,
  skip?: (row: number, col: number) => boolean,
): SheetGrid {
  const { rows, cols, values } = cells;
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  let keptCount = 0;
  for (let i = 0; i < values.length; i++) {
    const r = rows[i] as number;
    const c = cols[i] as number;
    if (skip?.(r, c)) continue;
    keptCount++;
    if (r < minRow) minRow = r;
    if (c < minCol) minCol = c;
    if (r > maxRow) maxRow = r;
    if (c > maxCol) maxCol = c;
  }
  if (keptCount === 0) return { name, values: [], originRow: 0, originCol: 0, hidden };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > maxCells) throw tooLargeGrid(name, height, width, maxCells);
  const grid: unknown[][] = new Array<unknown[]>(height);
  for (let r = 0; r < height; r++) grid[r] = new Array<unknown>(width).fill(null);
  for (let i = 0; i < values.length; i++) {
    const r = rows[i] as number;
    const c = cols[i] as number;
    if (skip?.(r, c)) continue;
    (grid[r - minRow] as unknown[])[c - minCol] = values[i];
  }
  return { name, values: grid, originRow: minRow, originCol: minCol, hidden };
}

// ------------------------------------------------------------------------------------------ workbook

async function sharedStringsOf(parts: Parts, part: string | null): Promise<string[]> {
  const xml = part === null ? null : await parts.text(part);
  if (xml === null) return [];
  const strings: string[] = [];
  const item = new RegExp(`<${PREFIX}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PREFIX}si>)`, 'g');
  for (let match = item.exec(xml); match !== null; match = item.exec(xml)) strings.push(stringItemText(match[1] ?? ''));
  return strings;
}

async function propertiesOf(parts: Parts, rootRels: Map<string, Relationship>): Promise<XlsxProperties> {
  const core = (await parts.text(relationshipOfType(rootRels, 'core-properties') ?? 'docProps/core.xml')) ?? '';
  const app = (await parts.text(relationshipOfType(rootRels, 'extended-properties') ?? 'docProps/app.xml')) ?? '';
  const nonEmpty = (text: string | null): string | null => (text === null || text === '' ? null : text);
  return {
    creator: nonEmpty(elementText(core, 'creator')),
    company: nonEmpty(elementText(app, 'Company')),
    keywords: nonEmpty(elementText(core, 'keywords')),
    title: nonEmpty(elementText(core, 'title')),
    subject: nonEmpty(elementText(core, 'subject')),
    category: nonEmpty(elementText(core, 'category')),
  };
}

/**
 * Reads the values of every worksheet, in the workbook's order. The zip's central directory must
 * have been checked (inspectXlsxZip); each part is inflated with its limits. Throws
 * WorkbookReadError (Vietnamese) for what cannot be read.
 */
export async function readXlsxValues(bytes: Uint8Array, entries: readonly ZipEntryInfo[], options: XlsxReadOptions = {}): Promise<XlsxValues> {
  const parts = new Parts(bytes, entries, options);
  const rootRels = await relationships(parts, '.rels');
  const workbookPart = relationshipOfType(rootRels, 'officeDocument') ?? 'xl/workbook.xml';
  const workbookXml = (await parts.text(workbookPart)) ?? (await parts.text('xl/workbook.xml'));
  if (workbookXml === null || !new RegExp(`<${PREFIX}workbook[\\s/>]`).test(workbookXml)) {
    throw new WorkbookReadError(
      'DAMAGED',
      'Không đọc được nội dung sổ tính (thiếu phần workbook.xml). Hãy mở tệp trong Excel, kiểm tra và lưu lại dạng .xlsx.',
    );
  }
  const rels = await relationships(parts, workbookPart);
  const workbookPr = [...tags(workbookXml, 'workbookPr')][0];
  const date1904Flag = workbookPr === undefined ? undefined : attributes(workbookPr).get('date1904');
  const ctx: SheetContext = {
    sharedStrings: await sharedStringsOf(parts, relationshipOfType(rels, 'sharedStrings')),
    dates: await dateStyles(parts, relationshipOfType(rels, 'styles')),
    date1904: date1904Flag === '1' || date1904Flag === 'true',
    maxCells: options.maxCellsPerSheet ?? 20_000_000,
  };
  const sheets: SheetGrid[] = [];
  for (const tag of tags(workbookXml, 'sheet')) {
    const attrs = attributes(tag);
    const name = attrs.get('name');
    const rel = rels.get(attributeByLocalName(attrs, 'id') ?? '');
    if (name === undefined || !rel || !rel.type.endsWith('/worksheet')) continue;
    const part = await parts.worksheetBytes(rel.target);
    if (part === null) continue;
    const state = attrs.get('state');
    const tagLimits = part.countTags ? { partName: part.entryName, limits: options.limits ?? DEFAULT_ZIP_LIMITS } : undefined;
    sheets.push(worksheetValuesOfBytes(name, state === 'hidden' || state === 'veryHidden', part.bytes, ctx, tagLimits));
  }
  const properties = await propertiesOf(parts, rootRels);
  // The parts not read must not lie about their sizes either: a file whose declared sizes are
  // false is damaged or a zip bomb, whichever part it is in (Excel would not open it).
  await verifyInflatedSizes(
    bytes,
    entries.filter((entry) => !parts.read.has(entry)),
    options.limits ?? DEFAULT_ZIP_LIMITS,
    options.inflateRaw,
  );
  return { sheets, properties };
}
