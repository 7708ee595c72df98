/**
 * How the page reads a workbook to check it (standalone page and the Excel pane's board): the
 * values reader (src/hosts/xlsx/values.ts, inflating with the browser's
 * DecompressionStream('deflate-raw')), bundled in the board's chunk so that a check never loads
 * ExcelJS. A browser whose DecompressionStream lacks 'deflate-raw' (or that has none) reads with
 * ExcelJS instead, from the lazy "xlsx" chunk (src/hosts/xlsx/exceljs.ts), which otherwise loads only to
 * write a download. Both give the same grids (test/hosts/xlsxRead.test.ts).
 */
import type { WorkbookData } from '../src/hosts/xlsx/values';
import { canReadValues, readWorkbookValues } from '../src/hosts/xlsx/values';
import { errorText } from './dom';
import { t } from './i18n';

export interface WorkbookReader {
  readWorkbookData(data: ArrayBuffer | Uint8Array): Promise<WorkbookData>;
}

/**
 * The page's reader: the values reader where the browser can inflate, else the reader of the
 * ExcelJS chunk `loadFallback` loads (asked for only then). A chunk that fails to load is reported
 * like a read error, with the page's "library failed" message.
 */
export function pageReader(loadFallback: () => Promise<WorkbookReader>): WorkbookReader {
  return {
    async readWorkbookData(data) {
      if (canReadValues()) return readWorkbookValues(data);
      let fallback: WorkbookReader;
      try {
        fallback = await loadFallback();
      } catch (error) {
        const failure = new Error(t('standalone.libFailed', { message: errorText(error) }));
        failure.name = 'WorkbookReadError'; // shown as is, like a read error
        throw failure;
      }
      return fallback.readWorkbookData(data);
    },
  };
}
