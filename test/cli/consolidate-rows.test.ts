/** The host-neutral consolidation logic (src/workbook/consolidate.ts), in process. */
import { defaultPolicy, policyFromEntries } from '../../src/core/policy';
import { checkWorkbook } from '../../src/workbook/check';
import {
  Consolidation,
  CONSOLIDATION_SHEET,
  consolidationTotals,
  duplicateText,
  isGrassroots,
  orgKey,
  readConsolidation,
  rowFromCheck,
  rowFromError,
  type ConsolidationRow,
} from '../../src/workbook/consolidate';
import { consolidationLayout } from '../../src/workbook/layout/consolidation';
import { generatedFileKind, isConsolidationGrid } from '../../src/workbook/generated';
import type { SheetGrid, SheetLayout } from '../../src/workbook/types';
import { chiBoSpec, dangBoSpec, type OrgSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';

const AS_OF = '2026-03-01';

function grids(layouts: SheetLayout[]): SheetGrid[] {
  return layouts.map((layout) => ({ name: layout.name, values: layout.values, originRow: 0, originCol: 0, hidden: layout.hidden }));
}

function rowOf(spec: OrgSpec, source: string): ConsolidationRow {
  return rowFromCheck(source, checkWorkbook(grids(plainLayouts(spec)), { asOf: AS_OF }));
}

describe('orgKey', () => {
  it('ignores case, diacritics, spacing and level, but not kind or year', () => {
    const a = orgKey('Chi bộ Khu phố 3', 'chi-bo', 2025, 'a.xlsx');
    expect(orgKey('  chi bo khu pho 3 ', 'chi-bo', 2025, 'b.xlsx')).toBe(a);
    expect(orgKey('CHI BỘ KHU PHỐ 3', 'chi-bo', 2025, 'c.xlsx')).toBe(a);
    expect(orgKey('Chi bộ Khu phố 3', 'dang-bo', 2025, 'a.xlsx')).not.toBe(a);
    expect(orgKey('Chi bộ Khu phố 3', 'chi-bo', 2024, 'a.xlsx')).not.toBe(a);
    expect(orgKey(null, 'chi-bo', 2025, 'x.xlsx')).toBe('tep:x.xlsx');
    expect(orgKey('  ', 'chi-bo', 2025, 'y.xlsx')).toBe('tep:y.xlsx');
  });

  it('takes the superior committee into account, loosely (SPEC §6)', () => {
    const a = orgKey('Chi bộ Khu phố 3', 'chi-bo', 2025, 'a.xlsx', 'Đảng ủy phường Bến Thành');
    expect(orgKey('Chi bộ Khu phố 3', 'chi-bo', 2025, 'b.xlsx', 'dang uy  PHUONG ben thanh')).toBe(a);
    // Two wards may each have a "Chi bộ Khu phố 3": not the same organisation.
    expect(orgKey('Chi bộ Khu phố 3', 'chi-bo', 2025, 'c.xlsx', 'Đảng ủy phường Sài Gòn')).not.toBe(a);
  });
});

describe('isGrassroots (SPEC §1, Target)', () => {
  it('counts chi bộ cơ sở, đảng bộ cơ sở and a chi bộ of unknown level, not a chi bộ trực thuộc', () => {
    expect(isGrassroots('chi-bo', 'co-so')).toBe(true);
    expect(isGrassroots('dang-bo', 'co-so')).toBe(true);
    expect(isGrassroots('chi-bo', null)).toBe(true);
    expect(isGrassroots('chi-bo', 'truc-thuoc')).toBe(false);
  });
});

describe('rows from checks', () => {
  it('an eligible and a failing chi bộ, a đảng bộ', () => {
    const good = rowOf(chiBoSpec({ seed: 1, name: 'Chi bộ Khu phố 1' }), 'a.xlsx');
    expect(good.status).toBe('eligible');
    expect(good.kind).toBe('chi-bo');
    expect(good.criteria['1.1']).toBeGreaterThanOrEqual(95);
    expect(good.reasonCodes).toEqual([]);
    const bad = rowOf(
      chiBoSpec({ seed: 2, name: 'Chi bộ Khu phố 2', problems: { unexcusedAbsence: true, shortMeeting: true, selfLow: true } }),
      'b.xlsx',
    );
    expect(bad.status).toBe('not-eligible');
    // Blocking codes only (MEETING_SELF_LOW is a warning), in SPEC order.
    expect(bad.reasonCodes).toEqual(['ABSENCE_UNEXCUSED', 'DURATION_SHORT']);
    expect(bad.reasonText).toBe('Vắng không lý do; Thời gian sinh hoạt ngắn');
    const party = rowOf(dangBoSpec({ seed: 3, name: 'Đảng bộ Công ty Minh Phát' }), 'c.xlsx');
    expect(party.kind).toBe('dang-bo');
    expect(party.goodShare).toBeCloseTo(6 / 7, 10);
  });
});

describe('Consolidation', () => {
  const policy = defaultPolicy();

  it('counts an organisation once and notes the duplicate', () => {
    const spec = chiBoSpec({ seed: 5, name: 'Chi bộ Trường Tiểu học Lê Lợi' });
    const c = new Consolidation();
    expect(c.add(rowOf(spec, 'a.xlsx'))).toBe(true);
    expect(c.add(rowOf({ ...spec, info: { ...spec.info, kindLabel: 'Chi bộ trực thuộc' } }, 'copy/a.xlsx'), 'ward.xlsx')).toBe(false);
    expect(c.rows).toHaveLength(1);
    expect(c.duplicates).toEqual([
      {
        key: c.rows[0]!.key,
        name: 'Chi bộ Trường Tiểu học Lê Lợi',
        kept: 'a.xlsx',
        keptVia: 'a.xlsx',
        dropped: 'copy/a.xlsx',
        droppedVia: 'ward.xlsx',
        verdictDiffers: false,
      },
    ]);
    expect(c.totals(policy)).toMatchObject({ organizations: 1, eligible: 1, duplicates: 1 });
    expect(c.via(c.rows[0]!.key)).toBe('a.xlsx');
    expect(duplicateText(c.duplicates[0]!)).toBe(
      '"Chi bộ Trường Tiểu học Lê Lợi" có trong nhiều đầu vào: a.xlsx và copy/a.xlsx (qua ward.xlsx); chỉ tính một lần theo a.xlsx.',
    );
  });

  it('totals by kind, the share against the target, unreadable files apart', () => {
    const rows = [
      rowOf(chiBoSpec({ seed: 1, name: 'A' }), 'a'),
      rowOf(chiBoSpec({ seed: 2, name: 'B', kindLabel: 'Chi bộ trực thuộc', problems: { shortMeeting: true } }), 'b'),
      rowOf(chiBoSpec({ seed: 3, name: 'C', kindLabel: 'Chi bộ trực thuộc' }), 'c'),
      rowOf(dangBoSpec({ seed: 4, name: 'D', problems: { lowCriterion: true } }), 'd'),
      rowFromError('e.xls', 'Tệp .xls …'),
    ];
    const totals = consolidationTotals(rows, policy);
    // The target counts grassroots organisations only (A and D); the chi bộ trực thuộc B and C apart.
    expect(totals).toMatchObject({ organizations: 2, eligible: 1, share: 0.5, target: 0.5, targetMet: true, unreadable: 1 });
    expect(totals.subordinate).toEqual({ organizations: 2, eligible: 1 });
    expect(totals.byKind['chi-bo-co-so']).toEqual({ organizations: 1, eligible: 1 });
    expect(totals.byKind['chi-bo-truc-thuoc']).toEqual({ organizations: 2, eligible: 1 });
    expect(totals.byKind['dang-bo-co-so']).toEqual({ organizations: 1, eligible: 0 });
    const strict = policyFromEntries([{ key: 'modelTargetPercent', value: 60 }]);
    if (!strict.ok) throw new Error('policy');
    expect(consolidationTotals(rows, strict.policy)).toMatchObject({ target: 0.6, targetMet: false });
    expect(consolidationTotals([], policy)).toMatchObject({ organizations: 0, share: null, targetMet: false });
  });
});

describe('the Danh sách tổ chức sheet', () => {
  const rows = [
    rowOf(chiBoSpec({ seed: 11, name: 'Chi bộ Khu phố 1' }), 'phuong/kp1.xlsx'),
    rowOf(chiBoSpec({ seed: 12, name: 'Chi bộ Khu phố 2', problems: { unexcusedAbsence: true } }), 'phuong/kp2.xlsx'),
    rowOf(dangBoSpec({ seed: 13, name: 'Đảng bộ Công ty Minh Phát' }), 'dn.xlsx'),
    rowFromError('hong.xlsx', 'Tệp .xlsx bị hỏng'),
  ];
  const layout = consolidationLayout(rows, { asOf: AS_OF, policy: defaultPolicy() });

  it('is printable and marked', () => {
    expect(layout.name).toBe(CONSOLIDATION_SHEET);
    expect(layout.fontName).toBe('Times New Roman');
    expect(layout.print).toMatchObject({ paper: 'A4', fitToWidth: true });
    expect(layout.marker).toBe('BONTOT-GENERATED:consolidation');
    const text = layout.values.flat().filter((v): v is string => typeof v === 'string');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Tổng số tổ chức cơ sở đảng (tính vào chỉ tiêu): 3');
    expect(text).toContain('Số tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận: 2');
    expect(text).toContain('Tỷ lệ đủ điều kiện: 66,67% — so với chỉ tiêu 50%: ĐỦ');
    expect(text.some((t) => t.includes('tổ chức đạt') || t.startsWith('Tỷ lệ đạt'))).toBe(false);
    expect(text).toContain('Tệp không đọc được (không tính): 1');
    // Machine columns are hidden; the visible ones fit the print area.
    expect(layout.columns.filter((c) => c.hidden).length).toBeGreaterThanOrEqual(5);
  });

  it('reads back to the same rows (numbers unrounded)', () => {
    const grid: SheetGrid = { name: layout.name, values: layout.values, originRow: 0, originCol: 0 };
    expect(isConsolidationGrid(grid)).toBe(true);
    expect(readConsolidation([grid])).toEqual(rows);
  });

  it('writes the rating levels in full in the headers, whose row is tall enough for them to wrap (glossary)', () => {
    const headerIndex = layout.values.findIndex((row) => row.includes('Tỷ lệ Hoàn thành nhiệm vụ trở lên'));
    expect(headerIndex).toBeGreaterThan(0);
    expect(layout.values[headerIndex]).toContain('Tỷ lệ Hoàn thành tốt nhiệm vụ trở lên');
    expect((layout.values[headerIndex] ?? []).some((v) => typeof v === 'string' && /HTNV|HTTNV|HTXSNV/.test(v))).toBe(false);
    // Four or more lines of 12-point bold text in a 12-character column.
    expect(layout.rowHeights?.[headerIndex] ?? 0).toBeGreaterThanOrEqual(4 * 12);
    const verdicts = layout.values.flat().filter((v) => v === 'Chưa đủ điều kiện');
    expect(verdicts.length).toBe(1);
  });

  it('reads back a list an earlier version wrote with the abbreviated headers', () => {
    const old = layout.values.map((row) =>
      row.map((v) =>
        v === 'Tỷ lệ Hoàn thành nhiệm vụ trở lên' ? 'Tỷ lệ HTNV trở lên' : v === 'Tỷ lệ Hoàn thành tốt nhiệm vụ trở lên' ? 'Tỷ lệ HTTNV trở lên' : v,
      ),
    );
    expect(readConsolidation([{ name: layout.name, values: old, originRow: 0, originCol: 0 }])).toEqual(rows);
  });

  it('reads back when the grid starts below the title rows and columns (origin offsets)', () => {
    const trimmed = layout.values.slice(2).map((row) => row.slice(0));
    // Keep the marker findable: copy it into the first kept row, like a used range starting lower.
    const markerColumn = (layout.values[0] ?? []).findIndex((v) => typeof v === 'string' && v.startsWith('BONTOT-GENERATED'));
    (trimmed[0] as unknown[])[markerColumn] = layout.marker ?? null;
    const grid: SheetGrid = { name: layout.name, values: trimmed, originRow: 2, originCol: 0 };
    expect(readConsolidation([grid])).toEqual(rows);
  });

  it('is not a consolidation without the marker', () => {
    const values = layout.values.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('BONTOT-GENERATED') ? null : v)));
    expect(readConsolidation([{ name: layout.name, values, originRow: 0, originCol: 0 }])).toBeNull();
  });
});

describe('generatedFileKind', () => {
  const list = consolidationLayout([], { asOf: AS_OF, policy: defaultPolicy() });
  const listGrid: SheetGrid = { name: list.name, values: list.values, originRow: 0, originCol: 0 };
  const input: SheetGrid = { name: 'Thông tin', values: [['Mục', 'Giá trị']], originRow: 0, originCol: 0 };
  const hiddenPolicy: SheetGrid = { name: 'Cấu hình', values: [['Khóa', 'Giá trị']], originRow: 0, originCol: 0, hidden: true };

  it('marked sheets are generated unless an input sheet of the template is beside them', () => {
    const notes: SheetGrid = { name: 'Ghi chú', values: [['Đã rà soát ngày 05/01']], originRow: 0, originCol: 0 };
    expect(generatedFileKind({ sheets: [listGrid], generatedKind: null })).toBe('consolidation');
    expect(generatedFileKind({ sheets: [listGrid, hiddenPolicy], generatedKind: null })).toBe('consolidation');
    expect(generatedFileKind({ sheets: [listGrid, notes], generatedKind: null })).toBe('consolidation');
    expect(generatedFileKind({ sheets: [listGrid, input], generatedKind: null })).toBeNull();
    expect(generatedFileKind({ sheets: [input], generatedKind: 'consolidation' })).toBeNull();
  });

  it('the workbook keyword decides when no sheet is marked; a template is an input', () => {
    const plain: SheetGrid = { name: 'Sheet1', values: [['x']], originRow: 0, originCol: 0 };
    expect(generatedFileKind({ sheets: [plain], generatedKind: 'tong-hop' })).toBe('tong-hop');
    expect(generatedFileKind({ sheets: [plain], generatedKind: 'consolidation' })).toBe('consolidation');
    expect(generatedFileKind({ sheets: [plain], generatedKind: 'template' })).toBeNull();
    expect(generatedFileKind({ sheets: [input], generatedKind: 'template' })).toBeNull();
    expect(generatedFileKind({ sheets: [input], generatedKind: null })).toBeNull();
  });
});
