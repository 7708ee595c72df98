/**
 * "Điền trang Chi bộ trực thuộc" (issue 23, SPEC §6 fill-subordinates) in the page's two modes.
 *
 * - Excel: the user picks the chi bộ's files; the pane reads the open workbook (readSheets), shows
 *   the plan (added, changed, left alone, refused) and asks first; on confirm it writes only the
 *   planned cells into `Chi bộ trực thuộc` (fillSubordinatesSheet), after keeping a visible copy
 *   "Chi bộ trực thuộc (bản gốc)", since Excel cannot undo an add-in's edits.
 * - Standalone: the user picks the đảng bộ's file and the chi bộ's files; the page writes a new
 *   `NAME.capnhat.xlsx` through ExcelJS, shows first what the rewrite cannot carry and what it
 *   fills, and offers it for download. No input is changed.
 *
 * The reading, the plan and the report live in the lazy "xlsx" chunk (subordinatesLib.ts).
 */
import type { FillSubordinatesResult } from '../src/hosts/excel';
import type { IsoDate } from '../src/core/types';
import type { FillPlan } from '../src/workbook/fillSubordinates';
import { el, errorText, replaceChildren, uid } from './dom';
import { downloadBytes, fileStem, type Download } from './download';
import type { ExcelContext } from './excelContext';
import type { I18nKey } from './i18n';
import { fileInput, type InputFile } from './files';
import { BusyGuard, progressBar, type Status } from './ui';

export type FillLib = typeof import('./subordinatesLib');

/** What the lazy flow of the Excel pane works on (subordinatesLib.ts). */
export interface ExcelFillView {
  ctx: ExcelContext;
  status: Status;
  body: HTMLElement;
  pick: HTMLButtonElement;
  /** The previewed plan the confirm button writes, or null. */
  planned: FillPlan | null;
  confirmButton: HTMLButtonElement | null;
  cancelButton: HTMLButtonElement | null;
  canCopy: () => boolean;
  onWritten: ((result: FillSubordinatesResult) => void) | undefined;
}

/** What the lazy flow of the page works on. */
export interface PageFillView {
  status: Status;
  body: HTMLElement;
  download: Download;
  asOf: IsoDate;
}

export const loadFillLib = (): Promise<FillLib> => import(/* webpackChunkName: "xlsx" */ './subordinatesLib');

/** `NAME.xlsx` → `NAME.capnhat.xlsx`: the page's filled copy of the đảng bộ's workbook. */
export function filledFileName(fileName: string): string {
  return `${fileStem(fileName)}.capnhat.xlsx`;
}

function section(testid: string, intro: I18nKey, children: readonly HTMLElement[]): HTMLElement {
  const heading = el('h3', { i18n: 'fill.title', testid: 'fill-title' });
  heading.id = uid('fill-title');
  return el('section', { class: 'fill', attrs: { 'aria-labelledby': heading.id }, testid }, [
    heading,
    el('p', { class: 'intro', i18n: intro }),
    ...children,
  ]);
}

function filePicker(multiple: boolean, testid: string): HTMLInputElement {
  return el('input', {
    attrs: {
      type: 'file',
      multiple,
      accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      hidden: true,
      tabindex: -1,
    },
    testid,
  });
}

// ---------------------------------------------------------------------------------- Excel

export interface ExcelFillOptions {
  loadLib?: () => Promise<FillLib>;
  /** Called after cells were written (e.g. to run the check again). */
  onWritten?: (result: FillSubordinatesResult) => void;
  /** Whether Worksheet.copy is available (ExcelApi 1.7). Default: Office's requirement check, else true. */
  canCopy?: () => boolean;
}

export interface ExcelFill {
  root: HTMLElement;
  /** Reads the files and the workbook, shows the plan and the confirm step. Null when it cannot fill. */
  preview(files: readonly InputFile[]): Promise<FillPlan | null>;
  /** Writes the previewed plan (the confirm button). */
  confirm(): Promise<FillSubordinatesResult | null>;
  cancel(): void;
}

function defaultCanCopy(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } } })
    .Office;
  const requirements = office?.context?.requirements;
  return typeof requirements?.isSetSupported === 'function' ? requirements.isSetSupported('ExcelApi', '1.7') : true;
}

export function createExcelFill(container: HTMLElement, ctx: ExcelContext, status: Status, options: ExcelFillOptions = {}): ExcelFill {
  const loadLib = options.loadLib ?? loadFillLib;
  const canCopy = options.canCopy ?? defaultCanCopy;
  const input = filePicker(true, 'fill-chibo-input');
  const pick = el('button', { attrs: { type: 'button' }, i18n: 'fill.pickChiBo', testid: 'fill-pick-chibo' });
  const progress = progressBar('fill.reading');
  const body = el('div', { class: 'fill-body', testid: 'fill-body' });
  const root = section('fill', 'fill.intro.excel', [el('div', { class: 'actions' }, [pick]), input, progress, body]);
  container.appendChild(root);

  const view: ExcelFillView = {
    ctx,
    status,
    body,
    pick,
    planned: null,
    confirmButton: null,
    cancelButton: null,
    canCopy,
    onWritten: options.onWritten,
  };
  const guard = new BusyGuard(
    () => [pick, ...(view.confirmButton ? [view.confirmButton] : []), ...(view.cancelButton ? [view.cancelButton] : [])],
    progress,
  );
  const failed = (error: unknown): null => {
    replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error', text: errorText(error) })]);
    status.say('fill.failed', { message: errorText(error) }, 'error', { shownNearby: true });
    return null;
  };
  const preview = (files: readonly InputFile[]): Promise<FillPlan | null> =>
    guard.run(async () => {
      try {
        return await (await loadLib()).excelPreview(view, files, { confirm: () => void confirm(), cancel: () => cancel() });
      } catch (error) {
        return failed(error);
      }
    });
  const confirm = (): Promise<FillSubordinatesResult | null> =>
    guard.run(async () => {
      if (!view.planned) return null;
      try {
        return await (await loadLib()).excelConfirm(view);
      } catch (error) {
        return failed(error);
      }
    });
  const cancel = (): void => {
    if (guard.busy) return;
    view.planned = null;
    view.confirmButton = null;
    view.cancelButton = null;
    replaceChildren(body, [el('p', { class: 'notice', testid: 'fill-cancelled', i18n: 'fill.cancelled' })]);
    status.say('fill.cancelled', undefined, 'info', { shownNearby: true });
    pick.focus();
  };

  pick.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])].map(fileInput);
    input.value = '';
    void preview(files);
  });
  return { root, preview, confirm, cancel };
}

// ---------------------------------------------------------------------------------- standalone

export interface StandaloneFillDeps {
  loadLib?: () => Promise<FillLib>;
  download?: Download;
  asOf: IsoDate;
}

export interface StandaloneFill {
  root: HTMLElement;
  /** Fills the đảng bộ's file from the chi bộ's; the new file's name and bytes, or null. */
  fill(dangBo: InputFile, chiBo: readonly InputFile[]): Promise<{ name: string; bytes: Uint8Array } | null>;
}

export function createStandaloneFill(container: HTMLElement, status: Status, deps: StandaloneFillDeps): StandaloneFill {
  const loadLib = deps.loadLib ?? loadFillLib;
  const download = deps.download ?? downloadBytes;
  const dangBoInput = filePicker(false, 'fill-dangbo-input');
  const chiBoInput = filePicker(true, 'fill-chibo-input');
  const pickDangBo = el('button', { attrs: { type: 'button' }, i18n: 'fill.pickDangBo', testid: 'fill-pick-dangbo' });
  const pickChiBo = el('button', { attrs: { type: 'button' }, i18n: 'fill.pickChiBo', testid: 'fill-pick-chibo' });
  const run = el('button', { class: 'primary', attrs: { type: 'button', disabled: true }, i18n: 'fill.run', testid: 'fill-run' });
  const chosen = el('p', { class: 'muted', testid: 'fill-chosen' });
  const progress = progressBar('fill.reading');
  const body = el('div', { class: 'fill-body', testid: 'fill-body' });
  const root = section('fill', 'fill.intro.standalone', [
    el('div', { class: 'actions' }, [pickDangBo, pickChiBo, run]),
    dangBoInput,
    chiBoInput,
    chosen,
    progress,
    body,
  ]);
  container.appendChild(root);

  let dangBo: InputFile | null = null;
  let chiBo: InputFile[] = [];
  const guard = new BusyGuard(() => [run, pickDangBo, pickChiBo], progress);
  const showChosen = (): void => {
    replaceChildren(chosen, [
      dangBo ? el('span', { i18n: 'fill.dangBoChosen', params: { file: dangBo.name } }) : null,
      dangBo && chiBo.length > 0 ? ' · ' : null,
      chiBo.length > 0 ? el('span', { i18n: 'fill.chiBoChosen', params: { count: chiBo.length } }) : null,
    ]);
    run.disabled = dangBo === null || chiBo.length === 0;
  };

  const fill = (dangBoFile: InputFile, chiBoFiles: readonly InputFile[]): Promise<{ name: string; bytes: Uint8Array } | null> =>
    guard.run(async () => {
      try {
        return await (await loadLib()).pageFill({ status, body, download, asOf: deps.asOf }, dangBoFile, chiBoFiles, filledFileName(dangBoFile.name));
      } catch (error) {
        replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error', text: errorText(error) })]);
        status.say('fill.failed', { message: errorText(error) }, 'error', { shownNearby: true });
        return null;
      }
    });

  pickDangBo.addEventListener('click', () => dangBoInput.click());
  pickChiBo.addEventListener('click', () => chiBoInput.click());
  dangBoInput.addEventListener('change', () => {
    const file = dangBoInput.files?.[0];
    dangBoInput.value = '';
    if (file) dangBo = fileInput(file);
    showChosen();
  });
  chiBoInput.addEventListener('change', () => {
    chiBo = [...(chiBoInput.files ?? [])].map(fileInput);
    chiBoInput.value = '';
    showChosen();
  });
  run.addEventListener('click', () => {
    if (dangBo && chiBo.length > 0) void fill(dangBo, chiBo);
  });
  return { root, fill };
}
