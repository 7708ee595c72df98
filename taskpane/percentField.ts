/**
 * Percent fields of the Cấu hình tab (issue #21): "0,95" typed where the label says (%) meant 95 %,
 * not 0.95 %. As the custom functions read a percent argument (functions/args.ts percentArg), a
 * bare number from 0 to 1 is a fraction: 0,95 → 95, 1 → 100, 0 → 0. A number above 1 is already
 * points. Text with a "%" sign ("0,95 %") says what it means and is left alone, as is anything
 * that is not a number (the policy's validation reports it next to the field).
 */
import { fractionToPercent } from '../src/core/percent';
import { NUMBER_SETTINGS } from '../src/core/policy';

/** The settings whose value is a percent (their keys end in "Percent"). */
export const PERCENT_KEYS: readonly string[] = NUMBER_SETTINGS.filter((setting) => setting.key.endsWith('Percent')).map((setting) => setting.key);

export function isPercentKey(key: string): boolean {
  return PERCENT_KEYS.includes(key);
}

const BARE_NUMBER = /^\+?(\d+([.,]\d*)?|[.,]\d+)$/;

/** The text a percent field stands for: a bare fraction 0–1 as points with a decimal comma, else the text as typed. */
export function percentFieldText(text: string): string {
  const trimmed = text.trim();
  if (!BARE_NUMBER.test(trimmed)) return text;
  const value = Number(trimmed.replace(',', '.').replace(/^\+/, ''));
  if (!Number.isFinite(value) || value > 1) return text;
  return String(fractionToPercent(value)).replace('.', ',');
}
