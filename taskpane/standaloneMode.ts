/**
 * Standalone mode (the page opened outside Office): a checker for `.xlsx` files. The user picks or
 * drops one or several workbooks; each is read in this browser (the values reader with the
 * browser's DecompressionStream, in the board's chunk; ExcelJS's chunk loads only to write a
 * download, or to read where the browser cannot inflate 'deflate-raw'), checked like `bontot check` does (same verdict, reasons and issues; files the
 * product wrote are noted and skipped; an unreadable file shows its Vietnamese message and the
 * others go on), and can be downloaded as `NAME.tonghop.xlsx` (`Tổng hợp` alone) or printed. With
 * several files, the board's overview comes first (taskpane/board.ts, a lazy chunk): the totals as
 * `bontot consolidate` counts them, two pictures and one table row per file (unreadable and skipped
 * files on top), each row opening its card; the cards are collapsed. An earlier consolidation is
 * read back as its rows, as `bontot consolidate` does. The list of organisations can be downloaded
 * when at least one organisation was read.
 *
 * URL parameters: `?sample=chi-bo-mau` checks samples/chi-bo-mau.xlsx on open; `?asOf=YYYY-MM-DD`
 * fixes the as-of date (like the CLI's --as-of; default today).
 */
import { isValidYmd, todayIso } from '../src/core/dates';
import type { IsoDate } from '../src/core/types';
import type { WorkbookData, WriteOptions } from '../src/hosts/xlsx/exceljs';
import { summaryLayout } from '../src/workbook/layout/summary';
import type { CheckResult, SheetLayout } from '../src/workbook/types';
import { createStarter, exampleFileName } from './blankTemplate';
import { el, errorText, replaceChildren } from './dom';
import { downloadBytes, summaryFileName, type Download } from './download';
import type { ConsolidationRow } from '../src/workbook/consolidate';
import type { GeneratedFileKind } from '../src/workbook/generated';
import { CONSOLIDATION_SHEET } from '../src/workbook/layout/consolidationNames';
import type { Board, BoardInput } from './board';
import type { BoardFailure } from './boardModel';
import { showCatalogueText } from './boardMessages';
import type { MessageRef } from '../src/core/messages';
import { onLanguageChange, t, type I18nKey } from './i18n';
import { printLayout } from './print';
import { announcement, renderResult } from './render';
import { createStandaloneFill, type FillLib, type StandaloneFill } from './subordinatesPane';
import { progressBar, type Status } from './ui';
import { fileInput, loadBoardModule, type BoardModule, type InputFile } from './files';

export { fileInput, loadBoardModule, type BoardModule, type InputFile };

/** The part of src/hosts/xlsx/exceljs.ts the page uses (loaded lazily). */
export interface XlsxModule {
  readWorkbookData(data: ArrayBuffer | Uint8Array): Promise<WorkbookData>;
  writeWorkbookBuffer(layouts: readonly SheetLayout[], options?: WriteOptions): Promise<Uint8Array>;
}

export interface StandaloneDeps {
  /** Default: the lazy "xlsx" chunk (ExcelJS): downloads, and reading where the values reader cannot inflate. */
  loadXlsx?: () => Promise<XlsxModule>;
  /** Default: fetch from this origin. */
  fetchBytes?: (url: string) => Promise<ArrayBuffer>;
  download?: Download;
  /** Default: window.print. */
  print?: () => void;
  /** The print-only section (default: #print-view, created when absent). */
  printSection?: HTMLElement;
  today?: () => IsoDate;
  /** The page's query string (location.search). */
  search?: string;
  /** "Điền trang Chi bộ trực thuộc": default the lazy "xlsx" chunk. */
  loadFillLib?: () => Promise<FillLib>;
}

/** A file on the page: what the board reads of it, and its card. */
export type FileEntry = BoardInput & { node: HTMLElement };

export interface StandaloneMode {
  processFiles(files: readonly InputFile[]): Promise<void>;
  loadSample(name: string): Promise<void>;
  entries(): readonly FileEntry[];
  asOf: IsoDate;
  /** "Điền trang Chi bộ trực thuộc" of a đảng bộ's file. */
  fill: StandaloneFill;
  /** Settles once the start-up work (a ?sample= preload) is done. */
  ready: Promise<void>;
}

export const CONSOLIDATION_FILE = 'danh-sach-to-chuc.xlsx';
/** The picker offers .xls too: picked, it gets the same advice (save as .xlsx) as when dropped. */
export const FILE_ACCEPT = '.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';
const SAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

const defaultLoadXlsx = (): Promise<XlsxModule> => import(/* webpackChunkName: "xlsx" */ '../src/hosts/xlsx/exceljs');

async function defaultFetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** The as-of date of ?asOf=YYYY-MM-DD when valid, else null. */
export function asOfFromSearch(search: string | undefined): IsoDate | null {
  const value = new URLSearchParams(search ?? '').get('asOf');
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match && isValidYmd(Number(match[1]), Number(match[2]), Number(match[3])) ? (value as string) : null;
}

/** The sample named by ?sample=NAME (letters, digits, dashes), else null. */
export function sampleFromSearch(search: string | undefined): string | null {
  const value = new URLSearchParams(search ?? '').get('sample');
  return value && SAMPLE_NAME.test(value) ? value : null;
}

const SKIP_KEYS: Record<GeneratedFileKind, I18nKey> = {
  'tong-hop': 'skipped.tong-hop',
  consolidation: 'skipped.consolidation',
  other: 'skipped.other',
};

export function startStandaloneMode(container: HTMLElement, status: Status, deps: StandaloneDeps = {}): StandaloneMode {
  const doc = container.ownerDocument;
  const asOf = asOfFromSearch(deps.search) ?? (deps.today ?? (() => todayIso()))();
  const download = deps.download ?? downloadBytes;
  const fetchBytes = deps.fetchBytes ?? defaultFetchBytes;
  let xlsxPromise: Promise<XlsxModule> | null = null;
  let boardPromise: Promise<BoardModule> | null = null;
  let boardModule: BoardModule | null = null;
  const loadBoard = (): Promise<BoardModule> => {
    if (!boardPromise) {
      boardPromise = loadBoardModule().then((module) => (boardModule = module));
      boardPromise.catch(() => (boardPromise = null));
    }
    return boardPromise;
  };
  const xlsx = (): Promise<XlsxModule> => {
    if (!xlsxPromise) {
      xlsxPromise = (deps.loadXlsx ?? defaultLoadXlsx)();
      xlsxPromise.catch(() => (xlsxPromise = null));
    }
    return xlsxPromise;
  };
  const printSection = (): HTMLElement => {
    if (deps.printSection) return deps.printSection;
    let section = doc.getElementById('print-view');
    if (!section) {
      section = el('section', { class: 'print-view', attrs: { id: 'print-view', 'aria-hidden': 'true' } });
      doc.body.appendChild(section);
    }
    return section;
  };

  // ------------------------------------------------------------------------------- the controls
  const input = el('input', {
    attrs: { type: 'file', multiple: true, accept: FILE_ACCEPT, hidden: true, tabindex: -1 },
    testid: 'file-input',
  });
  const pick = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: 'standalone.pick', testid: 'pick-files' });
  const sample = el('button', { attrs: { type: 'button' }, i18n: 'standalone.sample', testid: 'use-sample' });
  const clear = el('button', { attrs: { type: 'button', hidden: true }, i18n: 'standalone.clear', testid: 'clear-results' });
  const starter = createStarter({ xlsx, fetchBytes, download, status, year: Number(asOf.slice(0, 4)) });
  const progress = progressBar('app.busy');
  const zone = el('div', { class: 'dropzone', testid: 'dropzone' }, [
    el('p', { class: 'drop-hint', i18n: 'standalone.drop' }),
    el('div', { class: 'actions' }, [pick, sample, starter.exampleButton, clear]),
    input,
  ]);
  const totals = el('section', { class: 'totals board', attrs: { hidden: true }, testid: 'totals' });
  const list = el('div', { class: 'files', testid: 'files' });
  container.append(el('p', { class: 'intro', i18n: 'standalone.intro' }), zone, progress, totals, list, starter.section);
  const fill = createStandaloneFill(container, status, { asOf, download, ...(deps.loadFillLib ? { loadLib: deps.loadFillLib } : {}) });

  const entries: FileEntry[] = [];
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;

  const setBusy = (busy: boolean): void => {
    pick.disabled = busy;
    sample.disabled = busy;
    clear.disabled = busy;
    progress.hidden = !busy;
    if (busy) pick.setAttribute('aria-busy', 'true');
    else pick.removeAttribute('aria-busy');
  };

  const place = (entry: FileEntry): void => {
    const index = entries.findIndex((e) => e.file === entry.file);
    if (index >= 0) {
      const old = entries[index] as FileEntry;
      old.node.replaceWith(entry.node);
      entries[index] = entry;
    } else {
      entries.push(entry);
      list.appendChild(entry.node);
    }
    clear.hidden = entries.length === 0;
  };

  // ------------------------------------------------------------------------------- one file
  const CARD_TESTIDS: Record<FileEntry['status'], string> = {
    checked: 'file-result',
    error: 'file-error',
    skipped: 'file-skipped',
    consolidation: 'file-rollup',
  };
  // Each card folds (<details>): with several files they are closed and the board's table opens them.
  const card = (file: string, status: FileEntry['status'], children: HTMLElement[]): HTMLElement =>
    el('article', { class: ['file-card', `file-${status}`], testid: CARD_TESTIDS[status], data: { file, status } }, [
      el('details', { class: 'card-details', attrs: { open: true } }, [
        el('summary', { class: 'card-summary' }, [el('h2', { class: 'file-name', text: file })]),
        ...children,
      ]),
    ]);

  const checkedEntry = (file: string, result: CheckResult, row: ConsolidationRow, blocking: number): FileEntry => {
    const summaryButton = el('button', { attrs: { type: 'button' }, i18n: 'standalone.downloadSummary', testid: 'download-summary' });
    const printButton = el('button', { attrs: { type: 'button' }, i18n: 'standalone.print', testid: 'print-summary' });
    summaryButton.addEventListener('click', () => void downloadSummary(file, result, summaryButton));
    printButton.addEventListener('click', () => {
      printLayout(summaryLayout(result), { section: printSection(), print: deps.print ?? (() => window.print()) });
      status.say('standalone.printing', { file }, 'info', { action: 'print' });
    });
    const node = card(file, 'checked', [renderResult(result, { headingLevel: 3 }), el('div', { class: 'actions' }, [summaryButton, printButton])]);
    return { file, status: 'checked', result, row, blocking, node };
  };

  const rollupEntry = (file: string, rows: ConsolidationRow[]): FileEntry => {
    const node = card(file, 'consolidation', [
      el('p', { class: 'notice' }, [
        el('strong', { i18n: 'standalone.rollup' }),
        ': ',
        el('span', { i18n: 'standalone.rollupRows', params: { count: rows.length }, testid: 'rollup-note' }),
      ]),
    ]);
    return { file, status: 'consolidation', rows, node };
  };

  /**
   * A file that cannot be read: the reader's message (a catalogue reference) or the page's own
   * wording (a pane key), shown in the current language and again after a language switch.
   */
  const errorEntry = (file: string, why: { message: string; text?: MessageRef } | { failure: BoardFailure }): FileEntry => {
    const text =
      'failure' in why
        ? el('span', { i18n: why.failure.key, params: why.failure.params, testid: 'error-message' })
        : showCatalogueText(el('span', { testid: 'error-message' }), why);
    const node = card(file, 'error', [el('p', { class: 'notice notice-error' }, [el('strong', { i18n: 'standalone.unreadable' }), ': ', text])]);
    return 'failure' in why
      ? { file, status: 'error', message: t(why.failure.key, why.failure.params, 'vi'), failure: why.failure, node }
      : { file, status: 'error', ...why, node };
  };

  const skippedEntry = (file: string, kind: GeneratedFileKind): FileEntry => {
    const node = card(file, 'skipped', [
      el('p', { class: 'notice' }, [el('strong', { i18n: 'standalone.skipped' }), ': ', el('span', { i18n: SKIP_KEYS[kind], testid: 'skip-note' })]),
    ]);
    return { file, status: 'skipped', kind, node };
  };

  const checkOne = async (file: InputFile): Promise<FileEntry> => {
    let board: BoardModule;
    try {
      board = await loadBoard();
    } catch (error) {
      return errorEntry(file.name, { failure: { key: 'standalone.libFailed', params: { message: errorText(error) } } });
    }
    // Read with the values reader in the board's chunk (ExcelJS's chunk only where the browser
    // cannot inflate), and checked as `bontot consolidate` does (board.ts); never throws.
    const read = await board.readBoardInput(file.name, () => file.read(), board.pageReader(xlsx), asOf);
    switch (read.status) {
      case 'checked':
        return checkedEntry(read.file, read.result, read.row, read.blocking);
      case 'consolidation':
        return rollupEntry(read.file, read.rows);
      case 'skipped':
        return skippedEntry(read.file, read.kind);
      case 'error': {
        // The page's own failure (a sample it could not fetch): its key and parameters, not its words.
        const own = ownFailures.get(file);
        if (own) return errorEntry(read.file, { failure: own });
        return errorEntry(read.file, read.failure ? { failure: read.failure } : { message: read.message, ...(read.text ? { text: read.text } : {}) });
      }
    }
  };

  // ------------------------------------------------------------------------------- the board
  /** The committee that issues the consolidation (`consolidate --issuer`): kept across re-renders. */
  let issuer = '';
  /** The board of every file on the page, in page order (null until the board's chunk is loaded). */
  const currentBoard = (): Board | null => (boardModule ? boardModule.collectBoard(entries) : null);

  const openCard = (file: string): void => {
    const entry = entries.find((e) => e.file === file);
    const details = entry?.node.querySelector('details');
    if (!entry || !details) return;
    details.open = true;
    entry.node.scrollIntoView?.({ block: 'start' });
    const heading = entry.node.querySelector<HTMLElement>('.card-summary');
    heading?.focus();
  };

  /** The board is shown for several files, or for one earlier consolidation (its rows). */
  const showsBoard = (): boolean => entries.length > 1 || entries.some((e) => e.status === 'consolidation');

  const renderTotals = (): void => {
    const board = showsBoard() ? currentBoard() : null;
    if (!board || !boardModule) {
      totals.hidden = true;
      replaceChildren(totals);
      return;
    }
    const actions: HTMLElement[] = [];
    if (board.hasRows) {
      const button = el('button', {
        class: 'primary',
        attrs: { type: 'button' },
        i18n: 'standalone.downloadConsolidation',
        testid: 'download-consolidation',
      });
      button.addEventListener('click', () => void downloadConsolidation(button));
      const printButton = el('button', { attrs: { type: 'button' }, i18n: 'standalone.printBoard', testid: 'print-board' });
      printButton.addEventListener('click', () => printBoard());
      // The committee that issues the list: its heading and signature (`consolidate --issuer`).
      const issuerInput = el('input', {
        attrs: { type: 'text', id: 'consolidation-issuer', value: issuer, autocomplete: 'organization' },
        i18nAttrs: { placeholder: 'standalone.issuerPlaceholder' },
        testid: 'consolidation-issuer',
      });
      issuerInput.addEventListener('input', () => {
        issuer = issuerInput.value;
      });
      const issuerField = el('div', { class: 'field' }, [
        el('label', { attrs: { for: 'consolidation-issuer' }, i18n: 'standalone.issuer' }),
        issuerInput,
      ]);
      actions.push(issuerField, button, printButton);
    }
    boardModule.renderBoard(totals, board, { onOpen: openCard }, actions);
    totals.hidden = false;
  };

  /** The list of organisations as `bontot consolidate` writes it, with the two pictures under it. */
  const printBoard = (): void => {
    const board = currentBoard();
    if (!board || !boardModule) return;
    printLayout(boardModule.consolidationSheet(board, asOf, { issuer: issuer.trim() || null }), {
      section: printSection(),
      print: deps.print ?? (() => window.print()),
      extra: [boardModule.verdictChart(board.chart), boardModule.criteriaChart(board.chart)],
    });
    status.say('standalone.printing', { file: CONSOLIDATION_FILE }, 'info', { action: 'print' });
  };

  /** Several cards fold so that the board comes first; one card stays open. */
  const foldCards = (): void => {
    const fold = entries.length > 1;
    for (const entry of entries) {
      const details = entry.node.querySelector('details');
      if (details) details.open = !fold;
    }
  };

  // ------------------------------------------------------------------------------- downloads
  const makeFile = async (fileName: string, button: HTMLButtonElement, layouts: () => SheetLayout[], options: WriteOptions): Promise<void> => {
    button.disabled = true;
    status.say('standalone.preparing', { file: fileName }, 'busy', { action: 'download' });
    try {
      const module = await xlsx();
      const bytes = await module.writeWorkbookBuffer(layouts(), options);
      download(fileName, bytes);
      status.say('standalone.downloaded', { file: fileName }, 'ok', { action: 'download' });
    } catch (error) {
      status.say('standalone.downloadFailed', { file: fileName, message: errorText(error) }, 'error', { action: 'download' });
    } finally {
      button.disabled = false;
    }
  };

  const downloadSummary = (file: string, result: CheckResult, button: HTMLButtonElement): Promise<void> =>
    makeFile(summaryFileName(file), button, () => [summaryLayout(result)], { kind: 'tong-hop', title: 'Tổng hợp' });

  const downloadConsolidation = (button: HTMLButtonElement): Promise<void> =>
    makeFile(
      CONSOLIDATION_FILE,
      button,
      () => {
        const board = currentBoard();
        if (!board || !boardModule) throw new Error(t('board.pane.nothing'));
        return [boardModule.consolidationSheet(board, asOf, { issuer: issuer.trim() || null })];
      },
      { kind: 'consolidation', title: CONSOLIDATION_SHEET },
    );

  // ------------------------------------------------------------------------------- batches
  const processFiles = (files: readonly InputFile[]): Promise<void> => {
    if (files.length === 0) return queue;
    pending += 1;
    setBusy(true);
    queue = queue.then(async () => {
      const total = files.length;
      let index = 0;
      for (const file of files) {
        index += 1;
        status.say('standalone.reading', { file: file.name, index, total }, 'busy', { action: 'batch' });
        const entry = await checkOne(file);
        place(entry);
        renderTotals();
        // Let the page paint between files.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      foldCards();
      const batch = entries.filter((e) => files.some((f) => f.name === e.file));
      const checked = batch.filter((e): e is Extract<FileEntry, { status: 'checked' }> => e.status === 'checked');
      const only = checked[0];
      if (batch.length === 1 && only) {
        const { key, params } = announcement(only.result);
        status.say(key, params, only.result.eligible ? 'ok' : 'error', { action: 'batch' });
      } else if (batch.length === 1 && batch[0]?.status === 'error') {
        status.say('standalone.done', { total: 1, eligible: 0, checked: 0, errors: 1, skipped: 0 }, 'error', { action: 'batch' });
      } else {
        // The page's counts are the board's (as `bontot consolidate` counts them), not a second tally.
        const board = currentBoard();
        status.say(
          'standalone.done',
          {
            total: batch.length,
            eligible: board ? board.totals.eligible : checked.filter((e) => e.result.eligible).length,
            checked: board ? board.totals.organizations : checked.length,
            errors: batch.filter((e) => e.status === 'error').length,
            skipped: batch.filter((e) => e.status === 'skipped').length,
          },
          batch.some((e) => e.status === 'error') ? 'error' : 'ok',
          { action: 'batch' },
        );
      }
      const first = totals.hidden ? batch[0]?.node.querySelector<HTMLElement>('.file-name') : totals.querySelector<HTMLElement>('.board-title');
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus();
      }
    });
    queue = queue
      .catch((error: unknown) => status.say('check.failed', { message: errorText(error) }, 'error'))
      .finally(() => {
        pending -= 1;
        if (pending === 0) setBusy(false);
      });
    return queue;
  };

  /**
   * Failures the page words itself, by the input that failed: kept as a key and parameters, so the
   * card and the board say them in the language of the moment, again after a switch.
   */
  const ownFailures = new WeakMap<InputFile, BoardFailure>();

  const loadSample = (name: string): Promise<void> => {
    const fileName = `${name}.xlsx`;
    const shownName = exampleFileName(name);
    const sampleInput: InputFile = {
      name: shownName,
      read: async () => {
        try {
          return await fetchBytes(`samples/${encodeURIComponent(fileName)}`);
        } catch (error) {
          const failure: BoardFailure = { key: 'standalone.sampleFailed', params: { file: shownName, message: errorText(error) } };
          ownFailures.set(sampleInput, failure);
          const thrown = new Error(t(failure.key, failure.params, 'vi'));
          thrown.name = 'WorkbookReadError'; // a read error: the reader passes it on without wording it again
          throw thrown;
        }
      },
    };
    return processFiles([sampleInput]);
  };

  // ------------------------------------------------------------------------------- events
  pick.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])].map(fileInput);
    input.value = '';
    void processFiles(files);
  });
  sample.addEventListener('click', () => void loadSample('chi-bo-mau'));
  clear.addEventListener('click', () => {
    entries.splice(0, entries.length);
    replaceChildren(list);
    renderTotals();
    // The status spoke of the results (a batch, a print, a download): it goes with them.
    status.clear();
    clear.hidden = true;
    pick.focus();
  });
  const isFileDrag = (event: DragEvent): boolean => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const stop = (event: DragEvent): void => {
    if (isFileDrag(event)) event.preventDefault();
  };
  // Dropping a file anywhere on the page checks it instead of navigating away.
  doc.addEventListener('dragover', stop);
  doc.addEventListener('drop', (event) => {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    zone.classList.remove('dragging');
    const files = [...(event.dataTransfer?.files ?? [])].map(fileInput);
    void processFiles(files);
  });
  zone.addEventListener('dragenter', (event) => {
    if (isFileDrag(event)) zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', (event) => {
    if (event.target === zone) zone.classList.remove('dragging');
  });

  // The board's pictures are drawn as text (SVG): drawn again in the new language.
  onLanguageChange(() => renderTotals());

  const preload = sampleFromSearch(deps.search);
  const ready = preload ? loadSample(preload) : Promise.resolve();
  return { processFiles, loadSample, entries: () => entries, asOf, fill, ready };
}
