/**
 * The policy settings as people read them, in Vietnamese and English, registered for the pane. The
 * words themselves (reason names, English labels, the plan's sections) are the core's
 * (src/core/messages/policyWords.ts), shared with the `Cấu hình` sheet and the CLI.
 *
 * The texts are registered as i18n keys (`policy.label.KEY`, `policy.src.KEY`, `reason.label.CODE`)
 * so that `tr` relabels them on a language switch like every other label.
 */
import { REASON_LABELS, REASON_SOURCES, NUMBER_LABELS_EN, sourceOf, sourceText } from '../src/core/messages/policyWords';
import { DEADLINE_STAGES, NUMBER_SETTINGS } from '../src/core/policyDefaults';
import { REASON_CODES, type ReasonCode } from '../src/core/types';
import { registerStrings, type I18nKey } from './i18n';

const vi: Record<string, string> = {};
const en: Record<string, string> = {};
for (const setting of NUMBER_SETTINGS) {
  vi[`policy.label.${setting.key}`] = setting.label;
  en[`policy.label.${setting.key}`] = NUMBER_LABELS_EN[setting.key];
  const source = sourceOf(setting.source);
  vi[`policy.src.${setting.key}`] = sourceText(source, 'vi');
  en[`policy.src.${setting.key}`] = sourceText(source, 'en');
}
for (const stage of DEADLINE_STAGES) {
  const source = sourceOf(stage.source);
  vi[`policy.src.deadline.${stage.stage}`] = sourceText(source, 'vi');
  en[`policy.src.deadline.${stage.stage}`] = sourceText(source, 'en');
}
for (const code of REASON_CODES) {
  vi[`reason.label.${code}`] = REASON_LABELS[code].vi;
  en[`reason.label.${code}`] = REASON_LABELS[code].en;
  vi[`policy.src.severity.${code}`] = sourceText(REASON_SOURCES[code], 'vi');
  en[`policy.src.severity.${code}`] = sourceText(REASON_SOURCES[code], 'en');
}
registerStrings(vi, en);

/** The names of the reasons, shared with the core (src/core/messages/policyWords.ts). */
export { REASON_LABELS };

/** The key of a setting's label (numeric settings) or of a reason's name. */
export const settingLabelKey = (key: string): I18nKey => `policy.label.${key}` as I18nKey;
export const reasonLabelKey = (code: ReasonCode): I18nKey => `reason.label.${code}` as I18nKey;
/** The key of a setting's source: "criterionMinPercent", "severity.CODE", "deadline.stage". */
export const settingSourceKey = (key: string): I18nKey => `policy.src.${key}` as I18nKey;
