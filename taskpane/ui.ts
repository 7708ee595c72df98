/**
 * Shared UI pieces: the status line (the page's one aria-live region), the busy guard that keeps a
 * button from being fired twice while its work runs, and an indeterminate progress bar.
 */
import { el } from './dom';
import { onLanguageChange, tr, type I18nKey, type I18nParams } from './i18n';

export type Tone = 'info' | 'ok' | 'error' | 'busy';

/** What the status line says: the action that set it, its message key and parameters — never text. */
export interface StatusState {
  key: I18nKey;
  params: I18nParams;
  tone: Tone;
  /** The action that set it ("check", "batch", "print", "policy.save" …): for tests and the next action to replace. */
  action: string | null;
  shownNearby: boolean;
}

/**
 * The status line: every result and failure is announced here (role=status, polite). It holds the
 * state of the last action (key, params, action), not its text: a language switch says the same
 * state in the new language, and an action that ends another's (clearing the results) clears it.
 */
export class Status {
  readonly node: HTMLElement;
  private last = '';
  private current: StatusState | null = null;

  constructor(node?: HTMLElement) {
    this.node = node ?? el('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, testid: 'status' });
    onLanguageChange(() => this.show(false));
  }

  /**
   * Announces a message. `shownNearby`: the pane shows the same outcome next to its button, so
   * the line is announced to screen readers but not drawn a second time on screen. `action`: the
   * action the message belongs to.
   */
  say(key: I18nKey, params?: I18nParams, tone: Tone = 'info', options: { shownNearby?: boolean; action?: string } = {}): void {
    this.current = { key, params: params ?? {}, tone, action: options.action ?? null, shownNearby: options.shownNearby === true };
    this.show(true);
  }

  /** Empties the line: the action it spoke of is undone (results cleared). */
  clear(): void {
    this.current = null;
    this.last = '';
    this.node.textContent = '';
    this.node.removeAttribute('data-i18n');
    this.node.removeAttribute('data-i18n-params');
    this.node.removeAttribute('data-tone');
    this.node.removeAttribute('data-action');
    for (const name of ['info', 'ok', 'error', 'busy']) this.node.classList.remove(`status-${name}`);
    this.node.classList.remove('status-offscreen');
  }

  /** The state the line says, or null when it is empty. */
  get state(): StatusState | null {
    return this.current;
  }

  get text(): string {
    return this.node.textContent ?? '';
  }

  /** Draws the current state; `announce`: a new message (repeated text gets a no-break space so it is announced again). */
  private show(announce: boolean): void {
    const state = this.current;
    if (!state) return;
    tr(this.node, state.key, state.params);
    this.node.classList.toggle('status-offscreen', state.shownNearby);
    // Screen readers announce changes only: the same text twice gets a no-break space appended.
    if (announce && this.node.textContent === this.last) this.node.textContent = `${this.node.textContent}\u00a0`;
    this.last = this.node.textContent ?? '';
    for (const name of ['info', 'ok', 'error', 'busy']) this.node.classList.toggle(`status-${name}`, name === state.tone);
    this.node.setAttribute('data-tone', state.tone);
    if (state.action) this.node.setAttribute('data-action', state.action);
    else this.node.removeAttribute('data-action');
  }
}

/** An indeterminate progress bar, hidden until work starts. */
export function progressBar(label: I18nKey): HTMLElement {
  return el('div', { class: 'progress', attrs: { role: 'progressbar', hidden: true }, i18nAttrs: { 'aria-label': label }, testid: 'progress' }, [
    el('div', { class: 'progress-bar' }),
  ]);
}

/**
 * Runs one piece of work at a time: while it runs, its controls are disabled (aria-busy on the
 * first), the progress bar shows, and further calls get the running promise instead of new work.
 */
export class BusyGuard {
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly controls: () => readonly (HTMLButtonElement | HTMLInputElement | HTMLSelectElement)[],
    private readonly progress: HTMLElement | null,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running) return this.running as Promise<T>;
    const controls = this.controls();
    const wasDisabled = controls.map((c) => c.disabled);
    for (const control of controls) control.disabled = true;
    controls[0]?.setAttribute('aria-busy', 'true');
    if (this.progress) this.progress.hidden = false;
    const done = (): void => {
      controls.forEach((control, i) => (control.disabled = wasDisabled[i] ?? false));
      controls[0]?.removeAttribute('aria-busy');
      if (this.progress) this.progress.hidden = true;
      this.running = null;
    };
    const promise = (async () => {
      try {
        return await work();
      } finally {
        done();
      }
    })();
    this.running = promise;
    return promise;
  }
}

/** A labelled form row: label, control, an optional hint and an error line wired with aria-describedby. */
export function field(
  id: string,
  label: HTMLElement,
  control: HTMLElement,
  extras: { hint?: HTMLElement | null; error?: HTMLElement | null } = {},
): HTMLElement {
  const described: string[] = [];
  if (extras.hint) {
    extras.hint.id = extras.hint.id || `${id}-hint`;
    described.push(extras.hint.id);
  }
  if (extras.error) {
    extras.error.id = extras.error.id || `${id}-error`;
    described.push(extras.error.id);
  }
  control.id = id;
  if (described.length > 0) control.setAttribute('aria-describedby', described.join(' '));
  label.setAttribute('for', id);
  return el('div', { class: 'field' }, [label, control, extras.hint ?? null, extras.error ?? null]);
}

/** An evaluation year typed by a person: four digits, 2000–2100; else null. */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= 2000 && year <= 2100 ? year : null;
}
