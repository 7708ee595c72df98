/**
 * The template as data and the sheets of a new workbook: headers the reader finds, formats,
 * dropdowns (lists with commas by range), the seed's sub-criteria totalling 100 per criterion,
 * helper formulas kept out of what the reader requires, and reading the template back.
 */
import { defaultPolicy } from '../../src/core/policy';
import { CRITERION_IDS, type OrgType } from '../../src/core/types';
import { ORG_TYPE_LABELS } from '../../src/core/vocabulary';
import { parseRange } from '../../src/workbook/a1';
import { checkWorkbook } from '../../src/workbook/check';
import { criteriaSeedRows, GENERAL_ITEMS, spreadPoints, TYPE_ITEMS } from '../../src/workbook/layout/criteriaSeed';
import { readWorkbook } from '../../src/workbook/read';
import { LIST_COLUMNS, SHEET_DEFS, listValidation, matchesColumn, sheetKeyOf } from '../../src/workbook/layout/template';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import type { SheetGrid, SheetLayout } from '../../src/workbook/types';
import { AS_OF } from './grids';

const TYPES = Object.keys(ORG_TYPE_LABELS) as OrgType[];
const asGrids = (layouts: SheetLayout[]): SheetGrid[] =>
  layouts.map((l) => ({ name: l.name, values: l.values.map((row) => [...row]), originRow: 0, originCol: 0, hidden: l.hidden }));
const byName = (layouts: SheetLayout[], name: string): SheetLayout => {
  const layout = layouts.find((l) => l.name === name);
  if (!layout) throw new Error(`no ${name}`);
  return layout;
};

describe('seed sub-criteria', () => {
  test.each(TYPES)('every criterion totals 100 points for %s', (type) => {
    const rows = criteriaSeedRows(type);
    for (const id of CRITERION_IDS) {
      const items = rows.filter((r) => r.code?.startsWith(`${id}.`));
      expect(items.length).toBeGreaterThan(1);
      expect(items.reduce((sum, r) => sum + (r.maxPoints ?? 0), 0)).toBe(100);
      expect(rows.filter((r) => r.code === id)).toHaveLength(1);
    }
    const items11 = rows.filter((r) => r.code?.startsWith('1.1.'));
    expect(items11).toHaveLength(GENERAL_ITEMS.length + TYPE_ITEMS[type].items.length);
    expect(items11.map((r) => r.code)).toEqual(items11.map((_, i) => `1.1.${i + 1}`));
    expect(items11.at(-1)?.content).toBe(TYPE_ITEMS[type].items.at(-1));
    // Only this type's items: none of another type's.
    for (const other of TYPES.filter((t) => t !== type)) {
      for (const item of TYPE_ITEMS[other].items) expect(rows.some((r) => r.content === item)).toBe(false);
    }
  });

  test('the seed texts are the seed document, joined across page breaks', () => {
    expect(GENERAL_ITEMS).toHaveLength(8);
    expect(TYPE_ITEMS['co-quan'].items).toHaveLength(4);
    expect(TYPE_ITEMS['vu-trang'].items).toHaveLength(3);
    expect(TYPE_ITEMS['dia-ban'].items).toHaveLength(4);
    expect(TYPE_ITEMS['doanh-nghiep'].items).toHaveLength(4);
    expect(GENERAL_ITEMS[0]).toContain('“tự diễn biến”, “tự chuyển hóa”');
    expect(TYPE_ITEMS['co-quan'].items[0]).toContain('cán bộ, công chức, viên chức');
    const rows = criteriaSeedRows('dia-ban');
    expect(rows.some((r) => r.content.startsWith('Đảng viên dự sinh hoạt đạt tỷ lệ trên 85%'))).toBe(true);
    expect(rows.filter((r) => r.code?.startsWith('1.3.'))).toHaveLength(3);
    expect(rows.filter((r) => r.code?.startsWith('1.4.'))).toHaveLength(3);
    expect(spreadPoints(100, 3)).toEqual([34, 33, 33]);
    expect(spreadPoints(100, 12).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('template definitions', () => {
  test('headers match loosely and sheet names resolve', () => {
    expect(matchesColumn('  THOI GIAN (PHUT) ', { header: 'Thời gian (phút)' })).toBe(true);
    expect(matchesColumn('Số thẻ đảng viên'.normalize('NFD'), { header: 'Số thẻ đảng viên' })).toBe(true);
    expect(matchesColumn('Số thẻ', { header: 'Số thẻ đảng viên', aliases: ['Số thẻ'] })).toBe(true);
    expect(matchesColumn('Số', { header: 'Số thẻ đảng viên' })).toBe(false);
    expect(sheetKeyOf('DIEM DANH')).toBe('attendance');
    expect(sheetKeyOf('Tổng hợp (2)')).toBeNull();
    expect(sheetKeyOf('cấu hình')).toBe('policy');
  });

  test('a list with commas is a range on the list sheet, others are inline', () => {
    const type = listValidation('orgType');
    expect(type).toMatchObject({ type: 'listRange', sheet: 'Danh mục', range: '$B$2:$B$5' });
    expect(listValidation('rating')).toMatchObject({ type: 'list' });
    for (const list of LIST_COLUMNS) {
      const validation = listValidation(list.key);
      if (validation.type === 'list') expect(validation.items.some((i) => i.includes(','))).toBe(false);
    }
  });
});

describe('templateLayouts', () => {
  const chiBo = templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'doanh-nghiep', year: 2026, name: 'Chi bộ Phòng Kỹ thuật' });
  const dangBo = templateLayouts({ kind: 'dang-bo', type: 'dia-ban', year: 2026, name: 'Đảng bộ xã An Phú' });

  test('the sheets of each kind, the policy and list sheets hidden', () => {
    expect(chiBo.map((l) => [l.name, l.hidden])).toEqual([
      ['Thông tin', false],
      ['Đảng viên', false],
      ['Sinh hoạt', false],
      ['Điểm danh', false],
      ['Tiêu chí', false],
      ['Cấu hình', true],
      ['Danh mục', true],
    ]);
    expect(dangBo.map((l) => l.name)).toEqual(['Thông tin', 'Chi bộ trực thuộc', 'Tiêu chí', 'Cấu hình', 'Danh mục']);
  });

  test('header rows are the template columns, frozen, with widths and formats', () => {
    for (const layout of [...chiBo, ...dangBo]) {
      if (layout.name === 'Danh mục') continue;
      expect(layout.frozenRows).toBe(1);
      const key = sheetKeyOf(layout.name);
      if (!key || key === 'summary' || key === 'lists' || key === 'info') continue;
      const def = SHEET_DEFS[key];
      const header = layout.values[0] ?? [];
      for (const column of def.columns.filter((c) => c.required)) {
        expect(header.filter((h) => typeof h === 'string' && matchesColumn(h, column))).toHaveLength(1);
      }
      expect(layout.columns.every((c) => c.width > 0)).toBe(true);
    }
    const criteria = byName(chiBo, 'Tiêu chí');
    expect(criteria.columns[0]?.numberFormat).toBe('@');
    expect(criteria.formats).toEqual(expect.arrayContaining([{ range: 'A2:A501', numberFormat: '@' }]));
    const meetings = byName(chiBo, 'Sinh hoạt');
    expect(meetings.columns[1]?.numberFormat).toBe('dd/mm/yyyy');
    expect(byName(chiBo, 'Đảng viên').columns[2]?.numberFormat).toBe('@');
    expect(byName(chiBo, 'Điểm danh').formats).toEqual(
      expect.arrayContaining([expect.objectContaining({ range: 'C1:Z1', numberFormat: 'dd/mm/yyyy' })]),
    );
  });

  test('Thông tin is prefilled; Loại hình points at the list sheet', () => {
    const info = byName(chiBo, 'Thông tin');
    expect(info.values).toEqual([
      ['Mục', 'Giá trị'],
      ['Tên tổ chức', 'Chi bộ Phòng Kỹ thuật'],
      ['Loại tổ chức', 'Chi bộ cơ sở'],
      ['Loại hình', 'Doanh nghiệp'],
      ['Năm đánh giá', 2026],
      ['Cấp ủy cấp trên', null],
      ['Có chi ủy', null],
      ['Sổ biên bản đóng dấu giáp lai', null],
    ]);
    const typeValidation = info.validations.find((v) => v.range === 'B4')?.validation;
    expect(typeValidation).toMatchObject({ type: 'listRange', sheet: 'Danh mục' });
    // The range holds exactly the Loại hình labels on the list sheet.
    const lists = byName(chiBo, 'Danh mục');
    if (typeValidation?.type !== 'listRange') throw new Error('expected a range');
    const range = parseRange(typeValidation.range.replace(/\$/g, ''));
    if (!range) throw new Error('bad range');
    const items = [];
    for (let r = range.start.row; r <= range.end.row; r++) items.push(lists.values[r]?.[range.start.col]);
    expect(items).toEqual(Object.values(ORG_TYPE_LABELS));
    expect(byName(dangBo, 'Thông tin').values.map((r) => r[0])).not.toContain('Có chi ủy');
    // No inline list anywhere holds an item with a comma.
    for (const layout of [...chiBo, ...dangBo]) {
      for (const { validation } of layout.validations) {
        if (validation.type === 'list') expect(validation.items.some((i) => i.includes(','))).toBe(false);
      }
    }
  });

  test('Tiêu chí holds the seed rows of the chosen Loại hình, codes as text, self-scores blank', () => {
    const criteria = byName(dangBo, 'Tiêu chí');
    const rows = criteriaSeedRows('dia-ban');
    expect(criteria.values.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual(rows.map((r) => [r.code, r.content, r.maxPoints, null]));
    expect(criteria.values.slice(1).every((r) => r[0] === null || typeof r[0] === 'string')).toBe(true);
    expect(criteria.formulas?.F2).toMatch(/^=IF\(COUNT\(D3:D\d+\)=0,"",BONTOT\.CRITERION_PERCENT\(D3:D\d+,C3:C\d+\)\/100\)$/);
  });

  test('helper formula columns come after the template columns', () => {
    const meetings = byName(chiBo, 'Sinh hoạt');
    expect(meetings.values[0]?.slice(12)).toEqual(['Kết quả', 'Điều kiện chưa đạt']);
    // excused = Số đảng viên − (Có mặt + Vắng có lý do + Vắng không lý do): the base MEETING_ATTENDANCE_LOW uses (SPEC §1).
    expect(meetings.formulas?.M2).toBe('=IF(OR(D2="",E2="",H2="",I2=""),"",BONTOT.MEETING_QUALITY(D2,E2,H2,I2,C2,D2-(E2+F2+G2)))');
    expect(meetings.formulas?.N7).toContain('BONTOT.MEETING_ISSUES(D7,E7,H7,I7,C7,D7-(E7+F7+G7))');
    const attendance = byName(chiBo, 'Điểm danh');
    expect(attendance.formulas?.AA2).toContain('BONTOT.ATTENDANCE_RATE(C2:Z2)');
    expect(attendance.formulas?.AB3).toContain('BONTOT.MAX_ABSENCE_STREAK(C3:Z3)');
  });

  test('the policy sheet holds the default policy', () => {
    const result = checkWorkbook(asGrids(chiBo), { asOf: AS_OF });
    expect(result.policySource).toBe('workbook');
    expect(result.policy).toEqual(defaultPolicy());
  });

  const TEMPLATE_CASES: [string, () => SheetLayout[]][] = [
    ['chi bộ', () => chiBo],
    ['đảng bộ cơ sở', () => dangBo],
    ...TYPES.map((type): [string, () => SheetLayout[]] => [
      `chi bộ trực thuộc, ${type}`,
      () => templateLayouts({ kind: 'chi-bo', level: 'truc-thuoc', type, year: 2025 }),
    ]),
  ];
  test.each(TEMPLATE_CASES)('reading the %s template back gives data warnings, never a crash', (_name, layouts) => {
    const grids = asGrids(layouts());
    // Helper columns as a host would read them back: computed values.
    const read = readWorkbook(grids);
    expect(read.issues.length).toBeGreaterThan(0);
    expect(new Set(read.issues.map((i) => i.code))).toEqual(new Set(['SCORE_MISSING']));
    expect(read.issues.every((i) => i.severity === 'warning')).toBe(true);
    const result = checkWorkbook(grids, { asOf: AS_OF });
    expect(result.eligible).toBe(false);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  test('helper values read back are ignored', () => {
    const grids = asGrids(chiBo);
    const meetings = grids.find((g) => g.name === 'Sinh hoạt');
    for (let r = 1; r <= 60; r++) {
      const row = meetings?.values[r] ?? [];
      row[12] = '';
      row[13] = '#VALUE!';
      if (meetings) meetings.values[r] = row;
    }
    const read = readWorkbook(grids);
    expect(read.records.meetings).toEqual([]);
    expect(read.issues.every((i) => i.code === 'SCORE_MISSING')).toBe(true);
  });
});
