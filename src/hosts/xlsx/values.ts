/**
 * The `.xlsx` read path without ExcelJS: bytes → every sheet's values plus the workbook properties
 * and the product's marker, through the zip checks of zip.ts and the values reader of read.ts.
 * The standalone page bundles this alone (the board's chunk) so that checking a file never loads
 * the ExcelJS chunk; src/hosts/xlsx/exceljs.ts re-exports it and adds ExcelJS's reader for where nothing
 * can inflate, and the writer. Browser-safe: no Node-only imports, no ExcelJS.
 */
import { readXlsxValues, type XlsxProperties } from './read';
import { ownCopy } from './sharedStrings';
import { canInflate, DEFAULT_ZIP_LIMITS, inspectXlsxZip, type InflateRawSync, type ZipLimits } from './zip';
import { keywordKindOf } from '../../workbook/generated';
import type { SheetGrid } from '../../workbook/types';

/** Workbook properties the product reads (the values reader's: docProps/core.xml and app.xml). */
export type WorkbookProperties = XlsxProperties;

export interface WorkbookData {
  sheets: SheetGrid[];
  properties: WorkbookProperties;
  /** What the workbook-level marker says the product wrote it as, or null (keywordKindOf in src/workbook/generated.ts). */
  generatedKind: string | null;
}

export interface ReadOptions {
  limits?: Partial<ZipLimits>;
  /** A synchronous inflater for the zip checks (Node passes zlib's; see verifyInflatedSizes). */
  inflateRaw?: InflateRawSync;
  /** Largest number of cells of one sheet's used rectangle. Default 20 million. */
  maxCellsPerSheet?: number;
}

export function toUint8(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Whether the values reader can read here: a synchronous inflater is given (Node's zlib), or the
 * platform's DecompressionStream takes 'deflate-raw' (older Safari has the stream without that
 * format). Where it cannot, callers read with ExcelJS instead (exceljs.ts).
 */
export function canReadValues(inflateRaw?: InflateRawSync): boolean {
  return canInflate(inflateRaw);
}

/**
 * Reads an `.xlsx` from memory with the values reader: the central directory is checked first
 * (inspectXlsxZip), then only the parts a check needs are inflated, each with its limits. Throws
 * WorkbookReadError (Vietnamese) for what cannot be read, including a platform that cannot inflate
 * (see canReadValues).
 */
export async function readWorkbookValues(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  const bytes = toUint8(data);
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const entries = inspectXlsxZip(bytes, limits);
  const read = await readXlsxValues(bytes, entries, {
    limits,
    ...(options.inflateRaw ? { inflateRaw: options.inflateRaw } : {}),
    ...(options.maxCellsPerSheet !== undefined ? { maxCellsPerSheet: options.maxCellsPerSheet } : {}),
  });
  return { sheets: detachTexts(read.sheets), properties: read.properties, generatedKind: keywordKindOf(read.properties) };
}

/**
 * Gives every sheet name its own copy, so that the workbook's decoded XML is freed with the bytes.
 * A text cut out of a long string by a regex is, in V8, a slice that keeps the whole string alive
 * (from 13 characters up; shorter ones are copies): one such text kept anywhere after the check (a
 * row's name, a memo of parsed labels) kept a whole workbook's text, and `consolidate` of 500 files
 * held ~30 KB per file (issue #24, bench consolidate_rss_ratio). The cells' texts need no pass of
 * their own: the shared strings are decoded item by item or copied (sharedStrings.ts), and the
 * other texts of a cell are decoded from that cell's own bytes (sheetBytes.ts).
 */
function detachTexts(sheets: SheetGrid[]): SheetGrid[] {
  for (const sheet of sheets) sheet.name = ownCopy(sheet.name);
  return sheets;
}
