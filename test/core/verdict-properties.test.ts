/**
 * Whole-verdict properties: every reason code can be produced, and evaluate never throws on any
 * records the reader may produce (blank fields, odd dates, empty sheets).
 */
import fc from 'fast-check';
import { evaluate } from '../../src/core/verdict';
import { REASON_CODES, type AttendanceMark, type MeetingKind, type OrgRecords, type RatingLevel, type SelfAssessment } from '../../src/core/types';
import { toIsoDate } from '../../src/core/dates';
import { AFTER_YEAR, chiBo, criteria, dangBo, matrix, meeting, member, membersRated, policy, subordinatesRated } from './fixtures';

describe('every reason code of SPEC §1', () => {
  it('is produced by a bad chi bộ or a bad đảng bộ', () => {
    const badChiBo = chiBo({
      info: { minutesBookStamped: false },
      criteria: criteria({ '1.1': [[10, 100]], '1.2': [] }),
      members: [...membersRated(['HTXSNV', 'HTXSNV', 'HTNV', 'KHTNV']), member(6, { rating: null, discipline: 'Khiển trách' })],
      meetings: [
        meeting(2, { date: '2025-01-10', kind: 'regular', speakers: 0, minutes: 10, chairSigned: false, selfAssessment: null }),
        meeting(3, { date: '2025-02-10', kind: 'regular', selfAssessment: 'kem', present: 8, excused: 2 }),
      ],
      attendance: matrix(['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10'], [{ name: 'A', marks: 'KPPP' }]),
    });
    const badDangBo = dangBo({ subordinates: subordinatesRated(['HTXSNV', 'HTNV', 'KHTNV']) });
    const issues = [{ severity: 'error' as const, sheet: 'Sinh hoạt', cell: 'B2', code: 'DATE_INVALID' as const, message: 'x' }];
    const produced = new Set([
      ...evaluate({ records: badChiBo, issues, policy: policy(), asOf: AFTER_YEAR }).reasons.map((r) => r.code),
      ...evaluate({ records: badDangBo, issues: [], policy: policy(), asOf: AFTER_YEAR }).reasons.map((r) => r.code),
      // Checked before the year is over.
      ...evaluate({ records: badDangBo, issues: [], policy: policy(), asOf: '2025-11-30' }).reasons.map((r) => r.code),
    ]);
    expect([...REASON_CODES].filter((code) => !produced.has(code))).toEqual([]);
  });
});

const arbRating = fc.constantFrom<RatingLevel | null>('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'KXL', null);
const arbMark = fc.constantFrom<AttendanceMark | null>('C', 'P', 'K', 'M', 'D', null);
const arbDate = fc.option(
  fc
    .record({ year: fc.integer({ min: 2024, max: 2026 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => toIsoDate(year, month, day)),
);
const arbCount = fc.option(fc.integer({ min: 0, max: 40 }));
const arbMeeting = fc.record({
  date: arbDate,
  kind: fc.option(fc.constantFrom<MeetingKind>('regular', 'thematic', 'combined')),
  members: arbCount,
  present: arbCount,
  excused: fc.integer({ min: 0, max: 5 }),
  unexcused: fc.integer({ min: 0, max: 5 }),
  speakers: arbCount,
  minutes: fc.option(fc.integer({ min: 0, max: 200 })),
  chairSigned: fc.boolean(),
  secretarySigned: fc.boolean(),
  selfAssessment: fc.option(fc.constantFrom<SelfAssessment>('tot', 'kha', 'trung-binh', 'kem', 'dat', 'khong-dat')),
});

const arbRecords: fc.Arbitrary<OrgRecords> = fc
  .record({
    kind: fc.constantFrom('chi-bo' as const, 'dang-bo' as const, null),
    year: fc.option(fc.constantFrom(2024, 2025)),
    stamped: fc.option(fc.boolean()),
    members: fc.option(fc.array(fc.record({ rating: arbRating, exempt: fc.boolean(), disciplined: fc.boolean() }), { maxLength: 8 })),
    meetings: fc.option(fc.array(arbMeeting, { maxLength: 14 })),
    matrixDates: fc.option(
      fc.array(
        arbDate.map((d) => d ?? '2025-06-15'),
        { maxLength: 8 },
      ),
    ),
    markRows: fc.array(fc.array(arbMark, { minLength: 8, maxLength: 8 }), { maxLength: 5 }),
    subordinates: fc.option(fc.array(arbRating, { maxLength: 6 })),
    leaves: fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 10 })), fc.option(fc.integer({ min: 0, max: 10 }))), { maxLength: 3 }),
  })
  .map((g) => ({
    info: { ...chiBo().info, kind: g.kind, year: g.year, minutesBookStamped: g.stamped },
    members:
      g.members?.map((m, i) => member(i + 2, { rating: m.rating, exempt: m.exempt, discipline: m.disciplined ? 'Khiển trách' : null })) ?? null,
    meetings: g.meetings?.map((m, i) => meeting(i + 2, m)) ?? null,
    attendance:
      g.matrixDates === null
        ? null
        : matrix(
            g.matrixDates,
            g.markRows.map((row, i) => ({
              name: `M${i}`,
              marks: row
                .slice(0, g.matrixDates?.length ?? 0)
                .map((m) => m ?? '.')
                .join(''),
            })),
          ),
    criteria: criteria({ '1.1': g.leaves, '1.3': g.leaves }),
    subordinates: g.subordinates ? subordinatesRated(g.subordinates) : null,
  }));

describe('evaluate on any records', () => {
  it('never throws, lists 1.1–1.4, and is eligible exactly when no reason blocks', () => {
    fc.assert(
      fc.property(arbRecords, fc.constantFrom('2025-03-31', '2025-12-31', '2026-03-01'), (records, asOf) => {
        const result = evaluate({ records, issues: [], policy: policy(), asOf });
        expect(result.criteria.map((c) => c.id)).toEqual(['1.1', '1.2', '1.3', '1.4']);
        expect(result.eligible).toBe(!result.reasons.some((r) => r.severity === 'block'));
        for (const reason of result.reasons) {
          expect(REASON_CODES).toContain(reason.code);
          expect(reason.message.length).toBeGreaterThan(10);
        }
        const rate = result.stats.attendanceRate;
        expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
