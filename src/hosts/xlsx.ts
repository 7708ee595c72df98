/**
 * ExcelJS adapter: `.xlsx` bytes → SheetGrid[] and SheetLayout[] → `.xlsx` bytes.
 *
 * This file has no `fs` and no Node-only imports so the standalone page can bundle it (ExcelJS's
 * `browser` field picks its browser build there). The file-system wrappers live in xlsxFile.ts.
 *
 * The browser build of ExcelJS has no streaming reader: it inflates every part of the zip in
 * memory. So before handing bytes to ExcelJS we read the zip's central directory ourselves and
 * refuse what is not an `.xlsx` (an old `.xls`, a password-protected file, a truncated download,
 * another kind of zip) or what declares more uncompressed data than a workbook plausibly holds.
 * No rule logic lives here.
 */
import ExcelJS from 'exceljs';
import type { CellValue, ColumnValidation, RangeFormat, SheetGrid, SheetLayout } from '../workbook/types';
import { parseA1, parseRange } from '../workbook/a1';
import { markerKind } from '../workbook/marker';

// ------------------------------------------------------------------------------------------ errors

export type WorkbookReadErrorCode =
  | 'NOT_FOUND'
  | 'EMPTY'
  | 'XLS'
  | 'NOT_ZIP'
  | 'DAMAGED'
  | 'NOT_WORKBOOK'
  | 'ENCRYPTED'
  | 'TOO_LARGE';

/** A file that cannot be read as a workbook; the message says, in Vietnamese, what to do. */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  constructor(code: WorkbookReadErrorCode, message: string) {
    super(message);
    this.name = 'WorkbookReadError';
    this.code = code;
  }
}

// ------------------------------------------------------------------------------------ zip checking

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes of all parts. Default 400 MB. */
  maxTotalBytes: number;
  /** Largest declared uncompressed size of one part. Default 300 MB. */
  maxEntryBytes: number;
  /** Largest compression ratio of a part bigger than 1 MB. Default 500 (workbook XML is ~10–100). */
  maxRatio: number;
  /** Most parts in the zip. Default 20 000. */
  maxEntries: number;
  /**
   * Most rows (`<row>` elements, formatted blank rows included) in one worksheet part, counted while
   * it is inflated, before ExcelJS builds anything. Default 100 000. A million-row sheet would
   * otherwise take minutes and gigabytes, and a few more columns exhaust the memory of the process.
   */
  maxSheetRows?: number;
  /** Most cells (`<c>` elements) stored in one worksheet part, counted the same way. Default 2 000 000. */
  maxSheetCells?: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 400 * 1024 * 1024,
  maxEntryBytes: 300 * 1024 * 1024,
  maxRatio: 500,
  maxEntries: 20_000,
  maxSheetRows: 100_000,
  maxSheetCells: 2_000_000,
};

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  /** 0 stored, 8 deflate. */
  method: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MB = 1024 * 1024;

function formatMb(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`.replace('.', ',');
}

const DAMAGED_MESSAGE =
  'Tệp .xlsx bị hỏng hoặc chưa tải về hết (không đọc được cấu trúc nén). Hãy tải lại tệp, hoặc mở trong Excel và lưu lại dạng .xlsx.';

/**
 * Reads the zip's central directory and checks it describes a plausible `.xlsx`. Throws a
 * WorkbookReadError otherwise. Nothing is decompressed here.
 */
export function inspectXlsxZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  if (bytes.length === 0) {
    throw new WorkbookReadError('EMPTY', 'Tệp rỗng (0 byte), không có sổ tính nào để đọc. Hãy kiểm tra lại tệp đã gửi.');
  }
  if (bytes.length >= 8 && OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new WorkbookReadError(
      'XLS',
      'Tệp .xls (Excel 97-2003) hoặc tệp .xlsx đặt mật khẩu không đọc được; hãy mở trong Excel, bỏ mật khẩu nếu có, và lưu lại dạng .xlsx (Sổ làm việc Excel).',
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new WorkbookReadError(
      'NOT_ZIP',
      'Tệp không phải là sổ tính Excel (.xlsx). Hãy mở tệp trong Excel và lưu lại dạng .xlsx (Sổ làm việc Excel).',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number): number => view.getUint16(offset, true);
  const u32 = (offset: number): number => view.getUint32(offset, true);
  const u64 = (offset: number): number => u32(offset) + u32(offset + 4) * 2 ** 32;

  // End of central directory: 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50 && i + 22 + u16(i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
  let entryCount = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== 0x07064b50) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    const record = u64(locator + 8);
    if (record + 56 > bytes.length || u32(record) !== 0x06064b50) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    entryCount = u64(record + 32);
    cdSize = u64(record + 40);
    cdOffset = u64(record + 48);
  }
  if (cdOffset + cdSize > eocd || entryCount === 0) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
  if (entryCount > limits.maxEntries) {
    throw new WorkbookReadError(
      'TOO_LARGE',
      `Tệp nén chứa ${entryCount} phần, vượt giới hạn ${limits.maxEntries}; đây không giống một sổ tính bình thường nên không được mở.`,
    );
  }

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let offset = cdOffset;
  for (let n = 0; n < entryCount; n++) {
    if (offset + 46 > eocd || u32(offset) !== 0x02014b50) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    const flags = u16(offset + 8);
    let compressedSize = u32(offset + 20);
    let uncompressedSize = u32(offset + 24);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    let localOffset = u32(offset + 42);
    const nameStart = offset + 46;
    if (nameStart + nameLength + extraLength > eocd) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    const name = decoder.decode(bytes.subarray(nameStart, nameStart + nameLength));
    // ZIP64 extra field (id 1) carries the sizes and offset that did not fit in 32 bits, in order.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let extra = nameStart + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(extra);
        const size = u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressedSize === 0xffffffff) { uncompressedSize = u64(field); field += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(field); field += 8; }
          if (localOffset === 0xffffffff) { localOffset = u64(field); }
          break;
        }
        extra += 4 + size;
      }
    }
    if (localOffset + 30 > bytes.length || u32(localOffset) !== 0x04034b50) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    if (localOffset + 30 + compressedSize > bytes.length) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    const encrypted = (flags & 1) === 1;
    const method = u16(offset + 10);
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    entries.push({ name, compressedSize, uncompressedSize, encrypted, method, dataOffset });
    total += uncompressedSize;
    offset = nameStart + nameLength + extraLength + commentLength;

    const tooBig =
      uncompressedSize > limits.maxEntryBytes ||
      total > limits.maxTotalBytes ||
      (uncompressedSize > MB && uncompressedSize > Math.max(compressedSize, 1) * limits.maxRatio);
    if (tooBig) {
      throw new WorkbookReadError(
        'TOO_LARGE',
        `Tệp khai báo dữ liệu giải nén quá lớn (phần "${name}" ${formatMb(uncompressedSize)}, tổng ${formatMb(total)}; giới hạn ${formatMb(limits.maxEntryBytes)} mỗi phần, ${formatMb(limits.maxTotalBytes)} tổng, tỷ lệ nén ${limits.maxRatio}:1). Tệp có thể là "bom nén" nên không được mở; nếu đây là sổ tính thật, hãy xóa các trang không cần và lưu lại.`,
      );
    }
  }
  if (entries.some((e) => e.encrypted)) {
    throw new WorkbookReadError('ENCRYPTED', 'Tệp nén được đặt mật khẩu nên không đọc được; hãy bỏ mật khẩu và lưu lại dạng .xlsx.');
  }
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('xl/workbook.xml')) {
    const hint = names.has('word/document.xml')
      ? ' (đây là tệp Word .docx)'
      : names.has('content.xml')
        ? ' (đây là tệp OpenDocument .ods: hãy lưu lại dạng .xlsx)'
        : '';
    throw new WorkbookReadError(
      'NOT_WORKBOOK',
      `Tệp nén không phải là sổ tính Excel .xlsx${hint}. Hãy gửi đúng tệp .xlsx của tổ chức.`,
    );
  }
  return entries;
}

/**
 * A synchronous raw-deflate inflater (Node's zlib.inflateRawSync): the inflated bytes, or null as
 * soon as they would pass `maxBytes` (nothing past that is ever allocated). Throws on damaged data.
 */
export type InflateRawSync = (compressed: Uint8Array, maxBytes: number) => Uint8Array | null;

/**
 * Parts declared up to this size are inflated whole by an InflateRawSync; bigger ones go through
 * the stream, chunk by chunk, so a verification never holds more than this much inflated XML.
 */
export const SYNC_INFLATE_MAX = 32 * 1024 * 1024;

/** Deflate cannot expand more than about 1032:1, so a part this small cannot hide a bomb. */
const VERIFY_ABOVE_COMPRESSED = 64 * 1024;

function tooLargeInflated(name: string, limit: number): WorkbookReadError {
  return new WorkbookReadError(
    'TOO_LARGE',
    `Phần "${name}" của tệp giải nén ra nhiều hơn kích thước khai báo (${formatMb(limit)}). Tệp có thể là "bom nén" nên không được mở; nếu đây là sổ tính thật, hãy mở trong Excel và lưu lại dạng .xlsx.`,
  );
}

const WORKSHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;

/** "100000" → "100 000". */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * Counts `<row …>` and `<c …>` start tags (with or without a namespace prefix) in worksheet XML
 * fed chunk by chunk; a tag cut between two chunks is carried over. Text cannot hold a raw "<".
 */
class SheetTagCounter {
  rows = 0;
  cells = 0;
  private tail: Uint8Array = new Uint8Array(0);

  feed(chunk: Uint8Array): void {
    let data = chunk;
    if (this.tail.length > 0) {
      data = new Uint8Array(this.tail.length + chunk.length);
      data.set(this.tail);
      data.set(chunk, this.tail.length);
    }
    this.tail = new Uint8Array(0);
    for (let i = data.indexOf(0x3c); i >= 0; i = data.indexOf(0x3c, i + 1)) {
      // The tag name: up to a delimiter (space, tab, CR, LF, ">" or "/"), at most 16 bytes.
      let j = i + 1;
      while (j < data.length && j - i <= 16) {
        const b = data[j] as number;
        if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f) break;
        j++;
      }
      if (j >= data.length) {
        this.tail = data.slice(i);
        return;
      }
      let start = i + 1;
      for (let k = i + 1; k < j; k++) if (data[k] === 0x3a) start = k + 1; // after a prefix "x:"
      const length = j - start;
      if (length === 1 && data[start] === 0x63) this.cells++; // c
      else if (length === 3 && data[start] === 0x72 && data[start + 1] === 0x6f && data[start + 2] === 0x77) this.rows++; // row
    }
  }
}

function tooManyRows(name: string, counter: SheetTagCounter, maxRows: number, maxCells: number): WorkbookReadError {
  const what = counter.rows > maxRows ? `hơn ${formatCount(maxRows)} dòng` : `hơn ${formatCount(maxCells)} ô`;
  return new WorkbookReadError(
    'TOO_LARGE',
    `Một trang của sổ tính (phần "${name}") có ${what}, vượt giới hạn ${formatCount(maxRows)} dòng và ${formatCount(maxCells)} ô mỗi trang. Hãy xóa các dòng và ô thừa (kể cả ô trống đã định dạng) ở cuối trang rồi lưu lại.`,
  );
}

/**
 * The declared sizes can lie. For every deflated part big enough to matter, inflate it as a stream
 * (chunks are counted and dropped, never kept) and stop as soon as it yields more than it declared.
 * Worksheet parts are inflated whatever their size, and their rows and cells counted on the way:
 * a sheet past `maxSheetRows` or `maxSheetCells` is refused before ExcelJS builds it.
 * Uses `inflateRaw` when given (Node's zlib: xlsxFile.ts) for parts up to SYNC_INFLATE_MAX bytes,
 * else the platform's DecompressionStream (browsers, Node ≥ 20); skipped where there is neither.
 * The stream is the slow path: in Node it cost as much time as ExcelJS's whole load of a small
 * workbook (bench/: 2.2 s of 5.7 s for 500 files), the synchronous inflate about a twentieth of it.
 */
export async function verifyInflatedSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  inflateRaw?: InflateRawSync,
): Promise<void> {
  const Stream = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  const maxRows = limits.maxSheetRows ?? Infinity;
  const maxCells = limits.maxSheetCells ?? Infinity;
  for (const entry of entries) {
    const counter = WORKSHEET_PART.test(entry.name) && (maxRows < Infinity || maxCells < Infinity) ? new SheetTagCounter() : null;
    if (counter && entry.method === 0) {
      counter.feed(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));
      if (counter.rows > maxRows || counter.cells > maxCells) throw tooManyRows(entry.name, counter, maxRows, maxCells);
      continue;
    }
    if (entry.method !== 8 || (entry.compressedSize <= VERIFY_ABOVE_COMPRESSED && !counter)) continue;
    const limit = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
    if (inflateRaw && limit <= SYNC_INFLATE_MAX) {
      let inflated: Uint8Array | null;
      try {
        inflated = inflateRaw(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize), limit);
      } catch {
        throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
      }
      if (inflated === null || inflated.byteLength > limit) throw tooLargeInflated(entry.name, limit);
      if (counter) {
        counter.feed(inflated);
        if (counter.rows > maxRows || counter.cells > maxCells) throw tooManyRows(entry.name, counter, maxRows, maxCells);
      }
      continue;
    }
    if (!Stream) continue;
    const input = new Blob([bytes.slice(entry.dataOffset, entry.dataOffset + entry.compressedSize)]).stream();
    const reader = input.pipeThrough(new Stream('deflate-raw')).getReader();
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limit) {
          await reader.cancel();
          throw tooLargeInflated(entry.name, limit);
        }
        if (counter) {
          counter.feed(value);
          if (counter.rows > maxRows || counter.cells > maxCells) {
            await reader.cancel();
            throw tooManyRows(entry.name, counter, maxRows, maxCells);
          }
        }
      }
    } catch (error) {
      if (error instanceof WorkbookReadError) throw error;
      throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    }
  }
}

// ------------------------------------------------------------------------------------ cell values

/** Plain value of an ExcelJS cell value: rich text → text, formula → cached result, link → text, error → "#N/A". */
export function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.richText)) {
    return (record.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in record || 'sharedFormula' in record) {
    return 'result' in record ? plainCellValue(record.result) : null;
  }
  if ('hyperlink' in record || 'text' in record) {
    return plainCellValue(record.text);
  }
  if (typeof record.error === 'string') return record.error;
  return null;
}

// ------------------------------------------------------------------------------------------ reading

export interface WorkbookProperties {
  creator: string | null;
  company: string | null;
  keywords: string | null;
  title: string | null;
  subject: string | null;
  category: string | null;
}

export interface WorkbookData {
  sheets: SheetGrid[];
  properties: WorkbookProperties;
  /** What the workbook-level marker says the product wrote it as, or null (see PRODUCT_KEYWORD). */
  generatedKind: string | null;
}

export interface ReadOptions {
  limits?: Partial<ZipLimits>;
  /** A synchronous inflater for the zip checks (Node passes zlib's; see verifyInflatedSizes). */
  inflateRaw?: InflateRawSync;
  /** Largest number of cells of one sheet's used rectangle. Default 20 million. */
  maxCellsPerSheet?: number;
}

/** Workbook-level marker: `keywords` holds "bontot:<kind>" on every file the product writes. */
export const PRODUCT_KEYWORD = 'bontot';
export const PRODUCT_CREATOR = 'Bốn Tốt (bontot)';

/** The kind in a "bontot:<kind>" keyword ("template", "summary", "consolidation", …), else null. */
export function generatedKindOf(properties: Pick<WorkbookProperties, 'keywords'>): string | null {
  const keywords = properties.keywords ?? '';
  const match = /(?:^|[\s,;])bontot:([a-z-]+)/i.exec(keywords);
  return match ? (match[1] as string).toLowerCase() : null;
}

function toUint8(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Parts of a worksheet the checker never needs; skipping them keeps reads fast (a validation on a
 * whole column would otherwise expand into a million cells). */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'picture', 'drawing', 'hyperlinks', 'headerFooter', 'rowBreaks'];

/** Reads an `.xlsx` from memory: every sheet's used range as values, plus the workbook properties. */
export async function readWorkbookData(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  const bytes = toUint8(data);
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  await verifyInflatedSizes(bytes, inspectXlsxZip(bytes, limits), limits, options.inflateRaw);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's types ask for a Node Buffer; JSZip underneath takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookReadError(
      'DAMAGED',
      `Không đọc được nội dung sổ tính (${detail.slice(0, 200)}). Hãy mở tệp trong Excel, kiểm tra và lưu lại dạng .xlsx.`,
    );
  }
  const maxCells = options.maxCellsPerSheet ?? 20_000_000;
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    sheets.push(worksheetGrid(worksheet, maxCells));
  });
  const properties: WorkbookProperties = {
    creator: workbook.creator || null,
    company: workbook.company || null,
    keywords: workbook.keywords || null,
    title: workbook.title || null,
    subject: workbook.subject || null,
    category: workbook.category || null,
  };
  return { sheets, properties, generatedKind: generatedKindOf(properties) };
}

/** Reads an `.xlsx` from memory into grids (browser and Node). */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return (await readWorkbookData(data, options)).sheets;
}

/** One worksheet of a loaded ExcelJS workbook as a grid (the used range, merged cells by their top-left value). */
export function worksheetGrid(worksheet: ExcelJS.Worksheet, maxCells: number = 20_000_000): SheetGrid {
  const cells: { row: number; col: number; value: unknown }[] = [];
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged cells: only the top-left cell holds the value (as Office.js reports it).
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainCellValue(cell.value);
      if (value === null || value === '') return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ row: r, col: c, value });
      if (r < minRow) minRow = r;
      if (c < minCol) minCol = c;
      if (r > maxRow) maxRow = r;
      if (c > maxCol) maxCol = c;
    });
  });
  const hidden = worksheet.state === 'hidden' || worksheet.state === 'veryHidden';
  if (cells.length === 0) return { name: worksheet.name, values: [], originRow: 0, originCol: 0, hidden };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  if (height * width > maxCells) {
    throw new WorkbookReadError(
      'TOO_LARGE',
      `Trang "${worksheet.name}" có vùng dữ liệu ${height} dòng × ${width} cột, vượt giới hạn ${maxCells} ô. Hãy xóa các ô thừa ở xa vùng dữ liệu rồi lưu lại.`,
    );
  }
  const values: unknown[][] = Array.from({ length: height }, () => new Array<unknown>(width).fill(null));
  for (const cell of cells) (values[cell.row - minRow] as unknown[])[cell.col - minCol] = cell.value;
  return { name: worksheet.name, values, originRow: minRow, originCol: minCol, hidden };
}

// ------------------------------------------------------------------------------------------ writing

export interface WriteOptions {
  /** The marker kind written to the workbook's keywords as "bontot:<kind>"; default: the layouts'
   * first `marker`, else "generated". null writes no marker (a file as a person would make it). */
  kind?: string | null;
  title?: string;
  /** Creation time in the document properties; default now (the samples pass a fixed date). */
  timestamp?: Date;
}

const DEFAULT_FONT = 'Times New Roman';

function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

/** A text value must never turn into a formula: ExcelJS writes a string as a string, always. */
function writeValue(cell: ExcelJS.Cell, value: CellValue): void {
  if (value === null) {
    cell.value = null;
  } else if (typeof value === 'number') {
    cell.value = Number.isFinite(value) ? value : null;
  } else if (typeof value === 'string') {
    // Excel refuses cells over 32 767 characters.
    cell.value = value.length > 32_767 ? value.slice(0, 32_767) : value;
  } else {
    cell.value = value;
  }
}

function applyFormat(cell: ExcelJS.Cell, format: RangeFormat, fontName: string | undefined): void {
  const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
  if (fontName && !font.name) font.name = fontName;
  if (format.bold !== undefined) font.bold = format.bold;
  if (format.italic !== undefined) font.italic = format.italic;
  if (format.underline !== undefined) font.underline = format.underline;
  if (format.fontSize !== undefined) font.size = format.fontSize;
  if (format.fontColor !== undefined) font.color = { argb: argb(format.fontColor) };
  cell.font = font;
  if (format.fill !== undefined) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.fill) } };
  }
  if (format.align !== undefined || format.verticalAlign !== undefined || format.wrap !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (format.align !== undefined) alignment.horizontal = format.align;
    if (format.verticalAlign !== undefined) alignment.vertical = format.verticalAlign;
    if (format.wrap !== undefined) alignment.wrapText = format.wrap;
    cell.alignment = alignment;
  }
  if (format.numberFormat !== undefined) cell.numFmt = format.numberFormat;
  if (format.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "A1:A5" → "$A$1:$A$5" (a list source must be absolute or Excel shifts it per cell). */
function absoluteRange(range: string): string {
  return range
    .split(':')
    .map((part) => {
      const pos = parseA1(part);
      if (!pos) return part;
      const match = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(part.trim());
      return match ? `$${(match[1] as string).toUpperCase()}$${match[2]}` : part;
    })
    .join(':');
}

function toValidation(validation: ColumnValidation): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Giá trị không hợp lệ' };
  switch (validation.type) {
    case 'list': {
      const inline = validation.items.join(',');
      if (validation.items.some((item) => item.includes(',') || item.includes('"')) || inline.length > 250) {
        throw new Error(`Danh sách chọn có mục chứa dấu phẩy hoặc quá dài phải trỏ tới một vùng (listRange): ${inline.slice(0, 80)}`);
      }
      return { ...common, type: 'list', formulae: [`"${inline}"`], error: `Hãy chọn một giá trị trong danh sách: ${validation.items.join(', ')}.` };
    }
    case 'listRange':
      return {
        ...common,
        type: 'list',
        formulae: [`${quoteSheet(validation.sheet)}!${absoluteRange(validation.range)}`],
        error: `Hãy chọn một giá trị trong danh sách: ${validation.items.join('; ')}.`,
      };
    case 'wholeNumber':
    case 'decimal': {
      const type = validation.type === 'wholeNumber' ? 'whole' : 'decimal';
      const what = validation.type === 'wholeNumber' ? 'số nguyên' : 'số';
      if (validation.max !== undefined) {
        return { ...common, type, operator: 'between', formulae: [validation.min, validation.max], error: `Hãy nhập ${what} từ ${validation.min} đến ${validation.max}.` };
      }
      return { ...common, type, operator: 'greaterThanOrEqual', formulae: [validation.min], error: `Hãy nhập ${what} từ ${validation.min} trở lên.` };
    }
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        error: 'Hãy nhập ngày dạng dd/mm/yyyy.',
      };
  }
}

interface DataValidationsLike {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function addLayoutSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): void {
  const worksheet = workbook.addWorksheet(layout.name, {
    state: layout.hidden ? 'hidden' : 'visible',
    views: layout.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: layout.frozenRows }] : [{}],
  });
  const fontName = layout.fontName ?? DEFAULT_FONT;
  layout.columns.forEach((column, index) => {
    const target = worksheet.getColumn(index + 1);
    target.width = column.width;
    if (column.hidden) target.hidden = true;
    if (column.numberFormat) target.numFmt = column.numberFormat;
    target.font = { name: fontName };
  });
  layout.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = worksheet.getCell(r + 1, c + 1);
      writeValue(cell, value);
      cell.font = { ...(cell.font ?? {}), name: fontName };
    });
  });
  for (const [address, formula] of Object.entries(layout.formulas ?? {})) {
    const pos = parseA1(address);
    if (!pos) continue;
    const cell = worksheet.getCell(pos.row + 1, pos.col + 1);
    const placeholder = layout.values[pos.row]?.[pos.col] ?? null;
    const text = formula.replace(/^=/, '');
    cell.value = placeholder === null ? { formula: text, date1904: false } : { formula: text, result: placeholder, date1904: false };
  }
  for (const format of layout.formats) {
    const range = parseRange(format.range);
    if (!range) continue;
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        applyFormat(worksheet.getCell(r + 1, c + 1), format, fontName);
      }
    }
  }
  for (const merge of layout.merges) worksheet.mergeCells(merge);
  const validations = (worksheet as unknown as { dataValidations: DataValidationsLike }).dataValidations;
  for (const { range, validation } of layout.validations) validations.add(range, toValidation(validation));
  if (layout.print) {
    worksheet.pageSetup = {
      ...worksheet.pageSetup,
      paperSize: 9, // A4
      orientation: layout.print.orientation,
      fitToPage: layout.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      ...(layout.print.area ? { printArea: layout.print.area } : {}),
    };
  }
}

/** Builds a workbook from layouts (in order) and returns its `.xlsx` bytes (browser and Node). */
export async function writeWorkbookBuffer(layouts: readonly SheetLayout[], options: WriteOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const layoutMarker = layouts.find((l) => l.marker)?.marker;
  const kind = options.kind === undefined ? ((layoutMarker ? markerKind(layoutMarker) : null) ?? 'generated') : options.kind;
  if (kind !== null) {
    workbook.creator = PRODUCT_CREATOR;
    workbook.lastModifiedBy = PRODUCT_CREATOR;
    workbook.company = PRODUCT_KEYWORD;
    workbook.keywords = `${PRODUCT_KEYWORD}:${kind}`;
  }
  if (options.title) workbook.title = options.title;
  const timestamp = options.timestamp ?? new Date();
  workbook.created = timestamp;
  workbook.modified = timestamp;
  for (const layout of layouts) addLayoutSheet(workbook, layout);
  const firstVisible = layouts.findIndex((l) => !l.hidden);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, firstVisible), visibility: 'visible' }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
