/**
 * Shared settings and generators of the hardening property tests.
 *
 * `npm test` runs every property with a fixed seed and the number of runs written in the test, so
 * a failure is reproducible and the suite stays fast. To search longer:
 *
 *   FUZZ_RUNS=100000 npx jest test/hardening            # every property 100 000 times
 *   FUZZ_RUNS=5000 FUZZ_SEED=7 npx jest test/hardening  # another seed
 *   FUZZ_TIME_LIMIT_MS=600000 …                          # time budget of one property
 *
 * A failing property prints its seed, path and the shrunk counterexample (fast-check's report).
 */
import fc from 'fast-check';
import { RATING_LABELS } from '../../src/core/vocabulary';

/** The runs of one property: FUZZ_RUNS when set (a long search), else the test's own number. */
export function runs(defaultRuns: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

/** The seed of every property: FUZZ_SEED when set, else 42. */
export function seed(): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) ? fromEnv : 42;
}

/**
 * Time budget of one property (generation and shrinking), FUZZ_TIME_LIMIT_MS when set: 1 minute
 * in `npm test`, an hour for a FUZZ_RUNS search. Shrinking a failure found deep in a long search can
 * otherwise run for hours; running out of time counts as a failure (work that is too slow is a
 * finding too), reported with the smallest counterexample found so far.
 */
export function timeLimit(): number {
  const fromEnv = Number(process.env.FUZZ_TIME_LIMIT_MS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return process.env.FUZZ_RUNS ? 3_600_000 : 60_000;
}

/** fc.assert parameters: the fixed seed, the runs and the time budget. */
export function params(defaultRuns: number): { seed: number; numRuns: number; interruptAfterTimeLimit: number; markInterruptAsFailure: boolean } {
  return { seed: seed(), numRuns: runs(defaultRuns), interruptAfterTimeLimit: timeLimit(), markInterruptAsFailure: true };
}

const nfd = (text: string): string => text.normalize('NFD');

/** Words of the template's vocabularies, headers and typical cell contents, NFC and NFD. */
export const VOCABULARY: readonly string[] = (() => {
  const words = [
    ...Object.values(RATING_LABELS),
    'HTXSNV',
    'HTTNV',
    'HTNV',
    'KHTNV',
    'KXL',
    'htt nv',
    'Hoàn thành tốt',
    'Xuất sắc',
    'Thường kỳ',
    'Chuyên đề',
    'Kết hợp',
    'TK',
    'CĐ',
    'TK+CĐ',
    'C',
    'P',
    'K',
    'M',
    'D',
    'Đ',
    'x',
    'v',
    '✓',
    'CP',
    'VKP',
    'có mặt',
    'vắng có phép',
    'Có',
    'Không',
    'TRUE',
    'FALSE',
    'Đạt',
    'Không đạt',
    'Tốt',
    'Khá',
    'Trung bình',
    'Kém',
    'Chi bộ',
    'Chi bộ cơ sở',
    'Chi bộ trực thuộc',
    'Đảng bộ cơ sở',
    'Doanh nghiệp',
    'Lực lượng vũ trang',
    'đăng ký',
    'chỉ tiêu',
    'đề nghị',
    'thẩm định',
    'công nhận',
    'dang ky',
    'congnhan',
    '1.1',
    '1.2',
    '1.3',
    '1.4',
    '1.2.3',
    '1.10',
    '05/03/2025',
    '31/02/2025',
    '2025-03-05',
    '29/02/2024',
    '1/1/1900',
    '31/12/9999',
  ];
  return [...new Set([...words, ...words.map(nfd)])];
})();

/** Error values as Excel hands them to a custom function or as a file's cell holds them. */
export const ERROR_STRINGS = ['#N/A', '#VALUE!', '#DIV/0!', '#NUM!', '#REF!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

/** Text that looks like a number, or almost. */
export const NUMERIC_TEXT = [
  '0',
  '12',
  ' 12 ',
  '-3',
  '92,5',
  '92.5',
  '1e5',
  '1E308',
  '-0',
  '00012',
  '1 000',
  '1.000,5',
  '½',
  '٣',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  '0x10',
  '1.2.3',
  '+5',
  '.5',
  '5.',
  '١٢',
  '12%',
  '١',
];

/** Numbers of every size Excel can hold, and a few it cannot (NaN, ±Infinity must still be refused calmly). */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.integer(),
  fc.double(),
  fc.double({ min: -1e-300, max: 1e-300 }),
  fc.constantFrom(
    0,
    -0,
    1,
    100,
    3,
    9,
    10,
    11,
    20,
    21,
    0.85,
    0.95,
    95,
    1e15,
    1e308,
    -1e308,
    2_958_465,
    2_958_466,
    45_000,
    Number.MAX_SAFE_INTEGER,
    Number.NaN,
    Infinity,
    -Infinity,
  ),
);

const longText = fc.oneof(
  fc.constantFrom('a'.repeat(40_000), 'Hoàn thành tốt nhiệm vụ '.repeat(2_000), nfd('Đảng bộ '.repeat(5_000))),
  fc.string({ minLength: 300, maxLength: 2_000 }),
);

/** Any text a cell or an argument can hold. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: fc.constantFrom(...ERROR_STRINGS, ...NUMERIC_TEXT, '', ' ', '\u00a0', '\t\n', "'", '=1+1', '+84 912', '-5 phút', '@abc') },
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 2, arbitrary: fc.constantFrom(...VOCABULARY).map((w) => ` ${w.toUpperCase()}  `) },
  { weight: 1, arbitrary: longText },
);

/** One value Excel can hand a custom function for one cell (null for an empty or omitted argument). */
export const excelScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyNumber },
  { weight: 5, arbitrary: anyText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);

/** A range: rectangular, ragged, empty ([] and [[]]), a single row or column. */
export function excelRange(cell: fc.Arbitrary<unknown> = excelScalar, maxSide = 8): fc.Arbitrary<unknown[][]> {
  const rectangular = fc
    .tuple(fc.integer({ min: 1, max: maxSide }), fc.integer({ min: 1, max: maxSide }))
    .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
  return fc.oneof(
    { weight: 5, arbitrary: rectangular },
    { weight: 2, arbitrary: fc.array(fc.array(cell, { maxLength: maxSide }), { maxLength: maxSide }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown[][]>([], [[]], [[], []]) },
  );
}

/** Any argument: a single value, a range, or nested oddities a JS caller might pass. */
export const excelArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: excelScalar },
  { weight: 3, arbitrary: excelRange() },
  { weight: 1, arbitrary: fc.array(excelScalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.array(excelRange(excelScalar, 2), { maxLength: 2 }), { maxLength: 2 }) },
);
