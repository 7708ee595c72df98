/**
 * `bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx [--as-of YYYY-MM-DD] [--json]
 * [--force]` (SPEC §6): a NEW copy of the đảng bộ's workbook whose `Chi bộ trực thuộc` sheet is
 * filled from its chi bộ's workbooks. No input is ever written. Before writing it says which parts
 * the rewrite (ExcelJS) does not carry, as `fix-encoding` does, then what it adds, changes and
 * leaves alone, and which files it refused and why.
 * Exit status: 2 usage error, an unreadable file (the others are still used and OUT still written),
 * an existing OUT without --force, or a write that failed; 1 some chi bộ file was refused (another
 * year, another đảng bộ, not a chi bộ …); else 0.
 */
import { promises as fs } from 'fs';
import { resolve } from 'path';
import { formatDate } from '../core/dates';
import type { IsoDate } from '../core/types';
import { fillSubordinatesXlsx, type FillFileResult } from '../hosts/xlsx/fill';
import { nodeInflateRaw, readFileBytes, readWorkbookFileData, WorkbookReadError } from '../hosts/xlsx/node';
import type { LostPart } from '../hosts/xlsx/fix';
import type { ChiBoInput, FieldChange, FilledRow, FillPlan } from '../workbook/fillSubordinates';
import { optionFlag, optionString, parseArgs, UsageError } from './args';
import { EXIT_ERROR, EXIT_NOT_ELIGIBLE, EXIT_OK, errorMessage, fileExists, parseAsOf, type CliIo } from './common';
import { LANG_OPTIONS } from './lang';

const OPTIONS = [
  { name: 'output', short: 'o', value: true },
  { name: 'as-of', value: true },
  { name: 'json', value: false },
  { name: 'force', value: false },
  { name: 'help', short: 'h', value: false },
  ...LANG_OPTIONS,
] as const;

function quote(text: string): string {
  return `"${text}"`;
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    return (await fs.realpath(a)) === (await fs.realpath(b));
  } catch {
    return false;
  }
}

/** Writes beside, then renames: a crash never leaves a half-written file under the final name. */
async function writeNew(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  return typeof value === 'string' ? quote(value) : String(value);
}

function changeText(change: FieldChange): string {
  return `${change.column} ${valueText(change.before)} → ${valueText(change.after)}`;
}

/** The lines saying what a rewrite through ExcelJS loses (the same words as fix-encoding). */
export function lostPartsLines(lost: readonly LostPart[]): string[] {
  if (lost.length === 0) return [];
  const lines = ['Cảnh báo: sổ tính mới được ghi lại bằng thư viện ExcelJS, vốn không giữ được các phần sau (tệp gốc vẫn còn nguyên):'];
  for (const part of lost) {
    const kept = part.output > 0 ? `, còn ${part.output}` : '';
    lines.push(`  - ${part.label}: ${part.input} phần${kept} (${part.parts.slice(0, 3).join(', ')}${part.parts.length > 3 ? ', …' : ''})`);
  }
  lines.push('  Nếu cần giữ các phần này, hãy điền ngay trong Excel (thẻ "Chi bộ trực thuộc" của Bốn Tốt).');
  return lines;
}

/** The report of a plan, in the words of a party office. */
export function fillReport(input: string, plan: FillPlan): string[] {
  const lines: string[] = [];
  const org = plan.organization.name ?? 'Đảng bộ (chưa ghi tên)';
  lines.push(
    `${quote(input)}: ${org}, năm ${plan.organization.year} — trang ${quote(plan.sheet)}; kết quả tự kiểm tra của các chi bộ tính đến ngày ${formatDate(plan.asOf)}.`,
  );
  const row = (filled: FilledRow): string => `  Dòng ${filled.row}: ${filled.sheetName} [${filled.file}]`;
  const section = (title: string, rows: readonly FilledRow[], detail: (r: FilledRow) => string): void => {
    if (rows.length === 0) return;
    lines.push(`${title} (${rows.length}):`);
    for (const filled of rows) {
      lines.push(`${row(filled)}${detail(filled)}`);
      for (const note of filled.notes) lines.push(`    ${note}`);
    }
  };
  section('Thêm chi bộ mới', plan.added, (r) => ` — ${r.members === null ? 'không rõ số đảng viên' : `${r.members} đảng viên`}; ${r.result}`);
  section('Cập nhật', plan.changed, (r) => `: ${r.changes.map(changeText).join('; ')}`);
  section('Đã đúng, không đổi', plan.unchanged, (r) => `: ${r.result}`);
  if (plan.leftAlone.length > 0) {
    lines.push(`Giữ nguyên (${plan.leftAlone.length}):`);
    for (const left of plan.leftAlone) lines.push(`  Dòng ${left.row}: ${left.name ?? '(không tên)'} — ${left.reason}`);
  }
  if (plan.addedColumns.length > 0) lines.push(`Thêm cột: ${plan.addedColumns.map((c) => `${quote(c.header)} (${c.cell})`).join(', ')}.`);
  if (plan.refused.length > 0) {
    lines.push(`Không dùng (${plan.refused.length}):`);
    for (const refused of plan.refused) lines.push(`  ${quote(refused.file)}: ${refused.reason}`);
  }
  lines.push('Cột "Xếp loại" (do đảng ủy quyết định) và "Chi bộ bốn tốt" (do cấp ủy công nhận) không bị thay đổi.');
  return lines;
}

interface UnreadableFile {
  file: string;
  error: string;
}

export interface FillJson {
  asOf: IsoDate;
  input: string;
  /** The file written, or null (nothing to change, or a failure). */
  output: string | null;
  error?: string;
  sheet?: string;
  organization?: FillPlan['organization'];
  added?: FilledRow[];
  changed?: FilledRow[];
  unchanged?: FilledRow[];
  leftAlone?: FillPlan['leftAlone'];
  refused?: FillPlan['refused'];
  addedColumns?: FillPlan['addedColumns'];
  unreadable: UnreadableFile[];
  lostParts: { id: string; label: string; input: number; output: number }[];
  skipped: { cell: string; reason: string }[];
}

export async function runFillSubordinates(args: readonly string[], io: CliIo, help: string): Promise<number> {
  const parsed = parseArgs(args, OPTIONS);
  if (optionFlag(parsed, 'help')) {
    io.stdout(help);
    return EXIT_OK;
  }
  const [input, ...chiBoFiles] = parsed.positionals;
  if (input === undefined)
    throw new UsageError('Thiếu tệp của đảng bộ và các tệp của chi bộ: bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx');
  if (chiBoFiles.length === 0)
    throw new UsageError('Thiếu tệp của chi bộ trực thuộc: bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx');
  const output = optionString(parsed, 'output');
  if (output === undefined) throw new UsageError('Thiếu tệp kết quả: -o OUT.xlsx (tệp mới; các tệp đầu vào không bị sửa).');
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`Tệp kết quả phải có đuôi .xlsx: "${output}".`);
  for (const file of [input, ...chiBoFiles]) {
    if (await samePath(file, output))
      throw new UsageError(`Tệp kết quả trùng tệp đầu vào "${file}"; bontot không sửa tệp đầu vào. Hãy cho một tên tệp mới.`);
  }
  if (!optionFlag(parsed, 'force') && (await fileExists(output))) {
    throw new UsageError(`Tệp "${output}" đã có; không ghi đè. Hãy cho một tên tệp mới, hoặc thêm --force nếu muốn ghi đè.`);
  }
  const asOf = parseAsOf(optionString(parsed, 'as-of'));
  const json = optionFlag(parsed, 'json');
  const report: FillJson = { asOf, input, output: null, unreadable: [], lostParts: [], skipped: [] };
  const say = (line: string): void => {
    if (!json) io.stdout(line);
  };
  const fail = (message: string): number => {
    if (json) io.stdout(JSON.stringify({ ...report, error: message }, null, 2));
    else io.stderr(`Lỗi: ${message}`);
    return EXIT_ERROR;
  };

  // The chi bộ files: one unreadable file is reported and the others are still used.
  const chiBo: ChiBoInput[] = [];
  for (const file of chiBoFiles) {
    try {
      const data = await readWorkbookFileData(file, { inflateRaw: nodeInflateRaw });
      chiBo.push({ file, sheets: data.sheets, generatedKind: data.generatedKind });
    } catch (error) {
      report.unreadable.push({
        file,
        error: error instanceof WorkbookReadError ? error.message : `không đọc được "${file}": ${errorMessage(error)}`,
      });
    }
  }

  let result: FillFileResult;
  try {
    result = await fillSubordinatesXlsx(await readFileBytes(input), chiBo, { asOf, inflateRaw: nodeInflateRaw });
  } catch (error) {
    return fail(error instanceof WorkbookReadError ? `${quote(input)}: ${error.message}` : `không đọc được "${input}": ${errorMessage(error)}`);
  }
  if (!result.outcome.ok) return fail(`${quote(input)}: ${result.outcome.error}`);
  const plan = result.outcome.plan;
  Object.assign(report, {
    sheet: plan.sheet,
    organization: plan.organization,
    added: plan.added,
    changed: plan.changed,
    unchanged: plan.unchanged,
    leftAlone: plan.leftAlone,
    refused: plan.refused,
    addedColumns: plan.addedColumns,
    lostParts: result.lost.map(({ id, label, input: inParts, output: outParts }) => ({ id, label, input: inParts, output: outParts })),
    skipped: result.skipped.map(({ write, reason }) => ({ cell: `${plan.sheet}!${write.cell}`, reason })),
  });

  // What the rewrite cannot carry comes first, then what changes.
  for (const line of lostPartsLines(result.lost)) say(line);
  for (const line of fillReport(input, plan)) say(line);
  for (const unreadable of report.unreadable) say(`Không đọc được ${quote(unreadable.file)}: ${unreadable.error}`);
  for (const { write, reason } of result.skipped) {
    say(`Không ghi ô ${plan.sheet}!${write.cell}: ${reason === 'formula' ? 'ô có công thức (giữ nguyên công thức)' : 'ô thuộc vùng gộp ô'}.`);
  }

  if (result.output === null) {
    say('Trang không cần thay đổi; không ghi tệp mới.');
  } else {
    try {
      await writeNew(output, result.output);
    } catch (error) {
      return fail(`không ghi được "${output}": ${errorMessage(error)}`);
    }
    report.output = output;
    say(`Đã ghi ${quote(output)}. Tệp gốc ${quote(input)} và các tệp của chi bộ không bị sửa.`);
  }
  if (json) io.stdout(JSON.stringify(report, null, 2));
  if (report.unreadable.length > 0) return EXIT_ERROR;
  return plan.refused.length > 0 ? EXIT_NOT_ELIGIBLE : EXIT_OK;
}
