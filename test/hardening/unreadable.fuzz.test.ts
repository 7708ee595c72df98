/**
 * SPEC §3's principle as a property (issue 17, step 2): an unreadable cell yields its data issue
 * and never a second, made-up reason. Over valid workbooks (and ones with planted reasons), one
 * typed cell — a number, a date, a label or an attendance mark — is made unreadable (text of the
 * wrong kind, an impossible date, an ambiguous mark, a formula without a stored result). Then:
 * - the cell gives an error issue (the verdict is DATA_INVALID);
 * - every blocking reason other than DATA_INVALID, as (code, sheet, cell), was already a blocking
 *   reason of the original workbook: nothing is decided on a value nobody typed.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/workbook/check';
import { a1 } from '../../src/workbook/a1';
import { FORMULA_WITHOUT_RESULT, type CheckResult, type SheetGrid } from '../../src/workbook/types';
import { AS_OF, chiBoBook, chiBoSpec, dangBoBook, dangBoSpec, EXEMPT_MEMBER, type ChiBoSpec, type FixtureBook } from '../workbook/grids';
import { params } from './fuzz';

type CellKind = 'number' | 'date' | 'label' | 'mark' | 'header';

/** A typed cell of a base workbook: sheet, 0-based row and column, and what kind of value it holds. */
interface TypedCell {
  sheet: string;
  row: number;
  col: number;
  kind: CellKind;
}

/** Values that cannot be read as the cell's kind (each gives a data error). */
const UNREADABLE: Record<CellKind, readonly unknown[]> = {
  number: ['mười hai', 'abc', '#REF!', FORMULA_WITHOUT_RESULT],
  date: ['31/02/2025', 'hôm qua', '#VALUE!', FORMULA_WITHOUT_RESULT],
  label: ['???', 'lỗi nhập', '#N/A', FORMULA_WITHOUT_RESULT],
  mark: ['v', '??', 'zz', FORMULA_WITHOUT_RESULT],
  // A column header that looks like a date but is not one (a text header is just another column).
  header: ['31/02/2025', '32/13/2025', FORMULA_WITHOUT_RESULT],
};

function cellsOf(book: FixtureBook, sheet: string, rows: readonly number[], columns: readonly [number, CellKind][]): TypedCell[] {
  if (!book.has(sheet)) return [];
  return rows.flatMap((row) => columns.map(([col, kind]) => ({ sheet, row, col, kind })));
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

/** The typed cells of a chi bộ book built from `spec` (grids.ts layout, no title rows). */
function chiBoCells(book: FixtureBook, spec: ChiBoSpec): TypedCell[] {
  const members = range(1, spec.members.length);
  const meetings = range(1, spec.meetings.length);
  const markColumns = spec.meetings.filter((m) => !m.noColumn).map((_, i): [number, CellKind] => [2 + i, 'mark']);
  const criteriaRows = spec.criteria
    .map((c, i) => ({ c, row: i + 1 }))
    .filter(({ c }) => c.max !== null)
    .map(({ row }) => row);
  return [
    // Thông tin: Loại tổ chức, Loại hình, Năm đánh giá, Có chi ủy, Sổ biên bản.
    ...cellsOf(book, 'Thông tin', [2, 3, 4, 6, 7], [[1, 'label']]),
    ...cellsOf(book, 'Đảng viên', members, [
      [3, 'date'],
      [4, 'label'],
      [5, 'label'],
      [6, 'label'],
    ]),
    ...cellsOf(book, 'Sinh hoạt', meetings, [
      [1, 'date'],
      [2, 'label'],
      [3, 'number'],
      [4, 'number'],
      [5, 'number'],
      [6, 'number'],
      [7, 'number'],
      [8, 'number'],
      [9, 'label'],
      [10, 'label'],
      [11, 'label'],
    ]),
    ...cellsOf(book, 'Điểm danh', members, markColumns),
    ...cellsOf(
      book,
      'Điểm danh',
      [0],
      markColumns.map(([col]) => [col, 'header']),
    ),
    ...cellsOf(book, 'Tiêu chí', criteriaRows, [
      [2, 'number'],
      [3, 'number'],
    ]),
  ];
}

interface Base {
  name: string;
  book: FixtureBook;
  cells: TypedCell[];
}

function chiBoBase(name: string, edit?: (spec: ChiBoSpec) => void): Base {
  const spec = chiBoSpec();
  edit?.(spec);
  const book = chiBoBook(spec);
  return { name, book, cells: chiBoCells(book, spec) };
}

function dangBoBase(): Base {
  const spec = dangBoSpec();
  spec.members = chiBoSpec().members.slice(0, 5);
  const book = dangBoBook(spec);
  const criteriaRows = spec.criteria
    .map((c, i) => ({ c, row: i + 1 }))
    .filter(({ c }) => c.max !== null)
    .map(({ row }) => row);
  const cells = [
    ...cellsOf(book, 'Thông tin', [2, 3, 4], [[1, 'label']]),
    ...cellsOf(book, 'Đảng viên', range(1, 5), [
      [3, 'date'],
      [4, 'label'],
      [5, 'label'],
      [6, 'label'],
    ]),
    ...cellsOf(book, 'Chi bộ trực thuộc', range(1, spec.subordinates.length), [
      [2, 'number'],
      [3, 'label'],
      [4, 'label'],
    ]),
    ...cellsOf(book, 'Tiêu chí', criteriaRows, [
      [2, 'number'],
      [3, 'number'],
    ]),
  ];
  return { name: 'đảng bộ', book, cells };
}

const setMark = (spec: ChiBoSpec, m: number, k: number, mark: string | null): void => {
  (spec.marks[m] as unknown[])[k] = mark;
};

const BASES: readonly Base[] = [
  chiBoBase('valid chi bộ'),
  // Planted reasons, so that the property is about keeping the original's reasons, not only about none.
  chiBoBase('chi bộ with reasons', (spec) => {
    for (let k = 3; k < 7; k++) setMark(spec, 4, k, 'P');
    setMark(spec, 8, 1, 'K');
    setMark(spec, 9, 2, 'P');
    setMark(spec, 9, 4, 'P');
    setMark(spec, 9, 5, 'P');
    setMark(spec, EXEMPT_MEMBER, 6, 'K');
    spec.meetings[2] = { ...spec.meetings[2]!, minutes: 100, speakers: 2, chair: null, self: null };
    spec.meetings[7] = { ...spec.meetings[7]!, kind: 'Chuyên đề', secretary: 'Chưa ký', self: 'Kém' };
    (spec.members[1] as ChiBoSpec['members'][number]).discipline = 'Khiển trách';
    (spec.members[2] as ChiBoSpec['members'][number]).rating = 'HTNV';
    (spec.members[3] as ChiBoSpec['members'][number]).rating = null;
    spec.info[6] = ['Sổ biên bản đóng dấu giáp lai', 'Không'];
    const low = spec.criteria.find((c) => c.code === '1.3.1');
    if (low) low.self = 20;
  }),
  chiBoBase('chi bộ without Điểm danh', (spec) => {
    spec.attendanceSheet = false;
    spec.meetings[4] = { ...spec.meetings[4]!, unexcused: 1, present: 10 };
  }),
  dangBoBase(),
];

type Key = string;
const blockingKeys = (result: CheckResult): Set<Key> =>
  new Set(
    result.reasons.filter((r) => r.severity === 'block' && r.code !== 'DATA_INVALID').map((r) => `${r.code} ${r.sheet ?? '-'}!${r.cell ?? '-'}`),
  );

const check = (grids: SheetGrid[]): CheckResult => checkWorkbook(grids, { asOf: AS_OF });
const originals = BASES.map((base) => blockingKeys(check(base.book.grids())));

test('the bases: the valid ones have no blocking reason, the planted one has several', () => {
  expect(originals.map((keys) => keys.size)).toEqual([0, expect.any(Number), expect.any(Number), 0]);
  expect((originals[1] as Set<Key>).size).toBeGreaterThan(8);
  expect(BASES.map((b) => b.cells.length).every((n) => n > 50)).toBe(true);
});

test('one unreadable typed cell: a data error, and no blocking reason the original did not have', () => {
  const mutation = fc
    .nat(BASES.length - 1)
    .chain((b) => fc.record({ base: fc.constant(b), cell: fc.nat((BASES[b] as Base).cells.length - 1), value: fc.nat(3) }));
  fc.assert(
    fc.property(mutation, ({ base, cell, value }) => {
      const { book, cells } = BASES[base] as Base;
      const target = cells[cell] as TypedCell;
      const choices = UNREADABLE[target.kind];
      const grids = book.grids();
      const grid = grids.find((g) => g.name === target.sheet) as SheetGrid;
      while (grid.values.length <= target.row) grid.values.push([]);
      const row = grid.values[target.row] as unknown[];
      while (row.length <= target.col) row.push(null);
      row[target.col] = choices[value % choices.length];
      const where = `${target.sheet}!${a1(target.row, target.col)} = ${String(row[target.col] === FORMULA_WITHOUT_RESULT ? '(formula without result)' : row[target.col])}`;
      const result = check(grids);
      if (!result.issues.some((issue) => issue.severity === 'error')) throw new Error(`${where}: no data error`);
      const original = originals[base] as Set<Key>;
      const made = [...blockingKeys(result)].filter((key) => !original.has(key));
      if (made.length > 0) throw new Error(`${where} (${BASES[base]?.name}): new blocking reasons ${made.join(', ')}`);
    }),
    params(200),
  );
});
