/**
 * Round trips to Excel, counted on the in-memory Office.js fake (test/fakes/office/), which
 * applies queued work only at context.sync() as Excel does. One check reads every sheet the check
 * needs (the hidden `Cấu hình` included) with src/hosts/excel/ readSheets; writing the summary is
 * writeSheet of summaryLayout(checkWorkbook(…)). The counts must not grow with the workbook.
 */
import { readSheets, writeSheet } from '../src/hosts/excel';
import { checkWorkbook } from '../src/workbook/check';
import { summaryLayout } from '../src/workbook/layout/summary';
import type { SheetLayout } from '../src/workbook/types';
import { createFakeExcel } from '../test/fakes/office';
import { BENCH_AS_OF } from './data';

export interface SyncCounts {
  check: number;
  summary: number;
  /** Facts that show the round trips carried the whole workbook. */
  cellsRead: number;
  sheetsRead: number;
  summaryRows: number;
  eligible: boolean;
}

export async function countSyncs(layouts: readonly SheetLayout[]): Promise<SyncCounts> {
  const fake = createFakeExcel({
    sheets: layouts.map((layout) => ({ name: layout.name, values: layout.values, visibility: layout.hidden ? 'Hidden' : 'Visible' })),
  });
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    fake.run((context) => batch(context as unknown as Excel.RequestContext));

  const read = await fake.countSyncs(() => run((context) => readSheets(context)));
  const cellsRead = fake.syncLog.reduce((sum, s) => sum + s.cellsRead, 0);
  const grids = read.result;
  const missing = layouts.filter((layout) => !grids.some((g) => g.name === layout.name && g.values.length === layout.values.length));
  if (missing.length > 0) throw new Error(`readSheets missed ${missing.map((l) => l.name).join(', ')}`);
  const result = checkWorkbook(grids, { asOf: BENCH_AS_OF });
  if (result.policySource !== 'workbook') throw new Error(`the check did not use the workbook's Cấu hình (${result.policySource})`);
  const layout = summaryLayout(result);
  const write = await fake.countSyncs(() => run((context) => writeSheet(context, layout, { replaceOnlyIfMarker: true })));
  if (!fake.hasSheet(write.result.sheetName)) throw new Error('the summary sheet was not written');
  return {
    check: read.syncs,
    summary: write.syncs,
    cellsRead,
    sheetsRead: grids.length,
    summaryRows: layout.values.length,
    eligible: result.eligible,
  };
}
