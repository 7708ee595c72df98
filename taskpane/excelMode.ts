/**
 * Excel mode: six tabs — Kiểm tra, Ghi buổi sinh hoạt, Tổng hợp, Mẫu, Cấu hình, Mốc thời gian — over the Office.js
 * host (src/hosts/excel/). At start the pane reads `Thông tin` and `Cấu hình` only (2 round
 * trips): the evaluation year for the deadlines and the template, and the policy, which it hands to
 * the custom functions (recalculating when it differs from theirs).
 */
import { readSheets } from '../src/hosts/excel';
import { readWorkbook } from '../src/workbook/read';
import { sheetKeyOf } from '../src/workbook/layout/template';
import { createBoardPane, type BoardPane } from './boardPane';
import { createCheckPane, type CheckPane } from './checkPane';
import { createDeadlinesPane, type DeadlinesPane } from './deadlinesPane';
import { el, errorText } from './dom';
import { legacyTextFound } from './firstRun';
import { renderEncodingAction } from './encoding';
import { ExcelContext, type ExcelModeDeps } from './excelContext';
import type { MeetingPane } from './meetingPane';
import { createPolicyPane, type PolicyPane } from './policyPane';
import { createExcelFill, type ExcelFill } from './subordinatesPane';
import { createSummaryPane, type SummaryPane } from './summaryPane';
import { createTabs, type Tabs } from './tabs';
import { createTemplatePane, type TemplatePane } from './templatePane';
import type { Status } from './ui';

export type ExcelTab = 'check' | 'meeting' | 'summary' | 'template' | 'policy' | 'deadlines';

export interface ExcelMode {
  ctx: ExcelContext;
  tabs: Tabs<ExcelTab>;
  check: CheckPane;
  summary: SummaryPane;
  template: TemplatePane;
  policy: PolicyPane;
  deadlines: DeadlinesPane;
  /** The board's consolidation, under the Tổng hợp tab. */
  board: BoardPane;
  /** "Điền trang Chi bộ trực thuộc" (in the Tổng hợp tab). */
  fill: ExcelFill;
  /** Ghi buổi sinh hoạt, loaded on demand (its own chunk): the pane once it is built. */
  meeting: () => Promise<MeetingPane>;
  /** Settles when the start-up read (year and policy) is done. */
  ready: Promise<void>;
}

export function startExcelMode(container: HTMLElement, status: Status, deps: ExcelModeDeps): ExcelMode {
  const ctx = new ExcelContext(deps);
  const check = createCheckPane(ctx, status, {
    openTemplate: () => tabs.select('template', true),
    onNoSheets: () => (encoding.root.hidden = !converted),
  });
  // The TCVN3/VNI block shows once a check found legacy text, and stays after a conversion (its outcome).
  let converted = false;
  const encoding = renderEncodingAction(check.panel, ctx.run, {
    onConverted: () => {
      converted = true;
      void check.check();
    },
  });
  encoding.root.hidden = true;
  ctx.onResult((result) => (encoding.root.hidden = !(converted || legacyTextFound(result))));
  const summary = createSummaryPane(ctx, status, check);
  const board = createBoardPane(ctx, status);
  summary.panel.appendChild(board.panel);
  const fill = createExcelFill(summary.panel, ctx, status, { onWritten: () => void check.check() });
  const template = createTemplatePane(ctx, status);
  const policy = createPolicyPane(ctx, status);
  const deadlines = createDeadlinesPane(ctx, status);
  // Ghi buổi sinh hoạt comes in its own chunk when its tab is first shown: the page's first
  // scripts stay within their budget (taskpane_initial_kb).
  const meetingPanel = el('section', { class: 'pane', attrs: { 'aria-busy': 'true' } });
  let meetingPane: Promise<MeetingPane> | null = null;
  const meeting = (): Promise<MeetingPane> => {
    meetingPane ??= import(/* webpackChunkName: "meeting" */ './meetingPane').then(({ createMeetingPane }) => {
      const pane = createMeetingPane(ctx, status, meetingPanel);
      meetingPanel.removeAttribute('aria-busy');
      void pane.load();
      return pane;
    });
    return meetingPane;
  };
  const tabs = createTabs<ExcelTab>('bontot', 'tabs.label', [
    { id: 'check', label: 'tab.check', panel: check.panel },
    {
      id: 'meeting',
      label: 'tab.meeting',
      panel: meetingPanel,
      // The pane and the roster (2 round trips) are loaded when the tab is first shown, not at start-up.
      onShow: () => void meeting().catch((error: unknown) => status.say('app.readFailed', { message: errorText(error) }, 'error')),
    },
    { id: 'summary', label: 'tab.summary', panel: summary.panel },
    { id: 'template', label: 'tab.template', panel: template.panel },
    { id: 'policy', label: 'tab.policy', panel: policy.panel },
    { id: 'deadlines', label: 'tab.deadlines', panel: deadlines.panel, onShow: () => void deadlines.show() },
  ]);
  container.appendChild(tabs.root);

  const ready = (async () => {
    try {
      const read = await ctx.run(async (context) => {
        const grids = await readSheets(context, {
          include: (name) => {
            const key = sheetKeyOf(name);
            return key === 'info' || key === 'policy';
          },
        });
        return readWorkbook(grids);
      });
      if (read.records.info.year !== null) ctx.workbookYear = read.records.info.year;
      if (!template.form.year.matches(':focus') && ctx.workbookYear !== null) template.form.year.value = String(ctx.workbookYear);
      await policy.load(read.policyEntries);
    } catch (error) {
      await policy.load(null, true);
      status.say('app.readFailed', { message: errorText(error) }, 'error');
    }
  })();

  return { ctx, tabs, check, summary, template, policy, deadlines, board, fill, meeting, ready };
}
