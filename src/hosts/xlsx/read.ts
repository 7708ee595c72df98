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
 * 25: the regular expressions over the decoded XML were most of a large check's time), and so are
 * the shared strings, item by item; the smaller parts (workbook, relationships, styles,
 * properties) are decoded once and read with regular expressions.
 *
 * The reader's files: read.ts (this: the package, its relationships, styles, properties, and the
 * workbook's sheets in order), sharedStrings.ts, sheetBytes.ts (the worksheet scan over bytes),
 * sheetText.ts (the same over decoded text, the reference the scan is tested against), cells.ts
 * (one cell's value, shared by both), grid.ts (a sheet's grid from its values), xml.ts (entities,
 * attributes, tags); zip.ts under them all.
 */
import type { SheetGrid } from '../../workbook/types';
import type { SheetContext } from './cells';
import { worksheetValuesOfBytes } from './sheetBytes';
import { sharedStringsOfBytes } from './sharedStrings';
import { attributeByLocalName, attributes, elementText, PREFIX, tags } from './xml';
import {
  DEFAULT_ZIP_LIMITS,
  inflatedWhole,
  inflatePart,
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

// ------------------------------------------------------------------------------------------ workbook

async function sharedStringsOf(parts: Parts, part: string | null): Promise<string[]> {
  const bytes = part === null ? null : await parts.bytesOf(part);
  return bytes === null ? [] : sharedStringsOfBytes(bytes);
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
