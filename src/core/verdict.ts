/**
 * The verdict: every rule's findings, given severities by the policy, plus the data issues.
 * (Interface fixed here; the rules themselves live in rules.ts.)
 */
import type { Policy } from './policy';
import type { CriterionResult, IsoDate, Issue, OrgRecords, RatedLevel, Reason } from './types';

/** The yearly figures the summary shows. Shares are fractions 0–1, unrounded; null when not computable. */
export interface OrgStats {
  /** Counts of rated members (chi bộ) or subordinate chi bộ (đảng bộ), by level; KXL counted apart. */
  ratingCounts: Record<RatedLevel | 'KXL' | 'missing', number>;
  /** Share of rated entries at HTNV or above. */
  completedShare: number | null;
  /** Share of rated entries at HTTNV or above. */
  goodShare: number | null;
  /** HTXSNV ÷ (HTTNV or above). */
  excellentShare: number | null;
  /** C / (C + P + K), from the Điểm danh matrix or, without it, the Sinh hoạt counts. */
  attendanceRate: number | null;
  attendanceSource: 'matrix' | 'meetings' | null;
  /** Meetings dated inside the evaluation year, by kind. */
  meetingCounts: { regular: number; thematic: number; combined: number; total: number };
  /** Longest run of consecutive absences of any member. */
  longestAbsenceStreak: number | null;
  membersDisciplined: number;
}

export interface Evaluation {
  eligible: boolean;
  criteria: CriterionResult[];
  reasons: Reason[];
  stats: OrgStats;
}

export interface EvaluateInput {
  records: OrgRecords;
  /** Data issues found while reading; any error adds DATA_INVALID. */
  issues: readonly Issue[];
  policy: Policy;
  asOf: IsoDate;
}
