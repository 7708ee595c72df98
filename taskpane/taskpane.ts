/**
 * Task pane entry. Inside Excel (Office.onReady gives host Excel) the pane drives the workbook
 * through Office.js; in a plain browser (host null) — or when office.js did not load — the same
 * page is the standalone checker for .xlsx files.
 */
import { startApp } from './app';

function root(): HTMLElement {
  const existing = document.getElementById('app');
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = 'app';
  document.body.prepend(created);
  return created;
}

function standalone(): void {
  startApp(root(), { host: 'standalone', standalone: { search: window.location.search } });
}

if (typeof Office === 'undefined') {
  standalone();
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      startApp(root(), { host: 'excel', excel: { run: (batch) => Excel.run(batch) } });
    } else {
      standalone();
    }
  });
}
