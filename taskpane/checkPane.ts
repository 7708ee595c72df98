/**
 * Kiểm tra: reads every sheet (readSheets, 2 round trips), checks the workbook (checkWorkbook, with
 * its own `Cấu hình` policy), shows the verdict, criteria, reasons and issues; each place with a
 * cell is a button that selects it in Excel. "Tô màu ô lỗi" / "Bỏ tô màu" add and remove the
 * add-in's own conditional formats. One check at a time: a second click while it runs is ignored.
 */
import { clearHighlights, highlightIssues, readSheets, selectCell, type HighlightPlace } from '../src/hosts/excel';
import { checkWorkbook } from '../src/workbook/check';
import type { CheckResult } from '../src/workbook/types';
import { el, errorText, replaceChildren } from './dom';
import type { ExcelContext } from './excelContext';
import { hasProductSheets, noProductSheetsNotice } from './firstRun';
import { announcement, placeRef, renderResult } from './render';
import { BusyGuard, progressBar, type Status } from './ui';

export interface CheckPane {
  panel: HTMLElement;
  /** Runs the check (or joins the one already running). Null when it failed (the status says why). */
  check(): Promise<CheckResult | null>;
  readonly checks: number;
}

/** Every place that has a cell: the data issues and the reasons. */
export function highlightPlaces(result: CheckResult): HighlightPlace[] {
  const places: HighlightPlace[] = [];
  for (const issue of result.issues) if (issue.cell) places.push({ sheet: issue.sheet, cell: issue.cell });
  for (const reason of result.reasons) if (reason.sheet && reason.cell) places.push({ sheet: reason.sheet, cell: reason.cell });
  return places;
}

export interface CheckPaneOptions {
  /** Opens the Mẫu tab (the button shown when the workbook has none of the product's sheets). */
  openTemplate?: () => void;
  /** Called when a check found none of the product's sheets (no verdict was made). */
  onNoSheets?: () => void;
}

export function createCheckPane(ctx: ExcelContext, status: Status, options: CheckPaneOptions = {}): CheckPane {
  const runButton = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: 'check.run', testid: 'check-run' });
  const highlightButton = el('button', { attrs: { type: 'button', disabled: true }, i18n: 'check.highlight', testid: 'highlight' });
  const clearButton = el('button', { attrs: { type: 'button' }, i18n: 'check.clear', testid: 'clear-highlights' });
  const progress = progressBar('check.running');
  const results = el('div', { class: 'results', testid: 'check-results' });
  const panel = el('section', { class: 'pane' }, [
    el('p', { class: 'intro', i18n: 'check.intro' }),
    el('div', { class: 'actions' }, [runButton]),
    progress,
    el('div', { class: 'actions secondary' }, [highlightButton, clearButton]),
    results,
  ]);

  let checks = 0;
  const guard = new BusyGuard(() => [runButton], progress);
  const cellGuard = new BusyGuard(() => [highlightButton, clearButton], null);

  const select = (sheet: string, cell: string): void => {
    // "trang Điểm danh, ô J4", in the language of the moment (a translated reference).
    const place = placeRef(sheet, cell) ?? sheet;
    ctx
      .run((context) => selectCell(context, sheet, cell))
      .then(() => status.say('check.selected', { place }, 'ok'))
      .catch((error: unknown) => status.say('check.selectFailed', { place, message: errorText(error) }, 'error'));
  };

  const check = (): Promise<CheckResult | null> =>
    guard.run(async () => {
      checks += 1;
      status.say('check.running', undefined, 'busy');
      results.setAttribute('aria-busy', 'true');
      try {
        const grids = await ctx.run((context) => readSheets(context));
        // A workbook without any input sheet gets no verdict: one line and the way to the template.
        if (!hasProductSheets(grids)) {
          replaceChildren(results, [noProductSheetsNotice(() => options.openTemplate?.())]);
          // Drawn on screen too when the check ran from another tab (Tổng hợp), where the notice is not seen.
          status.say('check.noSheets', undefined, 'info', { shownNearby: !panel.hidden });
          options.onNoSheets?.();
          return null;
        }
        const result = checkWorkbook(grids, { asOf: ctx.today() });
        replaceChildren(results, [renderResult(result, { onSelect: select })]);
        ctx.setResult(result);
        if (result.policySource === 'workbook') ctx.setPolicy(result.policy, 'workbook');
        const { key, params } = announcement(result);
        status.say(key, params, result.eligible ? 'ok' : 'error');
        // The functions compute with the policy the check used (the workbook's Cấu hình).
        if (result.policySource === 'workbook') await ctx.shareWithFunctions(result.policy).catch(() => false);
        return result;
      } catch (error) {
        status.say('check.failed', { message: errorText(error) }, 'error');
        return null;
      } finally {
        results.removeAttribute('aria-busy');
      }
    });

  // Highlighting needs a result; it stays available (for the last result) while a new check runs.
  ctx.onResult(() => {
    highlightButton.disabled = false;
  });

  runButton.addEventListener('click', () => {
    void check();
  });
  highlightButton.addEventListener('click', () => {
    const result = ctx.lastResult;
    if (!result) {
      status.say('check.needCheck', undefined, 'error');
      return;
    }
    void cellGuard.run(async () => {
      try {
        const places = highlightPlaces(result);
        if (places.length === 0) {
          status.say('check.nothingToHighlight', undefined, 'info');
          await ctx.run((context) => clearHighlights(context));
          return;
        }
        const count = await ctx.run((context) => highlightIssues(context, places));
        status.say('check.highlighted', { count }, 'ok');
      } catch (error) {
        status.say('check.highlightFailed', { message: errorText(error) }, 'error');
      }
    });
  });
  clearButton.addEventListener('click', () => {
    void cellGuard.run(async () => {
      try {
        const count = await ctx.run((context) => clearHighlights(context));
        status.say('check.cleared', { count }, 'ok');
      } catch (error) {
        status.say('check.highlightFailed', { message: errorText(error) }, 'error');
      }
    });
  });

  return {
    panel,
    check,
    get checks() {
      return checks;
    },
  };
}
