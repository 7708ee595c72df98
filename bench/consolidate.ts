/**
 * Benchmark of `bontot consolidate`: generates N chi bộ workbooks (15 members, 12 meetings, the
 * Điểm danh matrix, the seed's criteria; about a third with problems) into a temp dir, then
 * consolidates them in a fresh child process and reports the wall time of the consolidation and the
 * child's peak resident memory.
 *
 *   node -r ts-node/register/transpile-only bench/consolidate.ts [50,500]
 *
 * Prints one JSON line per size and the ratios between sizes (memory should stay flat: files are
 * read one at a time).
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chiBoSpec, plainLayouts } from '../scripts/sampleData';
import { writeWorkbookBuffer } from '../src/hosts/xlsx';
import { consolidateFiles } from '../src/cli/consolidate';

export interface ConsolidateBenchResult {
  files: number;
  /** Wall time of reading, checking and writing (ms). */
  ms: number;
  msPerFile: number;
  /** Peak resident set size of the process that consolidated (MB). */
  peakRssMb: number;
  /** RSS before the first file (MB): the runtime and modules alone. */
  baseRssMb: number;
  organizations: number;
  eligible: number;
}

/** Writes `count` generated workbooks into `dir`; returns their paths. */
export async function generateWorkbooks(dir: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  // Writing is the slow part of setup; the layouts of one workbook are reused with new names.
  for (let i = 0; i < count; i++) {
    const problems = i % 3 === 0 ? { shortMeeting: true } : i % 7 === 0 ? { unexcusedAbsence: true } : {};
    const spec = chiBoSpec({ seed: 1000 + i, name: `Chi bộ Khu phố ${i + 1}`, kindLabel: 'Chi bộ trực thuộc', problems });
    const path = join(dir, `chi-bo-${String(i + 1).padStart(4, '0')}.xlsx`);
    writeFileSync(path, await writeWorkbookBuffer(plainLayouts(spec), { kind: null }));
    paths.push(path);
  }
  return paths;
}

async function child(dir: string): Promise<void> {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.xlsx'))
    .sort()
    .map((name) => join(dir, name));
  const baseRss = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const result = await consolidateFiles({ files, output: join(dir, '..', `${files.length}-out.xlsx`), asOf: '2026-03-01' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const out: ConsolidateBenchResult = {
    files: files.length,
    ms: Math.round(ms),
    msPerFile: Math.round((ms / files.length) * 10) / 10,
    peakRssMb: Math.round(peakRssMb),
    baseRssMb: Math.round(baseRss / 1024 / 1024),
    organizations: result.totals.organizations,
    eligible: result.totals.eligible,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Generates and measures each size in a fresh child process. */
export async function benchConsolidate(counts: readonly number[]): Promise<ConsolidateBenchResult[]> {
  const results: ConsolidateBenchResult[] = [];
  for (const count of counts) {
    const root = mkdtempSync(join(tmpdir(), 'bontot-bench-'));
    const dir = join(root, 'in');
    mkdirSync(dir);
    try {
      await generateWorkbooks(dir, count);
      const run = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), __filename, '--child', dir], {
        encoding: 'utf8',
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      });
      if (run.status !== 0) throw new Error(`consolidation failed: ${run.stderr}`);
      const line = run.stdout.trim().split('\n').pop() ?? '';
      results.push(JSON.parse(line) as ConsolidateBenchResult);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return results;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    child(args[1] as string).catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
  } else {
    const counts = (args[0] ?? '50,500').split(',').map(Number);
    benchConsolidate(counts).then((results) => {
      for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
      const first = results[0];
      const last = results[results.length - 1];
      if (first && last && first !== last) {
        process.stdout.write(
          `${JSON.stringify({ filesRatio: last.files / first.files, timeRatio: Math.round((last.ms / first.ms) * 100) / 100, peakRssRatio: Math.round((last.peakRssMb / first.peakRssMb) * 100) / 100 })}\n`,
        );
      }
    });
  }
}
