/**
 * The workbook reader takes the English rating names the English pane and CLI tell a clerk to type
 * ("Tasks completed well", "Not rated" …) as it takes the Vietnamese ones (issue #20): the same
 * check, the same verdict, no data issue.
 */
import { RATING_LABELS, RATING_NAMES_EN } from '../../src/core/vocabulary';
import type { RatingLevel } from '../../src/core/types';
import { checkWorkbook } from '../../src/workbook/check';
import { AS_OF, validChiBo } from './grids';

const LEVEL_OF = new Map<string, RatingLevel>(Object.entries(RATING_LABELS).map(([level, label]) => [label, level as RatingLevel]));

/** The fixture's ratings written as an English-speaking clerk might (case and spaces loose). */
function inEnglish(rating: unknown, index: number): unknown {
  const level = typeof rating === 'string' ? LEVEL_OF.get(rating) : undefined;
  if (!level) return rating;
  const name = RATING_NAMES_EN[level];
  return index % 2 === 0 ? name.toUpperCase() : `  ${name.replace(' ', '  ')} `;
}

describe('a chi bộ workbook rated with the English names', () => {
  it('reads every English name and gives the same result as the Vietnamese labels', () => {
    const vietnamese = checkWorkbook(validChiBo(), { asOf: AS_OF });
    let replaced = 0;
    const english = checkWorkbook(
      validChiBo((spec) => {
        spec.members = spec.members.map((member, index) => {
          const rating = inEnglish(member.rating, index);
          if (rating !== member.rating) replaced += 1;
          return { ...member, rating: rating as typeof member.rating };
        });
      }),
      { asOf: AS_OF },
    );
    expect(replaced).toBe(12);
    expect(english.issues).toEqual(vietnamese.issues);
    expect(english.eligible).toBe(vietnamese.eligible);
    expect(english.reasons.map((r) => r.code)).toEqual(vietnamese.reasons.map((r) => r.code));
  });

  it('counts "Tasks not completed" as KHTNV, never as "Tasks completed", and "Not rated" as KXL', () => {
    const result = checkWorkbook(
      validChiBo((spec) => {
        spec.members[0] = { ...spec.members[0]!, rating: 'Tasks not completed' };
        spec.members[1] = { ...spec.members[1]!, rating: 'not rated' };
      }),
      { asOf: AS_OF },
    );
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.reasons.map((r) => r.code)).toContain('RATING_NOT_COMPLETED');
    // "Not rated" without a reason in Ghi chú: the same warning as "Không xếp loại".
    expect(result.issues.map((issue) => issue.code)).toContain('KXL_UNEXPLAINED');
  });
});
