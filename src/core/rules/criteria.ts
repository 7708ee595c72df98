/** The criteria rules (criteria.ts computes the percents and findings once per context). */
import { contextCriteria, type RuleContext } from '../figures';
import type { Finding } from '../types';
import type { Rule } from './findings';

function criterionFindings(ctx: RuleContext, code: 'CRITERION_LOW' | 'CRITERION_MISSING'): Finding[] {
  return contextCriteria(ctx).findings.filter((f) => f.code === code);
}

/** CRITERION_LOW: each of 1.1–1.4 at or above criterionMinPercent. */
export const ruleCriterionLow: Rule = (ctx) => criterionFindings(ctx, 'CRITERION_LOW');

/** CRITERION_MISSING: each of 1.1–1.4 has at least one scored row. */
export const ruleCriterionMissing: Rule = (ctx) => criterionFindings(ctx, 'CRITERION_MISSING');
