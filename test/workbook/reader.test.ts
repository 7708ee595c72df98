/**
 * The reader's records: fields, blank-cell rules, member keys shared by Đảng viên and Điểm danh,
 * codes that Excel made numbers, sheets found under other spellings, and never a crash.
 */
import fc from 'fast-check';
import { markerFor } from '../../src/workbook/generated';
import { checkWorkbook } from '../../src/workbook/check';
import { labelText, readWorkbook } from '../../src/workbook/read';
import type { SheetGrid } from '../../src/workbook/types';
import { AS_OF, chiBoBook, chiBoSpec, dangBoBook, dangBoSpec, validChiBo, EXEMPT_MEMBER, MEETING_HEADERS, type MeetingSpec } from './grids';

describe('records of the valid chi bộ', () => {
  const { records, issues, sheetNames } = readWorkbook(validChiBo());

  test('Thông tin', () => {
    expect(issues).toEqual([]);
    expect(records.info).toEqual({
      name: 'Chi bộ Phòng Tổ chức - Hành chính',
      kind: 'chi-bo',
      level: 'co-so',
      type: 'co-quan',
      year: 2025,
      superior: 'Đảng ủy Khối các cơ quan thành phố',
      hasCommittee: true,
      minutesBookStamped: true,
      minutesBookStampedCell: 'B8',
    });
    expect(sheetNames).toEqual({ info: 'Thông tin', members: 'Đảng viên', meetings: 'Sinh hoạt', attendance: 'Điểm danh', criteria: 'Tiêu chí' });
  });

  test('Đảng viên: keys, blank rules, cells', () => {
    const members = records.members ?? [];
    expect(members).toHaveLength(13);
    expect(members[0]).toEqual({
      key: '79012340',
      name: 'Nguyễn Văn An',
      exempt: false,
      rating: 'HTXSNV',
      discipline: null, // "Không"
      row: 2,
      nameCell: 'B2',
      ratingCell: 'F2',
      ratingUnreadable: false,
      disciplineCell: 'G2',
    });
    expect(members[1]?.exempt).toBe(false); // blank Miễn sinh hoạt
    expect(members[EXEMPT_MEMBER]).toMatchObject({ exempt: true, rating: null });
  });

  test('Sinh hoạt: fields and cells', () => {
    const meetings = records.meetings ?? [];
    expect(meetings).toHaveLength(12);
    expect(meetings[4]).toEqual({
      row: 6,
      date: '2025-05-15',
      kind: 'regular',
      members: 13,
      present: 11,
      excused: 1,
      unexcused: 0,
      speakers: 6,
      minutes: 95,
      chairSigned: true,
      secretarySigned: true,
      selfAssessment: 'kha',
      cells: {
        date: 'B6',
        kind: 'C6',
        members: 'D6',
        present: 'E6',
        excused: 'F6',
        unexcused: 'G6',
        speakers: 'H6',
        minutes: 'I6',
        chairSigned: 'J6',
        secretarySigned: 'K6',
        selfAssessment: 'L6',
      },
    });
    expect(meetings[2]?.kind).toBe('combined');
  });

  test('Điểm danh: columns by date, rows keyed like the members', () => {
    const matrix = records.attendance;
    expect(matrix?.sheet).toBe('Điểm danh');
    expect(matrix?.columns[0]).toEqual({ date: '2025-01-15', headerCell: 'C1' });
    expect(matrix?.columns).toHaveLength(12);
    expect(matrix?.rows.map((r) => r.key)).toEqual(records.members?.map((m) => m.key));
    expect(matrix?.rows[4]?.marks[4]).toBe('P');
    expect(matrix?.rows[4]?.cells[4]).toBe('G6');
    expect(matrix?.rows[EXEMPT_MEMBER]?.marks.every((m) => m === 'M')).toBe(true);
  });

  test('Tiêu chí: codes as text, heading rows skipped', () => {
    const criteria = records.criteria ?? [];
    expect(criteria[0]).toEqual({ code: '1.1', maxPoints: null, selfPoints: null, row: 2, codeCell: 'A2', selfCell: 'D2' });
    expect(criteria[1]).toMatchObject({ code: '1.1.1', maxPoints: 9, selfPoints: 8, row: 4 });
    expect(criteria.some((c) => c.row === 3)).toBe(false); // "a/ Các tiêu chí chung"
  });
});

describe('reading rules', () => {
  test('Điểm danh without card numbers is matched to the members by name', () => {
    const book = chiBoBook().removeColumn('Điểm danh', 'Số thẻ đảng viên');
    const { records, issues } = readWorkbook(book.grids());
    expect(issues).toEqual([]);
    expect(records.attendance?.rows.map((r) => r.key)).toEqual(records.members?.map((m) => m.key));
    expect(records.attendance?.rows[0]?.cells[0]).toBe('B2');
  });

  test('without a card column members are keyed by folded name', () => {
    const book = chiBoBook().removeColumn('Đảng viên', 'Số thẻ đảng viên');
    const { records } = readWorkbook(book.grids());
    expect(records.members?.[0]?.key).toBe('nguyen van an');
    expect(records.attendance?.rows[0]?.key).toBe('nguyen van an');
  });

  test('codes that Excel turned into numbers are read back as text', () => {
    const book = chiBoBook();
    const rows = book.values('Tiêu chí');
    rows.forEach((row, r) => {
      if (row[0] === '1.2') book.set('Tiêu chí', `A${r + 1}`, 1.2);
      if (row[0] === '1.1') book.set('Tiêu chí', `A${r + 1}`, 1.1);
    });
    const { records, issues } = readWorkbook(book.grids());
    expect(issues).toEqual([]);
    expect(records.criteria?.map((c) => c.code)).toContain('1.2');
    expect(records.criteria?.filter((c) => c.code === '1.1')).toHaveLength(1);
    // 1.10 and 1.1 are the same number: the documented limit.
    const ten = chiBoBook().set('Tiêu chí', 'A2', 1.1).grids();
    expect(readWorkbook(ten).records.criteria?.[0]?.code).toBe('1.1');
    expect(checkWorkbook(chiBoBook().set('Tiêu chí', 'A4', '1.1.1.').grids(), { asOf: AS_OF }).eligible).toBe(true);
  });

  test('Thông tin without a header row and shifted right', () => {
    const book = chiBoBook();
    const info = book
      .values('Thông tin')
      .slice(1)
      .map((row) => [null, ...row]);
    book.remove('Thông tin').add('Thông tin', info);
    const { records, issues } = readWorkbook(book.grids());
    expect(issues).toEqual([]);
    expect(records.info.minutesBookStampedCell).toBe('C7');
    expect(records.info.year).toBe(2025);
  });

  test('plain "Chi bộ" is a chi bộ of unknown level', () => {
    const { records, issues } = readWorkbook(chiBoBook().set('Thông tin', 'B3', 'chi bộ').grids());
    expect(issues).toEqual([]);
    expect(records.info).toMatchObject({ kind: 'chi-bo', level: null });
  });

  test('dates as text, as Date objects and as serial numbers', () => {
    const book = chiBoBook()
      .set('Sinh hoạt', 'B2', '15/01/2025')
      .set('Sinh hoạt', 'B3', new Date(Date.UTC(2025, 1, 12)));
    const { records, issues } = readWorkbook(book.grids());
    expect(issues).toEqual([]);
    expect(records.meetings?.slice(0, 3).map((m) => m.date)).toEqual(['2025-01-15', '2025-02-12', '2025-03-15']);
  });

  test('blank absences are 0, blank signatures are not signed, blank rows are skipped', () => {
    const book = chiBoBook().set('Sinh hoạt', 'F6', null).set('Sinh hoạt', 'J3', null);
    const values = book.values('Sinh hoạt');
    values.splice(
      4,
      0,
      MEETING_HEADERS.map(() => null),
      ['  ', null, ''],
    );
    const { records, issues } = readWorkbook(book.grids());
    // The May counts now disagree with the matrix (F stays 0 while the matrix has a P).
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['MATRIX_MISMATCH', 'F8']]);
    expect(records.meetings).toHaveLength(12);
    expect(records.meetings?.[1]?.chairSigned).toBe(false);
    expect(records.meetings?.[4]?.excused).toBe(0);
    expect(records.meetings?.[4]?.row).toBe(8);
  });

  test('reasons name the sheets as the workbook spells them', () => {
    const spec = chiBoSpec();
    (spec.meetings[3] as MeetingSpec).speakers = 2;
    const book = chiBoBook(spec).rename('Sinh hoạt', 'SINH HOAT CHI BO');
    const result = checkWorkbook(book.grids(), { asOf: AS_OF });
    expect(result.reasons).toEqual([expect.objectContaining({ code: 'SPEAKERS_LOW', sheet: 'SINH HOAT CHI BO', cell: 'H5' })]);
  });

  test('a đảng bộ with a Đảng viên sheet of names and discipline only', () => {
    const spec = dangBoSpec();
    spec.members = chiBoSpec().members.slice(0, 3);
    const book = dangBoBook(spec);
    for (const header of ['Số thẻ đảng viên', 'Ngày vào Đảng', 'Miễn sinh hoạt', 'Xếp loại', 'Ghi chú']) book.removeColumn('Đảng viên', header);
    book.set('Đảng viên', 'C3', 'Cảnh cáo');
    const result = checkWorkbook(book.grids(), { asOf: AS_OF });
    expect(result.issues).toEqual([]);
    expect(result.reasons.map((r) => [r.code, r.cell])).toEqual([['DISCIPLINE', 'C3']]);
  });

  test('generated sheets are skipped and reported by their marker', () => {
    const generated = (kind: 'tong-hop' | 'consolidation', name: string): SheetGrid => ({
      name,
      values: [['BÁO CÁO', null, markerFor(kind)]],
      originRow: 0,
      originCol: 0,
    });
    const read = readWorkbook([...validChiBo(), generated('tong-hop', 'Tổng hợp'), generated('consolidation', 'Danh sách tổ chức')]);
    expect(read.generatedMarker).toBe(markerFor('consolidation'));
    expect(read.hasInputSheets).toBe(true);
    expect(read.issues).toEqual([]);
    expect(readWorkbook(validChiBo()).generatedMarker).toBeNull();
  });

  test('the label seam composes NFD text and blanks empty cells', () => {
    const issues: never[] = [];
    expect(labelText('  Hoàn thành '.normalize('NFD'), { sheet: 'x', cell: 'A1' }, issues)).toBe('Hoàn thành');
    expect(labelText('   ', { sheet: 'x', cell: 'A1' }, issues)).toBeNull();
    expect(labelText(12, { sheet: 'x', cell: 'A1' }, issues)).toBe('12');
  });
});

describe('never a crash', () => {
  const names = ['Thông tin', 'Đảng viên', 'Sinh hoạt', 'Điểm danh', 'Tiêu chí', 'Chi bộ trực thuộc', 'Cấu hình', 'Tổng hợp', 'Khác'];
  const words = [
    'Mục',
    'Giá trị',
    'Loại tổ chức',
    'Chi bộ cơ sở',
    'Đảng bộ cơ sở',
    'Năm đánh giá',
    'Họ và tên',
    'Số thẻ đảng viên',
    'Xếp loại',
    'Kỷ luật',
    'Ngày',
    'Loại',
    'Số đảng viên',
    'Có mặt',
    'Số ý kiến',
    'Thời gian (phút)',
    'Mã',
    'Điểm tối đa',
    'Điểm tự chấm',
    'Tên chi bộ',
    'Khóa',
    'HTTNV',
    'C',
    'P',
    'K',
    'v',
    'Có',
    'Không',
    '1.1',
    '1.2.3',
    '31/02/2025',
    '15/03/2025',
    'speakersMedium',
    'deadline.thamDinh',
    'x',
    '',
  ];
  const cell = fc.oneof(
    fc.constantFrom(...words),
    fc.string(),
    fc.integer({ min: -5, max: 50000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
  );
  const grid = fc.record({
    name: fc.constantFrom(...names),
    values: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 14 }),
    originRow: fc.nat(20),
    originCol: fc.nat(5),
  });

  test('random grids give records and issues, never an exception', () => {
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 7 }), (sheets) => {
        const result = checkWorkbook(sheets, { asOf: AS_OF });
        expect(Array.isArray(result.issues)).toBe(true);
        for (const issue of result.issues) expect(issue.cell === null || /^[A-Z]{1,3}\d+$/.test(issue.cell)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
