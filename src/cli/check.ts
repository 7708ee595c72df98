/** `bontot check`: the verdict of each workbook, as readable Vietnamese text or the SPEC §6 JSON. */
import { basename, dirname, extname, join } from 'path';
import { CRITERION_LABELS, uncomputedCriterionText } from '../core/criteria';
import { defaultPolicy, describeKey, policyToEntries, type Policy } from '../core/policy';
import { formatDate } from '../core/dates';
import { formatNumber } from '../core/text';
import type { IsoDate, OrgKind, OrgLevel } from '../core/types';
import { orgKindLabel } from '../core/vocabulary';
import { readWorkbookFileData, WorkbookReadError, writeWorkbookFile } from '../hosts/xlsxFile';
import { checkWorkbook } from '../workbook/check';
import { Consolidation, duplicateText, rowFromCheck, type ConsolidationRow, type DuplicateNote } from '../workbook/consolidate';
import { summaryLayout } from '../workbook/summary';
import type { CheckResult } from '../workbook/types';
import { optionFlag, optionString, parseArgs, UsageError } from './args';
import {
  EXIT_ERROR,
  EXIT_NOT_ELIGIBLE,
  EXIT_OK,
  errorMessage,
  fileExists,
  generatedKind,
  inputFiles,
  GENERATED_NOTES,
  loadPolicy,
  parseAsOf,
  type CliIo,
} from './common';

export interface CheckFileJson {
  file: string;
  organization: { name: string | null; kind: OrgKind | null; level: OrgLevel | null; year: number | null };
  eligible: boolean;
  /** percent and pass are null when the criterion cannot be computed (an invalid point cell). */
  criteria: { id: string; percent: number | null; pass: boolean | null }[];
  reasons: { code: string; severity: string; message: string; sheet: string | null; cell: string | null }[];
  issues: { severity: string; sheet: string; cell: string | null; code: string; message: string }[];
}

export interface UnreadableFileJson {
  file: string;
  error: string;
  eligible: false;
}

/** A file the product wrote (a summary, a consolidation): skipped, outside the summary counts. */
export interface SkippedFileJson {
  file: string;
  skipped: string;
}

export type FileEntryJson = CheckFileJson | UnreadableFileJson | SkippedFileJson;

export interface CheckJson {
  asOf: IsoDate;
  files: FileEntryJson[];
  summary: {
    organizations: number;
    eligible: number;
    share: number | null;
    target: number;
    targetMet: boolean;
    /** Chi bộ trực thuộc, counted apart from the target (SPEC §1, §6). */
    subordinate: { organizations: number; eligible: number };
  };
}

/** The SPEC §6 JSON entry of one checked workbook (numbers unrounded, field order as in the SPEC). */
export function checkFileJson(file: string, result: CheckResult): CheckFileJson {
  return {
    file,
    organization: {
      name: result.organization.name,
      kind: result.organization.kind,
      level: result.organization.level,
      year: result.organization.year,
    },
    eligible: result.eligible,
    criteria: result.criteria.map((c) => ({ id: c.id, percent: c.percent, pass: c.pass })),
    reasons: result.reasons.map((r) => ({ code: r.code, severity: r.severity, message: r.message, sheet: r.sheet, cell: r.cell })),
    issues: result.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: i.message })),
  };
}

/**
 * The summary of the checked workbooks, counted as the consolidation counts them: grassroots
 * organisations toward the target, chi bộ trực thuộc apart, the same organisation once.
 */
export function summaryTotals(rows: readonly ConsolidationRow[], policy: Policy): { summary: CheckJson['summary']; duplicates: DuplicateNote[] } {
  const consolidation = new Consolidation();
  for (const row of rows) consolidation.add(row);
  const totals = consolidation.totals(policy);
  return {
    summary: {
      organizations: totals.organizations,
      eligible: totals.eligible,
      share: totals.share,
      target: totals.target,
      targetMet: totals.targetMet,
      subordinate: totals.subordinate,
    },
    duplicates: consolidation.duplicates,
  };
}

/** `dir/NAME.xlsx` → `dir/NAME.tonghop.xlsx`. */
export function summaryPathFor(file: string): string {
  const ext = extname(file);
  const stem = ext.toLowerCase() === '.xlsx' || ext.toLowerCase() === '.xlsm' ? basename(file, ext) : basename(file);
  return join(dirname(file), `${stem}.tonghop.xlsx`);
}

// ------------------------------------------------------------------------------------ text output

function place(sheet: string | null, cell: string | null): string {
  if (sheet && cell) return `${sheet}!${cell}`;
  return sheet ?? '—';
}

const REASON_SEVERITY: Record<string, string> = { block: 'chặn', warn: 'cảnh báo' };
const ISSUE_SEVERITY: Record<string, string> = { error: 'lỗi', warning: 'cảnh báo' };

export function formatPercentText(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value)} %`;
}

/** The settings that differ from the seed's defaults, for people ("label = value"). */
export function policyChanges(policy: Policy): string[] {
  const defaults = new Map(policyToEntries(defaultPolicy()).map((entry) => [entry.key, entry.value]));
  return policyToEntries(policy)
    .filter((entry) => defaults.get(entry.key) !== entry.value)
    .map((entry) => `${describeKey(entry.key)?.label ?? entry.key} = ${entry.value === null ? '(không đặt)' : String(entry.value)}`);
}

export function checkText(file: string, result: CheckResult): string {
  const { organization } = result;
  const lines: string[] = [`== ${file} ==`, `Số liệu tính đến ngày ${formatDate(result.asOf)}`];
  const kind = organization.kind ? orgKindLabel(organization.kind, organization.level) : 'chưa rõ loại tổ chức';
  lines.push(`Tổ chức: ${organization.name ?? '(chưa có tên)'} — ${kind}, năm ${organization.year ?? '(chưa rõ)'}`);
  const model = organization.kind === 'dang-bo' ? 'Đảng bộ cơ sở bốn tốt' : 'Chi bộ bốn tốt';
  lines.push(result.eligible ? `Kết luận: ĐỦ ĐIỀU KIỆN đề nghị công nhận "${model}".` : `Kết luận: KHÔNG ĐỦ ĐIỀU KIỆN đề nghị công nhận "${model}".`);
  lines.push(`Tiêu chí (mỗi tiêu chí cần từ ${formatNumber(result.policy.criterionMinPercent)} % trở lên):`);
  for (const criterion of result.criteria) {
    const outcome = criterion.invalidAt
      ? uncomputedCriterionText(criterion.invalidAt)
      : `${formatPercentText(criterion.percent)} — ${criterion.pass ? 'đạt' : 'chưa đạt'}`;
    lines.push(`  ${criterion.id} ${CRITERION_LABELS[criterion.id]}: ${outcome}`);
  }
  if (result.reasons.length > 0) {
    lines.push(`Lý do (${result.reasons.length}):`);
    for (const reason of result.reasons) {
      lines.push(`  [${REASON_SEVERITY[reason.severity] ?? reason.severity}] ${place(reason.sheet, reason.cell)} ${reason.code}: ${reason.message}`);
    }
  }
  if (result.issues.length > 0) {
    lines.push(`Lỗi dữ liệu (${result.issues.length}):`);
    for (const issue of result.issues) {
      lines.push(`  [${ISSUE_SEVERITY[issue.severity] ?? issue.severity}] ${place(issue.sheet, issue.cell)} ${issue.code}: ${issue.message}`);
    }
  }
  const changed = policyChanges(result.policy);
  if (changed.length > 0) {
    const from = result.policySource === 'given' ? 'tệp cấu hình --policy' : 'trang "Cấu hình" của sổ tính';
    lines.push(`Ngưỡng theo ${from}, khác mặc định: ${changed.join('; ')}.`);
  }
  return lines.join('\n');
}

/** The last lines of the text output: a check decides "đủ điều kiện", never "đạt" (SPEC §1, Target). */
export function summaryLine(summary: CheckJson['summary'], duplicates: readonly DuplicateNote[] = []): string {
  const share = summary.share === null ? '—' : formatNumber(summary.share * 100);
  const lines = [
    `${summary.eligible}/${summary.organizations} tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận (${share} %), chỉ tiêu ${formatNumber(summary.target * 100)} %`,
  ];
  if (summary.subordinate.organizations > 0) {
    lines.push(`Chi bộ trực thuộc (không tính vào chỉ tiêu): ${summary.subordinate.eligible}/${summary.subordinate.organizations} đủ điều kiện`);
  }
  for (const note of duplicates) lines.push(`Lưu ý: ${duplicateText(note)}`);
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------ the command

const OPTIONS = [
  { name: 'json', value: false },
  { name: 'policy', value: true },
  { name: 'as-of', value: true },
  { name: 'write-summary', value: false },
  { name: 'recursive', short: 'r', value: false },
  { name: 'help', short: 'h', value: false },
] as const;

async function writeSummary(file: string, result: CheckResult): Promise<string> {
  const out = summaryPathFor(file);
  if (await fileExists(out)) {
    // Overwrite only a summary this product wrote: never a user's file that happens to have the name.
    let kind: string | null = null;
    try {
      kind = (await readWorkbookFileData(out)).generatedKind;
    } catch {
      kind = null;
    }
    if (kind !== 'tong-hop') {
      throw new Error(`Không ghi "${out}": tệp này đã có và không phải bản tổng hợp do bontot tạo. Hãy đổi tên hoặc xóa tệp đó.`);
    }
  }
  await writeWorkbookFile([summaryLayout(result)], out, { kind: 'tong-hop', title: 'Tổng hợp' });
  return out;
}

export async function runCheck(args: readonly string[], io: CliIo, help: string): Promise<number> {
  const parsed = parseArgs(args, OPTIONS);
  if (optionFlag(parsed, 'help')) {
    io.stdout(help);
    return EXIT_OK;
  }
  if (parsed.positionals.length === 0) throw new UsageError('Thiếu tệp cần kiểm tra: bontot check FILE.xlsx...');
  const files = inputFiles(parsed.positionals, optionFlag(parsed, 'recursive'));
  const asOf = parseAsOf(optionString(parsed, 'as-of'));
  const given = await loadPolicy(optionString(parsed, 'policy'));
  const json = optionFlag(parsed, 'json');
  const wantSummary = optionFlag(parsed, 'write-summary');
  const note = (text: string): void => (json ? io.stderr(text) : io.stdout(text));

  const entries: FileEntryJson[] = [];
  const rows: ConsolidationRow[] = [];
  let failed = false;
  let notEligible = false;
  // One file at a time: only its verdict is kept, never its grids.
  for (const file of files) {
    let result: CheckResult;
    try {
      const data = await readWorkbookFileData(file);
      const generated = generatedKind(data);
      if (generated !== null) {
        entries.push({ file, skipped: GENERATED_NOTES[generated] });
        if (!json) io.stdout(`== ${file} ==\n${GENERATED_NOTES[generated]}\n`);
        continue;
      }
      result = checkWorkbook(data.sheets, { ...(given ? { policy: given } : {}), asOf });
    } catch (error) {
      failed = true;
      const message = error instanceof WorkbookReadError ? error.message : `Lỗi khi kiểm tra tệp: ${errorMessage(error)}`;
      entries.push({ file, error: message, eligible: false });
      if (!json) io.stdout(`== ${file} ==\nKhông đọc được: ${message}\n`);
      continue;
    }
    entries.push(checkFileJson(file, result));
    rows.push(rowFromCheck(file, result));
    if (!result.eligible) notEligible = true;
    if (!json) io.stdout(`${checkText(file, result)}\n`);
    if (wantSummary) {
      try {
        const out = await writeSummary(file, result);
        note(`Đã ghi bản tổng hợp: ${out}`);
      } catch (error) {
        failed = true;
        io.stderr(`Không ghi được bản tổng hợp của "${file}": ${errorMessage(error)}`);
      }
    }
  }
  const { summary, duplicates } = summaryTotals(rows, given ?? defaultPolicy());
  if (json) {
    const document: CheckJson = { asOf, files: entries, summary };
    for (const note of duplicates) io.stderr(`Lưu ý: ${duplicateText(note)}`);
    io.stdout(JSON.stringify(document, null, 2));
  } else {
    io.stdout(summaryLine(summary, duplicates));
  }
  if (failed) return EXIT_ERROR;
  return notEligible ? EXIT_NOT_ELIGIBLE : EXIT_OK;
}
