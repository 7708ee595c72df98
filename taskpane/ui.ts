/**
 * Shared UI pieces: the status line (the page's one aria-live region), the busy guard that keeps a
 * button from being fired twice while its work runs, and an indeterminate progress bar.
 */
import { el } from './dom';
import { tr, type I18nKey, type I18nParams } from './i18n';

export type Tone = 'info' | 'ok' | 'error' | 'busy';

/** The status line: every result and failure is announced here (role=status, polite). */
export class Status {
  readonly node: HTMLElement;
  private last = '';

  constructor(node?: HTMLElement) {
    this.node = node ?? el('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, testid: 'status' });
  }

  /**
   * Announces a message. `shownNearby`: the pane shows the same outcome next to its button, so
   * the line is announced to screen readers but not drawn a second time on screen.
   */
  say(key: I18nKey, params?: I18nParams, tone: Tone = 'info', options: { shownNearby?: boolean } = {}): void {
    tr(this.node, key, params);
    this.node.classList.toggle('status-offscreen', options.shownNearby === true);
    // Screen readers announce changes only: the same text twice gets a no-break space appended.
    if (this.node.textContent === this.last) this.node.textContent = `${this.node.textContent}\u00a0`;
    this.last = this.node.textContent ?? '';
    for (const name of ['info', 'ok', 'error', 'busy']) this.node.classList.toggle(`status-${name}`, name === tone);
    this.node.setAttribute('data-tone', tone);
  }

  get text(): string {
    return this.node.textContent ?? '';
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
