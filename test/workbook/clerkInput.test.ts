/**
 * Issue 17, "What was seen" — the reading of clerk-typed input: one workbook per observation,
 * each asserting the exact verdict, reason codes and addresses that SPEC (amended 2026-12) gives.
 * The base workbook is the valid chi bộ of grids.ts (eligible as of AS_OF, no reason).
 */
import { disciplineYear, parseDiscipline } from '../../src/core/discipline';
import { isNotYetRated, parseExempt, parseSelfAssessment, parseSigned, parseStamped } from '../../src/core/vocabulary';
import { checkWorkbook } from '../../src/workbook/check';
import { FORMULA_WITHOUT_RESULT_MESSAGE } from '../../src/workbook/read';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { FORMULA_WITHOUT_RESULT, type CheckResult, type SheetGrid } from '../../src/workbook/types';
import { AS_OF, chiBoBook, chiBoSpec, EXEMPT_MEMBER, markCell, meetingCell, memberCell, validChiBo, type ChiBoSpec, type MemberSpec } from './grids';

const check = (grids: SheetGrid[], asOf = AS_OF): CheckResult => checkWorkbook(grids, { asOf });
const reasons = (result: CheckResult): string[] => result.reasons.map((r) => `${r.code} ${r.sheet ?? ''}!${r.cell ?? ''}`);
const errors = (result: CheckResult): string[] =>
  result.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.sheet}!${i.cell ?? ''}`);
const warnings = (result: CheckResult): string[] =>
  result.issues.filter((i) => i.severity === 'warning').map((i) => `${i.code} ${i.sheet}!${i.cell ?? ''}`);
const member = (spec: ChiBoSpec, index: number): MemberSpec => spec.members[index] as MemberSpec;
const summaryLines = (result: CheckResult): string[] =>
  summaryLayout(result)
    .values.flat()
    .filter((v): v is string => typeof v === 'string');
/** The Đảng viên sheet with a Ghi chú value per member (column H). */
function withNotes(spec: ChiBoSpec, notes: Record<number, string>): SheetGrid[] {
  const book = chiBoBook(spec);
  for (const [index, note] of Object.entries(notes)) book.set('Đảng viên', memberCell('H', Number(index)), note);
  return book.grids();
}

test('the base workbook is eligible with no reason and no issue', () => {
  const result = check(validChiBo());
  expect(result.eligible).toBe(true);
  expect(result.reasons).toEqual([]);
  expect(result.issues).toEqual([]);
});

// ------------------------------------------------------------------------ Kỷ luật

describe('Kỷ luật: "Không vi phạm", "Chưa", "Không có kỷ luật", "0" are no discipline', () => {
  it.each([
    'Không vi phạm',
    'Chưa',
    'Không có kỷ luật',
    '0',
    '-',
    '–',
    '—',
    'Chưa bị kỷ luật',
    'Nhắc nhở',
    'Phê bình',
    'Kiểm điểm',
    'Rút kinh nghiệm',
    'Đình chỉ sinh hoạt',
  ])('%p → eligible, no DISCIPLINE', (text) => {
    const result = check(validChiBo((s) => (member(s, 1).discipline = text)));
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.issues).toEqual([]);
  });
});

describe('Kỷ luật: a form of the Điều lệ Đảng in the evaluation year blocks, at its cell', () => {
  it.each([
    'Khiển trách',
    'Kỷ luật khiển trách',
    'Bị cảnh cáo',
    'CÁCH CHỨC',
    'Khai trừ'.normalize('NFD'),
    'Cảnh cáo – QĐ số 12-QĐ/ĐU ngày 05/06/2025',
    'Khiển trách (năm 2025)',
    'Hình thức: khiển trách',
  ])('%p → DISCIPLINE at Đảng viên!G3', (text) => {
    const result = check(validChiBo((s) => (member(s, 1).discipline = text)));
    expect(result.eligible).toBe(false);
    expect(reasons(result)).toEqual(['DISCIPLINE Đảng viên!G3']);
    expect(result.issues).toEqual([]);
    expect(result.stats.membersDisciplined).toBe(1);
  });

  it('"Khiển trách (năm 2021)" does not block the 2025 evaluation (a form of another year is not counted)', () => {
    for (const text of ['Khiển trách (năm 2021)', 'Cảnh cáo ngày 12/11/2024', 'Khiển trách - QĐ số 2025 ngày 01/02/2023']) {
      const result = check(validChiBo((s) => (member(s, 1).discipline = text)));
      expect([text, result.eligible, result.reasons, result.issues]).toEqual([text, true, [], []]);
    }
  });

  it('other text is VALUE_INVALID naming the four forms, and no DISCIPLINE for that cell', () => {
    const result = check(validChiBo((s) => (member(s, 1).discipline = 'Vi phạm nhẹ')));
    expect(result.eligible).toBe(false);
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(errors(result)).toEqual(['VALUE_INVALID Đảng viên!G3']);
    const message = result.issues[0]?.message ?? '';
    for (const form of ['Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ']) expect(message).toContain(form);
  });

  it('a member who transferred out still counts for DISCIPLINE', () => {
    const spec = chiBoSpec();
    member(spec, 1).discipline = 'Cảnh cáo';
    const result = check(withNotes(spec, { 1: 'Chuyển đi ngày 10/11/2025' }));
    expect(reasons(result)).toEqual(['DISCIPLINE Đảng viên!G3']);
  });

  it('the year rule: first full date, else the first 1950–2100 year not part of a document number', () => {
    expect(disciplineYear('Cảnh cáo – QĐ số 12-QĐ/ĐU ngày 05/06/2025')).toBe(2025);
    expect(disciplineYear('Khiển trách năm 2021, QĐ ngày 03/01/2022')).toBe(2022);
    expect(disciplineYear('Cảnh cáo ngày 05-06-2021')).toBe(2021);
    expect(disciplineYear('Cảnh cáo ngày 05.06.2021')).toBe(2021);
    expect(disciplineYear('Khiển trách (năm 2021)')).toBe(2021);
    expect(disciplineYear('Khiển trách theo QĐ số 2024')).toBeNull();
    expect(disciplineYear('Khiển trách QĐ 15/2023/QĐ-UBKT')).toBeNull();
    expect(disciplineYear('Khiển trách 1890')).toBeNull();
    expect(parseDiscipline('Khiển trách năm 2019')).toEqual({ kind: 'form', form: 'Khiển trách', year: 2019 });
    expect(parseDiscipline('Khiển trách')).toEqual({ kind: 'form', form: 'Khiển trách', year: null });
    expect(parseDiscipline('Khiển tráchx').kind).toBe('invalid');
  });
});

// ------------------------------------------------------------------------ ratings

describe('Xếp loại: "Chưa xếp loại" is a missing rating, never KXL', () => {
  it('three members "Chưa xếp loại" → RATING_MISSING at each cell, not eligible', () => {
    const result = check(
      validChiBo((s) => {
        member(s, 2).rating = 'Chưa xếp loại';
        member(s, 3).rating = 'chưa đánh giá';
        member(s, 4).rating = 'Đang xếp loại';
      }),
    );
    expect(result.eligible).toBe(false);
    expect(reasons(result)).toEqual(['RATING_MISSING Đảng viên!F4', 'RATING_MISSING Đảng viên!F5', 'RATING_MISSING Đảng viên!F6']);
    expect(result.issues).toEqual([]);
    expect(result.stats.ratingCounts.KXL).toBe(0);
    expect(isNotYetRated('CHƯA XẾP LOẠI')).toBe(true);
    expect(isNotYetRated('Không xếp loại')).toBe(false);
  });

  it("the same on a đảng bộ's Chi bộ trực thuộc", async () => {
    const { validDangBo } = await import('./grids');
    const result = check(validDangBo((s) => ((s.subordinates[2] as { rating: unknown }).rating = 'Chưa xếp loại')));
    expect(result.eligible).toBe(false);
    expect(reasons(result)).toEqual(['RATING_MISSING Chi bộ trực thuộc!D4']);
  });

  it('12 of 14 members KXL with no Ghi chú: a KXL_UNEXPLAINED warning at each Xếp loại cell', () => {
    const spec = chiBoSpec();
    spec.members.push({ ...member(spec, 0), name: 'Mai Văn Tâm', card: '79012399' });
    spec.marks.push(spec.meetings.map(() => 'C'));
    // 12 of 14 KXL: the exempt member's KXL needs no reason, the eleven others do.
    spec.members.forEach((m, index) => {
      if (index >= 2) m.rating = 'Không xếp loại';
    });
    const result = check(chiBoBook(spec).grids());
    expect(result.stats.ratingCounts).toEqual({ HTXSNV: 1, HTTNV: 1, HTNV: 0, KHTNV: 0, KXL: 12, missing: 0 });
    expect(warnings(result)).toHaveLength(11);
    const cells = result.issues.filter((i) => i.code === 'KXL_UNEXPLAINED').map((i) => i.cell);
    expect(cells).toEqual(['F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13', 'F15']);
    expect(result.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(result.issues[0]?.message).toContain('Ghi chú');
  });

  it('KXL with a reason in Ghi chú, or of an exempt member, gets no warning', () => {
    const spec = chiBoSpec();
    member(spec, 3).rating = 'KXL';
    member(spec, EXEMPT_MEMBER).rating = 'Không xếp loại';
    const result = check(withNotes(spec, { 3: 'Mới kết nạp 04/2025' }));
    expect(result.issues).toEqual([]);
    expect(result.eligible).toBe(true);
  });
});

describe('a member who transferred out is recorded in Ghi chú', () => {
  it('blank rating without a note → RATING_MISSING whose message says how to record a transfer', () => {
    const result = check(validChiBo((s) => (member(s, 5).rating = null)));
    expect(reasons(result)).toEqual(['RATING_MISSING Đảng viên!F7']);
    expect(result.reasons[0]?.message).toContain('Ghi chú');
    expect(result.reasons[0]?.message).toMatch(/[Cc]huyển đi/);
  });

  it.each(['Chuyển đi ngày 15/06/2025', 'chuyển sinh hoạt đi Đảng bộ phường 5', 'Đã chuyển sinh hoạt (07/2025)'])(
    '%p: out of the shares and RATING_MISSING, blank marks after the transfer → eligible',
    (note) => {
      const spec = chiBoSpec();
      member(spec, 5).rating = null;
      for (let k = 6; k < 12; k++) (spec.marks[5] as unknown[])[k] = null;
      // Counts in Sinh hoạt are derived from the marks: the member is simply not counted after June.
      const result = check(withNotes(spec, { 5: note }));
      expect(result.reasons).toEqual([]);
      expect(result.issues).toEqual([]);
      expect(result.eligible).toBe(true);
      expect(result.stats.ratingCounts).toEqual({ HTXSNV: 1, HTTNV: 9, HTNV: 1, KHTNV: 0, KXL: 0, missing: 0 });
    },
  );

  it('a transferred member is out of EXCELLENT_CAP: the cap is computed on those still on the list', () => {
    const spec = chiBoSpec();
    // 3 HTXSNV of 11 at HTTNV or above is 27 % (warn); with one of them transferred, 2 of 10 is 20 %.
    member(spec, 1).rating = 'HTXSNV';
    member(spec, 2).rating = 'HTXSNV';
    expect(reasons(check(chiBoBook(spec).grids()))).toEqual(['EXCELLENT_CAP Đảng viên!']);
    expect(reasons(check(withNotes(spec, { 2: 'Chuyển đi 01/12/2025' })))).toEqual([]);
  });
});

// ------------------------------------------------------------------------ marks and exemption

describe('marks agree with the member list; exempt members are out of every attendance figure', () => {
  it('an exempt member marked P five times in a row gets no ABSENCE_STREAK', () => {
    const result = check(
      validChiBo((s) => {
        for (let k = 0; k < 5; k++) (s.marks[EXEMPT_MEMBER] as unknown[])[k] = 'P';
      }),
    );
    expect(result.reasons).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.eligible).toBe(true);
    // The rate leaves the exempt member out: 12 members × 12 meetings, 2 absences with reason.
    expect(result.stats.attendanceRate).toBeCloseTo(142 / 144, 10);
  });

  it('an exempt member\'s K mark gives no ABSENCE_UNEXCUSED ("Được miễn" reads as Có)', () => {
    const result = check(
      validChiBo((s) => {
        member(s, EXEMPT_MEMBER).exempt = 'Được miễn';
        (s.marks[EXEMPT_MEMBER] as unknown[])[3] = 'K';
      }),
    );
    expect(result.reasons).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it('M on a member who is not exempt is VALUE_INVALID at that cell; the hidden absence gives no made-up reason', () => {
    const result = check(
      validChiBo((s) => {
        // Member 4 was absent in May with reason; the clerk wrote M in five months.
        for (let k = 0; k < 5; k++) (s.marks[4] as unknown[])[k] = 'M';
      }),
    );
    expect(result.eligible).toBe(false);
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(errors(result)).toEqual([0, 1, 2, 3, 4].map((k) => `VALUE_INVALID Điểm danh!${markCell(4, k)}`));
    expect(result.issues[0]?.message).toContain('Miễn sinh hoạt');
    // The yearly rate is not computed from a matrix with unreadable marks.
    expect(result.stats.attendanceRate).toBeNull();
  });

  it('D outside the armed forces (a khu phố chi bộ) is VALUE_INVALID; inside, D is accepted', () => {
    const khuPho = check(
      validChiBo((s) => {
        s.info[2] = ['Loại hình', 'Thôn, khu phố, phường, xã'];
        (s.marks[2] as unknown[])[6] = 'D';
      }),
    );
    expect(reasons(khuPho)).toEqual(['DATA_INVALID !']);
    expect(errors(khuPho)).toEqual([`VALUE_INVALID Điểm danh!${markCell(2, 6)}`]);
    expect(khuPho.issues[0]?.message).toContain('Lực lượng vũ trang');
    const armed = check(
      validChiBo((s) => {
        s.info[2] = ['Loại hình', 'Lực lượng vũ trang'];
        (s.marks[2] as unknown[])[6] = 'D';
      }),
    );
    expect(armed.issues).toEqual([]);
    expect(armed.eligible).toBe(true);
  });

  it('MATRIX_MISMATCH still compares the counts with all marks of a column, exempt members included', () => {
    const spec = chiBoSpec();
    (spec.marks[EXEMPT_MEMBER] as unknown[])[0] = 'C';
    spec.meetings[0] = { ...spec.meetings[0]!, present: 12 };
    const result = check(chiBoBook(spec).grids());
    expect(warnings(result)).toEqual([`MATRIX_MISMATCH Sinh hoạt!${meetingCell('E', 0)}`]);
    expect(result.eligible).toBe(true);
  });

  it("an unreadable Miễn sinh hoạt leaves that member's attendance rules out and gives no RATING_MISSING", () => {
    const result = check(
      validChiBo((s) => {
        member(s, EXEMPT_MEMBER).exempt = 'Tạm hoãn';
        for (let k = 0; k < 5; k++) (s.marks[EXEMPT_MEMBER] as unknown[])[k] = 'K';
      }),
    );
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(errors(result)).toEqual([`VALUE_INVALID Đảng viên!${memberCell('E', EXEMPT_MEMBER)}`]);
    expect(result.stats.attendanceRate).toBeNull();
  });
});

// ------------------------------------------------------------------------ no second reason

describe('an unreadable cell yields its data issue and never a second, made-up reason', () => {
  it('a self-score above its maximum: SCORE_INVALID, criterion 1.2 "chưa tính được", no CRITERION_LOW', () => {
    const spec = chiBoSpec();
    const row = spec.criteria.find((c) => c.code === '1.2.3');
    if (!row) throw new Error('1.2.3');
    row.self = 37;
    const result = check(chiBoBook(spec).grids());
    expect(result.eligible).toBe(false);
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(errors(result)).toEqual(['SCORE_INVALID Tiêu chí!D20']);
    expect(result.criteria.find((c) => c.id === '1.2')).toEqual({
      id: '1.2',
      percent: null,
      pass: null,
      invalidAt: { sheet: 'Tiêu chí', cell: 'D20' },
    });
    expect(result.criteria.filter((c) => c.id !== '1.2').every((c) => c.pass === true)).toBe(true);
    const printed = summaryLayout(result)
      .values.flat()
      .filter((v): v is string => typeof v === 'string');
    expect(printed).toContain('chưa tính được — sửa trang Tiêu chí, ô D20');
    expect(printed.some((v) => /1\.2 .*đạt \d/.test(v))).toBe(false);
  });

  it('a text in a point cell: NUMBER_INVALID, no CRITERION_MISSING either', () => {
    const spec = chiBoSpec();
    for (const c of spec.criteria) if (String(c.code).startsWith('1.4.')) c.max = 'ba mươi';
    const result = check(chiBoBook(spec).grids());
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(result.criteria.find((c) => c.id === '1.4')).toEqual({
      id: '1.4',
      percent: null,
      pass: null,
      invalidAt: { sheet: 'Tiêu chí', cell: 'C33' },
    });
  });

  it.each([
    ['Ký', 'Có ký', true],
    ['Đã ký', 'x', true],
  ])('signatures %p / %p are signed', (chair, secretary) => {
    const result = check(
      validChiBo((s) => {
        s.meetings[2] = { ...s.meetings[2]!, chair, secretary };
      }),
    );
    expect([result.eligible, result.reasons, result.issues]).toEqual([true, [], []]);
  });

  it('"Chưa ký" is not signed; "đủ" is unreadable: VALUE_INVALID and no MINUTES_UNSIGNED for it', () => {
    const result = check(
      validChiBo((s) => {
        s.meetings[2] = { ...s.meetings[2]!, chair: 'Chưa ký', secretary: 'đủ' };
      }),
    );
    expect(reasons(result)).toEqual(['DATA_INVALID !', `MINUTES_UNSIGNED Sinh hoạt!${meetingCell('J', 2)}`]);
    expect(errors(result)).toEqual([`VALUE_INVALID Sinh hoạt!${meetingCell('K', 2)}`]);
  });

  it('"Tốt (92 điểm)" is Tốt; an unreadable self-assessment gives no SELF_ASSESSMENT_MISSING', () => {
    const good = check(validChiBo((s) => (s.meetings[1] = { ...s.meetings[1]!, self: 'Tốt (92 điểm)' })));
    expect([good.eligible, good.reasons, good.issues]).toEqual([true, [], []]);
    const bad = check(validChiBo((s) => (s.meetings[1] = { ...s.meetings[1]!, self: '92 điểm' })));
    expect(reasons(bad)).toEqual(['DATA_INVALID !']);
    expect(errors(bad)).toEqual([`VALUE_INVALID Sinh hoạt!${meetingCell('L', 1)}`]);
  });

  it('"Đã đóng dấu" is Có, "Chưa đóng dấu" is Không; an unreadable seal gives no MINUTES_BOOK_UNSTAMPED', () => {
    const stamped = check(validChiBo((s) => (s.info[6] = ['Sổ biên bản đóng dấu giáp lai', 'Đã đóng dấu'])));
    expect([stamped.eligible, stamped.reasons, stamped.issues]).toEqual([true, [], []]);
    const unstamped = check(validChiBo((s) => (s.info[6] = ['Sổ biên bản đóng dấu giáp lai', 'Chưa đóng dấu'])));
    expect(reasons(unstamped)).toEqual(['MINUTES_BOOK_UNSTAMPED Thông tin!B8']);
    const unreadable = check(validChiBo((s) => (s.info[6] = ['Sổ biên bản đóng dấu giáp lai', 'Đã nộp'])));
    expect(reasons(unreadable)).toEqual(['DATA_INVALID !']);
    expect(errors(unreadable)).toEqual(['VALUE_INVALID Thông tin!B8']);
  });

  it('an unreadable meeting date: DATE_INVALID, no REGULAR_MONTH_MISSING / THEMATIC_QUARTER_MISSING', () => {
    const book = chiBoBook();
    book.set('Sinh hoạt', meetingCell('B', 5), '31/06/2025');
    const result = check(book.grids());
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(errors(result)).toEqual([`DATE_INVALID Sinh hoạt!${meetingCell('B', 5)}`]);
  });

  it('an unreadable Loại: VALUE_INVALID, none for its month and quarter', () => {
    const book = chiBoBook();
    book.set('Sinh hoạt', meetingCell('C', 2), 'Họp chi bộ');
    const result = check(book.grids());
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(errors(result)).toEqual([`VALUE_INVALID Sinh hoạt!${meetingCell('C', 2)}`]);
  });

  it('an unreadable mark leaves that member out of ABSENCE_STREAK and the yearly rate uncomputed', () => {
    const result = check(
      validChiBo((s) => {
        for (let k = 0; k < 4; k++) (s.marks[4] as unknown[])[k] = 'P';
        (s.marks[4] as unknown[])[4] = 'v';
        (s.marks[4] as unknown[])[5] = 'P';
        for (let k = 0; k < 12; k++) (s.marks[6] as unknown[])[k] = k < 10 ? 'P' : 'C';
        s.marks[6]![1] = '??';
      }),
    );
    // The only other reasons are the per-meeting warnings of the readable Sinh hoạt counts, whose
    // absences these marks put at or under 85 % (MEETING_ATTENDANCE_LOW reads the counts, not the marks).
    expect(reasons(result)).toEqual(['DATA_INVALID !', ...[2, 4, 5, 7, 11].map((row) => `MEETING_ATTENDANCE_LOW Sinh hoạt!E${row}`)]);
    expect(result.reasons.filter((r) => r.severity === 'block').map((r) => r.code)).toEqual(['DATA_INVALID']);
    expect(errors(result)).toEqual([`VALUE_INVALID Điểm danh!${markCell(4, 4)}`, `VALUE_INVALID Điểm danh!${markCell(6, 1)}`]);
    expect(result.stats.attendanceRate).toBeNull();
    expect(summaryLines(result).some((line) => line.startsWith('Tỷ lệ đảng viên dự sinh hoạt: chưa tính được'))).toBe(true);
  });

  it('an unreadable count without Điểm danh leaves the yearly rate uncomputed (no ATTENDANCE_LOW)', () => {
    const spec = chiBoSpec();
    spec.attendanceSheet = false;
    spec.meetings = spec.meetings.map((m, index) => ({ ...m, present: index === 3 ? 'mười' : 9, excused: 4 }));
    const result = check(chiBoBook(spec).grids());
    // Every readable meeting (9 of 13 present) is under 85 % and warned at its own Có mặt cell; the
    // meeting whose count is unreadable is not judged on a made-up figure.
    const warned = spec.meetings.map((_, index) => index).filter((index) => index !== 3);
    expect(reasons(result)).toEqual(['DATA_INVALID !', ...warned.map((index) => `MEETING_ATTENDANCE_LOW Sinh hoạt!${meetingCell('E', index)}`)]);
    expect(errors(result)).toEqual([`NUMBER_INVALID Sinh hoạt!${meetingCell('E', 3)}`]);
    expect(result.stats.attendanceRate).toBeNull();
  });

  it('an unreadable rating leaves the shares uncomputed (no RATING_GOOD_SHARE_LOW, no EXCELLENT_CAP)', () => {
    const result = check(
      validChiBo((s) => {
        member(s, 1).rating = 'HTNV';
        member(s, 2).rating = 'HTNV';
        member(s, 3).rating = 'Tốt';
      }),
    );
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
    expect(errors(result)).toEqual([`VALUE_INVALID Đảng viên!${memberCell('F', 3)}`]);
    expect([result.stats.completedShare, result.stats.goodShare, result.stats.excellentShare]).toEqual([null, null, null]);
    const printed = summaryLines(result);
    expect(printed.filter((line) => line.startsWith('Tỷ lệ') && line.includes('chưa tính được'))).toHaveLength(3);
  });
});

// ------------------------------------------------------------------------ formula cells

describe('a formula cell without a stored result is reported with its column\'s code, not as "trống"', () => {
  it.each([
    ['Sinh hoạt', meetingCell('E', 3), 'NUMBER_INVALID'],
    ['Sinh hoạt', meetingCell('B', 3), 'DATE_INVALID'],
    ['Sinh hoạt', meetingCell('L', 3), 'VALUE_INVALID'],
    ['Sinh hoạt', meetingCell('J', 3), 'VALUE_INVALID'],
    ['Đảng viên', memberCell('F', 3), 'VALUE_INVALID'],
    ['Đảng viên', memberCell('G', 3), 'VALUE_INVALID'],
    ['Điểm danh', markCell(3, 3), 'VALUE_INVALID'],
    ['Tiêu chí', 'D20', 'NUMBER_INVALID'],
    ['Thông tin', 'B5', 'VALUE_INVALID'],
    ['Đảng viên', memberCell('B', 3), 'VALUE_INVALID'],
  ])('%s!%s → %s', (sheet, cell, code) => {
    const book = chiBoBook();
    book.set(sheet, cell, FORMULA_WITHOUT_RESULT);
    const result = check(book.grids());
    expect(errors(result)).toEqual([`${code} ${sheet}!${cell}`]);
    const message = result.issues[0]?.message ?? '';
    expect(message).toContain(FORMULA_WITHOUT_RESULT_MESSAGE);
    expect(message).not.toContain('trống');
    expect(reasons(result)).toEqual(['DATA_INVALID !']);
  });
});

test('a meeting row written only as formulas without results is reported cell by cell, not skipped as blank', () => {
  const book = chiBoBook();
  for (const column of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']) book.set('Sinh hoạt', `${column}14`, FORMULA_WITHOUT_RESULT);
  const result = check(book.grids());
  expect(errors(result)).toEqual(
    ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map(
      (column) => `${column.match(/[B]/) ? 'DATE_INVALID' : /[CJKL]/.test(column) ? 'VALUE_INVALID' : 'NUMBER_INVALID'} Sinh hoạt!${column}14`,
    ),
  );
  expect(reasons(result)).toEqual(['DATA_INVALID !']);
});

test('an unused template row — only the count formulas, never computed — is skipped like a blank row', () => {
  const book = chiBoBook();
  // The template's Có mặt, Vắng có lý do, Vắng không lý do are formulas over Điểm danh in every row;
  // a file written by a program holds no result for them.
  for (const column of ['E', 'F', 'G']) book.set('Sinh hoạt', `${column}40`, FORMULA_WITHOUT_RESULT);
  const result = check(book.grids());
  expect(result.issues).toEqual([]);
  expect(result.reasons).toEqual([]);
  expect(result.eligible).toBe(true);
});

// ------------------------------------------------------------------------ label variants

test('accepted label variants of SPEC §2', () => {
  for (const text of ['Có', 'Đã ký', 'Ký', 'Có ký', 'x']) expect(parseSigned(text)).toEqual({ ok: true, value: true });
  expect(parseSigned('Chưa ký')).toEqual({ ok: true, value: false });
  for (const text of ['Có', 'Được miễn', 'Miễn', 'x']) expect(parseExempt(text)).toEqual({ ok: true, value: true });
  expect(parseStamped('Đã đóng dấu')).toEqual({ ok: true, value: true });
  expect(parseStamped('Chưa đóng dấu')).toEqual({ ok: true, value: false });
  expect(parseSelfAssessment('Tốt (92 điểm)')).toEqual({ ok: true, value: 'tot' });
  expect(parseSelfAssessment('Trung bình - 60 điểm')).toEqual({ ok: true, value: 'trung-binh' });
  expect(parseSelfAssessment('Không đạt yêu cầu')).toEqual({ ok: true, value: 'khong-dat' });
  expect(parseSelfAssessment('Không tốt').ok).toBe(false);
});
