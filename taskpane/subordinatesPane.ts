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
import { fillSubordinatesSheet, readSheets, type FillSubordinatesResult } from '../src/hosts/excel';
import type { IsoDate } from '../src/core/types';
import type { FillPlan } from '../src/workbook/fillSubordinates';
import { backupSheetName } from '../src/workbook/legacyFix';
import { el, errorText, replaceChildren, uid } from './dom';
import { downloadBytes, fileStem, type Download } from './download';
import type { ExcelContext } from './excelContext';
import type { I18nKey } from './i18n';
import { fileInput, type InputFile } from './standaloneMode';
import { BusyGuard, progressBar, type Status } from './ui';

export type FillLib = typeof import('./subordinatesLib');

export const loadFillLib = (): Promise<FillLib> => import(/* webpackChunkName: "xlsx" */ './subordinatesLib');

/** `NAME.xlsx` → `NAME.capnhat.xlsx`: the page's filled copy of the đảng bộ's workbook. */
export function filledFileName(fileName: string): string {
  return `${fileStem(fileName)}.capnhat.xlsx`;
}

function section(testid: string, intro: I18nKey, children: readonly HTMLElement[]): HTMLElement {
  const heading = el('h3', { i18n: 'fill.title', testid: 'fill-title' });
  heading.id = uid('fill-title');
  return el('section', { class: 'fill', attrs: { 'aria-labelledby': heading.id }, testid }, [heading, el('p', { class: 'intro', i18n: intro }), ...children]);
}

function filePicker(multiple: boolean, testid: string): HTMLInputElement {
  return el('input', {
    attrs: { type: 'file', multiple, accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hidden: true, tabindex: -1 },
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
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } } }).Office;
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

  let planned: FillPlan | null = null;
  let confirmButton: HTMLButtonElement | null = null;
  let cancelButton: HTMLButtonElement | null = null;
  const guard = new BusyGuard(() => [pick, ...(confirmButton ? [confirmButton] : []), ...(cancelButton ? [cancelButton] : [])], progress);

  const preview = (files: readonly InputFile[]): Promise<FillPlan | null> =>
    guard.run(async () => {
      planned = null;
      confirmButton = null;
      cancelButton = null;
      replaceChildren(body);
      if (files.length === 0) return null;
      status.say('fill.reading', undefined, 'busy');
      try {
        const lib = await loadLib();
        const { inputs, unreadable } = await lib.readChiBoFiles(files);
        const grids = await ctx.run((context) => readSheets(context));
        const outcome = lib.planSubordinateFill(grids, inputs, { asOf: ctx.today() });
        if (!outcome.ok) {
          replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error', text: outcome.error })]);
          status.say('fill.failed', { message: outcome.error }, 'error', { shownNearby: true });
          return null;
        }
        const plan = outcome.plan;
        const report = lib.renderFillReport(plan, { unreadable });
        if (plan.writes.length === 0) {
          replaceChildren(body, [report, el('p', { class: 'notice notice-ok', testid: 'fill-nothing', i18n: 'fill.nothing', params: { sheet: plan.sheet } })]);
          status.say('fill.nothing', { sheet: plan.sheet }, 'ok', { shownNearby: true });
          return plan;
        }
        if (!canCopy()) {
          replaceChildren(body, [report, el('p', { class: 'notice notice-error', testid: 'fill-no-copy', i18n: 'fill.noCopy' })]);
          status.say('fill.noCopy', undefined, 'error', { shownNearby: true });
          return null;
        }
        planned = plan;
        const copy = backupSheetName(plan.sheet, grids.map((grid) => grid.name));
        confirmButton = el('button', { class: 'primary', attrs: { type: 'button' }, testid: 'fill-confirm', i18n: 'fill.confirm', params: { cells: plan.writes.length } });
        cancelButton = el('button', { attrs: { type: 'button' }, testid: 'fill-cancel', i18n: 'fill.cancel' });
        confirmButton.addEventListener('click', () => void confirm());
        cancelButton.addEventListener('click', () => cancel());
        replaceChildren(body, [
          report,
          el('p', { class: 'notice notice-warn', testid: 'fill-warning', i18n: 'fill.warning', params: { sheet: plan.sheet, copy } }),
          el('div', { class: 'actions' }, [confirmButton, cancelButton]),
        ]);
        status.say('fill.planned', { cells: plan.writes.length, sheet: plan.sheet }, 'info', { shownNearby: true });
        confirmButton.focus();
        return plan;
      } catch (error) {
        replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error', text: errorText(error) })]);
        status.say('fill.failed', { message: errorText(error) }, 'error', { shownNearby: true });
        return null;
      }
    });

  const confirm = (): Promise<FillSubordinatesResult | null> =>
    guard.run(async () => {
      const plan = planned;
      if (!plan) return null;
      planned = null;
      status.say('fill.writing', undefined, 'busy');
      try {
        const result = await ctx.run((context) => fillSubordinatesSheet(context, plan.sheet, plan.writes, { keepCopy: true }));
        const outcome: HTMLElement[] = [];
        if (result.written.length > 0) {
          outcome.push(el('p', { class: 'notice notice-ok', testid: 'fill-written', i18n: 'fill.written', params: { cells: result.written.length, sheet: result.sheet ?? plan.sheet, copy: result.copy ?? '—' } }));
        }
        if (result.skipped.length > 0) {
          outcome.push(el('p', { class: 'notice notice-warn', testid: 'fill-skipped', i18n: 'fill.skipped', params: { count: result.skipped.length, cells: result.skipped.map((s) => s.write.cell).join(', ') } }));
        }
        replaceChildren(body, outcome);
        if (result.written.length > 0) {
          status.say('fill.written', { cells: result.written.length, sheet: result.sheet ?? plan.sheet, copy: result.copy ?? '—' }, 'ok', { shownNearby: true });
          options.onWritten?.(result);
        } else {
          status.say('fill.skipped', { count: result.skipped.length, cells: result.skipped.map((s) => s.write.cell).join(', ') }, 'error', { shownNearby: true });
        }
        return result;
      } catch (error) {
        replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error', text: errorText(error) })]);
        status.say('fill.failed', { message: errorText(error) }, 'error', { shownNearby: true });
        return null;
      }
    });

  const cancel = (): void => {
    if (guard.busy) return;
    planned = null;
    confirmButton = null;
    cancelButton = null;
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
  const root = section('fill', 'fill.intro.standalone', [el('div', { class: 'actions' }, [pickDangBo, pickChiBo, run]), dangBoInput, chiBoInput, chosen, progress, body]);
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
      replaceChildren(body);
      status.say('fill.reading', undefined, 'busy');
      const name = filledFileName(dangBoFile.name);
      try {
        const lib = await loadLib();
        const { inputs, unreadable } = await lib.readChiBoFiles(chiBoFiles);
        let result: Awaited<ReturnType<FillLib['fillSubordinatesXlsx']>>;
        try {
          result = await lib.fillSubordinatesXlsx(await dangBoFile.read(), inputs, { asOf: deps.asOf });
        } catch (error) {
          const message = `${dangBoFile.name}: ${errorText(error)}`;
          replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error', text: message })]);
          status.say('fill.failed', { message }, 'error', { shownNearby: true });
          return null;
        }
        if (!result.outcome.ok) {
          const message = `${dangBoFile.name}: ${result.outcome.error}`;
          replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error', text: message })]);
          status.say('fill.failed', { message }, 'error', { shownNearby: true });
          return null;
        }
        const plan = result.outcome.plan;
        const report = lib.renderFillReport(plan, { unreadable, lost: result.lost });
        const bytes = result.output;
        if (bytes === null) {
          replaceChildren(body, [report, el('p', { class: 'notice notice-ok', testid: 'fill-nothing', i18n: 'fill.nothing', params: { sheet: plan.sheet } })]);
          status.say('fill.nothing', { sheet: plan.sheet }, 'ok', { shownNearby: true });
          return null;
        }
        const save = el('button', { class: 'primary', attrs: { type: 'button' }, testid: 'fill-download', i18n: 'fill.download', params: { file: name } });
        save.addEventListener('click', () => {
          download(name, bytes);
          status.say('standalone.downloaded', { file: name }, 'ok');
        });
        replaceChildren(body, [report, el('div', { class: 'actions' }, [save])]);
        status.say('fill.ready', { added: plan.added.length, changed: plan.changed.length, file: name }, 'ok', { shownNearby: true });
        save.focus();
        return { name, bytes };
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
