/**
 * Task pane entry. Inside Excel (Office.onReady gives host Excel) the pane drives the workbook
 * through Office.js; in a plain browser (host null) — or when office.js did not load — the same
 * page is the standalone checker for .xlsx files, loaded as its own chunk ("standalone") so the
 * pane's initial script inside Excel stays within its budget (taskpane_initial_kb). Both start
 * as app.ts's startApp does.
 */
import { errorText } from './dom';
import { startExcelMode } from './excelMode';
import { startShell } from './shell';

function root(): HTMLElement {
  const existing = document.getElementById('app');
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = 'app';
  document.body.prepend(created);
  return created;
}

function standalone(): void {
  const { status, content } = startShell(root(), 'standalone');
  content.setAttribute('aria-busy', 'true');
  import(/* webpackChunkName: "standalone" */ './standaloneMode')
    .then(({ startStandaloneMode }) => {
      content.removeAttribute('aria-busy');
      startStandaloneMode(content, status, { search: window.location.search });
    })
    .catch((error: unknown) => {
      content.removeAttribute('aria-busy');
      status.say('app.pageFailed', { message: errorText(error) }, 'error');
    });
}

if (typeof Office === 'undefined') {
  standalone();
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      const { status, content } = startShell(root(), 'excel');
      startExcelMode(content, status, { run: (batch) => Excel.run(batch) });
    } else {
      standalone();
    }
  });
}
