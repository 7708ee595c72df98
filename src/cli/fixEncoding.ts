/**
 * `bontot fix-encoding IN.xlsx -o OUT.xlsx [--force] [--dry-run]`: a NEW workbook whose TCVN3/VNI
 * cells are converted to Unicode. The input is never written. Before writing, it says which parts
 * of the workbook the rewrite (ExcelJS) does not carry (charts, pivot tables …) and how many cells
 * it converts on each sheet.
 * Exit status: 0 written (or nothing to convert, or --dry-run); 2 usage error, unreadable input,
 * an existing OUT without --force, or a write that failed.
 */
import { promises as fs } from 'fs';
import { resolve } from 'path';
import { nodeInflateRaw, readFileBytes, WorkbookReadError } from '../hosts/xlsx/node';
import { encodingCounts, fixLegacyEncoding, type FixResult, type SkipReason } from '../hosts/xlsx/fix';
import { countBySheet, encodingsLabel } from '../workbook/legacyFix';
import { optionFlag, optionString, parseArgs, UsageError } from './args';
import { EXIT_ERROR, EXIT_OK, errorMessage, fileExists, type CliIo } from './common';
import { LANG_OPTIONS } from './lang';

const OPTIONS = [
  { name: 'output', short: 'o', value: true },
  { name: 'force', value: false },
  { name: 'dry-run', value: false },
  { name: 'help', short: 'h', value: false },
  ...LANG_OPTIONS,
] as const;

/** Examples of conversions shown per sheet. */
const EXAMPLES_PER_SHEET = 3;

const SKIP_LABELS: Record<SkipReason, string> = {
  formula: 'ô có công thức (chữ nằm trong công thức: hãy sửa công thức trong Excel)',
  changed: 'ô không còn giữ đúng giá trị đã đọc',
  missing: 'ô không tìm thấy',
};

async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    return (await fs.realpath(a)) === (await fs.realpath(b));
  } catch {
    return false;
  }
}

function quote(text: string): string {
  return `"${text}"`;
}

/** The report printed before anything is written. */
export function fixReport(input: string, result: FixResult): string[] {
  const lines: string[] = [];
  const counts = encodingCounts(result.plan);
  if (result.plan.length === 0) {
    lines.push(`${quote(input)}: không có ô nào gõ bằng phông TCVN3 (ABC) hoặc VNI (VNI-Times); không cần chuyển mã.`);
    return lines;
  }
  lines.push(`${quote(input)}: ${result.plan.length} ô gõ bằng phông ${encodingsLabel(counts)}.`);
  if (result.lost.length > 0) {
    lines.push('Cảnh báo: sổ tính mới được ghi lại bằng thư viện ExcelJS, vốn không giữ được các phần sau (tệp gốc vẫn còn nguyên):');
    for (const part of result.lost) {
      const kept = part.output > 0 ? `, còn ${part.output}` : '';
      lines.push(`  - ${part.label}: ${part.input} phần${kept} (${part.parts.slice(0, 3).join(', ')}${part.parts.length > 3 ? ', …' : ''})`);
    }
    lines.push('  Nếu cần giữ các phần này, hãy chuyển mã ngay trong Excel (nút "Chuyển mã sang Unicode" của Bốn Tốt).');
  }
  lines.push('Số ô chuyển mã sang Unicode theo từng trang:');
  for (const sheet of countBySheet(result.applied)) {
    lines.push(`  ${sheet.sheet}: ${sheet.cells} ô (${encodingsLabel(sheet.encodings)})`);
    const examples = result.applied.filter((fix) => fix.sheet === sheet.sheet).slice(0, EXAMPLES_PER_SHEET);
    for (const fix of examples) lines.push(`    ${fix.cell}: ${quote(fix.before.trim())} → ${quote(fix.after.trim())}`);
  }
  const skipped = result.skipped;
  if (skipped.length > 0) {
    lines.push(`Không chuyển ${skipped.length} ô:`);
    for (const { fix, reason } of skipped.slice(0, 20))
      lines.push(`  ${fix.sheet}!${fix.cell}: ${SKIP_LABELS[reason]} — ${quote(fix.before.trim())}`);
    if (skipped.length > 20) lines.push(`  … và ${skipped.length - 20} ô khác.`);
  }
  if (result.fontsChanged > 0) {
    lines.push(
      `Đổi phông của ${result.fontsChanged} ô từ phông TCVN3/VNI (.VnTime, VNI-Times …) sang phông Unicode (Times New Roman, Arial) để chữ hiển thị đúng.`,
    );
  }
  return lines;
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

export async function runFixEncoding(args: readonly string[], io: CliIo, help: string): Promise<number> {
  const parsed = parseArgs(args, OPTIONS);
  if (optionFlag(parsed, 'help')) {
    io.stdout(help);
    return EXIT_OK;
  }
  if (parsed.positionals.length !== 1) {
    throw new UsageError(
      parsed.positionals.length === 0
        ? 'Thiếu tệp cần chuyển mã: bontot fix-encoding IN.xlsx -o OUT.xlsx'
        : 'Chỉ cho một tệp đầu vào: bontot fix-encoding IN.xlsx -o OUT.xlsx',
    );
  }
  const input = parsed.positionals[0] as string;
  const output = optionString(parsed, 'output');
  const dryRun = optionFlag(parsed, 'dry-run');
  const force = optionFlag(parsed, 'force');
  if (output === undefined && !dryRun) throw new UsageError('Thiếu tệp kết quả: -o OUT.xlsx (tệp mới; tệp đầu vào không bị sửa).');
  if (output !== undefined) {
    if (!/\.xlsx$/i.test(output)) throw new UsageError(`Tệp kết quả phải có đuôi .xlsx: "${output}".`);
    if (await samePath(input, output)) {
      throw new UsageError(`Tệp kết quả trùng tệp đầu vào "${input}"; bontot không sửa tệp đầu vào. Hãy cho một tên tệp mới.`);
    }
    if (!dryRun && !force && (await fileExists(output))) {
      throw new UsageError(`Tệp "${output}" đã có; không ghi đè. Hãy cho một tên tệp mới, hoặc thêm --force nếu muốn ghi đè.`);
    }
  }

  let result: FixResult;
  try {
    result = await fixLegacyEncoding(await readFileBytes(input), { inflateRaw: nodeInflateRaw });
  } catch (error) {
    io.stderr(`Lỗi: ${error instanceof WorkbookReadError ? error.message : `không đọc được "${input}": ${errorMessage(error)}`}`);
    return EXIT_ERROR;
  }
  for (const line of fixReport(input, result)) io.stdout(line);
  if (result.output === null) {
    if (result.plan.length > 0) io.stdout('Không có ô nào chuyển mã được; không ghi tệp mới.');
    return EXIT_OK;
  }
  if (dryRun || output === undefined) {
    io.stdout('Chạy thử (--dry-run): không ghi tệp nào.');
    return EXIT_OK;
  }
  try {
    await writeNew(output, result.output);
  } catch (error) {
    io.stderr(`Lỗi: không ghi được "${output}": ${errorMessage(error)}`);
    return EXIT_ERROR;
  }
  io.stdout(`Đã ghi ${quote(output)}: ${result.applied.length} ô đã chuyển mã sang Unicode. Tệp gốc ${quote(input)} không bị sửa.`);
  return EXIT_OK;
}
