/**
 * `bontot consolidate`: organisation workbooks and earlier consolidations, in any mix, to one
 * `Danh sách tổ chức`. Files are read one at a time and only their rows are kept, so memory stays
 * flat in the number of files. (Reading on worker threads was tried and removed: on the 2-vCPU
 * machine the benchmarks run on it was no faster and its peak memory was higher; issue #24.)
 */
import { resolve } from 'path';
import { defaultPolicy, type Policy } from '../core/policy';
import { generatedFileKind } from '../workbook/generated';
import { formatNumber } from '../core/text';
import type { IsoDate } from '../core/types';
import { orgKindLabel } from '../core/vocabulary';
import { readWorkbookFileData, writeWorkbookFile } from '../hosts/xlsx/node';
import { checkWorkbook } from '../workbook/check';
import { checkFile } from '../workbook/checkFile';
import {
  Consolidation,
  consolidationLayout,
  duplicateText,
  KIND_KEY_LABELS,
  rowFromCheck,
  rowFromError,
  VERDICT_LABELS,
  type ConsolidationRow,
  type ConsolidationTotals,
  type DuplicateNote,
  type KindKey,
} from '../workbook/consolidate';
import { optionFlag, optionString, parseArgs, UsageError } from './args';
import { diskFile, EXIT_ERROR, EXIT_OK, fileExists, inputFiles, loadPolicy, parseAsOf, type CliIo } from './common';
import { LANG_OPTIONS } from './lang';

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

/** What reading one input gave: only what the consolidation keeps (a row, or an earlier consolidation's rows). */
type InputRead =
  | { type: 'checked'; row: ConsolidationRow }
  | { type: 'consolidation'; rows: ConsolidationRow[] }
  | { type: 'error'; message: string }
  | { type: 'skipped'; note: string };

/** Reads and checks one input down to its row. Never throws: a bad input is an `error` read. */
async function readInput(file: string, policy: Policy, asOf: IsoDate): Promise<InputRead> {
  const read = await checkFile(diskFile(file), (sheets) => rowFromCheck(file, checkWorkbook(sheets, { policy, asOf })), {
    readConsolidations: true,
  });
  switch (read.type) {
    case 'checked':
      return { type: 'checked', row: read.checked };
    case 'skipped':
      return read.rows
        ? { type: 'consolidation', rows: read.rows }
        : { type: 'skipped', note: 'Bỏ qua: bản "Tổng hợp" riêng lẻ (.tonghop.xlsx) không phải sổ tính của tổ chức.' };
    case 'unreadable':
      return { type: 'error', message: read.message };
  }
}

/**
 * Reads every input, one at a time, then writes the consolidation. Never throws on a bad input.
 * Each input's rows are applied in input order and the rest of it is dropped before the next.
 */
export async function consolidateFiles(options: ConsolidateRunOptions): Promise<ConsolidateResult> {
  const policy = options.policy ?? defaultPolicy();
  const consolidation = new Consolidation();
  const skipped: { file: string; skipped: string }[] = [];
  let unreadable = 0;
  const outputPath = resolve(options.output);
  for (const file of options.files) {
    const read: InputRead =
      resolve(file) === outputPath
        ? { type: 'skipped', note: 'Bỏ qua: đây là tệp kết quả của chính lệnh này (-o).' }
        : await readInput(file, policy, options.asOf);
    const outcome = applyRead(read, file, consolidation);
    if (outcome.type === 'skipped') skipped.push({ file, skipped: outcome.note });
    if (outcome.type === 'error') unreadable += 1;
    options.onFile?.(file, outcome);
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

function totalsText(totals: ConsolidationTotals): string[] {
  const share = totals.share === null ? '—' : formatNumber(totals.share * 100);
  const lines = [
    `${totals.eligible}/${totals.organizations} tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận (${share}%), chỉ tiêu ${formatNumber(totals.target * 100)}% — ${totals.targetMet ? 'đủ so với chỉ tiêu' : 'chưa đủ so với chỉ tiêu'}`,
  ];
  if (totals.subordinate.organizations > 0) {
    lines.push(`  Chi bộ trực thuộc (không tính vào chỉ tiêu): ${totals.subordinate.eligible}/${totals.subordinate.organizations} đủ điều kiện`);
  }
  for (const key of Object.keys(KIND_KEY_LABELS) as KindKey[]) {
    const bucket = totals.byKind[key];
    if (bucket.organizations > 0) lines.push(`  ${KIND_KEY_LABELS[key]}: ${bucket.eligible}/${bucket.organizations}`);
  }
  if (totals.unreadable > 0) lines.push(`  Tệp không đọc được (không tính): ${totals.unreadable}`);
  return lines;
}

export async function runConsolidate(args: readonly string[], io: CliIo, help: string): Promise<number> {
  const parsed = parseArgs(args, OPTIONS);
  if (optionFlag(parsed, 'help')) {
    io.stdout(help);
    return EXIT_OK;
  }
  const output = optionString(parsed, 'output');
  if (output === undefined) throw new UsageError('Thiếu tệp kết quả: bontot consolidate FILE.xlsx... -o OUT.xlsx');
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`Tệp kết quả phải có đuôi .xlsx: "${output}".`);
  if (parsed.positionals.length === 0) throw new UsageError('Thiếu tệp cần tổng hợp: bontot consolidate FILE.xlsx... -o OUT.xlsx');
  const files = inputFiles(parsed.positionals, optionFlag(parsed, 'recursive'));
  const asOf = parseAsOf(optionString(parsed, 'as-of'));
  const policy = await loadPolicy(optionString(parsed, 'policy'));
  const json = optionFlag(parsed, 'json');
  const issuer = optionString(parsed, 'issuer')?.trim();
  if (issuer !== undefined && issuer === '') throw new UsageError('--issuer cần tên cấp ủy ban hành, ví dụ --issuer "Đảng ủy phường Bến Thành".');
  if (!optionFlag(parsed, 'force') && (await fileExists(output))) {
    let kind: string | null = null;
    try {
      kind = generatedFileKind(await readWorkbookFileData(output));
    } catch {
      kind = null;
    }
    if (kind !== 'consolidation') {
      throw new UsageError(`Tệp "${output}" đã có và không phải tệp tổng hợp do bontot tạo; không ghi đè. Dùng --force nếu muốn ghi đè.`);
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
              const kind = row.kind ? orgKindLabel(row.kind, row.level) : 'chưa rõ loại';
              io.stdout(
                `${file}: ${row.name ?? '(chưa có tên)'} (${kind}) — ${VERDICT_LABELS[row.status]}${row.reasonText ? ` — ${row.reasonText}` : ''}${outcome.added ? '' : ' [trùng, không tính lại]'}`,
              );
              break;
            }
            case 'consolidation':
              io.stdout(`${file}: tệp tổng hợp, ${outcome.rows} dòng (${outcome.added} dòng mới)`);
              break;
            case 'error':
              io.stdout(`${file}: không đọc được — ${outcome.message}`);
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
    for (const note of consolidation.duplicates) io.stdout(`Cảnh báo: ${duplicateText(note)}`);
    for (const line of totalsText(totals)) io.stdout(line);
    io.stdout(`Đã ghi: ${output}`);
  }
  return result.unreadable > 0 ? EXIT_ERROR : EXIT_OK;
}
