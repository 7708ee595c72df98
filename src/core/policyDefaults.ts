/**
 * The policy's settings and the seed's values (SPEC §5), without the schema that validates a
 * policy read from a workbook or JSON (policy.ts, which re-exports everything here): the custom
 * functions need only the defaults, and functions.js stays free of zod.
 */
import { REASON_CODES, type ReasonCode, type Severity } from './types';

export const SEED = 'Kế hoạch Thành ủy';

/** The meeting scores are Bốn Tốt's own scale: the plan names the grades, not the points (SPEC §4). */
export const MEETING_SCALE_SOURCE = 'Thang điểm buổi sinh hoạt của Bốn Tốt (Kế hoạch nêu các mức, không nêu điểm)';

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
  {
    key: 'criterionMinPercent',
    label: 'Mỗi tiêu chí 1.1–1.4 đạt tối thiểu (%)',
    source: `${SEED}, mục II.2.2`,
    default: 95,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'ratingCompletedMinPercent',
    label: 'Tỷ lệ xếp loại "Hoàn thành nhiệm vụ" trở lên tối thiểu (%)',
    source: `${SEED}, mục II.2.2`,
    default: 100,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'ratingGoodMinPercent',
    label: 'Tỷ lệ xếp loại "Hoàn thành tốt nhiệm vụ" trở lên tối thiểu (%)',
    source: `${SEED}, mục II.2.2`,
    default: 80,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'excellentCapPercent',
    label: 'Tỷ lệ "Hoàn thành xuất sắc nhiệm vụ" tối đa so với số từ "Hoàn thành tốt nhiệm vụ" trở lên (%)',
    source: 'Quy định 366-QĐ/TW',
    default: 20,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'attendanceMinPercent',
    label: 'Tỷ lệ đảng viên dự sinh hoạt phải trên (%)',
    source: `${SEED}, mục II.1.2`,
    default: 85,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'absenceMaxStreak',
    label: 'Số lần vắng liên tiếp tối đa trong năm',
    source: `${SEED}, mục II.1.2`,
    default: 3,
    min: 0,
    max: 24,
    integer: true,
  },
  {
    key: 'speakersLargeMembersAbove',
    label: 'Chi bộ đông: số đảng viên trên',
    source: `${SEED}, mục II.1.2`,
    default: 20,
    min: 1,
    max: 10000,
    integer: true,
  },
  { key: 'speakersLarge', label: 'Số ý kiến tối thiểu (chi bộ đông)', source: `${SEED}, mục II.1.2`, default: 7, min: 0, max: 1000, integer: true },
  {
    key: 'speakersMediumMembersAbove',
    label: 'Chi bộ vừa: số đảng viên trên',
    source: `${SEED}, mục II.1.2`,
    default: 10,
    min: 1,
    max: 10000,
    integer: true,
  },
  { key: 'speakersMedium', label: 'Số ý kiến tối thiểu (chi bộ vừa)', source: `${SEED}, mục II.1.2`, default: 5, min: 0, max: 1000, integer: true },
  {
    key: 'speakersSmall',
    label: 'Số ý kiến tối thiểu (chi bộ từ 3–10 đảng viên)',
    source: `${SEED}, mục II.1.2`,
    default: 3,
    min: 0,
    max: 1000,
    integer: true,
  },
  {
    key: 'durationRegular',
    label: 'Thời gian sinh hoạt thường kỳ tối thiểu (phút)',
    source: `${SEED}, mục II.1.2`,
    default: 90,
    min: 0,
    max: 1440,
    integer: true,
  },
  {
    key: 'durationCombined',
    label: 'Thời gian sinh hoạt thường kỳ kết hợp chuyên đề tối thiểu (phút)',
    source: `${SEED}, mục II.1.2`,
    default: 120,
    min: 0,
    max: 1440,
    integer: true,
  },
  {
    key: 'durationSmall',
    label: 'Thời gian tối thiểu của chi bộ ít đảng viên (phút)',
    source: `${SEED}, mục II.1.2`,
    default: 60,
    min: 0,
    max: 1440,
    integer: true,
  },
  {
    key: 'durationSmallMembersBelow',
    label: 'Chi bộ ít đảng viên: số đảng viên dưới',
    source: `${SEED}, mục II.1.2`,
    default: 10,
    min: 1,
    max: 10000,
    integer: true,
  },
  {
    key: 'gradeGoodMin',
    label: 'Điểm sinh hoạt xếp "Tốt" từ',
    source: MEETING_SCALE_SOURCE,
    default: 90,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'gradeFairMin',
    label: 'Điểm sinh hoạt xếp "Khá" từ',
    source: MEETING_SCALE_SOURCE,
    default: 70,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'gradeAverageMin',
    label: 'Điểm sinh hoạt xếp "Trung bình" từ',
    source: MEETING_SCALE_SOURCE,
    default: 50,
    min: 0,
    max: 100,
    integer: false,
  },
  {
    key: 'modelTargetPercent',
    label: 'Chỉ tiêu tỷ lệ tổ chức đạt mô hình (%)',
    source: `${SEED}, mục I.1`,
    default: 50,
    min: 0,
    max: 100,
    integer: false,
  },
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

export function defaultPolicy(): Policy {
  const numbers = Object.fromEntries(NUMBER_SETTINGS.map((s) => [s.key, s.default])) as Record<NumericKey, number>;
  const severity = Object.fromEntries(REASON_CODES.map((code) => [code, DEFAULT_WARN.includes(code) ? 'warn' : 'block'])) as Record<
    ReasonCode,
    Severity
  >;
  const deadlines = Object.fromEntries(DEADLINE_STAGES.map((s) => [s.stage, s.default])) as Record<DeadlineStage, string | null>;
  return { ...numbers, severity, deadlines, deadlineOverrides: { ...DEFAULT_DEADLINE_OVERRIDES } };
}
