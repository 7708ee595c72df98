/**
 * The verdict: every rule's findings, given severities by the policy, plus the data issues.
 * (Interface fixed here; the rules themselves live in rules.ts.)
 */
import { msg } from './messages';
import './messages/viRules';
import type { Policy } from './policy';
import { ratingShares } from './ratings';
import {
  attendanceFigures,
  contextCriteria,
  effectiveKind,
  meetingsInYear,
  matrixAbsences,
  memberLevels,
  ratedMembers,
  rowOfCell,
  ruleContext,
  runRules,
  RULES,
  type RuleContext,
} from './rules';
import { meetingSessions } from './sessions';
import { SHEET_ORDER, type SheetId } from './sheets';
import type { CriterionResult, Finding, IsoDate, Issue, OrgRecords, RatedLevel, Reason, ReasonCode } from './types';

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
  /** Meetings dated inside the evaluation year, by kind; a same-day pair of rows is one combined meeting. */
  meetingCounts: { regular: number; thematic: number; combined: number; total: number };
  /** Longest run of consecutive absences of any member. */
  longestAbsenceStreak: number | null;
  membersDisciplined: number;
  /** Set when an unreadable rating leaves the shares uncomputed (shown "chưa tính được", not "—"). */
  sharesUncomputed?: true;
  /** Set when an unreadable mark, count or exemption leaves the attendance rate uncomputed. */
  attendanceUncomputed?: true;
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
  /** The sheet names as the workbook spells them, so reasons select the right tab (default: the template's names). */
  sheetNames?: Partial<Record<SheetId, string>>;
}

// ---------------------------------------------------------------- evaluate

/** The yearly figures of the summary. */
export function orgStats(ctx: RuleContext): OrgStats {
  const { records } = ctx;
  const kind = effectiveKind(records);
  // The rated members' levels are memberLevels(records) (computed once per context for a chi bộ).
  const levels = kind === 'dang-bo' ? (records.subordinates ?? []).map((s) => s.rating) : (ratedMembers(ctx)?.levels ?? memberLevels(records));
  const shares = ratingShares(levels);
  // An unreadable rating leaves the shares uncomputed (SPEC §3): the summary shows "chưa tính được".
  const sharesComputable =
    kind === 'dang-bo' ? !(records.subordinates ?? []).some((s) => s.ratingUnreadable === true) : (ratedMembers(ctx)?.sharesComputable ?? true);
  const figures = attendanceFigures(ctx);
  const streak = matrixAbsences(ctx)?.tally.longest ?? null;
  // A same-day Thường kỳ + Chuyên đề pair is one combined session in the statistics.
  const inYear = meetingSessions(meetingsInYear(records, ctx.year));
  const byKind = (k: 'regular' | 'thematic' | 'combined'): number => inYear.filter((m) => m.kind === k).length;
  return {
    ratingCounts: shares.counts,
    completedShare: sharesComputable ? shares.completedShare : null,
    goodShare: sharesComputable ? shares.goodShare : null,
    excellentShare: sharesComputable ? shares.excellentShare : null,
    attendanceRate: figures?.rate ?? null,
    attendanceSource: figures && figures.rate !== null ? figures.source : null,
    meetingCounts: { regular: byKind('regular'), thematic: byKind('thematic'), combined: byKind('combined'), total: inYear.length },
    longestAbsenceStreak: streak,
    membersDisciplined: (records.members ?? []).filter((m) => m.discipline !== null).length,
    ...(sharesComputable ? {} : { sharesUncomputed: true as const }),
    ...(figures !== null && figures.rate === null && figures.required > 0 ? { attendanceUncomputed: true as const } : {}),
  };
}

const CODE_ORDER: readonly ReasonCode[] = ['DATA_INVALID', ...RULES.map((rule) => rule.code)];

function columnOfCell(cell: string | null): number {
  const match = cell === null ? null : /^\$?([A-Za-z]{1,3})/.exec(cell.trim());
  if (!match) return -1;
  let n = 0;
  for (const ch of (match[1] as string).toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Reasons by rule, then by sheet (template order), row and column; findings without a cell keep their order first. */
function sortFindings(findings: readonly Finding[], ctx: RuleContext): Finding[] {
  const sheetRank = (sheet: string | null): number => {
    if (sheet === null) return -1;
    if (ctx.records.attendance && sheet === ctx.records.attendance.sheet) return SHEET_ORDER.indexOf('attendance');
    const id = SHEET_ORDER.find((key) => ctx.sheets[key] === sheet);
    return id === undefined ? SHEET_ORDER.length : SHEET_ORDER.indexOf(id);
  };
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const fa = a.finding;
      const fb = b.finding;
      return (
        CODE_ORDER.indexOf(fa.code) - CODE_ORDER.indexOf(fb.code) ||
        sheetRank(fa.sheet) - sheetRank(fb.sheet) ||
        (rowOfCell(fa.cell) ?? -1) - (rowOfCell(fb.cell) ?? -1) ||
        columnOfCell(fa.cell) - columnOfCell(fb.cell) ||
        a.index - b.index
      );
    })
    .map(({ finding }) => finding);
}

/**
 * The verdict: every rule's findings with the policy's severity (unless the rule set its own),
 * one DATA_INVALID reason when any data issue is an error, and eligible when no reason blocks.
 */
export function evaluate(input: EvaluateInput): Evaluation {
  const ctx = ruleContext(input.records, input.policy, input.asOf, input.sheetNames);
  const findings = runRules(ctx);
  const errors = input.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    const sheets = [...new Set(errors.map((issue) => issue.sheet))];
    const message = msg('DATA_INVALID', { count: errors.length, sheets: { list: sheets } });
    findings.push({ code: 'DATA_INVALID', sheet: null, cell: null, message: message.message, text: message.text });
  }
  const reasons = sortFindings(findings, ctx).map((finding) => ({
    code: finding.code,
    severity: finding.severity ?? input.policy.severity[finding.code],
    message: finding.message,
    ...(finding.text === undefined ? {} : { text: finding.text }),
    sheet: finding.sheet,
    cell: finding.cell,
  }));
  return {
    eligible: !reasons.some((reason) => reason.severity === 'block'),
    criteria: contextCriteria(ctx).results,
    reasons,
    stats: orgStats(ctx),
  };
}
