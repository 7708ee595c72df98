/**
 * The policy settings as people read them, in Vietnamese and English: the name of each reason whose
 * severity can be set, the English labels of the numeric settings and deadlines, and where each value
 * comes from in the plan ("Kế hoạch của Thành ủy, mục II.2.2"), never a code or a SPEC section. One
 * source for the task pane's policy form (taskpane/policyStrings.ts), the `Cấu hình` sheet's `Nguồn`
 * column and the CLI (src/core/policy.ts describeKey). The Vietnamese labels of the numeric settings
 * and deadlines are policyDefaults.ts's own. Not imported by the custom functions.
 */
import { DEADLINE_STAGES, MEETING_SCALE_SOURCE, NUMBER_SETTINGS, SEED, type DeadlineStage, type NumericKey } from '../policyDefaults';
import { REASON_CODES, type ReasonCode } from '../types';
import { registerCatalogue, type Lang } from './render';

/** The name of each reason (what the rule found), without codes or abbreviations. */
export const REASON_LABELS: Record<ReasonCode, { vi: string; en: string }> = {
  CRITERION_LOW: { vi: 'Tiêu chí dưới ngưỡng', en: 'A criterion below the threshold' },
  CRITERION_MISSING: { vi: 'Tiêu chí chưa chấm điểm', en: 'A criterion not scored' },
  RATING_NOT_COMPLETED: { vi: 'Có đảng viên không hoàn thành nhiệm vụ', en: 'A member who did not complete their duties' },
  RATING_GOOD_SHARE_LOW: {
    vi: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên thấp',
    en: 'Too few members who completed their duties well or better',
  },
  CELL_NOT_COMPLETED: { vi: 'Có chi bộ trực thuộc không hoàn thành nhiệm vụ', en: 'A subordinate party cell that did not complete its duties' },
  CELL_GOOD_SHARE_LOW: {
    vi: 'Tỷ lệ chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên thấp',
    en: 'Too few subordinate party cells that completed their duties well or better',
  },
  RATING_MISSING: { vi: 'Thiếu xếp loại chất lượng', en: 'Quality rating missing' },
  EXCELLENT_CAP: {
    vi: 'Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ',
    en: 'Too many rated as having completed their duties excellently',
  },
  ATTENDANCE_LOW: { vi: 'Tỷ lệ đảng viên dự sinh hoạt trong năm thấp', en: 'Low attendance over the year' },
  MEETING_ATTENDANCE_LOW: { vi: 'Buổi sinh hoạt có tỷ lệ dự thấp', en: 'A meeting with low attendance' },
  ABSENCE_UNEXCUSED: { vi: 'Đảng viên vắng mặt không có lý do', en: 'A member absent without a reason' },
  ABSENCE_STREAK: { vi: 'Đảng viên vắng mặt nhiều buổi liên tiếp', en: 'A member absent from several meetings in a row' },
  SPEAKERS_LOW: { vi: 'Ít ý kiến phát biểu', en: 'Too few speakers at a meeting' },
  DURATION_SHORT: { vi: 'Thời gian sinh hoạt ngắn', en: 'A meeting too short' },
  REGULAR_MONTH_MISSING: { vi: 'Tháng không có sinh hoạt thường kỳ', en: 'A month without a regular meeting' },
  THEMATIC_QUARTER_MISSING: { vi: 'Quý không có sinh hoạt chuyên đề', en: 'A quarter without a thematic meeting' },
  MINUTES_UNSIGNED: { vi: 'Biên bản chưa đủ chữ ký', en: 'Minutes not signed by the chair and the secretary' },
  MINUTES_BOOK_UNSTAMPED: { vi: 'Sổ biên bản chưa đóng dấu giáp lai', en: 'Minutes book without the seal across its pages' },
  SELF_ASSESSMENT_MISSING: { vi: 'Buổi sinh hoạt chưa tự đánh giá chất lượng', en: 'A meeting whose quality was not self-assessed' },
  MEETING_SELF_LOW: { vi: 'Buổi sinh hoạt tự đánh giá chất lượng thấp', en: 'A meeting self-assessed as low quality' },
  DISCIPLINE: { vi: 'Có đảng viên bị kỷ luật', en: 'A member disciplined' },
  YEAR_NOT_OVER: { vi: 'Chưa hết năm đánh giá (kết quả tạm thời)', en: 'The evaluation year is not over (provisional result)' },
  DATA_INVALID: { vi: 'Dữ liệu có lỗi', en: 'Errors in the data' },
};

export type Source = { section: string } | { vi: string; en: string };

const OWN_RULE: Source = { vi: 'Quy tắc của Bốn Tốt (để kết quả đáng tin cậy)', en: 'A rule of Bốn Tốt (so that the result can be trusted)' };
const MEETING_SCALE: Source = {
  vi: 'Thang điểm buổi sinh hoạt của Bốn Tốt (Kế hoạch nêu các mức, không nêu điểm)',
  en: 'Bốn Tốt’s meeting scale (the plan names the grades, not the points)',
};
const REGULATION_366: Source = { vi: 'Quy định 366-QĐ/TW', en: 'Regulation 366-QĐ/TW' };

/** Where each reason comes from (docs/rules.md, column "source"). */
export const REASON_SOURCES: Record<ReasonCode, Source> = {
  CRITERION_LOW: { section: 'II.2.2' },
  CRITERION_MISSING: { section: 'II.2.2' },
  RATING_NOT_COMPLETED: { section: 'II.2.2' },
  RATING_GOOD_SHARE_LOW: { section: 'II.2.2' },
  CELL_NOT_COMPLETED: { section: 'II.2.2' },
  CELL_GOOD_SHARE_LOW: { section: 'II.2.2' },
  RATING_MISSING: { section: 'II.2.2' },
  EXCELLENT_CAP: REGULATION_366,
  ATTENDANCE_LOW: { section: 'II.1.2' },
  MEETING_ATTENDANCE_LOW: { section: 'II.1.2' },
  ABSENCE_UNEXCUSED: { section: 'II.1.2' },
  ABSENCE_STREAK: { section: 'II.1.2' },
  SPEAKERS_LOW: { section: 'II.1.2' },
  DURATION_SHORT: { section: 'II.1.2' },
  REGULAR_MONTH_MISSING: { section: 'II.1.2' },
  THEMATIC_QUARTER_MISSING: { section: 'II.1.2' },
  MINUTES_UNSIGNED: { section: 'II.1.2' },
  MINUTES_BOOK_UNSTAMPED: { section: 'II.1.2' },
  SELF_ASSESSMENT_MISSING: { section: 'II.1.2' },
  MEETING_SELF_LOW: { section: 'II.1.2' },
  DISCIPLINE: { section: 'II.1.3, II.1.4' },
  YEAR_NOT_OVER: OWN_RULE,
  DATA_INVALID: OWN_RULE,
};

/** English labels of the numeric settings (the Vietnamese ones are policyDefaults.ts's). */
export const NUMBER_LABELS_EN: Record<NumericKey, string> = {
  criterionMinPercent: 'Each criterion 1.1–1.4 reaches at least (%)',
  ratingCompletedMinPercent: 'Members rated “Hoàn thành nhiệm vụ” (completed their duties) or better, at least (%)',
  ratingGoodMinPercent: 'Members rated “Hoàn thành tốt nhiệm vụ” (completed their duties well) or better, at least (%)',
  excellentCapPercent: 'Rated as having completed their duties excellently, at most, of those who completed them well or better (%)',
  attendanceMinPercent: 'Members attending meetings, more than (%)',
  absenceMaxStreak: 'Most absences in a row in the year',
  speakersLargeMembersAbove: 'Large party cell: more members than',
  speakersLarge: 'Fewest speakers (large party cell)',
  speakersMediumMembersAbove: 'Medium party cell: more members than',
  speakersMedium: 'Fewest speakers (medium party cell)',
  speakersSmall: 'Fewest speakers (party cell of 3 to 10 members)',
  durationRegular: 'Shortest regular meeting (minutes)',
  durationCombined: 'Shortest regular meeting combined with a thematic one (minutes)',
  durationSmall: 'Shortest meeting of a small party cell (minutes)',
  durationSmallMembersBelow: 'Small party cell: fewer members than',
  gradeGoodMin: 'Meeting score graded “good” from',
  gradeFairMin: 'Meeting score graded “fair” from',
  gradeAverageMin: 'Meeting score graded “average” from',
  modelTargetPercent: 'Target share of organisations reaching the model (%)',
};

const PLAN_VI = 'Kế hoạch của Thành ủy, mục';
const PLAN_EN = 'The City Party Committee’s plan, section';

/** A source of policyDefaults.ts ("Kế hoạch Thành ủy, mục II.1.2 (do cấp ủy quy định)") as a Source. */
export function sourceOf(text: string): Source {
  if (text === MEETING_SCALE_SOURCE) return MEETING_SCALE;
  if (text.startsWith('Quy định 366')) return REGULATION_366;
  const match = new RegExp(`^${SEED}, mục (\\S+)( \\(do cấp ủy quy định\\))?$`).exec(text);
  if (!match) return { vi: text, en: text };
  const section = match[1] as string;
  return match[2] ? { vi: `${PLAN_VI} ${section} (do cấp ủy quy định)`, en: `${PLAN_EN} ${section} (set by the party committee)` } : { section };
}

export function sourceText(source: Source, lang: Lang): string {
  if ('section' in source) return `${lang === 'vi' ? PLAN_VI : PLAN_EN} ${source.section}`;
  return source[lang];
}

/** English names of the deadline stages (the Vietnamese ones are policyDefaults.ts's). */
export const STAGE_LABELS_EN: Record<DeadlineStage, string> = {
  dangKy: 'Registration of the model plan',
  chiTieu: 'Targets assigned',
  deNghi: 'Organisations propose',
  thamDinh: 'Appraisal completed',
  congNhan: 'Recognition and report completed',
};

/**
 * The settings' and reasons' names as catalogue entries, so a policy error or label can nest them
 * as references and be rendered in either language: `policy.label.KEY` (numeric settings),
 * `policy.stage.STAGE` (deadlines), `reason.name.CODE`.
 */
function policyWords(lang: Lang): Record<string, string> {
  const words: Record<string, string> = {};
  for (const setting of NUMBER_SETTINGS) words[`policy.label.${setting.key}`] = lang === 'vi' ? setting.label : NUMBER_LABELS_EN[setting.key];
  for (const stage of DEADLINE_STAGES) words[`policy.stage.${stage.stage}`] = lang === 'vi' ? stage.label : STAGE_LABELS_EN[stage.stage];
  for (const code of REASON_CODES) words[`reason.name.${code}`] = REASON_LABELS[code][lang];
  return words;
}

export const POLICY_WORDS_VI: Readonly<Record<string, string>> = policyWords('vi');
/** Spread into en.ts, so the English chunk carries them. */
export const POLICY_WORDS_EN: Readonly<Record<string, string>> = policyWords('en');

registerCatalogue('vi', POLICY_WORDS_VI);
