/**
 * Mốc thời gian: deadlinesFor(the workbook's evaluation year — or the current year —, the policy in
 * force, today): each stage's date, the days left, overdue stages marked (class, badge and text, not
 * colour alone).
 */
import { formatDate } from '../src/core/dates';
import { deadlinesFor, type DeadlineStatus } from '../src/core/deadlines';
import { el, replaceChildren, uid } from './dom';
import type { ExcelContext } from './excelContext';
import { tr, type I18nKey } from './i18n';
import { field, parseYear, type Status } from './ui';

export interface DeadlinesPane {
  panel: HTMLElement;
  /** Shows the deadlines of a year (default: the year field). Returns what it showed. */
  show(year?: number): DeadlineStatus[] | null;
  yearInput: HTMLInputElement;
}

function leftText(status: DeadlineStatus): { key: I18nKey; params?: Record<string, number> } {
  if (status.daysLeft === null) return { key: 'deadlines.none' };
  if (status.daysLeft === 0) return { key: 'deadlines.today' };
  if (status.daysLeft < 0) return { key: 'deadlines.overdue', params: { days: -status.daysLeft } };
  return { key: 'deadlines.daysLeft', params: { days: status.daysLeft } };
}

export function createDeadlinesPane(ctx: ExcelContext, status: Status): DeadlinesPane {
  const yearInput = el('input', { attrs: { type: 'number', min: 2000, max: 2100, step: 1, inputmode: 'numeric' }, testid: 'deadlines-year' });
  const yearError = el('p', { class: 'field-error', attrs: { hidden: true } });
  const showButton = el('button', { attrs: { type: 'submit' }, i18n: 'deadlines.show', testid: 'deadlines-show' });
  const table = el('div', { class: 'deadlines', testid: 'deadlines' });
  const asOf = el('p', { class: 'muted' });
  const form = el('form', { class: 'form inline', attrs: { novalidate: true } }, [
    field(uid('deadline-year'), el('label', { i18n: 'deadlines.year' }), yearInput, { error: yearError }),
    el('div', { class: 'actions' }, [showButton]),
  ]);
  const panel = el('section', { class: 'pane' }, [el('p', { class: 'intro', i18n: 'deadlines.intro' }), form, asOf, table]);
  let touched = false;
  yearInput.addEventListener('input', () => (touched = true));

  const defaultYear = (): number => ctx.lastResult?.organization.year ?? ctx.workbookYear ?? Number(ctx.today().slice(0, 4));

  const show = (year?: number): DeadlineStatus[] | null => {
    if (year === undefined && (!touched || yearInput.value.trim() === '')) yearInput.value = String(defaultYear());
    const chosen = year ?? parseYear(yearInput.value);
    if (chosen === null) {
      yearError.hidden = false;
      tr(yearError, 'deadlines.yearInvalid');
      yearInput.setAttribute('aria-invalid', 'true');
      status.say('deadlines.yearInvalid', undefined, 'error');
      return null;
    }
    yearError.hidden = true;
    yearInput.removeAttribute('aria-invalid');
    yearInput.value = String(chosen);
    const today = ctx.today();
    const stages = deadlinesFor(chosen, ctx.policy, today);
    tr(asOf, 'deadlines.asOf', { date: formatDate(today) });
    const rows = stages.map((stage) => {
      const left = leftText(stage);
      return el(
        'tr',
        {
          class: stage.overdue ? 'overdue' : stage.daysLeft === null ? 'unset' : 'upcoming',
          testid: 'deadline',
          data: { stage: stage.stage, overdue: String(stage.overdue), date: stage.date ?? '', days: stage.daysLeft === null ? '' : stage.daysLeft },
        },
        [
          el('th', { attrs: { scope: 'row' }, i18n: `stage.${stage.stage}` as I18nKey }),
          el('td', { class: 'num', text: stage.date ? formatDate(stage.date) : '—' }),
          el('td', {}, [
            stage.overdue ? el('span', { class: 'badge badge-block', i18n: 'deadlines.overdueBadge', testid: 'overdue' }) : null,
            stage.overdue ? ' ' : null,
            el('span', { i18n: left.key, ...(left.params ? { params: left.params } : {}) }),
          ]),
        ],
      );
    });
    replaceChildren(table, [
      el('table', { class: 'grid' }, [
        el('thead', {}, [
          el('tr', {}, [
            el('th', { attrs: { scope: 'col' }, i18n: 'deadlines.col.stage' }),
            el('th', { attrs: { scope: 'col' }, i18n: 'deadlines.col.date' }),
            el('th', { attrs: { scope: 'col' }, i18n: 'deadlines.col.left' }),
          ]),
        ]),
        el('tbody', {}, rows),
      ]),
    ]);
    const overdue = stages.filter((s) => s.overdue).length;
    const upcoming = stages.filter((s) => s.daysLeft !== null && s.daysLeft >= 0).length;
    status.say('deadlines.summary', { year: chosen, overdue, upcoming }, overdue > 0 ? 'error' : 'info');
    return stages;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    touched = true;
    show();
  });
  ctx.onPolicy(() => {
    if (!panel.hidden && table.firstChild) show();
  });
  return { panel, show, yearInput };
}
