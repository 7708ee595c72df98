/**
 * Fixture workbooks as sheet grids, for every test that needs a workbook without a file.
 *
 *   validChiBo()                      a fully correct chi bộ workbook (eligible as of AS_OF)
 *   validChiBo((spec) => { … })       the same after editing its spec (members, meetings, marks …)
 *   validDangBo((spec) => { … })      a fully correct đảng bộ cơ sở workbook
 *   chiBoBook(spec?) / dangBoBook()   the same as a FixtureBook, to edit cells ("Sinh hoạt", "H3")
 *
 * The chi bộ: 13 members (the 13th exempt, marked M), 12 monthly meetings in 2025 (the quarter's
 * last month combined with a thematic one), a Điểm danh matrix whose counts agree with Sinh hoạt,
 * and the seed's sub-criteria scored 99 %. Counts in Sinh hoạt are derived from the marks unless a
 * meeting overrides them. Cell addresses with the defaults (no title row):
 *   Thông tin  A1 "Mục" · B3 Loại tổ chức · B5 Năm · B7 Có chi ủy · B8 Sổ biên bản
 *   Đảng viên  row 2 = member 0; B name, C card, D joined, E exempt, F rating, G discipline
 *   Sinh hoạt  row 2 = meeting 0 (January); B date, C kind, D members, E present, F excused,
 *              G unexcused, H speakers, I minutes, J chair, K secretary, L self
 *   Điểm danh  row 2 = member 0; A name, B card, C… one column per meeting (C = January)
 *   Tiêu chí   A code, B content, C max, D self (row 2 = "1.1")
 */
import { CRITERIA_HEADERS, INFO_HEADERS, MEETING_HEADERS, MEMBER_HEADERS, SUBORDINATE_HEADERS } from '../../scripts/sheetHeaders';
import { isoToExcelSerial, formatDate } from '../../src/core/dates';
import { a1, parseA1 } from '../../src/workbook/a1';
import { criteriaSeedRows } from '../../src/workbook/layout/criteriaSeed';
import type { SheetGrid } from '../../src/workbook/types';

export const YEAR = 2025;
/** An as-of date after the year: all 12 months and 4 quarters count. */
export const AS_OF = '2026-01-15';

export type Cell = unknown;

/** A mutable set of named sheets that becomes SheetGrid[]. */
export class FixtureBook {
  readonly sheets: { name: string; values: Cell[][]; originRow: number; originCol: number; hidden?: boolean }[] = [];

  add(name: string, values: Cell[][], origin: { row?: number; col?: number } = {}): this {
    this.sheets.push({ name, values, originRow: origin.row ?? 0, originCol: origin.col ?? 0 });
    return this;
  }

  has(name: string): boolean {
    return this.sheets.some((s) => s.name === name);
  }

  values(name: string): Cell[][] {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.values;
  }

  /** Sets a cell by its A1 address (relative to the sheet's origin A1). */
  set(name: string, address: string, value: Cell): this {
    const pos = parseA1(address);
    if (!pos) throw new Error(`bad address ${address}`);
    const values = this.values(name);
    while (values.length <= pos.row) values.push([]);
    const row = values[pos.row] as Cell[];
    while (row.length <= pos.col) row.push(null);
    row[pos.col] = value;
    return this;
  }

  get(name: string, address: string): Cell {
    const pos = parseA1(address);
    if (!pos) throw new Error(`bad address ${address}`);
    return this.values(name)[pos.row]?.[pos.col] ?? null;
  }

  remove(name: string): this {
    const index = this.sheets.findIndex((s) => s.name === name);
    if (index >= 0) this.sheets.splice(index, 1);
    return this;
  }

  rename(name: string, to: string): this {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    sheet.name = to;
    return this;
  }

  /** The column index of a header text in the first row that has it. */
  columnOf(name: string, header: string): number {
    for (const row of this.values(name)) {
      const index = row.indexOf(header);
      if (index >= 0) return index;
    }
    throw new Error(`no header ${header} in ${name}`);
  }

  /** Deletes a whole column, found by its header text. */
  removeColumn(name: string, header: string): this {
    const index = this.columnOf(name, header);
    for (const row of this.values(name)) row.splice(index, 1);
    return this;
  }

  /** Reorders every row's cells by a permutation of column indices (new[i] = old[order[i]]). */
  permuteColumns(name: string, order: readonly number[]): this {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    sheet.values = sheet.values.map((row) => order.map((index) => row[index] ?? null));
    return this;
  }

  /** Inserts rows (titles) above everything. */
  insertRows(name: string, rows: Cell[][]): this {
    this.values(name).unshift(...rows);
    return this;
  }

  /** Applies a function to every string cell of every sheet (case changes, NFD …). */
  mapText(fn: (text: string, sheet: string) => string): this {
    for (const sheet of this.sheets) {
      sheet.values = sheet.values.map((row) => row.map((cell) => (typeof cell === 'string' ? fn(cell, sheet.name) : cell)));
    }
    return this;
  }

  grids(): SheetGrid[] {
    return this.sheets.map((s) => ({
      name: s.name,
      values: s.values.map((row) => [...row]),
      originRow: s.originRow,
      originCol: s.originCol,
      ...(s.hidden ? { hidden: true } : {}),
    }));
  }
}

// ---------------------------------------------------------------- chi bộ

export interface MemberSpec {
  name: string;
  card: string | null;
  joined: Cell;
  exempt: Cell;
  rating: Cell;
  discipline: Cell;
}

export interface MeetingSpec {
  /** IsoDate, written into Sinh hoạt as an Excel serial and into Điểm danh as dd/mm/yyyy text. */
  date: string;
  kind: Cell;
  speakers: Cell;
  minutes: Cell;
  chair: Cell;
  secretary: Cell;
  self: Cell;
  /** Overrides of the derived counts. */
  members?: Cell;
  present?: Cell;
  excused?: Cell;
  unexcused?: Cell;
  /** Leave this meeting's column out of Điểm danh. */
  noColumn?: boolean;
}

export interface CriterionSpec {
  code: Cell;
  content: string;
  max: Cell;
  self: Cell;
}

export interface ChiBoSpec {
  /** Thông tin rows, in order: [Mục, Giá trị]. */
  info: [string, Cell][];
  members: MemberSpec[];
  meetings: MeetingSpec[];
  /** marks[member][meeting]: C, P, K, M, D, null … */
  marks: Cell[][];
  criteria: CriterionSpec[];
  attendanceSheet: boolean;
}

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hùng',
  'Bùi Thị Lan',
  'Đỗ Văn Minh',
  'Hồ Thị Ngọc',
  'Ngô Văn Phúc',
  'Dương Thị Quỳnh',
  'Lý Văn Sơn',
];

/** Ratings of the 13 members: 1 HTXSNV, 10 HTTNV, 1 HTNV, and the exempt 13th unrated. */
const RATINGS = ['Hoàn thành xuất sắc nhiệm vụ', ...Array.from({ length: 10 }, () => 'Hoàn thành tốt nhiệm vụ'), 'Hoàn thành nhiệm vụ', null];

export const EXEMPT_MEMBER = 12;

/** The valid chi bộ spec: edit it, then build. */
export function chiBoSpec(): ChiBoSpec {
  const members: MemberSpec[] = NAMES.map((name, index) => ({
    name,
    card: `790${String(12340 + index)}`,
    joined: formatDate(`${2000 + index}-0${1 + (index % 9)}-1${index % 10}`),
    exempt: index === EXEMPT_MEMBER ? 'Có' : index % 2 === 0 ? 'Không' : null,
    rating: RATINGS[index] ?? null,
    discipline: index % 3 === 0 ? 'Không' : null,
  }));
  const meetings: MeetingSpec[] = Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const combined = month % 3 === 0;
    return {
      date: `${YEAR}-${String(month).padStart(2, '0')}-${month === 2 ? '12' : '15'}`,
      kind: combined ? 'Kết hợp' : 'Thường kỳ',
      speakers: 6,
      minutes: combined ? 125 : 95,
      chair: 'Có',
      secretary: 'Có',
      self: month % 2 === 0 ? 'Tốt' : 'Khá',
    };
  });
  // Everyone present, the exempt member M; member 4 absent with reason in May, member 7 in October.
  const marks: Cell[][] = members.map((_, m) => meetings.map(() => (m === EXEMPT_MEMBER ? 'M' : 'C')));
  (marks[4] as Cell[])[4] = 'P';
  (marks[7] as Cell[])[9] = 'P';
  // Seed sub-criteria, each criterion's first item one point short: 99 %.
  const criteria: CriterionSpec[] = [];
  let firstOf = '';
  for (const row of criteriaSeedRows('co-quan')) {
    let self: number | null = row.maxPoints;
    if (row.code !== null && row.maxPoints !== null) {
      const parent = row.code.split('.').slice(0, 2).join('.');
      if (parent !== firstOf) {
        firstOf = parent;
        self = row.maxPoints - 1;
      }
    }
    criteria.push({ code: row.code, content: row.content, max: row.maxPoints, self });
  }
  return {
    info: [
      ['Tên tổ chức', 'Chi bộ Phòng Tổ chức - Hành chính'],
      ['Loại tổ chức', 'Chi bộ cơ sở'],
      ['Loại hình', 'Cơ quan hành chính, đơn vị sự nghiệp'],
      ['Năm đánh giá', YEAR],
      ['Cấp ủy cấp trên', 'Đảng ủy Khối các cơ quan thành phố'],
      ['Có chi ủy', 'Có'],
      ['Sổ biên bản đóng dấu giáp lai', 'Có'],
    ],
    members,
    meetings,
    marks,
    criteria,
    attendanceSheet: true,
  };
}

export { CRITERIA_HEADERS, MEETING_HEADERS, MEMBER_HEADERS, SUBORDINATE_HEADERS };

function infoValues(info: [string, Cell][]): Cell[][] {
  return [[...INFO_HEADERS], ...info.map(([item, value]) => [item, value])];
}

function criteriaValues(criteria: readonly CriterionSpec[]): Cell[][] {
  return [[...CRITERIA_HEADERS], ...criteria.map((c) => [c.code, c.content, c.max, c.self, null])];
}

export function chiBoBook(spec: ChiBoSpec = chiBoSpec()): FixtureBook {
  const book = new FixtureBook();
  book.add('Thông tin', infoValues(spec.info));
  book.add('Đảng viên', [
    [...MEMBER_HEADERS],
    ...spec.members.map((m, index) => [index + 1, m.name, m.card, m.joined, m.exempt, m.rating, m.discipline, null]),
  ]);
  const count = (meeting: number, mark: string): number => spec.marks.filter((row) => row[meeting] === mark).length;
  book.add('Sinh hoạt', [
    [...MEETING_HEADERS],
    ...spec.meetings.map((m, index) => [
      index + 1,
      isoToExcelSerial(m.date),
      m.kind,
      'members' in m ? m.members : spec.members.length,
      'present' in m ? m.present : count(index, 'C'),
      'excused' in m ? m.excused : count(index, 'P'),
      'unexcused' in m ? m.unexcused : count(index, 'K'),
      m.speakers,
      m.minutes,
      m.chair,
      m.secretary,
      m.self,
    ]),
  ]);
  if (spec.attendanceSheet) {
    const columns = spec.meetings.map((m, index) => ({ m, index })).filter(({ m }) => !m.noColumn);
    book.add('Điểm danh', [
      ['Họ và tên', 'Số thẻ đảng viên', ...columns.map(({ m }) => formatDate(m.date))],
      ...spec.members.map((member, r) => [member.name, member.card, ...columns.map(({ index }) => spec.marks[r]?.[index] ?? null)]),
    ]);
  }
  book.add('Tiêu chí', criteriaValues(spec.criteria));
  return book;
}

/** A fully correct chi bộ workbook, optionally after editing its spec. */
export function validChiBo(edit?: (spec: ChiBoSpec) => void): SheetGrid[] {
  const spec = chiBoSpec();
  edit?.(spec);
  return chiBoBook(spec).grids();
}

// ---------------------------------------------------------------- đảng bộ cơ sở

export interface SubordinateSpec {
  name: Cell;
  members: Cell;
  rating: Cell;
  isModel: Cell;
}

export interface DangBoSpec {
  info: [string, Cell][];
  subordinates: SubordinateSpec[];
  criteria: CriterionSpec[];
  /** An optional Đảng viên sheet (DISCIPLINE). */
  members: MemberSpec[] | null;
}

export function dangBoSpec(): DangBoSpec {
  const names = [
    'Chi bộ Văn phòng',
    'Chi bộ Kế toán',
    'Chi bộ Kỹ thuật',
    'Chi bộ Kinh doanh',
    'Chi bộ Phân xưởng 1',
    'Chi bộ Phân xưởng 2',
    'Chi bộ Bảo vệ',
  ];
  return {
    info: [
      ['Tên tổ chức', 'Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình'],
      ['Loại tổ chức', 'Đảng bộ cơ sở'],
      ['Loại hình', 'Doanh nghiệp'],
      ['Năm đánh giá', YEAR],
      ['Cấp ủy cấp trên', 'Đảng ủy Khối doanh nghiệp thành phố'],
    ],
    // 6 HTTNV and 1 HTNV: 100 % completed, 85.7 % good, no HTXSNV.
    subordinates: names.map((name, index) => ({
      name,
      members: 8 + index,
      rating: index === 6 ? 'Hoàn thành nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ',
      isModel: index < 3 ? 'Có' : 'Không',
    })),
    criteria: criteriaSeedRows('doanh-nghiep').map((row) => ({ code: row.code, content: row.content, max: row.maxPoints, self: row.maxPoints })),
    members: null,
  };
}

export function dangBoBook(spec: DangBoSpec = dangBoSpec()): FixtureBook {
  const book = new FixtureBook();
  book.add('Thông tin', infoValues(spec.info));
  if (spec.members) {
    book.add('Đảng viên', [
      [...MEMBER_HEADERS],
      ...spec.members.map((m, index) => [index + 1, m.name, m.card, m.joined, m.exempt, m.rating, m.discipline, null]),
    ]);
  }
  book.add('Chi bộ trực thuộc', [
    [...SUBORDINATE_HEADERS],
    ...spec.subordinates.map((s, index) => [index + 1, s.name, s.members, s.rating, s.isModel]),
  ]);
  book.add('Tiêu chí', criteriaValues(spec.criteria));
  return book;
}

export function validDangBo(edit?: (spec: DangBoSpec) => void): SheetGrid[] {
  const spec = dangBoSpec();
  edit?.(spec);
  return dangBoBook(spec).grids();
}

// ---------------------------------------------------------------- helpers

/** The A1 address of a member's row (0-based member index) in a column letter of Đảng viên / Điểm danh. */
export function memberCell(column: string, member: number): string {
  return `${column}${member + 2}`;
}

/** The A1 address of a meeting's row (0-based meeting index) in a column letter of Sinh hoạt. */
export function meetingCell(column: string, meeting: number): string {
  return `${column}${meeting + 2}`;
}

/** The Điểm danh address of a member's mark for a meeting (no column left out). */
export function markCell(member: number, meeting: number): string {
  return a1(member + 1, meeting + 2);
}

/** The row (1-based) of a criterion code in the default Tiêu chí sheet. */
export function criterionRow(spec: { criteria: readonly CriterionSpec[] }, code: string): number {
  const index = spec.criteria.findIndex((c) => c.code === code);
  if (index < 0) throw new Error(`no criterion ${code}`);
  return index + 2;
}
