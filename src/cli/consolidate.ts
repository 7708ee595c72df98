/**
 * `bontot consolidate`: organisation workbooks and earlier consolidations, in any mix, to one
 * `Danh sách tổ chức`. Files are read one at a time and only their rows are kept, so memory stays
 * flat in the number of files.
 */
import { resolve } from 'path';
import { defaultPolicy, type Policy } from '../core/policy';
import { formatNumber } from '../core/text';
import type { IsoDate } from '../core/types';
import { orgKindLabel } from '../core/vocabulary';
import { readWorkbookFileData, WorkbookReadError, writeWorkbookFile } from '../hosts/xlsxFile';
import { checkWorkbook } from '../workbook/check';
import {
  Consolidation,
  CONSOLIDATION_SHEET,
  consolidationLayout,
  duplicateText,
  KIND_KEY_LABELS,
  readConsolidation,
  rowFromCheck,
  rowFromError,
  VERDICT_LABELS,
  type ConsolidationRow,
  type ConsolidationTotals,
  type DuplicateNote,
  type KindKey,
} from '../workbook/consolidate';
import { optionFlag, optionString, parseArgs, UsageError } from './args';
import { EXIT_ERROR, EXIT_OK, errorMessage, fileExists, generatedKind, loadPolicy, parseAsOf, type CliIo } from './common';

const OPTIONS = [
  { name: 'output', short: 'o', value: true },
  { name: 'policy', value: true },
  { name: 'as-of', value: true },
  { name: 'json', value: false },
  { name: 'force', value: false },
  { name: 'help', short: 'h', value: false },
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

/** Reads every input (one at a time), then writes the consolidation. Never throws on a bad input. */
export async function consolidateFiles(options: ConsolidateRunOptions): Promise<ConsolidateResult> {
  const policy = options.policy ?? defaultPolicy();
  const consolidation = new Consolidation();
  const skipped: { file: string; skipped: string }[] = [];
  let unreadable = 0;
  const outputPath = resolve(options.output);
  for (const file of options.files) {
    let outcome: InputOutcome;
    if (resolve(file) === outputPath) {
      outcome = { type: 'skipped', note: 'Bỏ qua: đây là tệp kết quả của chính lệnh này (-o).' };
    } else {
      outcome = await consolidateOne(file, consolidation, policy, options.asOf);
    }
    if (outcome.type === 'skipped') skipped.push({ file, skipped: outcome.note });
    if (outcome.type === 'error') unreadable += 1;
    options.onFile?.(file, outcome);
  }
  const rows = consolidation.rows;
  const layout = consolidationLayout(rows, { asOf: options.asOf, policy, duplicates: consolidation.duplicates });
  await writeWorkbookFile([layout], options.output, { kind: 'consolidation', title: 'Danh sách tổ chức' });
  return { consolidation, skipped, unreadable, totals: consolidation.totals(policy) };
}

async function consolidateOne(
  file: string,
  consolidation: Consolidation,
  policy: Policy,
  asOf: IsoDate,
): Promise<InputOutcome> {
  try {
    const data = await readWorkbookFileData(file);
    const generated = generatedKind(data);
    if (generated === 'consolidation') {
      const rows = readConsolidation(data.sheets);
      if (rows === null) {
        const message = `Tệp được đánh dấu là bản tổng hợp của bontot nhưng không có trang "${CONSOLIDATION_SHEET}" đọc được; hãy tạo lại bằng "bontot consolidate" từ các tệp gốc.`;
        consolidation.add(rowFromError(file, message), file);
        return { type: 'error', message };
      }
      let added = 0;
      for (const row of rows) if (consolidation.add(row, file)) added += 1;
      return { type: 'consolidation', rows: rows.length, added };
    }
    if (generated !== null) {
      return { type: 'skipped', note: 'Bỏ qua: bản "Tổng hợp" riêng lẻ (.tonghop.xlsx) không phải sổ tính của tổ chức.' };
    }
    const result = checkWorkbook(data.sheets, { policy, asOf });
    const row = rowFromCheck(file, result);
    return { type: 'checked', row, added: consolidation.add(row, file) };
  } catch (error) {
    const message = error instanceof WorkbookReadError ? error.message : `Lỗi khi kiểm tra tệp: ${errorMessage(error)}`;
    const row = rowFromError(file, message);
    consolidation.add(row, file);
    return { type: 'error', message };
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
    `${totals.eligible}/${totals.organizations} tổ chức đạt (${share} %), chỉ tiêu ${formatNumber(totals.target * 100)} % — ${totals.targetMet ? 'đạt chỉ tiêu' : 'chưa đạt chỉ tiêu'}`,
  ];
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
  const asOf = parseAsOf(optionString(parsed, 'as-of'));
  const policy = await loadPolicy(optionString(parsed, 'policy'));
  const json = optionFlag(parsed, 'json');
  if (!optionFlag(parsed, 'force') && (await fileExists(output))) {
    let kind: string | null = null;
    try {
      kind = generatedKind(await readWorkbookFileData(output));
    } catch {
      kind = null;
    }
    if (kind !== 'consolidation') {
      throw new UsageError(`Tệp "${output}" đã có và không phải tệp tổng hợp do bontot tạo; không ghi đè. Dùng --force nếu muốn ghi đè.`);
    }
  }

  const result = await consolidateFiles({
    files: parsed.positionals,
    output,
    ...(policy ? { policy } : {}),
    asOf,
    onFile: json
      ? undefined
      : (file, outcome) => {
          switch (outcome.type) {
            case 'checked': {
              const row = outcome.row;
              const kind = row.kind ? orgKindLabel(row.kind, row.level) : 'chưa rõ loại';
              io.stdout(`${file}: ${row.name ?? '(chưa có tên)'} (${kind}) — ${VERDICT_LABELS[row.status]}${row.reasonText ? ` — ${row.reasonText}` : ''}${outcome.added ? '' : ' [trùng, không tính lại]'}`);
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
