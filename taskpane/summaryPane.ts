/**
 * Tổng hợp: checks the workbook afresh (so the document matches what is in the sheets now), writes
 * summaryLayout of that check with writeSheet (2 round trips) and activates the sheet. A
 * `Tổng hợp` sheet without the product's marker is the user's: writeSheet leaves it alone and
 * writes `Tổng hợp (2)`, and the pane says so. The summary's layout is loaded on the first write,
 * from the lazy chunk "summary" (webpack.config.js names it and shares it with the standalone page
 * and the board): the pane's first screen does not need it, and its initial script has a budget
 * (taskpane_initial_kb).
 */
import { writeSheet } from '../src/hosts/excel';
import { SHEET_NAMES } from '../src/workbook/layout/template';
import type { CheckPane } from './checkPane';
import { el, errorText, replaceChildren } from './dom';
import type { ExcelContext } from './excelContext';
import { ref, tr } from './i18n';
import { modelKey, verdictKey } from './render';
import { BusyGuard, progressBar, type Status } from './ui';

export interface SummaryPane {
  panel: HTMLElement;
  write(): Promise<string | null>;
}

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();
}

export function createSummaryPane(ctx: ExcelContext, status: Status, checkPane: CheckPane): SummaryPane {
  const button = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: 'summary.write', testid: 'summary-write' });
  const progress = progressBar('summary.writing');
  const basis = el('p', { class: 'muted', i18n: 'summary.noCheck', testid: 'summary-basis' });
  const outcome = el('div', { class: 'outcome', testid: 'summary-outcome' });
  const panel = el('section', { class: 'pane' }, [
    el('p', { class: 'intro', i18n: 'summary.intro' }),
    basis,
    el('div', { class: 'actions' }, [button]),
    progress,
    outcome,
  ]);
  ctx.onResult((result) => tr(basis, 'summary.basedOn', { verdict: ref(verdictKey(result)), model: ref(modelKey(result)) }));

  const guard = new BusyGuard(() => [button], progress);
  const write = (): Promise<string | null> =>
    guard.run(async () => {
      const result = await checkPane.check();
      if (!result) return null;
      status.say('summary.writing', undefined, 'busy');
      try {
        const { summaryLayout } = await import('../src/workbook/layout/summary');
        const written = await ctx.run((context) => writeSheet(context, summaryLayout(result), { replaceOnlyIfMarker: true }));
        const base = SHEET_NAMES.summary;
        const key = !sameName(written.sheetName, base) ? 'summary.renamed' : written.replaced ? 'summary.replaced' : 'summary.written';
        const params = { sheet: written.sheetName, base };
        replaceChildren(outcome, [
          el('p', {
            class: ['notice', key === 'summary.renamed' ? 'notice-warn' : 'notice-ok'],
            i18n: key,
            params,
            testid: 'summary-result',
            data: { sheet: written.sheetName, replaced: String(written.replaced) },
          }),
        ]);
        status.say(key, params, 'ok', { shownNearby: true });
        return written.sheetName;
      } catch (error) {
        replaceChildren(outcome, []);
        status.say('summary.failed', { message: errorText(error) }, 'error');
        return null;
      }
    });
  button.addEventListener('click', () => {
    void write();
  });
  return { panel, write };
}
