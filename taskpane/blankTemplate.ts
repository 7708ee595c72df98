/**
 * The standalone page's way in for a clerk who has no workbook yet (issue #21):
 *  - "Tải mẫu trống": a form (Loại tổ chức, Loại hình, Năm đánh giá, Tên tổ chức) that downloads the
 *    same blank workbook as `bontot template` and the pane's Mẫu tab — the layouts of
 *    src/workbook/layout/templateLayouts.ts, written by ExcelJS in the lazy "xlsx" chunk, with the CLI's
 *    marker and title — so it can be filled in any spreadsheet program and checked here;
 *  - "Tải tệp ví dụ": the bundled example workbook (the one "Xem ví dụ" checks), as it is served.
 *
 * Wording: "mẫu" is the template only; the bundled sample is a "ví dụ" everywhere a user reads it,
 * including its file name (`exampleFileName`).
 */
import type { OrgType } from '../src/core/types';
import type { SheetLayout } from '../src/workbook/types';
import { el, errorText, uid } from './dom';
import type { Download } from './download';
import { tr, type I18nKey } from './i18n';
import { loadTemplateLayouts, TEMPLATE_KINDS, TEMPLATE_TYPES } from './templatePane';
import { BusyGuard, field, parseYear, type Status } from './ui';

/** The writer of the lazy chunk (src/hosts/xlsx.ts). */
export interface TemplateWriter {
  writeWorkbookBuffer(layouts: readonly SheetLayout[], options?: { kind?: string | null; title?: string }): Promise<Uint8Array>;
}

export interface StarterDeps {
  xlsx: () => Promise<TemplateWriter>;
  fetchBytes: (url: string) => Promise<ArrayBuffer>;
  download: Download;
  status: Status;
  /** The year the form starts with (the as-of date's year). */
  year: number;
}

export interface Starter {
  /** The "Tải mẫu trống" section (form and button). */
  section: HTMLElement;
  /** "Tải tệp ví dụ", to sit beside "Xem ví dụ". */
  exampleButton: HTMLButtonElement;
  form: { kind: HTMLSelectElement; type: HTMLSelectElement; year: HTMLInputElement; name: HTMLInputElement; submit: HTMLButtonElement };
  /** Builds and downloads the blank workbook of the form's choices; its file name, or null (the status says why). */
  downloadTemplate(): Promise<string | null>;
  /** Downloads the bundled example workbook; its file name, or null. */
  downloadExample(): Promise<string | null>;
}

/** The sample the page checks and offers: samples/chi-bo-mau.xlsx. */
export const EXAMPLE_SAMPLE = 'chi-bo-mau';
/** The marker and title `bontot template` writes (src/cli/template.ts). */
export const TEMPLATE_MARKER = { kind: 'template', title: 'Sổ tính mô hình bốn tốt' } as const;

/** The name a user sees for a bundled sample: "chi-bo-mau" → "vi-du-chi-bo.xlsx" ("mẫu" is the template). */
export function exampleFileName(sample: string): string {
  return `vi-du-${sample.replace(/-mau$/, '')}.xlsx`;
}

/** "mau-chi-bo-co-so-2025.xlsx": the kind's value and the year, ASCII only. */
export function templateFileName(kindValue: string, year: number): string {
  return `mau-${kindValue.replace(/[^a-z0-9]+/gi, '-')}-${year}.xlsx`;
}

export function createStarter(deps: StarterDeps): Starter {
  const kind = el(
    'select',
    { testid: 'blank-kind' },
    TEMPLATE_KINDS.map((k) => el('option', { attrs: { value: k.value }, i18n: k.label })),
  );
  const type = el(
    'select',
    { testid: 'blank-type' },
    TEMPLATE_TYPES.map((value) => el('option', { attrs: { value }, i18n: `type.${value}` as I18nKey })),
  );
  const year = el('input', {
    attrs: { type: 'number', min: 2000, max: 2100, step: 1, inputmode: 'numeric', required: true, value: String(deps.year) },
    testid: 'blank-year',
  });
  const name = el('input', { attrs: { type: 'text', autocomplete: 'organization', maxlength: 200 }, testid: 'blank-name' });
  const yearError = el('p', { class: 'field-error', attrs: { hidden: true }, testid: 'blank-year-error' });
  const submit = el('button', { class: 'primary', attrs: { type: 'submit' }, i18n: 'start.download', testid: 'blank-download' });
  const heading = el('h2', { i18n: 'start.title', attrs: { id: uid('start-title') } });
  const form = el('form', { class: 'form starter-form', attrs: { novalidate: true } }, [
    el('div', { class: 'starter-fields' }, [
      field(uid('blank-kind'), el('label', { i18n: 'template.kind' }), kind),
      field(uid('blank-type'), el('label', { i18n: 'template.type' }), type),
      field(uid('blank-year'), el('label', { i18n: 'template.year' }), year, { error: yearError }),
      field(uid('blank-name'), el('label', { i18n: 'start.name' }), name),
    ]),
    el('div', { class: 'actions' }, [submit]),
  ]);
  const section = el('section', { class: 'starter', attrs: { 'aria-labelledby': heading.id }, testid: 'starter' }, [
    heading,
    el('p', { class: 'intro', i18n: 'start.intro' }),
    form,
  ]);
  const exampleButton = el('button', { attrs: { type: 'button' }, i18n: 'start.example', testid: 'download-example' });

  const templateGuard = new BusyGuard(() => [submit], null);
  const exampleGuard = new BusyGuard(() => [exampleButton], null);

  const downloadTemplate = (): Promise<string | null> =>
    templateGuard.run(async () => {
      const chosen = TEMPLATE_KINDS.find((k) => k.value === kind.value) ?? (TEMPLATE_KINDS[0] as (typeof TEMPLATE_KINDS)[number]);
      const parsedYear = parseYear(year.value);
      if (parsedYear === null) {
        yearError.hidden = false;
        year.setAttribute('aria-invalid', 'true');
        tr(yearError, 'template.yearInvalid');
        deps.status.say('template.yearInvalid', undefined, 'error');
        year.focus();
        return null;
      }
      yearError.hidden = true;
      year.removeAttribute('aria-invalid');
      const fileName = templateFileName(chosen.value, parsedYear);
      deps.status.say('standalone.preparing', { file: fileName }, 'busy');
      try {
        const { templateLayouts } = await loadTemplateLayouts();
        const layouts = templateLayouts({
          kind: chosen.kind,
          level: chosen.level,
          type: (TEMPLATE_TYPES.find((t) => t === type.value) ?? 'co-quan') as OrgType,
          year: parsedYear,
          ...(name.value.trim() ? { name: name.value.trim() } : {}),
        });
        const bytes = await (await deps.xlsx()).writeWorkbookBuffer(layouts, TEMPLATE_MARKER);
        deps.download(fileName, bytes);
        deps.status.say('start.downloaded', { file: fileName }, 'ok');
        return fileName;
      } catch (error) {
        deps.status.say('standalone.downloadFailed', { file: fileName, message: errorText(error) }, 'error');
        return null;
      }
    });

  const downloadExample = (): Promise<string | null> =>
    exampleGuard.run(async () => {
      const fileName = exampleFileName(EXAMPLE_SAMPLE);
      try {
        const bytes = await deps.fetchBytes(`samples/${encodeURIComponent(EXAMPLE_SAMPLE)}.xlsx`);
        deps.download(fileName, new Uint8Array(bytes));
        deps.status.say('standalone.downloaded', { file: fileName }, 'ok');
        return fileName;
      } catch (error) {
        deps.status.say('standalone.sampleFailed', { file: fileName, message: errorText(error) }, 'error');
        return null;
      }
    });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void downloadTemplate();
  });
  exampleButton.addEventListener('click', () => void downloadExample());
  return { section, exampleButton, form: { kind, type, year, name, submit }, downloadTemplate, downloadExample };
}
