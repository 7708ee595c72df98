/**
 * The seed's recognition condition proper (mục II.2.2), as FOURGOOD_ELIGIBLE / FOURGOOD_REASONS
 * compute it: all four criteria at or above the minimum, every rated entry at HTNV or above and
 * enough at HTTNV or above. Comparisons use unrounded values; messages name the values used.
 */
import { msg, ref, type Message } from './messages';
import type { Policy } from './policy';
import { percentOf } from './percent';
import { countAtLeast, countRatings, ratedTotal } from './ratings';
import { CRITERION_IDS, type RatingLevel } from './types';

export type RecognitionScope = 'members' | 'cells';

function nounOf(scope: RecognitionScope): ReturnType<typeof ref> {
  return ref(scope === 'members' ? 'noun.members' : 'noun.cells');
}

/** The share conditions on ratings, shared by FOURGOOD_REASONS and the verdict's rules. */
export function ratingShareProblems(
  ratings: readonly (RatingLevel | null)[],
  scope: RecognitionScope,
  policy: Policy,
): { completed: Message | null; good: Message | null; noneRated: Message | null } {
  const counts = countRatings(ratings);
  const rated = ratedTotal(counts);
  const noun = nounOf(scope);
  if (rated === 0) {
    return { completed: null, good: null, noneRated: msg('recognition.noneRated', { noun, kxl: ref('rating.KXL') }) };
  }
  const completedCount = countAtLeast(counts, 'HTNV');
  const goodCount = countAtLeast(counts, 'HTTNV');
  const completedPercent = percentOf(completedCount, rated) ?? 0;
  const goodPercent = percentOf(goodCount, rated) ?? 0;
  return {
    noneRated: null,
    completed:
      completedPercent < policy.ratingCompletedMinPercent
        ? msg('recognition.completed', {
            noun,
            level: ref('rating.HTNV'),
            percent: { pct: completedPercent },
            count: completedCount,
            rated,
            minimum: { pct: policy.ratingCompletedMinPercent },
          })
        : null,
    good:
      goodPercent < policy.ratingGoodMinPercent
        ? msg('recognition.good', {
            noun,
            level: ref('rating.HTTNV'),
            percent: { pct: goodPercent },
            count: goodCount,
            rated,
            minimum: { pct: policy.ratingGoodMinPercent },
          })
        : null,
  };
}

/**
 * Why an organisation does not meet the recognition condition (seed II.2.2); [] when it does.
 * `criteriaPercents` are the four percents (0–100) of 1.1–1.4 in order; `scope` says whether the
 * ratings are of members (chi bộ) or of subordinate chi bộ (đảng bộ cơ sở).
 */
export function recognitionMessages(
  criteriaPercents: readonly number[],
  ratings: readonly RatingLevel[],
  scope: RecognitionScope,
  policy: Policy,
): Message[] {
  const problems: Message[] = [];
  const minimum = { pct: policy.criterionMinPercent };
  CRITERION_IDS.forEach((id, index) => {
    const percent = criteriaPercents[index];
    const label = ref(`criterion.${id}`);
    if (percent === undefined || !Number.isFinite(percent)) {
      problems.push(msg('recognition.criterionMissing', { id, label, minimum }));
    } else if (percent < policy.criterionMinPercent) {
      problems.push(msg('recognition.criterionLow', { id, label, percent: { pct: percent }, minimum }));
    }
  });
  const shares = ratingShareProblems(ratings, scope, policy);
  for (const problem of [shares.noneRated, shares.completed, shares.good]) if (problem !== null) problems.push(problem);
  return problems;
}

/** recognitionMessages in Vietnamese (FOURGOOD_REASONS). */
export function recognitionProblems(
  criteriaPercents: readonly number[],
  ratings: readonly RatingLevel[],
  scope: RecognitionScope,
  policy: Policy,
): string[] {
  return recognitionMessages(criteriaPercents, ratings, scope, policy).map((problem) => problem.message);
}
