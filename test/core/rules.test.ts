/**
 * One describe per rule of SPEC §1, table-driven with the boundaries.
 *
 * Reason code → the test that produces it ("describe › it"):
 *   CRITERION_LOW            rules.test.ts  "CRITERION_LOW › 95% passes and 94.9% fails (%#)"
 *   CRITERION_MISSING        rules.test.ts  "CRITERION_MISSING › a criterion without a scored row, at its own row"
 *   RATING_NOT_COMPLETED     rules.test.ts  "RATING_NOT_COMPLETED › one member below HTNV fails, with the names"
 *   RATING_GOOD_SHARE_LOW    rules.test.ts  "RATING_GOOD_SHARE_LOW › 80% passes and 79.9% fails (%#)"
 *   CELL_NOT_COMPLETED       rules.test.ts  "CELL_NOT_COMPLETED and CELL_GOOD_SHARE_LOW › a subordinate chi bộ below HTNV"
 *   CELL_GOOD_SHARE_LOW      rules.test.ts  "CELL_NOT_COMPLETED and CELL_GOOD_SHARE_LOW › 80% passes and 75% fails"
 *   RATING_MISSING           rules.test.ts  "RATING_MISSING › one finding per blank rating of a member who is not exempt"
 *   EXCELLENT_CAP            rules.test.ts  "EXCELLENT_CAP › 20% passes, above fails (%#)"
 *   ATTENDANCE_LOW           rules.test.ts  "ATTENDANCE_LOW › from the matrix: exactly 85% fails, just above passes"
 *   ABSENCE_UNEXCUSED        rules.test.ts  "ABSENCE_UNEXCUSED › one finding per K mark, at its matrix cell"
 *   ABSENCE_STREAK           rules.test.ts  "ABSENCE_STREAK › 3 consecutive absences pass, 4 fail (%#)"
 *   SPEAKERS_LOW             rules.test.ts  "SPEAKERS_LOW › %p members, %p speakers → fails: %p"
 *   DURATION_SHORT           rules.test.ts  "DURATION_SHORT › %p members, %s, %p minutes → fails: %p"
 *   REGULAR_MONTH_MISSING    rules.test.ts  "REGULAR_MONTH_MISSING and THEMATIC_QUARTER_MISSING › as of %s: months %p, quarters %p missing"
 *   THEMATIC_QUARTER_MISSING rules.test.ts  (same test)
 *   MINUTES_UNSIGNED         rules.test.ts  "MINUTES_UNSIGNED › one finding per missing signature, at its cell"
 *   MINUTES_BOOK_UNSTAMPED   rules.test.ts  "MINUTES_BOOK_UNSTAMPED › Không gives a finding left to the policy"
 *                            rules.test.ts  "MINUTES_BOOK_UNSTAMPED › a missing or blank row is a warning"
 *   SELF_ASSESSMENT_MISSING  rules.test.ts  "SELF_ASSESSMENT_MISSING and MEETING_SELF_LOW › a blank self-assessment"
 *   MEETING_SELF_LOW         rules.test.ts  "SELF_ASSESSMENT_MISSING and MEETING_SELF_LOW › %s is low: %p"
 *   DISCIPLINE               rules.test.ts  "DISCIPLINE › one finding per disciplined member, in a chi bộ and in a đảng bộ"
 *   DATA_INVALID             verdict.test.ts "evaluate › adds one DATA_INVALID reason when an issue is an error"
 * All codes at once: verdict-properties.test.ts "every reason code of SPEC §1 › is produced by a bad chi bộ
 * or a bad đảng bộ" (fails if any code of REASON_CODES is never produced).
 */
import { render, type MessageRef } from '../../src/core/messages';
import { attendanceFigures, effectiveKind } from '../../src/core/figures';
import { RULES, ruleDiscipline, runRules } from '../../src/core/rules';
import { ruleAbsenceStreak, ruleAbsenceUnexcused, ruleAttendanceLow } from '../../src/core/rules/attendance';
import { ruleCriterionLow, ruleCriterionMissing } from '../../src/core/rules/criteria';
import { subordinateName, type Rule } from '../../src/core/rules/findings';
import {
  ruleDurationShort,
  ruleMeetingSelfLow,
  ruleMinutesBookUnstamped,
  ruleMinutesUnsigned,
  ruleRegularMonthMissing,
  ruleSelfAssessmentMissing,
  ruleSpeakersLow,
  ruleThematicQuarterMissing,
} from '../../src/core/rules/meetings';
import {
  ruleCellGoodShareLow,
  ruleCellNotCompleted,
  ruleExcellentCap,
  ruleRatingGoodShareLow,
  ruleRatingMissing,
  ruleRatingNotCompleted,
} from '../../src/core/rules/ratings';
import { REASON_CODES, type Finding, type MeetingKind, type OrgRecords, type RatingLevel, type SelfAssessment } from '../../src/core/types';
import {
  chiBo,
  criteria,
  criterionRow,
  ctx,
  dangBo,
  matrix,
  meeting,
  meetingsOn,
  member,
  membersRated,
  monthlyDates,
  monthlyMeetings,
  policy,
  repeat,
  subordinatesRated,
} from './fixtures';

const codes = (findings: readonly Finding[]): string[] => findings.map((f) => f.code);
const run = (rule: Rule, records: OrgRecords, options?: Parameters<typeof ctx>[1]): Finding[] => rule(ctx(records, options));
const levels = (...parts: [RatingLevel, number][]): RatingLevel[] => parts.flatMap(([level, n]) => repeat(level, n));

/** `total` marks of which `present` are C and the rest P, spread out so no streak forms. */
function spread(present: number, total: number): string {
  const marks = repeat('C', total);
  const absent = total - present;
  for (let i = 0; i < absent; i += 1) marks[Math.floor((i * total) / absent)] = 'P';
  return marks.join('');
}

describe('compliant organisations', () => {
  it('a compliant chi bộ gives no finding', () => {
    expect(runRules(ctx(chiBo()))).toEqual([]);
  });

  it('a compliant chi bộ with an attendance matrix gives no finding', () => {
    const records = chiBo({
      attendance: matrix(monthlyDates(), [
        { name: 'A', marks: 'CCCCCCCCCCCC' },
        { name: 'B', marks: 'CMMMMMMMMMDD' },
      ]),
    });
    expect(runRules(ctx(records))).toEqual([]);
  });

  it('a compliant đảng bộ gives no finding', () => {
    expect(runRules(ctx(dangBo()))).toEqual([]);
  });

  it('every rule is listed once, in the order of SPEC §1', () => {
    expect(RULES.map((r) => r.code)).toEqual(REASON_CODES.filter((code) => code !== 'DATA_INVALID'));
  });
});

describe('CRITERION_LOW', () => {
  it.each([
    [[[95, 100]], false],
    [[[949, 1000]], true],
    [[[19, 20]], false],
    [
      [
        [47, 50],
        [47.9, 50],
      ],
      true,
    ], // 94.9%
    [
      [
        [47, 50],
        [48, 50],
      ],
      false,
    ], // 95%
  ] as const)('95%% passes and 94.9%% fails (%#)', (leaves, fails) => {
    const findings = run(ruleCriterionLow, chiBo({ criteria: criteria({ '1.2': leaves }) }));
    expect(codes(findings)).toEqual(fails ? ['CRITERION_LOW'] : []);
    if (fails) expect(findings[0]).toMatchObject({ sheet: 'Tiêu chí', cell: 'A4' });
    if (fails) expect(findings[0]?.message).toContain('cần từ 95%');
  });

  it('applies to a đảng bộ as well', () => {
    expect(codes(run(ruleCriterionLow, dangBo({ criteria: criteria({ '1.1': [[0, 10]] }) })))).toEqual(['CRITERION_LOW']);
  });
});

describe('CRITERION_MISSING', () => {
  it('a criterion without a scored row, at its own row', () => {
    const rows = [...criteria({ '1.1': [] })];
    const findings = run(ruleCriterionMissing, chiBo({ criteria: rows }));
    expect(findings).toEqual([expect.objectContaining({ code: 'CRITERION_MISSING', sheet: 'Tiêu chí', cell: 'A2' })]);
  });

  it('every criterion when the sheet is absent, with no cell', () => {
    const findings = run(ruleCriterionMissing, chiBo({ criteria: null }));
    expect(findings.map((f) => [f.code, f.cell])).toEqual(repeat(['CRITERION_MISSING', null], 4));
    expect(run(ruleCriterionLow, chiBo({ criteria: null }))).toEqual([]);
  });

  it('a row with a blank self-score still counts as scored (0 points)', () => {
    const findings = runRules(ctx(chiBo({ criteria: [criterionRow(2, '1.1', 10, null), ...criteria().slice(2)] })));
    expect(codes(findings)).toEqual(['CRITERION_LOW']);
  });
});

describe('RATING_NOT_COMPLETED', () => {
  it('one member below HTNV fails, with the names', () => {
    const records = chiBo({ members: membersRated(levels(['HTTNV', 9], ['KHTNV', 1])) });
    const findings = run(ruleRatingNotCompleted, records);
    expect(findings).toEqual([expect.objectContaining({ code: 'RATING_NOT_COMPLETED', sheet: 'Đảng viên', cell: null })]);
    expect(findings[0]?.message).toContain('90%');
    expect(findings[0]?.message).toContain('9/10');
    expect(findings[0]?.message).toContain('100%');
    expect(findings[0]?.message).toContain('Dưới mức: đồng chí Đảng viên 10 (Không hoàn thành nhiệm vụ).');
  });

  it('leaves KXL, and blanks of exempt members, out of the share', () => {
    const members = [...membersRated(levels(['HTTNV', 5], ['KXL', 2])), member(9, { exempt: true, rating: null })];
    expect(run(ruleRatingNotCompleted, chiBo({ members }))).toEqual([]);
    expect(run(ruleRatingGoodShareLow, chiBo({ members }))).toEqual([]);
  });

  it('counts an exempt member who was rated', () => {
    const members = [...membersRated(levels(['HTTNV', 5])), member(7, { exempt: true, rating: 'KHTNV' })];
    expect(codes(run(ruleRatingNotCompleted, chiBo({ members })))).toEqual(['RATING_NOT_COMPLETED']);
  });

  it('follows the policy', () => {
    const records = chiBo({ members: membersRated(levels(['HTTNV', 9], ['KHTNV', 1])) });
    expect(run(ruleRatingNotCompleted, records, { policy: policy({ ratingCompletedMinPercent: 90 }) })).toEqual([]);
  });

  it('does not apply to a đảng bộ', () => {
    const records = dangBo({ members: membersRated(levels(['KHTNV', 3])) });
    expect(run(ruleRatingNotCompleted, records)).toEqual([]);
    expect(run(ruleRatingGoodShareLow, records)).toEqual([]);
  });
});

describe('RATING_GOOD_SHARE_LOW', () => {
  it.each([
    [levels(['HTTNV', 8], ['HTNV', 2]), false],
    [levels(['HTXSNV', 1], ['HTTNV', 3], ['HTNV', 1]), false],
    [levels(['HTTNV', 799], ['HTNV', 201]), true], // 79.9%
    [levels(['HTTNV', 800], ['HTNV', 200]), false], // 80%
    [levels(['HTTNV', 7], ['HTNV', 3]), true],
  ])('80%% passes and 79.9%% fails (%#)', (ratings, fails) => {
    const findings = run(ruleRatingGoodShareLow, chiBo({ members: membersRated(ratings) }));
    expect(codes(findings)).toEqual(fails ? ['RATING_GOOD_SHARE_LOW'] : []);
    if (fails) expect(findings[0]?.message).toContain('cần từ 80%');
  });
});

describe('CELL_NOT_COMPLETED and CELL_GOOD_SHARE_LOW', () => {
  it('a subordinate chi bộ below HTNV', () => {
    const records = dangBo({ subordinates: subordinatesRated(levels(['HTTNV', 4], ['KHTNV', 1])) });
    const findings = run(ruleCellNotCompleted, records);
    expect(findings).toEqual([expect.objectContaining({ code: 'CELL_NOT_COMPLETED', sheet: 'Chi bộ trực thuộc', cell: null })]);
    expect(findings[0]?.message).toContain('chi bộ trực thuộc');
    expect(findings[0]?.message).toContain('4/5');
  });

  it('80% passes and 75% fails', () => {
    const pass = dangBo({ subordinates: subordinatesRated(levels(['HTTNV', 4], ['HTNV', 1], ['KXL', 1])) });
    const fail = dangBo({ subordinates: subordinatesRated(levels(['HTTNV', 3], ['HTNV', 1])) });
    expect(run(ruleCellGoodShareLow, pass)).toEqual([]);
    expect(codes(run(ruleCellGoodShareLow, fail))).toEqual(['CELL_GOOD_SHARE_LOW']);
    expect(run(ruleCellGoodShareLow, fail)[0]?.message).toContain('75%');
  });

  it('does not apply to a chi bộ', () => {
    const records = chiBo({ subordinates: subordinatesRated(['KHTNV']) });
    expect(run(ruleCellNotCompleted, records)).toEqual([]);
    expect(run(ruleCellGoodShareLow, records)).toEqual([]);
  });
});

describe('RATING_MISSING', () => {
  it('one finding per blank rating of a member who is not exempt', () => {
    const members = [
      member(2),
      member(3, { rating: null }),
      member(4, { rating: null, exempt: true }),
      member(5, { rating: 'KXL' }),
      member(6, { rating: null }),
    ];
    const findings = run(ruleRatingMissing, chiBo({ members }));
    expect(findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['RATING_MISSING', 'Đảng viên', 'F3'],
      ['RATING_MISSING', 'Đảng viên', 'F6'],
    ]);
    expect(findings[0]?.message).toContain('Không xếp loại');
  });

  it('needs at least one rated member (KXL alone is not enough)', () => {
    const findings = run(ruleRatingMissing, chiBo({ members: membersRated(['KXL', 'KXL']) }));
    expect(findings).toEqual([expect.objectContaining({ code: 'RATING_MISSING', cell: null })]);
  });

  it('checks every subordinate chi bộ of a đảng bộ', () => {
    const findings = run(ruleRatingMissing, dangBo({ subordinates: subordinatesRated(['HTTNV', null, 'KXL']) }));
    expect(findings.map((f) => f.cell)).toEqual(['D3']);
    expect(run(ruleRatingMissing, dangBo({ subordinates: subordinatesRated([null]) })).map((f) => f.cell)).toEqual(['D2', null]);
  });

  it('says nothing about an absent sheet (the reader reports it)', () => {
    expect(run(ruleRatingMissing, chiBo({ members: null }))).toEqual([]);
    expect(run(ruleRatingMissing, dangBo({ subordinates: null }))).toEqual([]);
  });
});

describe('EXCELLENT_CAP', () => {
  it.each([
    [levels(['HTXSNV', 1], ['HTTNV', 4]), false], // 20%
    [levels(['HTXSNV', 2], ['HTTNV', 8], ['HTNV', 5]), false], // 20% of 10
    [levels(['HTXSNV', 3], ['HTTNV', 11]), true], // 21.4%
    [levels(['HTXSNV', 201], ['HTTNV', 799]), true], // 20.1%
    [levels(['HTXSNV', 1], ['HTNV', 4]), true], // 1 of 1 at HTTNV or above
    [levels(['HTNV', 4]), false], // no one at HTTNV or above
  ])('20%% passes, above fails (%#)', (ratings, fails) => {
    const findings = run(ruleExcellentCap, chiBo({ members: membersRated(ratings) }));
    expect(codes(findings)).toEqual(fails ? ['EXCELLENT_CAP'] : []);
    if (fails) expect(findings[0]).toMatchObject({ sheet: 'Đảng viên', cell: null });
    if (fails) expect(findings[0]?.message).toContain('20%');
  });

  it('applies to subordinate chi bộ of a đảng bộ', () => {
    const findings = run(ruleExcellentCap, dangBo({ subordinates: subordinatesRated(levels(['HTXSNV', 2], ['HTTNV', 3])) }));
    expect(findings).toEqual([expect.objectContaining({ code: 'EXCELLENT_CAP', sheet: 'Chi bộ trực thuộc' })]);
    expect(findings[0]?.message).toContain('40%');
  });
});

describe('ATTENDANCE_LOW', () => {
  const dates = Array.from({ length: 20 }, (_, i) => `2025-${String(Math.floor(i / 2) + 1).padStart(2, '0')}-${i % 2 ? '20' : '05'}`);

  it('from the matrix: exactly 85% fails, just above passes', () => {
    // 10 members × 20 meetings = 200 required marks
    const rows = (present: number): { name: string; marks: string }[] =>
      Array.from({ length: 10 }, (_, r) => ({ name: `M${r}`, marks: spread(r < present - 170 ? 18 : 17, 20) }));
    const at85 = chiBo({ attendance: matrix(dates, rows(170)) });
    const above = chiBo({ attendance: matrix(dates, rows(171)) });
    expect(attendanceFigures(ctx(at85))).toMatchObject({ source: 'matrix', present: 170, required: 200 });
    const findings = run(ruleAttendanceLow, at85);
    expect(findings).toEqual([expect.objectContaining({ code: 'ATTENDANCE_LOW', sheet: 'Điểm danh', cell: null })]);
    expect(findings[0]?.message).toContain('85%');
    expect(findings[0]?.message).toContain('170/200');
    expect(attendanceFigures(ctx(above))).toMatchObject({ present: 171, required: 200 });
    expect(run(ruleAttendanceLow, above)).toEqual([]);
  });

  it('leaves M, D and blanks out of the base', () => {
    const records = chiBo({
      attendance: matrix(dates.slice(0, 4), [
        { name: 'A', marks: 'CCCC' },
        { name: 'B', marks: 'MMDP' },
        { name: 'C', marks: '..CC' },
      ]),
    });
    expect(attendanceFigures(ctx(records))).toMatchObject({ present: 6, required: 7 });
  });

  it('from the Sinh hoạt counts without a matrix: exactly 85% fails, just above passes', () => {
    const at85 = chiBo({ meetings: monthlyMeetings(2025, { members: 20, present: 17, excused: 2, unexcused: 1, speakers: 5, minutes: 120 }) });
    const findings = run(ruleAttendanceLow, at85);
    expect(findings).toEqual([expect.objectContaining({ code: 'ATTENDANCE_LOW', sheet: 'Sinh hoạt', cell: null })]);
    expect(findings[0]?.message).toContain('204/240');
    const above = chiBo({ meetings: [meeting(2, { members: 200, present: 171, excused: 29 })] });
    expect(run(ruleAttendanceLow, above)).toEqual([]);
  });

  it('follows the policy (70% exactly is not above 70%)', () => {
    const records = chiBo({ meetings: [meeting(2, { members: 10, present: 7, excused: 3 })] });
    expect(codes(run(ruleAttendanceLow, records, { policy: policy({ attendanceMinPercent: 70 }) }))).toEqual(['ATTENDANCE_LOW']);
    expect(run(ruleAttendanceLow, records, { policy: policy({ attendanceMinPercent: 69.9 }) })).toEqual([]);
  });

  it('skips meetings outside the year and meetings without a present count', () => {
    const records = chiBo({
      meetings: [
        meeting(2, { present: 10 }),
        meeting(3, { date: '2024-12-15', present: 0, excused: 10 }),
        meeting(4, { present: null, excused: 10 }),
      ],
    });
    expect(attendanceFigures(ctx(records))).toMatchObject({ present: 10, required: 10 });
  });

  it('uses the Sinh hoạt counts when the matrix has no column in the year', () => {
    const records = chiBo({ attendance: matrix(['2024-12-15'], [{ name: 'A', marks: 'K' }]) });
    expect(attendanceFigures(ctx(records))?.source).toBe('meetings');
  });

  it('does not apply to a đảng bộ', () => {
    expect(run(ruleAttendanceLow, dangBo({ meetings: [meeting(2, { present: 0, excused: 10 })] }))).toEqual([]);
  });
});

describe('ABSENCE_UNEXCUSED', () => {
  it('one finding per K mark, at its matrix cell', () => {
    const records = chiBo({
      attendance: matrix(
        ['2025-01-15', '2025-02-15', '2025-03-15'],
        [
          { name: 'Nguyễn Văn A', marks: 'KCK' },
          { name: 'B', marks: 'CPC' },
          { name: 'C', marks: 'CCK' },
        ],
      ),
      // the counts are not used when the matrix exists
      meetings: monthlyMeetings(2025, { unexcused: 3 }),
    });
    const findings = run(ruleAbsenceUnexcused, records);
    expect(findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['ABSENCE_UNEXCUSED', 'Điểm danh', 'B2'],
      ['ABSENCE_UNEXCUSED', 'Điểm danh', 'D2'],
      ['ABSENCE_UNEXCUSED', 'Điểm danh', 'D4'],
    ]);
    expect(findings[0]?.message).toContain('Nguyễn Văn A');
    expect(findings[0]?.message).toContain('15/01/2025');
  });

  it('does not count a K mark in a column outside the year', () => {
    const records = chiBo({ attendance: matrix(['2024-12-15', '2025-01-15'], [{ name: 'A', marks: 'KC' }]) });
    expect(run(ruleAbsenceUnexcused, records)).toEqual([]);
  });

  it('without a matrix, one finding per meeting whose Vắng không lý do is above 0, at that cell', () => {
    const meetings = monthlyMeetings();
    meetings[2] = { ...meetings[2]!, present: 9, unexcused: 1 };
    meetings[5] = { ...meetings[5]!, present: 8, unexcused: 2 };
    const findings = run(ruleAbsenceUnexcused, chiBo({ meetings }));
    expect(findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['ABSENCE_UNEXCUSED', 'Sinh hoạt', 'G4'],
      ['ABSENCE_UNEXCUSED', 'Sinh hoạt', 'G7'],
    ]);
    expect(findings[1]?.message).toContain('2 đảng viên');
  });
});

describe('ABSENCE_STREAK', () => {
  const six = ['2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15', '2025-05-15', '2025-06-15', '2025-07-15'];
  it.each([
    ['CPPPCCC', 0],
    ['CPPPPCC', 1],
    ['CPKPKCC', 1],
    ['PP.MDPC', 0], // M, D, blank skipped: 3 absences
    ['PP.MDPK', 1], // 4 absences across skipped marks
    ['PPPCPPP', 0], // C ends the run
    ['PPPPCKKKK'.slice(0, 7), 1],
  ])('3 consecutive absences pass, 4 fail (%#)', (marks, count) => {
    const findings = run(ruleAbsenceStreak, chiBo({ attendance: matrix(six, [{ name: 'A', marks }]) }));
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0]).toMatchObject({ code: 'ABSENCE_STREAK', sheet: 'Điểm danh' });
    if (count) expect(findings[0]?.message).toContain('quá 3 buổi');
  });

  it('points at the first absence of each run, one finding per run', () => {
    const dates = [...six, '2025-08-15', '2025-09-15', '2025-10-15'];
    const findings = run(
      ruleAbsenceStreak,
      chiBo({
        attendance: matrix(dates, [
          { name: 'A', marks: 'CC' },
          { name: 'B', marks: 'PPPPCKKKKC' },
        ]),
      }),
    );
    expect(findings.map((f) => f.cell)).toEqual(['B3', 'G3']);
    expect(findings[0]?.message).toContain('vắng 4 buổi');
    expect(findings[0]?.message).toContain('từ ngày 15/01/2025 đến ngày 15/04/2025');
  });

  it('reads the columns in date order', () => {
    // columns typed out of order: by date the absences are not consecutive
    const dates = ['2025-01-15', '2025-03-15', '2025-05-15', '2025-07-15', '2025-02-15'];
    expect(run(ruleAbsenceStreak, chiBo({ attendance: matrix(dates, [{ name: 'A', marks: 'PPPPC' }]) }))).toEqual([]);
    expect(run(ruleAbsenceStreak, chiBo({ attendance: matrix(dates, [{ name: 'A', marks: 'PPPCP' }]) }))).toHaveLength(1);
  });

  it('follows the policy', () => {
    const records = chiBo({ attendance: matrix(six, [{ name: 'A', marks: 'PPPPCCC' }]) });
    expect(run(ruleAbsenceStreak, records, { policy: policy({ absenceMaxStreak: 4 }) })).toEqual([]);
    expect(run(ruleAbsenceStreak, records, { policy: policy({ absenceMaxStreak: 2 }) })).toHaveLength(1);
  });

  it('cannot be checked without a matrix', () => {
    expect(run(ruleAbsenceStreak, chiBo({ attendance: null }))).toEqual([]);
  });
});

describe('SPEAKERS_LOW', () => {
  it.each([
    [2, 2, true],
    [2, 3, false],
    [3, 2, true],
    [3, 3, false],
    [10, 2, true],
    [10, 3, false],
    [11, 4, true],
    [11, 5, false],
    [20, 4, true],
    [20, 5, false],
    [21, 6, true],
    [21, 7, false],
  ])('%p members, %p speakers → fails: %p', (members, speakers, fails) => {
    const findings = run(ruleSpeakersLow, chiBo({ meetings: [meeting(5, { members, present: members, speakers })] }));
    expect(codes(findings)).toEqual(fails ? ['SPEAKERS_LOW'] : []);
    if (fails) expect(findings[0]).toMatchObject({ sheet: 'Sinh hoạt', cell: 'H5' });
    if (fails) expect(findings[0]?.message).toMatch(/cần ít nhất [357]/);
  });

  it('skips a meeting whose members or speakers are blank', () => {
    const meetings = [meeting(2, { members: null, speakers: 0 }), meeting(3, { speakers: null })];
    expect(run(ruleSpeakersLow, chiBo({ meetings }))).toEqual([]);
  });
});

describe('DURATION_SHORT', () => {
  it.each<[number, MeetingKind, number, boolean]>([
    [9, 'regular', 59, true],
    [9, 'regular', 60, false],
    [10, 'regular', 89, true],
    [10, 'regular', 90, false],
    [9, 'combined', 119, true],
    [9, 'combined', 120, false],
    [30, 'combined', 119, true],
    [9, 'thematic', 60, false],
    [10, 'thematic', 89, true],
    [10, 'thematic', 90, false],
  ])('%p members, %s, %p minutes → fails: %p', (members, kind, minutes, fails) => {
    const findings = run(ruleDurationShort, chiBo({ meetings: [meeting(3, { members, present: members, kind, minutes })] }));
    expect(codes(findings)).toEqual(fails ? ['DURATION_SHORT'] : []);
    if (fails) expect(findings[0]).toMatchObject({ sheet: 'Sinh hoạt', cell: 'I3' });
    if (fails) expect(findings[0]?.message).toMatch(/cần ít nhất (60|90|120) phút/);
  });

  it('skips only the checks that need a blank field', () => {
    const meetings = [
      meeting(2, { minutes: null, speakers: 0 }), // no duration check, speakers still checked
      meeting(3, { kind: null, minutes: 10 }),
      meeting(4, { members: null, kind: 'regular', minutes: 10 }),
      meeting(5, { members: null, kind: 'combined', minutes: 100 }), // combined needs no size
    ];
    expect(run(ruleDurationShort, chiBo({ meetings })).map((f) => f.cell)).toEqual(['I5']);
    expect(run(ruleSpeakersLow, chiBo({ meetings })).map((f) => f.cell)).toEqual(['H2']);
  });
});

describe('REGULAR_MONTH_MISSING and THEMATIC_QUARTER_MISSING', () => {
  const janFeb = (): OrgRecords =>
    chiBo({
      meetings: meetingsOn([
        ['2025-01-10', 'regular'],
        ['2025-02-10', 'regular'],
      ]),
    });
  it.each([
    ['2025-03-30', [], []],
    ['2025-03-31', [3], [1]],
    ['2025-04-30', [3, 4], [1]],
    ['2025-06-29', [3, 4, 5], [1]],
    ['2025-06-30', [3, 4, 5, 6], [1, 2]],
    ['2026-01-01', [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1, 2, 3, 4]],
  ])('as of %s: months %p, quarters %p missing', (asOf, months, quarters) => {
    const monthFindings = run(ruleRegularMonthMissing, janFeb(), { asOf });
    const quarterFindings = run(ruleThematicQuarterMissing, janFeb(), { asOf });
    expect(monthFindings.map((f) => f.message.match(/tháng (\d+)\/2025/)?.[1]).map(Number)).toEqual(months);
    // Quarters in Roman numerals, as documents write them ("quý I/2025").
    expect(quarterFindings.map((f) => f.message.match(/quý ([IV]+)\/2025/)?.[1])).toEqual(quarters.map((q) => ['I', 'II', 'III', 'IV'][q - 1]));
    for (const f of [...monthFindings, ...quarterFindings]) expect(f).toMatchObject({ sheet: 'Sinh hoạt', cell: null });
    expect(codes(monthFindings).every((c) => c === 'REGULAR_MONTH_MISSING')).toBe(true);
    expect(codes(quarterFindings).every((c) => c === 'THEMATIC_QUARTER_MISSING')).toBe(true);
  });

  it('counts a combined meeting for its month and quarter, a thematic one for its quarter only', () => {
    const records = chiBo({
      meetings: meetingsOn([
        ['2025-01-10', 'combined'],
        ['2025-02-10', 'thematic'],
        ['2025-03-10', 'regular'],
      ]),
    });
    expect(run(ruleRegularMonthMissing, records, { asOf: '2025-03-31' }).map((f) => f.message)).toEqual([expect.stringContaining('tháng 2/2025')]);
    expect(run(ruleThematicQuarterMissing, records, { asOf: '2025-03-31' })).toEqual([]);
  });

  it('does not count meetings outside the year', () => {
    const records = chiBo({ meetings: [meeting(2, { date: '2024-01-10', kind: 'combined' })] });
    expect(run(ruleRegularMonthMissing, records, { asOf: '2025-01-31' })).toHaveLength(1);
    expect(run(ruleThematicQuarterMissing, records, { asOf: '2025-03-31' })).toHaveLength(1);
  });

  // SPEC §3 (amended 2026-12; this test used to count the undated row as missing January): a row
  // whose date is unreadable could be any month's meeting, so no month or quarter is called missing.
  it('a meeting row without a readable date leaves every month and quarter undecided', () => {
    const records = chiBo({ meetings: [meeting(2, { date: '2024-01-10', kind: 'combined' }), meeting(3, { date: null, kind: 'combined' })] });
    expect(run(ruleRegularMonthMissing, records, { asOf: '2025-12-31' })).toEqual([]);
    expect(run(ruleThematicQuarterMissing, records, { asOf: '2025-12-31' })).toEqual([]);
  });

  it('a meeting whose Loại alone is unreadable leaves its month and quarter undecided, not the others', () => {
    const records = chiBo({ meetings: [meeting(4, { date: '2025-01-20', kind: null })] });
    const months = run(ruleRegularMonthMissing, records, { asOf: '2025-06-30' });
    expect(months.map((f) => f.message.match(/tháng (\d+)/)?.[1])).toEqual(['2', '3', '4', '5', '6']);
    const quarters = run(ruleThematicQuarterMissing, records, { asOf: '2025-06-30' });
    expect(quarters.map((f) => f.message.match(/quý ([IV]+)\//)?.[1])).toEqual(['II']);
  });

  it('a meeting with an unreadable duration still counts as held in its month', () => {
    const records = chiBo({ meetings: [meeting(2, { date: '2025-01-10', minutes: null, speakers: null })] });
    expect(run(ruleRegularMonthMissing, records, { asOf: '2025-01-31' })).toEqual([]);
  });

  it('is not checked for a đảng bộ, nor without a year', () => {
    expect(run(ruleRegularMonthMissing, dangBo({ meetings: [] }))).toEqual([]);
    expect(run(ruleRegularMonthMissing, chiBo({ info: { year: null }, meetings: [] }))).toEqual([]);
    expect(run(ruleThematicQuarterMissing, chiBo({ info: { year: null }, meetings: [] }))).toEqual([]);
  });
});

describe('MINUTES_UNSIGNED', () => {
  it('one finding per missing signature, at its cell', () => {
    const meetings = [
      meeting(2),
      meeting(3, { chairSigned: false }),
      meeting(4, { chairSigned: false, secretarySigned: false }),
      meeting(5, { secretarySigned: false }),
    ];
    const findings = run(ruleMinutesUnsigned, chiBo({ meetings }));
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['MINUTES_UNSIGNED', 'J3'],
      ['MINUTES_UNSIGNED', 'J4'],
      ['MINUTES_UNSIGNED', 'K4'],
      ['MINUTES_UNSIGNED', 'K5'],
    ]);
    expect(findings[0]?.message).toContain('chủ trì');
    expect(findings[3]?.message).toContain('thư ký');
  });

  it('skips meetings outside the year but checks one whose date is unreadable', () => {
    const meetings = [meeting(2, { date: '2026-01-05', chairSigned: false }), meeting(3, { date: null, chairSigned: false })];
    const findings = run(ruleMinutesUnsigned, chiBo({ meetings }));
    expect(findings.map((f) => f.cell)).toEqual(['J3']);
    expect(findings[0]?.message).toContain('dòng 3');
  });
});

describe('MINUTES_BOOK_UNSTAMPED', () => {
  it('Không gives a finding left to the policy', () => {
    const findings = run(ruleMinutesBookUnstamped, chiBo({ info: { minutesBookStamped: false, minutesBookStampedCell: 'B9' } }));
    expect(findings).toEqual([
      {
        code: 'MINUTES_BOOK_UNSTAMPED',
        sheet: 'Thông tin',
        cell: 'B9',
        message: 'Sổ biên bản chưa được đóng dấu giáp lai; sổ biên bản sinh hoạt chi bộ phải được đóng dấu giáp lai của cấp ủy cơ sở.',
        text: { key: 'MINUTES_BOOK_UNSTAMPED' },
      },
    ]);
    expect(findings[0]?.severity).toBeUndefined();
  });

  it('a missing or blank row is a warning', () => {
    const missing = run(ruleMinutesBookUnstamped, chiBo({ info: { minutesBookStamped: null, minutesBookStampedCell: null } }));
    expect(missing).toEqual([expect.objectContaining({ code: 'MINUTES_BOOK_UNSTAMPED', severity: 'warn', cell: null })]);
    const blank = run(ruleMinutesBookUnstamped, chiBo({ info: { minutesBookStamped: null, minutesBookStampedCell: 'B8' } }));
    expect(blank).toEqual([expect.objectContaining({ severity: 'warn', cell: 'B8' })]);
  });

  it('does not apply to a đảng bộ', () => {
    expect(run(ruleMinutesBookUnstamped, dangBo({ info: { minutesBookStamped: false } }))).toEqual([]);
  });
});

describe('SELF_ASSESSMENT_MISSING and MEETING_SELF_LOW', () => {
  it('a blank self-assessment', () => {
    const findings = run(ruleSelfAssessmentMissing, chiBo({ meetings: [meeting(2), meeting(3, { selfAssessment: null })] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'SELF_ASSESSMENT_MISSING', sheet: 'Sinh hoạt', cell: 'L3' })]);
  });

  it.each<[SelfAssessment, boolean]>([
    ['tot', false],
    ['kha', false],
    ['dat', false],
    ['trung-binh', true],
    ['kem', true],
    ['khong-dat', true],
  ])('%s is low: %p', (selfAssessment, low) => {
    const findings = run(ruleMeetingSelfLow, chiBo({ meetings: [meeting(4, { selfAssessment })] }));
    expect(findings).toEqual(low ? [expect.objectContaining({ code: 'MEETING_SELF_LOW', cell: 'L4' })] : []);
  });
});

describe('DISCIPLINE', () => {
  it('one finding per disciplined member, in a chi bộ and in a đảng bộ', () => {
    const members = [member(2), member(3, { discipline: 'Khiển trách' }), member(4, { discipline: 'Cảnh cáo' })];
    const findings = run(ruleDiscipline, chiBo({ members }));
    expect(findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['DISCIPLINE', 'Đảng viên', 'G3'],
      ['DISCIPLINE', 'Đảng viên', 'G4'],
    ]);
    expect(findings[0]?.message).toContain('Khiển trách');
    expect(codes(run(ruleDiscipline, dangBo({ members })))).toEqual(['DISCIPLINE', 'DISCIPLINE']);
    expect(run(ruleDiscipline, dangBo({ members: null }))).toEqual([]);
  });
});

describe('organisation kinds', () => {
  it('a đảng bộ is not judged on meetings, even with a Sinh hoạt sheet', () => {
    const bad = [meeting(2, { speakers: 0, minutes: 1, chairSigned: false, selfAssessment: null, unexcused: 3 })];
    expect(runRules(ctx(dangBo({ meetings: bad, attendance: matrix(['2025-01-15'], [{ name: 'A', marks: 'K' }]) })))).toEqual([]);
  });

  it('both chi bộ levels, and a chi bộ of unknown level, follow the chi bộ rules', () => {
    for (const level of ['co-so', 'truc-thuoc', null] as const) {
      const records = chiBo({ info: { level }, meetings: [...monthlyMeetings().slice(1), meeting(20, { date: '2025-02-20', speakers: 0 })] });
      expect(codes(runRules(ctx(records)))).toEqual(['SPEAKERS_LOW', 'REGULAR_MONTH_MISSING']);
    }
  });

  it('without a kind, the sheets decide', () => {
    expect(effectiveKind(chiBo({ info: { kind: null } }))).toBe('chi-bo');
    expect(effectiveKind(dangBo({ info: { kind: null } }))).toBe('dang-bo');
    expect(effectiveKind(chiBo({ info: { kind: null }, members: null, meetings: null }))).toBeNull();
  });

  it('meetings of another year are not counted by any rule', () => {
    const other = monthlyMeetings(2024, { speakers: 0, minutes: 1, chairSigned: false, selfAssessment: 'kem', unexcused: 2 });
    expect(codes(runRules(ctx(chiBo({ meetings: [...monthlyMeetings(), ...other] }))))).toEqual([]);
  });
});

describe('subordinate chi bộ names in messages', () => {
  test('"Chi bộ" is not repeated when the name already starts with it', () => {
    const named = (name: string): string => {
      const param = subordinateName(name);
      return typeof param === 'string' ? param : render(param as MessageRef, 'vi');
    };
    expect(named('Chi bộ Phân xưởng 1')).toBe('Chi bộ Phân xưởng 1');
    expect(named('CHI BO Phân xưởng 1')).toBe('CHI BO Phân xưởng 1');
    expect(named('Phân xưởng 1')).toBe('Chi bộ Phân xưởng 1');
    expect(named('Chiến sĩ')).toBe('Chi bộ Chiến sĩ');
  });
});
