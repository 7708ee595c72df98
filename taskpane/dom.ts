/**
 * Tiny DOM helpers. Text always goes in through textContent / createTextNode — never innerHTML —
 * so a cell holding `<img src=x onerror=alert(1)>` shows those characters. No style attributes
 * (the page's CSP has style-src 'self'): looks come from classes in taskpane.css.
 */
import { formatNumber } from '../src/core/text';
import { tr, trAttr, type I18nKey, type I18nParams } from './i18n';

export type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  class?: string | readonly (string | false | null | undefined)[];
  /** Plain text content (set with textContent). */
  text?: string;
  /** Translated text content (kept up to date by the language switch). */
  i18n?: I18nKey;
  params?: I18nParams;
  /** Attributes; `false`, null and undefined leave the attribute out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  /** Translated attributes (aria-label, title, placeholder …). */
  i18nAttrs?: Record<string, I18nKey | [I18nKey, I18nParams]>;
  /** Test hook: data-testid. */
  testid?: string;
  /** data-* attributes (keys without the "data-" prefix). */
  data?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

const FORBIDDEN_ATTRIBUTE = /^(style|on.*|srcdoc)$/i;

/** Creates an element; every string child becomes a text node. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) {
    const classes = typeof props.class === 'string' ? props.class.split(/\s+/) : props.class;
    for (const name of classes) if (name) node.classList.add(name);
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`attribute ${name} is not allowed`);
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(props.data ?? {})) {
    if (value === null || value === undefined) continue;
    node.setAttribute(`data-${name}`, String(value));
  }
  if (props.testid) node.setAttribute('data-testid', props.testid);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.i18n) tr(node, props.i18n, props.params);
  for (const [attr, spec] of Object.entries(props.i18nAttrs ?? {})) {
    if (Array.isArray(spec)) trAttr(node, attr, spec[0], spec[1]);
    else trAttr(node, attr, spec as I18nKey);
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    node.addEventListener(type, listener as EventListener);
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Removes every child, then appends the new ones. */
export function replaceChildren(parent: Node, children: readonly Child[] = []): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** The message of an unknown error, for people. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** A percentage as the plan writes it: "95%", "91,67%" (no space before the sign; glossary). */
export function percentText(value: number): string {
  return `${formatNumber(value)}%`;
}
