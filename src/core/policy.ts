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

const numberShape = Object.fromEntries(
  NUMBER_SETTINGS.map((setting) => [
    setting.key,
    z.number('phải là một số').check(
      z.gte(setting.min, `phải từ ${setting.min} trở lên`),
      z.lte(setting.max, `phải không quá ${setting.max}`),
      z.refine((value) => !setting.integer || Number.isInteger(value), 'phải là số nguyên'),
    ),
  ]),
) as Record<NumericKey, z.ZodMiniNumber<number>>;

const severitySchema = z.enum(['block', 'warn'], 'phải là "block" (chặn) hoặc "warn" (cảnh báo)');
const deadlineSchema = z.nullable(z.string('phải có dạng dd/mm').check(z.refine(validDayMonth, 'phải có dạng dd/mm')));

export const policySchema = z.object({
  ...numberShape,
  severity: z.object(Object.fromEntries(REASON_CODES.map((code) => [code, severitySchema])) as Record<ReasonCode, typeof severitySchema>),
  deadlines: z.object(Object.fromEntries(DEADLINE_STAGES.map((s) => [s.stage, deadlineSchema])) as Record<DeadlineStage, typeof deadlineSchema>),
  deadlineOverrides: z.record(
    z.string().check(z.regex(/^(dangKy|chiTieu|deNghi|thamDinh|congNhan)\.\d{4}$/, 'khóa phải có dạng giaiDoan.năm')),
    z.string('phải có dạng dd/mm/yyyy').check(z.refine(validFullDate, 'phải có dạng dd/mm/yyyy')),
  ),
});

export interface PolicyError {
  key: string;
  /** The whole message: names the setting by its key (the `Khóa` of the sheet) and label. */
  message: string;
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

/** Human-readable label and source of a flat key, for the `Cấu hình` sheet and the policy form. */
export function describeKey(key: string): { label: string; source: string } | null {
  const numeric = NUMBER_SETTINGS.find((s) => s.key === key);
  if (numeric) return { label: numeric.label, source: numeric.source };
  const [group, name, year] = key.split('.');
  if (group === 'severity' && REASON_CODES.includes(name as ReasonCode)) {
    return { label: `Mức độ của ${name} (block = không đủ điều kiện, warn = chỉ cảnh báo)`, source: 'SPEC §1' };
  }
  const stage = DEADLINE_STAGES.find((s) => s.stage === name);
  if (group === 'deadline' && stage) {
    return year
      ? { label: `${stage.label} — năm ${year} (dd/mm/yyyy)`, source: `${SEED}, mục III` }
      : { label: `${stage.label} (dd/mm${stage.yearOffset ? ', năm sau' : ''})`, source: stage.source };
  }
  return null;
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
      errors.push({ key, message: `Thiết lập "${key}" không tồn tại trong cấu hình.` });
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
      const described = describeKey(key);
      errors.push({
        key,
        message: `Thiết lập "${key}"${described ? ` (${described.label})` : ''} không hợp lệ: ${problem.message}.`,
        reason: `Giá trị không hợp lệ: ${problem.message}.`,
      });
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
    return { ok: false, errors: [{ key: '', message: 'Tệp cấu hình phải là một đối tượng JSON { "khóa": giá trị }.' }] };
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
