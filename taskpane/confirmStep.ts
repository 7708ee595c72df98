/**
 * An inline confirmation (the pane's way to ask; Office add-ins cannot use window.confirm): a
 * question and two buttons, hidden until `open()`. Opening announces the question and focuses
 * Cancel, so that a second Enter on the button that asked does not confirm by accident.
 */
import { el, uid } from './dom';
import type { I18nKey } from './i18n';
import type { Status } from './ui';

export interface ConfirmStepSpec {
  question: I18nKey;
  confirm: I18nKey;
  cancel: I18nKey;
  cancelled: I18nKey;
  testid: string;
  status: Status;
  onConfirm: () => void;
  /** Where focus goes after Cancel (the button that asked). */
  returnFocus: () => HTMLElement | null;
}

export interface ConfirmStep {
  root: HTMLElement;
  confirmButton: HTMLButtonElement;
  cancelButton: HTMLButtonElement;
  open(): void;
  close(): void;
  readonly isOpen: boolean;
}

export function createConfirmStep(spec: ConfirmStepSpec): ConfirmStep {
  const question = el('p', { class: 'confirm-question', i18n: spec.question, testid: `${spec.testid}-question` });
  const confirmButton = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: spec.confirm, testid: `${spec.testid}-confirm` });
  const cancelButton = el('button', { attrs: { type: 'button' }, i18n: spec.cancel, testid: `${spec.testid}-cancel` });
  const root = el('div', { class: 'confirm-step notice notice-warn', attrs: { role: 'group', hidden: true }, testid: spec.testid }, [
    question,
    el('div', { class: 'actions' }, [confirmButton, cancelButton]),
  ]);
  question.id = uid(`${spec.testid}-question`);
  root.setAttribute('aria-labelledby', question.id);

  const close = (): void => {
    root.hidden = true;
  };
  const open = (): void => {
    root.hidden = false;
    spec.status.say(spec.question, undefined, 'info', { shownNearby: true });
    cancelButton.focus();
  };
  confirmButton.addEventListener('click', () => {
    close();
    spec.onConfirm();
  });
  cancelButton.addEventListener('click', () => {
    close();
    spec.status.say(spec.cancelled, undefined, 'info');
    spec.returnFocus()?.focus();
  });
  return {
    root,
    confirmButton,
    cancelButton,
    open,
    close,
    get isOpen() {
      return !root.hidden;
    },
  };
}
