/**
 * The page shell: title, language switch, the status line (aria-live) and the empty content area a
 * mode fills. No framework: plain DOM, every text through textContent. Apart from app.ts so the
 * page's entry (taskpane.ts) can start Excel mode at once and load standalone mode as a lazy chunk.
 */
import { el, errorText } from './dom';
import { initialLanguage, language, setLanguage, trAttr, tr, useLanguage } from './i18n';
import { Status } from './ui';

export type Host = 'excel' | 'standalone';

export interface Shell {
  status: Status;
  languageButton: HTMLButtonElement;
  /** Where the mode renders. */
  content: HTMLElement;
}

export function startShell(root: HTMLElement, host: Host): Shell {
  const status = new Status();
  // English labels are a lazy chunk: if it cannot load, the page stays Vietnamese and says why.
  const loadFailed = (error: unknown): void => status.say('app.pageFailed', { message: errorText(error) }, 'error');
  // A remembered English relabels the page when its labels have loaded.
  useLanguage(initialLanguage(), root.ownerDocument).catch(loadFailed);
  const languageButton = el('button', { class: 'lang', attrs: { type: 'button' }, testid: 'language' });
  const label = (): void => {
    tr(languageButton, 'lang.switch');
    trAttr(languageButton, 'aria-label', 'lang.switch.label');
    languageButton.setAttribute('lang', language() === 'vi' ? 'en' : 'vi');
  };
  label();
  languageButton.addEventListener('click', () => {
    // The switch relabels the button too (tr keeps its key); English completes when its chunk loads.
    setLanguage(language() === 'vi' ? 'en' : 'vi', root.ownerDocument).catch(loadFailed);
    label();
  });
  const content = el('main', { class: 'content', attrs: { id: 'content' } });
  const header = el('header', { class: 'app-header' }, [
    el('div', { class: 'titles' }, [
      el('h1', { i18n: 'app.title', attrs: { lang: 'vi' } }),
      el('p', { class: 'subtitle', i18n: host === 'excel' ? 'app.subtitle.excel' : 'app.subtitle.standalone' }),
    ]),
    languageButton,
  ]);
  while (root.firstChild) root.removeChild(root.firstChild);
  root.classList.add('app', host === 'excel' ? 'mode-excel' : 'mode-standalone');
  root.setAttribute('data-mode', host);
  root.append(header, status.node, content);
  return { status, languageButton, content };
}
