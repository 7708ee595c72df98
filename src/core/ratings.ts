/**
 * Shares of rating levels (SPEC §1): "Không xếp loại" (KXL) and blanks are left out of every
 * denominator; blanks are counted apart as `missing`.
 */
import { shareOf } from './percent';
import type { RatedLevel, RatingLevel } from './types';
import { RATING_RANK } from './vocabulary';

/** Counts of rated entries by level; KXL and blanks (`missing`) counted apart. */
export type RatingCounts = Record<RatedLevel | 'KXL' | 'missing', number>;

export function countRatings(levels: readonly (RatingLevel | null)[]): RatingCounts {
  const counts: RatingCounts = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0, KXL: 0, missing: 0 };
  // Indexed: a for…of allocates an iterator result per level until V8 optimises the loop.
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] as RatingLevel | null;
    if (level === null) counts.missing += 1;
    else counts[level] += 1;
  }
  return counts;
}

/** Entries with a rated level (KXL and blanks excluded). */
export function ratedTotal(counts: RatingCounts): number {
  return counts.HTXSNV + counts.HTTNV + counts.HTNV + counts.KHTNV;
}

/** Rated entries at or above a level. */
export function countAtLeast(counts: RatingCounts, floor: RatedLevel): number {
  const levels: RatedLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
  return levels.filter((level) => RATING_RANK[level] >= RATING_RANK[floor]).reduce((total, level) => total + counts[level], 0);
}

export function ratingShares(levels: readonly (RatingLevel | null)[]): {
  counts: RatingCounts;
  completedShare: number | null;
  goodShare: number | null;
  excellentShare: number | null;
} {
  const counts = countRatings(levels);
  const rated = ratedTotal(counts);
  return {
    counts,
    completedShare: shareOf(countAtLeast(counts, 'HTNV'), rated),
    goodShare: shareOf(countAtLeast(counts, 'HTTNV'), rated),
    excellentShare: shareOf(counts.HTXSNV, countAtLeast(counts, 'HTTNV')),
  };
}

/** Share (fraction) of rated entries at or above `floor`; null when none is rated. */
export function shareAtLeast(levels: readonly (RatingLevel | null)[], floor: RatedLevel): number | null {
  const counts = countRatings(levels);
  return shareOf(countAtLeast(counts, floor), ratedTotal(counts));
}
