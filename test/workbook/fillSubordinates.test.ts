/**
 * fill-subordinates, host-neutral (SPEC §2 "Chi bộ trực thuộc", §6): a đảng bộ with four chi bộ
 * files — one exact, one whose name is spelled differently, one new, one of another year — its
 * sheet before and after, then the filled workbook's own check.
 */
import fc from 'fast-check';
import { registerCatalogue, render } from '../../src/core/messages';
import { EN } from '../../src/core/messages/en';
import { checkWorkbook } from '../../src/workbook/check';
import {
  applyFillToGrids,
  chiBoKey,
  partyBodyKey,
  planSubordinateFill,
  selfCheckText,
  type ChiBoInput,
  type FillPlan,
} from '../../src/workbook/fillSubordinates';
import { readWorkbook } from '../../src/workbook/read';
import type { SheetGrid } from '../../src/workbook/types';
import { runs, seed } from '../hardening/fuzz';
import { AS_OF, chiBoSpec, chiBoBook, dangBoBook, dangBoSpec, validDangBo, type ChiBoSpec } from './grids';

const DANG_BO = 'Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình';
const SUPERIOR = 'Đảng ủy Công ty Cổ phần Cơ khí Hòa Bình';

function chiBoFile(file: string, name: string, edit?: (spec: ChiBoSpec) => void): ChiBoInput {
  const spec = chiBoSpec();
  spec.info = spec.info.map(([item, value]) => {
    if (item === 'Tên tổ chức') return [item, name];
    if (item === 'Loại tổ chức') return [item, 'Chi bộ trực thuộc'];
    if (item === 'Cấp ủy cấp trên') return [item, SUPERIOR];
    return [item, value];
  });
  edit?.(spec);
  return { file, sheets: chiBoBook(spec).grids() };
}

function setInfo(spec: ChiBoSpec, item: string, value: unknown): void {
  spec.info = spec.info.map(([i, v]) => (i === item ? [i, value] : [i, v]));
}

function sheetValues(sheets: readonly SheetGrid[], name = 'Chi bộ trực thuộc'): unknown[][] {
  return (sheets.find((s) => s.name === name) as SheetGrid).values;
}

function planOf(dangBo: readonly SheetGrid[], files: readonly ChiBoInput[]): FillPlan {
  const outcome = planSubordinateFill(dangBo, files, { asOf: AS_OF });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.plan;
}

/** The four files of the issue. */
function fourFiles(): ChiBoInput[] {
  return [
    chiBoFile('van-phong.xlsx', 'Chi bộ Văn phòng'),
    // The sheet says "Chi bộ Kế toán": case, diacritics, spaces and "chi bộ" do not count.
    chiBoFile('ke-toan.xlsx', 'CHI BO  ke toan', (spec) => {
      spec.members = spec.members.slice(0, 11);
      spec.marks = spec.marks.slice(0, 11);
      // Absent without reason in March: its own check says "chưa đủ điều kiện".
      (spec.marks[2] as unknown[])[2] = 'K';
    }),
    chiBoFile('phan-xuong-3.xlsx', 'Chi bộ Phân xưởng 3'),
    chiBoFile('kinh-doanh-2024.xlsx', 'Chi bộ Kinh doanh', (spec) => setInfo(spec, 'Năm đánh giá', 2024)),
  ];
}

describe('chiBoKey and partyBodyKey', () => {
  it('ignore case, diacritics, spaces and the words "chi bộ"', () => {
    expect(chiBoKey('Chi bộ Phân xưởng 1')).toBe(chiBoKey('PHAN XUONG 1'));
    expect(chiBoKey('chi bo  Phân  xưởng 1')).toBe(chiBoKey('Phân xưởng1'));
    expect(chiBoKey('Chi bộ Đội xe')).toBe('doixe');
    expect(chiBoKey('Chi bộ Phân xưởng 1')).not.toBe(chiBoKey('Chi bộ Phân xưởng 2'));
  });
  it('name the same body for "Đảng ủy X" and "Đảng bộ X" (and the usual abbreviations)', () => {
    expect(partyBodyKey('Đảng ủy Công ty CP Cơ khí Hòa Bình')).toBe(partyBodyKey(DANG_BO));
    expect(partyBodyKey('BCH Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình')).toBe(partyBodyKey(DANG_BO));
    expect(partyBodyKey('Đảng ủy Khối doanh nghiệp thành phố')).not.toBe(partyBodyKey(DANG_BO));
  });
});

describe('planSubordinateFill: a đảng bộ with four chi bộ files', () => {
  const dangBo = validDangBo((spec) => setInfo(spec as unknown as ChiBoSpec, 'Tên tổ chức', DANG_BO));
  const plan = planOf(dangBo, fourFiles());
  const after = applyFillToGrids(dangBo, plan);

  it('the sheet before: seven chi bộ, five columns', () => {
    const before = sheetValues(dangBo);
    expect(before[0]).toEqual(['STT', 'Tên chi bộ', 'Số đảng viên', 'Xếp loại', 'Chi bộ bốn tốt']);
    expect(before).toHaveLength(8);
    expect(before[1]).toEqual([1, 'Chi bộ Văn phòng', 8, 'Hoàn thành tốt nhiệm vụ', 'Có']);
  });

  it('the sheet after: members and results filled, the new chi bộ added, nothing typed by the đảng ủy changed', () => {
    const values = sheetValues(after);
    expect(values[0]).toEqual(['STT', 'Tên chi bộ', 'Số đảng viên', 'Xếp loại', 'Chi bộ bốn tốt', 'Kết quả tự kiểm tra']);
    // Văn phòng: 13 members, eligible; rating and recognition as typed.
    expect(values[1]).toEqual([1, 'Chi bộ Văn phòng', 13, 'Hoàn thành tốt nhiệm vụ', 'Có', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    // Kế toán: the name typed by the đảng ủy stays; 11 members; not eligible, with its reasons counted.
    expect(values[2]?.slice(0, 5)).toEqual([2, 'Chi bộ Kế toán', 11, 'Hoàn thành tốt nhiệm vụ', 'Có']);
    expect(values[2]?.[5]).toMatch(/^Chưa đủ điều kiện \(tự kiểm tra đến ngày 15\/01\/2026, \d+ lý do\)$/);
    // Kinh doanh (its file is of 2024) and the rows without a file: exactly as before.
    for (const r of [3, 4, 5, 6, 7]) expect(values[r]).toEqual(sheetValues(dangBo)[r]);
    // Phân xưởng 3: a new row after the last, STT continued, no rating, no recognition.
    expect(values[8]).toEqual([8, 'Chi bộ Phân xưởng 3', 13, null, null, 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    expect(values).toHaveLength(9);
  });

  it('lists what was added, changed, left alone and refused', () => {
    expect(plan.added.map((r) => [r.name, r.row])).toEqual([['Chi bộ Phân xưởng 3', 9]]);
    expect(plan.changed.map((r) => [r.file, r.row])).toEqual([
      ['van-phong.xlsx', 2],
      ['ke-toan.xlsx', 3],
    ]);
    expect(plan.changed[0]?.changes).toEqual([
      { column: 'Số đảng viên', cell: 'C2', before: 8, after: 13 },
      { column: 'Kết quả tự kiểm tra', cell: 'F2', before: null, after: 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)' },
    ]);
    expect(plan.changed[1]?.notes.join(' ')).toContain('"CHI BO  ke toan"');
    expect(plan.unchanged).toEqual([]);
    expect(plan.leftAlone.map((r) => r.row)).toEqual([4, 5, 6, 7, 8]);
    expect(plan.refused).toEqual([
      {
        file: 'kinh-doanh-2024.xlsx',
        reason: expect.stringContaining('năm 2024, khác năm đánh giá 2025'),
        reasonText: { key: 'fill.refuse.otherYear', params: { fileYear: '2024', year: '2025' } },
      },
    ]);
    expect(plan.addedColumns).toEqual([{ header: 'Kết quả tự kiểm tra', cell: 'F1' }]);
  });

  it('words its notes, reasons and results from the catalogue: the Vietnamese as before, and in English', () => {
    registerCatalogue('en', EN);
    const rows = [...plan.added, ...plan.changed, ...plan.unchanged];
    // The Vietnamese words are the ones the plan always wrote.
    expect(plan.changed[1]?.notes).toEqual(['Tên trên trang giữ nguyên "Chi bộ Kế toán"; tệp của chi bộ ghi "CHI BO  ke toan".']);
    expect(plan.added[0]?.notes).toEqual(['Chi bộ mới trên trang: đảng ủy ghi "Xếp loại" của chi bộ.']);
    expect(plan.leftAlone[0]?.reason).toBe('không có tệp của chi bộ này trong các tệp đã chọn.');
    expect(plan.refused[0]?.reason).toBe('sổ tính năm 2024, khác năm đánh giá 2025 của đảng bộ. Hãy dùng tệp của năm 2025.');
    for (const row of rows) {
      expect(row.noteTexts.map((note) => render(note, 'vi'))).toEqual(row.notes);
      expect(render(row.resultText, 'vi')).toBe(row.result);
    }
    for (const row of [...plan.leftAlone, ...plan.refused]) expect(render(row.reasonText, 'vi')).toBe(row.reason);
    // English: the same facts, none of the Vietnamese sentence.
    expect(plan.changed[1]?.noteTexts.map((note) => render(note, 'en'))).toEqual([
      'The name on the sheet is kept as "Chi bộ Kế toán"; the party cell\'s file writes "CHI BO  ke toan".',
    ]);
    expect(render(plan.added[0]!.resultText, 'en')).toBe('Eligible (self-check as of 15/01/2026)');
    expect(render(plan.changed[1]!.resultText, 'en')).toMatch(/^Not yet eligible \(self-check as of 15\/01\/2026, \d+ reasons\)$/);
    expect(render(plan.leftAlone[0]!.reasonText, 'en')).toBe("none of the chosen files is this party cell's.");
    expect(render(plan.refused[0]!.reasonText, 'en')).toBe(
      "a workbook of 2024, not the party committee's evaluation year 2025. Use the file of 2025.",
    );
  });

  it('never writes Xếp loại nor Chi bộ bốn tốt', () => {
    expect(plan.writes.filter((w) => w.col === 3 || w.col === 4)).toEqual([]);
  });

  it('the filled workbook is checked like any other: the new chi bộ still needs its rating', () => {
    const result = checkWorkbook(after, { asOf: AS_OF });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const missing = result.reasons.filter((r) => r.code === 'RATING_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.cell).toBe('D9');
    expect(result.eligible).toBe(false);
    // Before filling, the same đảng bộ was eligible: only the new row's blank rating differs.
    expect(checkWorkbook(dangBo, { asOf: AS_OF }).eligible).toBe(true);
  });

  it('filling again with the same files changes nothing', () => {
    const again = planOf(after, fourFiles());
    expect(again.writes).toEqual([]);
    expect(again.added).toEqual([]);
    expect(again.unchanged.map((r) => r.file)).toEqual(['van-phong.xlsx', 'ke-toan.xlsx', 'phan-xuong-3.xlsx']);
  });
});

describe('planSubordinateFill: refusals and edge cases', () => {
  const dangBo = validDangBo((spec) => setInfo(spec as unknown as ChiBoSpec, 'Tên tổ chức', DANG_BO));

  it('refuses a chi bộ of another đảng bộ, a đảng bộ file, a generated file and a duplicate, with reasons', () => {
    const other = chiBoFile('other.xlsx', 'Chi bộ Bảo vệ', (spec) => setInfo(spec, 'Cấp ủy cấp trên', 'Đảng ủy Công ty Điện lực'));
    const dangBoFile: ChiBoInput = { file: 'dang-bo.xlsx', sheets: validDangBo() };
    const summary: ChiBoInput = {
      file: 'tong-hop.xlsx',
      sheets: [{ name: 'Tổng hợp', values: [['BONTOT-GENERATED:tong-hop']], originRow: 0, originCol: 0 }],
    };
    const marked: ChiBoInput = { ...chiBoFile('consolidation.xlsx', 'Chi bộ Kỹ thuật'), generatedKind: 'consolidation' };
    const first = chiBoFile('van-phong.xlsx', 'Chi bộ Văn phòng');
    const twin = chiBoFile('van-phong-2.xlsx', 'chi bộ văn phòng');
    const empty: ChiBoInput = { file: 'empty.xlsx', sheets: [{ name: 'Sheet1', values: [['x']], originRow: 0, originCol: 0 }] };
    const plan = planOf(dangBo, [other, dangBoFile, summary, marked, first, twin, empty]);
    const reasons = Object.fromEntries(plan.refused.map((r) => [r.file, r.reason]));
    expect(Object.keys(reasons)).toEqual(['other.xlsx', 'dang-bo.xlsx', 'tong-hop.xlsx', 'consolidation.xlsx', 'van-phong-2.xlsx', 'empty.xlsx']);
    expect(reasons['other.xlsx']).toContain('"Đảng ủy Công ty Điện lực", không phải đảng ủy của "Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình"');
    expect(reasons['dang-bo.xlsx']).toContain('đảng bộ cơ sở');
    expect(reasons['tong-hop.xlsx']).toContain('do Bốn Tốt tạo ra');
    expect(reasons['consolidation.xlsx']).toContain('do Bốn Tốt tạo ra');
    expect(reasons['van-phong-2.xlsx']).toContain('van-phong.xlsx');
    expect(reasons['empty.xlsx']).toContain('không phải sổ tính của một chi bộ');
    expect(plan.changed.map((r) => r.file)).toEqual(['van-phong.xlsx']);
  });

  it('accepts a chi bộ whose Cấp ủy cấp trên is blank', () => {
    const plan = planOf(dangBo, [chiBoFile('a.xlsx', 'Chi bộ Bảo vệ', (spec) => setInfo(spec, 'Cấp ủy cấp trên', null))]);
    expect(plan.refused).toEqual([]);
    expect(plan.changed.map((r) => r.row)).toEqual([8]);
  });

  it('refuses a workbook that is not a đảng bộ as the first input', () => {
    const outcome = planSubordinateFill(chiBoFile('x', 'Chi bộ A').sheets, [], { asOf: AS_OF });
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining('của một chi bộ'), errorText: { key: 'fill.error.chiBo' } });
    const noSheet = dangBoBook();
    noSheet.sheets.splice(
      noSheet.sheets.findIndex((s) => s.name === 'Chi bộ trực thuộc'),
      1,
    );
    expect(planSubordinateFill(noSheet.grids(), [], { asOf: AS_OF })).toEqual({
      ok: false,
      error: expect.stringContaining('chưa có trang "Chi bộ trực thuộc"'),
      errorText: { key: 'fill.error.noSheet', params: { sheet: 'Chi bộ trực thuộc' } },
    });
  });

  it("finds the header below title rows and writes at the sheet's own addresses; never writes over cells below the table", () => {
    const spec = dangBoSpec();
    setInfo(spec as unknown as ChiBoSpec, 'Tên tổ chức', DANG_BO);
    const book = dangBoBook(spec);
    const sheet = book.sheets.find((s) => s.name === 'Chi bộ trực thuộc') as { values: unknown[][]; originRow: number; originCol: number };
    sheet.values.unshift(['DANH SÁCH CHI BỘ TRỰC THUỘC'], []);
    sheet.values.push([], [null, 'Ghi chú: số liệu đến 31/12']);
    sheet.originRow = 2;
    sheet.originCol = 1;
    const grids = book.grids();
    const plan = planOf(grids, [chiBoFile('moi.xlsx', 'Chi bộ Đội xe'), chiBoFile('bv.xlsx', 'Chi bộ Bảo vệ')]);
    // Header on sheet row 5 (origin 2 + 2 title rows + 1); columns start at B.
    expect(plan.addedColumns).toEqual([{ header: 'Kết quả tự kiểm tra', cell: 'G5' }]);
    expect(plan.changed[0]?.changes.map((c) => c.cell)).toEqual(['D12', 'G12']);
    // The note two rows below the table stays; the new row goes under it.
    expect(plan.added[0]?.row).toBe(15);
    expect(plan.writes.every((w) => w.before === null || w.what === 'members')).toBe(true);
    const after = applyFillToGrids(grids, plan);
    const read = readWorkbook(after);
    expect(read.records.subordinates?.map((s) => s.name)).toContain('Chi bộ Đội xe');
  });

  it('adds Số đảng viên when the sheet lacks it, and never reads Kết quả tự kiểm tra as a recognition', () => {
    const spec = dangBoSpec();
    setInfo(spec as unknown as ChiBoSpec, 'Tên tổ chức', DANG_BO);
    const book = dangBoBook(spec);
    const values = book.values('Chi bộ trực thuộc');
    // Without the optional columns Số đảng viên and Chi bộ bốn tốt.
    for (const row of values) {
      row.splice(4, 1);
      row.splice(2, 1);
    }
    const plan = planOf(book.grids(), [chiBoFile('vp.xlsx', 'Chi bộ Văn phòng')]);
    expect(plan.addedColumns.map((c) => c.header)).toEqual(['Số đảng viên', 'Kết quả tự kiểm tra']);
    const after = applyFillToGrids(book.grids(), plan);
    expect(sheetValues(after)[1]).toEqual([1, 'Chi bộ Văn phòng', 'Hoàn thành tốt nhiệm vụ', 13, 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    const read = readWorkbook(after);
    expect(read.issues.filter((i) => i.sheet === 'Chi bộ trực thuộc')).toEqual([]);
    expect(read.records.subordinates?.every((s) => s.isModel === null)).toBe(true);
    expect(read.records.subordinates?.[0]?.members).toBe(13);
  });

  it('never throws on odd input', () => {
    const odd: ChiBoInput[] = [
      { file: 'a', sheets: [] },
      {
        file: 'b',
        sheets: [
          {
            name: 'Thông tin',
            values: [
              ['Mục', 'Giá trị'],
              ['Loại tổ chức', 'Chi bộ'],
              ['Tên tổ chức', 42],
              ['Năm đánh giá', 'abc'],
            ],
            originRow: 0,
            originCol: 0,
          },
        ],
      },
    ];
    const plan = planOf(dangBo, odd);
    expect(plan.refused.map((r) => r.file)).toEqual(['a', 'b']);
    expect(planSubordinateFill([], odd, { asOf: AS_OF }).ok).toBe(false);
  });

  it('selfCheckText says the verdict and the date', () => {
    expect(selfCheckText(true, 0, '2025-12-31')).toBe('Đủ điều kiện (tự kiểm tra đến ngày 31/12/2025)');
    expect(selfCheckText(false, 2, '2026-01-05')).toBe('Chưa đủ điều kiện (tự kiểm tra đến ngày 05/01/2026, 2 lý do)');
  });
});

describe('planSubordinateFill: never throws, never writes a rating or a recognition (property)', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 3000 }),
    fc.boolean(),
    fc.constantFrom('Chi bộ Văn phòng', 'Có', 'Hoàn thành tốt nhiệm vụ', 'Kết quả tự kiểm tra', 'Tên chi bộ', 'Xếp loại'),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 });

  it('for any Chi bộ trực thuộc sheet and any chi bộ Thông tin', () => {
    fc.assert(
      fc.property(rows, rows, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (subordinateRows, infoRows, originRow, originCol) => {
        const spec = dangBoSpec();
        setInfo(spec as unknown as ChiBoSpec, 'Tên tổ chức', DANG_BO);
        const book = dangBoBook(spec);
        const sheet = book.sheets.find((s) => s.name === 'Chi bộ trực thuộc') as { values: unknown[][]; originRow: number; originCol: number };
        sheet.values.push(...subordinateRows);
        sheet.originRow = originRow;
        sheet.originCol = originCol;
        const odd = chiBoFile('odd.xlsx', 'Chi bộ Văn phòng');
        const info = odd.sheets.find((s) => s.name === 'Thông tin') as SheetGrid;
        info.values.push(...infoRows);
        const outcome = planSubordinateFill(book.grids(), [odd, chiBoFile('b.xlsx', 'Chi bộ Mới')], { asOf: AS_OF });
        if (!outcome.ok) return;
        // Columns D (Xếp loại) and E (Chi bộ bốn tốt) of the header the planner found are never written.
        for (const write of outcome.plan.writes) expect(write.col - originCol === 3 || write.col - originCol === 4).toBe(false);
      }),
      { numRuns: runs(150), seed: seed() },
    );
  });
});
