/**
 * The page: the shell (shell.ts), then Excel mode or standalone mode, both started at once (the
 * tests' entry point). The built page's entry (taskpane.ts) starts the same shell and loads
 * standalone mode as a lazy chunk instead, so the pane inside Excel does not carry it.
 */
import type { ExcelModeDeps } from './excelContext';
import { startExcelMode, type ExcelMode } from './excelMode';
import { startShell } from './shell';
import { startStandaloneMode, type StandaloneDeps, type StandaloneMode } from './standaloneMode';
import type { Status } from './ui';

export type AppOptions = { host: 'excel'; excel: ExcelModeDeps } | { host: 'standalone'; standalone?: StandaloneDeps };

export interface App {
  status: Status;
  languageButton: HTMLButtonElement;
  excel: ExcelMode | null;
  standalone: StandaloneMode | null;
}

export function startApp(root: HTMLElement, options: AppOptions): App {
  const { status, languageButton, content } = startShell(root, options.host);
  if (options.host === 'excel') {
    return { status, languageButton, excel: startExcelMode(content, status, options.excel), standalone: null };
  }
  return { status, languageButton, excel: null, standalone: startStandaloneMode(content, status, options.standalone) };
}
