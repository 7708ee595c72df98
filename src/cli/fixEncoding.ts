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
import { optionFlag, optionString, parseArgs } from './args';
import { EXIT_ERROR, EXIT_OK, errorMessage, fileExists, type CliIo } from './common';
import { messageIn, type Lang } from '../core/messages';
import { cliText, LANG_OPTIONS, lostPartsLinesIn, parseLang, placeIn, usageError, type CliTextKey } from './lang';

const OPTIONS = [
  { name: 'output', short: 'o', value: true },
  { name: 'force', value: false },
  { name: 'dry-run', value: false },
  { name: 'help', short: 'h', value: false },
  ...LANG_OPTIONS,
] as const;

/** Examples of conversions shown per sheet. */
const EXAMPLES_PER_SHEET = 3;

const SKIP_LABELS: Record<SkipReason, CliTextKey> = {
  formula: 'fix.skipFormula',
  changed: 'fix.skipChanged',
  missing: 'fix.skipMissing',
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

/** "TCVN3 (ABC) và VNI" / "TCVN3 (ABC) and VNI". */
function encodingsIn(encodings: Parameters<typeof encodingsLabel>[0], lang: Lang): string {
  const label = encodingsLabel(encodings);
  return lang === 'vi' ? label : label.replace(/ và /g, ' and ');
}

/** The report printed before anything is written. */
export function fixReport(input: string, result: FixResult, lang: Lang = 'vi'): string[] {
  const lines: string[] = [];
  const counts = encodingCounts(result.plan);
  if (result.plan.length === 0) {
    lines.push(cliText(lang, 'fix.nothing', { file: quote(input) }));
    return lines;
  }
  lines.push(cliText(lang, 'fix.found', { file: quote(input), count: result.plan.length, encodings: encodingsIn(counts, lang) }));
  lines.push(...lostPartsLinesIn(result.lost, 'lostFixInExcel', lang));
  lines.push(cliText(lang, 'fix.bySheet'));
  for (const sheet of countBySheet(result.applied)) {
    lines.push(cliText(lang, 'fix.sheet', { sheet: sheet.sheet, count: sheet.cells, encodings: encodingsIn(sheet.encodings, lang) }));
    const examples = result.applied.filter((fix) => fix.sheet === sheet.sheet).slice(0, EXAMPLES_PER_SHEET);
    for (const fix of examples) lines.push(`    ${fix.cell}: ${quote(fix.before.trim())} → ${quote(fix.after.trim())}`);
  }
  const skipped = result.skipped;
  if (skipped.length > 0) {
    lines.push(cliText(lang, 'fix.skipped', { count: skipped.length }));
    for (const { fix, reason } of skipped.slice(0, 20))
      lines.push(`  ${placeIn(fix.sheet, fix.cell, lang) ?? fix.cell}: ${cliText(lang, SKIP_LABELS[reason])} — ${quote(fix.before.trim())}`);
    if (skipped.length > 20) lines.push(cliText(lang, 'fix.more', { count: skipped.length - 20 }));
  }
  if (result.fontsChanged > 0) lines.push(cliText(lang, 'fix.fonts', { count: result.fontsChanged }));
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
  const lang = parseLang(parsed);
  if (parsed.positionals.length !== 1) throw usageError(parsed.positionals.length === 0 ? 'fix.noFile' : 'fix.oneFile');
  const input = parsed.positionals[0] as string;
  const output = optionString(parsed, 'output');
  const dryRun = optionFlag(parsed, 'dry-run');
  const force = optionFlag(parsed, 'force');
  if (output === undefined && !dryRun) throw usageError('fix.noOutput');
  if (output !== undefined) {
    if (!/\.xlsx$/i.test(output)) throw usageError('outputSuffix', { file: output });
    if (await samePath(input, output)) {
      throw usageError('outputIsInput', { file: input });
    }
    if (!dryRun && !force && (await fileExists(output))) {
      throw usageError('outputExists', { file: output });
    }
  }

  let result: FixResult;
  try {
    result = await fixLegacyEncoding(await readFileBytes(input), { inflateRaw: nodeInflateRaw });
  } catch (error) {
    const message =
      error instanceof WorkbookReadError ? messageIn(error, lang) : cliText(lang, 'cannotRead', { file: input, detail: errorMessage(error) });
    io.stderr(cliText(lang, 'errorPrefix', { message }));
    return EXIT_ERROR;
  }
  for (const line of fixReport(input, result, lang)) io.stdout(line);
  if (result.output === null) {
    if (result.plan.length > 0) io.stdout(cliText(lang, 'fix.noneConverted'));
    return EXIT_OK;
  }
  if (dryRun || output === undefined) {
    io.stdout(cliText(lang, 'fix.dryRun'));
    return EXIT_OK;
  }
  try {
    await writeNew(output, result.output);
  } catch (error) {
    io.stderr(cliText(lang, 'errorPrefix', { message: cliText(lang, 'cannotWrite', { file: output, detail: errorMessage(error) }) }));
    return EXIT_ERROR;
  }
  io.stdout(cliText(lang, 'fix.written', { output: quote(output), count: result.applied.length, input: quote(input) }));
  return EXIT_OK;
}
