/**
 * Every BONTOT custom function with random arguments of every kind Excel can pass: numbers of any
 * size (and NaN/Infinity, which Excel never passes but a JS caller might), numeric-looking and
 * error text, booleans, empty strings, null, ragged and empty 2-D arrays, long and NFD text.
 * Each call gives a result of the function's declared type or a CustomFunctions.Error — never
 * another exception, never NaN or Infinity, never the catch-all "unexpected error" for input a
 * person can type.
 */
import fc from 'fast-check';
import * as fns from '../../functions/functions';
import { setFunctionsPolicy } from '../../functions/policy';
import { defaultPolicy, policyFromEntries } from '../../src/core/policy';
import { ERROR_CODES, StubCustomFunctionError } from '../support/customFunctionsStub';
import { anyNumber, anyText, excelArgument, excelRange, excelScalar, params, VOCABULARY } from './fuzz';

type ResultType = 'number' | 'string' | 'boolean';

interface FunctionCase {
  id: string;
  fn: (...args: never[]) => unknown;
  arity: number;
  returns: ResultType;
  /** Arguments that reach past the input checks more often than fully random ones. */
  plausible: fc.Arbitrary<unknown[]>;
}

const count = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom('12', ' 7 ', '3,0', null, ''));
const kind = fc.oneof(fc.constantFrom('Thường kỳ', 'Chuyên đề', 'Kết hợp', 'chuyen de', 'TK+CĐ', null, '', 'Đột xuất'), anyText);
const mark = fc.oneof(fc.constantFrom('C', 'P', 'K', 'M', 'D', 'x', 'v', '', null, 'có phép', 'K '), excelScalar);
const rating = fc.oneof(fc.constantFrom(...VOCABULARY.slice(0, 20), null, ''), excelScalar);
const percent = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(95, 0.95, 1, 100, '96,5'),
  excelScalar,
);
const dateCell = fc.oneof(fc.integer({ min: 40_000, max: 50_000 }), fc.constantFrom('05/03/2025', '31/02/2025', '2025-12-01', null, ''), excelScalar);
const pairsOf = (left: fc.Arbitrary<unknown>, right: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> =>
  fc
    .integer({ min: 0, max: 12 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.array(left, { minLength: 1, maxLength: 1 }), { minLength: n, maxLength: n }),
        fc.array(fc.array(right, { minLength: 1, maxLength: 1 }), { minLength: n, maxLength: n }),
      ),
    );

const CASES: FunctionCase[] = [
  { id: 'MIN_SPEAKERS', fn: fns.minSpeakersFn, arity: 1, returns: 'number', plausible: fc.tuple(count) },
  { id: 'MIN_DURATION', fn: fns.minDurationFn, arity: 2, returns: 'number', plausible: fc.tuple(count, kind) },
  {
    id: 'MEETING_QUALITY',
    fn: fns.meetingQualityFn,
    arity: 6,
    returns: 'string',
    plausible: fc.tuple(count, count, count, fc.oneof(count, anyNumber), kind, fc.oneof(count, fc.constant(null))),
  },
  {
    id: 'MEETING_ISSUES',
    fn: fns.meetingIssuesFn,
    arity: 6,
    returns: 'string',
    plausible: fc.tuple(count, count, count, fc.oneof(count, anyNumber), kind, fc.oneof(count, fc.constant(null))),
  },
  {
    id: 'MEETING_GRADE',
    fn: fns.meetingGradeFn,
    arity: 1,
    returns: 'string',
    plausible: fc.tuple(fc.oneof(fc.double({ min: -10, max: 110 }), excelScalar)),
  },
  { id: 'ATTENDANCE_RATE', fn: fns.attendanceRateFn, arity: 1, returns: 'number', plausible: fc.tuple(excelRange(mark, 12)) },
  { id: 'MAX_ABSENCE_STREAK', fn: fns.maxAbsenceStreakFn, arity: 1, returns: 'number', plausible: fc.tuple(excelRange(mark, 12)) },
  { id: 'THEMATIC_QUARTERS', fn: fns.thematicQuartersFn, arity: 2, returns: 'number', plausible: pairsOf(dateCell, kind) },
  {
    id: 'CRITERION_PERCENT',
    fn: fns.criterionPercentFn,
    arity: 2,
    returns: 'number',
    plausible: pairsOf(fc.oneof(fc.integer({ min: -1, max: 12 }), excelScalar), fc.oneof(fc.integer({ min: 0, max: 12 }), excelScalar)),
  },
  { id: 'RATING_SHARE', fn: fns.ratingShareFn, arity: 2, returns: 'number', plausible: fc.tuple(excelRange(rating), rating) },
  {
    id: 'FOURGOOD_ELIGIBLE',
    fn: fns.fourGoodEligibleFn,
    arity: 3,
    returns: 'boolean',
    plausible: fc.tuple(excelRange(percent, 4), excelRange(rating), fc.constantFrom(null, 'Chi bộ', 'Đảng bộ cơ sở', 'Tổ đảng')),
  },
  {
    id: 'FOURGOOD_REASONS',
    fn: fns.fourGoodReasonsFn,
    arity: 3,
    returns: 'string',
    plausible: fc.tuple(excelRange(percent, 4), excelRange(rating), fc.constantFrom(null, 'Chi bộ', 'Đảng bộ cơ sở', 'Tổ đảng')),
  },
  {
    id: 'DEADLINE',
    fn: fns.deadlineFn,
    arity: 2,
    returns: 'number',
    plausible: fc.tuple(
      fc.oneof(fc.constantFrom('đăng ký', 'chỉ tiêu', 'đề nghị', 'thẩm định', 'công nhận', 'thamdinh'), anyText),
      fc.oneof(fc.integer({ min: 1900, max: 10_000 }), excelScalar),
    ),
  },
  {
    id: 'MODEL_SHARE',
    fn: fns.modelShareFn,
    arity: 1,
    returns: 'number',
    plausible: fc.tuple(excelRange(fc.oneof(fc.constantFrom('Có', 'Đạt', true, 'x', 'Không'), excelScalar))),
  },
  { id: 'NORMALIZE_RATING', fn: fns.normalizeRatingFn, arity: 1, returns: 'string', plausible: fc.tuple(rating) },
];

const ALLOWED_CODES = new Set<string>([ERROR_CODES.invalidValue, ERROR_CODES.invalidNumber, ERROR_CODES.divisionByZero, ERROR_CODES.notAvailable]);
const UNEXPECTED = 'Lỗi không mong đợi';

/** Calls a function; fails the property on anything but a typed result or a CustomFunctions.Error. */
function callChecked(c: FunctionCase, args: unknown[]): void {
  let result: unknown;
  try {
    result = (c.fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    if (!(error instanceof StubCustomFunctionError)) {
      throw new Error(`${c.id} threw ${String(error)} (not a CustomFunctions.Error) for ${show(args)}`);
    }
    if (!ALLOWED_CODES.has(error.code)) throw new Error(`${c.id}: unexpected error code ${error.code} for ${show(args)}`);
    // A message for people, in Vietnamese, never the catch-all of guard() (that means a bug).
    if (error.message.includes(UNEXPECTED)) throw new Error(`${c.id} fell into the catch-all for ${show(args)}`);
    if (error.message.trim() === '' || error.message === error.code) throw new Error(`${c.id}: error without a message for ${show(args)}`);
    return;
  }
  if (typeof result !== c.returns) throw new Error(`${c.id} returned ${typeof result} ${String(result)} for ${show(args)}`);
  if (typeof result === 'number' && !Number.isFinite(result)) throw new Error(`${c.id} returned ${result} for ${show(args)}`);
}

function show(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v === undefined ? '<undefined>' : v,
  );
}

/** Arguments of the function's arity (optional ones as null, as Excel passes them), sometimes fewer. */
function argumentsFor(c: FunctionCase): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(excelArgument, { minLength: c.arity, maxLength: c.arity }) },
    { weight: 1, arbitrary: fc.array(excelArgument, { minLength: 0, maxLength: c.arity + 1 }) },
  );
}

afterEach(() => setFunctionsPolicy(defaultPolicy()));

describe.each(CASES)('$id', (c) => {
  test('random arguments of every kind: a typed result or a CustomFunctions.Error', () => {
    fc.assert(
      fc.property(argumentsFor(c), (args) => callChecked(c, args)),
      params(400),
    );
  });

  test('plausible arguments (deeper paths): a typed result or a CustomFunctions.Error', () => {
    fc.assert(
      fc.property(c.plausible, (args) => callChecked(c, args)),
      params(400),
    );
  });

  test("the same under a changed policy (the workbook's Cấu hình)", () => {
    const changed = policyFromEntries([
      { key: 'speakersLarge', value: 9 },
      { key: 'durationRegular', value: 75 },
      { key: 'attendanceMinPercent', value: 50 },
      { key: 'deadline.dangKy', value: null },
    ]);
    if (!changed.ok) throw new Error(JSON.stringify(changed.errors));
    setFunctionsPolicy(changed.policy);
    fc.assert(
      fc.property(c.plausible, (args) => callChecked(c, args)),
      params(100),
    );
  });
});

describe('NaN-like and huge arguments are refused with a reason, not computed', () => {
  test.each([
    [fns.minSpeakersFn, ['NaN']],
    [fns.minSpeakersFn, [Number.NaN]],
    [fns.minSpeakersFn, [Infinity]],
    [fns.minDurationFn, ['Infinity', null]],
    [fns.meetingGradeFn, [1e308]],
    [fns.deadlineFn, ['đề nghị', 1e308]],
  ] as [(...a: never[]) => unknown, unknown[]][])('%#', (fn, args) => {
    expect(() => (fn as (...a: unknown[]) => unknown)(...args)).toThrow(StubCustomFunctionError);
  });
});

describe('found by fuzzing', () => {
  test('CRITERION_PERCENT of huge points is 100 %, not Infinity (×100 overflowed)', () => {
    expect(fns.criterionPercentFn([[1e308]], [[1e308]])).toBe(100);
    expect(fns.criterionPercentFn([[9e307], [0]], [[1e308], [0]])).toBeCloseTo(90, 9);
  });

  test('CRITERION_PERCENT whose maxima sum past the largest number is #NUM!, not NaN', () => {
    expect(() => fns.criterionPercentFn([[1e308], [1e308]], [[1e308], [1e308]])).toThrow(
      expect.objectContaining({ code: ERROR_CODES.invalidNumber }),
    );
  });
});
