/**
 * The reader and the check on random grids and on random mutations of valid workbooks (cells set
 * to random values, rows and columns deleted or inserted, sheets renamed, removed, duplicated or
 * moved). Whatever comes in:
 * - checkWorkbook never throws;
 * - every issue and every reason that names a cell names a sheet of the input and an A1 address
 *   inside that sheet's grid (origin + size, the header row included), so the pane can select it;
 *   an issue without a cell still names a sheet;
 * - a verdict is never "eligible" beside an error-severity issue;
 * - every percent and statistic is a finite number or null (JSON has no NaN);
 * - the summary document renders, values only, and the legacy-encoding plan only touches text cells
 *   of the input, as they are.
 */
import fc from 'fast-check';
import { defaultPolicy } from '../../src/core/policy';
import { parseA1 } from '../../src/workbook/a1';
import { checkWorkbook } from '../../src/workbook/check';
import { rowFromCheck } from '../../src/workbook/consolidate';
import { planLegacyFix } from '../../src/workbook/legacyFix';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import { summaryLayout } from '../../src/workbook/layout/summary';
import type { CheckResult, SheetGrid } from '../../src/workbook/types';
import { AS_OF, chiBoSpec, validChiBo, validDangBo } from '../workbook/grids';
import { anyNumber, anyText, ERROR_STRINGS, params, VOCABULARY } from './fuzz';

// ------------------------------------------------------------------------------ invariants

function bounds(grid: SheetGrid): { r0: number; c0: number; r1: number; c1: number } {
  const width = Math.max(0, ...grid.values.map((row) => row.length));
  return { r0: grid.originRow, c0: grid.originCol, r1: grid.originRow + grid.values.length - 1, c1: grid.originCol + width - 1 };
}

/** Throws with a readable explanation when a result breaks an invariant. */
/** Words a message must not show unless it quotes them from a cell: a number gone wrong or a bad String(). */
const GARBAGE = ['NaN', 'Infinity', 'undefined', '[object '];

function garbageIn(message: string, input: string): string | null {
  return GARBAGE.find((word) => message.includes(word) && !input.includes(word)) ?? null;
}

/** Every text of the input (sheet names and string cells), to tell quoted text from garbage. */
function inputText(sheets: readonly SheetGrid[]): string {
  return sheets.flatMap((g) => [g.name, ...g.values.flat().filter((v): v is string => typeof v === 'string')]).join('\n');
}

function checkInvariants(sheets: readonly SheetGrid[], result: CheckResult): void {
  const input = inputText(sheets);
  const byName = new Map<string, SheetGrid[]>();
  for (const grid of sheets) byName.set(grid.name, [...(byName.get(grid.name) ?? []), grid]);
  const placed = (what: string, sheet: string | null, cell: string | null, code: string): void => {
    if (cell === null) {
      if (what === 'issue' && (typeof sheet !== 'string' || sheet === '')) throw new Error(`${what} ${code} without a sheet`);
      return;
    }
    if (sheet === null) throw new Error(`${what} ${code} has cell ${cell} but no sheet`);
    const grids = byName.get(sheet);
    if (!grids) throw new Error(`${what} ${code} names sheet "${sheet}" that is not in the input (${[...byName.keys()].join(' | ')})`);
    const pos = parseA1(cell);
    if (!pos) throw new Error(`${what} ${code} has cell "${cell}", not an A1 address`);
    const inside = grids.some((grid) => {
      const b = bounds(grid);
      if (pos.row >= b.r0 && pos.row <= b.r1 && pos.col >= b.c0 && pos.col <= b.c1) return true;
      // Where a missing thing must be typed, which no used range can include (it is blank):
      // the first cell of an empty sheet (its header row), or the blank value cell just right of a
      // row of the grid (Thông tin read loosely: the value belongs next to its label).
      if (b.r1 < b.r0 || b.c1 < b.c0) return pos.row === grid.originRow && pos.col === grid.originCol;
      return pos.row >= b.r0 && pos.row <= b.r1 && pos.col === b.c1 + 1;
    });
    if (!inside) {
      const b = bounds(grids[0] as SheetGrid);
      throw new Error(
        `${what} ${code} at ${sheet}!${cell} is outside the sheet's grid (rows ${b.r0 + 1}–${b.r1 + 1}, columns ${b.c0 + 1}–${b.c1 + 1})`,
      );
    }
  };
  for (const issue of result.issues) {
    if (typeof issue.message !== 'string' || issue.message.trim() === '') throw new Error(`issue ${issue.code} without a message`);
    placed('issue', issue.sheet, issue.cell, issue.code);
  }
  for (const reason of result.reasons) {
    if (typeof reason.message !== 'string' || reason.message.trim() === '') throw new Error(`reason ${reason.code} without a message`);
    if (garbageIn(reason.message, input)) throw new Error(`reason ${reason.code} says "${reason.message}"`);
    placed('reason', reason.sheet, reason.cell, reason.code);
  }
  for (const issue of result.issues) {
    if (garbageIn(issue.message, input)) throw new Error(`issue ${issue.code} says "${issue.message}"`);
  }
  if (result.eligible && result.issues.some((issue) => issue.severity === 'error')) {
    throw new Error(
      `eligible with error issues: ${result.issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.code)
        .join(', ')}`,
    );
  }
  if (result.eligible && result.reasons.some((reason) => reason.severity === 'block')) throw new Error('eligible with a blocking reason');
  for (const criterion of result.criteria) {
    if (criterion.percent !== null && !Number.isFinite(criterion.percent)) throw new Error(`criterion ${criterion.id} percent ${criterion.percent}`);
  }
  JSON.stringify(result.stats, (key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`stats.${key} = ${value}`);
    return value;
  });
}

/** The other outputs built from a check: the summary document and a consolidation row. */
function checkOutputs(result: CheckResult, input: string): void {
  const layout = summaryLayout(result);
  if (layout.formulas && Object.keys(layout.formulas).length > 0) throw new Error('summary has formulas');
  for (const row of layout.values) {
    for (const value of row) {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`summary holds ${value}`);
      if (typeof value === 'string' && garbageIn(value, input)) throw new Error(`summary says "${value}"`);
    }
  }
  rowFromCheck('tệp.xlsx', result);
}

/** The legacy plan touches only text cells of the input, as they are, inside their sheets. */
function checkLegacyPlan(sheets: readonly SheetGrid[]): void {
  for (const fix of planLegacyFix(sheets)) {
    const grid = sheets.find((g) => g.name === fix.sheet);
    const pos = parseA1(fix.cell);
    if (!grid || !pos) throw new Error(`legacy fix at ${fix.sheet}!${fix.cell} is not in the input`);
    const value = grid.values[pos.row - grid.originRow]?.[pos.col - grid.originCol];
    if (value !== fix.before || typeof value !== 'string')
      throw new Error(`legacy fix at ${fix.sheet}!${fix.cell}: planned from "${fix.before}", cell holds ${String(value)}`);
  }
}

/** A case that takes longer than this is a finding of its own (work not bounded by the input). */
const SLOW_MS = 3000;

function run(sheets: SheetGrid[]): void {
  const snapshot = JSON.stringify(sheets);
  const started = Date.now();
  const result = checkWorkbook(sheets, { asOf: AS_OF });
  const took = Date.now() - started;
  if (took > SLOW_MS) throw new Error(`checkWorkbook took ${took} ms`);
  checkInvariants(sheets, result);
  checkOutputs(result, inputText(sheets));
  checkLegacyPlan(sheets);
  // The check reads; it never edits the grids it is given.
  if (JSON.stringify(sheets) !== snapshot) throw new Error('checkWorkbook changed its input grids');
}

// ------------------------------------------------------------------------------ generators

const SHEET_NAMES = [
  'Thông tin',
  'Đảng viên',
  'Sinh hoạt',
  'Điểm danh',
  'Tiêu chí',
  'Chi bộ trực thuộc',
  'Cấu hình',
  'Tổng hợp',
  'Danh mục',
  'Sheet1',
];

/**
 * A cell as a host hands it over: Office.js gives finite numbers, strings, booleans and "" for
 * blanks; ExcelJS (plainCellValue) gives finite numbers, strings, booleans, valid Dates and null.
 */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: anyText },
  { weight: 3, arbitrary: anyNumber.filter(Number.isFinite) },
  { weight: 1, arbitrary: fc.integer({ min: 44_000, max: 47_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, '', ' ') },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_STRINGS) },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }) },
);

/** What no host gives but a careless caller might: NaN, ±Infinity, undefined, invalid Dates, objects. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  cellValue,
  fc.constantFrom(Number.NaN, Infinity, -Infinity, undefined, new Date(Number.NaN), {}, [], { richText: [] }, Symbol.iterator, 10n),
);

const headerWord = fc.constantFrom(
  'Mục',
  'Giá trị',
  'Họ và tên',
  'Số thẻ đảng viên',
  'Xếp loại',
  'Kỷ luật',
  'Miễn sinh hoạt',
  'Ngày',
  'Loại',
  'Số đảng viên',
  'Có mặt',
  'Vắng có lý do',
  'Vắng không lý do',
  'Số ý kiến',
  'Thời gian (phút)',
  'Chủ trì ký',
  'Thư ký ký',
  'Tự đánh giá',
  'Mã',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Tên chi bộ',
  'Khóa',
  'Giá trị',
  'Nguồn',
  'Loại tổ chức',
  'Năm đánh giá',
  '05/03/2025',
  'STT',
);

const randomGrid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(fc.constantFrom(...SHEET_NAMES), fc.string({ maxLength: 31 })),
  values: fc.array(fc.array(fc.oneof(cellValue, headerWord), { maxLength: 14 }), { maxLength: 16 }),
  originRow: fc.oneof(fc.nat(12), fc.constant(0)),
  originCol: fc.oneof(fc.nat(4), fc.constant(0)),
  hidden: fc.boolean(),
});

/** One edit of a workbook, as data so that a counterexample reads as what happened to the book. */
type Mutation =
  | { op: 'set'; sheet: number; row: number; col: number; value: unknown }
  | { op: 'deleteRow'; sheet: number; row: number }
  | { op: 'insertRow'; sheet: number; row: number; cells: unknown[] }
  | { op: 'deleteColumn'; sheet: number; col: number }
  | { op: 'insertColumn'; sheet: number; col: number; value: unknown }
  | { op: 'rename'; sheet: number; name: string }
  | { op: 'removeSheet'; sheet: number }
  | { op: 'duplicateSheet'; sheet: number }
  | { op: 'moveOrigin'; sheet: number; row: number; col: number }
  | { op: 'cutRow'; sheet: number; row: number; length: number }
  | { op: 'swap'; sheet: number; row: number; a: number; b: number };

const pick = <T>(items: readonly T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length]);

function apply(sheets: SheetGrid[], m: Mutation): void {
  const grid = pick(sheets, m.sheet);
  if (!grid) return;
  switch (m.op) {
    case 'set': {
      while (grid.values.length <= m.row) grid.values.push([]);
      const row = grid.values[m.row] as unknown[];
      while (row.length <= m.col) row.push(null);
      row[m.col] = m.value;
      return;
    }
    case 'deleteRow':
      grid.values.splice(m.row, 1);
      return;
    case 'insertRow':
      grid.values.splice(Math.min(m.row, grid.values.length), 0, [...m.cells]);
      return;
    case 'deleteColumn':
      for (const row of grid.values) row.splice(m.col, 1);
      return;
    case 'insertColumn':
      for (const row of grid.values) row.splice(Math.min(m.col, row.length), 0, m.value);
      return;
    case 'rename':
      grid.name =
        m.name === '<upper>'
          ? grid.name.toUpperCase()
          : m.name === '<nfd>'
            ? grid.name.normalize('NFD')
            : m.name === '<spaces>'
              ? `  ${grid.name} `
              : m.name;
      return;
    case 'removeSheet':
      sheets.splice(sheets.indexOf(grid), 1);
      return;
    case 'duplicateSheet':
      sheets.push({ ...grid, values: grid.values.map((row) => [...row]) });
      return;
    case 'moveOrigin':
      grid.originRow = m.row;
      grid.originCol = m.col;
      return;
    case 'cutRow': {
      const row = grid.values[m.row];
      if (row) row.length = Math.min(row.length, m.length);
      return;
    }
    case 'swap': {
      const row = grid.values[m.row];
      if (!row || m.a >= row.length || m.b >= row.length) return;
      [row[m.a], row[m.b]] = [row[m.b], row[m.a]];
      return;
    }
  }
}

const sheetIndex = fc.nat(9);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Set a cell (sometimes past the end of its row or below the last row).
  { weight: 8, arbitrary: fc.record({ op: fc.constant('set' as const), sheet: sheetIndex, row: fc.nat(40), col: fc.nat(20), value: cellValue }) },
  // Delete a row (the header row too); insert a blank, title or random row.
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteRow' as const), sheet: sheetIndex, row: fc.nat(30) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('insertRow' as const),
      sheet: sheetIndex,
      row: fc.nat(30),
      cells: fc.array(cellValue, { maxLength: 14 }),
    }),
  },
  // Delete or insert a column.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteColumn' as const), sheet: sheetIndex, col: fc.nat(14) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insertColumn' as const), sheet: sheetIndex, col: fc.nat(14), value: cellValue }) },
  // Rename a sheet: another template name (duplicates), a case/NFD variant, or anything.
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('rename' as const),
      sheet: sheetIndex,
      name: fc.oneof(fc.constantFrom(...SHEET_NAMES, '<upper>', '<nfd>', '<spaces>'), fc.string({ maxLength: 31 })),
    }),
  },
  // Remove, duplicate or move a sheet.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeSheet' as const), sheet: sheetIndex }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateSheet' as const), sheet: sheetIndex }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('moveOrigin' as const), sheet: sheetIndex, row: fc.nat(30), col: fc.nat(6) }) },
  // A ragged row; two cells swapped (values in the wrong column).
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cutRow' as const), sheet: sheetIndex, row: fc.nat(30), length: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap' as const), sheet: sheetIndex, row: fc.nat(20), a: fc.nat(14), b: fc.nat(14) }) },
);

function policyGrid(): SheetGrid {
  const layout = policyLayout(defaultPolicy());
  return { name: layout.name, values: layout.values.map((row) => [...row]), originRow: 0, originCol: 0, hidden: true };
}

const BASES: Record<string, () => SheetGrid[]> = {
  'chi bộ': () => validChiBo(),
  'chi bộ with a Cấu hình sheet': () => [...validChiBo(), policyGrid()],
  'chi bộ without Điểm danh': () => validChiBo((spec) => void (spec.attendanceSheet = false)),
  'đảng bộ cơ sở': () => validDangBo(),
  'đảng bộ cơ sở with members': () => validDangBo((spec) => void (spec.members = chiBoSpec().members)),
};

// ------------------------------------------------------------------------------ properties

describe('the fixtures hold the invariants untouched (and are eligible)', () => {
  test.each(Object.keys(BASES))('%s', (name) => {
    const sheets = (BASES[name] as () => SheetGrid[])();
    const result = checkWorkbook(sheets, { asOf: AS_OF });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.eligible).toBe(true);
    run(sheets);
  });
});

describe('random grids', () => {
  test('never throw; issues and reasons point inside the input; never eligible with an error', () => {
    fc.assert(
      fc.property(fc.array(randomGrid, { maxLength: 8 }), (sheets) => run(sheets)),
      params(300),
    );
  });

  test('values no host gives (NaN, Infinity, undefined, objects) do not make the check throw either', () => {
    const oddGrid = fc.record({
      name: fc.constantFrom(...SHEET_NAMES),
      values: fc.array(fc.array(fc.oneof(oddValue, headerWord), { maxLength: 12 }), { maxLength: 12 }),
      originRow: fc.nat(3),
      originCol: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(oddGrid, { maxLength: 7 }), (sheets) => {
        const result = checkWorkbook(sheets, { asOf: AS_OF });
        if (result.eligible && result.issues.some((issue) => issue.severity === 'error')) throw new Error('eligible with an error');
      }),
      params(200),
    );
  });
});

describe.each(Object.keys(BASES))('mutations of a valid %s workbook', (name) => {
  test('never throw; issues and reasons point inside the input; never eligible with an error', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        const sheets = (BASES[name] as () => SheetGrid[])();
        for (const m of mutations) apply(sheets, m);
        run(sheets);
      }),
      params(150),
    );
  });
});

describe('the invariant checks can fail', () => {
  const sheets = validChiBo();
  const result = checkWorkbook(sheets, { asOf: AS_OF });
  test('an issue outside the grid', () => {
    const bad = {
      ...result,
      issues: [{ severity: 'warning' as const, sheet: 'Sinh hoạt', cell: 'Z99', code: 'VALUE_INVALID' as const, message: 'x' }],
    };
    expect(() => checkInvariants(sheets, bad)).toThrow(/outside/);
  });
  test('an issue on a sheet that is not there', () => {
    const bad = {
      ...result,
      issues: [{ severity: 'warning' as const, sheet: 'Sinh hoat', cell: 'A1', code: 'VALUE_INVALID' as const, message: 'x' }],
    };
    expect(() => checkInvariants(sheets, bad)).toThrow(/not in the input/);
  });
  test('eligible with an error', () => {
    const bad = {
      ...result,
      eligible: true,
      issues: [{ severity: 'error' as const, sheet: 'Sinh hoạt', cell: 'A1', code: 'VALUE_INVALID' as const, message: 'x' }],
    };
    expect(() => checkInvariants(sheets, bad)).toThrow(/eligible/);
  });
});

describe('found by fuzzing', () => {
  test('huge points in Tiêu chí are data errors, not "NaN %" from sums that overflow', () => {
    const sheets = validChiBo((spec) => {
      spec.criteria = spec.criteria.map((c) => (String(c.code).startsWith('1.1') && c.max !== null ? { ...c, max: 1e308, self: 1e308 } : c));
    });
    const result = checkWorkbook(sheets, { asOf: AS_OF });
    expect(result.eligible).toBe(false);
    expect(result.issues.filter((i) => i.code === 'SCORE_INVALID').length).toBeGreaterThan(0);
    expect(result.issues.find((i) => i.code === 'SCORE_INVALID')?.message).toContain('1 000 000');
    run(sheets);
    for (const text of [...result.reasons, ...result.issues].map((x) => x.message)) expect(text).not.toMatch(/NaN|Infinity/);
  });
});
