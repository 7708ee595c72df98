/**
 * The heavy half of "Điền trang Chi bộ trực thuộc", loaded lazily into the page's "xlsx" chunk
 * (with ExcelJS and the values reader), so the Excel task pane's first load stays small: reading
 * the chi bộ's files, the plan, the ExcelJS rewrite for the page, and the rendering of the report.
 * Report texts that come from the core (reasons, notes) are data and stay Vietnamese; the headings
 * follow the page's language. Cell text is rendered as text, never as HTML.
 */
import { readWorkbookData } from '../src/hosts/xlsx';
import { fillSubordinatesXlsx } from '../src/hosts/xlsxFill';
import type { LostPart } from '../src/hosts/xlsxFix';
import { planSubordinateFill, type ChiBoInput, type FieldChange, type FilledRow, type FillPlan } from '../src/workbook/fillSubordinates';
import { el, errorText, type Child } from './dom';
import { t, type I18nKey } from './i18n';
import type { InputFile } from './standaloneMode';

export { fillSubordinatesXlsx, planSubordinateFill };

export interface UnreadableChiBo {
  file: string;
  error: string;
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
      unreadable.push({ file: file.name, error: error instanceof Error && error.name === 'WorkbookReadError' ? error.message : errorText(error) });
    }
  }
  return { inputs, unreadable };
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('fill.blank');
  return typeof value === 'string' ? `“${value}”` : String(value);
}

function changeText(change: FieldChange): string {
  return `${change.column}: ${valueText(change.before)} → ${valueText(change.after)}`;
}

function rowItem(row: FilledRow, detail: readonly Child[], testid: string): HTMLElement {
  return el('li', { testid, data: { row: row.row, file: row.file } }, [
    el('span', { i18n: 'fill.row', params: { row: row.row, name: row.sheetName } }),
    ` [${row.file}] — `,
    ...detail,
    row.notes.length > 0 ? el('ul', { class: 'examples' }, row.notes.map((note) => el('li', { class: 'muted', text: note }))) : null,
  ]);
}

function group(key: I18nKey, count: number, testid: string, items: readonly HTMLElement[]): Child {
  if (count === 0) return null;
  return el('div', { class: 'fill-group', testid }, [el('p', { class: 'fill-group-title', i18n: key, params: { count } }), el('ul', { class: 'sheet-list' }, items)]);
}

/** The report of a plan: lost parts first (page only), then what is added, changed, left alone and refused. */
export function renderFillReport(plan: FillPlan, extras: { unreadable: readonly UnreadableChiBo[]; lost?: readonly LostPart[] }): HTMLElement {
  const lost = extras.lost ?? [];
  return el('div', { class: 'fill-report', testid: 'fill-report' }, [
    lost.length > 0
      ? el('p', { class: 'notice notice-warn', testid: 'fill-lost', i18n: 'fill.lost', params: { parts: lost.map((part) => `${part.label} (${part.input})`).join(', ') } })
      : null,
    el('p', { class: 'muted', testid: 'fill-summary', i18n: 'fill.summary', params: { org: plan.organization.name ?? '—', year: plan.organization.year, sheet: plan.sheet, cells: plan.writes.length } }),
    group('fill.added', plan.added.length, 'fill-added', plan.added.map((row) => rowItem(row, [row.members === null ? null : el('span', { i18n: 'fill.members', params: { count: row.members } }), row.members === null ? row.result : `; ${row.result}`], 'fill-added-row'))),
    group('fill.changed', plan.changed.length, 'fill-changed', plan.changed.map((row) => rowItem(row, [row.changes.map(changeText).join('; ')], 'fill-changed-row'))),
    group('fill.unchanged', plan.unchanged.length, 'fill-unchanged', plan.unchanged.map((row) => rowItem(row, [row.result], 'fill-unchanged-row'))),
    group(
      'fill.leftAlone',
      plan.leftAlone.length,
      'fill-left',
      plan.leftAlone.map((row) => el('li', { testid: 'fill-left-row', data: { row: row.row } }, [el('span', { i18n: 'fill.row', params: { row: row.row, name: row.name ?? '—' } }), ` — ${row.reason}`])),
    ),
    plan.addedColumns.length > 0 ? el('p', { testid: 'fill-columns', i18n: 'fill.addedColumns', params: { columns: plan.addedColumns.map((c) => `“${c.header}” (${c.cell})`).join(', ') } }) : null,
    group(
      'fill.refused',
      plan.refused.length,
      'fill-refused',
      plan.refused.map((refused) => el('li', { testid: 'fill-refused-row', data: { file: refused.file } }, [el('strong', { text: refused.file }), `: ${refused.reason}`])),
    ),
    group(
      'fill.unreadable',
      extras.unreadable.length,
      'fill-unreadable',
      extras.unreadable.map((file) => el('li', { testid: 'fill-unreadable-row', data: { file: file.file } }, [el('strong', { text: file.file }), `: ${file.error}`])),
    ),
    el('p', { class: 'muted', i18n: 'fill.kept' }),
  ]);
}
