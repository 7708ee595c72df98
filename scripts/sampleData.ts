/**
 * Deterministic organisation data for the samples, the CLI tests and the consolidation benchmark:
 * a chi bộ with members, twelve monthly meetings (thematic and combined ones each quarter), an
 * attendance matrix consistent with the meeting counts, and self-scored criteria; a đảng bộ cơ sở
 * with its subordinate chi bộ. Problems are switched on one by one so a test knows what to expect.
 *
 * Two ways to lay the data out: `plainLayouts` (just headers and values, as a person might type
 * them) and `fillTemplate` (into the layouts `bontot template` writes, keeping their formats and
 * dropdowns).
 */
import { isoToExcelSerial, toIsoDate } from '../src/core/dates';
import type { OrgType } from '../src/core/types';
import { ORG_TYPE_LABELS } from '../src/core/vocabulary';
import { criteriaSeedRows } from '../src/workbook/layout/criteriaSeed';
import type { CellValue, SheetLayout } from '../src/workbook/types';

// ------------------------------------------------------------------------------------ randomness

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Minh', 'Đức', 'Quang', 'Thanh', 'Công', 'Xuân', 'Đình', 'Ngọc'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Mai', 'Thúy', 'Bích', 'Hồng', 'Minh'];
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
  'Trung',
  'Hiếu',
  'Toàn',
];
const GIVEN_FEMALE = ['Hà', 'Hạnh', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngân', 'Thảo', 'Trang', 'Vy', 'Yến', 'Hoa', 'Loan', 'Dung', 'Phương'];

/** A plausible Vietnamese full name; `used` keeps names unique within one chi bộ. */
export function vietnameseName(random: () => number, used: Set<string>): string {
  for (;;) {
    const female = random() < 0.45;
    const name = `${pick(random, SURNAMES)} ${pick(random, female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${pick(random, female ? GIVEN_FEMALE : GIVEN_MALE)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

// ------------------------------------------------------------------------------------ the data

export interface InfoSpec {
  name: string;
  kindLabel: 'Chi bộ cơ sở' | 'Chi bộ trực thuộc' | 'Đảng bộ cơ sở';
  type: OrgType;
  year: number;
  superior: string;
  hasCommittee: boolean;
  minutesBookStamped: boolean;
}

export interface MemberSpec {
  name: string;
  card: string;
  joined: string;
  exempt: boolean;
  rating: string;
  discipline: string;
  note: string;
}

export interface MeetingSpec {
  date: string;
  kind: 'Thường kỳ' | 'Chuyên đề' | 'Kết hợp';
  members: number;
  present: number;
  excused: number;
  unexcused: number;
  speakers: number;
  minutes: number;
  chairSigned: boolean;
  secretarySigned: boolean;
  selfAssessment: string;
}

export interface CriterionSpec {
  code: string | null;
  content: string;
  max: number | null;
  self: number | null;
  evidence: string;
}

export interface SubordinateSpec {
  name: string;
  members: number;
  rating: string | null;
  isModel: boolean;
}

export interface OrgSpec {
  info: InfoSpec;
  members: MemberSpec[] | null;
  meetings: MeetingSpec[] | null;
  /** Marks per member (same order as members), one per meeting date. */
  attendance: { dates: string[]; marks: string[][] } | null;
  criteria: CriterionSpec[];
  subordinates: SubordinateSpec[] | null;
}

/** Problems a generated chi bộ can carry (each makes it not eligible except selfLow). */
export interface ChiBoProblems {
  /** One member absent without reason (K) at the July meeting. */
  unexcusedAbsence?: boolean;
  /** The August regular meeting lasts 75 minutes (needs 90). */
  shortMeeting?: boolean;
  /** One meeting self-assessed "Trung bình" (a warning only). */
  selfLow?: boolean;
  /** Criterion 1.3 self-scored at 90 %. */
  lowCriterion?: boolean;
  /** Three members rated "Hoàn thành nhiệm vụ" (good share below 80 %). */
  weakRatings?: boolean;
  /** A meeting row whose attendance count is not a number (a data error). */
  badNumber?: boolean;
  /** Three of the members absent with reason at the October meeting (MEETING_ATTENDANCE_LOW, a warning). */
  lowAttendanceMeeting?: boolean;
}

export interface ChiBoOptions {
  seed: number;
  name: string;
  year?: number;
  members?: number;
  type?: OrgType;
  kindLabel?: 'Chi bộ cơ sở' | 'Chi bộ trực thuộc';
  superior?: string;
  /** Adds a stand-alone thematic meeting (Chuyên đề) on 19/05. */
  standaloneThematic?: boolean;
  /**
   * Writes the combined session of this month (3, 6, 9 or 12) as a clerk often does: a Thường kỳ row
   * (90+ minutes) and a Chuyên đề row (40 minutes) with the same date and one attendance column.
   */
  splitCombinedMonth?: number;
  problems?: ChiBoProblems;
}

const MEETING_DAYS = [8, 12, 10, 9, 13, 10, 8, 12, 9, 10, 11, 9];

function card(random: () => number): string {
  return String(Math.floor(10_000_000 + random() * 89_999_999));
}

/** A chi bộ's year: everything consistent and eligible unless a problem is switched on. */
export function chiBoSpec(options: ChiBoOptions): OrgSpec {
  const random = prng(options.seed);
  const year = options.year ?? 2025;
  const size = options.members ?? 15;
  const problems = options.problems ?? {};
  const used = new Set<string>();
  const members: MemberSpec[] = [];
  for (let i = 0; i < size; i++) {
    const joinedYear = year - 2 - Math.floor(random() * 30);
    members.push({
      name: vietnameseName(random, used),
      card: card(random),
      joined: toIsoDate(joinedYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
      exempt: false,
      rating: 'Hoàn thành tốt nhiệm vụ',
      discipline: '',
      note: '',
    });
  }
  // Ratings: about 13 % excellent (under the 20 % cap), a few "Hoàn thành nhiệm vụ" within the 80 % rule.
  const excellent = Math.max(1, Math.floor(size * 0.13));
  const completedOnly = problems.weakRatings ? Math.ceil(size * 0.2) + 1 : Math.floor(size * 0.13);
  // The oldest member is exempt from meetings (Miễn sinh hoạt) when the chi bộ is big enough.
  const exemptIndex = size >= 12 ? size - 1 : -1;
  const lastRated = exemptIndex >= 0 ? exemptIndex : size;
  members.forEach((member, index) => {
    if (index < excellent) member.rating = 'Hoàn thành xuất sắc nhiệm vụ';
    else if (index >= lastRated - completedOnly && index < lastRated) member.rating = 'Hoàn thành nhiệm vụ';
  });
  if (exemptIndex >= 0) {
    const member = members[exemptIndex] as MemberSpec;
    member.exempt = true;
    member.rating = 'Không xếp loại';
    member.note = 'Miễn sinh hoạt do tuổi cao';
    member.joined = toIsoDate(year - 52, 5, 19);
  }

  const dates: string[] = [];
  const marks: string[][] = members.map(() => []);
  const meetings: MeetingSpec[] = [];
  // Twelve monthly meetings, one combined with a thematic one each quarter; optionally a stand-alone
  // thematic meeting on 19/05 (Bác Hồ's birthday) besides the regular one of May.
  const plan: { date: string; kind: MeetingSpec['kind']; month: number; part?: 'regular' | 'thematic' }[] = [];
  for (let month = 1; month <= 12; month++) {
    const date = toIsoDate(year, month, MEETING_DAYS[month - 1] as number);
    if (month === options.splitCombinedMonth) {
      plan.push({ date, kind: 'Thường kỳ', month, part: 'regular' }, { date, kind: 'Chuyên đề', month, part: 'thematic' });
    } else {
      plan.push({ date, kind: month % 3 === 0 ? 'Kết hợp' : 'Thường kỳ', month });
    }
  }
  if (options.standaloneThematic) plan.push({ date: toIsoDate(year, 5, 19), kind: 'Chuyên đề', month: 5 });
  plan.sort((a, b) => a.date.localeCompare(b.date));
  let sequence = -1;
  plan.forEach(({ date, kind, month, part }) => {
    // The Chuyên đề half of a split session is the same session: same column, same counts.
    if (part === 'thematic') {
      const regular = meetings[meetings.length - 1] as MeetingSpec;
      meetings.push({ ...regular, kind, speakers: regular.speakers - 1, minutes: 40, selfAssessment: 'Tốt' });
      return;
    }
    sequence += 1;
    dates.push(date);
    // Attendance: about one member absent with reason each meeting, never the same one twice running.
    let excused = 0;
    let unexcused = 0;
    let present = 0;
    members.forEach((member, index) => {
      let mark = 'C';
      if (index === exemptIndex) mark = 'M';
      else if ((index + sequence + 1) % 13 === 0) mark = 'P';
      if (problems.unexcusedAbsence && month === 7 && index === 2) mark = 'K';
      if (problems.lowAttendanceMeeting && month === 10 && (index === 4 || index === 5)) mark = 'P';
      (marks[index] as string[]).push(mark);
      if (mark === 'C') present += 1;
      if (mark === 'P') excused += 1;
      if (mark === 'K') unexcused += 1;
    });
    const required = size - (exemptIndex >= 0 ? 1 : 0);
    const minSpeakers = required > 20 ? 7 : required > 10 ? 5 : 3;
    const minMinutes = kind === 'Kết hợp' ? 120 : required < 10 ? 60 : 90;
    // A split session's Thường kỳ row needs 80 minutes (with the Chuyên đề row's 40, the combined 120).
    const floorMinutes = part === 'regular' ? Math.max(minMinutes, 80) : minMinutes;
    meetings.push({
      date,
      kind,
      members: required,
      present,
      excused,
      unexcused,
      speakers: minSpeakers + Math.floor(random() * 4),
      minutes: problems.shortMeeting && month === 8 ? 75 : floorMinutes + 5 * Math.floor(random() * 7),
      chairSigned: true,
      secretarySigned: true,
      selfAssessment: problems.selfLow && month === 4 ? 'Trung bình' : random() < 0.7 ? 'Tốt' : 'Khá',
    });
  });
  const type = options.type ?? 'co-quan';
  return {
    info: {
      name: options.name,
      kindLabel: options.kindLabel ?? 'Chi bộ cơ sở',
      type,
      year,
      superior: options.superior ?? 'Đảng ủy phường Bến Thành',
      hasCommittee: size >= 9,
      minutesBookStamped: true,
    },
    members,
    meetings,
    attendance: { dates, marks },
    criteria: scoredCriteria(type, random, problems.lowCriterion ? '1.3' : null),
    subordinates: null,
    ...(problems.badNumber ? { badNumber: true } : {}),
  };
}

/** The seed's criteria rows, self-scored: full marks on most rows, a point or two off on some (≥ 96 %). */
function scoredCriteria(type: OrgType, random: () => number, lowCriterion: string | null): CriterionSpec[] {
  const rows = criteriaSeedRows(type);
  const lost: Record<string, number> = {};
  return rows.map((row) => {
    if (row.code === null || row.maxPoints === null) {
      return { code: row.code, content: row.content, max: null, self: null, evidence: '' };
    }
    const criterion = row.code.split('.').slice(0, 2).join('.');
    let self = row.maxPoints;
    const budget = lowCriterion === criterion ? 10 : 3;
    const spent = lost[criterion] ?? 0;
    if (spent < budget && (random() < 0.25 || lowCriterion === criterion)) {
      const minus = Math.min(lowCriterion === criterion ? 3 : 1, budget - spent, row.maxPoints);
      self -= minus;
      lost[criterion] = spent + minus;
    }
    return {
      code: row.code,
      content: row.content,
      max: row.maxPoints,
      self,
      evidence: self === row.maxPoints ? 'Nghị quyết, biên bản sinh hoạt' : 'Báo cáo tổng kết năm',
    };
  });
}

export interface DangBoOptions {
  seed: number;
  name: string;
  year?: number;
  type?: OrgType;
  cells?: number;
  problems?: { lowCriterion?: boolean; missingRating?: boolean; notCompleted?: boolean };
}

const CELL_NAMES = [
  'Văn phòng Công ty',
  'Phòng Kế toán',
  'Phòng Kỹ thuật',
  'Phân xưởng Cơ khí',
  'Phân xưởng Lắp ráp',
  'Phòng Kinh doanh',
  'Kho vận',
  'Phòng Nhân sự',
  'Ban Dự án',
  'Phòng Chất lượng',
];

export function dangBoSpec(options: DangBoOptions): OrgSpec {
  const random = prng(options.seed);
  const year = options.year ?? 2025;
  const count = options.cells ?? 7;
  const problems = options.problems ?? {};
  const subordinates: SubordinateSpec[] = [];
  for (let i = 0; i < count; i++) {
    let rating = i === 0 ? 'Hoàn thành xuất sắc nhiệm vụ' : i === count - 1 ? 'Hoàn thành nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ';
    if (problems.notCompleted && i === count - 2) rating = 'Không hoàn thành nhiệm vụ';
    subordinates.push({
      // The `Tên chi bộ` column holds the unit's name ("Phòng Kế toán"), as such lists usually do.
      name: `${CELL_NAMES[i % CELL_NAMES.length]}${i >= CELL_NAMES.length ? ` ${Math.floor(i / CELL_NAMES.length) + 1}` : ''}`,
      members: 6 + Math.floor(random() * 20),
      rating: problems.missingRating && i === 3 ? null : rating,
      isModel: rating !== 'Hoàn thành nhiệm vụ' && i % 2 === 0,
    });
  }
  const type = options.type ?? 'doanh-nghiep';
  return {
    info: {
      name: options.name,
      kindLabel: 'Đảng bộ cơ sở',
      type,
      year,
      superior: 'Đảng ủy Khối Doanh nghiệp Thành phố',
      hasCommittee: true,
      minutesBookStamped: true,
    },
    members: null,
    meetings: null,
    attendance: null,
    criteria: scoredCriteria(type, random, problems.lowCriterion ? '1.2' : null),
    subordinates,
  };
}

// ------------------------------------------------------------------------------------ layouts

const DATE_FORMAT = 'dd/mm/yyyy';

function serial(date: string): number {
  return isoToExcelSerial(date);
}

function yesNo(value: boolean): string {
  return value ? 'Có' : 'Không';
}

/** The sheets' header rows and data rows, by sheet name, in template column order. */
export function sheetRows(spec: OrgSpec): { name: string; headers: string[]; rows: CellValue[][]; dateColumns: number[]; dateHeaders?: boolean }[] {
  const { info } = spec;
  const sheets: { name: string; headers: string[]; rows: CellValue[][]; dateColumns: number[]; dateHeaders?: boolean }[] = [
    {
      name: 'Thông tin',
      headers: ['Mục', 'Giá trị'],
      rows: [
        ['Tên tổ chức', info.name],
        ['Loại tổ chức', info.kindLabel],
        ['Loại hình', ORG_TYPE_LABELS[info.type]],
        ['Năm đánh giá', info.year],
        ['Cấp ủy cấp trên', info.superior],
        ['Có chi ủy', yesNo(info.hasCommittee)],
        ['Sổ biên bản đóng dấu giáp lai', yesNo(info.minutesBookStamped)],
      ],
      dateColumns: [],
    },
  ];
  if (spec.members) {
    sheets.push({
      name: 'Đảng viên',
      headers: ['STT', 'Họ và tên', 'Số thẻ đảng viên', 'Ngày vào Đảng', 'Miễn sinh hoạt', 'Xếp loại', 'Kỷ luật', 'Ghi chú'],
      rows: spec.members.map((m, i) => [i + 1, m.name, m.card, serial(m.joined), yesNo(m.exempt), m.rating, m.discipline || 'Không', m.note || null]),
      dateColumns: [3],
    });
  }
  if (spec.meetings) {
    const bad = (spec as OrgSpec & { badNumber?: boolean }).badNumber === true;
    sheets.push({
      name: 'Sinh hoạt',
      headers: [
        'STT',
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
      ],
      rows: spec.meetings.map((m, i) => [
        i + 1,
        serial(m.date),
        m.kind,
        m.members,
        bad && i === 4 ? 'mười bốn' : m.present,
        m.excused,
        m.unexcused,
        m.speakers,
        m.minutes,
        yesNo(m.chairSigned),
        yesNo(m.secretarySigned),
        m.selfAssessment,
      ]),
      dateColumns: [1],
    });
  }
  if (spec.attendance && spec.members) {
    const { dates, marks } = spec.attendance;
    const members = spec.members;
    sheets.push({
      name: 'Điểm danh',
      headers: ['STT', 'Họ và tên', 'Số thẻ đảng viên', ...dates],
      rows: members.map((m, i) => [i + 1, m.name, m.card, ...(marks[i] ?? [])]),
      dateColumns: [],
      dateHeaders: true,
    });
  }
  sheets.push({
    name: 'Tiêu chí',
    headers: ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự chấm', 'Minh chứng'],
    rows: spec.criteria.map((c) => [c.code, c.content, c.max, c.self, c.evidence || null]),
    dateColumns: [],
  });
  if (spec.subordinates) {
    sheets.push({
      name: 'Chi bộ trực thuộc',
      headers: ['STT', 'Tên chi bộ', 'Số đảng viên', 'Xếp loại', 'Chi bộ bốn tốt'],
      rows: spec.subordinates.map((s, i) => [i + 1, s.name, s.members, s.rating, yesNo(s.isModel)]),
      dateColumns: [],
    });
  }
  return sheets;
}

/** Plain layouts: a header row and the data, date cells formatted as dates; nothing else. */
export function plainLayouts(spec: OrgSpec): SheetLayout[] {
  return sheetRows(spec).map((sheet) => {
    const headerCells: CellValue[] = sheet.headers.map((h, c) => (sheet.dateHeaders && c >= 3 ? serial(h) : h));
    const formats = sheet.dateHeaders
      ? [{ range: `D1:${columnName(sheet.headers.length - 1)}1`, numberFormat: DATE_FORMAT }]
      : sheet.dateColumns.map((c) => ({ range: `${columnName(c)}2:${columnName(c)}${sheet.rows.length + 1}`, numberFormat: DATE_FORMAT }));
    return {
      name: sheet.name,
      values: [headerCells, ...sheet.rows],
      columns: sheet.headers.map(() => ({ width: 14 })),
      formats,
      merges: [],
      validations: [],
      frozenRows: 1,
      hidden: false,
    };
  });
}

function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// ------------------------------------------------------------------------------------ into the template

function headerKey(text: unknown): string {
  return typeof text === 'string'
    ? text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')
    : '';
}

/**
 * Writes the data into the layouts `bontot template` makes (same sheets, formats, dropdowns and
 * helper formulas), so a sample looks like a template somebody filled in.
 */
export function fillTemplate(spec: OrgSpec, template: SheetLayout[]): SheetLayout[] {
  const layouts = template.map((layout) => ({ ...layout, values: layout.values.map((row) => [...row]) }));
  for (const sheet of sheetRows(spec)) {
    const layout = layouts.find((l) => l.name === sheet.name);
    if (!layout) throw new Error(`the template has no sheet ${sheet.name}`);
    const header = layout.values[0] ?? [];
    const set = (r: number, c: number, value: CellValue): void => {
      while (layout.values.length <= r) layout.values.push([]);
      const row = layout.values[r] as CellValue[];
      while (row.length <= c) row.push(null);
      row[c] = value;
    };
    if (sheet.name === 'Thông tin') {
      // Rows are `Mục | Giá trị`: fill the value of each item the template lists.
      for (const [item, value] of sheet.rows) {
        const r = layout.values.findIndex((row) => headerKey(row[0]) === headerKey(item));
        if (r > 0) set(r, 1, value ?? null);
      }
      continue;
    }
    if (sheet.name === 'Tiêu chí') {
      // The template already lists the seed's rows in the same order: add the self-scores.
      const selfColumn = header.findIndex((h) => headerKey(h) === headerKey('Điểm tự chấm'));
      const evidenceColumn = header.findIndex((h) => headerKey(h) === headerKey('Minh chứng'));
      spec.criteria.forEach((criterion, index) => {
        const r = index + 1;
        if (layout.values[r]?.[0] !== criterion.code) throw new Error(`criteria rows differ at ${r}`);
        if (criterion.self !== null) set(r, selfColumn, criterion.self);
        if (criterion.evidence) set(r, evidenceColumn, criterion.evidence);
      });
      continue;
    }
    const columns = sheet.headers.map((h, c) => (sheet.dateHeaders && c >= 3 ? -1 : header.findIndex((cell) => headerKey(cell) === headerKey(h))));
    if (sheet.dateHeaders) {
      // Điểm danh: the meeting dates go into the template's empty date header cells, in order.
      const free = header.map((cell, c) => (cell === null ? c : -1)).filter((c) => c >= 0);
      for (let i = 3; i < sheet.headers.length; i++) {
        const c = free[i - 3];
        if (c === undefined) throw new Error('not enough date columns in the template');
        columns[i] = c;
        set(0, c, serial(sheet.headers[i] as string));
      }
    }
    sheet.rows.forEach((row, index) => {
      row.forEach((value, i) => {
        const c = columns[i];
        if (c !== undefined && c >= 0) set(index + 1, c, value);
      });
    });
  }
  return layouts;
}
