/**
 * "Was this file made by us?" — every rule in one place.
 *
 * Two marks say it. On a sheet: a text cell in a hidden column of the generated sheet
 * (`Tổng hợp`, consolidations), "BONTOT-GENERATED:" + kind; readers skip marked sheets as input.
 * On a file: the workbook's `keywords` property holds "bontot:<kind>" on every file the product
 * writes (hosts write it with productKeywords and read it back with keywordKindOf).
 * generatedFileKind combines both: the CLI's `check` skips summary-only files, `consolidate` and
 * the page read consolidations back (see checkFile.ts).
 */
import { columnLetters } from './a1';
import { sheetKeyOf } from './layout/template';
import type { CellValue, SheetGrid, SheetLayout } from './types';

export const MARKER_PREFIX = 'BONTOT-GENERATED:';

/** The kinds of generated sheets. New kinds may be added; unknown kinds still count as generated. */
export type MarkerKind = 'tong-hop' | 'consolidation';

export function markerFor(kind: MarkerKind): string {
  return `${MARKER_PREFIX}${kind}`;
}

/** The kind part of a marker ("tong-hop"), or null when the text is not a marker. */
export function markerKind(marker: string): string | null {
  return marker.startsWith(MARKER_PREFIX) ? marker.slice(MARKER_PREFIX.length) : null;
}

/** How many rows from the top of a grid are searched for the marker. */
export const MARKER_SEARCH_ROWS = 10;

/** The marker in a grid's first rows (any column), or null when the sheet was not generated. */
export function findMarker(grid: SheetGrid): string | null {
  const rows = grid.values.slice(0, MARKER_SEARCH_ROWS);
  for (const row of rows) {
    for (const value of row) {
      if (typeof value === 'string') {
        const text = value.trim();
        if (text.startsWith(MARKER_PREFIX)) return text;
      }
    }
  }
  return null;
}

/**
 * Puts the marker into a layout: a new hidden column after the widest row, holding the marker in
 * row 1. Sets `layout.marker`. Returns the same layout for chaining.
 */
export function placeMarker(layout: SheetLayout, marker: string): SheetLayout {
  const width = Math.max(layout.columns.length, ...layout.values.map((row) => row.length), 0);
  if (layout.values.length === 0) layout.values.push([]);
  const first = layout.values[0] as CellValue[];
  while (first.length < width) first.push(null);
  first[width] = marker;
  while (layout.columns.length < width) layout.columns.push({ width: 10 });
  layout.columns[width] = { width: 2, hidden: true, numberFormat: '@' };
  layout.formats.push({ range: `${columnLetters(width)}1`, numberFormat: '@', fontColor: '#FFFFFF' });
  layout.marker = marker;
  return layout;
}

// ------------------------------------------------------------------------------ the file's keyword

/** Workbook-level marker: `keywords` holds "bontot:<kind>" on every file the product writes. */
export const PRODUCT_KEYWORD = 'bontot';

/** The `keywords` property of a file the product writes as `kind` ("bontot:tong-hop"). */
export function productKeywords(kind: string): string {
  return `${PRODUCT_KEYWORD}:${kind}`;
}

/** The kind in a "bontot:<kind>" keyword ("template", "summary", "consolidation", …), else null. */
export function keywordKindOf(properties: { keywords?: string | null }): string | null {
  const keywords = properties.keywords ?? '';
  const match = /(?:^|[\s,;])bontot:([a-z-]+)/i.exec(keywords);
  return match ? (match[1] as string).toLowerCase() : null;
}

// ------------------------------------------------------------------------------ the whole file

/** Kinds of files the product wrote that are not an organisation's input. */
export type GeneratedFileKind = 'tong-hop' | 'consolidation' | 'other';

/** Sheets that make a workbook an organisation's input (Thông tin, Đảng viên, Sinh hoạt, …). */
const INPUT_SHEETS = new Set(['info', 'members', 'meetings', 'attendance', 'criteria', 'subordinates']);

/**
 * What the product wrote this file as, when it is not an organisation's workbook: a file with a
 * marked sheet (or the workbook-level keyword "bontot:tong-hop" / "bontot:consolidation", given as
 * `generatedKind`, what the reader found in the keywords) and no input sheet of the template
 * (Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí, Chi bộ trực thuộc). A sheet of notes
 * someone added to a consolidation does not make it an input; a template, even filled in, is an
 * input and gives null. Used by checkFile (the CLI and the page alike).
 */
export function generatedFileKind(data: { sheets: readonly SheetGrid[]; generatedKind: string | null }): GeneratedFileKind | null {
  let marker: string | null = null;
  for (const sheet of data.sheets) {
    const key = sheetKeyOf(sheet.name);
    const found = findMarker(sheet);
    if (found === null && key !== null && INPUT_SHEETS.has(key) && sheet.values.length > 0) return null;
    if (found !== null && (marker === null || markerKind(found) === 'consolidation')) marker = found;
  }
  const kind = marker !== null ? markerKind(marker) : null;
  const byKeyword = data.generatedKind;
  const chosen = kind ?? (byKeyword === 'tong-hop' || byKeyword === 'consolidation' ? byKeyword : null);
  if (chosen === null) return null;
  return chosen === 'tong-hop' || chosen === 'consolidation' ? chosen : 'other';
}

/** True when a grid is a consolidation list this product wrote. */
export function isConsolidationGrid(grid: SheetGrid): boolean {
  const marker = findMarker(grid);
  return marker !== null && markerKind(marker) === 'consolidation';
}
