/**
 * The seed's recognition condition proper (mục II.2.2), as FOURGOOD_ELIGIBLE / FOURGOOD_REASONS
 * compute it: all four criteria at or above the minimum, every rated entry at HTNV or above and
 * enough at HTTNV or above. Comparisons use unrounded values; messages name the values used.
 */
import { CRITERION_LABELS } from './criteria';
import type { Policy } from './policy';
import { percentOf } from './percent';
import { countAtLeast, countRatings, ratedTotal } from './ratings';
import { formatNumber } from './text';
import { CRITERION_IDS, type RatingLevel } from './types';
import { RATING_LABELS } from './vocabulary';

export type RecognitionScope = 'members' | 'cells';

export function scopeNoun(scope: RecognitionScope): string {
  return scope === 'members' ? 'đảng viên' : 'chi bộ trực thuộc';
}

/** The share conditions on ratings, shared by FOURGOOD_REASONS and the verdict's rules. */
export function ratingShareProblems(
  ratings: readonly (RatingLevel | null)[],
  scope: RecognitionScope,
  policy: Policy,
): { completed: string | null; good: string | null; noneRated: string | null } {
  const counts = countRatings(ratings);
  const rated = ratedTotal(counts);
  const noun = scopeNoun(scope);
  if (rated === 0) {
    return {
      completed: null,
      good: null,
      noneRated: `Chưa có ${noun} nào được xếp loại chất lượng (không tính "${RATING_LABELS.KXL}"); cần xếp loại để tính tỷ lệ.`,
    };
  }
  const completedCount = countAtLeast(counts, 'HTNV');
  const goodCount = countAtLeast(counts, 'HTTNV');
  const completedPercent = percentOf(completedCount, rated) ?? 0;
  const goodPercent = percentOf(goodCount, rated) ?? 0;
  return {
    noneRated: null,
    completed:
      completedPercent < policy.ratingCompletedMinPercent
        ? `${formatNumber(completedPercent)} % ${noun} được xếp loại "${RATING_LABELS.HTNV}" trở lên (${completedCount}/${rated}), cần từ ${formatNumber(policy.ratingCompletedMinPercent)} % trở lên.`
        : null,
    good:
      goodPercent < policy.ratingGoodMinPercent
        ? `${formatNumber(goodPercent)} % ${noun} được xếp loại "${RATING_LABELS.HTTNV}" trở lên (${goodCount}/${rated}), cần từ ${formatNumber(policy.ratingGoodMinPercent)} % trở lên.`
        : null,
  };
}

/**
 * Why an organisation does not meet the recognition condition (seed II.2.2); [] when it does.
 * `criteriaPercents` are the four percents (0–100) of 1.1–1.4 in order; `scope` says whether the
 * ratings are of members (chi bộ) or of subordinate chi bộ (đảng bộ cơ sở).
 */
export function recognitionProblems(
  criteriaPercents: readonly number[],
  ratings: readonly RatingLevel[],
  scope: RecognitionScope,
  policy: Policy,
): string[] {
  const problems: string[] = [];
  const minimum = policy.criterionMinPercent;
  CRITERION_IDS.forEach((id, index) => {
    const percent = criteriaPercents[index];
    const label = `Tiêu chí ${id} (${CRITERION_LABELS[id]})`;
    if (percent === undefined || !Number.isFinite(percent)) {
      problems.push(`${label} chưa có điểm; cần từ ${formatNumber(minimum)} % trở lên.`);
    } else if (percent < minimum) {
      problems.push(`${label} đạt ${formatNumber(percent)} %, cần từ ${formatNumber(minimum)} % trở lên.`);
    }
  });
  const shares = ratingShareProblems(ratings, scope, policy);
  for (const problem of [shares.noneRated, shares.completed, shares.good]) if (problem !== null) problems.push(problem);
  return problems;
}
