/**
 * The organisation's policy (SPEC §5): every threshold, severity and deadline, with the seed's
 * values as defaults and a source note on each. It is flat — one key per setting — because it is
 * stored one row per setting in the hidden `Cấu hình` sheet (Khóa | Giá trị | Nguồn) and given to
 * the CLI as JSON with the same keys.
 *
 * zod/mini keeps the task pane small; jitless mode avoids `new Function` under a CSP. The settings and
 * defaults are in policyDefaults.ts, re-exported here.
 */
import * as z from 'zod/mini';
import { DEADLINE_STAGES, NUMBER_SETTINGS, SEED, defaultPolicy, type DeadlineStage, type NumericKey, type Policy } from './policyDefaults';
import { REASON_CODES, type ReasonCode, type Severity } from './types';
import { msg, ref, render, type Lang, type MessageRef } from './messages';
import { REASON_SOURCES, sourceOf, sourceText, type Source } from './messages/policyWords';

// The settings and defaults live in policyDefaults.ts (no zod) so functions.js, which only needs the
// defaults, does not carry zod; the task pane loads this module for the schema.
export { DEADLINE_STAGES, NUMBER_SETTINGS, defaultPolicy, type DeadlineStage, type NumericKey, type Policy };

z.config({ jitless: true });

const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function validDayMonth(text: string): boolean {
  const match = DAY_MONTH.exec(text);
  if (!match) return false;
  const day = Number(match[1]);
  const month = Number(match[2]);
  // 29/02 is allowed: it exists in leap years.
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

function validFullDate(text: string): boolean {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return false;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The problems zod reports are catalogue keys (rendered in finish() with the setting's bounds), so a
 * policy error reads in either language.
 */
const PROBLEM = {
  number: 'policy.problem.number',
  min: 'policy.problem.min',
  max: 'policy.problem.max',
  integer: 'policy.problem.integer',
  severity: 'policy.problem.severity',
  dayMonth: 'policy.problem.dayMonth',
  overrideKey: 'policy.problem.overrideKey',
  fullDate: 'policy.problem.fullDate',
} as const;
const PROBLEM_KEYS: readonly string[] = Object.values(PROBLEM);

const numberShape = Object.fromEntries(
  NUMBER_SETTINGS.map((setting) => [
    setting.key,
    z.number(PROBLEM.number).check(
      z.gte(setting.min, PROBLEM.min),
      z.lte(setting.max, PROBLEM.max),
      z.refine((value) => !setting.integer || Number.isInteger(value), PROBLEM.integer),
    ),
  ]),
) as Record<NumericKey, z.ZodMiniNumber<number>>;

const severitySchema = z.enum(['block', 'warn'], PROBLEM.severity);
const deadlineSchema = z.nullable(z.string(PROBLEM.dayMonth).check(z.refine(validDayMonth, PROBLEM.dayMonth)));

export const policySchema = z.object({
  ...numberShape,
  severity: z.object(Object.fromEntries(REASON_CODES.map((code) => [code, severitySchema])) as Record<ReasonCode, typeof severitySchema>),
  deadlines: z.object(Object.fromEntries(DEADLINE_STAGES.map((s) => [s.stage, deadlineSchema])) as Record<DeadlineStage, typeof deadlineSchema>),
  deadlineOverrides: z.record(
    z.string().check(z.regex(/^(dangKy|chiTieu|deNghi|thamDinh|congNhan)\.\d{4}$/, PROBLEM.overrideKey)),
    z.string(PROBLEM.fullDate).check(z.refine(validFullDate, PROBLEM.fullDate)),
  ),
});

export interface PolicyError {
  key: string;
  /** The whole message in Vietnamese: names the setting by its key (the `Khóa` of the sheet) and label. */
  message: string;
  /** The message as a catalogue reference, to render it in another language. */
  text: MessageRef;
  /** The problem alone ("Giá trị không hợp lệ: phải là một số."), where the setting's label is already shown. */
  reason?: string;
}

export type PolicyResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

/**
 * One row of the `Cấu hình` sheet or one key of the CLI's JSON: "criterionMinPercent",
 * "severity.SPEAKERS_LOW", "deadline.thamDinh", "deadline.dangKy.2023".
 */
export interface PolicyEntry {
  key: string;
  value: unknown;
}

/** The label of a flat key as a catalogue reference (rendered in either language), or null for an unknown key. */
export function labelRef(key: string): MessageRef | null {
  const [group, name, year] = key.split('.');
  if (NUMBER_SETTINGS.some((s) => s.key === key)) return ref(`policy.label.${key}`);
  if (group === 'severity' && REASON_CODES.includes(name as ReasonCode)) return ref('policy.severityLabel', { reason: ref(`reason.name.${name}`) });
  const stage = DEADLINE_STAGES.find((s) => s.stage === name);
  if (group === 'deadline' && stage) {
    const stageRef = ref(`policy.stage.${stage.stage}`);
    if (year) return ref('policy.deadlineYearLabel', { stage: stageRef, year });
    return ref(stage.yearOffset ? 'policy.deadlineNextYearLabel' : 'policy.deadlineLabel', { stage: stageRef });
  }
  return null;
}

/**
 * Human-readable label and source of a flat key, for the `Cấu hình` sheet (Vietnamese, the
 * workbook's own words), the policy form and the CLI. Sources are the plan's words ("Kế hoạch của
 * Thành ủy, mục II.2.2"), never a SPEC section; a severity is named by its reason, never by a code.
 */
export function describeKey(key: string, lang: Lang = 'vi'): { label: string; source: string } | null {
  const label = labelRef(key);
  if (label === null) return null;
  const [group, name, year] = key.split('.');
  const numeric = NUMBER_SETTINGS.find((s) => s.key === key);
  const stage = DEADLINE_STAGES.find((s) => s.stage === name);
  const source: Source = numeric
    ? sourceOf(numeric.source)
    : group === 'severity'
      ? REASON_SOURCES[name as ReasonCode]
      : sourceOf(year ? `${SEED}, mục III` : (stage?.source ?? ''));
  // In the sheet, a severity's label also says what to write for each of the two words.
  const shown = group === 'severity' ? ref('policy.severityHint', { label }) : label;
  return { label: render(shown, lang), source: sourceText(source, lang) };
}

/** The policy as flat entries, in a stable order. */
export function policyToEntries(policy: Policy): PolicyEntry[] {
  const entries: PolicyEntry[] = NUMBER_SETTINGS.map((s) => ({ key: s.key, value: policy[s.key] }));
  for (const code of REASON_CODES) entries.push({ key: `severity.${code}`, value: policy.severity[code] });
  for (const s of DEADLINE_STAGES) entries.push({ key: `deadline.${s.stage}`, value: policy.deadlines[s.stage] });
  for (const [key, value] of Object.entries(policy.deadlineOverrides).sort()) {
    entries.push({ key: `deadline.${key}`, value });
  }
  return entries;
}

/** Reads a number typed as text with a decimal comma ("92,5"), or passes a number through. */
function looseNumber(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*%?\s*$/.test(value)) {
    return Number(value.replace('%', '').replace(',', '.').trim());
  }
  return value;
}

function looseDeadline(value: unknown): unknown {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * Builds a policy from flat entries over the defaults. Unknown keys and bad values are refused
 * with a Vietnamese message that names the setting.
 */
export function policyFromEntries(entries: readonly PolicyEntry[], base: Policy = defaultPolicy()): PolicyResult {
  const draft: Policy = {
    ...base,
    severity: { ...base.severity },
    deadlines: { ...base.deadlines },
    deadlineOverrides: { ...base.deadlineOverrides },
  };
  const errors: PolicyError[] = [];
  for (const { key, value } of entries) {
    const parts = key.trim().split('.');
    const [group, name, year] = parts;
    if (parts.length === 1 && NUMBER_SETTINGS.some((s) => s.key === group)) {
      (draft as Record<string, unknown>)[group as string] = looseNumber(value);
    } else if (group === 'severity' && parts.length === 2 && REASON_CODES.includes(name as ReasonCode)) {
      (draft.severity as Record<string, unknown>)[name as string] = typeof value === 'string' ? value.trim().toLowerCase() : value;
    } else if (group === 'deadline' && DEADLINE_STAGES.some((s) => s.stage === name) && parts.length === 2) {
      (draft.deadlines as Record<string, unknown>)[name as string] = looseDeadline(value);
    } else if (group === 'deadline' && DEADLINE_STAGES.some((s) => s.stage === name) && parts.length === 3 && /^\d{4}$/.test(year ?? '')) {
      const date = looseDeadline(value);
      if (date === null) delete draft.deadlineOverrides[`${name}.${year}`];
      else (draft.deadlineOverrides as Record<string, unknown>)[`${name}.${year}`] = date;
    } else {
      const unknown = msg('policy.unknownKey', { key });
      errors.push({ key, message: unknown.message, text: unknown.text });
    }
  }
  return finish(draft, errors);
}

function finish(draft: unknown, errors: PolicyError[]): PolicyResult {
  const parsed = policySchema.safeParse(draft);
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      const key = problem.path
        .map(String)
        .join('.')
        .replace(/^deadlines\./, 'deadline.')
        .replace(/^deadlineOverrides\./, 'deadline.');
      const setting = NUMBER_SETTINGS.find((s) => s.key === key);
      const problemText = ref(PROBLEM_KEYS.includes(problem.message) ? problem.message : 'policy.problem.value', {
        min: setting?.min ?? '',
        max: setting?.max ?? '',
      });
      // The setting's label is a nested reference, so it too is rendered in the language asked.
      const label = labelRef(key);
      const error = label
        ? msg('policy.invalidLabelled', { key, label, problem: problemText })
        : msg('policy.invalid', { key, problem: problemText });
      errors.push({ key, message: error.message, text: error.text, reason: render(ref('policy.reason', { problem: problemText }), 'vi') });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, policy: parsed.data as Policy };
}

/**
 * Reads a policy from JSON (the CLI's --policy file): flat keys as above, or the same settings
 * nested ({ "severity": { "SPEAKERS_LOW": "warn" }, "deadline": { "thamDinh": "20/02" } }).
 */
export function policyFromJson(json: unknown, base: Policy = defaultPolicy()): PolicyResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const notObject = msg('policy.notObject');
    return { ok: false, errors: [{ key: '', message: notObject.message, text: notObject.text }] };
  }
  const entries: PolicyEntry[] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    } else {
      entries.push({ key: prefix.replace(/^deadlines\./, 'deadline.').replace(/^deadlineOverrides\./, 'deadline.'), value });
    }
  };
  walk('', json);
  return policyFromEntries(entries, base);
}

export type { Severity };
