/**
 * The organisation's policy (SPEC §5): every threshold, severity and deadline, with the seed's
 * values as defaults and a source note on each. It is flat — one key per setting — because it is
 * stored one row per setting in the hidden `Cấu hình` sheet (Khóa | Giá trị | Nguồn) and given to
 * the CLI as JSON with the same keys.
 *
 * zod/mini keeps the custom-functions bundle small; jitless mode avoids `new Function` under a CSP.
 */
import * as z from 'zod/mini';
import { REASON_CODES, type ReasonCode, type Severity } from './types';

z.config({ jitless: true });

const SEED = 'Kế hoạch Thành ủy';

interface NumberSetting {
  key: NumericKey;
  label: string;
  source: string;
  default: number;
  min: number;
  max: number;
  integer: boolean;
}

/** The numeric settings, in the order the policy form and the `Cấu hình` sheet list them. */
export const NUMBER_SETTINGS = [
  { key: 'criterionMinPercent', label: 'Mỗi tiêu chí 1.1–1.4 đạt tối thiểu (%)', source: `${SEED}, mục II.2.2`, default: 95, min: 0, max: 100, integer: false },
  { key: 'ratingCompletedMinPercent', label: 'Tỷ lệ xếp loại "Hoàn thành nhiệm vụ" trở lên tối thiểu (%)', source: `${SEED}, mục II.2.2`, default: 100, min: 0, max: 100, integer: false },
  { key: 'ratingGoodMinPercent', label: 'Tỷ lệ xếp loại "Hoàn thành tốt nhiệm vụ" trở lên tối thiểu (%)', source: `${SEED}, mục II.2.2`, default: 80, min: 0, max: 100, integer: false },
  { key: 'excellentCapPercent', label: 'Tỷ lệ "Hoàn thành xuất sắc" tối đa so với số từ "Hoàn thành tốt" trở lên (%)', source: 'Quy định 366-QĐ/TW', default: 20, min: 0, max: 100, integer: false },
  { key: 'attendanceMinPercent', label: 'Tỷ lệ đảng viên dự sinh hoạt phải trên (%)', source: `${SEED}, mục II.1.2`, default: 85, min: 0, max: 100, integer: false },
  { key: 'absenceMaxStreak', label: 'Số lần vắng liên tiếp tối đa trong năm', source: `${SEED}, mục II.1.2`, default: 3, min: 0, max: 24, integer: true },
  { key: 'speakersLargeMembersAbove', label: 'Chi bộ đông: số đảng viên trên', source: `${SEED}, mục II.1.2`, default: 20, min: 1, max: 10000, integer: true },
  { key: 'speakersLarge', label: 'Số ý kiến tối thiểu (chi bộ đông)', source: `${SEED}, mục II.1.2`, default: 7, min: 0, max: 1000, integer: true },
  { key: 'speakersMediumMembersAbove', label: 'Chi bộ vừa: số đảng viên trên', source: `${SEED}, mục II.1.2`, default: 10, min: 1, max: 10000, integer: true },
  { key: 'speakersMedium', label: 'Số ý kiến tối thiểu (chi bộ vừa)', source: `${SEED}, mục II.1.2`, default: 5, min: 0, max: 1000, integer: true },
  { key: 'speakersSmall', label: 'Số ý kiến tối thiểu (chi bộ từ 3–10 đảng viên)', source: `${SEED}, mục II.1.2`, default: 3, min: 0, max: 1000, integer: true },
  { key: 'durationRegular', label: 'Thời gian sinh hoạt thường kỳ tối thiểu (phút)', source: `${SEED}, mục II.1.2`, default: 90, min: 0, max: 1440, integer: true },
  { key: 'durationCombined', label: 'Thời gian sinh hoạt thường kỳ kết hợp chuyên đề tối thiểu (phút)', source: `${SEED}, mục II.1.2`, default: 120, min: 0, max: 1440, integer: true },
  { key: 'durationSmall', label: 'Thời gian tối thiểu của chi bộ ít đảng viên (phút)', source: `${SEED}, mục II.1.2`, default: 60, min: 0, max: 1440, integer: true },
  { key: 'durationSmallMembersBelow', label: 'Chi bộ ít đảng viên: số đảng viên dưới', source: `${SEED}, mục II.1.2`, default: 10, min: 1, max: 10000, integer: true },
  { key: 'gradeGoodMin', label: 'Điểm sinh hoạt xếp "Tốt" từ', source: 'SPEC §4 (thang điểm buổi sinh hoạt của Bốn Tốt)', default: 90, min: 0, max: 100, integer: false },
  { key: 'gradeFairMin', label: 'Điểm sinh hoạt xếp "Khá" từ', source: 'SPEC §4 (thang điểm buổi sinh hoạt của Bốn Tốt)', default: 70, min: 0, max: 100, integer: false },
  { key: 'gradeAverageMin', label: 'Điểm sinh hoạt xếp "Trung bình" từ', source: 'SPEC §4 (thang điểm buổi sinh hoạt của Bốn Tốt)', default: 50, min: 0, max: 100, integer: false },
  { key: 'modelTargetPercent', label: 'Chỉ tiêu tỷ lệ tổ chức đạt mô hình (%)', source: `${SEED}, mục I.1`, default: 50, min: 0, max: 100, integer: false },
] as const satisfies readonly (Omit<NumberSetting, 'key'> & { key: string })[];

export type NumericKey = (typeof NUMBER_SETTINGS)[number]['key'];

/** Deadline stages (SPEC §1). The offset says which year the date falls in, from the evaluation year. */
export const DEADLINE_STAGES = [
  { stage: 'dangKy', label: 'Đăng ký xây dựng mô hình', yearOffset: 0, default: null, source: `${SEED}, mục II.2.1 (do cấp ủy quy định)` },
  { stage: 'chiTieu', label: 'Giao chỉ tiêu', yearOffset: 0, default: '31/01', source: `${SEED}, mục III.1` },
  { stage: 'deNghi', label: 'Tổ chức cơ sở đảng đề nghị', yearOffset: 0, default: '31/12', source: `${SEED}, mục II.2.2` },
  { stage: 'thamDinh', label: 'Hoàn thành thẩm định', yearOffset: 1, default: '15/02', source: `${SEED}, mục II.2.2` },
  { stage: 'congNhan', label: 'Hoàn thành công nhận và báo cáo', yearOffset: 1, default: '15/03', source: `${SEED}, mục II.2.2` },
] as const;

export type DeadlineStage = (typeof DEADLINE_STAGES)[number]['stage'];

/** The seed's own dates for 2023 (mục III.1 and III.5). */
const DEFAULT_DEADLINE_OVERRIDES: Record<string, string> = {
  'dangKy.2023': '10/07/2023',
  'chiTieu.2023': '15/07/2023',
};

/** Severities that differ from "block" by default (SPEC §1). */
const DEFAULT_WARN: readonly ReasonCode[] = ['EXCELLENT_CAP', 'MEETING_ATTENDANCE_LOW', 'MEETING_SELF_LOW', 'YEAR_NOT_OVER'];

export type Policy = Record<NumericKey, number> & {
  severity: Record<ReasonCode, Severity>;
  /** "dd/mm" per stage, or null when the policy sets none. */
  deadlines: Record<DeadlineStage, string | null>;
  /** "stage.year" → "dd/mm/yyyy": the date for that stage in that evaluation year. */
  deadlineOverrides: Record<string, string>;
};

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
  severity: z.object(
    Object.fromEntries(REASON_CODES.map((code) => [code, severitySchema])) as Record<ReasonCode, typeof severitySchema>,
  ),
  deadlines: z.object(
    Object.fromEntries(DEADLINE_STAGES.map((s) => [s.stage, deadlineSchema])) as Record<DeadlineStage, typeof deadlineSchema>,
  ),
  deadlineOverrides: z.record(
    z.string().check(z.regex(/^(dangKy|chiTieu|deNghi|thamDinh|congNhan)\.\d{4}$/, 'khóa phải có dạng giaiDoan.năm')),
    z.string('phải có dạng dd/mm/yyyy').check(z.refine(validFullDate, 'phải có dạng dd/mm/yyyy')),
  ),
});

export function defaultPolicy(): Policy {
  const numbers = Object.fromEntries(NUMBER_SETTINGS.map((s) => [s.key, s.default])) as Record<NumericKey, number>;
  const severity = Object.fromEntries(
    REASON_CODES.map((code) => [code, DEFAULT_WARN.includes(code) ? 'warn' : 'block']),
  ) as Record<ReasonCode, Severity>;
  const deadlines = Object.fromEntries(DEADLINE_STAGES.map((s) => [s.stage, s.default])) as Record<DeadlineStage, string | null>;
  return { ...numbers, severity, deadlines, deadlineOverrides: { ...DEFAULT_DEADLINE_OVERRIDES } };
}

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
      const key = problem.path.map(String).join('.').replace(/^deadlines\./, 'deadline.').replace(/^deadlineOverrides\./, 'deadline.');
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
