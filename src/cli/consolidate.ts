/**
 * `bontot consolidate`: organisation workbooks and earlier consolidations, in any mix, to one
 * `Danh sách tổ chức`. Files are read one at a time (or by a few worker threads with
 * BONTOT_WORKERS=N) and only their rows are kept, so memory stays flat in the number of files.
 */
import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { Worker } from 'worker_threads';
import { defaultPolicy, type Policy } from '../core/policy';
import { percentIn, type Lang } from '../core/messages';
import { REASON_LABELS } from '../core/messages/policyWords';
import type { IsoDate } from '../core/types';
import { readWorkbookFileData, writeWorkbookFile } from '../hosts/xlsxFile';
import {
  Consolidation,
  duplicateText,
  KIND_KEY_LABELS,
  rowFromError,
  type ConsolidationRow,
  type ConsolidationTotals,
  type DuplicateNote,
  type KindKey,
} from '../workbook/consolidate';
import { consolidationLayout } from '../workbook/layout/consolidation';
import { optionFlag, optionString, parseArgs } from './args';
import { readInput, type InputRead, type WorkerReply, type WorkerRequest, type WorkerSetup } from './consolidateWorker';
import { EXIT_ERROR, EXIT_OK, errorMessage, fileExists, generatedKind, inputFiles, loadPolicy, parseAsOf, type CliIo } from './common';
import { cliText, LANG_OPTIONS, orgKindIn, parseLang, percentTextIn, usageError } from './lang';

const OPTIONS = [
  { name: 'output', short: 'o', value: true },
  { name: 'policy', value: true },
  { name: 'as-of', value: true },
  { name: 'json', value: false },
  { name: 'issuer', value: true },
  { name: 'force', value: false },
  { name: 'recursive', short: 'r', value: false },
  { name: 'help', short: 'h', value: false },
  ...LANG_OPTIONS,
] as const;

export interface ConsolidateRowJson {
  file: string;
  /** The input that carried the row: the file itself, or the consolidation it was read from. */
  via: string;
  key: string;
  organization: { name: string | null; kind: string | null; level: string | null; year: number | null };
  eligible: boolean;
  criteria: { id: string; percent: number | null }[];
  completedShare: number | null;
  goodShare: number | null;
  reasons: string[];
}

export interface ConsolidateErrorJson {
  file: string;
  via: string;
  error: string;
  eligible: false;
}

export interface ConsolidateJson {
  asOf: IsoDate;
  output: string;
  rows: (ConsolidateRowJson | ConsolidateErrorJson)[];
  skipped: { file: string; skipped: string }[];
  duplicates: DuplicateNote[];
  totals: ConsolidationTotals;
}

export interface ConsolidateRunOptions {
  files: readonly string[];
  output: string;
  policy?: Policy;
  asOf: IsoDate;
  /** The committee that issues the consolidation (`--issuer`): its heading and signature. */
  issuer?: string;
  /** Called after each input file (progress). */
  onFile?: (file: string, outcome: InputOutcome) => void;
}

export type InputOutcome =
  | { type: 'checked'; row: ConsolidationRow; added: boolean }
  | { type: 'consolidation'; rows: number; added: number }
  | { type: 'error'; message: string }
  | { type: 'skipped'; note: string };

export interface ConsolidateResult {
  consolidation: Consolidation;
  skipped: { file: string; skipped: string }[];
  unreadable: number;
  totals: ConsolidationTotals;
}

/**
 * Reads every input, then writes the consolidation. Never throws on a bad input. Inputs are read
 * and checked by a small pool of worker threads (see ReaderPool); the rows are applied here, in
 * input order, so duplicates, totals and progress are exactly those of a one-at-a-time read.
 */
export async function consolidateFiles(options: ConsolidateRunOptions): Promise<ConsolidateResult> {
  const policy = options.policy ?? defaultPolicy();
  const consolidation = new Consolidation();
  const skipped: { file: string; skipped: string }[] = [];
  let unreadable = 0;
  const outputPath = resolve(options.output);
  const isOutput = (file: string): boolean => resolve(file) === outputPath;
  const toRead = options.files.filter((file) => !isOutput(file)).length;
  const script = workerScript();
  const size = poolSize(toRead);
  const pool = script !== null && size > 1 ? new ReaderPool(script, size, { bontotConsolidateWorker: true, policy, asOf: options.asOf }) : null;
  try {
    // With a pool every read is queued at once (the pool runs `size` at a time); each result is
    // a row or a few, applied and dropped in order. Without one, files are read lazily below.
    const pending = options.files.map((file) => (pool !== null && !isOutput(file) ? pool.read(file) : null));
    for (const [index, file] of options.files.entries()) {
      const read: InputRead = isOutput(file)
        ? { type: 'skipped', note: 'Bỏ qua: đây là tệp kết quả của chính lệnh này (-o).' }
        : await (pending[index] ?? readInput(file, policy, options.asOf));
      pending[index] = null;
      const outcome = applyRead(read, file, consolidation);
      if (outcome.type === 'skipped') skipped.push({ file, skipped: outcome.note });
      if (outcome.type === 'error') unreadable += 1;
      options.onFile?.(file, outcome);
    }
  } finally {
    await pool?.close();
  }
  const rows = consolidation.rows;
  const layout = consolidationLayout(rows, { asOf: options.asOf, policy, duplicates: consolidation.duplicates, issuer: options.issuer ?? null });
  await writeWorkbookFile([layout], options.output, { kind: 'consolidation', title: 'Danh sách tổ chức' });
  return { consolidation, skipped, unreadable, totals: consolidation.totals(policy) };
}

function applyRead(read: InputRead, file: string, consolidation: Consolidation): InputOutcome {
  switch (read.type) {
    case 'checked':
      return { type: 'checked', row: read.row, added: consolidation.add(read.row, file) };
    case 'consolidation': {
      let added = 0;
      for (const row of read.rows) if (consolidation.add(row, file)) added += 1;
      return { type: 'consolidation', rows: read.rows.length, added };
    }
    case 'error':
      consolidation.add(rowFromError(file, read.message), file);
      return { type: 'error', message: read.message };
    case 'skipped':
      return { type: 'skipped', note: read.note };
  }
}

/**
 * Worker count: 1 (every file read in-process) unless BONTOT_WORKERS=N asks for N worker threads,
 * at most one per file. In-process is the default because on the 2-vCPU machine the benchmarks run
 * on, threads read no faster: two threads, or two processes, each loading half the files with
 * ExcelJS took as long as one doing all of them, and the pool added its start-up (bench/, #11).
 */
function poolSize(files: number): number {
  const override = Number(process.env['BONTOT_WORKERS']);
  const wanted = Number.isInteger(override) && override >= 1 ? override : 1;
  return Math.max(1, Math.min(wanted, files));
}

/** The compiled worker beside this file; null when running from sources (ts-jest, ts-node). */
function workerScript(): string | null {
  const path = join(__dirname, 'consolidateWorker.js');
  return __filename.endsWith('.js') && existsSync(path) ? path : null;
}

interface PoolJob {
  index: number;
  file: string;
  done: (read: InputRead) => void;
}

/** `size` worker threads, one file each at a time; `read` never rejects (a crash is an error read). */
class ReaderPool {
  private readonly queue: PoolJob[] = [];
  private readonly busy = new Map<Worker, PoolJob | null>();
  private next = 0;
  private closed = false;
  private draining = false;

  constructor(
    private readonly script: string,
    size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  read(file: string): Promise<InputRead> {
    return new Promise((done) => {
      this.queue.push({ index: this.next++, file, done });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(this.script, { workerData: this.setup });
    this.busy.set(worker, null);
    worker.on('message', (reply: WorkerReply) => {
      const job = this.busy.get(worker);
      if (!job || job.index !== reply.index) return;
      this.busy.set(worker, null);
      job.done(reply.read);
      this.pump();
    });
    const lost = (error: unknown): void => {
      if (!this.busy.has(worker)) return;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      void worker.terminate();
      job?.done({ type: 'error', message: `Lỗi khi kiểm tra tệp: ${errorMessage(error)}` });
      if (this.closed) return;
      // A file that killed its worker gets a fresh one; a worker that died on its own (it could
      // not start) is not replaced, and with none left the queue is read here, one at a time.
      if (job) this.spawn();
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`luồng đọc tệp dừng bất thường (mã ${code})`)));
  }

  private async drainInProcess(): Promise<void> {
    this.draining = true;
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      job.done(await readInput(job.file, this.setup.policy, this.setup.asOf));
    }
    this.draining = false;
  }

  private pump(): void {
    if (this.busy.size === 0) {
      if (!this.draining && !this.closed) void this.drainInProcess();
      return;
    }
    for (const [worker, job] of this.busy) {
      if (job !== null) continue;
      const next = this.queue.shift();
      if (!next) return;
      this.busy.set(worker, next);
      worker.postMessage({ index: next.index, file: next.file } satisfies WorkerRequest);
    }
  }
}

export function rowJson(row: ConsolidationRow, via: string): ConsolidateRowJson | ConsolidateErrorJson {
  if (row.status === 'error') return { file: row.source, via, error: row.error ?? row.reasonText, eligible: false };
  return {
    file: row.source,
    via,
    key: row.key,
    organization: { name: row.name, kind: row.kind, level: row.level, year: row.year },
    eligible: row.status === 'eligible',
    criteria: (['1.1', '1.2', '1.3', '1.4'] as const).map((id) => ({ id, percent: row.criteria[id] })),
    completedShare: row.completedShare,
    goodShare: row.goodShare,
    reasons: row.reasonCodes,
  };
}

function totalsText(totals: ConsolidationTotals, lang: Lang): string[] {
  const lines = [
    cliText(lang, 'cons.totals', {
      eligible: totals.eligible,
      total: totals.organizations,
      share: percentTextIn(totals.share === null ? null : totals.share * 100, lang),
      target: percentIn(totals.target * 100, lang),
      met: cliText(lang, totals.targetMet ? 'cons.targetMet' : 'cons.targetNotMet'),
    }),
  ];
  if (totals.subordinate.organizations > 0) {
    lines.push(cliText(lang, 'cons.subordinate', { eligible: totals.subordinate.eligible, total: totals.subordinate.organizations }));
  }
  for (const key of Object.keys(KIND_KEY_LABELS) as KindKey[]) {
    const bucket = totals.byKind[key];
    if (bucket.organizations > 0) lines.push(`  ${cliText(lang, `kind.${key}`)}: ${bucket.eligible}/${bucket.organizations}`);
  }
  if (totals.unreadable > 0) lines.push(cliText(lang, 'cons.unreadableCount', { count: totals.unreadable }));
  return lines;
}

/**
 * A checked row's reasons: the consolidation's own text in Vietnamese; in English the names of its
 * reasons (the row keeps their codes, not their messages).
 */
function rowReasons(row: ConsolidationRow, lang: Lang): string {
  if (lang === 'vi') return row.reasonText ?? '';
  return row.reasonCodes.map((code) => REASON_LABELS[code].en).join('; ');
}

export async function runConsolidate(args: readonly string[], io: CliIo, help: string): Promise<number> {
  const parsed = parseArgs(args, OPTIONS);
  if (optionFlag(parsed, 'help')) {
    io.stdout(help);
    return EXIT_OK;
  }
  const lang = parseLang(parsed);
  const output = optionString(parsed, 'output');
  if (output === undefined) throw usageError('cons.noOutput');
  if (!/\.xlsx$/i.test(output)) throw usageError('outputSuffix', { file: output });
  if (parsed.positionals.length === 0) throw usageError('cons.noInputs');
  const files = inputFiles(parsed.positionals, optionFlag(parsed, 'recursive'));
  const asOf = parseAsOf(optionString(parsed, 'as-of'));
  const policy = await loadPolicy(optionString(parsed, 'policy'));
  const json = optionFlag(parsed, 'json');
  const issuer = optionString(parsed, 'issuer')?.trim();
  if (issuer !== undefined && issuer === '') throw usageError('cons.issuer');
  if (!optionFlag(parsed, 'force') && (await fileExists(output))) {
    let kind: string | null = null;
    try {
      kind = generatedKind(await readWorkbookFileData(output));
    } catch {
      kind = null;
    }
    if (kind !== 'consolidation') {
      throw usageError('cons.notOurs', { file: output });
    }
  }

  const result = await consolidateFiles({
    files,
    output,
    ...(policy ? { policy } : {}),
    asOf,
    ...(issuer ? { issuer } : {}),
    onFile: json
      ? undefined
      : (file, outcome) => {
          switch (outcome.type) {
            case 'checked': {
              const row = outcome.row;
              const kind = row.kind ? orgKindIn(row.kind, row.level, lang) : cliText(lang, 'cons.noKind');
              const reasons = rowReasons(row, lang);
              io.stdout(
                cliText(lang, 'cons.row', {
                  file,
                  name: row.name ?? cliText(lang, 'noName'),
                  kind,
                  verdict: cliText(lang, `verdict.${row.status}`),
                  reasons: reasons ? ` — ${reasons}` : '',
                  duplicate: outcome.added ? '' : cliText(lang, 'cons.duplicate'),
                }),
              );
              break;
            }
            case 'consolidation':
              io.stdout(cliText(lang, 'cons.consolidation', { file, rows: outcome.rows, added: outcome.added }));
              break;
            case 'error':
              io.stdout(cliText(lang, 'cons.unreadable', { file, message: outcome.message }));
              break;
            case 'skipped':
              io.stdout(`${file}: ${outcome.note}`);
              break;
          }
        },
  });
  const { consolidation, totals } = result;
  if (json) {
    const document: ConsolidateJson = {
      asOf,
      output,
      rows: consolidation.rows.map((row) => rowJson(row, consolidation.via(row.key) ?? row.source)),
      skipped: result.skipped,
      duplicates: consolidation.duplicates,
      totals,
    };
    io.stdout(JSON.stringify(document, null, 2));
  } else {
    for (const note of consolidation.duplicates) io.stdout(cliText(lang, 'cons.warning', { text: duplicateText(note) }));
    for (const line of totalsText(totals, lang)) io.stdout(line);
    io.stdout(cliText(lang, 'cons.written', { file: output }));
  }
  return result.unreadable > 0 ? EXIT_ERROR : EXIT_OK;
}
