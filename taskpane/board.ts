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
import { formatNumber } from '../src/core/text';
import { CRITERION_IDS, type CriterionId, type IsoDate } from '../src/core/types';
import { kindKey as orgKindKey } from './render';
import { writeSheet } from '../src/hosts/excel';
import { KIND_KEY_LABELS, type ConsolidationRow, type KindKey } from '../src/workbook/consolidate';
import type { WorkbookReader } from './reader';
import { el, percentText, replaceChildren } from './dom';
import type { ExcelRun } from './excelContext';
import { onLanguageChange, ref, t, type I18nKey } from './i18n';
import { showCatalogueText } from './boardMessages';
import type { Status } from './ui';
import { readBoardInput, collectBoard, subordinateTotals, boardSheetWithChart, type BoardInput, type LineStatus, type Board } from './boardModel';
import { criteriaChart, groupKey, percentOf, verdictChart } from './boardPictures';
// The board's labels ship in this chunk and register themselves before anything here is shown.
import './boardStrings';

// The page's reader (values reader, ExcelJS only as a fallback) travels in this chunk.
export { pageReader, type WorkbookReader } from './reader';
// The board's data and pictures, for the pane, the page and the tests that load this chunk.
export {
  readBoardInput,
  collectBoard,
  SKIP_KEYS,
  subordinateTotals,
  boardChart,
  consolidationSheet,
  boardSheet,
  BOARD_CHART_NAME,
  boardSheetWithChart,
  type BoardInput,
  type LineStatus,
  type BoardLine,
  type VerdictBar,
  type CriterionBar,
  type BoardChart,
  type Board,
  type ChartBlock,
} from './boardModel';
export { verdictChart, criteriaChart } from './boardPictures';

// ------------------------------------------------------------------------------------- on screen

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
        line.note !== null
          ? showCatalogueText(el('span', { class: 'line-note muted', testid: 'line-note' }), {
              message: line.note,
              ...(line.noteText ? { text: line.noteText } : {}),
            })
          : el('span', { class: 'line-note muted', i18n: line.noteKey as I18nKey, params: line.noteParams }),
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
