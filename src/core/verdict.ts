/**
 * The verdict: every rule's findings, given severities by the policy, plus the data issues.
 * (Interface fixed here; the rules live in rules/, the figures they share in figures.ts.)
 */
import { msg } from './messages';
import './messages/viRules';
import type { Policy } from './policy';
import { contextCriteria, orgStats, rowOfCell, ruleContext, type OrgStats, type RuleContext } from './figures';
import { RULES, runRules } from './rules';
import { SHEET_ORDER, type SheetId } from './sheets';
import type { CriterionResult, Finding, IsoDate, Issue, OrgRecords, Reason, ReasonCode } from './types';

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

export type { OrgStats };

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
