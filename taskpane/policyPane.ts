/**
 * Cấu hình: a form of every numeric setting, every reason's severity and the deadline dates, with
 * the labels and sources of src/core/policy.ts. Values are validated by policyFromEntries; its
 * message (which names the setting and the allowed range) is shown next to the field. "Lưu" hands
 * the policy to the custom functions and writes the hidden `Cấu hình` sheet (writePolicy, which
 * recalculates); "Khôi phục mặc định" does the same with the seed's defaults.
 */
import {
  DEADLINE_STAGES,
  NUMBER_SETTINGS,
  defaultPolicy,
  policyFromEntries,
  policyToEntries,
  type Policy,
  type PolicyEntry,
  type PolicyError,
} from '../src/core/policy';
import { REASON_CODES } from '../src/core/types';
import { writePolicy } from '../src/hosts/excel';
import { policyLayout } from '../src/workbook/layout/policySheet';
import { createConfirmStep } from './confirmStep';
import { el, errorText, replaceChildren } from './dom';
import type { ExcelContext } from './excelContext';
import { ref, tr, type I18nKey, type I18nParams } from './i18n';
import { isPercentKey, percentFieldText } from './percentField';
import { reasonLabelKey, settingLabelKey, settingSourceKey } from './policyStrings';
import { BusyGuard, field, progressBar, type Status } from './ui';

export interface PolicyPane {
  panel: HTMLElement;
  /** Fills the form from the workbook's `Cấu hình` rows (null: the workbook has none; failed: it could not be read). */
  load(entries: readonly PolicyEntry[] | null, failed?: boolean): Promise<void>;
  save(): Promise<boolean>;
  reset(): Promise<boolean>;
  /** The control of a setting key ("criterionMinPercent", "severity.SPEAKERS_LOW", "deadline.chiTieu"). */
  control(key: string): HTMLInputElement | HTMLSelectElement | null;
  /** The error line of a setting key. */
  error(key: string): HTMLElement | null;
}

interface FieldRef {
  key: string;
  control: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
  /** The translated label: its key and parameters. */
  label: [I18nKey, I18nParams?];
}

/** A number as the policy reads one ("92,5", "95 %"): anything else is "not a number". */
const LOOSE_NUMBER = /^\s*-?\d+([.,]\d+)?\s*%?\s*$/;

/** A policy value as the form shows it: decimal comma, blank for null. */
function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}

function safeId(key: string): string {
  return `policy-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function createPolicyPane(ctx: ExcelContext, status: Status): PolicyPane {
  const fields = new Map<string, FieldRef>();
  let dirty = false;

  const makeField = (key: string, label: [I18nKey, I18nParams?], control: HTMLInputElement | HTMLSelectElement, hint: HTMLElement): HTMLElement => {
    const error = el('p', { class: 'field-error', attrs: { hidden: true }, testid: 'field-error', data: { key } });
    control.setAttribute('data-key', key);
    control.addEventListener('input', () => (dirty = true));
    control.addEventListener('change', () => {
      dirty = true;
      showErrors(validate().errors, false);
    });
    fields.set(key, { key, control, error, label });
    // Labels and sources in the reader's language (policyStrings.ts); the key stays in data-key only.
    return field(safeId(key), el('label', { i18n: label[0], ...(label[1] ? { params: label[1] } : {}) }), control, { hint, error });
  };

  const numbers = NUMBER_SETTINGS.map((setting) =>
    makeField(
      setting.key,
      [settingLabelKey(setting.key)],
      el('input', { attrs: { type: 'text', inputmode: setting.integer ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false' } }),
      el('p', { class: 'hint' }, [
        el('span', { i18n: 'policy.source', params: { source: ref(settingSourceKey(setting.key)) } }),
        ' · ',
        el('span', { i18n: 'policy.range', params: { min: setting.min, max: setting.max, integer: setting.integer ? ref('policy.integer') : '' } }),
        isPercentKey(setting.key) ? el('span', { class: 'hint-line', i18n: 'policy.percentHint', testid: 'percent-hint' }) : null,
      ]),
    ),
  );
  const severities = REASON_CODES.map((code) =>
    makeField(
      `severity.${code}`,
      [reasonLabelKey(code)],
      el('select', {}, [
        el('option', { attrs: { value: 'block' }, i18n: 'policy.severity.block' }),
        el('option', { attrs: { value: 'warn' }, i18n: 'policy.severity.warn' }),
      ]),
      el('p', { class: 'hint', i18n: 'policy.source', params: { source: ref(settingSourceKey(`severity.${code}`)) } }),
    ),
  );
  const deadlines = DEADLINE_STAGES.map((stage) => {
    const key = `deadline.${stage.stage}`;
    return makeField(
      key,
      [stage.yearOffset ? 'policy.deadlineNextYear' : 'policy.deadline', { stage: ref(`stage.${stage.stage}` as I18nKey) }],
      el('input', { attrs: { type: 'text', inputmode: 'numeric', placeholder: 'dd/mm', autocomplete: 'off', spellcheck: 'false' } }),
      el('p', { class: 'hint', i18n: 'policy.source', params: { source: ref(settingSourceKey(key)) } }),
    );
  });

  const note = el('p', { class: 'notice', i18n: 'policy.loading', testid: 'policy-note' });
  // Restoring the defaults overwrites the saved Cấu hình sheet: asked first.
  const resetConfirm = createConfirmStep({
    question: 'policy.resetAsk',
    confirm: 'policy.resetConfirm',
    cancel: 'policy.resetCancel',
    cancelled: 'policy.resetCancelled',
    testid: 'policy-reset-ask',
    status,
    onConfirm: () => void reset(),
    returnFocus: () => resetButton,
  });
  const general = el('ul', { class: 'form-errors', attrs: { hidden: true }, testid: 'policy-errors' });
  const saveButton = el('button', { class: 'primary', attrs: { type: 'submit' }, i18n: 'policy.save', testid: 'policy-save' });
  const resetButton = el('button', { attrs: { type: 'button' }, i18n: 'policy.reset', testid: 'policy-reset' });
  const progress = progressBar('policy.saving');
  const form = el('form', { class: 'form policy-form', attrs: { novalidate: true } }, [
    el('fieldset', {}, [el('legend', { i18n: 'policy.numbers' }), ...numbers]),
    el('fieldset', {}, [el('legend', { i18n: 'policy.severities' }), ...severities]),
    el('fieldset', {}, [el('legend', { i18n: 'policy.deadlines' }), ...deadlines]),
    general,
    el('div', { class: 'actions sticky' }, [saveButton, resetButton, resetConfirm.root]),
    progress,
  ]);
  const panel = el('section', { class: 'pane' }, [el('p', { class: 'intro', i18n: 'policy.intro' }), note, form]);

  const fill = (policy: Policy, raw: readonly PolicyEntry[] = []): void => {
    for (const entry of policyToEntries(policy)) {
      const ref = fields.get(entry.key);
      if (ref) ref.control.value = displayValue(entry.value);
    }
    for (const entry of raw) {
      const ref = fields.get(entry.key.trim());
      if (ref && !(ref.control instanceof HTMLSelectElement)) ref.control.value = displayValue(entry.value);
    }
    dirty = false;
  };

  // A percent field reads a bare 0–1 as a fraction (percentField.ts); the field then shows the points.
  const entries = (): PolicyEntry[] =>
    [...fields.values()].map((ref) => ({
      key: ref.key,
      value: (isPercentKey(ref.key) ? percentFieldText(ref.control.value) : ref.control.value).trim(),
    }));
  for (const ref of fields.values()) {
    if (!isPercentKey(ref.key)) continue;
    ref.control.addEventListener('change', () => {
      const points = percentFieldText(ref.control.value);
      if (points !== ref.control.value) ref.control.value = points;
    });
  }

  const validate = (base: Policy = ctx.policyOrigin === 'invalid' ? defaultPolicy() : ctx.policy) => {
    const parsed = policyFromEntries(entries(), base);
    return parsed.ok ? { policy: parsed.policy, errors: [] } : { policy: null, errors: parsed.errors };
  };

  /**
   * The problem with a setting's value, as a translated reference: said by the pane from the
   * setting's own rule (range, whole number, dd/mm), so it follows the language switch.
   */
  const problemOf = (error: PolicyError): string | null => {
    const setting = NUMBER_SETTINGS.find((s) => s.key === error.key);
    if (setting) {
      const typed = fields.get(error.key)?.control.value ?? '';
      if (!LOOSE_NUMBER.test(percentFieldText(typed))) return ref('policy.error.number');
      return ref('policy.error.range', { min: setting.min, max: setting.max, integer: setting.integer ? ref('policy.integer') : '' });
    }
    if (error.key.startsWith('severity.')) return ref('policy.error.severity');
    const [group, stage, year] = error.key.split('.');
    if (group === 'deadline' && DEADLINE_STAGES.some((s) => s.stage === stage)) {
      return year ? ref('policy.error.override', { stage: ref(`stage.${stage}` as I18nKey), year }) : ref('policy.error.deadline');
    }
    return null;
  };

  /** A setting's label as a translated reference ("Mỗi tiêu chí 1.1–1.4 đạt tối thiểu (%)"), else its key. */
  const labelOf = (key: string): string => {
    const label = fields.get(key)?.label;
    return label ? ref(label[0], label[1]) : key;
  };

  const showErrors = (errors: readonly PolicyError[], focus: boolean): void => {
    for (const ref of fields.values()) {
      ref.error.hidden = true;
      ref.error.textContent = '';
      ref.error.removeAttribute('data-i18n');
      ref.control.removeAttribute('aria-invalid');
    }
    const unplaced: HTMLElement[] = [];
    let first: HTMLElement | null = null;
    for (const error of errors) {
      const field = fields.get(error.key);
      const problem = problemOf(error);
      if (!field) {
        unplaced.push(
          problem
            ? el('li', { i18n: 'policy.error.unplaced', params: { key: error.key, problem } })
            : el('li', { i18n: 'policy.error.unknown', params: { key: error.key } }),
        );
        continue;
      }
      // Next to its field the label is already shown: the problem alone (one per field).
      if (field.error.hidden) tr(field.error, 'policy.error.field', { problem: problem ?? ref('policy.error.value') });
      field.error.hidden = false;
      field.control.setAttribute('aria-invalid', 'true');
      first ??= field.control;
    }
    replaceChildren(general, unplaced);
    general.hidden = unplaced.length === 0;
    if (focus && first) first.focus();
  };

  /** The status of a refused save: how many values, and the first one with its problem. */
  const sayInvalid = (errors: readonly PolicyError[]): void => {
    const firstError = errors[0];
    status.say(
      'policy.invalid',
      {
        count: errors.length,
        label: firstError ? labelOf(firstError.key) : '',
        problem: firstError ? (problemOf(firstError) ?? ref('policy.error.value')) : '',
      },
      'error',
    );
  };

  const guard = new BusyGuard(() => [saveButton, resetButton], progress);

  const store = (policy: Policy, doneKey: 'policy.saved' | 'policy.resetDone'): Promise<boolean> =>
    (async () => {
      status.say('policy.saving', undefined, 'busy');
      const bridge = ctx.functions();
      const previous = bridge?.getPolicy?.() ?? null;
      try {
        // The functions get the policy first, so the recalculation writePolicy asks for uses it.
        await ctx.shareWithFunctions(policy, false);
        const { copy } = await ctx.run((context) => writePolicy(context, policyLayout(policy)));
        ctx.setPolicy(policy, 'workbook');
        fill(policy);
        showErrors([], false);
        tr(note, 'policy.loaded.workbook');
        if (copy === null) status.say(doneKey, undefined, 'ok');
        else status.say('policy.savedKeptCopy', { copy }, 'ok');
        return true;
      } catch (error) {
        if (bridge && previous) bridge.setPolicy(previous);
        status.say('policy.failed', { message: errorText(error) }, 'error');
        return false;
      }
    })();

  const save = (): Promise<boolean> =>
    guard.run(async () => {
      const { policy, errors } = validate();
      if (!policy) {
        showErrors(errors, true);
        sayInvalid(errors);
        return false;
      }
      return store(policy, 'policy.saved');
    });

  const reset = (): Promise<boolean> =>
    guard.run(async () => {
      const policy = defaultPolicy();
      fill(policy);
      return store(policy, 'policy.resetDone');
    });

  const load = async (rows: readonly PolicyEntry[] | null, failed = false): Promise<void> => {
    if (rows === null) {
      ctx.setPolicy(defaultPolicy(), 'default');
      fill(ctx.policy);
      tr(note, failed ? 'policy.loaded.failed' : 'policy.loaded.default');
      return;
    }
    const parsed = policyFromEntries(rows.map(({ key, value }) => ({ key, value })));
    if (parsed.ok) {
      ctx.setPolicy(parsed.policy, 'workbook');
      fill(parsed.policy);
      tr(note, 'policy.loaded.workbook');
      await ctx.shareWithFunctions(parsed.policy).catch(() => false);
      return;
    }
    ctx.setPolicy(defaultPolicy(), 'invalid');
    fill(ctx.policy, rows);
    showErrors(parsed.errors, false);
    tr(note, 'policy.loaded.invalid', { count: parsed.errors.length });
  };

  ctx.onPolicy((policy) => {
    if (!dirty) fill(policy);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  resetButton.addEventListener('click', () => {
    resetConfirm.open();
  });

  return {
    panel,
    load,
    save,
    reset,
    control: (key) => fields.get(key)?.control ?? null,
    error: (key) => fields.get(key)?.error ?? null,
  };
}
