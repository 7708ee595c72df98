/**
 * The zip layer of `.xlsx` reading, shared by the values reader (xlsxRead.ts) and the ExcelJS
 * adapter (xlsx.ts): the central directory checked before anything is inflated (an old `.xls`, a
 * password-protected file, a truncated download, another kind of zip, declared sizes past the
 * limits are refused with a Vietnamese message), and parts inflated with their declared size as a
 * hard limit, worksheet rows and cells counted on the way. Browser-safe: no Node-only imports.
 */

import { msg, ref, type Message, type MessageRef } from '../../core/messages';
// The messages of files that cannot be read: registered before DAMAGED_MESSAGE below is rendered.
import '../../core/messages/viRead';

// ------------------------------------------------------------------------------------------ errors

export type WorkbookReadErrorCode = 'NOT_FOUND' | 'EMPTY' | 'XLS' | 'NOT_ZIP' | 'DAMAGED' | 'NOT_WORKBOOK' | 'ENCRYPTED' | 'TOO_LARGE';

/**
 * A file that cannot be read as a workbook; the message says, in Vietnamese, what to do, and `text`
 * is its catalogue reference (messageIn(error, 'en') says it in English).
 */
export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  readonly text?: MessageRef;
  constructor(code: WorkbookReadErrorCode, message: string | Message) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'WorkbookReadError';
    this.code = code;
    if (typeof message !== 'string') this.text = message.text;
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

/** A size in MB to one decimal, written in the reader's language ("4,5 MB" / "4.5 MB"). */
function formatMb(bytes: number): MessageRef {
  return ref('size.mb', { mb: Math.round((bytes / MB) * 10) / 10 });
}

const DAMAGED_MESSAGE = msg('read.damaged');

/**
 * Reads the zip's central directory and checks it describes a plausible `.xlsx`. Throws a
 * WorkbookReadError otherwise. Nothing is decompressed here.
 */
export function inspectXlsxZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  if (bytes.length === 0) {
    throw new WorkbookReadError('EMPTY', msg('read.empty'));
  }
  if (bytes.length >= 8 && OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new WorkbookReadError('XLS', msg('read.xls'));
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new WorkbookReadError('NOT_ZIP', msg('read.notZip'));
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
    throw new WorkbookReadError('TOO_LARGE', msg('read.tooManyParts', { count: String(entryCount), limit: String(limits.maxEntries) }));
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
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(field);
            field += 8;
          }
          if (localOffset === 0xffffffff) {
            localOffset = u64(field);
          }
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
        msg('read.tooLargeDeclared', {
          name,
          size: formatMb(uncompressedSize),
          total: formatMb(total),
          entryLimit: formatMb(limits.maxEntryBytes),
          totalLimit: formatMb(limits.maxTotalBytes),
          ratio: String(limits.maxRatio),
        }),
      );
    }
  }
  if (entries.some((e) => e.encrypted)) {
    throw new WorkbookReadError('ENCRYPTED', msg('read.encrypted'));
  }
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('xl/workbook.xml')) {
    const hint = names.has('word/document.xml') ? ref('read.hintDocx') : names.has('content.xml') ? ref('read.hintOds') : '';
    throw new WorkbookReadError('NOT_WORKBOOK', msg('read.notWorkbook', { hint }));
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
  return new WorkbookReadError('TOO_LARGE', msg('read.tooLargeInflated', { name, size: formatMb(limit) }));
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
    // A plain loop, not indexOf: a call per tag (Node's Buffer.indexOf most of all) costs more
    // than the few bytes between two tags.
    const length = data.length;
    for (let i = 0; i < length; i++) {
      if (data[i] !== 0x3c) continue;
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
      if (length === 1 && data[start] === 0x63)
        this.cells++; // c
      else if (length === 3 && data[start] === 0x72 && data[start + 1] === 0x6f && data[start + 2] === 0x77) this.rows++; // row
    }
  }
}

/** The `<row>` and `<c>` start tags of worksheet XML, counted as inflatePart counts them. */
export function countSheetTags(bytes: Uint8Array): { rows: number; cells: number } {
  const counter = new SheetTagCounter();
  counter.feed(bytes);
  return { rows: counter.rows, cells: counter.cells };
}

function tooManyRows(name: string, counter: { rows: number; cells: number }, maxRows: number, maxCells: number): WorkbookReadError {
  const what =
    counter.rows > maxRows ? ref('read.moreRows', { count: formatCount(maxRows) }) : ref('read.moreCells', { count: formatCount(maxCells) });
  return new WorkbookReadError('TOO_LARGE', msg('read.tooManyRows', { name, what, maxRows: formatCount(maxRows), maxCells: formatCount(maxCells) }));
}

/**
 * Whether inflatePart holds this part whole before it counts a worksheet's rows and cells (a
 * stored part, or one a synchronous inflater takes at once): a reader that scans every tag of the
 * part anyway may then count them itself (inflatePart with `worksheet` false, then
 * sheetTagLimitError) instead of a second pass over the bytes. Through a stream the count stays
 * in inflatePart, which stops a part as soon as it passes the limits.
 */
export function inflatedWhole(entry: ZipEntryInfo, limits: ZipLimits, inflateRaw: InflateRawSync | undefined): boolean {
  return (
    entry.method === 0 ||
    (entry.method === 8 && inflateRaw !== undefined && Math.min(entry.uncompressedSize, limits.maxEntryBytes) <= SYNC_INFLATE_MAX)
  );
}

/**
 * The refusal of a worksheet part whose `<row>` and `<c>` start tags (counted as SheetTagCounter
 * counts them) pass maxSheetRows / maxSheetCells, or null when they do not.
 */
export function sheetTagLimitError(name: string, rows: number, cells: number, limits: ZipLimits): WorkbookReadError | null {
  const maxRows = limits.maxSheetRows ?? Infinity;
  const maxCells = limits.maxSheetCells ?? Infinity;
  return rows > maxRows || cells > maxCells ? tooManyRows(name, { rows, cells }, maxRows, maxCells) : null;
}

type DecompressionStreamClass = new (format: string) => TransformStream<Uint8Array, Uint8Array>;
/** The last constructor probed for 'deflate-raw', and whether it took it. */
let probed: { Stream: DecompressionStreamClass; rawDeflate: boolean } | null = null;

/**
 * The platform's DecompressionStream (browsers, Node ≥ 18) when it takes 'deflate-raw', or
 * undefined. Some browsers have the stream without that format (Safari before 16.4: its
 * constructor throws a TypeError for it), so the format is tried once per constructor.
 */
function decompressionStream(): DecompressionStreamClass | undefined {
  const Stream = (globalThis as { DecompressionStream?: DecompressionStreamClass }).DecompressionStream;
  if (typeof Stream !== 'function') return undefined;
  if (probed?.Stream !== Stream) {
    let rawDeflate: boolean;
    try {
      new Stream('deflate-raw');
      rawDeflate = true;
    } catch {
      rawDeflate = false;
    }
    probed = { Stream, rawDeflate };
  }
  return probed.rawDeflate ? Stream : undefined;
}

/** Whether parts can be inflated here: a synchronous inflater is given, or the platform's stream takes 'deflate-raw'. */
export function canInflate(inflateRaw?: InflateRawSync): boolean {
  return inflateRaw !== undefined || decompressionStream() !== undefined;
}

function isWorksheetPart(name: string): boolean {
  return WORKSHEET_PART.test(name);
}

/**
 * Inflates one part with its declared size (at most maxEntryBytes) as a hard limit: a part that
 * yields more is refused as a lying zip, damaged data as DAMAGED. A worksheet part's rows and
 * cells are counted on the way and the part refused past maxSheetRows / maxSheetCells. With
 * `keep` the bytes are returned, else dropped chunk by chunk (a check only: null is returned).
 * Uses `inflateRaw` for parts up to SYNC_INFLATE_MAX bytes, else the platform's stream; returns
 * null without inflating when there is neither.
 */
async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  limits: ZipLimits,
  inflateRaw: InflateRawSync | undefined,
  keep: boolean,
  worksheet: boolean,
): Promise<Uint8Array | null> {
  const maxRows = limits.maxSheetRows ?? Infinity;
  const maxCells = limits.maxSheetCells ?? Infinity;
  const counter = worksheet && (maxRows < Infinity || maxCells < Infinity) ? new SheetTagCounter() : null;
  const overLimits = (): boolean => counter !== null && (counter.rows > maxRows || counter.cells > maxCells);
  const compressed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    counter?.feed(compressed);
    if (counter && overLimits()) throw tooManyRows(entry.name, counter, maxRows, maxCells);
    return compressed;
  }
  if (entry.method !== 8) throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
  const limit = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
  if (inflateRaw && limit <= SYNC_INFLATE_MAX) {
    let inflated: Uint8Array | null;
    try {
      inflated = inflateRaw(compressed, limit);
    } catch {
      throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
    }
    if (inflated === null || inflated.byteLength > limit) throw tooLargeInflated(entry.name, limit);
    counter?.feed(inflated);
    if (counter && overLimits()) throw tooManyRows(entry.name, counter, maxRows, maxCells);
    return inflated;
  }
  const Stream = decompressionStream();
  if (!Stream) return null;
  const reader = new Blob([compressed.slice()]).stream().pipeThrough(new Stream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
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
      counter?.feed(value);
      if (counter && overLimits()) {
        await reader.cancel();
        throw tooManyRows(entry.name, counter, maxRows, maxCells);
      }
      if (keep) chunks.push(value);
    }
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('DAMAGED', DAMAGED_MESSAGE);
  }
  if (!keep) return null;
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/**
 * The inflated bytes of one part, checked as inflateEntry says (rows and cells counted when it is
 * read as a worksheet, by default when it is named like one). Throws a WorkbookReadError when the
 * part cannot be inflated here (no inflater and no DecompressionStream).
 */
export async function inflatePart(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  inflateRaw?: InflateRawSync,
  worksheet: boolean = isWorksheetPart(entry.name),
): Promise<Uint8Array> {
  const inflated = await inflateEntry(bytes, entry, limits, inflateRaw, true, worksheet);
  if (inflated === null) {
    throw new WorkbookReadError('DAMAGED', msg('read.noInflate'));
  }
  return inflated;
}

/**
 * The declared sizes can lie. Before a library inflates a whole zip (ExcelJS, for fix-encoding
 * and as the fallback reader), every deflated part big enough to matter is inflated here first,
 * chunks counted and dropped, stopped as soon as it yields more than it declared; worksheet parts
 * are inflated whatever their size, their rows and cells counted (see inflateEntry). Skipped where
 * there is neither `inflateRaw` nor a DecompressionStream.
 */
export async function verifyInflatedSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  inflateRaw?: InflateRawSync,
): Promise<void> {
  for (const entry of entries) {
    const small = entry.method === 8 && entry.compressedSize <= VERIFY_ABOVE_COMPRESSED;
    if (entry.method !== 0 && entry.method !== 8) continue;
    // Through a stream, parts too small to hide a bomb are left to the library's own size check;
    // a synchronous inflater checks them all (cheaply), so no library message reaches the user.
    if (small && !isWorksheetPart(entry.name) && !inflateRaw) continue;
    await inflateEntry(bytes, entry, limits, inflateRaw, false, isWorksheetPart(entry.name));
  }
}
