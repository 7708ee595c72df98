/**
 * The appraisal board's view of many workbooks (a lazy chunk, loaded with the file reader): one
 * overview table, the totals and two pictures, on the standalone page and in the Excel pane.
 *
 * The counting is `bontot consolidate`'s own: every input goes through the shared Consolidation
 * (src/workbook/consolidate.ts) in the order given — a workbook adds its row, an earlier
 * consolidation adds its rows, an unreadable file adds an error row — so duplicates are counted
 * once and the totals (grassroots toward the target, chi bộ trực thuộc apart, SPEC §1 Target) are
 * whatever that code says; nothing is counted again here.
 *
 * Pictures are inline SVG built with DOM calls (no chart library, no markup strings): every bar
 * carries its numbers as text beside it and in data-* attributes, so colour is never the only
 * carrier and tests can read what is drawn.
 */
import { CRITERION_LABELS } from '../src/core/criteria';
import { defaultPolicy, type Policy } from '../src/core/policy';
import { shareOf } from '../src/core/percent';
import { formatNumber } from '../src/core/text';
import { CRITERION_IDS, type CriterionId, type IsoDate } from '../src/core/types';
import { kindKey as orgKindKey } from './render';
import { writeSheet, type SheetChart } from '../src/hosts/excel';
import { checkWorkbook } from '../src/workbook/check';
import {
  Consolidation,
  consolidationLayout,
  duplicateText,
  KIND_KEY_LABELS,
  rowFromCheck,
  rowFromError,
  type ConsolidationRow,
  type ConsolidationTotals,
  type KindKey,
  type KindTotals,
} from '../src/workbook/consolidate';
import { checkFile } from '../src/workbook/checkFile';
import type { GeneratedFileKind } from '../src/workbook/generated';
import type { CellValue, CheckResult, SheetLayout } from '../src/workbook/types';
// The board's labels ship in this chunk and register themselves before anything here is shown.
import './boardStrings';
import type { WorkbookReader } from './reader';
import { el, percentText, replaceChildren } from './dom';
import type { ExcelRun } from './excelContext';
import { onLanguageChange, ref, t, type I18nKey } from './i18n';
import type { Status } from './ui';

// ------------------------------------------------------------------------------------- inputs

/** One input file as read for the board (and for its card on the page). */
export type BoardInput =
  | { file: string; status: 'checked'; result: CheckResult; row: ConsolidationRow; blocking: number }
  | { file: string; status: 'consolidation'; rows: ConsolidationRow[] }
  | { file: string; status: 'error'; message: string }
  | { file: string; status: 'skipped'; kind: GeneratedFileKind };

// The page's reader (values reader, ExcelJS only as a fallback) travels in this chunk.
export { pageReader, type WorkbookReader } from './reader';

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
      return { file, status: 'error', message: read.message };
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
  /** The reason of an unreadable, skipped or duplicate line. */
  note: string | null;
  noteKey: I18nKey | null;
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
    return { file, source, status: 'duplicate', row, blocking: null, note: note ? duplicateText(note) : null, noteKey: null };
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
        top.push({ file: input.file, source: null, status: 'error', row: null, blocking: null, note: input.message, noteKey: null });
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
    { key: 'target', label: t('board.chart.targetBar'), organizations: totals.organizations, eligible: totals.eligible },
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

// ------------------------------------------------------------------------------------- on screen

function percentOf(part: number, whole: number): string {
  const share = shareOf(part, whole);
  return share === null ? '—' : percentText(share * 100);
}

const LINE_VERDICT: Record<LineStatus, I18nKey> = {
  error: 'board.line.error',
  skipped: 'board.line.skipped',
  duplicate: 'board.line.duplicate',
  eligible: 'board.line.eligible',
  'not-eligible': 'board.line.notEligible',
};

export interface BoardView {
  /** Opens the card of an input file (the page) — absent in the pane, where there are no cards. */
  onOpen?: (file: string) => void;
}

function criterionCell(row: ConsolidationRow | null, id: CriterionId, threshold: number): HTMLElement {
  const percent = row?.criteria[id] ?? null;
  if (row === null || row.status === 'error') return el('td', { class: 'num muted', text: '' });
  if (percent === null) return el('td', { class: 'num muted', i18n: 'board.notComputed', data: { percent: '' } });
  const pass = percent >= threshold;
  // The mark says pass / below in words for screen readers and in print, not by colour alone.
  return el('td', { class: ['num', pass ? 'crit-pass' : 'crit-below'], data: { percent } }, [
    percentText(percent),
    ' ',
    el('span', { class: 'crit-mark', i18n: pass ? 'board.pass' : 'board.below' }),
  ]);
}

function tableOf(board: Board, view: BoardView, threshold: number): HTMLElement {
  const head = el('tr', {}, [
    el('th', { attrs: { scope: 'col' }, i18n: 'board.col.file' }),
    el('th', { attrs: { scope: 'col' }, i18n: 'board.col.organization' }),
    el('th', { attrs: { scope: 'col' }, i18n: 'board.col.kind' }),
    el('th', { attrs: { scope: 'col' }, i18n: 'board.col.verdict' }),
    ...CRITERION_IDS.map((id) => el('th', { class: 'num', attrs: { scope: 'col' }, i18nAttrs: { title: `criterion.${id}` as I18nKey }, text: id })),
    el('th', { class: 'num', attrs: { scope: 'col' }, i18n: 'board.col.blocking' }),
  ]);
  const body = board.lines.map((line) => {
    const row = line.row;
    const fileCell = view.onOpen
      ? el('button', { class: 'link', attrs: { type: 'button' }, text: line.file, testid: 'board-open', i18nAttrs: { title: 'board.openCard' } })
      : el('span', { text: line.file });
    if (view.onOpen) {
      const open = view.onOpen;
      fileCell.addEventListener('click', () => open(line.file));
    }
    const fileChildren = [fileCell, line.source ? el('span', { class: 'muted via', i18n: 'board.via', params: { file: line.source } }) : null];
    const orgText = row && row.status !== 'error' ? (row.name ?? t('board.noName')) : '';
    const kind = row?.kind ? orgKindKey(row.kind, row.level) : null;
    const verdict = el('td', { class: ['verdict-cell', `line-${line.status}`] }, [el('span', { i18n: LINE_VERDICT[line.status] })]);
    if (line.note !== null || line.noteKey !== null) {
      verdict.appendChild(
        // A read error's text comes from the core's catalogue (data-testid line-note), a skip note from the pane's.
        el('span', {
          class: 'line-note muted',
          ...(line.note !== null ? { text: line.note, testid: 'line-note' } : { i18n: line.noteKey as I18nKey }),
        }),
      );
    }
    return el(
      'tr',
      {
        class: `line-${line.status}`,
        testid: 'board-row',
        data: {
          file: line.file,
          source: line.source,
          status: line.status,
          name: row?.name ?? null,
          blocking: line.blocking,
        },
      },
      [
        el('th', { attrs: { scope: 'row' }, class: 'file-cell' }, fileChildren),
        el('td', { text: orgText }),
        kind ? el('td', { i18n: kind }) : el('td'),
        verdict,
        ...CRITERION_IDS.map((id) => criterionCell(line.status === 'error' || line.status === 'skipped' ? null : row, id, threshold)),
        el('td', { class: 'num', text: line.blocking === null ? '' : String(line.blocking) }),
      ],
    );
  });
  return el('div', { class: 'table-scroll', attrs: { tabindex: 0, role: 'region' }, i18nAttrs: { 'aria-label': 'board.table.caption' } }, [
    el('table', { class: 'board-table', testid: 'board-table' }, [
      el('caption', { i18n: 'board.table.caption' }),
      el('thead', {}, [head]),
      el('tbody', {}, body),
    ]),
  ]);
}

function totalsOf(board: Board): HTMLElement {
  const { totals } = board;
  const lines: HTMLElement[] = [];
  if (!board.hasRows) {
    lines.push(
      el('p', {
        class: 'totals-line',
        testid: 'totals-line',
        data: { eligible: 0, organizations: 0 },
        i18n: 'board.nothingRead',
        params: { unreadable: totals.unreadable },
      }),
    );
  } else {
    lines.push(
      el('p', {
        class: 'totals-line',
        testid: 'totals-line',
        data: { eligible: totals.eligible, organizations: totals.organizations, share: totals.share, met: totals.targetMet },
        i18n: 'standalone.totals',
        params: {
          eligible: totals.eligible,
          organizations: totals.organizations,
          share: totals.share === null ? '—' : percentText(totals.share * 100),
          target: formatNumber(totals.target * 100),
          met: ref(totals.targetMet ? 'standalone.targetMet' : 'standalone.targetNotMet'),
        },
      }),
    );
    const kinds = (Object.keys(KIND_KEY_LABELS) as KindKey[])
      .map((key) => ({ key, bucket: key === 'chi-bo-truc-thuoc' ? subordinateTotals(totals) : totals.byKind[key] }))
      .filter(({ bucket }) => bucket.organizations > 0);
    if (kinds.length > 0) {
      lines.push(
        el(
          'ul',
          { class: 'totals-kinds' },
          kinds.map(({ key, bucket }) =>
            el('li', {
              testid: 'totals-kind',
              data: { kind: key, eligible: bucket.eligible, organizations: bucket.organizations },
              i18n: key === 'chi-bo-truc-thuoc' ? 'board.kindApart' : 'board.kind',
              params: {
                kind: ref(groupKey(key)),
                eligible: bucket.eligible,
                organizations: bucket.organizations,
                share: percentOf(bucket.eligible, bucket.organizations),
              },
            }),
          ),
        ),
      );
    }
  }
  if (totals.unreadable > 0 && board.hasRows)
    lines.push(
      el('p', { testid: 'totals-unreadable', data: { count: totals.unreadable }, i18n: 'board.unreadable', params: { count: totals.unreadable } }),
    );
  if (totals.duplicates > 0)
    lines.push(
      el('p', { testid: 'totals-duplicates', data: { count: totals.duplicates }, i18n: 'board.duplicates', params: { count: totals.duplicates } }),
    );
  return el('div', { class: 'board-totals' }, lines);
}

// ------------------------------------------------------------------------------------- pictures

const SVG = 'http://www.w3.org/2000/svg';
let svgIds = 0;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  children: (Node | string)[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const WIDTH = 400;
const BAR = 16;
/** Label line above each bar, the bar, its numbers below: one band per bar. */
const BAND = 50;
const TOP = 22;

interface Segment {
  count: number;
  className: string;
  label: string;
}

/** One horizontal bar (100 % = its organisations) split into segments, with its label and numbers as text. */
function barGroup(y: number, label: string, segments: Segment[], summary: string, data: Record<string, string | number>): SVGGElement {
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  const group = svg('g', {
    class: 'chart-bar',
    'data-testid': 'chart-bar',
    ...Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v])),
  });
  group.appendChild(svg('text', { x: 0, y: y + 12, class: 'chart-label' }, [label]));
  let x = 0;
  for (const segment of segments) {
    if (segment.count === 0 || total === 0) continue;
    const width = (segment.count / total) * WIDTH;
    group.appendChild(
      svg('rect', { x, y: y + 17, width, height: BAR, class: segment.className }, [svg('title', {}, [`${segment.label}: ${segment.count}`])]),
    );
    x += width;
  }
  if (total === 0) group.appendChild(svg('rect', { x: 0, y: y + 17, width: WIDTH, height: BAR, class: 'seg-empty' }));
  group.appendChild(svg('text', { x: 0, y: y + 46, class: 'chart-value' }, [summary]));
  return group;
}

function figure(testid: string, titleText: string, descText: string, height: number, content: SVGElement[], legend: HTMLElement): HTMLElement {
  svgIds += 1;
  const titleId = `chart-title-${svgIds}`;
  const descId = `chart-desc-${svgIds}`;
  const picture = svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      class: 'chart',
      preserveAspectRatio: 'xMinYMin meet',
    },
    [svg('title', { id: titleId }, [titleText]), svg('desc', { id: descId }, [descText]), ...content],
  );
  return el('figure', { class: 'board-chart', testid }, [picture, el('figcaption', {}, [el('strong', { text: titleText }), legend])]);
}

function legendOf(items: { className: string; key: I18nKey; params?: Record<string, string | number> }[]): HTMLElement {
  return el(
    'ul',
    { class: 'chart-legend' },
    items.map((item) =>
      el('li', {}, [
        el('span', { class: ['swatch', item.className], attrs: { 'aria-hidden': 'true' } }),
        el('span', { i18n: item.key, params: item.params ?? {} }),
      ]),
    ),
  );
}

/** The group of organisations a board counts apart, in the reader's language. */
function groupKey(key: KindKey): I18nKey {
  return `board.group.${key}` as I18nKey;
}

/** A verdict bar's label in the current language (the chart's data keeps the Vietnamese one for the sheet). */
function verdictBarLabel(bar: VerdictBar): string {
  return bar.key === 'target' ? t('board.chart.targetBar') : t(groupKey(bar.key));
}

/** Organisations by verdict, per group, against the target line. */
export function verdictChart(chart: BoardChart): HTMLElement {
  const height = TOP + BAND * chart.verdicts.length + 4;
  const content: SVGElement[] = chart.verdicts.map((bar, index) =>
    barGroup(
      TOP + index * BAND,
      verdictBarLabel(bar),
      [
        { count: bar.eligible, className: 'seg-eligible', label: t('board.chart.eligible') },
        { count: bar.organizations - bar.eligible, className: 'seg-not', label: t('board.chart.notEligible') },
      ],
      t('board.chart.verdictValue', { eligible: bar.eligible, organizations: bar.organizations, share: percentOf(bar.eligible, bar.organizations) }),
      { key: bar.key, eligible: bar.eligible, organizations: bar.organizations },
    ),
  );
  const x = chart.target * WIDTH;
  const targetText = t('board.chart.target', { target: formatNumber(chart.target * 100) });
  content.push(
    svg('g', { class: 'chart-target', 'data-testid': 'chart-target', 'data-target': chart.target }, [
      svg('line', { x1: x, x2: x, y1: 14, y2: height, class: 'target-line' }),
      svg('text', { x, y: 10, class: 'chart-value', 'text-anchor': x > WIDTH * 0.75 ? 'end' : 'middle' }, [targetText]),
    ]),
  );
  const desc = chart.verdicts
    .map(
      (bar) =>
        `${verdictBarLabel(bar)}: ${t('board.chart.verdictValue', { eligible: bar.eligible, organizations: bar.organizations, share: percentOf(bar.eligible, bar.organizations) })}`,
    )
    .join('; ');
  return figure(
    'chart-verdicts',
    t('board.chart.verdictTitle'),
    `${targetText}. ${desc}.`,
    height,
    content,
    legendOf([
      { className: 'seg-eligible', key: 'board.chart.eligible' },
      { className: 'seg-not', key: 'board.chart.notEligible' },
      { className: 'target-swatch', key: 'board.chart.target', params: { target: formatNumber(chart.target * 100) } },
    ]),
  );
}

/** The four criteria across organisations: how many reach the threshold, fall below it, or cannot be computed. */
export function criteriaChart(chart: BoardChart): HTMLElement {
  const height = TOP + BAND * chart.criteria.length + 4 - 14;
  const value = (bar: CriterionBar): string =>
    t('board.chart.criterionValue', { pass: bar.pass, below: bar.below, unknown: bar.unknown, threshold: formatNumber(chart.threshold) });
  const content: SVGElement[] = chart.criteria.map((bar, index) =>
    barGroup(
      TOP - 14 + index * BAND,
      `${bar.id} ${t(`criterion.${bar.id}` as I18nKey)}`,
      [
        { count: bar.pass, className: 'seg-eligible', label: t('board.chart.pass', { threshold: formatNumber(chart.threshold) }) },
        { count: bar.below, className: 'seg-not', label: t('board.chart.below', { threshold: formatNumber(chart.threshold) }) },
        { count: bar.unknown, className: 'seg-unknown', label: t('board.chart.unknown') },
      ],
      value(bar),
      { id: bar.id, pass: bar.pass, below: bar.below, unknown: bar.unknown },
    ),
  );
  const desc = chart.criteria.map((bar) => `${bar.id}: ${value(bar)}`).join('; ');
  return figure(
    'chart-criteria',
    t('board.chart.criteriaTitle'),
    `${desc}.`,
    height,
    content,
    legendOf([
      { className: 'seg-eligible', key: 'board.chart.pass', params: { threshold: formatNumber(chart.threshold) } },
      { className: 'seg-not', key: 'board.chart.below', params: { threshold: formatNumber(chart.threshold) } },
      { className: 'seg-unknown', key: 'board.chart.unknown' },
    ]),
  );
}

/**
 * The overview into `container`: totals, the two pictures (when something was read), the table.
 * Rebuilt as a whole (it is small next to the cards); the language switch relabels it in place,
 * except the pictures' text, which is drawn in the language of the moment it was built.
 */
export function renderBoard(container: HTMLElement, board: Board, view: BoardView = {}, actions: HTMLElement[] = []): void {
  const threshold = board.chart.threshold;
  replaceChildren(container, [
    el('h2', { class: 'board-title', i18n: 'board.title', attrs: { tabindex: -1 }, testid: 'board-title' }),
    totalsOf(board),
    board.hasRows ? el('div', { class: 'board-charts' }, [verdictChart(board.chart), criteriaChart(board.chart)]) : null,
    actions.length > 0 ? el('div', { class: 'actions' }, actions) : null,
    tableOf(board, view, threshold),
  ]);
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
  const values = [...layout.values, pad([]), pad([t('board.chart.sheetHeading')])];
  // 1-based row of the block's header (pushed next); the heading is the row above it.
  const header = values.length + 1;
  values.push(pad([t('board.chart.group'), t('board.chart.eligible'), t('board.chart.notEligible')]));
  for (const bar of board.chart.verdicts) values.push(pad([bar.label, bar.eligible, bar.organizations - bar.eligible]));
  const last = values.length;
  return {
    layout: {
      ...layout,
      values,
      formats: [...layout.formats, { range: `A${header}:C${header}`, bold: true }, { range: `A${header - 1}`, bold: true }],
    },
    chart: { range: `A${header}:C${last}`, title: t('board.chart.verdictTitle') },
  };
}

/** The add-in's chart on the list sheet: found again by this name when the list is written again. */
export const BOARD_CHART_NAME = 'BonTot_DanhSachToChuc';

/** The sheet and its native chart: 100 % stacked bars per group, whose 50 % gridline is the default target. */
export function boardSheetWithChart(board: Board, asOf: IsoDate, issuer: string | null = null): { layout: SheetLayout; chart: SheetChart } {
  const { layout, chart } = boardSheet(board, asOf, { issuer });
  const last = layout.values.length;
  const title = `${chart.title} — ${t('board.chart.target', { target: formatNumber(board.chart.target * 100) })}`;
  return { layout, chart: { name: BOARD_CHART_NAME, title, source: chart.range, type: 'BarStacked100', from: `A${last + 2}`, to: `H${last + 20}` } };
}

// ------------------------------------------------------------------------------------- the pane

export interface PaneFile {
  name: string;
  read(): Promise<ArrayBuffer | Uint8Array>;
}

export interface PaneBoardDeps {
  run: ExcelRun;
  asOf: () => IsoDate;
  status: Status;
  reader: () => Promise<WorkbookReader>;
}

export interface PaneBoard {
  /** Reads the files (replacing earlier ones of the same name) and shows the board. */
  add(files: readonly PaneFile[]): Promise<void>;
  /** Writes the list sheet with its chart; the sheet's name, or null when nothing was written. */
  write(): Promise<string | null>;
  inputs(): readonly BoardInput[];
}

/**
 * The board in the Excel pane: the same reading, table and pictures as the page (no cards: each
 * row's file is named), and "Ghi trang Danh sách tổ chức" writing `bontot consolidate`'s list into
 * the open workbook (values only) with a native chart, through writeSheet: a sheet the add-in did
 * not make is never touched.
 */
export function createPaneBoard(results: HTMLElement, deps: PaneBoardDeps): PaneBoard {
  const inputs: BoardInput[] = [];
  const outcome = el('div', { class: 'outcome', testid: 'board-outcome' });
  let busy = false;
  let board: Board | null = null;
  const writeButton = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: 'board.pane.write', testid: 'board-write' });
  // The committee that issues the list (its heading and signature, as `consolidate --issuer`).
  const issuerInput = el('input', {
    attrs: { type: 'text', id: 'board-issuer', autocomplete: 'organization' },
    i18nAttrs: { placeholder: 'standalone.issuerPlaceholder' },
    testid: 'board-issuer',
  });
  const issuerField = el('div', { class: 'field' }, [el('label', { attrs: { for: 'board-issuer' }, i18n: 'standalone.issuer' }), issuerInput]);

  const render = (): void => {
    board = collectBoard(inputs);
    renderBoard(results, board, {}, board.hasRows ? [issuerField, writeButton] : []);
    results.appendChild(outcome);
  };
  // The pictures' words are drawn as text (SVG): drawn again in the new language.
  onLanguageChange(() => {
    if (board) render();
  });

  const add = async (files: readonly PaneFile[]): Promise<void> => {
    if (busy || files.length === 0) return;
    busy = true;
    writeButton.disabled = true;
    try {
      const reader = await deps.reader();
      const asOf = deps.asOf();
      for (const [index, file] of files.entries()) {
        deps.status.say('standalone.reading', { file: file.name, index: index + 1, total: files.length }, 'busy');
        const read = await readBoardInput(file.name, () => file.read(), reader, asOf);
        const at = inputs.findIndex((i) => i.file === file.name);
        if (at >= 0) inputs[at] = read;
        else inputs.push(read);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      render();
      const totals = (board as Board | null)?.totals;
      deps.status.say(
        'standalone.done',
        {
          total: files.length,
          eligible: totals?.eligible ?? 0,
          checked: totals?.organizations ?? 0,
          errors: inputs.filter((i) => i.status === 'error').length,
          skipped: inputs.filter((i) => i.status === 'skipped').length,
        },
        inputs.some((i) => i.status === 'error') ? 'error' : 'ok',
      );
    } catch (error) {
      deps.status.say('standalone.libFailed', { message: error instanceof Error ? error.message : String(error) }, 'error');
    } finally {
      busy = false;
      writeButton.disabled = false;
    }
  };

  const write = async (): Promise<string | null> => {
    if (busy) return null;
    if (!board || !board.hasRows) {
      deps.status.say('board.pane.nothing', undefined, 'error');
      return null;
    }
    busy = true;
    writeButton.disabled = true;
    deps.status.say('board.pane.writing', undefined, 'busy');
    try {
      const { layout, chart } = boardSheetWithChart(board, deps.asOf(), issuerInput.value.trim() || null);
      const written = await deps.run((context) => writeSheet(context, layout, { replaceOnlyIfMarker: true, chart }));
      const key: I18nKey = written.sheetName !== layout.name ? 'board.pane.renamed' : 'board.pane.written';
      const params = { sheet: written.sheetName, base: layout.name };
      replaceChildren(outcome, [
        el('p', {
          class: ['notice', key === 'board.pane.renamed' ? 'notice-warn' : 'notice-ok'],
          i18n: key,
          params,
          testid: 'board-written',
          data: { sheet: written.sheetName },
        }),
      ]);
      deps.status.say(key, params, 'ok', { shownNearby: true });
      return written.sheetName;
    } catch (error) {
      deps.status.say('board.pane.failed', { message: error instanceof Error ? error.message : String(error) }, 'error');
      return null;
    } finally {
      busy = false;
      writeButton.disabled = false;
    }
  };

  writeButton.addEventListener('click', () => void write());
  return { add, write, inputs: () => inputs };
}
