/**
 * `bontot consolidate`: organisation workbooks and earlier consolidations, in any mix, to one
 * `Danh sách tổ chức`. Files are read one at a time and only their rows are kept, so memory stays
 * flat in the number of files. (Reading on worker threads was tried and removed: on the 2-vCPU
 * machine the benchmarks run on it was no faster and its peak memory was higher; issue #24.)
 */
import { resolve } from 'path';
import { defaultPolicy, type Policy } from '../core/policy';
import { messageIn, percentIn, type Lang, type MessageRef } from '../core/messages';
import { REASON_LABELS } from '../core/messages/policyWords';
import type { IsoDate } from '../core/types';
import { readWorkbookFileData, writeWorkbookFile } from '../hosts/xlsx/node';
import { checkWorkbook } from '../workbook/check';
import { checkFile } from '../workbook/checkFile';
import { generatedFileKind } from '../workbook/generated';
import {
  Consolidation,
  duplicateText,
  KIND_KEY_LABELS,
  rowFromCheck,
  rowFromError,
  type ConsolidationRow,
  type ConsolidationTotals,
  type DuplicateNote,
  type KindKey,
} from '../workbook/consolidate';
import { consolidationLayout } from '../workbook/layout/consolidation';
import { optionFlag, optionString, parseArgs } from './args';
import { collectGarbage, diskFile, EXIT_ERROR, EXIT_OK, fileExists, inputFiles, loadPolicy, parseAsOf, type CliIo } from './common';
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
  | { type: 'error'; message: string; text?: MessageRef }
  | { type: 'skipped'; note: string; noteKey: SkipNoteKey };

/** Why an input was skipped: the CLI's own words (lang.ts), Vietnamese in `note`. */
type SkipNoteKey = 'cons.skipSummary' | 'cons.skipOutput';

/** A skipped input: its Vietnamese note and the note's key, to word it in --lang. */
export interface SkippedInput {
  file: string;
  skipped: string;
  noteKey: SkipNoteKey;
}

export interface ConsolidateResult {
  consolidation: Consolidation;
  skipped: SkippedInput[];
  unreadable: number;
  /** Each unreadable input's error with its catalogue reference, so that JSON can give it in `--lang`. */
  readErrors: Map<string, ReadError>;
  totals: ConsolidationTotals;
}

type ReadError = { message: string; text?: MessageRef };

/** What reading one input gave: only what the consolidation keeps (a row, or an earlier consolidation's rows). */
type InputRead =
  | { type: 'checked'; row: ConsolidationRow }
  | { type: 'consolidation'; rows: ConsolidationRow[] }
  | ({ type: 'error' } & ReadError)
  | { type: 'skipped'; note: string; noteKey: SkipNoteKey };

function skippedAs(noteKey: SkipNoteKey): InputRead {
  return { type: 'skipped', note: cliText('vi', noteKey), noteKey };
}

/** Reads and checks one input down to its row. Never throws: a bad input is an `error` read. */
async function readInput(file: string, policy: Policy, asOf: IsoDate): Promise<InputRead> {
  const read = await checkFile(diskFile(file), (sheets) => rowFromCheck(file, checkWorkbook(sheets, { policy, asOf })), {
    readConsolidations: true,
  });
  switch (read.type) {
    case 'checked':
      return { type: 'checked', row: read.checked };
    case 'skipped':
      return read.rows ? { type: 'consolidation', rows: read.rows } : skippedAs('cons.skipSummary');
    case 'unreadable':
      return { type: 'error', message: read.message, ...(read.text ? { text: read.text } : {}) };
  }
}

/**
 * Reads every input, one at a time, then writes the consolidation. Never throws on a bad input.
 * Each input's rows are applied in input order and the rest of it is dropped before the next.
 */
export async function consolidateFiles(options: ConsolidateRunOptions): Promise<ConsolidateResult> {
  const policy = options.policy ?? defaultPolicy();
  const consolidation = new Consolidation();
  const skipped: SkippedInput[] = [];
  let unreadable = 0;
  const readErrors = new Map<string, ReadError>();
  const outputPath = resolve(options.output);
  for (const file of options.files) {
    const read: InputRead = resolve(file) === outputPath ? skippedAs('cons.skipOutput') : await readInput(file, policy, options.asOf);
    const outcome = applyRead(read, file, consolidation);
    if (outcome.type === 'skipped') skipped.push({ file, skipped: outcome.note, noteKey: outcome.noteKey });
    if (outcome.type === 'error') {
      unreadable += 1;
      readErrors.set(file, outcome);
    }
    options.onFile?.(file, outcome);
  }
  const rows = consolidation.rows;
  const layout = consolidationLayout(rows, { asOf: options.asOf, policy, duplicates: consolidation.duplicates, issuer: options.issuer ?? null });
  collectGarbage();
  await writeWorkbookFile([layout], options.output, { kind: 'consolidation', title: 'Danh sách tổ chức' });
  return { consolidation, skipped, unreadable, readErrors, totals: consolidation.totals(policy) };
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
      return read;
    case 'skipped':
      return read;
  }
}

/** One row of the JSON; an unreadable input's `error` in `lang` when its read error is known. */
export function rowJson(row: ConsolidationRow, via: string, readError?: ReadError, lang: Lang = 'vi'): ConsolidateRowJson | ConsolidateErrorJson {
  if (row.status === 'error')
    return { file: row.source, via, error: readError ? messageIn(readError, lang) : (row.error ?? row.reasonText), eligible: false };
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
      kind = generatedFileKind(await readWorkbookFileData(output));
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
              io.stdout(cliText(lang, 'cons.unreadable', { file, message: messageIn(outcome, lang) }));
              break;
            case 'skipped':
              io.stdout(`${file}: ${cliText(lang, outcome.noteKey)}`);
              break;
          }
        },
  });
  const { consolidation, totals } = result;
  if (json) {
    const document: ConsolidateJson = {
      asOf,
      output,
      rows: consolidation.rows.map((row) => rowJson(row, consolidation.via(row.key) ?? row.source, result.readErrors.get(row.source), lang)),
      // The field names of SPEC §6; the note in --lang.
      skipped: result.skipped.map(({ file, noteKey }) => ({ file, skipped: cliText(lang, noteKey) })),
      duplicates: consolidation.duplicates,
      totals,
    };
    io.stdout(JSON.stringify(document, null, 2));
  } else {
    for (const note of consolidation.duplicates) io.stdout(cliText(lang, 'cons.warning', { text: duplicateText(note, lang) }));
    for (const line of totalsText(totals, lang)) io.stdout(line);
    io.stdout(cliText(lang, 'cons.written', { file: output }));
  }
  return result.unreadable > 0 ? EXIT_ERROR : EXIT_OK;
}
