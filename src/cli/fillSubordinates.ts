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
import { optionFlag, optionString, parseArgs } from './args';
import { EXIT_ERROR, EXIT_NOT_ELIGIBLE, EXIT_OK, errorMessage, fileExists, parseAsOf, type CliIo } from './common';
import { messageIn, render, type Lang } from '../core/messages';
import { cliText, LANG_OPTIONS, lostPartsLinesIn, parseLang, placeIn, usageError, type CliTextKey } from './lang';

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

function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return cliText(lang, 'fill.blank');
  return typeof value === 'string' ? quote(value) : String(value);
}

function changeText(change: FieldChange, lang: Lang): string {
  return `${change.column} ${valueText(change.before, lang)} → ${valueText(change.after, lang)}`;
}

/** The lines saying what a rewrite through ExcelJS loses (the same words as fix-encoding). */
export function lostPartsLines(lost: readonly LostPart[], lang: Lang = 'vi'): string[] {
  return lostPartsLinesIn(lost, 'lostFillInExcel', lang);
}

/**
 * The report of a plan, in the words of a party office. The notes and reasons of each row are the
 * plan's own (src/workbook/fillSubordinates.ts), rendered in the chosen language; a value written
 * into the workbook (a change's before → after) is quoted as the workbook holds it.
 */
export function fillReport(input: string, plan: FillPlan, lang: Lang = 'vi'): string[] {
  const lines: string[] = [];
  const org = plan.organization.name ?? cliText(lang, 'fill.noName');
  lines.push(
    cliText(lang, 'fill.heading', {
      file: quote(input),
      org,
      year: plan.organization.year ?? '',
      sheet: quote(plan.sheet),
      date: formatDate(plan.asOf),
    }),
  );
  const row = (filled: FilledRow): string => cliText(lang, 'fill.row', { row: filled.row, name: filled.sheetName, file: filled.file });
  const section = (title: CliTextKey, rows: readonly FilledRow[], detail: (r: FilledRow) => string): void => {
    if (rows.length === 0) return;
    lines.push(`${cliText(lang, title)} (${rows.length}):`);
    for (const filled of rows) {
      lines.push(`${row(filled)}${detail(filled)}`);
      for (const note of filled.noteTexts) lines.push(`    ${render(note, lang)}`);
    }
  };
  const members = (r: FilledRow): string =>
    r.members === null ? cliText(lang, 'fill.membersUnknown') : cliText(lang, 'fill.members', { count: r.members });
  section('fill.added', plan.added, (r) => ` — ${members(r)}; ${render(r.resultText, lang)}`);
  section('fill.changed', plan.changed, (r) => `: ${r.changes.map((change) => changeText(change, lang)).join('; ')}`);
  section('fill.unchanged', plan.unchanged, (r) => `: ${render(r.resultText, lang)}`);
  if (plan.leftAlone.length > 0) {
    lines.push(cliText(lang, 'fill.leftAlone', { count: plan.leftAlone.length }));
    for (const left of plan.leftAlone) {
      lines.push(
        cliText(lang, 'fill.leftRow', { row: left.row, name: left.name ?? cliText(lang, 'fill.noRowName'), reason: render(left.reasonText, lang) }),
      );
    }
  }
  if (plan.addedColumns.length > 0) {
    lines.push(cliText(lang, 'fill.addedColumns', { columns: plan.addedColumns.map((c) => `${quote(c.header)} (${c.cell})`).join(', ') }));
  }
  if (plan.refused.length > 0) {
    lines.push(cliText(lang, 'fill.refused', { count: plan.refused.length }));
    for (const refused of plan.refused) lines.push(`  ${quote(refused.file)}: ${render(refused.reasonText, lang)}`);
  }
  lines.push(cliText(lang, 'fill.untouched'));
  return lines;
}

/**
 * A row as --json gives it: notes in the chosen language (Vietnamese by default), `result` as
 * written in the workbook, without the catalogue references.
 */
function filledJson({ noteTexts, resultText: _result, ...row }: FilledRow, lang: Lang): FilledJsonRow {
  return { ...row, notes: noteTexts.map((note) => render(note, lang)) };
}

type FilledJsonRow = Omit<FilledRow, 'noteTexts' | 'resultText'>;

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
  added?: FilledJsonRow[];
  changed?: FilledJsonRow[];
  unchanged?: FilledJsonRow[];
  leftAlone?: Omit<FillPlan['leftAlone'][number], 'reasonText'>[];
  refused?: Omit<FillPlan['refused'][number], 'reasonText'>[];
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
  const lang = parseLang(parsed);
  const [input, ...chiBoFiles] = parsed.positionals;
  if (input === undefined) throw usageError('fill.noFiles');
  if (chiBoFiles.length === 0) throw usageError('fill.noCells');
  const output = optionString(parsed, 'output');
  if (output === undefined) throw usageError('fill.noOutput');
  if (!/\.xlsx$/i.test(output)) throw usageError('outputSuffix', { file: output });
  for (const file of [input, ...chiBoFiles]) {
    if (await samePath(file, output)) throw usageError('outputIsInput', { file });
  }
  if (!optionFlag(parsed, 'force') && (await fileExists(output))) throw usageError('outputExists', { file: output });
  const asOf = parseAsOf(optionString(parsed, 'as-of'));
  const json = optionFlag(parsed, 'json');
  const report: FillJson = { asOf, input, output: null, unreadable: [], lostParts: [], skipped: [] };
  const say = (line: string): void => {
    if (!json) io.stdout(line);
  };
  const fail = (message: string): number => {
    if (json) io.stdout(JSON.stringify({ ...report, error: message }, null, 2));
    else io.stderr(cliText(lang, 'errorPrefix', { message }));
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
        error: error instanceof WorkbookReadError ? messageIn(error, lang) : cliText(lang, 'cannotRead', { file, detail: errorMessage(error) }),
      });
    }
  }

  let result: FillFileResult;
  try {
    result = await fillSubordinatesXlsx(await readFileBytes(input), chiBo, { asOf, inflateRaw: nodeInflateRaw });
  } catch (error) {
    return fail(
      error instanceof WorkbookReadError
        ? `${quote(input)}: ${messageIn(error, lang)}`
        : cliText(lang, 'cannotRead', { file: input, detail: errorMessage(error) }),
    );
  }
  if (!result.outcome.ok) return fail(`${quote(input)}: ${render(result.outcome.errorText, lang)}`);
  const plan = result.outcome.plan;
  Object.assign(report, {
    sheet: plan.sheet,
    organization: plan.organization,
    added: plan.added.map((row) => filledJson(row, lang)),
    changed: plan.changed.map((row) => filledJson(row, lang)),
    unchanged: plan.unchanged.map((row) => filledJson(row, lang)),
    leftAlone: plan.leftAlone.map(({ reasonText, ...left }) => ({ ...left, reason: render(reasonText, lang) })),
    refused: plan.refused.map(({ reasonText, ...refused }) => ({ ...refused, reason: render(reasonText, lang) })),
    addedColumns: plan.addedColumns,
    lostParts: result.lost.map(({ id, label, input: inParts, output: outParts }) => ({ id, label, input: inParts, output: outParts })),
    skipped: result.skipped.map(({ write, reason }) => ({ cell: `${plan.sheet}!${write.cell}`, reason })),
  });

  // What the rewrite cannot carry comes first, then what changes.
  for (const line of lostPartsLines(result.lost, lang)) say(line);
  for (const line of fillReport(input, plan, lang)) say(line);
  for (const unreadable of report.unreadable) say(cliText(lang, 'unreadableFile', { file: quote(unreadable.file), message: unreadable.error }));
  for (const { write, reason } of result.skipped) {
    const place = placeIn(plan.sheet, write.cell, lang) ?? write.cell;
    say(cliText(lang, 'fill.skipCell', { place, reason: cliText(lang, reason === 'formula' ? 'fill.skipFormula' : 'fill.skipMerged') }));
  }

  if (result.output === null) {
    say(cliText(lang, 'fill.noChange'));
  } else {
    try {
      await writeNew(output, result.output);
    } catch (error) {
      return fail(cliText(lang, 'cannotWrite', { file: output, detail: errorMessage(error) }));
    }
    report.output = output;
    say(cliText(lang, 'fill.written', { output: quote(output), input: quote(input) }));
  }
  if (json) io.stdout(JSON.stringify(report, null, 2));
  if (report.unreadable.length > 0) return EXIT_ERROR;
  return plan.refused.length > 0 ? EXIT_NOT_ELIGIBLE : EXIT_OK;
}
