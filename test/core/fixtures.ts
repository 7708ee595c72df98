/**
 * Small builders of organisation records for rule tests. Every builder makes a compliant value
 * by default, so a test changes only what it is about. Cells follow the template's column order:
 * Đảng viên  A STT · B Họ và tên · C Số thẻ · D Ngày vào Đảng · E Miễn sinh hoạt · F Xếp loại · G Kỷ luật
 * Sinh hoạt  A STT · B Ngày · C Loại · D Số đảng viên · E Có mặt · F Vắng có lý do · G Vắng không lý do ·
 *            H Số ý kiến · I Thời gian · J Chủ trì ký · K Thư ký ký · L Tự đánh giá
 * Điểm danh  A Họ và tên · B… one column per meeting
 * Tiêu chí   A Mã · B Nội dung · C Điểm tối đa · D Điểm tự chấm
 * Chi bộ trực thuộc  A STT · B Tên chi bộ · C Số đảng viên · D Xếp loại · E Chi bộ bốn tốt
 * Data rows start at row 2 (header in row 1).
 */
import { defaultPolicy, type Policy } from '../../src/core/policy';
import { ruleContext, type RuleContext } from '../../src/core/figures';
import { toIsoDate } from '../../src/core/dates';
import type {
  AttendanceMark,
  AttendanceMatrix,
  CriterionId,
  CriterionRow,
  IsoDate,
  Meeting,
  MeetingKind,
  Member,
  OrgInfo,
  OrgRecords,
  RatingLevel,
  SubordinateCell,
} from '../../src/core/types';
import { CRITERION_IDS } from '../../src/core/types';

export const YEAR = 2025;
/** An as-of date after the evaluation year: every month and quarter counts. */
export const AFTER_YEAR: IsoDate = '2026-03-01';

/** A fresh default policy, with optional numeric or severity changes. */
export function policy(changes: Partial<Policy> = {}): Policy {
  const base = defaultPolicy();
  return { ...base, ...changes, severity: { ...base.severity, ...(changes.severity ?? {}) } };
}

// ---------------------------------------------------------------- Thông tin

export function info(changes: Partial<OrgInfo> = {}): OrgInfo {
  return {
    name: 'Chi bộ Văn phòng',
    kind: 'chi-bo',
    level: 'co-so',
    type: 'co-quan',
    year: YEAR,
    superior: 'Đảng ủy Khối',
    hasCommittee: true,
    minutesBookStamped: true,
    minutesBookStampedCell: 'B8',
    ...changes,
  };
}

// ---------------------------------------------------------------- Đảng viên

/** One member at a sheet row (2 = first data row). */
export function member(row: number, changes: Partial<Member> = {}): Member {
  const name = changes.name ?? `Đảng viên ${row - 1}`;
  return {
    key: name.toLowerCase(),
    name,
    exempt: false,
    rating: 'HTTNV',
    discipline: null,
    row,
    nameCell: `B${row}`,
    ratingCell: `F${row}`,
    disciplineCell: `G${row}`,
    ...changes,
  };
}

/** Members rated as given, in rows 2, 3, … */
export function membersRated(levels: readonly (RatingLevel | null)[]): Member[] {
  return levels.map((rating, i) => member(i + 2, { rating }));
}

/** `count` copies of a level, for building shares: repeat('HTTNV', 8). */
export function repeat<T>(value: T, count: number): T[] {
  return Array.from({ length: count }, () => value);
}

// ---------------------------------------------------------------- Sinh hoạt

const MEETING_COLUMNS = {
  date: 'B',
  kind: 'C',
  members: 'D',
  present: 'E',
  excused: 'F',
  unexcused: 'G',
  speakers: 'H',
  minutes: 'I',
  chairSigned: 'J',
  secretarySigned: 'K',
  selfAssessment: 'L',
} as const;

/** One compliant meeting of 10 members at a sheet row. */
export function meeting(row: number, changes: Partial<Meeting> = {}): Meeting {
  const cells = Object.fromEntries(Object.entries(MEETING_COLUMNS).map(([field, column]) => [field, `${column}${row}`])) as Meeting['cells'];
  return {
    row,
    date: toIsoDate(YEAR, 1, 15),
    kind: 'regular',
    members: 10,
    present: 10,
    excused: 0,
    unexcused: 0,
    speakers: 5,
    minutes: 120,
    chairSigned: true,
    secretarySigned: true,
    selfAssessment: 'tot',
    cells,
    ...changes,
  };
}

/**
 * One meeting on the 15th of each month of `year` (rows 2–13): combined in March, June,
 * September and December (so every quarter has a thematic meeting), regular otherwise.
 */
export function monthlyMeetings(year = YEAR, changes: Partial<Meeting> = {}): Meeting[] {
  return Array.from({ length: 12 }, (_, i) =>
    meeting(i + 2, { date: toIsoDate(year, i + 1, 15), kind: (i + 1) % 3 === 0 ? 'combined' : 'regular', ...changes }),
  );
}

/** Meetings at given dates and kinds, rows 2, 3, … */
export function meetingsOn(entries: readonly [IsoDate, MeetingKind][]): Meeting[] {
  return entries.map(([date, kind], i) => meeting(i + 2, { date, kind }));
}

// ---------------------------------------------------------------- Điểm danh

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * An attendance matrix. Each row's marks are a string, one character per column: C P K M D, and
 * "." for a blank (not required). Meeting columns start at B; member rows at 2.
 */
export function matrix(dates: readonly IsoDate[], rows: readonly { name: string; marks: string }[], sheet = 'Điểm danh'): AttendanceMatrix {
  return {
    sheet,
    columns: dates.map((date, i) => ({ date, headerCell: `${columnLetter(i + 1)}1` })),
    rows: rows.map((row, r) => ({
      key: row.name.toLowerCase(),
      name: row.name,
      marks: [...row.marks].map((ch) => (ch === '.' ? null : (ch as AttendanceMark))),
      cells: dates.map((_, i) => `${columnLetter(i + 1)}${r + 2}`),
    })),
  };
}

/** The dates of monthlyMeetings(year). */
export function monthlyDates(year = YEAR): IsoDate[] {
  return Array.from({ length: 12 }, (_, i) => toIsoDate(year, i + 1, 15));
}

// ---------------------------------------------------------------- Tiêu chí

/**
 * Criteria rows: for each criterion its own row (no points) followed by leaf rows given as
 * [self, max] pairs (self null = blank). Criteria not given get one leaf scored 100/100.
 */
export function criteria(leaves: Partial<Record<CriterionId, readonly (readonly [number | null, number | null])[]>> = {}): CriterionRow[] {
  const rows: CriterionRow[] = [];
  let row = 2;
  const push = (code: string, maxPoints: number | null, selfPoints: number | null): void => {
    rows.push({ code, maxPoints, selfPoints, row, codeCell: `A${row}`, selfCell: `D${row}` });
    row += 1;
  };
  for (const id of CRITERION_IDS) {
    push(id, null, null);
    const given = leaves[id] ?? [[100, 100]];
    given.forEach(([self, max], i) => push(`${id}.${i + 1}`, max, self));
  }
  return rows;
}

/** A criterion row for hand-made sheets. */
export function criterionRow(row: number, code: string, maxPoints: number | null, selfPoints: number | null): CriterionRow {
  return { code, maxPoints, selfPoints, row, codeCell: `A${row}`, selfCell: `D${row}` };
}

// ---------------------------------------------------------------- Chi bộ trực thuộc

export function subordinate(row: number, rating: RatingLevel | null, changes: Partial<SubordinateCell> = {}): SubordinateCell {
  return { name: `Chi bộ ${row - 1}`, members: 12, rating, isModel: null, row, ratingCell: `D${row}`, ...changes };
}

export function subordinatesRated(levels: readonly (RatingLevel | null)[]): SubordinateCell[] {
  return levels.map((level, i) => subordinate(i + 2, level));
}

// ---------------------------------------------------------------- whole organisations

/** A compliant chi bộ for YEAR: 10 members (2 HTXSNV, 8 HTTNV), a meeting every month, criteria 100 %. */
export function chiBo(changes: Partial<Omit<OrgRecords, 'info'>> & { info?: Partial<OrgInfo> } = {}): OrgRecords {
  const { info: infoChanges, ...rest } = changes;
  return {
    info: info(infoChanges),
    members: membersRated([...repeat<RatingLevel>('HTXSNV', 2), ...repeat<RatingLevel>('HTTNV', 8)]),
    meetings: monthlyMeetings(),
    attendance: null,
    criteria: criteria(),
    subordinates: null,
    ...rest,
  };
}

/** A compliant đảng bộ cơ sở for YEAR: 5 subordinate chi bộ (1 HTXSNV, 4 HTTNV), no member sheet. */
export function dangBo(changes: Partial<Omit<OrgRecords, 'info'>> & { info?: Partial<OrgInfo> } = {}): OrgRecords {
  const { info: infoChanges, ...rest } = changes;
  return {
    info: info({ name: 'Đảng bộ Phường', kind: 'dang-bo', level: 'co-so', minutesBookStamped: null, minutesBookStampedCell: null, ...infoChanges }),
    members: null,
    meetings: null,
    attendance: null,
    criteria: criteria(),
    subordinates: subordinatesRated(['HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV']),
    ...rest,
  };
}

/** The rule context of records, with the default policy and an as-of date after the year. */
export function ctx(records: OrgRecords, options: { policy?: Policy; asOf?: IsoDate } = {}): RuleContext {
  return ruleContext(records, options.policy ?? policy(), options.asOf ?? AFTER_YEAR);
}
