/**
 * The four criteria (SPEC §1) scored on the `Tiêu chí` sheet (SPEC §2): a criterion's percent sums
 * its leaf rows — rows under it with no sub-items of their own — or its own row when it has none.
 */
import type { Policy } from './policy';
import { percentOf } from './percent';
import { SHEET_NAMES } from './sheets';
import { msg, ref } from './messages';
import { CRITERION_IDS, type CriterionId, type CriterionResult, type CriterionRow, type Finding } from './types';

export const CRITERION_LABELS: Record<CriterionId, string> = {
  '1.1': 'Hoàn thành tốt nhiệm vụ chính trị',
  '1.2': 'Chất lượng sinh hoạt tốt',
  '1.3': 'Đoàn kết, kỷ luật tốt',
  '1.4': 'Cán bộ, đảng viên tốt',
};

/**
 * 100 × Σ scores / Σ maxima (NaN when the maxima sum to 0: the caller decides what that means;
 * NaN too when a sum passes the largest number, about 1.8e308).
 */
export function criterionPercent(scores: readonly number[], maxima: readonly number[]): number {
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  return percentOf(sum(scores), sum(maxima)) ?? Number.NaN;
}

/** "1.2.3" → ["1", "2", "3"]; trims, drops a trailing dot and empty segments ("1.2." → ["1", "2"]). */
export function codeSegments(code: string): string[] {
  return code
    .trim()
    .split('.')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The criterion a code belongs to ("1.2.3" → "1.2"), or null for codes outside 1.1–1.4. */
export function criterionOf(code: string): CriterionId | null {
  const segments = codeSegments(code);
  if (segments.length < 2) return null;
  const id = `${segments[0]}.${segments[1]}`;
  return (CRITERION_IDS as readonly string[]).includes(id) ? (id as CriterionId) : null;
}

function isUnder(code: string[], ancestor: string[]): boolean {
  return code.length > ancestor.length && ancestor.every((part, i) => code[i] === part);
}

export interface CriterionDetail {
  id: CriterionId;
  /** The rows whose points count (leaf rows with a maximum). */
  rows: CriterionRow[];
  selfTotal: number;
  maxTotal: number;
  percent: number | null;
  /** The criterion's own row ("1.2"), when the sheet has one. */
  ownRow: CriterionRow | null;
  /** The first invalid point cell among the criterion's rows: its percent is then not computed (null). */
  invalidCell: string | null;
}

/** The counted rows and totals of each criterion, in 1.1–1.4 order. */
export function criterionDetails(rows: readonly CriterionRow[]): CriterionDetail[] {
  const coded = rows.map((row) => ({ row, segments: codeSegments(row.code), id: criterionOf(row.code) }));
  return CRITERION_IDS.map((id) => {
    const mine = coded.filter((entry) => entry.id === id);
    const ownRow = mine.find((entry) => entry.segments.length === 2)?.row ?? null;
    const leaves = mine.filter((entry) => !mine.some((other) => isUnder(other.segments, entry.segments)));
    const counted = leaves.filter((entry) => entry.row.maxPoints !== null).map((entry) => entry.row);
    const maxTotal = counted.reduce((total, row) => total + (row.maxPoints ?? 0), 0);
    const selfTotal = counted.reduce((total, row) => total + (row.selfPoints ?? 0), 0);
    // A bad point cell anywhere under the criterion: any percent would be one nobody scored.
    const invalidCell = mine.find((entry) => entry.row.invalidCell !== undefined)?.row.invalidCell ?? null;
    const percent = invalidCell === null ? percentOf(selfTotal, maxTotal) : null;
    return { id, rows: counted, selfTotal, maxTotal, percent, ownRow, invalidCell };
  });
}

/** How a criterion that cannot be computed is shown: "chưa tính được — sửa trang Tiêu chí, ô D8". */
export function uncomputedCriterionText(at: { sheet: string; cell: string }): string {
  return `chưa tính được — sửa trang ${at.sheet}, ô ${at.cell}`;
}

/**
 * Each criterion's percent, pass mark and findings: CRITERION_MISSING when it has no scored row
 * (no row with a maximum above 0), CRITERION_LOW when it is below the policy's minimum. The
 * finding points at the criterion's own code cell when that row exists, else at no cell.
 */
export function criterionResults(
  rows: readonly CriterionRow[],
  policy: Policy,
  sheet: string = SHEET_NAMES.criteria,
): { results: CriterionResult[]; findings: Finding[] } {
  const results: CriterionResult[] = [];
  const findings: Finding[] = [];
  const minimum = policy.criterionMinPercent;
  for (const detail of criterionDetails(rows)) {
    if (detail.invalidCell !== null) {
      // Not computed: the data issue at that cell says what to fix; no CRITERION_LOW or _MISSING (SPEC §3).
      results.push({ id: detail.id, percent: null, pass: null, invalidAt: { sheet, cell: detail.invalidCell } });
      continue;
    }
    const pass = detail.percent !== null && detail.percent >= minimum;
    results.push({ id: detail.id, percent: detail.percent, pass });
    const cell = detail.ownRow?.codeCell ?? null;
    const params = { id: detail.id, label: ref(`criterion.${detail.id}`), minimum: { pct: minimum } };
    if (detail.percent === null) {
      const message = msg('CRITERION_MISSING', params);
      findings.push({ code: 'CRITERION_MISSING', sheet, cell, message: message.message, text: message.text });
    } else if (!pass) {
      const message = msg('CRITERION_LOW', { ...params, percent: { pct: detail.percent }, self: detail.selfTotal, max: detail.maxTotal });
      findings.push({ code: 'CRITERION_LOW', sheet, cell, message: message.message, text: message.text });
    }
  }
  return { results, findings };
}
