/** The rating rules: shares of rated members or subordinate chi bộ, blanks, and the HTXSNV cap. */
import { isChiBo, isDangBo, memberRatings, ratedEntries, subordinateRatings, type RatedEntry } from '../figures';
import { msg, ref, type MessageParam, type MessageRef } from '../messages';
import { percentOf } from '../percent';
import { countAtLeast, countRatings } from '../ratings';
import { ratingShareProblems, type RecognitionScope } from '../recognition';
import type { Finding, Member, RatingLevel, ReasonCode } from '../types';
import { RATING_RANK } from '../vocabulary';
import { found, listNames, subordinateName, type Rule } from './findings';

function below(entries: readonly RatedEntry[], floor: 'HTNV' | 'HTTNV', scope: RecognitionScope): MessageParam[] {
  return entries
    .filter((e) => e.rating !== null && e.rating !== 'KXL' && RATING_RANK[e.rating] < RATING_RANK[floor])
    .map((e) => ref(scope === 'members' ? 'member.rated' : 'cell.rated', { name: e.name, rating: ref(`rating.${e.rating ?? 'KXL'}`) }));
}

function shareRule(scope: RecognitionScope, which: 'completed' | 'good', code: ReasonCode): Rule {
  return (ctx) => {
    const rated = ratedEntries(ctx, scope);
    if (rated === null || !rated.sharesComputable) return [];
    const problem = ratingShareProblems(rated.levels, scope, ctx.policy)[which];
    if (problem === null) return [];
    const names = below(rated.entries, which === 'completed' ? 'HTNV' : 'HTTNV', scope);
    const message = names.length > 0 ? msg('shares.below', { problem: problem.text, names: listNames(names) }) : problem;
    return [found(code, scope === 'members' ? ctx.sheets.members : ctx.sheets.subordinates, null, message)];
  };
}

/** RATING_NOT_COMPLETED (chi bộ): ratingCompletedMinPercent of rated members at HTNV or above. */
export const ruleRatingNotCompleted: Rule = shareRule('members', 'completed', 'RATING_NOT_COMPLETED');
/** RATING_GOOD_SHARE_LOW (chi bộ): ratingGoodMinPercent of rated members at HTTNV or above. */
export const ruleRatingGoodShareLow: Rule = shareRule('members', 'good', 'RATING_GOOD_SHARE_LOW');
/** CELL_NOT_COMPLETED (đảng bộ): ratingCompletedMinPercent of rated subordinate chi bộ at HTNV or above. */
export const ruleCellNotCompleted: Rule = shareRule('cells', 'completed', 'CELL_NOT_COMPLETED');
/** CELL_GOOD_SHARE_LOW (đảng bộ): ratingGoodMinPercent of rated subordinate chi bộ at HTTNV or above. */
export const ruleCellGoodShareLow: Rule = shareRule('cells', 'good', 'CELL_GOOD_SHARE_LOW');

/**
 * RATING_MISSING: every member not exempt (chi bộ) or every subordinate chi bộ (đảng bộ) has a
 * rating or "Không xếp loại" — one finding per blank rating cell — and at least one is rated.
 */
export const ruleRatingMissing: Rule = (ctx) => {
  const findings: Finding[] = [];
  let levels: (RatingLevel | null)[];
  let sheet: string;
  let noun: MessageRef;
  let unreadable: boolean;
  if (isChiBo(ctx) && ctx.records.members !== null) {
    sheet = ctx.sheets.members;
    noun = ref('noun.members');
    const members = ctx.records.members;
    for (let i = 0; i < members.length; i++) {
      const member = members[i] as Member;
      // An unreadable rating is already a data error (VALUE_INVALID); it is not also "missing". A
      // member who transferred out is not rated here; one whose exemption is unreadable may be exempt.
      if (member.exempt || member.rating !== null || member.ratingUnreadable || member.transferred === true || member.exemptUnreadable === true)
        continue;
      findings.push(found('RATING_MISSING', sheet, member.ratingCell, msg('RATING_MISSING.member', { name: member.name, kxl: ref('rating.KXL') })));
    }
    const rated = memberRatings(ctx);
    unreadable = !rated.sharesComputable;
    levels = rated.levels;
  } else if (isDangBo(ctx) && ctx.records.subordinates !== null) {
    sheet = ctx.sheets.subordinates;
    noun = ref('noun.cells');
    for (const cell of ctx.records.subordinates) {
      if (cell.rating !== null || cell.ratingUnreadable) continue;
      findings.push(
        found('RATING_MISSING', sheet, cell.ratingCell, msg('RATING_MISSING.cell', { cell: subordinateName(cell.name), kxl: ref('rating.KXL') })),
      );
    }
    const rated = subordinateRatings(ctx);
    levels = rated.levels;
    unreadable = !rated.sharesComputable;
  } else {
    return [];
  }
  const counts = countRatings(levels);
  // With an unreadable rating, "none is rated" may be false: the data issue says what to fix.
  if (!unreadable && counts.HTXSNV + counts.HTTNV + counts.HTNV + counts.KHTNV === 0) {
    findings.push(found('RATING_MISSING', sheet, null, msg('RATING_MISSING.none', { noun, kxl: ref('rating.KXL') })));
  }
  return findings;
};

/** EXCELLENT_CAP: HTXSNV at most excellentCapPercent of those rated HTTNV or higher (members or subordinate chi bộ). */
export const ruleExcellentCap: Rule = (ctx) => {
  const scope: RecognitionScope | null = isChiBo(ctx) ? 'members' : isDangBo(ctx) ? 'cells' : null;
  const rated = scope === null ? null : ratedEntries(ctx, scope);
  if (scope === null || rated === null || !rated.sharesComputable) return [];
  const counts = countRatings(rated.levels);
  const good = countAtLeast(counts, 'HTTNV');
  const percent = percentOf(counts.HTXSNV, good);
  const cap = ctx.policy.excellentCapPercent;
  if (percent === null || percent <= cap) return [];
  const noun = ref(scope === 'members' ? 'noun.members' : 'noun.cells');
  return [
    found(
      'EXCELLENT_CAP',
      scope === 'members' ? ctx.sheets.members : ctx.sheets.subordinates,
      null,
      msg('EXCELLENT_CAP', {
        noun,
        excellent: ref('rating.HTXSNV'),
        good: ref('rating.HTTNV'),
        percent: { pct: percent },
        count: counts.HTXSNV,
        total: good,
        cap: { pct: cap },
      }),
    ),
  ];
};
