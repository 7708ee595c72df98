/**
 * Converting a workbook's TCVN3/VNI cells to Unicode through ExcelJS (`bontot fix-encoding`; no
 * `fs`, so the standalone page could use it too).
 *
 * The input bytes are checked (inspectXlsxZip, verifyInflatedSizes), loaded whole with ExcelJS, planned with the
 * host-neutral planner (planLegacyFix), and only the planned cells change: their text, and their
 * font when it is a legacy font (".VnTime" would draw the Unicode text as garbage again). Every
 * other cell, style, validation and sheet stays as ExcelJS carries it. The result is new bytes;
 * the input is never written.
 *
 * ExcelJS does not carry every part of a workbook (charts, pivot tables, slicers, macros, external
 * links …). `lostParts` compares the part names of the input zip with those of the rewritten one,
 * by kind, so the caller can say what the new file lacks before it writes it.
 */
import ExcelJS from 'exceljs';
import type { LegacyEncodingName } from '../../core/legacyEncoding';
import { msg } from '../../core/messages';
import { VI_READ } from '../../core/messages/viRead';
import { parseA1 } from '../../workbook/a1';
import { planLegacyFix, unicodeFontFor, type LegacyFix } from '../../workbook/legacyFix';
import type { SheetGrid } from '../../workbook/types';
import { plainCellValue, worksheetGrid } from './exceljs';
import { DEFAULT_ZIP_LIMITS, inspectXlsxZip, verifyInflatedSizes, WorkbookReadError, type InflateRawSync, type ZipLimits } from './zip';

// ------------------------------------------------------------------------------------- parts

export interface PartKind {
  id: string;
  /** What a user calls it, in Vietnamese (the catalogue's `part.ID`, which has the English too). */
  label: string;
  test: RegExp;
}

/** Kinds of workbook parts a rewrite may not carry, by part name (OOXML conventions). */
export const PART_KINDS: readonly PartKind[] = [
  { id: 'charts', label: VI_READ['part.charts'], test: /^xl\/charts\/chart[^/]*\.xml$/i },
  { id: 'chartsheets', label: VI_READ['part.chartsheets'], test: /^xl\/chartsheets\/[^/]+\.xml$/i },
  { id: 'pivotTables', label: VI_READ['part.pivotTables'], test: /^xl\/pivot(Tables|Cache)\/[^/]+\.xml$/i },
  { id: 'slicers', label: VI_READ['part.slicers'], test: /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\/[^/]+\.xml$/i },
  { id: 'drawings', label: VI_READ['part.drawings'], test: /^xl\/drawings\/drawing[^/]*\.xml$/i },
  { id: 'images', label: VI_READ['part.images'], test: /^xl\/media\/[^/]+$/i },
  { id: 'vba', label: VI_READ['part.vba'], test: /^xl\/vbaProject\.bin$/i },
  { id: 'externalLinks', label: VI_READ['part.externalLinks'], test: /^xl\/externalLinks\/[^/]+\.xml$/i },
  { id: 'comments', label: VI_READ['part.comments'], test: /^xl\/comments[^/]*\.xml$/i },
  { id: 'threadedComments', label: VI_READ['part.threadedComments'], test: /^xl\/(threadedComments\/[^/]+|persons\/[^/]+)\.xml$/i },
  { id: 'tables', label: VI_READ['part.tables'], test: /^xl\/tables\/[^/]+\.xml$/i },
  { id: 'embeddings', label: VI_READ['part.embeddings'], test: /^xl\/embeddings\/[^/]+$/i },
  { id: 'controls', label: VI_READ['part.controls'], test: /^xl\/(ctrlProps|activeX)\/[^/]+$/i },
  {
    id: 'connections',
    label: VI_READ['part.connections'],
    test: /^(xl\/connections\.xml|xl\/queryTables\/[^/]+\.xml|customXml\/item\d*\.xml)$/i,
  },
];

export interface LostPart {
  id: string;
  label: string;
  /** Parts of that kind in the input. */
  input: number;
  /** Parts of that kind in the rewritten file. */
  output: number;
  /** The input's part names of that kind (for the user who wants to look). */
  parts: string[];
}

function partsOf(names: readonly string[], kind: PartKind): string[] {
  return names.map((name) => name.replace(/^\//, '')).filter((name) => kind.test.test(name));
}

/** The kinds of parts a workbook has (by its zip's part names), with their names. */
export function workbookParts(names: readonly string[]): { id: string; label: string; parts: string[] }[] {
  return PART_KINDS.map((kind) => ({ id: kind.id, label: kind.label, parts: partsOf(names, kind) })).filter((k) => k.parts.length > 0);
}

/** The kinds whose parts the rewritten file has fewer of than the input: what the rewrite lost. */
export function lostParts(inputNames: readonly string[], outputNames: readonly string[]): LostPart[] {
  const lost: LostPart[] = [];
  for (const kind of PART_KINDS) {
    const input = partsOf(inputNames, kind);
    if (input.length === 0) continue;
    const output = partsOf(outputNames, kind).length;
    if (output < input.length) lost.push({ id: kind.id, label: kind.label, input: input.length, output, parts: input });
  }
  return lost;
}

// ------------------------------------------------------------------------------------ converting

export type SkipReason = 'formula' | 'changed' | 'missing';

export interface SkippedFix {
  fix: LegacyFix;
  reason: SkipReason;
}

export interface FixResult {
  /** The cells planned (every cell detection flags on the user's sheets). */
  plan: LegacyFix[];
  /** The cells written. */
  applied: LegacyFix[];
  /** Planned cells left as they are: formulas (a grid holds their result), or not found as planned. */
  skipped: SkippedFix[];
  /** Cells whose legacy font was replaced by a Unicode one. */
  fontsChanged: number;
  /** What the rewritten file lacks compared with the input (empty when nothing was written). */
  lost: LostPart[];
  /** The input's part kinds (charts, pivot tables …), found before anything is rewritten. */
  inputParts: { id: string; label: string; parts: string[] }[];
  /** The new workbook's bytes; null when no cell needed converting. */
  output: Uint8Array | null;
  /** The grids the plan was made from. */
  sheets: SheetGrid[];
}

export interface FixOptions {
  limits?: Partial<ZipLimits>;
  /** A synchronous inflater for the zip checks (Node passes zlib's): every part is then checked. */
  inflateRaw?: InflateRawSync;
}

type RichRun = { text?: unknown; font?: Partial<ExcelJS.Font> };

function withUnicodeFont(font: Partial<ExcelJS.Font> | undefined): Partial<ExcelJS.Font> | undefined {
  const name = unicodeFontFor(font?.name);
  return name && font ? { ...font, name } : font;
}

/** Writes one planned cell; the reason it was left alone, or null when written. */
function applyFix(cell: ExcelJS.Cell, fix: LegacyFix): SkipReason | 'font' | null {
  const value = cell.value as unknown;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) return 'formula';
  if (cell.type === ExcelJS.ValueType.Merge) return 'missing';
  if (plainCellValue(value) !== fix.before) return 'changed';
  if (typeof value === 'string') {
    cell.value = fix.after;
  } else if (value !== null && typeof value === 'object' && Array.isArray((value as { richText?: unknown }).richText)) {
    // Runs of one cell cannot be converted apart (a word may span two runs): the text becomes
    // one run in the first run's font.
    const first = ((value as { richText: RichRun[] }).richText[0] ?? {}) as RichRun;
    const font = withUnicodeFont(first.font);
    cell.value = { richText: [{ ...(font ? { font } : {}), text: fix.after }] } as ExcelJS.CellRichTextValue;
  } else if (value !== null && typeof value === 'object' && 'hyperlink' in value) {
    cell.value = { ...(value as ExcelJS.CellHyperlinkValue), text: fix.after };
  } else {
    return 'changed';
  }
  const font = cell.style?.font;
  const unicode = withUnicodeFont(font);
  if (unicode !== font) {
    // A new style object for this cell alone: ExcelJS may share style objects between cells.
    cell.style = { ...cell.style, font: unicode as ExcelJS.Font };
    return 'font';
  }
  return null;
}

/** What a rewritten workbook lost: the parts of the input its written bytes no longer carry. */
export function partsLostBy(inputNames: readonly string[], output: Uint8Array): LostPart[] {
  return lostParts(
    inputNames,
    inspectXlsxZip(output, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: Infinity, maxEntryBytes: Infinity }).map((e) => e.name),
  );
}

/** A workbook loaded whole by ExcelJS to be written again, its grids and the names of its parts. */
export interface RewriteSource {
  workbook: ExcelJS.Workbook;
  sheets: SheetGrid[];
  /** The zip's part names: what a rewrite cannot carry is found from them (lostParts). */
  inputNames: string[];
}

/**
 * Loads a workbook for a rewrite (fix-encoding, fill-subordinates) after the zip checks. Throws
 * WorkbookReadError (Vietnamese message) when the bytes are not a readable `.xlsx`.
 */
export async function loadForRewrite(data: ArrayBuffer | Uint8Array, options: FixOptions = {}): Promise<RewriteSource> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const entries = inspectXlsxZip(bytes, limits);
  await verifyInflatedSizes(bytes, entries, limits, options.inflateRaw);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new WorkbookReadError('DAMAGED', msg('read.content', { detail: detail.slice(0, 200) }));
  }
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((worksheet) => {
    sheets.push(worksheetGrid(worksheet));
  });
  return { workbook, sheets, inputNames: entries.map((e) => e.name) };
}

/**
 * Plans and applies the conversion of a workbook's legacy cells. Throws WorkbookReadError (with a
 * Vietnamese message) when the bytes are not a readable `.xlsx`.
 */
export async function fixLegacyEncoding(data: ArrayBuffer | Uint8Array, options: FixOptions = {}): Promise<FixResult> {
  const { workbook, sheets, inputNames } = await loadForRewrite(data, options);
  const plan = planLegacyFix(sheets);
  const result: FixResult = {
    plan,
    applied: [],
    skipped: [],
    fontsChanged: 0,
    lost: [],
    inputParts: workbookParts(inputNames),
    output: null,
    sheets,
  };
  if (plan.length === 0) return result;

  for (const fix of plan) {
    const worksheet = workbook.getWorksheet(fix.sheet);
    const pos = parseA1(fix.cell);
    if (!worksheet || !pos) {
      result.skipped.push({ fix, reason: 'missing' });
      continue;
    }
    const outcome = applyFix(worksheet.getCell(pos.row + 1, pos.col + 1), fix);
    if (outcome === 'formula' || outcome === 'changed' || outcome === 'missing') {
      result.skipped.push({ fix, reason: outcome });
      continue;
    }
    if (outcome === 'font') result.fontsChanged += 1;
    result.applied.push(fix);
  }
  if (result.applied.length === 0) return result;
  const output = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  result.output = output;
  result.lost = partsLostBy(inputNames, output);
  return result;
}

/** Cells per encoding of a list of fixes. */
export function encodingCounts(fixes: readonly LegacyFix[]): Record<LegacyEncodingName, number> {
  const counts: Record<LegacyEncodingName, number> = { TCVN3: 0, VNI: 0 };
  for (const fix of fixes) counts[fix.encoding] += 1;
  return counts;
}
