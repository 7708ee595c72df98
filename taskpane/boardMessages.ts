/**
 * Text of the core's message catalogue on the page's cards and on the board (a file that cannot be
 * read, a file given twice): shown in the current language and shown again when it changes, as a
 * finding's message is (render.ts messageNode). Small and Vietnamese-free, so the page's first
 * scripts can carry it; the English comes with render.ts's lazy "messages-en" chunk.
 */
import { messageIn, type MessageRef } from '../src/core/messages';
import { language, onLanguageChange } from './i18n';
import { loadMessages } from './render';

/** A message: its Vietnamese text, and its catalogue reference when it has one. */
export interface CatalogueText {
  message: string;
  text?: MessageRef;
}

const CLASS = 'catalogue-text';
const shown = new WeakMap<Element, CatalogueText>();

function show(node: Element): void {
  const finding = shown.get(node);
  if (finding !== undefined) node.textContent = messageIn(finding, language());
}

/**
 * Puts a message into `node` in the current language and keeps it current: the English catalogue
 * is loaded first when English is chosen and not loaded yet (until then the Vietnamese shows).
 */
export function showCatalogueText<T extends HTMLElement>(node: T, finding: CatalogueText): T {
  node.classList.add(CLASS);
  shown.set(node, finding);
  show(node);
  const lang = language();
  if (finding.text !== undefined && lang !== 'vi') {
    void loadMessages(lang).then(
      () => show(node),
      () => undefined,
    );
  }
  return node;
}

onLanguageChange((lang) => {
  if (typeof document === 'undefined') return;
  void loadMessages(lang).then(
    () => document.querySelectorAll(`.${CLASS}`).forEach(show),
    () => undefined,
  );
});
