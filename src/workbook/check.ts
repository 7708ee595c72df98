/**
 * The check of one workbook: grids → records and issues (reader) → policy (given, else the
 * workbook's `Cấu hình`, else the seed's defaults) → the verdict (core evaluate) → CheckResult.
 */
import { todayIso } from '../core/dates';
import { msg, ref } from '../core/messages';
import { defaultPolicy, policyFromEntries, type Policy } from '../core/policy';
import type { Issue } from '../core/types';
import { evaluate } from '../core/verdict';
import { ORG_TYPE_LABELS } from '../core/vocabulary';
import { readWorkbook, plainEntries, type ReadResult } from './read';
import { SHEET_NAMES } from './layout/template';
import type { CheckOptions, CheckResult, SheetGrid } from './types';

export interface PolicyChoice {
  policy: Policy;
  source: CheckResult['policySource'];
  /** One error per invalid setting of the workbook's policy (then the defaults are used). */
  issues: Issue[];
}

/** The policy a check uses: the given one, else the workbook's (when valid), else the defaults. */
export function choosePolicy(read: Pick<ReadResult, 'policyEntries' | 'policySheet'>, given?: Policy): PolicyChoice {
  if (given) return { policy: given, source: 'given', issues: [] };
  if (read.policyEntries === null) return { policy: defaultPolicy(), source: 'default', issues: [] };
  const parsed = policyFromEntries(plainEntries(read.policyEntries));
  if (parsed.ok) return { policy: parsed.policy, source: 'workbook', issues: [] };
  const sheet = read.policySheet ?? SHEET_NAMES.policy;
  const issues: Issue[] = parsed.errors.map((error) => {
    const entry = read.policyEntries?.find((e) => e.key.trim() === error.key);
    // Every policy error names its setting by key; one that does not is prefixed with it.
    const problem = error.message.includes(error.key) ? error.text : ref('policy.workbookInvalidSetting', { key: error.key, message: error.text });
    const { message, text } = msg('policy.workbookInvalid', { message: problem });
    return { severity: 'error', sheet, cell: entry?.cell ?? null, code: 'VALUE_INVALID', message, text };
  });
  return { policy: defaultPolicy(), source: 'default', issues };
}

/** Checks one workbook given as grids. Never throws on data. */
export function checkWorkbook(sheets: readonly SheetGrid[], options: CheckOptions = {}): CheckResult {
  const read = readWorkbook(sheets);
  const chosen = choosePolicy(read, options.policy);
  const issues = [...read.issues, ...chosen.issues];
  const asOf = options.asOf ?? todayIso();
  const evaluation = evaluate({ records: read.records, issues, policy: chosen.policy, asOf, sheetNames: read.sheetNames });
  const { info } = read.records;
  return {
    organization: { name: info.name, kind: info.kind, level: info.level, year: info.year },
    eligible: evaluation.eligible,
    criteria: evaluation.criteria,
    reasons: evaluation.reasons,
    issues,
    stats: evaluation.stats,
    policy: chosen.policy,
    policySource: chosen.source,
    asOf,
    info: {
      superior: info.superior,
      hasCommittee: info.hasCommittee,
      typeLabel: info.type ? ORG_TYPE_LABELS[info.type] : null,
    },
  };
}
