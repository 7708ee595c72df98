/**
 * The heavy half of "Điền trang Chi bộ trực thuộc", loaded lazily into the page's "xlsx" chunk
 * (with ExcelJS and the values reader), so the Excel task pane's first load stays small: reading
 * the chi bộ's files, the plan, the ExcelJS rewrite for the page, and the rendering of the report.
 * The headings follow the page's language; the core's texts (a row's result and notes, why a row is
 * left alone or a file refused or unreadable, why the workbook cannot be filled) are catalogue
 * references shown in the current language and again after a switch (boardMessages.ts). Cell
 * values (before → after) are shown as the cells hold them. Cell text is rendered as text, never as HTML.
 */
import { readWorkbookData } from '../src/hosts/xlsx/exceljs';
import { fillSubordinatesXlsx } from '../src/hosts/xlsx/fill';
import type { LostPart } from '../src/hosts/xlsx/fix';
import { planSubordinateFill, type ChiBoInput, type FieldChange, type FilledRow, type FillPlan } from '../src/workbook/fillSubordinates';
import { fillSubordinatesSheet, readSheets, type FillSubordinatesResult } from '../src/hosts/excel';
import { backupSheetName } from '../src/workbook/legacyFix';
import type { MessageRef } from '../src/core/messages';
import { showCatalogueText, type CatalogueText } from './boardMessages';
import { el, errorText, replaceChildren, type Child } from './dom';
import { messageParam, ref, type I18nKey } from './i18n';
import type { InputFile } from './files';
import type { ExcelFillView, PageFillView } from './subordinatesPane';

export { fillSubordinatesXlsx, planSubordinateFill };

export interface UnreadableChiBo {
  file: string;
  /** Vietnamese; `text` is its catalogue reference when the reader worded it. */
  error: string;
  text?: MessageRef;
}

/** A message of the core (Vietnamese and, when known, its reference) and its reference, together. */
function catalogueText(message: string, text: MessageRef | undefined): CatalogueText {
  return text === undefined ? { message } : { message, text };
}

/** An error's text: a reader's error carries its catalogue reference, anything else is worded as it is. */
function errorCatalogueText(error: unknown): CatalogueText {
  const text = (error as { text?: MessageRef } | null)?.text;
  if (error instanceof Error && error.name === 'WorkbookReadError') return catalogueText(error.message, text);
  return { message: errorText(error) };
}

/** A span showing a core message in the current language, kept current across switches. */
function coreText(message: CatalogueText, testid?: string): HTMLElement {
  return showCatalogueText(el('span', testid === undefined ? {} : { testid }), message);
}

/** Reads the chi bộ's files; an unreadable one is listed with its message and the others are read. */
export async function readChiBoFiles(files: readonly InputFile[]): Promise<{ inputs: ChiBoInput[]; unreadable: UnreadableChiBo[] }> {
  const inputs: ChiBoInput[] = [];
  const unreadable: UnreadableChiBo[] = [];
  for (const file of files) {
    try {
      const data = await readWorkbookData(await file.read());
      inputs.push({ file: file.name, sheets: data.sheets, generatedKind: data.generatedKind });
    } catch (error) {
      const why = errorCatalogueText(error);
      unreadable.push(why.text === undefined ? { file: file.name, error: why.message } : { file: file.name, error: why.message, text: why.text });
    }
  }
  return { inputs, unreadable };
}

/** A value as shown in the report; a blank cell is a translated "(trống)". */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return ref('fill.blank');
  return typeof value === 'string' ? `“${value}”` : String(value);
}

/** "Số đảng viên: từ 8 thành 13" (words, not an arrow: the pane's fonts may lack "→"). */
function changeItem(change: FieldChange): HTMLElement {
  return el('span', { i18n: 'fill.change', params: { column: change.column, before: valueText(change.before), after: valueText(change.after) } });
}

function rowItem(row: FilledRow, detail: readonly Child[], testid: string): HTMLElement {
  return el('li', { testid, data: { row: row.row, file: row.file } }, [
    el('span', { i18n: 'fill.row', params: { row: row.row, name: row.sheetName } }),
    ` [${row.file}] — `,
    ...detail,
    row.notes.length > 0
      ? el(
          'ul',
          { class: 'examples' },
          row.notes.map((note, i) => showCatalogueText(el('li', { class: 'muted', testid: 'fill-note' }), catalogueText(note, row.noteTexts[i]))),
        )
      : null,
  ]);
}

function group(key: I18nKey, count: number, testid: string, items: readonly HTMLElement[]): Child {
  if (count === 0) return null;
  return el('div', { class: 'fill-group', testid }, [
    el('p', { class: 'fill-group-title', i18n: key, params: { count } }),
    el('ul', { class: 'sheet-list' }, items),
  ]);
}

/** The report of a plan: lost parts first (page only), then what is added, changed, left alone and refused. */
export function renderFillReport(plan: FillPlan, extras: { unreadable: readonly UnreadableChiBo[]; lost?: readonly LostPart[] }): HTMLElement {
  const lost = extras.lost ?? [];
  return el('div', { class: 'fill-report', testid: 'fill-report' }, [
    lost.length > 0
      ? el('p', {
          class: 'notice notice-warn',
          testid: 'fill-lost',
          i18n: 'fill.lost',
          // The kinds of part in the language of the moment (each "{label} ({count})").
          params: {
            parts: messageParam({
              message: lost.map((part) => `${part.label} (${part.input})`).join(', '),
              text: lost.map((part) => ({ key: 'part.counted', params: { label: { key: `part.${part.id}` }, count: part.input } })),
            }),
          },
        })
      : null,
    el('p', {
      class: 'muted',
      testid: 'fill-summary',
      i18n: 'fill.summary',
      params: { org: plan.organization.name ?? '—', year: plan.organization.year, sheet: plan.sheet, cells: plan.writes.length },
    }),
    group(
      'fill.added',
      plan.added.length,
      'fill-added',
      plan.added.map((row) =>
        rowItem(
          row,
          [
            row.members === null ? null : el('span', { i18n: 'fill.members', params: { count: row.members } }),
            row.members === null ? null : '; ',
            coreText(catalogueText(row.result, row.resultText), 'fill-result'),
          ],
          'fill-added-row',
        ),
      ),
    ),
    group(
      'fill.changed',
      plan.changed.length,
      'fill-changed',
      plan.changed.map((row) =>
        rowItem(
          row,
          row.changes.flatMap((change, i) => (i === 0 ? [changeItem(change)] : ['; ', changeItem(change)])),
          'fill-changed-row',
        ),
      ),
    ),
    group(
      'fill.unchanged',
      plan.unchanged.length,
      'fill-unchanged',
      plan.unchanged.map((row) => rowItem(row, [coreText(catalogueText(row.result, row.resultText), 'fill-result')], 'fill-unchanged-row')),
    ),
    group(
      'fill.leftAlone',
      plan.leftAlone.length,
      'fill-left',
      plan.leftAlone.map((row) =>
        el('li', { testid: 'fill-left-row', data: { row: row.row } }, [
          el('span', { i18n: 'fill.row', params: { row: row.row, name: row.name ?? '—' } }),
          ' — ',
          coreText(catalogueText(row.reason, row.reasonText), 'fill-reason'),
        ]),
      ),
    ),
    plan.addedColumns.length > 0
      ? el('p', {
          testid: 'fill-columns',
          i18n: 'fill.addedColumns',
          params: { columns: plan.addedColumns.map((c) => `“${c.header}” (${c.cell})`).join(', ') },
        })
      : null,
    group(
      'fill.refused',
      plan.refused.length,
      'fill-refused',
      plan.refused.map((refused) =>
        el('li', { testid: 'fill-refused-row', data: { file: refused.file } }, [
          el('strong', { text: refused.file }),
          ': ',
          coreText(catalogueText(refused.reason, refused.reasonText), 'fill-reason'),
        ]),
      ),
    ),
    group(
      'fill.unreadable',
      extras.unreadable.length,
      'fill-unreadable',
      extras.unreadable.map((file) =>
        el('li', { testid: 'fill-unreadable-row', data: { file: file.file } }, [
          el('strong', { text: file.file }),
          ': ',
          coreText(catalogueText(file.error, file.text), 'fill-reason'),
        ]),
      ),
    ),
    el('p', { class: 'muted', i18n: 'fill.kept' }),
  ]);
}

// ---------------------------------------------------------------------------------- the flows

/** Excel: reads the files and the open workbook, shows the plan and the confirm step (nothing written). */
export async function excelPreview(
  view: ExcelFillView,
  files: readonly InputFile[],
  actions: { confirm: () => void; cancel: () => void },
): Promise<FillPlan | null> {
  const { body, status } = view;
  view.planned = null;
  view.confirmButton = null;
  view.cancelButton = null;
  replaceChildren(body);
  if (files.length === 0) return null;
  status.say('fill.reading', undefined, 'busy');
  const { inputs, unreadable } = await readChiBoFiles(files);
  const grids = await view.ctx.run((context) => readSheets(context));
  const outcome = planSubordinateFill(grids, inputs, { asOf: view.ctx.today() });
  if (!outcome.ok) {
    const why = catalogueText(outcome.error, outcome.errorText);
    replaceChildren(body, [showCatalogueText(el('p', { class: 'notice notice-error', testid: 'fill-error' }), why)]);
    status.say('fill.failed', { message: messageParam(why) }, 'error', { shownNearby: true });
    return null;
  }
  const plan = outcome.plan;
  const report = renderFillReport(plan, { unreadable });
  if (plan.writes.length === 0) {
    replaceChildren(body, [
      report,
      el('p', { class: 'notice notice-ok', testid: 'fill-nothing', i18n: 'fill.nothing', params: { sheet: plan.sheet } }),
    ]);
    status.say('fill.nothing', { sheet: plan.sheet }, 'ok', { shownNearby: true });
    return plan;
  }
  if (!view.canCopy()) {
    replaceChildren(body, [report, el('p', { class: 'notice notice-error', testid: 'fill-no-copy', i18n: 'fill.noCopy' })]);
    status.say('fill.noCopy', undefined, 'error', { shownNearby: true });
    return null;
  }
  view.planned = plan;
  const copy = backupSheetName(
    plan.sheet,
    grids.map((grid) => grid.name),
  );
  const confirmButton = el('button', {
    class: 'primary',
    attrs: { type: 'button' },
    testid: 'fill-confirm',
    i18n: 'fill.confirm',
    params: { cells: plan.writes.length },
  });
  const cancelButton = el('button', { attrs: { type: 'button' }, testid: 'fill-cancel', i18n: 'fill.cancel' });
  confirmButton.addEventListener('click', actions.confirm);
  cancelButton.addEventListener('click', actions.cancel);
  view.confirmButton = confirmButton;
  view.cancelButton = cancelButton;
  replaceChildren(body, [
    report,
    el('p', { class: 'notice notice-warn', testid: 'fill-warning', i18n: 'fill.warning', params: { sheet: plan.sheet, copy } }),
    el('div', { class: 'actions' }, [confirmButton, cancelButton]),
  ]);
  status.say('fill.planned', { cells: plan.writes.length, sheet: plan.sheet }, 'info', { shownNearby: true });
  confirmButton.focus();
  return plan;
}

/** Excel: writes the previewed plan, keeping a copy of the sheet first. */
export async function excelConfirm(view: ExcelFillView): Promise<FillSubordinatesResult | null> {
  const { body, status } = view;
  const plan = view.planned;
  if (!plan) return null;
  view.planned = null;
  status.say('fill.writing', undefined, 'busy');
  const result = await view.ctx.run((context) => fillSubordinatesSheet(context, plan.sheet, plan.writes, { keepCopy: true }));
  const written = { cells: result.written.length, sheet: result.sheet ?? plan.sheet, copy: result.copy ?? '—' };
  const skipped = { count: result.skipped.length, cells: result.skipped.map((s) => s.write.cell).join(', ') };
  replaceChildren(body, [
    result.written.length > 0 ? el('p', { class: 'notice notice-ok', testid: 'fill-written', i18n: 'fill.written', params: written }) : null,
    result.skipped.length > 0 ? el('p', { class: 'notice notice-warn', testid: 'fill-skipped', i18n: 'fill.skipped', params: skipped }) : null,
  ]);
  view.confirmButton = null;
  view.cancelButton = null;
  if (result.written.length > 0) {
    status.say('fill.written', written, 'ok', { shownNearby: true });
    view.onWritten?.(result);
  } else {
    status.say('fill.skipped', skipped, 'error', { shownNearby: true });
  }
  return result;
}

/** The page: a new filled copy of the đảng bộ's file through ExcelJS, the report, and its download button. */
export async function pageFill(
  view: PageFillView,
  dangBo: InputFile,
  chiBo: readonly InputFile[],
  name: string,
): Promise<{ name: string; bytes: Uint8Array } | null> {
  const { body, status } = view;
  replaceChildren(body);
  status.say('fill.reading', undefined, 'busy');
  /** The đảng bộ's file cannot be filled: its name and why, the why in the current language. */
  const fail = (why: CatalogueText): null => {
    replaceChildren(body, [el('p', { class: 'notice notice-error', testid: 'fill-error' }, [`${dangBo.name}: `, coreText(why)])]);
    status.say('fill.failedFile', { file: dangBo.name, message: messageParam(why) }, 'error', { shownNearby: true });
    return null;
  };
  const { inputs, unreadable } = await readChiBoFiles(chiBo);
  let result: Awaited<ReturnType<typeof fillSubordinatesXlsx>>;
  try {
    result = await fillSubordinatesXlsx(await dangBo.read(), inputs, { asOf: view.asOf });
  } catch (error) {
    return fail(errorCatalogueText(error));
  }
  if (!result.outcome.ok) return fail(catalogueText(result.outcome.error, result.outcome.errorText));
  const plan = result.outcome.plan;
  const report = renderFillReport(plan, { unreadable, lost: result.lost });
  const bytes = result.output;
  if (bytes === null) {
    replaceChildren(body, [
      report,
      el('p', { class: 'notice notice-ok', testid: 'fill-nothing', i18n: 'fill.nothing', params: { sheet: plan.sheet } }),
    ]);
    status.say('fill.nothing', { sheet: plan.sheet }, 'ok', { shownNearby: true });
    return null;
  }
  const save = el('button', { class: 'primary', attrs: { type: 'button' }, testid: 'fill-download', i18n: 'fill.download', params: { file: name } });
  save.addEventListener('click', () => {
    view.download(name, bytes);
    status.say('standalone.downloaded', { file: name }, 'ok');
  });
  replaceChildren(body, [report, el('div', { class: 'actions' }, [save])]);
  status.say('fill.ready', { added: plan.added.length, changed: plan.changed.length, file: name }, 'ok', { shownNearby: true });
  save.focus();
  return { name, bytes };
}
