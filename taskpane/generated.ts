/**
 * Files the product wrote (a `Tổng hợp` report, a consolidation) are not an organisation's
 * workbook: the page notes and skips them, as `bontot check` does. Same decision as
 * src/cli/common.ts `generatedKind` (which cannot be bundled: its module uses fs): the workbook
 * keyword "bontot:<kind>", or marked sheets with no unmarked input sheet beside them. A template,
 * even filled in, is an input.
 */
import type { WorkbookData } from '../src/hosts/xlsx';
import { findMarker, markerKind } from '../src/workbook/marker';

export type GeneratedKind = 'tong-hop' | 'consolidation' | 'other';

export function generatedKind(data: Pick<WorkbookData, 'sheets' | 'generatedKind'>): GeneratedKind | null {
  let marker: string | null = null;
  let unmarkedInput = false;
  for (const sheet of data.sheets) {
    const found = findMarker(sheet);
    if (found !== null) {
      if (marker === null || markerKind(found) === 'consolidation') marker = found;
    } else if (!sheet.hidden && sheet.values.length > 0) {
      unmarkedInput = true;
    }
  }
  const kind = marker !== null && !unmarkedInput ? markerKind(marker) : null;
  const byKeyword = data.generatedKind;
  const chosen = kind ?? (byKeyword === 'tong-hop' || byKeyword === 'consolidation' ? byKeyword : null);
  if (chosen === null) return null;
  return chosen === 'tong-hop' || chosen === 'consolidation' ? chosen : 'other';
}
