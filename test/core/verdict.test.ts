import { evaluate } from '../../src/core/verdict';
import type { Issue } from '../../src/core/types';
import {
  AFTER_YEAR,
  chiBo,
  criteria,
  dangBo,
  matrix,
  meeting,
  member,
  membersRated,
  monthlyDates,
  monthlyMeetings,
  policy,
  repeat,
  subordinatesRated,
} from './fixtures';

const error: Issue = { severity: 'error', sheet: 'Sinh hoạt', cell: 'D5', code: 'NUMBER_INVALID', message: 'Số không hợp lệ' };
const warning: Issue = { severity: 'warning', sheet: 'Điểm danh', cell: null, code: 'SHEET_MISSING', message: 'Thiếu trang' };

describe('evaluate', () => {
  it('finds a compliant chi bộ eligible, with its criteria and figures', () => {
    const result = evaluate({ records: chiBo(), issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.criteria).toEqual([
      { id: '1.1', percent: 100, pass: true },
      { id: '1.2', percent: 100, pass: true },
      { id: '1.3', percent: 100, pass: true },
      { id: '1.4', percent: 100, pass: true },
    ]);
    expect(result.stats).toEqual({
      ratingCounts: { HTXSNV: 2, HTTNV: 8, HTNV: 0, KHTNV: 0, KXL: 0, missing: 0 },
      completedShare: 1,
      goodShare: 1,
      excellentShare: 0.2,
      attendanceRate: 1,
      attendanceSource: 'meetings',
      meetingCounts: { regular: 8, thematic: 0, combined: 4, total: 12 },
      longestAbsenceStreak: null,
      membersDisciplined: 0,
    });
  });

  it('adds one DATA_INVALID reason when an issue is an error', () => {
    const result = evaluate({ records: chiBo(), issues: [error, { ...error, cell: 'D6' }, warning], policy: policy(), asOf: AFTER_YEAR });
    expect(result.reasons).toEqual([
      {
        code: 'DATA_INVALID',
        severity: 'block',
        sheet: null,
        cell: null,
        message: 'Sổ tính có 2 lỗi dữ liệu (trang Sinh hoạt); kết quả đánh giá chưa đáng tin cậy cho đến khi sửa hết các lỗi này.',
        text: { key: 'DATA_INVALID', params: { count: 2, sheets: { list: ['Sinh hoạt'] } } },
      },
    ]);
    expect(result.eligible).toBe(false);
  });

  it('warnings alone do not make the data invalid', () => {
    const result = evaluate({ records: chiBo(), issues: [warning], policy: policy(), asOf: AFTER_YEAR });
    expect(result.reasons).toEqual([]);
    expect(result.eligible).toBe(true);
  });

  it('takes severities from the policy: a warn reason does not block', () => {
    const records = chiBo({ meetings: monthlyMeetings(2025, { speakers: 1 }) });
    const blocked = evaluate({ records, issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(blocked.eligible).toBe(false);
    expect(blocked.reasons).toHaveLength(12);
    expect(blocked.reasons.every((r) => r.code === 'SPEAKERS_LOW' && r.severity === 'block')).toBe(true);
    const relaxed = evaluate({ records, issues: [], policy: policy({ severity: { ...policy().severity, SPEAKERS_LOW: 'warn' } }), asOf: AFTER_YEAR });
    expect(relaxed.eligible).toBe(true);
    expect(relaxed.reasons.every((r) => r.severity === 'warn')).toBe(true);
  });

  it('EXCELLENT_CAP and MEETING_SELF_LOW warn by default', () => {
    const records = chiBo({
      members: membersRated([...repeat('HTXSNV' as const, 5), ...repeat('HTTNV' as const, 5)]),
      meetings: [...monthlyMeetings().slice(0, 11), meeting(13, { date: '2025-12-15', kind: 'combined', selfAssessment: 'trung-binh' })],
    });
    const result = evaluate({ records, issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(result.reasons.map((r) => [r.code, r.severity])).toEqual([
      ['EXCELLENT_CAP', 'warn'],
      ['MEETING_SELF_LOW', 'warn'],
    ]);
    expect(result.eligible).toBe(true);
  });

  it('keeps the severity a finding sets itself (a missing minutes-book row warns)', () => {
    const result = evaluate({ records: chiBo({ info: { minutesBookStamped: null } }), issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(result.reasons.map((r) => [r.code, r.severity])).toEqual([['MINUTES_BOOK_UNSTAMPED', 'warn']]);
    expect(result.eligible).toBe(true);
    const stampedNo = evaluate({ records: chiBo({ info: { minutesBookStamped: false } }), issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(stampedNo.reasons.map((r) => [r.code, r.severity])).toEqual([['MINUTES_BOOK_UNSTAMPED', 'block']]);
    expect(stampedNo.eligible).toBe(false);
  });

  it('orders reasons by rule, then sheet, row and column', () => {
    const meetings = monthlyMeetings();
    meetings[4] = { ...meetings[4]!, speakers: 0, chairSigned: false, secretarySigned: false };
    meetings[1] = { ...meetings[1]!, speakers: 1 };
    const records = chiBo({
      criteria: criteria({ '1.3': [[0, 10]] }),
      members: [
        member(2, { discipline: 'Khiển trách' }),
        ...membersRated(repeat('HTTNV' as const, 5)).map((m, i) => ({ ...m, row: i + 3, ratingCell: `F${i + 3}` })),
      ],
      meetings,
    });
    const result = evaluate({ records, issues: [error], policy: policy(), asOf: AFTER_YEAR });
    expect(result.reasons.map((r) => [r.code, r.cell])).toEqual([
      ['DATA_INVALID', null],
      ['CRITERION_LOW', 'A6'],
      ['SPEAKERS_LOW', 'H3'],
      ['SPEAKERS_LOW', 'H6'],
      ['MINUTES_UNSIGNED', 'J6'],
      ['MINUTES_UNSIGNED', 'K6'],
      ['DISCIPLINE', 'G2'],
    ]);
    expect(result.criteria[2]).toEqual({ id: '1.3', percent: 0, pass: false });
    expect(result.stats.membersDisciplined).toBe(1);
  });

  it('uses the sheet names the workbook has', () => {
    const records = chiBo({ meetings: monthlyMeetings(2025, { speakers: 1 }).slice(0, 1) });
    const result = evaluate({ records, issues: [], policy: policy(), asOf: '2025-01-31', sheetNames: { meetings: 'SINH HOAT' } });
    expect(result.reasons.map((r) => [r.code, r.sheet])).toEqual([
      ['SPEAKERS_LOW', 'SINH HOAT'],
      ['YEAR_NOT_OVER', null],
    ]);
  });

  it('fills the figures of a chi bộ with a matrix', () => {
    const records = chiBo({
      attendance: matrix(monthlyDates(), [
        { name: 'A', marks: 'CCCCCCCCCCCC' },
        { name: 'B', marks: 'PPPPCCCCCMMK' },
      ]),
    });
    const result = evaluate({ records, issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(result.stats.attendanceRate).toBeCloseTo(17 / 22, 12);
    expect(result.stats.attendanceSource).toBe('matrix');
    expect(result.stats.longestAbsenceStreak).toBe(4);
    expect(result.reasons.map((r) => r.code)).toEqual(['ATTENDANCE_LOW', 'ABSENCE_UNEXCUSED', 'ABSENCE_STREAK']);
  });

  it('judges a đảng bộ on its criteria, its subordinate chi bộ and discipline', () => {
    const records = dangBo({
      subordinates: subordinatesRated(['HTXSNV', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', null]),
      members: [member(2, { discipline: 'Cảnh cáo' })],
    });
    const result = evaluate({ records, issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(result.reasons.map((r) => r.code)).toEqual(['CELL_NOT_COMPLETED', 'CELL_GOOD_SHARE_LOW', 'RATING_MISSING', 'EXCELLENT_CAP', 'DISCIPLINE']);
    expect(result.stats.ratingCounts).toEqual({ HTXSNV: 2, HTTNV: 1, HTNV: 1, KHTNV: 1, KXL: 0, missing: 1 });
    expect(result.stats.attendanceRate).toBeNull();
    expect(result.stats.attendanceSource).toBeNull();
    expect(result.eligible).toBe(false);
  });

  it('is never eligible when a blocking rule fails, whatever else holds', () => {
    const result = evaluate({ records: chiBo({ criteria: null }), issues: [], policy: policy(), asOf: AFTER_YEAR });
    expect(result.eligible).toBe(false);
    expect(result.criteria.every((c) => c.percent === null && !c.pass)).toBe(true);
  });
});
