/**
 * The page shell: title, language switch, the status line (aria-live), then Excel mode or
 * standalone mode. No framework: plain DOM, every text through textContent.
 */
import { el } from './dom';
import type { ExcelModeDeps } from './excelContext';
import { startExcelMode, type ExcelMode } from './excelMode';
import { initialLanguage, language, setLanguage, trAttr, tr, useLanguage } from './i18n';
import { startStandaloneMode, type StandaloneDeps, type StandaloneMode } from './standaloneMode';
import { Status } from './ui';

export type AppOptions = { host: 'excel'; excel: ExcelModeDeps } | { host: 'standalone'; standalone?: StandaloneDeps };

export interface App {
  status: Status;
  languageButton: HTMLButtonElement;
  excel: ExcelMode | null;
  standalone: StandaloneMode | null;
}

export function startApp(root: HTMLElement, options: AppOptions): App {
  useLanguage(initialLanguage());
  const languageButton = el('button', { class: 'lang', attrs: { type: 'button' }, testid: 'language' });
  const label = (): void => {
    tr(languageButton, 'lang.switch');
    trAttr(languageButton, 'aria-label', 'lang.switch.label');
    languageButton.setAttribute('lang', language() === 'vi' ? 'en' : 'vi');
  };
  label();
  languageButton.addEventListener('click', () => {
    setLanguage(language() === 'vi' ? 'en' : 'vi', root.ownerDocument);
    label();
  });
  const status = new Status();
  const content = el('main', { class: 'content', attrs: { id: 'content' } });
  const header = el('header', { class: 'app-header' }, [
    el('div', { class: 'titles' }, [
      el('h1', { i18n: 'app.title', attrs: { lang: 'vi' } }),
      el('p', { class: 'subtitle', i18n: options.host === 'excel' ? 'app.subtitle.excel' : 'app.subtitle.standalone' }),
    ]),
    languageButton,
  ]);
  while (root.firstChild) root.removeChild(root.firstChild);
  root.classList.add('app', options.host === 'excel' ? 'mode-excel' : 'mode-standalone');
  root.setAttribute('data-mode', options.host);
  root.append(header, status.node, content);

  if (options.host === 'excel') {
    return { status, languageButton, excel: startExcelMode(content, status, options.excel), standalone: null };
  }
  return { status, languageButton, excel: null, standalone: startStandaloneMode(content, status, options.standalone) };
}
