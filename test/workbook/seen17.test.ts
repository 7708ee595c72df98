/**
 * Issue 17, "What was seen" (the meetings, the verdict's framing and the totals): one fixture per
 * observation, each asserting the verdict, the reason codes and their places as SPEC (amended,
 * section 7) says.
 */
import { checkText, summaryLine, summaryTotals } from '../../src/cli/check';
import { defaultPolicy } from '../../src/core/policy';
import type { ReasonCode } from '../../src/core/types';
import { checkWorkbook } from '../../src/workbook/check';
import { rowFromCheck } from '../../src/workbook/consolidate';
import type { CheckResult, SheetGrid } from '../../src/workbook/types';
import { AS_OF, chiBoBook, chiBoSpec, validChiBo, validDangBo, type Cell, type ChiBoSpec, type MeetingSpec } from './grids';

const check = (grids: SheetGrid[], asOf = AS_OF, policy = defaultPolicy()): CheckResult => checkWorkbook(grids, { asOf, policy });
const codes = (result: CheckResult): ReasonCode[] => result.reasons.map((r) => r.code);
const places = (result: CheckResult): string[] => result.reasons.map((r) => `${r.code} ${r.sheet ?? '-'}!${r.cell ?? '-'} ${r.severity}`);
const meeting = (spec: ChiBoSpec, index: number): MeetingSpec => spec.meetings[index] as MeetingSpec;

/**
 * Adds a Chuyên đề row right after meeting `index`, with the same date (Sinh hoạt row index + 3), as
 * a clerk writes the two parts of a combined session; its marks copy the meeting's. With
 * `ownColumn` it has its own Điểm danh column of that date, else it shares the meeting's column.
 */
function addThematicPart(spec: ChiBoSpec, index: number, changes: Partial<MeetingSpec> & { ownColumn?: boolean } = {}): void {
  const { ownColumn, ...rest } = changes;
  const regular = meeting(spec, index);
  spec.meetings.splice(index + 1, 0, { ...regular, kind: 'Chuyên đề', minutes: 40, speakers: 5, noColumn: !ownColumn, ...rest });
  for (const row of spec.marks) row.splice(index + 1, 0, row[index] as Cell);
}

/** March's combined meeting (index 2, Sinh hoạt row 4) written as Thường kỳ 90 min + Chuyên đề 40 min (row 5). */
function splitMarch(spec: ChiBoSpec, changes: Partial<MeetingSpec> & { ownColumn?: boolean } = {}): void {
  meeting(spec, 2).kind = 'Thường kỳ';
  meeting(spec, 2).minutes = 90;
  addThematicPart(spec, 2, changes);
}

describe('a combined session written as two rows on one date (Thường kỳ 90 min + Chuyên đề 40 min)', () => {
  test('one attendance column: one Kết hợp session of 130 minutes — eligible, no reason, no issue', () => {
    const result = check(validChiBo((s) => splitMarch(s)));
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.issues).toEqual([]);
    // Counted once in the statistics, as a combined meeting.
    expect(result.stats.meetingCounts).toEqual({ regular: 8, thematic: 0, combined: 4, total: 12 });
  });

  test('two columns of that date: no MATRIX_MISMATCH, and the session counts once for the rate and the absence runs', () => {
    const result = check(
      validChiBo((s) => {
        splitMarch(s, { ownColumn: true });
        // Member 3 absent with reason in February, at both parts of March and in April: three
        // sessions in a row (the limit), not four.
        for (const k of [1, 2, 3, 4]) (s.marks[3] as Cell[])[k] = 'P';
        // Member 1 present at the Thường kỳ part, absent with reason at the Chuyên đề part: present.
        (s.marks[1] as Cell[])[3] = 'P';
      }),
    );
    expect(result.issues).toEqual([]);
    expect(codes(result)).toEqual([]);
    expect(result.eligible).toBe(true);
    // 12 sessions × 12 required members; absent: member 3 ×3, member 4 in May, member 7 in October.
    expect(result.stats.attendanceRate).toBeCloseTo(139 / 144, 12);
    expect(result.stats.longestAbsenceStreak).toBe(3);
  });

  test('90 + 20 = 110 minutes: DURATION_SHORT once, at the Thường kỳ row, against the combined 120', () => {
    const result = check(validChiBo((s) => splitMarch(s, { minutes: 20 })));
    expect(result.eligible).toBe(false);
    expect(places(result)).toEqual(['DURATION_SHORT Sinh hoạt!I4 block']);
    expect(result.reasons[0]?.message).toContain('90 + 20 = 110 phút, cần ít nhất 120 phút');
    expect(result.reasons[0]?.message).toContain('dòng 4 và 5');
  });

  test('speakers: the larger of the two rows, at the Thường kỳ row', () => {
    expect(codes(check(validChiBo((s) => splitMarch(s, { speakers: 2 }))))).toEqual([]);
    const both = check(
      validChiBo((s) => {
        splitMarch(s, { speakers: 3 });
        meeting(s, 2).speakers = 4;
      }),
    );
    expect(places(both)).toEqual(['SPEAKERS_LOW Sinh hoạt!H4 block']);
  });

  test('each row still needs its signatures and self-assessment, at its own cells', () => {
    const result = check(validChiBo((s) => splitMarch(s, { secretary: 'Không', self: null })));
    expect(places(result)).toEqual(['MINUTES_UNSIGNED Sinh hoạt!K5 block', 'SELF_ASSESSMENT_MISSING Sinh hoạt!L5 block']);
  });

  test('other rows sharing a date are checked row by row: two Thường kỳ rows', () => {
    const result = check(
      validChiBo((s) => {
        s.meetings.splice(1, 0, { ...meeting(s, 0), minutes: 40, noColumn: true });
        for (const row of s.marks) row.splice(1, 0, row[0] as Cell);
      }),
    );
    expect(places(result)).toEqual(['DURATION_SHORT Sinh hoạt!I3 block']);
  });

  test.each([['Thường kỳ kết hợp chuyên đề'], ['Thường kỳ + chuyên đề'], ['Chuyên đề + thường kỳ'], ['Thường kỳ và chuyên đề'], ['TK + CĐ']])(
    'Loại "%s" is Kết hợp',
    (label) => {
      const result = check(
        validChiBo((s) => {
          for (const m of s.meetings) if (m.kind === 'Kết hợp') m.kind = label;
        }),
      );
      expect(result.issues).toEqual([]);
      expect(result.reasons).toEqual([]);
      expect(result.stats.meetingCounts.combined).toBe(4);
    },
  );

  describe("an unreadable date or kind on a same-day row leaves the pairing unmade and both rows' DURATION_SHORT unraised", () => {
    // May's regular meeting (row 6, 95 min) with a 20-minute Chuyên đề row of the same date (row 7):
    // read, they are one session of 115 minutes (DURATION_SHORT at I6).
    const may = (changes: Partial<MeetingSpec>): SheetGrid[] =>
      validChiBo((s) => {
        addThematicPart(s, 4, { minutes: 20, ...changes });
      });

    test('read: one session of 95 + 20 minutes', () => {
      expect(places(check(may({})))).toEqual(['DURATION_SHORT Sinh hoạt!I6 block']);
    });

    test("the Chuyên đề row's Loại unreadable: the data error only", () => {
      const result = check(may({ kind: 'Sinh hoạt chi bộ' }));
      expect(places(result)).toEqual(['DATA_INVALID -!- block']);
      expect(result.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(['VALUE_INVALID Sinh hoạt!C7']);
    });

    test("the Chuyên đề row's date unreadable: the data error only", () => {
      const book = chiBoBook(
        (() => {
          const spec = chiBoSpec();
          addThematicPart(spec, 4, { minutes: 20 });
          return spec;
        })(),
      ).set('Sinh hoạt', 'B7', 'giữa tháng 5');
      const result = check(book.grids());
      expect(places(result)).toEqual(['DATA_INVALID -!- block']);
      expect(result.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(['DATE_INVALID Sinh hoạt!B7']);
    });
  });
});

describe('a meeting at 10 of 12 present: the helper says "Không đạt", and now the verdict says why', () => {
  const lowFebruary = (): SheetGrid[] =>
    validChiBo((s) => {
      (s.marks[0] as Cell[])[1] = 'P';
      (s.marks[1] as Cell[])[1] = 'P';
    });

  test("MEETING_ATTENDANCE_LOW, a warning at that row's Có mặt cell; still eligible", () => {
    const result = check(lowFebruary());
    expect(result.eligible).toBe(true);
    expect(places(result)).toEqual(['MEETING_ATTENDANCE_LOW Sinh hoạt!E3 warn']);
    expect(result.reasons[0]?.message).toContain('10/12');
    expect(result.reasons[0]?.message).toContain('cần trên 85%');
  });

  test('an organisation that reads the seed per meeting sets it to block', () => {
    const policy = defaultPolicy();
    policy.severity.MEETING_ATTENDANCE_LOW = 'block';
    const result = check(lowFebruary(), AS_OF, policy);
    expect(result.eligible).toBe(false);
    expect(places(result)).toEqual(['MEETING_ATTENDANCE_LOW Sinh hoạt!E3 block']);
  });

  test('an unreadable absence count leaves that meeting out (the data error says what to fix)', () => {
    const result = check(chiBoBook().set('Sinh hoạt', 'E3', 10).set('Sinh hoạt', 'F3', 'hai').grids());
    expect(places(result)).toEqual(['DATA_INVALID -!- block']);
    expect(result.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(expect.arrayContaining(['NUMBER_INVALID Sinh hoạt!F3']));
  });
});

describe('checked on 20/12: "đủ điều kiện" is provisional and says so', () => {
  test('YEAR_NOT_OVER (warn, cell null) names December and Q4; the text output starts with the as-of date', () => {
    const result = check(validChiBo(), '2025-12-20');
    expect(result.eligible).toBe(true);
    expect(result.reasons.map((r) => [r.code, r.severity, r.sheet, r.cell])).toEqual([['YEAR_NOT_OVER', 'warn', null, null]]);
    expect(result.reasons[0]?.message).toContain('chưa tính tháng 12 và quý IV/2025');
    expect(result.reasons[0]?.message).toContain('20/12/2025');
    const text = checkText('chi-bo.xlsx', result).split('\n');
    expect(text.slice(0, 2)).toEqual(['== chi-bo.xlsx ==', 'Số liệu tính đến ngày 20/12/2025']);
    expect(text).toContain('Kết luận: Đủ điều kiện đề nghị công nhận "Chi bộ bốn tốt".');
    // A warning is listed under "Lưu ý", with its severity word and no code (codes only with --codes).
    expect(text).toContain('Lưu ý (1):');
    expect(text).toContain(`  Lưu ý — ${result.reasons[0]?.message ?? ''}`);
    expect(text.join('\n')).not.toContain('YEAR_NOT_OVER');
    expect(checkText('chi-bo.xlsx', result, { codes: true })).toContain(`  Lưu ý — ${result.reasons[0]?.message ?? ''} [YEAR_NOT_OVER]`);
  });

  test('any kind of organisation; nothing once the year is over', () => {
    expect(codes(check(validDangBo(), '2025-09-30'))).toEqual(['YEAR_NOT_OVER']);
    expect(check(validDangBo(), '2025-09-30').reasons[0]?.message).toContain('chưa tính tháng 10–12 và quý IV/2025');
    expect(codes(check(validDangBo(), '2025-12-31'))).toEqual([]);
  });
});

describe('the target counts grassroots organisations; totals say "đủ điều kiện"', () => {
  const subordinate = (): CheckResult =>
    check(
      validChiBo((s) => {
        s.info = s.info.map(([k, v]) => [k, k === 'Loại tổ chức' ? 'Chi bộ trực thuộc' : v]);
      }),
    );

  test('a chi bộ trực thuộc and a đảng bộ cơ sở: one toward the target, one apart', () => {
    const rows = [rowFromCheck('kp.xlsx', subordinate()), rowFromCheck('db.xlsx', check(validDangBo()))];
    const { summary, duplicates } = summaryTotals(rows, defaultPolicy());
    expect(summary).toEqual({
      organizations: 1,
      eligible: 1,
      share: 1,
      target: 0.5,
      targetMet: true,
      subordinate: { organizations: 1, eligible: 1 },
    });
    expect(duplicates).toEqual([]);
    expect(summaryLine(summary).split('\n')).toEqual([
      '1/1 tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận (100%), chỉ tiêu 50%',
      'Chi bộ trực thuộc (không tính vào chỉ tiêu): 1/1 đủ điều kiện',
    ]);
  });

  test('the one-file line says "đủ điều kiện", never "đạt"', () => {
    const failing = check(validDangBo((s) => ((s.subordinates[6] as { rating: unknown }).rating = 'KHTNV')));
    const { summary } = summaryTotals([rowFromCheck('db.xlsx', failing)], defaultPolicy());
    const line = summaryLine(summary);
    expect(line).toBe('0/1 tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận (0%), chỉ tiêu 50%');
    expect(line).not.toMatch(/\bđạt\b/);
  });

  test('the same organisation twice is counted once; the same name under another committee is another one', () => {
    const a = check(validChiBo());
    const renamed = check(
      validChiBo((s) => {
        s.info = s.info.map(([k, v]) => [
          k,
          k === 'Tên tổ chức' ? '  CHI BO phong to chuc - hanh chinh ' : k === 'Cấp ủy cấp trên' ? 'đảng ủy khối CÁC CƠ QUAN thành phố' : v,
        ]);
      }),
    );
    const elsewhere = check(validChiBo((s) => (s.info = s.info.map(([k, v]) => [k, k === 'Cấp ủy cấp trên' ? 'Đảng ủy phường Bến Thành' : v]))));
    const once = summaryTotals([rowFromCheck('a.xlsx', a), rowFromCheck('b.xlsx', renamed)], defaultPolicy());
    expect(once.summary.organizations).toBe(1);
    expect(once.duplicates).toHaveLength(1);
    expect(summaryLine(once.summary, once.duplicates)).toContain('có trong nhiều đầu vào: a.xlsx và b.xlsx; chỉ tính một lần theo a.xlsx.');
    expect(summaryTotals([rowFromCheck('a.xlsx', a), rowFromCheck('c.xlsx', elsewhere)], defaultPolicy()).summary.organizations).toBe(2);
  });
});
