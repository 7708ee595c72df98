/**
 * Deterministic organisation data for the samples, the CLI tests and the consolidation benchmark:
 * a chi bộ with members, twelve monthly meetings (thematic and combined ones each quarter), an
 * attendance matrix consistent with the meeting counts, and self-scored criteria; a đảng bộ cơ sở
 * with its subordinate chi bộ. Problems are switched on one by one so a test knows what to expect.
 * scripts/sampleLayouts.ts lays the data out as sheets.
 */
import { toIsoDate } from '../src/core/dates';
import type { OrgType } from '../src/core/types';
import { criteriaSeedRows } from '../src/workbook/layout/criteriaSeed';

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
