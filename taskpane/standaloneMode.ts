/**
 * Standalone mode (the page opened outside Office): a checker for `.xlsx` files. The user picks or
 * drops one or several workbooks; each is read in this browser (ExcelJS, loaded as a separate
 * chunk only here), checked like `bontot check` does (same verdict, reasons and issues; files the
 * product wrote are noted and skipped; an unreadable file shows its Vietnamese message and the
 * others go on), and can be downloaded as `NAME.tonghop.xlsx` (`Tổng hợp` alone) or printed. With
 * several files, the list of organisations (`bontot consolidate`'s workbook) can be downloaded too.
 *
 * URL parameters: `?sample=chi-bo-mau` checks samples/chi-bo-mau.xlsx on open; `?asOf=YYYY-MM-DD`
 * fixes the as-of date (like the CLI's --as-of; default today).
 */
import { isValidYmd, todayIso } from '../src/core/dates';
import { shareOf } from '../src/core/percent';
import { defaultPolicy } from '../src/core/policy';
import { targetMet } from '../src/core/share';
import { formatNumber, formatPercent } from '../src/core/text';
import type { IsoDate } from '../src/core/types';
import type { WorkbookData, WriteOptions } from '../src/hosts/xlsx';
import { checkWorkbook } from '../src/workbook/check';
import { summaryLayout } from '../src/workbook/summary';
import type { CheckResult, SheetLayout } from '../src/workbook/types';
import { createStarter, exampleFileName } from './blankTemplate';
import { el, errorText, replaceChildren } from './dom';
import { downloadBytes, summaryFileName, type Download } from './download';
import {
  Consolidation,
  CONSOLIDATION_SHEET,
  consolidationLayout,
  generatedKind,
  rowFromCheck,
  rowFromError,
  type ConsolidationRow,
  type GeneratedKind,
} from '../src/workbook/consolidate';
import { ref, t, tr, type I18nKey } from './i18n';
import { printLayout } from './print';
import { announcement, renderResult } from './render';
import { progressBar, type Status } from './ui';

/** The part of src/hosts/xlsx.ts the page uses (loaded lazily). */
export interface XlsxModule {
  readWorkbookData(data: ArrayBuffer | Uint8Array): Promise<WorkbookData>;
  writeWorkbookBuffer(layouts: readonly SheetLayout[], options?: WriteOptions): Promise<Uint8Array>;
}

/** A file to check: its name and a way to get its bytes. */
export interface InputFile {
  name: string;
  read(): Promise<ArrayBuffer | Uint8Array>;
}

export interface StandaloneDeps {
  /** Default: the lazy "xlsx" chunk. */
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
}

export type FileEntry =
  | { file: string; status: 'checked'; result: CheckResult; row: ConsolidationRow; node: HTMLElement }
  | { file: string; status: 'error'; message: string; node: HTMLElement }
  | { file: string; status: 'skipped'; kind: GeneratedKind; node: HTMLElement };

export interface StandaloneMode {
  processFiles(files: readonly InputFile[]): Promise<void>;
  loadSample(name: string): Promise<void>;
  entries(): readonly FileEntry[];
  asOf: IsoDate;
  /** Settles once the start-up work (a ?sample= preload) is done. */
  ready: Promise<void>;
}

export const CONSOLIDATION_FILE = 'danh-sach-to-chuc.xlsx';
/** The picker offers .xls too: picked, it gets the same advice (save as .xlsx) as when dropped. */
export const FILE_ACCEPT = '.xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';
const SAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

const defaultLoadXlsx = (): Promise<XlsxModule> => import(/* webpackChunkName: "xlsx" */ '../src/hosts/xlsx');

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

/** A browser File as an InputFile. */
export function fileInput(file: File): InputFile {
  return {
    name: file.name,
    read: () =>
      typeof file.arrayBuffer === 'function'
        ? file.arrayBuffer()
        : new Promise<ArrayBuffer>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result as ArrayBuffer);
            reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
            reader.readAsArrayBuffer(file);
          }),
  };
}

function readErrorMessage(error: unknown): string {
  if (error instanceof Error && error.name === 'WorkbookReadError') return error.message;
  return `Lỗi khi kiểm tra tệp: ${errorText(error)}`;
}

const SKIP_KEYS: Record<GeneratedKind, I18nKey> = {
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
  const progressText = el('p', { class: 'muted progress-text', testid: 'progress-text' });
  const zone = el('div', { class: 'dropzone', testid: 'dropzone' }, [
    el('p', { class: 'drop-hint', i18n: 'standalone.drop' }),
    el('div', { class: 'actions' }, [pick, sample, starter.exampleButton, clear]),
    input,
  ]);
  const totals = el('section', { class: 'totals', attrs: { hidden: true }, testid: 'totals' });
  const list = el('div', { class: 'files', testid: 'files' });
  container.append(el('p', { class: 'intro', i18n: 'standalone.intro' }), zone, progress, progressText, totals, list, starter.section);

  const entries: FileEntry[] = [];
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;

  const setBusy = (busy: boolean): void => {
    pick.disabled = busy;
    sample.disabled = busy;
    clear.disabled = busy;
    progress.hidden = !busy;
    if (busy) pick.setAttribute('aria-busy', 'true');
    else {
      pick.removeAttribute('aria-busy');
      progressText.textContent = '';
    }
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
  const card = (file: string, status: FileEntry['status'], children: HTMLElement[]): HTMLElement =>
    el('article', { class: ['file-card', `file-${status}`], testid: status === 'checked' ? 'file-result' : status === 'error' ? 'file-error' : 'file-skipped', data: { file, status } }, [
      el('h2', { class: 'file-name', text: file }),
      ...children,
    ]);

  const checkedEntry = (file: string, result: CheckResult, row: ConsolidationRow): FileEntry => {
    const summaryButton = el('button', { attrs: { type: 'button' }, i18n: 'standalone.downloadSummary', testid: 'download-summary' });
    const printButton = el('button', { attrs: { type: 'button' }, i18n: 'standalone.print', testid: 'print-summary' });
    summaryButton.addEventListener('click', () => void downloadSummary(file, result, summaryButton));
    printButton.addEventListener('click', () => {
      printLayout(summaryLayout(result), { section: printSection(), print: deps.print ?? (() => window.print()) });
      status.say('standalone.printing', { file }, 'info');
    });
    const node = card(file, 'checked', [renderResult(result, { headingLevel: 3 }), el('div', { class: 'actions' }, [summaryButton, printButton])]);
    return { file, status: 'checked', result, row, node };
  };

  const errorEntry = (file: string, message: string): FileEntry => {
    const node = card(file, 'error', [
      el('p', { class: 'notice notice-error' }, [el('strong', { i18n: 'standalone.unreadable' }), ': ', el('span', { text: message, testid: 'error-message' })]),
    ]);
    return { file, status: 'error', message, node };
  };

  const skippedEntry = (file: string, kind: GeneratedKind): FileEntry => {
    const node = card(file, 'skipped', [
      el('p', { class: 'notice' }, [el('strong', { i18n: 'standalone.skipped' }), ': ', el('span', { i18n: SKIP_KEYS[kind], testid: 'skip-note' })]),
    ]);
    return { file, status: 'skipped', kind, node };
  };

  const checkOne = async (file: InputFile): Promise<FileEntry> => {
    let module: XlsxModule;
    try {
      module = await xlsx();
    } catch (error) {
      return errorEntry(file.name, t('standalone.libFailed', { message: errorText(error) }));
    }
    try {
      const data = await module.readWorkbookData(await file.read());
      const generated = generatedKind(data);
      if (generated !== null) return skippedEntry(file.name, generated);
      const result = checkWorkbook(data.sheets, { asOf });
      // The list of organisations judges everyone by one policy, as `bontot consolidate` does.
      const forList = result.policySource === 'workbook' ? checkWorkbook(data.sheets, { asOf, policy: defaultPolicy() }) : result;
      return checkedEntry(file.name, result, rowFromCheck(file.name, forList));
    } catch (error) {
      return errorEntry(file.name, readErrorMessage(error));
    }
  };

  // ------------------------------------------------------------------------------- totals
  const renderTotals = (): void => {
    const checked = entries.filter((e): e is Extract<FileEntry, { status: 'checked' }> => e.status === 'checked');
    const listed = entries.filter((e) => e.status !== 'skipped');
    if (listed.length < 2) {
      totals.hidden = true;
      replaceChildren(totals);
      return;
    }
    const policy = defaultPolicy();
    const eligible = checked.filter((e) => e.result.eligible).length;
    const share = shareOf(eligible, checked.length);
    const met = share !== null && targetMet(share, policy);
    const button = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: 'standalone.downloadConsolidation', testid: 'download-consolidation' });
    button.addEventListener('click', () => void downloadConsolidation(button));
    replaceChildren(totals, [
      el('p', {
        class: 'totals-line',
        testid: 'totals-line',
        data: { eligible, organizations: checked.length },
        i18n: 'standalone.totals',
        params: {
          eligible,
          organizations: checked.length,
          share: share === null ? '—' : formatPercent(share * 100),
          target: formatNumber(policy.modelTargetPercent),
          met: ref(met ? 'standalone.targetMet' : 'standalone.targetNotMet'),
        },
      }),
      el('div', { class: 'actions' }, [button]),
    ]);
    totals.hidden = false;
  };

  // ------------------------------------------------------------------------------- downloads
  const makeFile = async (fileName: string, button: HTMLButtonElement, layouts: () => SheetLayout[], options: WriteOptions): Promise<void> => {
    button.disabled = true;
    status.say('standalone.preparing', { file: fileName }, 'busy');
    try {
      const module = await xlsx();
      const bytes = await module.writeWorkbookBuffer(layouts(), options);
      download(fileName, bytes);
      status.say('standalone.downloaded', { file: fileName }, 'ok');
    } catch (error) {
      status.say('standalone.downloadFailed', { file: fileName, message: errorText(error) }, 'error');
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
        const consolidation = new Consolidation();
        for (const entry of entries) {
          if (entry.status === 'checked') consolidation.add(entry.row, entry.file);
          else if (entry.status === 'error') consolidation.add(rowFromError(entry.file, entry.message), entry.file);
        }
        return [consolidationLayout(consolidation.rows, { asOf, policy: defaultPolicy(), duplicates: consolidation.duplicates })];
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
      if (!xlsxPromise) status.say('standalone.loadingLib', undefined, 'busy');
      for (const file of files) {
        index += 1;
        tr(progressText, 'standalone.reading', { file: file.name, index, total });
        const entry = await checkOne(file);
        place(entry);
        renderTotals();
        // Let the page paint between files.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const batch = entries.filter((e) => files.some((f) => f.name === e.file));
      const checked = batch.filter((e): e is Extract<FileEntry, { status: 'checked' }> => e.status === 'checked');
      const only = checked[0];
      if (batch.length === 1 && only) {
        const { key, params } = announcement(only.result);
        status.say(key, params, only.result.eligible ? 'ok' : 'error');
      } else if (batch.length === 1 && batch[0]?.status === 'error') {
        status.say('standalone.done', { total: 1, eligible: 0, checked: 0, errors: 1, skipped: 0 }, 'error');
      } else {
        status.say(
          'standalone.done',
          {
            total: batch.length,
            eligible: checked.filter((e) => e.result.eligible).length,
            checked: checked.length,
            errors: batch.filter((e) => e.status === 'error').length,
            skipped: batch.filter((e) => e.status === 'skipped').length,
          },
          batch.some((e) => e.status === 'error') ? 'error' : 'ok',
        );
      }
      const first = batch[0]?.node.querySelector<HTMLElement>('.file-name');
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

  const loadSample = (name: string): Promise<void> => {
    const fileName = `${name}.xlsx`;
    const shownName = exampleFileName(name);
    return processFiles([
      {
        name: shownName,
        read: async () => {
          try {
            return await fetchBytes(`samples/${encodeURIComponent(fileName)}`);
          } catch (error) {
            const failure = new Error(t('standalone.sampleFailed', { file: shownName, message: errorText(error) }));
            failure.name = 'WorkbookReadError'; // shown as is, like a read error
            throw failure;
          }
        },
      },
    ]);
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

  const preload = sampleFromSearch(deps.search);
  const ready = preload ? loadSample(preload) : Promise.resolve();
  return { processFiles, loadSample, entries: () => entries, asOf, ready };
}
