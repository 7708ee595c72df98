/**
 * `npm run bench`: measures the metrics of bench/budgets.ts on data it generates itself and prints
 * a table (Markdown, readable in a terminal). Options:
 *   --json      also print one JSON object on the last line of stdout
 *   --check     exit 1 when a budget is broken (or a metric could not be measured)
 *   --quick     small sizes and single runs: proves the harness works, the numbers mean nothing
 *   --no-build  never run `npm run build` (default: build when dist/ is missing or older than the sources)
 *   --runs N    timed runs per measurement (default 3; at least 7 for the check vs the parse, 9 for the check vs the inflate and for the functions)
 * Progress goes to stderr. Times are medians; only ratios are reported, because the absolute
 * times depend on the machine and on whoever else is using it.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'os';
import { join, resolve } from 'path';
import { BUDGETS, budgetFailures, METRIC_NAMES, withinBudget, type BudgetFailure, type MetricName, type Metrics } from './budgets';
import { benchConsolidation, type ConsolidationBench } from './consolidate';
import type { CoreResult } from './core';
import { benchLayouts } from './data';
import type { InflateResult } from './inflate';
import { benchFunctionOverhead, type FunctionOverheadResult } from './functions';
import { measurePageFirstVerdict, type PageFirstVerdictResult } from './page';
import { measureSizes, type SizeResult } from './sizes';
import { benchCliStartup, type StartupResult } from './startup';
import { countSyncs, type SyncCounts } from './syncs';
import { countRecordMeetingSyncs, type RecordMeetingSyncs } from './recordMeeting';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');

export interface BenchOptions {
  json: boolean;
  check: boolean;
  quick: boolean;
  build: boolean;
  runs: number | null;
}

export interface BenchParams {
  mode: 'full' | 'quick';
  smallMembers: number;
  largeMembers: number;
  meetings: number;
  files: number;
  smallFiles: number;
  fnCalls: number;
  runs: { parse: number; check: number; inflate: number; consolidate: number; fn: number; startup: number };
}

export interface MachineInfo {
  nproc: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
  loadavgStart: number[];
  loadavgEnd: number[];
}

export type BenchReport = Metrics & {
  ok: boolean;
  failures: BudgetFailure[];
  budgets: Record<MetricName, string>;
  errors: Partial<
    Record<'sizes' | 'page' | 'functions' | 'syncs' | 'recordMeeting' | 'core' | 'inflate' | 'consolidate' | 'startup' | 'build', string>
  >;
  params: BenchParams;
  machine: MachineInfo;
  details: {
    sizes?: SizeResult['details'];
    page?: PageFirstVerdictResult['details'];
    functions?: FunctionOverheadResult['details'];
    syncs?: { small: SyncCounts; large: SyncCounts };
    recordMeeting?: RecordMeetingSyncs;
    core?: CoreResult['details'];
    inflate?: InflateResult['details'];
    consolidate?: ConsolidationBench['details'];
    startup?: StartupResult['details'];
  };
};

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { json: false, check: false, quick: false, build: true, runs: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') options.json = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length);
      const runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number ≥ 1, got "${String(value)}"`);
      options.runs = runs;
    } else if (arg === '--help' || arg === '-h') {
      throw new HelpRequested();
    } else throw new Error(`unknown option "${arg}" (use --json, --check, --quick, --no-build, --runs N)`);
  }
  return options;
}

class HelpRequested extends Error {}

export function paramsFor(options: BenchOptions): BenchParams {
  if (options.quick) {
    const runs = options.runs ?? 1;
    return {
      mode: 'quick',
      smallMembers: 20,
      largeMembers: 200,
      meetings: 24,
      files: 6,
      smallFiles: 2,
      fnCalls: 2000,
      runs: { parse: runs, check: runs, inflate: runs, consolidate: runs, fn: runs, startup: runs },
    };
  }
  const runs = options.runs ?? 3;
  return {
    mode: 'full',
    smallMembers: 20,
    largeMembers: 5000,
    meetings: 24,
    files: 500,
    smallFiles: 50,
    fnCalls: 100_000,
    // The check of the large workbook swings with the JIT and the collector: a median of 7 workbooks.
    // A process start swings by tens of ms with whatever else runs: medians of 11 of each.
    runs: {
      parse: Math.max(runs, 7),
      check: Math.max(runs, 7),
      inflate: Math.max(runs, 9),
      consolidate: runs,
      fn: Math.max(runs, 9),
      startup: Math.max(runs, 11),
    },
  };
}

/** bench/core.ts in a fresh process (see there why), through the same ts-node setup as bench/run.js. */
function runCoreChild(members: number, meetings: number, runs: number): CoreResult {
  return runChild<CoreResult>('core.ts', members, meetings, runs);
}

/** bench/inflate.ts in a fresh process, likewise. */
function runInflateChild(members: number, meetings: number, runs: number): InflateResult {
  return runChild<InflateResult>('inflate.ts', members, meetings, runs);
}

/** A measurement script of bench/ in a process of its own; its last line of stdout is its JSON result. */
function runChild<T>(script: string, members: number, meetings: number, runs: number): T {
  const child = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, script), String(members), String(meetings), String(runs)],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs' }) },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`bench/${script} exited with ${child.status ?? child.signal}: ${child.stderr.slice(0, 2000)}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as T;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// ------------------------------------------------------------------------------------ the build

const BUILD_INPUTS = [
  'src',
  'functions',
  'taskpane',
  'assets',
  'webpack.config.js',
  'webpack.cli.config.js',
  'tsconfig.json',
  'tsconfig.bundle.json',
  'tsconfig.cli.json',
  'package.json',
];
/** What webpack writes (it leaves a file alone when its content did not change) and what tsc writes. */
const WEB_OUTPUTS = ['functions.js', 'taskpane.js', 'taskpane.html'];
/** tsc's CLI (every file rewritten) and the CLI bundle bin/bontot.js runs (webpack.cli.config.js). */
const CLI_OUTPUTS = [join('cli', 'cli.js'), join('cli', 'bontot.js')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist/ needs a build ("missing …", "older than …"), or null when it is up to date. */
export function buildNeeded(root: string = ROOT): string | null {
  const dist = join(root, 'dist');
  const missing = [...WEB_OUTPUTS, ...CLI_OUTPUTS].filter((p) => !existsSync(join(dist, p)));
  if (missing.length > 0) return `dist/ has no ${missing.join(', ')}`;
  // The last web build is the newest of its outputs; the CLI build rewrites every file.
  const built = Math.min(
    Math.max(...WEB_OUTPUTS.map((p) => statSync(join(dist, p)).mtimeMs)),
    ...CLI_OUTPUTS.map((p) => statSync(join(dist, p)).mtimeMs),
  );
  const newer = BUILD_INPUTS.filter((p) => newestMtime(join(root, p)) > built);
  return newer.length > 0 ? `dist/ is older than ${newer.join(', ')}` : null;
}

/** Marks dist/ as built now (a build that changed no output leaves the old times). */
function touchOutputs(root: string = ROOT): void {
  const now = new Date();
  for (const p of [...WEB_OUTPUTS, ...CLI_OUTPUTS]) {
    const file = join(root, 'dist', p);
    if (existsSync(file)) utimesSync(file, now, now);
  }
}

function ensureBuild(options: BenchOptions, errors: BenchReport['errors']): void {
  const reason = buildNeeded();
  if (reason === null) return;
  if (!options.build) {
    progress(`warning: ${reason}; measuring the existing dist/ anyway (--no-build)`);
    return;
  }
  progress(`${reason}: running npm run build`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) errors.build = `npm run build exited with ${build.status ?? build.signal}`;
  else touchOutputs();
}

// ------------------------------------------------------------------------------------ measuring

function machine(loadavgStart: number[]): MachineInfo {
  const info = cpus();
  return {
    nproc: typeof availableParallelism === 'function' ? availableParallelism() : info.length,
    cpu: info[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadavgStart,
    loadavgEnd: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const loadavgStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const params = paramsFor(options);
  const metrics = Object.fromEntries(METRIC_NAMES.map((name) => [name, null])) as Metrics;
  const errors: BenchReport['errors'] = {};
  const details: BenchReport['details'] = {};
  ensureBuild(options, errors);

  const temp = mkdtempSync(join(tmpdir(), 'bontot-bench-'));
  const cleanup = (): void => rmSync(temp, { recursive: true, force: true });
  const onSignal = (): void => {
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    try {
      progress('bundle sizes (dist/)');
      const sizes = measureSizes(DIST);
      metrics.functions_js_kb = sizes.functions_js_kb;
      metrics.taskpane_initial_kb = sizes.taskpane_initial_kb;
      details.sizes = sizes.details;
    } catch (error) {
      errors.sizes = errorText(error);
    }

    try {
      progress(`start-up: ${params.runs.startup} × (node -e 0, bontot check samples/chi-bo-mau.xlsx --json, bontot --help)`);
      const startup = benchCliStartup(ROOT, params.runs.startup);
      metrics.cli_small_vs_node_ratio = startup.cli_small_vs_node_ratio;
      details.startup = startup.details;
    } catch (error) {
      errors.startup = errorText(error);
    }

    try {
      progress("standalone page: scripts before the sample's verdict (Chromium)");
      const page = await measurePageFirstVerdict(DIST);
      metrics.page_first_verdict_kb = page.page_first_verdict_kb;
      details.page = page.details;
    } catch (error) {
      errors.page = errorText(error);
    }

    try {
      progress(`MEETING_QUALITY: ${params.fnCalls} calls, bound vs inline`);
      const fn = benchFunctionOverhead(DIST, params.fnCalls, params.runs.fn);
      metrics.fn_overhead_ratio = fn.fn_overhead_ratio;
      details.functions = fn.details;
    } catch (error) {
      errors.functions = errorText(error);
    }

    progress(`generating ${params.smallMembers}- and ${params.largeMembers}-member workbooks × ${params.meetings} meetings`);
    const small = benchLayouts(params.smallMembers, params.meetings);
    const large = benchLayouts(params.largeMembers, params.meetings);

    try {
      progress('context.sync() counts on the Office.js fake');
      const s = await countSyncs(small);
      const l = await countSyncs(large);
      metrics.syncs_check_small = s.check;
      metrics.syncs_check_large = l.check;
      metrics.syncs_summary_small = s.summary;
      metrics.syncs_summary_large = l.summary;
      details.syncs = { small: s, large: l };
    } catch (error) {
      errors.syncs = errorText(error);
    }

    try {
      progress('context.sync() count of recording a meeting through the form');
      const recorded = await countRecordMeetingSyncs(large);
      metrics.syncs_record_meeting = recorded.syncs;
      details.recordMeeting = recorded;
    } catch (error) {
      errors.recordMeeting = errorText(error);
    }

    try {
      progress('check vs ExcelJS parse of the large workbook');
      const core = runCoreChild(params.largeMembers, params.meetings, params.runs.parse);
      metrics.core_vs_parse_ratio = core.core_vs_parse_ratio;
      details.core = core.details;
    } catch (error) {
      errors.core = errorText(error);
    }

    try {
      progress('read + check of the large workbook vs inflating its zip');
      const inflate = runInflateChild(params.largeMembers, params.meetings, params.runs.inflate);
      metrics.check_vs_inflate_ratio = inflate.check_vs_inflate_ratio;
      details.inflate = inflate.details;
    } catch (error) {
      errors.inflate = errorText(error);
    }

    try {
      progress(
        `bontot consolidate: generating ${params.files} workbooks, then ${params.runs.consolidate} × (consolidate ${params.files}, load ${params.files}, consolidate ${params.smallFiles})`,
      );
      const consolidation = await benchConsolidation(join(temp, 'consolidate'), params.files, params.smallFiles, params.runs.consolidate);
      metrics.consolidate_vs_load_ratio = consolidation.consolidate_vs_load_ratio;
      metrics.consolidate_rss_ratio = consolidation.consolidate_rss_ratio;
      details.consolidate = consolidation.details;
    } catch (error) {
      errors.consolidate = errorText(error);
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    cleanup();
  }

  const failures = budgetFailures(metrics);
  const budgets = Object.fromEntries(METRIC_NAMES.map((name) => [name, BUDGETS.find((b) => b.metrics.includes(name))?.text ?? ''])) as Record<
    MetricName,
    string
  >;
  return { ...metrics, ok: failures.length === 0, failures, budgets, errors, params, machine: machine(loadavgStart), details };
}

// ------------------------------------------------------------------------------------ printing

function formatValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return String(value);
}

const ms = (value: number): string => `${Math.round(value)} ms`;

/** The report as text: a Markdown table of the metrics, then what was measured and on what. */
export function reportText(report: BenchReport): string {
  const failed = new Set(report.failures.flatMap((f) => f.metrics));
  const lines: string[] = [];
  const { machine: m, params: p, details: d } = report;
  lines.push(
    `Bốn Tốt benchmarks (${p.mode}) — ${m.nproc} CPUs (${m.cpu}), ${m.memoryGb} GB RAM, Node ${m.node}, load average ${m.loadavgStart.join(' ')} at start`,
  );
  if (p.mode === 'quick') lines.push('QUICK MODE: small sizes, single runs — the numbers below prove the harness, not the product.');
  lines.push('');
  lines.push('| metric | value | budget | |');
  lines.push('|---|---:|---|---|');
  for (const name of METRIC_NAMES) {
    const value = report[name];
    const ok = withinBudget(name, value) && !failed.has(name);
    lines.push(`| \`${name}\` | ${formatValue(value)} | ${report.budgets[name]} | ${ok ? 'ok' : 'FAIL'} |`);
  }
  lines.push('');
  if (d.syncs) {
    lines.push(
      `syncs: ${p.smallMembers} members → read ${d.syncs.small.check}, summary ${d.syncs.small.summary} (${d.syncs.small.cellsRead} cells read); ` +
        `${p.largeMembers} members → read ${d.syncs.large.check}, summary ${d.syncs.large.summary} (${d.syncs.large.cellsRead} cells read); ${p.meetings} meetings each, Cấu hình included`,
    );
  }
  if (d.recordMeeting) {
    lines.push(
      `record a meeting: ${d.recordMeeting.members} members → save ${d.recordMeeting.syncs} syncs (row ${d.recordMeeting.row} of Sinh hoạt, column ${d.recordMeeting.column} of Điểm danh)`,
    );
  }
  if (d.core) {
    lines.push(
      `core vs parse: ${p.largeMembers} members × ${p.meetings} meetings, ${(d.core.fileBytes / 1024).toFixed(0)} KB .xlsx, ${d.core.cells} cells — ` +
        `ExcelJS parse ${ms(d.core.parseMs)}, checkWorkbook ${ms(d.core.checkMs)} (medians of ${d.core.parseRuns.length} workbooks of that size; ratio in CPU time ${d.core.cpuRatio}); the product's own reader takes ${ms(d.core.readMs)} for the file`,
    );
  }
  if (d.inflate) {
    const f = d.inflate;
    lines.push(
      `check vs inflate: the same workbook size, ${(f.inflatedBytes / 1024).toFixed(0)} KB inflated, ${f.cellTags} '<c ' tags — read + check ${ms(f.checkMs)} ` +
        `(read ${ms(f.readMs)}, checkWorkbook ${ms(f.rulesMs)}), inflateRawSync of every part + one indexOf pass ${ms(f.inflateMs)} (medians of ${f.checkRuns.length})`,
    );
  }
  if (d.consolidate) {
    const c = d.consolidate;
    lines.push(
      `consolidate: ${c.files} files — bontot consolidate ${ms(c.consolidateMs)}, plain ExcelJS load ${ms(c.loadMs)} (medians of ${c.consolidateRuns.length}); ` +
        `peak RSS ${c.peakRssMb.toFixed(0)} MB for ${c.files} files, ${c.smallPeakRssMb.toFixed(0)} MB for ${c.smallFiles} (plain load of ${c.files}: ${c.loadPeakRssMb.toFixed(0)} MB)`,
    );
  }
  if (d.startup) {
    lines.push(
      `start-up: bontot check samples/chi-bo-mau.xlsx --json ${ms(d.startup.checkMs)}, node -e 0 ${ms(d.startup.nodeMs)}, bontot --help ${ms(d.startup.helpMs)} (whole processes, wall-clock medians of ${d.startup.runs})`,
    );
  }
  if (d.functions) {
    lines.push(
      `MEETING_QUALITY: ${d.functions.calls} calls — bound function ${ms(d.functions.boundMs)}, inline meetingProblems ${ms(d.functions.inlineMs)} (medians of ${d.functions.boundRuns.length}; ratio in CPU time ${d.functions.cpuRatio}); ` +
        `in a vm.createContext sandbox the bound function takes ${ms(d.functions.sandboxMs)} (ratio ${d.functions.sandboxRatio}: Node's interceptor on every global lookup, not present in Excel)`,
    );
  }
  if (d.sizes) {
    lines.push(
      `bundles: functions.js ${d.sizes.functionsBytes} B (${d.sizes.functionsGzipBytes} B gzip); task pane initial scripts: ` +
        `${d.sizes.initialScripts.map((s) => `${s.src} ${s.bytes} B`).join(', ')}; not counted: ${d.sizes.excludedScripts.join(', ') || 'none'}`,
    );
  }
  if (d.page) {
    lines.push(
      `standalone page before the sample's verdict (${d.page.browser} Chromium): ${d.page.scripts.map((s) => `${s.path} ${s.bytes} B`).join(', ')}; ` +
        `ExcelJS chunk ${d.page.excelJsChunk ? 'loaded' : 'not loaded'}; not counted: ${d.page.excluded.join(', ') || 'none'}`,
    );
  }
  for (const [part, message] of Object.entries(report.errors)) lines.push(`ERROR in ${part}: ${message}`);
  for (const failure of report.failures) lines.push(`budget broken (${failure.budget}): ${failure.message}`);
  if (report.failures.length === 0) lines.push('All budgets hold.');
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write('usage: npm run bench -- [--json] [--check] [--quick] [--no-build] [--runs N]\n');
      return 0;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const report = await runBench(options);
  process.stdout.write(`${reportText(report)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  return options.check && !report.ok ? 1 : 0;
}
