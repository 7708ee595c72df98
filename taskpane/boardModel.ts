/**
 * The appraisal board's data (part of the lazy board chunk): each input file read and checked as
 * `bontot consolidate` reads it, the board collected through the shared Consolidation
 * (src/workbook/consolidate.ts) — nothing is counted again here — the numbers its pictures draw,
 * and the `Danh sách tổ chức` sheet written into Excel. No DOM.
 */
import { CRITERION_LABELS } from '../src/core/criteria';
import type { MessageRef } from '../src/core/messages';
import { defaultPolicy, type Policy } from '../src/core/policy';
import { formatNumber } from '../src/core/text';
import { CRITERION_IDS, type CriterionId, type IsoDate } from '../src/core/types';
import type { SheetChart } from '../src/hosts/excel';
import { checkWorkbook } from '../src/workbook/check';
import {
  Consolidation,
  CONSOLIDATION_SHEET,
  duplicateRef,
  duplicateText,
  KIND_KEY_LABELS,
  rowFromCheck,
  rowFromError,
  type ConsolidationRow,
  type ConsolidationTotals,
  type KindKey,
  type KindTotals,
} from '../src/workbook/consolidate';
import { consolidationLayout } from '../src/workbook/layout/consolidation';
import type { CellValue, CheckResult, SheetLayout } from '../src/workbook/types';
import { checkFile, type Unreadable } from '../src/workbook/checkFile';
import type { GeneratedFileKind } from '../src/workbook/generated';
import type { WorkbookReader } from './reader';
import { t, type I18nKey, type I18nParams } from './i18n';

// ------------------------------------------------------------------------------------- inputs

/** One input file as read for the board (and for its card on the page). */
export type BoardInput =
  | { file: string; status: 'checked'; result: CheckResult; row: ConsolidationRow; blocking: number }
  | { file: string; status: 'consolidation'; rows: ConsolidationRow[] }
  // `message` is Vietnamese (the list sheet is a party document); `failure`, when the board worded it, is shown in the pane's language.
  | { file: string; status: 'error'; message: string; failure?: BoardFailure | null; text?: MessageRef }
  | { file: string; status: 'skipped'; kind: GeneratedFileKind };

/** A failure the board words itself: shown in the pane's language, written in Vietnamese into the list. */
export interface BoardFailure {
  key: I18nKey;
  params: I18nParams;
}

/**
 * The reader's own message (with its catalogue reference, shown in the pane's language), or the
 * board's wording of an unexpected error.
 */
function boardFailure(read: Unreadable): { message: string; failure?: BoardFailure; text?: MessageRef } {
  if (read.cause === 'read') return read.text ? { message: read.message, text: read.text } : { message: read.message };
  const failure: BoardFailure =
    read.cause === 'brokenConsolidation' ? BROKEN_CONSOLIDATION : { key: 'board.fail.check', params: { message: read.detail ?? '' } };
  return { message: t(failure.key, failure.params, 'vi'), failure };
}

/** A marked consolidation without a readable list: the same advice as `bontot consolidate`. */
const BROKEN_CONSOLIDATION: BoardFailure = { key: 'board.fail.brokenConsolidation', params: { sheet: CONSOLIDATION_SHEET } };

/**
 * Reads and checks one file as `bontot consolidate` does (an earlier consolidation is read back as
 * its rows; a `Tổng hợp` file is skipped). The row of a workbook judges it by one policy for every
 * organisation (the default, as the CLI without --policy); its card keeps the workbook's own check.
 * Never throws.
 */
export async function readBoardInput(
  file: string,
  bytes: () => Promise<ArrayBuffer | Uint8Array>,
  reader: WorkbookReader,
  asOf: IsoDate,
): Promise<BoardInput> {
  const read = await checkFile(
    { bytes, read: (data) => reader.readWorkbookData(data) },
    (sheets) => {
      const result = checkWorkbook(sheets, { asOf });
      const forList = result.policySource === 'workbook' ? checkWorkbook(sheets, { asOf, policy: defaultPolicy() }) : result;
      return { result, row: rowFromCheck(file, forList), blocking: forList.reasons.filter((r) => r.severity === 'block').length };
    },
    { readConsolidations: true },
  );
  switch (read.type) {
    case 'checked':
      return { file, status: 'checked', ...read.checked };
    case 'skipped':
      return read.rows ? { file, status: 'consolidation', rows: read.rows } : { file, status: 'skipped', kind: read.kind };
    case 'unreadable':
      return { file, status: 'error', ...boardFailure(read) };
  }
}

// ------------------------------------------------------------------------------------- the board

export type LineStatus = 'error' | 'skipped' | 'duplicate' | 'eligible' | 'not-eligible';

/** One row of the overview table. */
export interface BoardLine {
  /** The input file that gave the line (opens its card). */
  file: string;
  /** The organisation's original workbook when it came through a consolidation, else null. */
  source: string | null;
  status: LineStatus;
  row: ConsolidationRow | null;
  /** Blocking reasons, when known (a row read back from a consolidation: from its list of reasons). */
  blocking: number | null;
  /** The reason of an unreadable, skipped or duplicate line (Vietnamese). */
  note: string | null;
  /** `note` as a catalogue reference, to show it in the pane's language. */
  noteText?: MessageRef;
  noteKey: I18nKey | null;
  /** The placeholders of `noteKey`. */
  noteParams?: I18nParams;
}

export interface VerdictBar {
  key: 'target' | KindKey;
  label: string;
  organizations: number;
  eligible: number;
}

export interface CriterionBar {
  id: CriterionId;
  label: string;
  pass: number;
  below: number;
  unknown: number;
}

export interface BoardChart {
  /** The target as a fraction. */
  target: number;
  /** The criterion threshold, in percent. */
  threshold: number;
  verdicts: VerdictBar[];
  criteria: CriterionBar[];
}

export interface Board {
  consolidation: Consolidation;
  totals: ConsolidationTotals;
  /** Unreadable, skipped and duplicate lines first, then the organisations in input order. */
  lines: BoardLine[];
  chart: BoardChart;
  /** True when at least one organisation was read (there is something to download or write). */
  hasRows: boolean;
}

/** Blocking reasons of a row read back from a consolidation: its `Lý do` text counts them ("X (3); Y"). */
function blockingFromText(row: ConsolidationRow): number | null {
  if (row.status === 'error') return null;
  if (row.reasonText.trim() === '') return 0;
  return row.reasonText.split('; ').reduce((sum, part) => sum + Number(/\((\d+)\)$/.exec(part)?.[1] ?? 1), 0);
}

/**
 * What `bontot consolidate` would make of these inputs, in this order, and the overview table's
 * lines. `policy` gives the target and the criterion threshold (the CLI's default without --policy).
 */
export function collectBoard(inputs: readonly BoardInput[], policy: Policy = defaultPolicy()): Board {
  const consolidation = new Consolidation();
  const top: BoardLine[] = [];
  const rest: BoardLine[] = [];
  const duplicateLine = (file: string, row: ConsolidationRow, source: string | null): BoardLine => {
    const note = consolidation.duplicates[consolidation.duplicates.length - 1];
    if (!note) return { file, source, status: 'duplicate', row, blocking: null, note: null, noteKey: null };
    return { file, source, status: 'duplicate', row, blocking: null, note: duplicateText(note), noteText: duplicateRef(note), noteKey: null };
  };
  for (const input of inputs) {
    switch (input.status) {
      case 'checked':
        if (consolidation.add(input.row, input.file)) {
          rest.push({
            file: input.file,
            source: null,
            status: input.row.status === 'eligible' ? 'eligible' : 'not-eligible',
            row: input.row,
            blocking: input.blocking,
            note: null,
            noteKey: null,
          });
        } else top.push(duplicateLine(input.file, input.row, null));
        break;
      case 'consolidation':
        for (const row of input.rows) {
          const source = row.source !== input.file ? row.source : null;
          if (!consolidation.add(row, input.file)) top.push(duplicateLine(input.file, row, source));
          else if (row.status === 'error')
            top.push({ file: input.file, source, status: 'error', row, blocking: null, note: row.error ?? row.reasonText, noteKey: null });
          else rest.push({ file: input.file, source, status: row.status, row, blocking: blockingFromText(row), note: null, noteKey: null });
        }
        break;
      case 'error':
        consolidation.add(rowFromError(input.file, input.message), input.file);
        top.push(
          input.failure
            ? {
                file: input.file,
                source: null,
                status: 'error',
                row: null,
                blocking: null,
                note: null,
                noteKey: input.failure.key,
                noteParams: input.failure.params,
              }
            : {
                file: input.file,
                source: null,
                status: 'error',
                row: null,
                blocking: null,
                note: input.message,
                ...(input.text ? { noteText: input.text } : {}),
                noteKey: null,
              },
        );
        break;
      case 'skipped':
        top.push({ file: input.file, source: null, status: 'skipped', row: null, blocking: null, note: null, noteKey: SKIP_KEYS[input.kind] });
        break;
    }
  }
  const totals = consolidation.totals(policy);
  const rows = consolidation.rows.filter((row) => row.status !== 'error');
  return { consolidation, totals, lines: [...top, ...rest], chart: boardChart(totals, rows, policy), hasRows: rows.length > 0 };
}

export const SKIP_KEYS: Record<GeneratedFileKind, I18nKey> = {
  'tong-hop': 'skipped.tong-hop',
  consolidation: 'skipped.consolidation',
  other: 'skipped.other',
};

/**
 * The chi bộ trực thuộc counted apart from the target (SPEC §6 `summary.subordinate`): the shared
 * totals' own figure when the core gives one, else its bucket by kind.
 */
export function subordinateTotals(totals: ConsolidationTotals): KindTotals {
  const apart = (totals as ConsolidationTotals & { subordinate?: KindTotals }).subordinate;
  return apart ?? totals.byKind['chi-bo-truc-thuoc'];
}

/** The numbers the pictures draw: from the shared totals and the counted rows, nothing else. */
export function boardChart(totals: ConsolidationTotals, rows: readonly ConsolidationRow[], policy: Policy): BoardChart {
  const verdicts: VerdictBar[] = [
    { key: 'target', label: t('board.chart.targetBar', {}, 'vi'), organizations: totals.organizations, eligible: totals.eligible },
  ];
  for (const key of Object.keys(KIND_KEY_LABELS) as KindKey[]) {
    const bucket = key === 'chi-bo-truc-thuoc' ? subordinateTotals(totals) : totals.byKind[key];
    if (bucket.organizations > 0) verdicts.push({ key, label: KIND_KEY_LABELS[key], organizations: bucket.organizations, eligible: bucket.eligible });
  }
  const threshold = policy.criterionMinPercent;
  const criteria = CRITERION_IDS.map((id) => {
    const bar: CriterionBar = { id, label: CRITERION_LABELS[id], pass: 0, below: 0, unknown: 0 };
    for (const row of rows) {
      const percent = row.criteria[id];
      if (percent === null) bar.unknown += 1;
      else if (percent >= threshold) bar.pass += 1;
      else bar.below += 1;
    }
    return bar;
  });
  return { target: totals.target, threshold, verdicts, criteria };
}

// ------------------------------------------------------------------------------------- in Excel

/** The `Danh sách tổ chức` sheet exactly as `bontot consolidate` writes it for these inputs. */
export function consolidationSheet(board: Board, asOf: IsoDate, options: { policy?: Policy; issuer?: string | null } = {}): SheetLayout {
  const { policy = defaultPolicy(), issuer = null } = options;
  return consolidationLayout(board.consolidation.rows, { asOf, policy, duplicates: board.consolidation.duplicates, issuer });
}

/** Where the chart's numbers sit in the sheet written into Excel (below the printable list). */
export interface ChartBlock {
  /** A1 range of the block's header and rows (group · eligible · not eligible). */
  range: string;
  title: string;
}

/**
 * The consolidation sheet for Excel: `bontot consolidate`'s printable list (values only), with the
 * chart's numbers as a small block under it for a native chart to draw from (outside the print area).
 */
export function boardSheet(
  board: Board,
  asOf: IsoDate,
  options: { policy?: Policy; issuer?: string | null } = {},
): { layout: SheetLayout; chart: ChartBlock } {
  const layout = consolidationSheet(board, asOf, options);
  const width = layout.values[0]?.length ?? 3;
  const pad = (cells: CellValue[]): CellValue[] => [...cells, ...Array<CellValue>(Math.max(0, width - cells.length)).fill(null)];
  const values = [...layout.values, pad([]), pad([t('board.chart.sheetHeading', {}, 'vi')])];
  // 1-based row of the block's header (pushed next); the heading is the row above it.
  const header = values.length + 1;
  values.push(pad([t('board.chart.group', {}, 'vi'), t('board.chart.eligible', {}, 'vi'), t('board.chart.notEligible', {}, 'vi')]));
  for (const bar of board.chart.verdicts) values.push(pad([bar.label, bar.eligible, bar.organizations - bar.eligible]));
  const last = values.length;
  return {
    layout: {
      ...layout,
      values,
      formats: [...layout.formats, { range: `A${header}:C${header}`, bold: true }, { range: `A${header - 1}`, bold: true }],
    },
    chart: { range: `A${header}:C${last}`, title: t('board.chart.verdictTitle', {}, 'vi') },
  };
}

/** The add-in's chart on the list sheet: found again by this name when the list is written again. */
export const BOARD_CHART_NAME = 'BonTot_DanhSachToChuc';

/** The sheet and its native chart: 100 % stacked bars per group, whose 50 % gridline is the default target. */
export function boardSheetWithChart(board: Board, asOf: IsoDate, issuer: string | null = null): { layout: SheetLayout; chart: SheetChart } {
  const { layout, chart } = boardSheet(board, asOf, { issuer });
  const last = layout.values.length;
  const title = `${chart.title} — ${t('board.chart.target', { target: formatNumber(board.chart.target * 100) }, 'vi')}`;
  return { layout, chart: { name: BOARD_CHART_NAME, title, source: chart.range, type: 'BarStacked100', from: `A${last + 2}`, to: `H${last + 20}` } };
}
