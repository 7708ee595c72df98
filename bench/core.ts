/**
 * The check against the parse: checkWorkbook (src/workbook/check.ts) on the large workbook's grids
 * ÷ the ExcelJS parse of the same .xlsx (src/hosts/xlsx.ts readWorkbookBuffer). Reading the file is
 * the cost people wait for; the rules must be a small fraction of it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbookBuffer, writeWorkbookFile } from '../src/hosts/xlsxFile';
import { checkWorkbook } from '../src/workbook/check';
import type { SheetGrid, SheetLayout } from '../src/workbook/types';
import { BENCH_AS_OF } from './data';
import { ratio, timeAsync, timeSync } from './timing';

export interface CoreResult {
  core_vs_parse_ratio: number;
  details: {
    parseMs: number;
    checkMs: number;
    parseRuns: number[];
    checkRuns: number[];
    /** The same ratio in CPU time (a diagnostic for busy machines; the metric is wall clock). */
    cpuRatio: number;
    fileBytes: number;
    cells: number;
    eligible: boolean;
  };
}

export async function benchCoreVsParse(layouts: readonly SheetLayout[], dir: string, runs: { parse: number; check: number }): Promise<CoreResult> {
  const path = join(dir, 'large.xlsx');
  await writeWorkbookFile(layouts, path, { kind: null });
  const bytes = new Uint8Array(readFileSync(path));
  let grids: SheetGrid[] = [];
  const parse = await timeAsync(async () => {
    grids = await readWorkbookBuffer(bytes);
  }, runs.parse);
  let eligible = false;
  const check = timeSync(() => {
    eligible = checkWorkbook(grids, { asOf: BENCH_AS_OF }).eligible;
  }, runs.check);
  const cells = grids.reduce((sum, g) => sum + g.values.reduce((s, row) => s + row.length, 0), 0);
  return {
    core_vs_parse_ratio: ratio(check.ms, parse.ms),
    details: {
      parseMs: parse.ms,
      checkMs: check.ms,
      parseRuns: parse.runs,
      checkRuns: check.runs,
      cpuRatio: ratio(check.cpuMs, parse.cpuMs),
      fileBytes: bytes.length,
      cells,
      eligible,
    },
  };
}
