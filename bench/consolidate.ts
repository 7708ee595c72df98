/**
 * Benchmark of `bontot consolidate`: generates N chi bộ workbooks (15 members, 12 meetings, the
 * Điểm danh matrix, the seed's criteria; about a third with problems) into a temp dir, then runs
 * the built command line (bin/bontot.js → dist/cli/cli.js) on them in a fresh child process, and a
 * plain ExcelJS load of the same files (bench/child/load.js) in another. A preload
 * (bench/child/report.js) reports each child's wall time and peak RSS.
 *
 *   node -r ts-node/register/transpile-only bench/consolidate.ts [FILES [SMALL [RUNS]]]
 *
 * prints one JSON line: consolidate ÷ load time for FILES files, and peak RSS for FILES ÷ SMALL
 * files (memory should stay flat: files are read one at a time).
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { writeWorkbookBuffer } from '../src/hosts/xlsx/exceljs';
import { chiBoSpec } from '../scripts/sampleData';
import { plainLayouts } from '../scripts/sampleLayouts';
import { BENCH_AS_OF } from './data';
import { median, ratio } from './timing';

const ROOT = resolve(__dirname, '..');
const REPORT = join(__dirname, 'child', 'report.js');
const LOAD = join(__dirname, 'child', 'load.js');
const BONTOT = join(ROOT, 'bin', 'bontot.js');

/** Writes `count` generated workbooks into `dir`; returns their file names (sorted, relative to dir). */
export async function generateWorkbooks(dir: string, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const problems = i % 3 === 0 ? { shortMeeting: true } : i % 7 === 0 ? { unexcusedAbsence: true } : {};
    const spec = chiBoSpec({ seed: 1000 + i, name: `Chi bộ Khu phố ${i + 1}`, kindLabel: 'Chi bộ trực thuộc', problems });
    const name = `chi-bo-${String(i + 1).padStart(4, '0')}.xlsx`;
    // kind: null — no product marker, so consolidate treats them as organisations' own workbooks.
    writeFileSync(join(dir, name), await writeWorkbookBuffer(plainLayouts(spec), { kind: null }));
    names.push(name);
  }
  return names;
}

export interface ChildRun {
  /** Wall time of the child from its preload to its exit (ms): module loading included. */
  ms: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs `node -r report.js <args>` in `cwd`; throws when it fails. */
export function runChild(args: readonly string[], cwd: string, okCodes: readonly number[] = [0]): ChildRun {
  const report = join(cwd, `.report-${process.pid}-${Date.now()}.json`);
  const run = spawnSync(process.execPath, ['-r', REPORT, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BONTOT_BENCH_REPORT: report },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status === null || !okCodes.includes(run.status)) {
    throw new Error(`node ${args.slice(0, 3).join(' ')} … exited with ${run.status ?? run.signal}: ${run.stderr.slice(0, 2000)}`);
  }
  const measured = JSON.parse(readFileSync(report, 'utf8')) as { ms: number; maxRssKb: number };
  rmSync(report, { force: true });
  return { ms: measured.ms, peakRssMb: measured.maxRssKb / 1024, stdout: run.stdout };
}

/** `bontot consolidate FILES -o OUT --json` through the built launcher; checks that every file became a row. */
export function runConsolidateCli(dir: string, files: readonly string[], output: string): ChildRun {
  const run = runChild([BONTOT, 'consolidate', ...files, '-o', output, '--as-of', BENCH_AS_OF, '--json', '--force'], dir);
  const document = JSON.parse(run.stdout) as { totals: { organizations: number; subordinate: { organizations: number } } };
  // The generated chi bộ are trực thuộc: counted apart from the target (SPEC §1), but each one counted.
  const counted = document.totals.organizations + document.totals.subordinate.organizations;
  if (counted !== files.length) {
    throw new Error(`consolidate counted ${counted} organisations for ${files.length} files`);
  }
  return run;
}

export function runPlainLoad(dir: string, files: readonly string[]): ChildRun {
  const run = runChild([LOAD, ...files], dir);
  const counted = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { files?: number };
  if (counted.files !== files.length) throw new Error(`the plain load read ${String(counted.files)} of ${files.length} files`);
  return run;
}

export interface ConsolidationBench {
  consolidate_vs_load_ratio: number;
  consolidate_rss_ratio: number;
  details: {
    files: number;
    smallFiles: number;
    consolidateMs: number;
    loadMs: number;
    consolidateRuns: number[];
    loadRuns: number[];
    peakRssMb: number;
    smallPeakRssMb: number;
    loadPeakRssMb: number;
    generateMs: number;
  };
}

/**
 * Generates `files` workbooks in `root`, then, `runs` times (interleaved, so a noisy neighbour hurts
 * both sides alike): consolidate all, load all, consolidate the first `smallFiles`. Medians.
 */
export async function benchConsolidation(root: string, files: number, smallFiles: number, runs: number): Promise<ConsolidationBench> {
  const dir = join(root, 'in');
  mkdirSync(dir, { recursive: true });
  const started = process.hrtime.bigint();
  const names = await generateWorkbooks(dir, files);
  const generateMs = Number(process.hrtime.bigint() - started) / 1e6;
  const small = names.slice(0, smallFiles);
  const big: ChildRun[] = [];
  const load: ChildRun[] = [];
  const little: ChildRun[] = [];
  for (let r = 0; r < Math.max(1, runs); r++) {
    big.push(runConsolidateCli(dir, names, join(root, 'all.xlsx')));
    load.push(runPlainLoad(dir, names));
    little.push(runConsolidateCli(dir, small, join(root, 'small.xlsx')));
  }
  const consolidateMs = median(big.map((c) => c.ms));
  const loadMs = median(load.map((c) => c.ms));
  const peakRssMb = median(big.map((c) => c.peakRssMb));
  const smallPeakRssMb = median(little.map((c) => c.peakRssMb));
  return {
    consolidate_vs_load_ratio: ratio(consolidateMs, loadMs),
    consolidate_rss_ratio: ratio(peakRssMb, smallPeakRssMb),
    details: {
      files,
      smallFiles,
      consolidateMs,
      loadMs,
      consolidateRuns: big.map((c) => c.ms),
      loadRuns: load.map((c) => c.ms),
      peakRssMb,
      smallPeakRssMb,
      loadPeakRssMb: median(load.map((c) => c.peakRssMb)),
      generateMs,
    },
  };
}

if (require.main === module) {
  const [files = '500', small = '50', runs = '3'] = process.argv.slice(2);
  const root = mkdtempSync(join(tmpdir(), 'bontot-bench-'));
  benchConsolidation(root, Number(files), Number(small), Number(runs))
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    })
    .finally(() => rmSync(root, { recursive: true, force: true }));
}
