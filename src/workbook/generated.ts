/**
 * The marker of sheets and files the product generated (`Tổng hợp`, consolidations). It is a text
 * cell in a hidden column of the generated sheet: "BONTOT-GENERATED:" + kind. Readers skip marked
 * sheets as input, the CLI skips summary-only files, and `consolidate` recognises its own output.
 */
import { columnLetters } from './a1';
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
