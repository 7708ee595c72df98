/**
 * The check against the bytes (issue 25): in one warm process, reading the large workbook's values
 * and checking them (readWorkbookBuffer + checkWorkbook, what `bontot check` does once its modules
 * are loaded) ÷ the floor any reader of that file has: `zlib.inflateRawSync` of every part of its
 * zip plus one `indexOf('<c ')` pass over each inflated buffer. Module loading is excluded (the
 * process has loaded everything before the first run); medians of several runs.
 *
 * Both sides are measured alike: in the same runs (so with the same warm-up), in the process's CPU
 * time (user + system, which a busy machine does not inflate as the wall clock; it includes the
 * collector's helper threads, which work for the check's heap more than for the floor). The ratio
 * is of the CPU-time medians; the wall-clock medians are reported beside them. No collection is
 * forced between the sides: a full `gc()` before the reading made the check that follows two to
 * four times slower (V8 shrinks the heap after it, and the check then grows it again through
 * collections of its own), which measures the forcing, not the check.
 *
 * Each run reads and checks a workbook it has not seen (same size, other names, as bench/core.ts
 * does), so that the reader's caches across workbooks do not flatter it. Unmeasured runs first
 * warm the JIT. Runs in a process of its own (bench/main.ts spawns it) so that no earlier
 * measurement's heap is collected inside this one.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { inflateRawSync } from 'zlib';
import { readWorkbookBuffer, writeWorkbookFile } from '../src/hosts/xlsx/node';
import { inspectXlsxZip } from '../src/hosts/xlsx/zip';
import { checkWorkbook } from '../src/workbook/check';
import type { SheetLayout } from '../src/workbook/types';
import { BENCH_AS_OF, benchLayouts } from './data';
import { cpuNow, median, msSince, ratio, runInOwnProcess } from './timing';

export interface InflateResult {
  check_vs_inflate_ratio: number;
  details: {
    /** Median CPU time of read + check (ms). */
    checkMs: number;
    /** Median CPU time of the reading alone and of checkWorkbook alone (ms), within checkMs. */
    readMs: number;
    rulesMs: number;
    /** Median CPU time of inflating every part and one `indexOf('<c ')` pass over each (ms). */
    inflateMs: number;
    checkRuns: number[];
    inflateRuns: number[];
    /** The same medians and ratio in wall-clock time (ms). */
    checkWallMs: number;
    inflateWallMs: number;
    wallRatio: number;
    fileBytes: number;
    inflatedBytes: number;
    /** `<c ` occurrences found by the floor's pass (the worksheets' cells with attributes). */
    cellTags: number;
    eligible: boolean;
  };
}

/** Unmeasured workbooks before the measured ones. */
const WARM_UP = 3;

/** The floor: every part inflated (stored parts taken as they are), each scanned once for `<c `. */
export function inflateAndScan(bytes: Uint8Array): { inflatedBytes: number; cellTags: number } {
  let inflatedBytes = 0;
  let cellTags = 0;
  for (const entry of inspectXlsxZip(bytes)) {
    const compressed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const inflated = entry.method === 8 ? inflateRawSync(compressed) : Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength);
    inflatedBytes += inflated.length;
    for (let at = inflated.indexOf('<c '); at >= 0; at = inflated.indexOf('<c ', at + 3)) cellTags++;
  }
  return { inflatedBytes, cellTags };
}

/** `workbook(i)` gives the layouts of the i-th workbook (the first WARM_UP are not measured); `runs` of them are measured. */
export async function benchCheckVsInflate(workbook: (index: number) => readonly SheetLayout[], dir: string, runs: number): Promise<InflateResult> {
  const checkRuns: number[] = [];
  const readRuns: number[] = [];
  const rulesRuns: number[] = [];
  const inflateRuns: number[] = [];
  const checkWallRuns: number[] = [];
  const inflateWallRuns: number[] = [];
  let fileBytes = 0;
  let inflatedBytes = 0;
  let cellTags = 0;
  let eligible = true;
  // Every file is written first: writing one with ExcelJS leaves more garbage than anything measured.
  const paths: string[] = [];
  for (let i = 0; i < WARM_UP + Math.max(1, runs); i++) {
    paths.push(join(dir, `large-${i}.xlsx`));
    await writeWorkbookFile(workbook(i), paths[i] as string, { kind: null });
  }
  for (const [i, path] of paths.entries()) {
    const bytes = new Uint8Array(readFileSync(path));
    let cpu = cpuNow();
    let start = process.hrtime.bigint();
    const floor = inflateAndScan(bytes);
    const inflateWallMs = msSince(start);
    const inflateMs = cpuNow() - cpu;
    cpu = cpuNow();
    start = process.hrtime.bigint();
    const grids = await readWorkbookBuffer(bytes);
    const readMs = cpuNow() - cpu;
    const result = checkWorkbook(grids, { asOf: BENCH_AS_OF });
    const checkWallMs = msSince(start);
    const checkMs = cpuNow() - cpu;
    if (i < WARM_UP) continue;
    inflateRuns.push(inflateMs);
    inflateWallRuns.push(inflateWallMs);
    checkRuns.push(checkMs);
    checkWallRuns.push(checkWallMs);
    readRuns.push(readMs);
    rulesRuns.push(checkMs - readMs);
    fileBytes = bytes.length;
    inflatedBytes = floor.inflatedBytes;
    cellTags = floor.cellTags;
    eligible = eligible && result.eligible;
  }
  const checkMs = median(checkRuns);
  const inflateMs = median(inflateRuns);
  return {
    check_vs_inflate_ratio: ratio(checkMs, inflateMs),
    details: {
      checkMs,
      readMs: median(readRuns),
      rulesMs: median(rulesRuns),
      inflateMs,
      checkRuns,
      inflateRuns,
      checkWallMs: median(checkWallRuns),
      inflateWallMs: median(inflateWallRuns),
      wallRatio: ratio(median(checkWallRuns), median(inflateWallRuns)),
      fileBytes,
      inflatedBytes,
      cellTags,
      eligible,
    },
  };
}

/**
 * The measurement in a process of its own. Prints one JSON line: the InflateResult.
 *
 *   node -r ts-node/register/transpile-only bench/inflate.ts MEMBERS MEETINGS RUNS
 */
if (require.main === module) {
  const [members = '5000', meetings = '24', runs = '7'] = process.argv.slice(2);
  runInOwnProcess('bontot-bench-inflate-', (dir) =>
    benchCheckVsInflate((i) => benchLayouts(Number(members), Number(meetings), 200 + i), dir, Number(runs)),
  );
}
