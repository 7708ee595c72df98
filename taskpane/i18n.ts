/**
 * The pane's labels in Vietnamese (default, ./i18n/vi.ts) and English (./i18n/en.ts, a lazy chunk loaded
 * when English is chosen: the pane's first scripts stay within taskpane_initial_kb). Messages of
 * the checking core (reasons, issues) come from src/core/messages (see render.ts `loadMessages`).
 *
 * Elements get their text with `tr(element, key, params)`: the key and params are kept in
 * data-i18n attributes, so `setLanguage` can relabel the whole page in place (form values, results
 * and focus stay as they are). The choice is remembered in localStorage.
 */

import { hasCatalogue, registerCatalogue, render, type MessageRef } from '../src/core/messages/render';
import type { BOARD_VI } from './boardLabels';
import { VI } from './i18n/vi';

/** Keys of the board's labels too: they ship in its lazy chunk (taskpane/boardStrings.ts) and are registered when it loads. */
export type I18nKey = keyof typeof VI | keyof typeof BOARD_VI;

/** Keys of the labels in this file (the English table, ./i18n/en.ts, has the same). */
export type PaneKey = keyof typeof VI;

export type Lang = 'vi' | 'en';
export type I18nParams = Record<string, string | number>;

/** English starts with the labels lazy panes registered; its own table joins when loaded (loadLanguage). */
const TABLES: Record<Lang, Record<string, string>> = { vi: { ...VI }, en: {} };

let englishLoaded = false;
let englishLoading: Promise<void> | null = null;

/**
 * Makes a language's labels available: English is its own chunk ("i18n-en"), fetched once, when
 * English is first chosen or remembered. Until it arrives, English keys fall back to Vietnamese.
 */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'vi' || englishLoaded) return Promise.resolve();
  englishLoading ??= import(/* webpackChunkName: "i18n-en" */ './i18n/en').then(
    ({ EN }) => {
      // Labels a lazy pane registered meanwhile keep their place (they are other keys anyway).
      TABLES.en = { ...EN, ...TABLES.en };
      englishLoaded = true;
    },
    (error: unknown) => {
      englishLoading = null; // a later switch tries again
      throw error;
    },
  );
  return englishLoading;
}

/** Whether a language's labels are loaded (then a switch relabels at once). */
export function languageLoaded(lang: Lang): boolean {
  return lang === 'vi' || englishLoaded;
}

/**
 * Adds the labels of a pane that ships in a lazy chunk (the board, the meeting form), so the page's
 * first scripts stay small: its keys then work like every other key (t, language switches).
 */
export function registerStrings(vi: Readonly<Record<string, string>>, en: Readonly<Record<string, string>>): void {
  Object.assign(TABLES.vi, vi);
  Object.assign(TABLES.en, en);
}
export const LANG_STORAGE_KEY = 'bontot.lang';

let current: Lang = 'vi';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings): the choice is just not remembered
  }
}

/** The remembered language, or Vietnamese. */
export function initialLanguage(): Lang {
  const stored = storage()?.getItem(LANG_STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

export function language(): Lang {
  return current;
}

/** Prefix of a parameter that is itself a key: translated when the text is made (see `ref`). */
const REF = '\u2063i18n:';

/** Separates a referenced key from its own parameters (JSON) inside a `ref` value. */
const REF_PARAMS = '\u2063';

/**
 * A parameter value that stays translated across language switches: t('x', { verdict: ref('verdict.eligible') });
 * with `params`, the referenced text has its own placeholders filled (ref('policy.error.range', { min: 0, max: 100 })).
 */
export function ref(key: I18nKey, params?: I18nParams): string {
  return params && Object.keys(params).length > 0 ? `${REF}${key}${REF_PARAMS}${JSON.stringify(params)}` : `${REF}${key}`;
}

/** Prefix of a parameter that is a message of the core's catalogue (see `messageParam`). */
const MESSAGE = '\u2063msg:';

/**
 * A parameter value that is a message of the core's catalogue (src/core/messages: why a workbook
 * cannot be filled, a read error), or a list of them: its Vietnamese text and its reference(s), so the
 * text around it (a status line) says it in the language of the moment, again after a switch.
 */
export function messageParam(message: { message: string; text?: MessageRef | readonly MessageRef[] }): string {
  return message.text === undefined ? message.message : `${MESSAGE}${JSON.stringify({ message: message.message, text: message.text })}`;
}

let messagesLoading: Promise<void> | null = null;

/**
 * The core's English catalogue, the pane's lazy "messages-en" chunk (render.ts loads the same
 * chunk for findings): when a message parameter is shown in English before it is loaded, it is
 * loaded and the page is relabelled, so the Vietnamese fallback does not stay.
 */
function loadMessagesThenRelabel(lang: Lang): void {
  if (lang === 'vi' || hasCatalogue(lang) || messagesLoading) return;
  messagesLoading = import(/* webpackChunkName: "messages-en" */ '../src/core/messages/en').then(
    ({ EN }) => {
      if (!hasCatalogue('en')) registerCatalogue('en', EN);
      if (current === lang) relabel(lang, typeof document === 'undefined' ? null : document);
    },
    () => {
      messagesLoading = null; // a later switch tries again; the Vietnamese stays meanwhile
    },
  );
}

function derefMessage(value: string, lang: Lang): string | null {
  try {
    const { message, text } = JSON.parse(value.slice(MESSAGE.length)) as { message: string; text: MessageRef | MessageRef[] };
    if (lang === 'vi') return message;
    loadMessagesThenRelabel(lang);
    // A list of messages (the parts a rewrite cannot carry) is joined as the catalogue joins a list.
    return Array.isArray(text) ? text.map((item) => render(item, lang)).join(', ') : render(text, lang);
  } catch {
    return null;
  }
}

function deref(value: string, lang: Lang): string | null {
  const body = value.slice(REF.length);
  const split = body.indexOf(REF_PARAMS);
  const key = split < 0 ? body : body.slice(0, split);
  if (!hasKey(key)) return null;
  let params: I18nParams = {};
  if (split >= 0) {
    try {
      params = JSON.parse(body.slice(split + REF_PARAMS.length)) as I18nParams;
    } catch {
      params = {};
    }
  }
  return t(key, params, lang);
}

/** The text of a key in the current language, with {name} placeholders filled. */
export function t(key: I18nKey, params: I18nParams = {}, lang: Lang = current): string {
  const template = TABLES[lang][key] ?? TABLES.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    if (value.startsWith(MESSAGE)) return derefMessage(value, lang) ?? value;
    if (value.startsWith(REF)) return deref(value, lang) ?? value;
    return value;
  });
}

export function hasKey(key: string): key is I18nKey {
  return Object.prototype.hasOwnProperty.call(TABLES.vi, key);
}

/** Sets an element's text to a translated key and remembers the key for language switches. */
export function tr(element: Element, key: I18nKey, params?: I18nParams): void {
  element.setAttribute('data-i18n', key);
  if (params && Object.keys(params).length > 0) element.setAttribute('data-i18n-params', JSON.stringify(params));
  else element.removeAttribute('data-i18n-params');
  element.textContent = t(key, params);
}

/** Sets a translated attribute (aria-label, title, placeholder) and remembers it. */
export function trAttr(element: Element, attribute: string, key: I18nKey, params?: I18nParams): void {
  const specs = readAttrSpecs(element);
  specs[attribute] = params ? [key, params] : [key];
  element.setAttribute('data-i18n-attrs', JSON.stringify(specs));
  element.setAttribute(attribute, t(key, params));
}

type AttrSpecs = Record<string, [I18nKey] | [I18nKey, I18nParams]>;

function readAttrSpecs(element: Element): AttrSpecs {
  const raw = element.getAttribute('data-i18n-attrs');
  if (!raw) return {};
  try {
    return JSON.parse(raw) as AttrSpecs;
  } catch {
    return {};
  }
}

function readParams(element: Element): I18nParams | undefined {
  const raw = element.getAttribute('data-i18n-params');
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as I18nParams;
  } catch {
    return undefined;
  }
}

/** Relabels every translated element under root. */
export function applyLanguage(root: ParentNode): void {
  const nodes: Element[] = [];
  if (root instanceof Element) nodes.push(root);
  root.querySelectorAll('[data-i18n], [data-i18n-attrs]').forEach((node) => nodes.push(node));
  for (const node of nodes) {
    const key = node.getAttribute('data-i18n');
    if (key && hasKey(key)) node.textContent = t(key, readParams(node));
    for (const [attribute, spec] of Object.entries(readAttrSpecs(node))) {
      if (hasKey(spec[0])) node.setAttribute(attribute, t(spec[0], spec[1]));
    }
  }
}

type Listener = (lang: Lang) => void;
const listeners = new Set<Listener>();

/** Called after every language change (for text that is not kept in data-i18n attributes). */
export function onLanguageChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Relabels the document and tells the listeners (text kept outside data-i18n attributes). */
function relabel(lang: Lang, root: ParentNode | null): void {
  if (root) applyLanguage(root);
  for (const listener of listeners) listener(lang);
}

/**
 * Relabels once the language's labels are loaded, if it is still the chosen one (a quick switch
 * back must not be overtaken by a late chunk). A chunk that fails to load leaves the Vietnamese
 * fallback on screen and rejects.
 */
function relabelWhenLoaded(lang: Lang, root: ParentNode | null): Promise<void> {
  if (languageLoaded(lang)) return Promise.resolve();
  return loadLanguage(lang).then(() => {
    if (current === lang) relabel(lang, root);
  });
}

/**
 * Switches the language, remembers it, relabels the document. With the labels loaded the switch is
 * complete on return; the first switch to English completes when its chunk has loaded: the promise
 * settles then (tests await it; the page needs not).
 */
export function setLanguage(lang: Lang, root: ParentNode | null = typeof document === 'undefined' ? null : document): Promise<void> {
  current = lang;
  storage()?.setItem(LANG_STORAGE_KEY, lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  relabel(lang, root);
  return relabelWhenLoaded(lang, root);
}

/**
 * Sets the language without storing it (start-up). A remembered English relabels the document
 * when its labels have loaded; the promise settles then.
 */
export function useLanguage(lang: Lang, root: ParentNode | null = typeof document === 'undefined' ? null : document): Promise<void> {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return relabelWhenLoaded(lang, root);
}

/** Every label of a language loaded or registered so far (the tests compare the English page with the Vietnamese labels). */
export function catalogue(lang: Lang): Readonly<Record<string, string>> {
  return { ...TABLES[lang] };
}
