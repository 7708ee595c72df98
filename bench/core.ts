/**
 * The check against the parse: checkWorkbook (src/workbook/check.ts) on the large workbook's grids
 * ÷ the ExcelJS parse of the same .xlsx (a plain `Workbook.xlsx.load`, the metric's baseline). The
 * grids come from the product's own reader (src/hosts/xlsx.ts readWorkbookBuffer, the values
 * reader), whose time is reported beside it. Reading the file is the cost people wait for; the
 * rules must be a small fraction of it.
 *
 * Each run checks a workbook it has not seen (same size, other names): the reader keeps caches
 * across workbooks (labels, legacy-encoding detections), and a check repeated on the same grids
 * would find every name in them. Two unmeasured runs first warm the JIT (in a fresh process the
 * first measured check was still 2–4 times the later ones).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbookBuffer, writeWorkbookFile } from '../src/hosts/xlsx/node';
import { checkWorkbook } from '../src/workbook/check';
import type { SheetGrid, SheetLayout } from '../src/workbook/types';
import { BENCH_AS_OF, benchLayouts } from './data';
import { cpuNow, median, msSince, ratio, runInOwnProcess } from './timing';

export interface CoreResult {
  core_vs_parse_ratio: number;
  details: {
    parseMs: number;
    checkMs: number;
    parseRuns: number[];
    checkRuns: number[];
    /** The product's values reader on the same file (median, ms): what the check actually waits for. */
    readMs: number;
    /** The same ratio in CPU time (a diagnostic for busy machines; the metric is wall clock). */
    cpuRatio: number;
    fileBytes: number;
    cells: number;
    eligible: boolean;
  };
}

/** Unmeasured workbooks before the measured ones. */
const WARM_UP = 2;

/** `workbook(i)` gives the layouts of the i-th workbook (the first WARM_UP are not measured); `runs` of them are measured. */
export async function benchCoreVsParse(workbook: (index: number) => readonly SheetLayout[], dir: string, runs: number): Promise<CoreResult> {
  const parseRuns: number[] = [];
  const checkRuns: number[] = [];
  const parseCpu: number[] = [];
  const checkCpu: number[] = [];
  const readRuns: number[] = [];
  let fileBytes = 0;
  let cells = 0;
  let eligible = true;
  // Every file is written first: writing one with ExcelJS leaves more garbage than anything measured.
  const paths: string[] = [];
  for (let i = 0; i < WARM_UP + Math.max(1, runs); i++) {
    paths.push(join(dir, `large-${i}.xlsx`));
    await writeWorkbookFile(workbook(i), paths[i] as string, { kind: null });
  }
  for (const [i, path] of paths.entries()) {
    const bytes = new Uint8Array(readFileSync(path));
    // In the product's order: its reader, then the check; the ExcelJS parse, the baseline, after
    // them (its model of the sheet is several times the reader's garbage, and would otherwise be
    // collected inside the check that follows it).
    let start = process.hrtime.bigint();
    const grids: SheetGrid[] = await readWorkbookBuffer(bytes);
    const readMs = msSince(start);
    let cpu = cpuNow();
    start = process.hrtime.bigint();
    const result = checkWorkbook(grids, { asOf: BENCH_AS_OF });
    const checkMs = msSince(start);
    const checkCpuMs = cpuNow() - cpu;
    cpu = cpuNow();
    start = process.hrtime.bigint();
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    const parseMs = msSince(start);
    const parseCpuMs = cpuNow() - cpu;
    if (i < WARM_UP) continue;
    parseRuns.push(parseMs);
    readRuns.push(readMs);
    checkRuns.push(checkMs);
    parseCpu.push(parseCpuMs);
    checkCpu.push(checkCpuMs);
    fileBytes = bytes.length;
    cells = grids.reduce((sum, g) => sum + g.values.reduce((s, row) => s + row.length, 0), 0);
    eligible = eligible && result.eligible;
  }
  const parseMs = median(parseRuns);
  const checkMs = median(checkRuns);
  return {
    core_vs_parse_ratio: ratio(checkMs, parseMs),
    details: {
      parseMs,
      checkMs,
      parseRuns,
      checkRuns,
      readMs: median(readRuns),
      cpuRatio: ratio(median(checkCpu), median(parseCpu)),
      fileBytes,
      cells,
      eligible,
    },
  };
}

/**
 * The measurement in a process of its own (what `npm run bench` does): a process that has just
 * built and checked other large workbooks carries their heap, and its collector then runs inside
 * the check. Prints one JSON line: the CoreResult.
 *
 *   node -r ts-node/register/transpile-only bench/core.ts MEMBERS MEETINGS RUNS
 */
if (require.main === module) {
  const [members = '5000', meetings = '24', runs = '7'] = process.argv.slice(2);
  runInOwnProcess('bontot-bench-core-', (dir) =>
    benchCoreVsParse((i) => benchLayouts(Number(members), Number(meetings), 100 + i), dir, Number(runs)),
  );
}
