/**
 * The whole check on grids: one workbook per rule that breaks only that rule gives exactly that
 * reason code; the correct workbooks are eligible with no reason; loose spellings, NFD text,
 * shuffled columns and title rows do not change the verdict; the policy comes from `Cấu hình`.
 */
import { defaultPolicy, policyToEntries } from '../../src/core/policy';
import { foldText } from '../../src/core/text';
import type { ReasonCode } from '../../src/core/types';
import { checkWorkbook } from '../../src/workbook/check';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import type { CheckResult, SheetGrid } from '../../src/workbook/types';
import {
  AS_OF,
  chiBoBook,
  chiBoSpec,
  dangBoBook,
  validChiBo,
  validDangBo,
  type ChiBoSpec,
  type DangBoSpec,
  type MeetingSpec,
  type MemberSpec,
} from './grids';

const check = (grids: SheetGrid[], asOf = AS_OF): CheckResult => checkWorkbook(grids, { asOf });
const codes = (result: CheckResult): ReasonCode[] => [...new Set(result.reasons.map((r) => r.code))];

function chiBo(edit: (spec: ChiBoSpec) => void): SheetGrid[] {
  return validChiBo(edit);
}
const meeting = (spec: ChiBoSpec, index: number): MeetingSpec => spec.meetings[index] as MeetingSpec;
const member = (spec: ChiBoSpec, index: number): MemberSpec => spec.members[index] as MemberSpec;
const setMark = (spec: ChiBoSpec, m: number, k: number, mark: string): void => {
  (spec.marks[m] as unknown[])[k] = mark;
};
const setSelf = (spec: { criteria: { code: unknown; self: unknown }[] }, code: string, self: unknown): void => {
  const row = spec.criteria.find((c) => c.code === code);
  if (!row) throw new Error(code);
  row.self = self;
};

/** [rule, workbook that breaks only it, blocks?] */
const RULE_CASES: [ReasonCode, () => SheetGrid[], boolean][] = [
  ['CRITERION_LOW', () => chiBo((s) => setSelf(s, '1.3.1', 28)), true],
  ['CRITERION_MISSING', () => chiBo((s) => (s.criteria = s.criteria.filter((c) => !String(c.code).startsWith('1.4')))), true],
  ['RATING_NOT_COMPLETED', () => chiBo((s) => (member(s, 11).rating = 'Không hoàn thành nhiệm vụ')), true],
  [
    'RATING_GOOD_SHARE_LOW',
    () =>
      chiBo((s) => {
        member(s, 1).rating = 'HTNV';
        member(s, 2).rating = 'HTNV';
      }),
    true,
  ],
  ['CELL_NOT_COMPLETED', () => validDangBo((s) => ((s.subordinates[6] as DangBoSpec['subordinates'][number]).rating = 'KHTNV')), true],
  [
    'CELL_GOOD_SHARE_LOW',
    () =>
      validDangBo((s) => {
        (s.subordinates[0] as DangBoSpec['subordinates'][number]).rating = 'HTNV';
        (s.subordinates[1] as DangBoSpec['subordinates'][number]).rating = 'HTNV';
      }),
    true,
  ],
  ['RATING_MISSING', () => chiBo((s) => (member(s, 3).rating = null)), true],
  [
    'EXCELLENT_CAP',
    () =>
      chiBo((s) => {
        member(s, 1).rating = 'HTXSNV';
        member(s, 2).rating = 'HTXSNV';
      }),
    false,
  ],
  [
    'ATTENDANCE_LOW',
    // Every member absent with reason twice, six months apart: 24 of 144 marks, 83.33 %.
    () =>
      chiBo((s) => {
        for (let m = 0; m < 12; m++) {
          setMark(s, m, m, 'P');
          setMark(s, m, (m + 6) % 12, 'P');
        }
        setMark(s, 4, 4, 'P');
        setMark(s, 7, 9, 'P');
      }),
    true,
  ],
  [
    'MEETING_ATTENDANCE_LOW',
    // Two of twelve absent with reason at the March meeting: 10/12 = 83.33 %; the year stays 140/144.
    () =>
      chiBo((s) => {
        setMark(s, 1, 2, 'P');
        setMark(s, 2, 2, 'P');
      }),
    false,
  ],
  ['ABSENCE_UNEXCUSED', () => chiBo((s) => setMark(s, 2, 5, 'K')), true],
  [
    'ABSENCE_STREAK',
    // June to September: no meeting with a second absence (May and October already have one).
    () =>
      chiBo((s) => {
        for (const k of [5, 6, 7, 8]) setMark(s, 3, k, 'P');
      }),
    true,
  ],
  ['SPEAKERS_LOW', () => chiBo((s) => (meeting(s, 3).speakers = 4)), true],
  ['DURATION_SHORT', () => chiBo((s) => (meeting(s, 0).minutes = 80)), true],
  [
    'REGULAR_MONTH_MISSING',
    () => chiBo((s) => ((meeting(s, 6).noColumn = true), s.meetings.splice(6, 1), s.marks.forEach((row) => row.splice(6, 1)))),
    true,
  ],
  ['THEMATIC_QUARTER_MISSING', () => chiBo((s) => (meeting(s, 2).kind = 'Thường kỳ')), true],
  ['MINUTES_UNSIGNED', () => chiBo((s) => (meeting(s, 8).secretary = 'Không')), true],
  ['MINUTES_BOOK_UNSTAMPED', () => chiBo((s) => (s.info = s.info.map(([k, v]) => [k, k.startsWith('Sổ biên bản') ? 'Không' : v]))), true],
  ['SELF_ASSESSMENT_MISSING', () => chiBo((s) => (meeting(s, 10).self = null)), true],
  ['MEETING_SELF_LOW', () => chiBo((s) => (meeting(s, 5).self = 'Trung bình')), false],
  ['DISCIPLINE', () => chiBo((s) => (member(s, 5).discipline = 'Khiển trách')), true],
  ['DATA_INVALID', () => chiBoBook().set('Sinh hoạt', 'H5', 'nhiều').grids(), true],
];

/**
 * Reasons that necessarily come with a case's own: a yearly rate at or below the threshold means at
 * least one meeting at or below it (MEETING_ATTENDANCE_LOW, a warning).
 */
const ALSO: Partial<Record<ReasonCode, ReasonCode[]>> = { ATTENDANCE_LOW: ['MEETING_ATTENDANCE_LOW'] };

describe('one broken rule gives exactly its reason', () => {
  test('the correct chi bộ is eligible with no reason and no issue', () => {
    const result = check(validChiBo());
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.criteria.map((c) => [c.id, c.percent, c.pass])).toEqual([
      ['1.1', 99, true],
      ['1.2', 99, true],
      ['1.3', 99, true],
      ['1.4', 99, true],
    ]);
    expect(result.organization).toEqual({ name: 'Chi bộ Phòng Tổ chức - Hành chính', kind: 'chi-bo', level: 'co-so', year: 2025 });
    expect(result.stats.meetingCounts).toEqual({ regular: 8, thematic: 0, combined: 4, total: 12 });
    expect(result.stats.attendanceSource).toBe('matrix');
    expect(result.stats.attendanceRate).toBeCloseTo(142 / 144, 12);
    expect(result.policySource).toBe('default');
    expect(result.asOf).toBe(AS_OF);
  });

  test('the correct đảng bộ cơ sở is eligible with no reason and no issue', () => {
    const result = check(validDangBo());
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.organization.kind).toBe('dang-bo');
    expect(result.stats.ratingCounts).toMatchObject({ HTTNV: 6, HTNV: 1 });
  });

  test.each(RULE_CASES)('%s', (code, grids, blocks) => {
    const result = check(grids());
    expect(codes(result)).toEqual([code, ...(ALSO[code] ?? [])]);
    expect(result.eligible).toBe(!blocks);
    for (const reason of result.reasons.filter((r) => r.code === code)) {
      expect(reason.severity).toBe(blocks ? 'block' : 'warn');
      expect(reason.message.length).toBeGreaterThan(10);
    }
  });

  test('every SPEC §1 code is produced by a fixture', () => {
    const all: ReasonCode[] = [
      'CRITERION_LOW',
      'CRITERION_MISSING',
      'RATING_NOT_COMPLETED',
      'RATING_GOOD_SHARE_LOW',
      'CELL_NOT_COMPLETED',
      'CELL_GOOD_SHARE_LOW',
      'RATING_MISSING',
      'EXCELLENT_CAP',
      'ATTENDANCE_LOW',
      'MEETING_ATTENDANCE_LOW',
      'ABSENCE_UNEXCUSED',
      'ABSENCE_STREAK',
      'SPEAKERS_LOW',
      'DURATION_SHORT',
      'REGULAR_MONTH_MISSING',
      'THEMATIC_QUARTER_MISSING',
      'MINUTES_UNSIGNED',
      'MINUTES_BOOK_UNSTAMPED',
      'SELF_ASSESSMENT_MISSING',
      'MEETING_SELF_LOW',
      'DISCIPLINE',
      'DATA_INVALID',
    ];
    // YEAR_NOT_OVER needs an as-of date inside the year: its own test below.
    expect(RULE_CASES.map(([code]) => code).sort()).toEqual([...all].sort());
    expect(check(validChiBo(), '2025-12-20').reasons.map((r) => r.code)).toEqual(['YEAR_NOT_OVER']);
  });

  test('reasons carry the sheet and cell they come from', () => {
    const speakers = check(chiBo((s) => (meeting(s, 3).speakers = 4))).reasons;
    expect(speakers).toEqual([expect.objectContaining({ code: 'SPEAKERS_LOW', sheet: 'Sinh hoạt', cell: 'H5' })]);
    expect(speakers[0]?.message).toContain('5'); // the minimum used for 13 members
    const mark = check(chiBo((s) => setMark(s, 2, 5, 'K'))).reasons;
    expect(mark).toEqual([expect.objectContaining({ code: 'ABSENCE_UNEXCUSED', sheet: 'Điểm danh', cell: 'H4' })]);
    const discipline = check(chiBo((s) => (member(s, 5).discipline = 'Khiển trách'))).reasons;
    expect(discipline).toEqual([expect.objectContaining({ code: 'DISCIPLINE', sheet: 'Đảng viên', cell: 'G7' })]);
  });

  test('without Điểm danh, attendance comes from the Sinh hoạt counts and a K count is a reason at its cell', () => {
    const result = check(
      chiBo((s) => {
        s.attendanceSheet = false;
        setMark(s, 2, 5, 'K');
      }),
    );
    expect(result.stats.attendanceSource).toBe('meetings');
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['SHEET_MISSING', 'warning']]);
    expect(result.reasons).toEqual([expect.objectContaining({ code: 'ABSENCE_UNEXCUSED', sheet: 'Sinh hoạt', cell: 'G7' })]);
  });

  test('a meeting with an unreadable duration still counts for its month', () => {
    const result = check(chiBoBook().set('Sinh hoạt', 'I8', 'hai tiếng').grids());
    expect(codes(result)).toEqual(['DATA_INVALID']);
    expect(result.stats.meetingCounts.total).toBe(12);
  });

  test('an unreadable rating is a data error, not also a missing rating', () => {
    const member = check(chiBoBook().set('Đảng viên', 'F4', 'Giỏi').grids());
    expect(codes(member)).toEqual(['DATA_INVALID']);
    expect(member.issues).toEqual([expect.objectContaining({ code: 'VALUE_INVALID', sheet: 'Đảng viên', cell: 'F4' })]);
    const cell = check(dangBoBook().set('Chi bộ trực thuộc', 'D3', 'Giỏi').grids());
    expect(codes(cell)).toEqual(['DATA_INVALID']);
    // A blank rating is still missing.
    expect(codes(check(chiBoBook().set('Đảng viên', 'F4', '').grids()))).toEqual(['RATING_MISSING']);
  });

  test('the as-of date limits the months and quarters counted', () => {
    // July's meeting removed: as of 30/06 nothing is missing yet; as of 31/07 July is.
    const grids = chiBo((s) => {
      s.meetings.splice(6, 1);
      s.marks.forEach((row) => row.splice(6, 1));
    });
    expect(codes(check(grids, '2025-07-30'))).toEqual(['YEAR_NOT_OVER']);
    expect(codes(check(grids, '2025-07-31'))).toEqual(['REGULAR_MONTH_MISSING', 'YEAR_NOT_OVER']);
  });
});

// ---------------------------------------------------------------- loose input, same verdict

const LOOSE: Record<string, string> = {
  'Hoàn thành xuất sắc nhiệm vụ': 'htxsnv',
  'Hoàn thành tốt nhiệm vụ': 'HTT NV',
  'Hoàn thành nhiệm vụ': 'hoan thanh nhiem vu',
  'Không hoàn thành nhiệm vụ': 'KHTNV',
  'Thường kỳ': 'thuong ky',
  'Kết hợp': 'TK+CĐ',
  'Chuyên đề': 'chuyen de',
  Có: 'x',
  Không: 'không',
  C: 'x',
  P: 'CP',
  K: 'KP',
  Tốt: 'TỐT',
  Khá: 'kha',
  'Chi bộ cơ sở': 'chi bo co so',
  'Đảng bộ cơ sở': 'ĐẢNG BỘ CƠ SỞ',
};

/** Headers and sheet names without diacritics, upper case, with stray spaces. */
function shout(text: string): string {
  return `  ${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()} `;
}

const HEADER_ROWS = new Set([
  'Mục',
  'Giá trị',
  'STT',
  'Họ và tên',
  'Số thẻ đảng viên',
  'Ngày vào Đảng',
  'Miễn sinh hoạt',
  'Xếp loại',
  'Kỷ luật',
  'Ghi chú',
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
  'Nội dung',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Minh chứng',
  'Tên chi bộ',
  'Chi bộ bốn tốt',
]);

type Transform = (book: ReturnType<typeof chiBoBook>) => void;

const TRANSFORMS: [string, Transform][] = [
  ['loose labels and short forms', (book) => book.mapText((text) => LOOSE[text] ?? text)],
  [
    'NFD text everywhere',
    (book) => {
      book.mapText((text) => text.normalize('NFD'));
      for (const sheet of book.sheets) sheet.name = sheet.name.normalize('NFD');
    },
  ],
  [
    'headers and sheet names in capitals without diacritics',
    (book) => {
      book.mapText((text) => (HEADER_ROWS.has(text) ? shout(text) : text));
      for (const sheet of book.sheets) sheet.name = shout(sheet.name).trim();
    },
  ],
  [
    'shuffled columns',
    (book) => {
      for (const sheet of book.sheets) {
        const width = Math.max(...sheet.values.map((row) => row.length));
        const order = Array.from({ length: width }, (_, i) => width - 1 - i);
        book.permuteColumns(sheet.name, order);
      }
    },
  ],
  [
    'title rows above the headers and extra columns and sheets',
    (book) => {
      for (const sheet of book.sheets) {
        book.insertRows(sheet.name, [['ĐẢNG CỘNG SẢN VIỆT NAM'], [`Biểu ${sheet.name}`, null, 'ghi chú'], []]);
        for (const row of sheet.values) row.push('cột thêm');
      }
      book.add('Ghi chú riêng', [
        ['Họ và tên', 'Xếp loại'],
        ['A', 'Giỏi'],
      ]);
    },
  ],
];

/** The verdict without the cells (columns and rows move under some transforms). */
function verdict(result: CheckResult): unknown {
  return {
    eligible: result.eligible,
    criteria: result.criteria,
    reasons: result.reasons.map((r) => [r.code, r.severity, foldText(r.message).replace(/[^a-z0-9 ]/g, '')]),
    issues: result.issues.map((i) => [i.code, i.severity]),
    stats: result.stats,
    organization: result.organization,
  };
}

describe('loose input gives the same verdict', () => {
  const failing = (spec: ChiBoSpec): void => {
    meeting(spec, 3).speakers = 4;
    setMark(spec, 2, 5, 'K');
    member(spec, 11).rating = 'Không hoàn thành nhiệm vụ';
    meeting(spec, 2).kind = 'Chuyên đề';
  };

  test.each(TRANSFORMS)('%s', (_name, transform) => {
    for (const edit of [(): void => undefined, failing]) {
      const spec = chiBoSpec();
      edit(spec);
      const baseline = check(chiBoBook(spec).grids());
      const book = chiBoBook(spec);
      transform(book);
      expect(verdict(check(book.grids()))).toEqual(verdict(baseline));
    }
    const baseline = check(validDangBo());
    const book = dangBoBook();
    transform(book);
    expect(verdict(check(book.grids()))).toEqual(verdict(baseline));
  });

  test('the failing variant really fails', () => {
    const spec = chiBoSpec();
    failing(spec);
    expect(codes(check(chiBoBook(spec).grids()))).toEqual(['RATING_NOT_COMPLETED', 'ABSENCE_UNEXCUSED', 'SPEAKERS_LOW', 'REGULAR_MONTH_MISSING']);
  });
});

// ---------------------------------------------------------------- policy

describe('the policy', () => {
  const withPolicy = (rows: unknown[][]): SheetGrid[] => [
    ...validChiBo(),
    { name: 'Cấu hình', values: rows, originRow: 0, originCol: 0, hidden: true },
  ];

  test('is read from the Cấu hình sheet', () => {
    const rows: unknown[][] = [
      ['Khóa', 'Giá trị', 'Nguồn'],
      ['speakersMedium', 7, ''],
      ['severity.MEETING_SELF_LOW', 'block', ''],
    ];
    const result = check(withPolicy(rows));
    expect(result.policySource).toBe('workbook');
    expect(result.policy.speakersMedium).toBe(7);
    expect(codes(result)).toEqual(['SPEAKERS_LOW']);
  });

  test('the written policy layout reads back as the same policy', () => {
    const policy = { ...defaultPolicy(), criterionMinPercent: 99.5, deadlines: { ...defaultPolicy().deadlines, dangKy: '15/04' } };
    const layout = policyLayout(policy);
    const result = check([...validChiBo(), { name: layout.name, values: layout.values, originRow: 0, originCol: 0, hidden: true }]);
    expect(result.policySource).toBe('workbook');
    expect(result.policy).toEqual(policy);
    expect(codes(result)).toEqual(['CRITERION_LOW']);
  });

  test('a given policy overrides the workbook', () => {
    const rows: unknown[][] = [
      ['Khóa', 'Giá trị'],
      ['speakersMedium', 7],
    ];
    const result = checkWorkbook(withPolicy(rows), { asOf: AS_OF, policy: defaultPolicy() });
    expect(result.policySource).toBe('given');
    expect(result.eligible).toBe(true);
  });

  test('an invalid stored policy is an error naming the setting, and the defaults are used', () => {
    const rows: unknown[][] = [
      ['Khóa', 'Giá trị'],
      ['speakersMedium', 7],
      ['attendanceMinPercent', 'nhiều'],
      ['khongCo', 1],
    ];
    const result = check(withPolicy(rows));
    expect(result.policySource).toBe('default');
    expect(result.policy).toEqual(defaultPolicy());
    const issues = result.issues.map((i) => [i.code, i.sheet, i.cell]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['VALUE_INVALID', 'Cấu hình', 'B3'],
        ['VALUE_INVALID', 'Cấu hình', 'B4'],
      ]),
    );
    expect(result.issues.find((i) => i.cell === 'B3')?.message).toContain('attendanceMinPercent');
    expect(codes(result)).toEqual(['DATA_INVALID']);
  });

  test('every default entry survives a round trip through the sheet', () => {
    const layout = policyLayout(defaultPolicy());
    expect(layout.hidden).toBe(true);
    expect(layout.values[0]?.slice(0, 3)).toEqual(['Khóa', 'Giá trị', 'Nguồn']);
    expect(layout.values.length - 1).toBe(policyToEntries(defaultPolicy()).length);
  });
});
