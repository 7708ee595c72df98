/**
 * Mẫu: adds the template sheets the workbook lacks (createTemplate over templateLayouts, 2 round
 * trips) for a chi bộ (cơ sở or trực thuộc) or a đảng bộ cơ sở, a `Loại hình`, a year and a name.
 * Existing sheets are never touched: the pane reports what it created and what it skipped.
 */
import type { OrgKind, OrgLevel, OrgType } from '../src/core/types';
import { createTemplate } from '../src/hosts/excel';
import { el, errorText, replaceChildren, uid } from './dom';
import type { ExcelContext } from './excelContext';
import { tr, type I18nKey } from './i18n';
import { BusyGuard, field, parseYear, progressBar, type Status } from './ui';

const KINDS: { value: string; kind: OrgKind; level: OrgLevel; label: I18nKey }[] = [
  { value: 'chi-bo.co-so', kind: 'chi-bo', level: 'co-so', label: 'kind.chi-bo.co-so' },
  { value: 'chi-bo.truc-thuoc', kind: 'chi-bo', level: 'truc-thuoc', label: 'kind.chi-bo.truc-thuoc' },
  { value: 'dang-bo.co-so', kind: 'dang-bo', level: 'co-so', label: 'kind.dang-bo.co-so' },
];
const TYPES: OrgType[] = ['co-quan', 'vu-trang', 'dia-ban', 'doanh-nghiep'];
/** The same choices for the standalone page's blank template (blankTemplate.ts). */
export const TEMPLATE_KINDS: readonly (typeof KINDS)[number][] = KINDS;
export const TEMPLATE_TYPES: readonly OrgType[] = TYPES;

export interface TemplatePane {
  panel: HTMLElement;
  create(): Promise<{ created: string[]; skipped: string[] } | null>;
  form: { kind: HTMLSelectElement; type: HTMLSelectElement; year: HTMLInputElement; name: HTMLInputElement };
}

/** The template's layouts (criteria seed, formulas) load in their own chunk on the first Tạo mẫu / download. */
export const loadTemplateLayouts = (): Promise<typeof import('../src/workbook/layout/templateLayouts')> =>
  import(/* webpackChunkName: "template" */ '../src/workbook/layout/templateLayouts');

export function createTemplatePane(ctx: ExcelContext, status: Status): TemplatePane {
  const kind = el(
    'select',
    { testid: 'template-kind' },
    KINDS.map((k) => el('option', { attrs: { value: k.value }, i18n: k.label })),
  );
  const type = el(
    'select',
    { testid: 'template-type' },
    TYPES.map((value) => el('option', { attrs: { value }, i18n: `type.${value}` as I18nKey })),
  );
  const year = el('input', {
    attrs: {
      type: 'number',
      min: 2000,
      max: 2100,
      step: 1,
      inputmode: 'numeric',
      required: true,
      value: String(ctx.workbookYear ?? Number(ctx.today().slice(0, 4))),
    },
    testid: 'template-year',
  });
  const name = el('input', { attrs: { type: 'text', autocomplete: 'organization', maxlength: 200 }, testid: 'template-name' });
  const yearError = el('p', { class: 'field-error', attrs: { hidden: true }, testid: 'template-year-error' });
  const submit = el('button', { class: 'primary', attrs: { type: 'submit' }, i18n: 'template.create', testid: 'template-create' });
  const progress = progressBar('template.creating');
  const outcome = el('div', { class: 'outcome', testid: 'template-outcome' });
  const form = el('form', { class: 'form', attrs: { novalidate: true } }, [
    field(uid('tpl-kind'), el('label', { i18n: 'template.kind' }), kind),
    field(uid('tpl-type'), el('label', { i18n: 'template.type' }), type),
    field(uid('tpl-year'), el('label', { i18n: 'template.year' }), year, { error: yearError }),
    field(uid('tpl-name'), el('label', { i18n: 'template.name' }), name),
    el('div', { class: 'actions' }, [submit]),
  ]);
  const panel = el('section', { class: 'pane' }, [el('p', { class: 'intro', i18n: 'template.intro' }), form, progress, outcome]);

  let yearTouched = false;
  year.addEventListener('input', () => (yearTouched = true));
  ctx.onResult((result) => {
    if (!yearTouched && result.organization.year !== null) year.value = String(result.organization.year);
  });

  const guard = new BusyGuard(() => [submit], progress);
  const create = (): Promise<{ created: string[]; skipped: string[] } | null> =>
    guard.run(async () => {
      const chosen = KINDS.find((k) => k.value === kind.value) ?? (KINDS[0] as (typeof KINDS)[number]);
      const parsedYear = parseYear(year.value);
      if (parsedYear === null) {
        yearError.hidden = false;
        year.setAttribute('aria-invalid', 'true');
        tr(yearError, 'template.yearInvalid');
        status.say('template.yearInvalid', undefined, 'error');
        year.focus();
        return null;
      }
      yearError.hidden = true;
      year.removeAttribute('aria-invalid');
      status.say('template.creating', undefined, 'busy');
      try {
        const { templateLayouts } = await loadTemplateLayouts();
        const layouts = templateLayouts({
          kind: chosen.kind,
          level: chosen.level,
          type: (TYPES.find((t) => t === type.value) ?? 'co-quan') as OrgType,
          year: parsedYear,
          ...(name.value.trim() ? { name: name.value.trim() } : {}),
          policy: ctx.policy,
        });
        const result = await ctx.run((context) => createTemplate(context, layouts));
        // Each group once: a heading with its count, then its sheets.
        const group = (kind: 'created' | 'skipped', sheets: readonly string[]): HTMLElement =>
          el('div', { class: 'sheet-group', testid: `template-${kind}` }, [
            el('p', {
              class: kind === 'created' ? ['notice', 'notice-ok'] : ['notice'],
              i18n: kind === 'created' ? 'template.createdHead' : 'template.skippedHead',
              params: { count: sheets.length },
            }),
            el(
              'ul',
              { class: 'sheet-list' },
              sheets.map((sheet) => el('li', { class: kind, testid: `template-${kind}-sheet`, data: { sheet } }, [sheet])),
            ),
          ]);
        const lines: HTMLElement[] = [];
        if (result.created.length === 0) lines.push(el('p', { class: 'notice', i18n: 'template.nothing', testid: 'template-nothing' }));
        if (result.created.length > 0) lines.push(group('created', result.created));
        if (result.skipped.length > 0) lines.push(group('skipped', result.skipped));
        replaceChildren(outcome, lines);
        if (result.created.length > 0)
          status.say('template.created', { count: result.created.length, sheets: result.created.join(', ') }, 'ok', { shownNearby: true });
        else status.say('template.nothing', undefined, 'info', { shownNearby: true });
        if (ctx.workbookYear === null) ctx.workbookYear = parsedYear;
        return result;
      } catch (error) {
        status.say('template.failed', { message: errorText(error) }, 'error');
        return null;
      }
    });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void create();
  });
  return { panel, create, form: { kind, type, year, name } };
}
