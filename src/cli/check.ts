/** `bontot check`: the verdict of each workbook, as readable Vietnamese text or the SPEC §6 JSON. */
import { basename, dirname, extname, join } from 'path';
import { messageIn, numberIn, percentIn, render, type Lang } from '../core/messages';
import { defaultPolicy, labelRef, policyToEntries, type Policy } from '../core/policy';
import { formatDate } from '../core/dates';
import type { IsoDate, OrgKind, OrgLevel } from '../core/types';
import { cliText, LANG_OPTIONS, orgKindIn, parseLang, percentTextIn, placeIn, usageError, word } from './lang';
import { readWorkbookFileData, writeWorkbookFile } from '../hosts/xlsx/node';
import { checkWorkbook } from '../workbook/check';
import { checkFile } from '../workbook/checkFile';
import { Consolidation, duplicateText, rowFromCheck, type ConsolidationRow, type DuplicateNote } from '../workbook/consolidate';
import { summaryLayout } from '../workbook/layout/summary';
import type { CheckResult } from '../workbook/types';
import { optionFlag, optionString, parseArgs } from './args';
import { EXIT_ERROR, EXIT_NOT_ELIGIBLE, EXIT_OK, diskFile, errorMessage, fileExists, inputFiles, loadPolicy, parseAsOf, type CliIo } from './common';

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
export function checkFileJson(file: string, result: CheckResult, lang: Lang = 'vi'): CheckFileJson {
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
    reasons: result.reasons.map((r) => ({ code: r.code, severity: r.severity, message: messageIn(r, lang), sheet: r.sheet, cell: r.cell })),
    issues: result.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, code: i.code, message: messageIn(i, lang) })),
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

export function formatPercentText(value: number | null): string {
  return percentTextIn(value, 'vi');
}

/** How a check's text is written: the language, and whether reason/issue codes are shown. */
export interface TextOptions {
  lang?: Lang;
  codes?: boolean;
}

/** One reason or issue line: severity word, place, message, and the code only when asked. */
function findingLine(severity: string, place: string | null, message: string, code: string, codes: boolean): string {
  return `  ${severity} — ${place === null ? '' : `${place}: `}${message}${codes ? ` [${code}]` : ''}`;
}

/** The settings that differ from the seed's defaults, for people ("label = value"). */
export function policyChanges(policy: Policy, lang: Lang = 'vi'): string[] {
  const defaults = new Map(policyToEntries(defaultPolicy()).map((entry) => [entry.key, entry.value]));
  const valueText = (key: string, value: unknown): string => {
    if (value === null) return cliText(lang, 'policyUnset');
    // A severity reads as its word (Không đạt / Lưu ý), never block/warn.
    if (key.startsWith('severity.') && (value === 'block' || value === 'warn')) return word(`severity.${value}`, lang);
    return typeof value === 'number' ? numberIn(value, lang) : String(value);
  };
  return policyToEntries(policy)
    .filter((entry) => defaults.get(entry.key) !== entry.value)
    .map((entry) => {
      const label = labelRef(entry.key);
      return `${label ? render(label, lang) : entry.key} = ${valueText(entry.key, entry.value)}`;
    });
}

export function checkText(file: string, result: CheckResult, options: TextOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const codes = options.codes ?? false;
  const { organization } = result;
  const lines: string[] = [`== ${file} ==`, cliText(lang, 'asOf', { date: formatDate(result.asOf) })];
  const kind = organization.kind ? orgKindIn(organization.kind, organization.level, lang) : cliText(lang, 'noKind');
  lines.push(
    cliText(lang, 'organization', {
      name: organization.name ?? cliText(lang, 'noName'),
      kind,
      year: organization.year === null ? cliText(lang, 'noYear') : String(organization.year),
    }),
  );
  const model = cliText(lang, organization.kind === 'dang-bo' ? 'modelCommittee' : 'modelCell');
  const verdict = word(result.eligible ? 'verdict.eligible' : 'verdict.notEligible', lang);
  lines.push(cliText(lang, 'conclusion', { verdict, model }));
  lines.push(cliText(lang, 'criteria', { minimum: percentIn(result.policy.criterionMinPercent, lang) }));
  for (const criterion of result.criteria) {
    const outcome = criterion.invalidAt
      ? cliText(lang, 'uncomputed', { place: placeIn(criterion.invalidAt.sheet, criterion.invalidAt.cell, lang) ?? '' })
      : `${percentTextIn(criterion.percent, lang)} — ${cliText(lang, criterion.pass ? 'met' : 'notMet')}`;
    lines.push(`  ${criterion.id} ${word(`criterion.${criterion.id}`, lang)}: ${outcome}`);
  }
  const blocking = result.reasons.filter((reason) => reason.severity === 'block');
  const notes = result.reasons.filter((reason) => reason.severity !== 'block');
  for (const [heading, reasons] of [
    ['reasons', blocking],
    ['notes', notes],
  ] as const) {
    if (reasons.length === 0) continue;
    lines.push(cliText(lang, heading, { count: reasons.length }));
    for (const reason of reasons) {
      lines.push(
        findingLine(word(`severity.${reason.severity}`, lang), placeIn(reason.sheet, reason.cell, lang), messageIn(reason, lang), reason.code, codes),
      );
    }
  }
  if (result.issues.length > 0) {
    lines.push(cliText(lang, 'issues', { count: result.issues.length }));
    for (const issue of result.issues) {
      lines.push(
        findingLine(word(`issueSeverity.${issue.severity}`, lang), placeIn(issue.sheet, issue.cell, lang), messageIn(issue, lang), issue.code, codes),
      );
    }
  }
  const changed = policyChanges(result.policy, lang);
  if (changed.length > 0) {
    const from = cliText(lang, result.policySource === 'given' ? 'policyFromFile' : 'policyFromSheet');
    lines.push(cliText(lang, 'policyChanged', { from, changes: changed.join('; ') }));
  }
  return lines.join('\n');
}

/** The last lines of the text output: a check decides "đủ điều kiện", never "đạt" (SPEC §1, Target). */
export function summaryLine(summary: CheckJson['summary'], duplicates: readonly DuplicateNote[] = [], lang: Lang = 'vi'): string {
  const share = summary.share === null ? '—' : percentIn(summary.share * 100, lang);
  const lines = [
    cliText(lang, 'summary', { eligible: summary.eligible, total: summary.organizations, share, target: percentIn(summary.target * 100, lang) }),
  ];
  if (summary.subordinate.organizations > 0) {
    lines.push(cliText(lang, 'subordinate', { eligible: summary.subordinate.eligible, total: summary.subordinate.organizations }));
  }
  for (const note of duplicates) lines.push(cliText(lang, 'note', { text: duplicateText(note, lang) }));
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
  ...LANG_OPTIONS,
] as const;

/** A file already at the summary's name that this product did not write: never overwritten. */
class SummaryTakenError extends Error {
  constructor(readonly file: string) {
    super(cliText('vi', 'check.summaryTaken', { file }));
  }
}

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
      throw new SummaryTakenError(out);
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
  if (parsed.positionals.length === 0) throw usageError('check.noFiles');
  const files = inputFiles(parsed.positionals, optionFlag(parsed, 'recursive'));
  const asOf = parseAsOf(optionString(parsed, 'as-of'));
  const given = await loadPolicy(optionString(parsed, 'policy'));
  const json = optionFlag(parsed, 'json');
  const wantSummary = optionFlag(parsed, 'write-summary');
  const lang = parseLang(parsed);
  const codes = optionFlag(parsed, 'codes');
  const note = (text: string): void => (json ? io.stderr(text) : io.stdout(text));

  const entries: FileEntryJson[] = [];
  const rows: ConsolidationRow[] = [];
  let failed = false;
  let notEligible = false;
  // One file at a time: only its verdict is kept, never its grids.
  for (const file of files) {
    const read = await checkFile(diskFile(file), (sheets) => checkWorkbook(sheets, { ...(given ? { policy: given } : {}), asOf }));
    if (read.type === 'skipped') {
      // The note in --lang (the JSON keeps its field; the kind of file is in the words).
      const skipped = cliText(lang, `generated.${read.kind}`);
      entries.push({ file, skipped });
      if (!json) io.stdout(`== ${file} ==\n${skipped}\n`);
      continue;
    }
    if (read.type === 'unreadable') {
      failed = true;
      const message = messageIn(read, lang);
      entries.push({ file, error: message, eligible: false });
      if (!json) io.stdout(`== ${file} ==\n${cliText(lang, 'unreadable', { message })}\n`);
      continue;
    }
    const result = read.checked;
    entries.push(checkFileJson(file, result, lang));
    rows.push(rowFromCheck(file, result));
    if (!result.eligible) notEligible = true;
    if (!json) io.stdout(`${checkText(file, result, { lang, codes })}\n`);
    if (wantSummary) {
      try {
        const out = await writeSummary(file, result);
        note(cliText(lang, 'check.summaryWritten', { file: out }));
      } catch (error) {
        failed = true;
        const detail = error instanceof SummaryTakenError ? cliText(lang, 'check.summaryTaken', { file: error.file }) : errorMessage(error);
        io.stderr(cliText(lang, 'check.summaryFailed', { file, detail }));
      }
    }
  }
  const { summary, duplicates } = summaryTotals(rows, given ?? defaultPolicy());
  if (json) {
    const document: CheckJson = { asOf, files: entries, summary };
    for (const note of duplicates) io.stderr(cliText(lang, 'note', { text: duplicateText(note, lang) }));
    io.stdout(JSON.stringify(document, null, 2));
  } else {
    io.stdout(summaryLine(summary, duplicates, lang));
  }
  if (failed) return EXIT_ERROR;
  return notEligible ? EXIT_NOT_ELIGIBLE : EXIT_OK;
}
