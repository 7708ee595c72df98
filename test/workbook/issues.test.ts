/**
 * Malformed grids → the exact data issues (SPEC §3): code, severity, sheet and A1 address.
 * Every code but LEGACY_ENCODING is produced here by at least one fixture.
 */
import type { IssueCode } from '../../src/core/types';
import { readWorkbook } from '../../src/workbook/read';
import type { SheetGrid } from '../../src/workbook/types';
import { chiBoBook, chiBoSpec, dangBoBook, dangBoSpec, markCell, meetingCell, memberCell, validChiBo, validDangBo, type ChiBoSpec } from './grids';

interface Expected {
  code: IssueCode;
  sheet: string;
  cell: string | null;
  severity?: 'error' | 'warning';
}

function edited(edit: (spec: ChiBoSpec) => void, cells?: (book: ReturnType<typeof chiBoBook>) => void): SheetGrid[] {
  const spec = chiBoSpec();
  edit(spec);
  const book = chiBoBook(spec);
  cells?.(book);
  return book.grids();
}

function book(cells: (book: ReturnType<typeof chiBoBook>) => void): SheetGrid[] {
  return edited(() => undefined, cells);
}

const WARNING_CODES: IssueCode[] = ['DATE_OUT_OF_YEAR', 'DUPLICATE_MEMBER', 'MATRIX_MISMATCH', 'SCORE_MISSING', 'LEGACY_ENCODING'];

const CASES: [string, () => SheetGrid[], Expected[]][] = [
  // ---------------------------------------------------------------- SHEET_MISSING
  ['chi bộ without Sinh hoạt', () => book((b) => b.remove('Sinh hoạt')), [{ code: 'SHEET_MISSING', sheet: 'Sinh hoạt', cell: null }]],
  ['chi bộ without Đảng viên', () => book((b) => b.remove('Đảng viên')), [{ code: 'SHEET_MISSING', sheet: 'Đảng viên', cell: null }]],
  ['chi bộ without Tiêu chí', () => book((b) => b.remove('Tiêu chí')), [{ code: 'SHEET_MISSING', sheet: 'Tiêu chí', cell: null }]],
  [
    'chi bộ without Điểm danh is a warning',
    () => edited((s) => (s.attendanceSheet = false)),
    [{ code: 'SHEET_MISSING', sheet: 'Điểm danh', cell: null, severity: 'warning' }],
  ],
  ['workbook without Thông tin', () => book((b) => b.remove('Thông tin')), [{ code: 'SHEET_MISSING', sheet: 'Thông tin', cell: null }]],
  [
    'đảng bộ without Chi bộ trực thuộc',
    () => dangBoBook().remove('Chi bộ trực thuộc').grids(),
    [{ code: 'SHEET_MISSING', sheet: 'Chi bộ trực thuộc', cell: null }],
  ],
  // ---------------------------------------------------------------- COLUMN_MISSING
  [
    'Sinh hoạt without Số ý kiến',
    () => book((b) => b.removeColumn('Sinh hoạt', 'Số ý kiến')),
    [{ code: 'COLUMN_MISSING', sheet: 'Sinh hoạt', cell: 'A1' }],
  ],
  [
    'Sinh hoạt without Số ý kiến, below two title rows',
    () =>
      book((b) => {
        b.removeColumn('Sinh hoạt', 'Số ý kiến');
        b.insertRows('Sinh hoạt', [['SỔ THEO DÕI SINH HOẠT CHI BỘ'], []]);
      }),
    [{ code: 'COLUMN_MISSING', sheet: 'Sinh hoạt', cell: 'A3' }],
  ],
  [
    'Sinh hoạt without Số ý kiến, used range starting at B4',
    () =>
      book((b) => {
        b.removeColumn('Sinh hoạt', 'Số ý kiến');
        const sheet = b.sheets.find((s) => s.name === 'Sinh hoạt');
        if (sheet) Object.assign(sheet, { originRow: 3, originCol: 1 });
      }),
    [{ code: 'COLUMN_MISSING', sheet: 'Sinh hoạt', cell: 'B4' }],
  ],
  [
    'Đảng viên without Xếp loại',
    () => book((b) => b.removeColumn('Đảng viên', 'Xếp loại')),
    [{ code: 'COLUMN_MISSING', sheet: 'Đảng viên', cell: 'A1' }],
  ],
  [
    'Tiêu chí without Điểm tự chấm',
    () => book((b) => b.removeColumn('Tiêu chí', 'Điểm tự chấm')),
    [{ code: 'COLUMN_MISSING', sheet: 'Tiêu chí', cell: 'A1' }],
  ],
  ['Điểm danh without Họ và tên', () => book((b) => b.set('Điểm danh', 'A1', 'Tên')), [{ code: 'COLUMN_MISSING', sheet: 'Điểm danh', cell: 'A1' }]],
  [
    'Chi bộ trực thuộc without Xếp loại',
    () => dangBoBook().removeColumn('Chi bộ trực thuộc', 'Xếp loại').grids(),
    [{ code: 'COLUMN_MISSING', sheet: 'Chi bộ trực thuộc', cell: 'A1' }],
  ],
  // ---------------------------------------------------------------- VALUE_INVALID
  ['unknown rating', () => book((b) => b.set('Đảng viên', memberCell('F', 2), 'Giỏi')), [{ code: 'VALUE_INVALID', sheet: 'Đảng viên', cell: 'F4' }]],
  // "Miễn" reads as Có since SPEC 2026-12; "Tạm hoãn" is neither Có nor Không.
  [
    'unknown Miễn sinh hoạt',
    () => book((b) => b.set('Đảng viên', memberCell('E', 0), 'Tạm hoãn')),
    [{ code: 'VALUE_INVALID', sheet: 'Đảng viên', cell: 'E2' }],
  ],
  ['unknown Loại tổ chức', () => book((b) => b.set('Thông tin', 'B3', 'Chi đoàn')), [{ code: 'VALUE_INVALID', sheet: 'Thông tin', cell: 'B3' }]],
  ['blank Loại tổ chức', () => book((b) => b.set('Thông tin', 'B3', '  ')), [{ code: 'VALUE_INVALID', sheet: 'Thông tin', cell: 'B3' }]],
  ['Năm đánh giá not a year', () => book((b) => b.set('Thông tin', 'B5', 'năm nay')), [{ code: 'VALUE_INVALID', sheet: 'Thông tin', cell: 'B5' }]],
  [
    'no Năm đánh giá row',
    () => edited((s) => (s.info = s.info.filter(([item]) => item !== 'Năm đánh giá'))),
    [{ code: 'VALUE_INVALID', sheet: 'Thông tin', cell: null }],
  ],
  ['unknown Loại hình', () => book((b) => b.set('Thông tin', 'B4', 'Trường học')), [{ code: 'VALUE_INVALID', sheet: 'Thông tin', cell: 'B4' }]],
  ['unknown Có chi ủy', () => book((b) => b.set('Thông tin', 'B7', 'Chưa rõ')), [{ code: 'VALUE_INVALID', sheet: 'Thông tin', cell: 'B7' }]],
  [
    'unknown meeting kind',
    () => book((b) => b.set('Sinh hoạt', meetingCell('C', 0), 'Họp mặt')),
    [{ code: 'VALUE_INVALID', sheet: 'Sinh hoạt', cell: 'C2' }],
  ],
  [
    'blank meeting kind',
    () => book((b) => b.set('Sinh hoạt', meetingCell('C', 1), null)),
    [{ code: 'VALUE_INVALID', sheet: 'Sinh hoạt', cell: 'C3' }],
  ],
  [
    'unknown signature',
    () => book((b) => b.set('Sinh hoạt', meetingCell('J', 4), 'đã xem')),
    [{ code: 'VALUE_INVALID', sheet: 'Sinh hoạt', cell: 'J6' }],
  ],
  [
    'unknown self-assessment',
    () => book((b) => b.set('Sinh hoạt', meetingCell('L', 3), 'Xuất sắc')),
    [{ code: 'VALUE_INVALID', sheet: 'Sinh hoạt', cell: 'L5' }],
  ],
  [
    'ambiguous mark "v" (the counts then disagree)',
    () => book((b) => b.set('Điểm danh', markCell(2, 3), 'v')),
    [
      { code: 'VALUE_INVALID', sheet: 'Điểm danh', cell: 'F4' },
      { code: 'MATRIX_MISMATCH', sheet: 'Sinh hoạt', cell: 'E5' },
    ],
  ],
  ['unknown criterion code', () => book((b) => b.set('Tiêu chí', 'A4', 'A.1')), [{ code: 'VALUE_INVALID', sheet: 'Tiêu chí', cell: 'A4' }]],
  ['points without a code', () => book((b) => b.set('Tiêu chí', 'A5', null)), [{ code: 'VALUE_INVALID', sheet: 'Tiêu chí', cell: 'A5' }]],
  [
    'member row without a name',
    () => book((b) => b.set('Đảng viên', memberCell('B', 3), null)),
    [{ code: 'VALUE_INVALID', sheet: 'Đảng viên', cell: 'B5' }],
  ],
  [
    'unknown subordinate rating',
    () => dangBoBook().set('Chi bộ trực thuộc', 'D3', 'Tốt').grids(),
    [{ code: 'VALUE_INVALID', sheet: 'Chi bộ trực thuộc', cell: 'D3' }],
  ],
  [
    'unknown Chi bộ bốn tốt status',
    () => dangBoBook().set('Chi bộ trực thuộc', 'E2', 'Có lẽ').grids(),
    [{ code: 'VALUE_INVALID', sheet: 'Chi bộ trực thuộc', cell: 'E2' }],
  ],
  // ---------------------------------------------------------------- NUMBER_INVALID
  [
    'speakers not a number',
    () => book((b) => b.set('Sinh hoạt', meetingCell('H', 1), 'nhiều')),
    [{ code: 'NUMBER_INVALID', sheet: 'Sinh hoạt', cell: 'H3' }],
  ],
  [
    'present not whole',
    () => book((b) => b.set('Sinh hoạt', meetingCell('E', 2), 11.5)),
    [{ code: 'NUMBER_INVALID', sheet: 'Sinh hoạt', cell: 'E4' }],
  ],
  ['negative absences', () => book((b) => b.set('Sinh hoạt', meetingCell('G', 2), -1)), [{ code: 'NUMBER_INVALID', sheet: 'Sinh hoạt', cell: 'G4' }]],
  ['blank minutes', () => book((b) => b.set('Sinh hoạt', meetingCell('I', 3), null)), [{ code: 'NUMBER_INVALID', sheet: 'Sinh hoạt', cell: 'I5' }]],
  ['blank members', () => book((b) => b.set('Sinh hoạt', meetingCell('D', 5), '')), [{ code: 'NUMBER_INVALID', sheet: 'Sinh hoạt', cell: 'D7' }]],
  ['maximum not a number', () => book((b) => b.set('Tiêu chí', 'C6', 'mười')), [{ code: 'NUMBER_INVALID', sheet: 'Tiêu chí', cell: 'C6' }]],
  ['self-score without a maximum', () => book((b) => b.set('Tiêu chí', 'C6', null)), [{ code: 'NUMBER_INVALID', sheet: 'Tiêu chí', cell: 'C6' }]],
  [
    'subordinate members not a number',
    () => dangBoBook().set('Chi bộ trực thuộc', 'C4', 'mười').grids(),
    [{ code: 'NUMBER_INVALID', sheet: 'Chi bộ trực thuộc', cell: 'C4' }],
  ],
  // ---------------------------------------------------------------- DATE_INVALID
  [
    'impossible meeting date (its matrix column is then unmatched)',
    () => book((b) => b.set('Sinh hoạt', meetingCell('B', 5), '31/02/2025')),
    [
      { code: 'DATE_INVALID', sheet: 'Sinh hoạt', cell: 'B7' },
      { code: 'MATRIX_MISMATCH', sheet: 'Điểm danh', cell: 'H1' },
    ],
  ],
  [
    'blank meeting date',
    () =>
      edited(
        (s) => (s.meetings[2] = { ...(s.meetings[2] as ChiBoSpec['meetings'][number]), noColumn: true }),
        (b) => b.set('Sinh hoạt', 'B4', null),
      ),
    [{ code: 'DATE_INVALID', sheet: 'Sinh hoạt', cell: 'B4' }],
  ],
  [
    'attendance header not a date',
    () => book((b) => b.set('Điểm danh', 'C1', '32/01/2025')),
    [
      { code: 'DATE_INVALID', sheet: 'Điểm danh', cell: 'C1' },
      { code: 'MATRIX_MISMATCH', sheet: 'Sinh hoạt', cell: 'B2' },
    ],
  ],
  [
    'bad Ngày vào Đảng',
    () => book((b) => b.set('Đảng viên', memberCell('D', 1), 'hôm qua')),
    [{ code: 'DATE_INVALID', sheet: 'Đảng viên', cell: 'D3' }],
  ],
  // ---------------------------------------------------------------- DATE_OUT_OF_YEAR
  [
    'meeting dated in the previous year',
    () => edited((s) => ((s.meetings[0] as ChiBoSpec['meetings'][number]).date = '2024-12-20')),
    [{ code: 'DATE_OUT_OF_YEAR', sheet: 'Sinh hoạt', cell: 'B2' }],
  ],
  // ---------------------------------------------------------------- COUNT_MISMATCH
  [
    'present + absent above members',
    () => edited((s) => ((s.meetings[2] as ChiBoSpec['meetings'][number]).members = 11)),
    [{ code: 'COUNT_MISMATCH', sheet: 'Sinh hoạt', cell: 'E4' }],
  ],
  // ---------------------------------------------------------------- DUPLICATE_MEMBER
  [
    'same card number twice',
    () => edited((s) => ((s.members[5] as ChiBoSpec['members'][number]).card = s.members[4]?.card ?? null)),
    [{ code: 'DUPLICATE_MEMBER', sheet: 'Đảng viên', cell: 'C7' }],
  ],
  [
    'same name twice without a card column',
    () =>
      edited(
        (s) => ((s.members[5] as ChiBoSpec['members'][number]).name = s.members[4]?.name ?? ''),
        (b) => b.removeColumn('Đảng viên', 'Số thẻ đảng viên'),
      ),
    // Số thẻ đảng viên is optional (SPEC §2: members are keyed by it "when that column exists").
    [{ code: 'DUPLICATE_MEMBER', sheet: 'Đảng viên', cell: 'B7' }],
  ],
  // ---------------------------------------------------------------- MATRIX_MISMATCH
  [
    'a mark that disagrees with the counts',
    () => book((b) => b.set('Điểm danh', markCell(1, 2), 'P')),
    [
      { code: 'MATRIX_MISMATCH', sheet: 'Sinh hoạt', cell: 'E4' },
      { code: 'MATRIX_MISMATCH', sheet: 'Sinh hoạt', cell: 'F4' },
    ],
  ],
  [
    'a meeting without a column',
    () => edited((s) => (s.meetings[6] = { ...(s.meetings[6] as ChiBoSpec['meetings'][number]), noColumn: true })),
    [{ code: 'MATRIX_MISMATCH', sheet: 'Sinh hoạt', cell: 'B8' }],
  ],
  [
    'a column without a meeting',
    () => book((b) => b.set('Điểm danh', 'O1', '30/07/2025')),
    [{ code: 'MATRIX_MISMATCH', sheet: 'Điểm danh', cell: 'O1' }],
  ],
  // ---------------------------------------------------------------- SCORE_INVALID / SCORE_MISSING
  ['self-score above maximum', () => book((b) => b.set('Tiêu chí', 'D4', 50)), [{ code: 'SCORE_INVALID', sheet: 'Tiêu chí', cell: 'D4' }]],
  ['negative self-score', () => book((b) => b.set('Tiêu chí', 'D5', -2)), [{ code: 'SCORE_INVALID', sheet: 'Tiêu chí', cell: 'D5' }]],
  ['negative maximum', () => book((b) => b.set('Tiêu chí', 'C5', -9)), [{ code: 'SCORE_INVALID', sheet: 'Tiêu chí', cell: 'C5' }]],
  ['blank self-score', () => book((b) => b.set('Tiêu chí', 'D6', null)), [{ code: 'SCORE_MISSING', sheet: 'Tiêu chí', cell: 'D6' }]],
];

const key = (i: { code: string; sheet: string; cell: string | null }): string => `${i.code} ${i.sheet}!${i.cell ?? '-'}`;

describe('malformed grids give exactly their issues', () => {
  test('the valid fixtures have no issue', () => {
    expect(readWorkbook(validChiBo()).issues).toEqual([]);
    expect(readWorkbook(validDangBo()).issues).toEqual([]);
  });

  test.each(CASES)('%s', (_name, grids, expected) => {
    const { issues } = readWorkbook(grids());
    expect(issues.map(key).sort()).toEqual(expected.map(key).sort());
    for (const want of expected) {
      const issue = issues.find((i) => key(i) === key(want));
      const severity = want.severity ?? (WARNING_CODES.includes(want.code) ? 'warning' : 'error');
      expect(issue?.severity).toBe(severity);
      // A Vietnamese message that says what is expected.
      expect(issue?.message).toMatch(/cần|phải|nên|hãy|không được/i);
    }
  });

  test('every SPEC §3 code but LEGACY_ENCODING has a fixture', () => {
    const codes = new Set(CASES.flatMap(([, , expected]) => expected.map((e) => e.code)));
    const all: IssueCode[] = [
      'SHEET_MISSING',
      'COLUMN_MISSING',
      'VALUE_INVALID',
      'NUMBER_INVALID',
      'DATE_INVALID',
      'DATE_OUT_OF_YEAR',
      'COUNT_MISMATCH',
      'DUPLICATE_MEMBER',
      'MATRIX_MISMATCH',
      'SCORE_INVALID',
      'SCORE_MISSING',
    ];
    expect([...codes].sort()).toEqual(all.sort());
  });

  test('messages say what was found', () => {
    const { issues } = readWorkbook(book((b) => b.set('Sinh hoạt', meetingCell('H', 1), 'nhiều')));
    expect(issues[0]?.message).toContain('"nhiều"');
    expect(issues[0]?.message).toContain('Số ý kiến');
    const mark = readWorkbook(book((b) => b.set('Điểm danh', markCell(2, 3), 'v'))).issues.find((i) => i.code === 'VALUE_INVALID');
    expect(mark?.message).toMatch(/"P".*"K"/);
    const spec = dangBoSpec();
    expect(readWorkbook(dangBoBook(spec).grids()).issues).toEqual([]);
  });
});
