/**
 * The 15 BONTOT functions called directly, as Excel calls them (optional arguments as null,
 * ranges as 2-D arrays), against SPEC §4 and the seed's numbers.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { EN } from '../../src/core/messages/en';
import { VI_FUNCTIONS } from '../../src/core/messages/viFunctions';
import * as fns from '../../functions/functions';
import { setFunctionsPolicy } from '../../functions/policy';
import { defaultPolicy, policyFromEntries } from '../../src/core/policy';
import { isoToExcelSerial } from '../../src/core/dates';
import { StubCustomFunctionError } from '../support/customFunctionsStub';

type Outcome = { value: unknown } | { error: string; message: string };

function call(fn: (...args: never[]) => unknown, ...args: unknown[]): Outcome {
  try {
    return { value: (fn as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    if (error instanceof StubCustomFunctionError) return { error: error.code, message: error.message };
    throw error;
  }
}

const value = (v: unknown): Outcome => ({ value: v });
const error = (code: string): { error: string } => ({ error: code });

afterEach(() => setFunctionsPolicy(defaultPolicy()));

describe('MIN_SPEAKERS (seed: 7 above 20 members, 5 above 10, 3 for 3–10)', () => {
  test.each([
    [3, 3],
    [10, 3],
    [11, 5],
    [20, 5],
    [21, 7],
    [150, 7],
    ['15', 5],
  ])('%p members → %p', (members, expected) => {
    expect(call(fns.minSpeakersFn, members)).toEqual(value(expected));
  });

  test.each([[2], [0], [-1], [10.5]])('%p members → #NUM!', (members) => {
    expect(call(fns.minSpeakersFn, members)).toMatchObject(error('#NUM!'));
  });

  test.each([['abc'], [true], [null], ['']])('%p → #VALUE! with a Vietnamese message', (members) => {
    const outcome = call(fns.minSpeakersFn, members);
    expect(outcome).toMatchObject(error('#VALUE!'));
    expect((outcome as { message: string }).message).toMatch(/Số đảng viên/);
  });

  test('2 members explains the Party Statute minimum', () => {
    expect(call(fns.minSpeakersFn, 2)).toMatchObject({ message: expect.stringMatching(/ít nhất 3 đảng viên/) });
  });
});

describe('MIN_DURATION (seed: 90 min, 120 combined, 60 under 10 members)', () => {
  test.each([
    [9, null, 60],
    [10, null, 90],
    [9, 'Thường kỳ', 60],
    [25, 'Thường kỳ', 90],
    [25, 'Kết hợp', 120],
    [5, 'Kết hợp', 120],
    [25, 'Chuyên đề', 90],
    [9, 'chuyen de', 60],
    [0, null, 60],
  ])('%p members, kind %p → %p minutes', (members, kind, expected) => {
    expect(call(fns.minDurationFn, members, kind)).toEqual(value(expected));
  });

  test('unknown kind → #VALUE!', () => {
    expect(call(fns.minDurationFn, 12, 'Đột xuất')).toMatchObject(error('#VALUE!'));
  });

  test('negative members → #NUM!', () => {
    expect(call(fns.minDurationFn, -3, null)).toMatchObject(error('#NUM!'));
  });
});

describe('MEETING_QUALITY and MEETING_ISSUES', () => {
  test('exactly 85 % attendance fails, just above passes (strictly greater)', () => {
    expect(call(fns.meetingQualityFn, 20, 17, 5, 90, null, null)).toEqual(value('Không đạt'));
    expect(call(fns.meetingQualityFn, 20, 18, 5, 90, null, null)).toEqual(value('Đạt'));
    // 86/100 = 86 % > 85 %.
    expect(call(fns.meetingQualityFn, 100, 86, 7, 90, null, null)).toEqual(value('Đạt'));
  });

  test('excused members (M, D) leave the attendance base: 17/(20−0) fails, 17/(20−1) passes', () => {
    expect(call(fns.meetingQualityFn, 20, 17, 5, 90, null, 1)).toEqual(value('Đạt'));
  });

  test.each([
    // members, speakers, minutes, kind, expected
    [10, 3, 90, null, 'Đạt'],
    [10, 2, 90, null, 'Không đạt'],
    [11, 4, 90, null, 'Không đạt'],
    [11, 5, 90, null, 'Đạt'],
    [21, 6, 90, null, 'Không đạt'],
    [21, 7, 90, null, 'Đạt'],
    [9, 3, 60, null, 'Đạt'],
    [9, 3, 59, null, 'Không đạt'],
    [10, 3, 89, null, 'Không đạt'],
    [10, 3, 119, 'Kết hợp', 'Không đạt'],
    [10, 3, 120, 'Kết hợp', 'Đạt'],
  ])('%p members, %p speakers, %p min, %p → %p', (members, speakers, minutes, kind, expected) => {
    expect(call(fns.meetingQualityFn, members, members, speakers, minutes, kind, null)).toEqual(value(expected));
  });

  test('MEETING_ISSUES lists every unmet condition with the value used, "" when none', () => {
    expect(call(fns.meetingIssuesFn, 20, 20, 5, 90, null, null)).toEqual(value(''));
    const outcome = call(fns.meetingIssuesFn, 20, 16, 4, 80, null, null) as { value: string };
    expect(outcome.value.split('; ')).toHaveLength(3);
    expect(outcome.value).toContain('85');
    expect(outcome.value).toContain('ít nhất 5');
    expect(outcome.value).toContain('ít nhất 90 phút');
  });

  test.each([
    ['negative count', [-1, 0, 3, 90]],
    ['present above members', [10, 11, 3, 90]],
  ])('%s → #NUM!', (_label, args) => {
    expect(call(fns.meetingQualityFn, ...args, null, null)).toMatchObject(error('#NUM!'));
    expect(call(fns.meetingIssuesFn, ...args, null, null)).toMatchObject(error('#NUM!'));
  });

  test('excused ≥ members → #NUM!', () => {
    expect(call(fns.meetingQualityFn, 10, 0, 3, 90, null, 10)).toMatchObject(error('#NUM!'));
  });

  test('an unknown kind → #VALUE!', () => {
    expect(call(fns.meetingQualityFn, 10, 10, 3, 90, 'Họp mặt', null)).toMatchObject(error('#VALUE!'));
  });
});

describe('MEETING_GRADE', () => {
  test.each([
    [100, 'Tốt'],
    [90, 'Tốt'],
    [89.99, 'Khá'],
    [70, 'Khá'],
    [69, 'Trung bình'],
    [50, 'Trung bình'],
    [49.5, 'Kém'],
    [0, 'Kém'],
  ])('%p → %p', (score, grade) => {
    expect(call(fns.meetingGradeFn, score)).toEqual(value(grade));
  });

  test.each([[-1], [100.1], [1000]])('%p → #NUM!', (score) => {
    expect(call(fns.meetingGradeFn, score)).toMatchObject(error('#NUM!'));
  });
});

describe('ATTENDANCE_RATE and MAX_ABSENCE_STREAK', () => {
  test('C / (C + P + K); M, D and blanks are not required', () => {
    expect(
      call(fns.attendanceRateFn, [
        ['C', 'C', 'P', 'K'],
        ['M', 'D', '', null],
      ]),
    ).toEqual(value(0.5));
    expect(call(fns.attendanceRateFn, [['x', 'có mặt', 'vắng có phép', 'C']])).toEqual(value(0.75));
  });

  test('no required mark → #DIV/0!', () => {
    expect(call(fns.attendanceRateFn, [['M', '', 'D']])).toMatchObject(error('#DIV/0!'));
  });

  test('an ambiguous "v" → #VALUE! offering both readings', () => {
    const outcome = call(fns.attendanceRateFn, [['C', 'v']]);
    expect(outcome).toMatchObject(error('#VALUE!'));
    expect((outcome as { message: string }).message).toMatch(/P.*K/);
  });

  test.each([
    [['P', 'K', 'P'], 3],
    [['P', 'K', 'P', 'K'], 4],
    [['P', 'M', 'K', 'D', '', 'P'], 3],
    [['P', 'C', 'K', 'K'], 2],
    [['C', 'C'], 0],
  ])('%p → %p', (marks, streak) => {
    expect(call(fns.maxAbsenceStreakFn, [marks])).toEqual(value(streak));
  });
});

describe('THEMATIC_QUARTERS', () => {
  test('distinct (year, quarter) pairs with Chuyên đề or Kết hợp', () => {
    const dates = [['15/01/2025'], ['20/02/2025'], ['10/05/2025'], ['12/11/2025'], [isoToExcelSerial('2025-12-01')]];
    const kinds = [['Chuyên đề'], ['Kết hợp'], ['Thường kỳ'], ['Kết hợp'], ['Chuyên đề']];
    expect(call(fns.thematicQuartersFn, dates, kinds)).toEqual(value(2));
  });

  test('mismatched ranges or a bad date → #VALUE!', () => {
    expect(call(fns.thematicQuartersFn, [['15/01/2025']], [['Chuyên đề'], ['Kết hợp']])).toMatchObject(error('#VALUE!'));
    expect(call(fns.thematicQuartersFn, [['31/02/2025']], [['Chuyên đề']])).toMatchObject(error('#VALUE!'));
  });
});

describe('CRITERION_PERCENT', () => {
  test('100 × Σ scores / Σ maxima; a blank score counts 0', () => {
    expect(call(fns.criterionPercentFn, [[20], [15], [60]], [[20], [20], [60]])).toEqual(value(95));
    expect(call(fns.criterionPercentFn, [[50], ['']], [[50], [50]])).toEqual(value(50));
  });

  test.each([
    ['negative', [[-1]], [[10]]],
    ['above its maximum', [[11]], [[10]]],
  ])('a score %s → #NUM!', (_label, scores, maxima) => {
    expect(call(fns.criterionPercentFn, scores, maxima)).toMatchObject(error('#NUM!'));
  });
});

describe('RATING_SHARE', () => {
  const ratings = [['HTXSNV'], ['Hoàn thành tốt nhiệm vụ'], ['htt nv'], ['HTNV'], ['Không xếp loại'], ['']];

  test('share of rated entries at or above the level; KXL and blanks left out', () => {
    expect(call(fns.ratingShareFn, ratings, 'HTTNV')).toEqual(value(0.75));
    expect(call(fns.ratingShareFn, ratings, 'Hoàn thành nhiệm vụ')).toEqual(value(1));
  });

  test('the English names the English pane tells a clerk to type count like the Vietnamese ones', () => {
    const english = [['Tasks completed excellently'], ['tasks completed well'], ['Tasks completed well'], ['Tasks completed'], ['Not rated'], ['']];
    expect(call(fns.ratingShareFn, english, 'HTTNV')).toEqual(value(0.75));
    expect(call(fns.ratingShareFn, english, 'Tasks completed')).toEqual(value(1));
    expect(call(fns.ratingShareFn, [['Tasks not completed'], ['Tasks completed']], 'Tasks completed')).toEqual(value(0.5));
    expect(call(fns.normalizeRatingFn, 'TASKS NOT  COMPLETED')).toEqual(value('Không hoàn thành nhiệm vụ'));
    expect(call(fns.normalizeRatingFn, 'not rated')).toEqual(value('Không xếp loại'));
  });

  test('unknown level or label → #VALUE!', () => {
    expect(call(fns.ratingShareFn, ratings, 'Giỏi')).toMatchObject(error('#VALUE!'));
    expect(call(fns.ratingShareFn, [['Giỏi']], 'HTNV')).toMatchObject(error('#VALUE!'));
  });

  test('not-yet-rated entries ("Chưa xếp loại", "chưa …", "đang …") are left out like blanks (SPEC §4)', () => {
    const pending = [...ratings, ['Chưa xếp loại'], ['chưa đánh giá'], ['ĐANG XẾP LOẠI'.normalize('NFD')]];
    expect(call(fns.ratingShareFn, pending, 'HTTNV')).toEqual(value(0.75));
    expect(call(fns.ratingShareFn, [['Chưa xếp loại'], ['']], 'HTTNV')).toMatchObject(error('#DIV/0!'));
  });
});

describe('FOURGOOD_ELIGIBLE and FOURGOOD_REASONS (seed II.2.2)', () => {
  const good = [['HTXSNV'], ['HTTNV'], ['HTTNV'], ['HTTNV'], ['HTNV']]; // 80 % ≥ HTTNV

  test('four criteria ≥ 95 % and ratings 100 % / 80 % → TRUE and no reason', () => {
    expect(call(fns.fourGoodEligibleFn, [[95], [96], [100], [99.5]], good, null)).toEqual(value(true));
    expect(call(fns.fourGoodReasonsFn, [[95], [96], [100], [99.5]], good, null)).toEqual(value(''));
  });

  test('percents as fractions: exactly 1 means 100 %, 0.95 passes, 0.9499 fails', () => {
    expect(call(fns.fourGoodEligibleFn, [[1, 0.95, 1, 0.99]], good, null)).toEqual(value(true));
    expect(call(fns.fourGoodEligibleFn, [[1, 0.9499, 1, 0.99]], good, null)).toEqual(value(false));
  });

  test('79.9 % good fails, with a reason naming the 80 % threshold', () => {
    const ratings = [...Array(799).fill(['HTTNV']), ...Array(201).fill(['HTNV'])];
    expect(call(fns.fourGoodEligibleFn, [[100], [100], [100], [100]], ratings, null)).toEqual(value(false));
    const reasons = call(fns.fourGoodReasonsFn, [[100], [100], [100], [100]], ratings, null) as { value: string };
    expect(reasons.value).toMatch(/80/);
  });

  test('a not-yet-rated entry makes it FALSE, and the reasons say how many are still to be rated (SPEC §4)', () => {
    const pending = [...good, ['Chưa xếp loại'], ['đang xếp loại'], ['']];
    expect(call(fns.fourGoodEligibleFn, [[100], [100], [100], [100]], pending, null)).toEqual(value(false));
    expect(call(fns.fourGoodReasonsFn, [[100], [100], [100], [100]], pending, null)).toEqual(
      value('Còn 2 đảng viên chưa xếp loại; cần xếp loại xong mới xét công nhận'),
    );
    const cells = call(fns.fourGoodReasonsFn, [[100], [100], [100], [100]], [['HTTNV'], ['chưa xếp loại']], 'Đảng bộ cơ sở');
    expect(cells).toEqual(value('Còn 1 chi bộ trực thuộc chưa xếp loại; cần xếp loại xong mới xét công nhận'));
    // Without the pending entries the same ratings are eligible: the pending ones alone decide.
    expect(call(fns.fourGoodEligibleFn, [[100], [100], [100], [100]], [...good, ['']], null)).toEqual(value(true));
  });

  test('a member below HTNV fails', () => {
    expect(call(fns.fourGoodEligibleFn, [[100], [100], [100], [100]], [...good, ['KHTNV']], null)).toEqual(value(false));
  });

  test('a đảng bộ cơ sở is judged on its chi bộ', () => {
    const reasons = call(fns.fourGoodReasonsFn, [[100], [100], [100], [100]], [['KHTNV']], 'Đảng bộ cơ sở') as { value: string };
    expect(reasons.value).toMatch(/chi bộ/i);
  });

  test.each([
    ['three numbers', [[95], [96], [97]]],
    ['five numbers', [[95], [96], [97], [98], [99]]],
    ['text', [['a'], [96], [97], [98]]],
  ])('criteria with %s → #VALUE!', (_label, criteria) => {
    expect(call(fns.fourGoodEligibleFn, criteria, good, null)).toMatchObject(error('#VALUE!'));
    expect(call(fns.fourGoodReasonsFn, criteria, good, null)).toMatchObject(error('#VALUE!'));
  });

  test('an unknown organisation kind → #VALUE!', () => {
    expect(call(fns.fourGoodEligibleFn, [[100], [100], [100], [100]], good, 'Tổ đảng')).toMatchObject(error('#VALUE!'));
  });
});

describe('DEADLINE', () => {
  test.each([
    ['đề nghị', 2025, '2025-12-31'],
    ['thẩm định', 2025, '2026-02-15'],
    ['Công nhận', 2025, '2026-03-15'],
    ['chỉ tiêu', 2025, '2025-01-31'],
    ['chỉ tiêu', 2023, '2023-07-15'],
    ['đăng ký', 2023, '2023-07-10'],
    ['dang ky', 2023, '2023-07-10'],
  ])('%p %p → %p', (stage, year, iso) => {
    expect(call(fns.deadlineFn, stage, year)).toEqual(value(isoToExcelSerial(iso)));
  });

  test('đăng ký outside 2023 is set by the policy: #N/A until it is', () => {
    expect(call(fns.deadlineFn, 'đăng ký', 2025)).toMatchObject(error('#N/A'));
    const result = policyFromEntries([{ key: 'deadline.dangKy', value: '15/03' }]);
    if (!result.ok) throw new Error('policy refused');
    setFunctionsPolicy(result.policy);
    expect(call(fns.deadlineFn, 'đăng ký', 2025)).toEqual(value(isoToExcelSerial('2025-03-15')));
  });

  test('an unknown stage → #VALUE!, an impossible year → #NUM!', () => {
    expect(call(fns.deadlineFn, 'khen thưởng', 2025)).toMatchObject(error('#VALUE!'));
    expect(call(fns.deadlineFn, 'đề nghị', -5)).toMatchObject(error('#NUM!'));
  });
});

describe('MODEL_SHARE and NORMALIZE_RATING', () => {
  test('share of non-blank entries recognised', () => {
    expect(call(fns.modelShareFn, [['Có'], ['Đạt'], [true], ['x'], ['Không'], [''], [null], ['Chưa đạt']])).toEqual(value(4 / 6));
  });

  test('no non-blank entry → #DIV/0!', () => {
    expect(call(fns.modelShareFn, [[''], [null]])).toMatchObject(error('#DIV/0!'));
  });

  test.each([
    ['htt nv', 'Hoàn thành tốt nhiệm vụ'],
    ['Hoan thanh xuat sac nhiem vu', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['HOÀN THÀNH NHIỆM VỤ'.normalize('NFD'), 'Hoàn thành nhiệm vụ'],
    ['kxl', 'Không xếp loại'],
    ['Hoàn thành tốt', 'Hoàn thành tốt nhiệm vụ'],
  ])('%p → %p', (text, label) => {
    expect(call(fns.normalizeRatingFn, text)).toEqual(value(label));
  });

  test.each([['Hoàn thành'], ['Giỏi'], ['']])('%p → #VALUE!', (text) => {
    expect(call(fns.normalizeRatingFn, text)).toMatchObject(error('#VALUE!'));
  });

  test.each([['Chưa xếp loại'], ['chua xep loai'], ['Chưa đánh giá'], ['Đang xếp loại'.normalize('NFD')], ['chưa']])(
    '%p (not yet rated, SPEC §4) → #N/A "chưa xếp loại", not KXL',
    (text) => {
      expect(call(fns.normalizeRatingFn, text)).toEqual({ error: '#N/A', message: 'chưa xếp loại' });
    },
  );
});

describe('the workbook policy reaches the functions', () => {
  test('a policy with 6 speakers for medium chi bộ changes MIN_SPEAKERS and MEETING_QUALITY', () => {
    const result = policyFromEntries([{ key: 'speakersMedium', value: 6 }]);
    if (!result.ok) throw new Error('policy refused');
    setFunctionsPolicy(result.policy);
    expect(call(fns.minSpeakersFn, 15)).toEqual(value(6));
    expect(call(fns.meetingQualityFn, 15, 15, 5, 90, null, null)).toEqual(value('Không đạt'));
  });
});

describe('the functions take their words from the catalogue (viFunctions.ts)', () => {
  test('functions.ts writes no Vietnamese message inline (comments and JSDoc aside)', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'functions', 'functions.ts'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const literals = source.match(/'[^'\n]*'|`[^`]*`|"[^"\n]*"/g) ?? [];
    expect(literals.filter((literal) => /[à-ỹđĐ]/i.test(literal.normalize('NFC')))).toEqual([]);
  });

  test('every message the functions cite is in the Vietnamese catalogue with its English', () => {
    for (const key of Object.keys(VI_FUNCTIONS)) expect(EN[key as keyof typeof EN]).toBeDefined();
    expect(call(fns.minSpeakersFn, 2)).toEqual({ error: '#NUM!', message: VI_FUNCTIONS['fn.fewMembers'].replace('{count}', '2') });
    expect(call(fns.meetingGradeFn, 100.5)).toEqual({ error: '#NUM!', message: 'Điểm phải từ 0 đến 100 (nhận được 100.5).' });
  });
});
