/**
 * The `Tổng hợp` layout: snapshots for an eligible chi bộ, a failing chi bộ and a đảng bộ cơ sở,
 * plus explicit checks of what the document must hold (SPEC §2).
 */
import { checkWorkbook } from '../../src/workbook/check';
import { findMarker } from '../../src/workbook/generated';
import { readWorkbook } from '../../src/workbook/read';
import { dateLine, signatureLabel, summaryLayout, SUMMARY_MARKER } from '../../src/workbook/layout/summary';
import type { CheckResult, SheetGrid, SheetLayout } from '../../src/workbook/types';
import { parseRange } from '../../src/workbook/a1';
import { DOCUMENT_MARGINS } from '../../src/workbook/layout/print';
import { AS_OF, chiBoSpec, chiBoBook, validChiBo, validDangBo, type MeetingSpec } from './grids';

const eligibleChiBo = (): CheckResult => checkWorkbook(validChiBo(), { asOf: AS_OF });
const failingChiBo = (): CheckResult => {
  const spec = chiBoSpec();
  spec.info = spec.info.map(([k, v]) => [k, k === 'Có chi ủy' ? 'Không' : v]);
  (spec.meetings[3] as MeetingSpec).speakers = 2;
  (spec.meetings[5] as MeetingSpec).self = 'Trung bình';
  (spec.marks[2] as unknown[])[7] = 'K';
  const book = chiBoBook(spec).set('Tiêu chí', 'D4', 1);
  return checkWorkbook(book.grids(), { asOf: AS_OF });
};
const dangBo = (): CheckResult => checkWorkbook(validDangBo(), { asOf: AS_OF });

const text = (layout: SheetLayout): string[] => layout.values.flat().filter((v): v is string => typeof v === 'string');
const asGrid = (layout: SheetLayout): SheetGrid => ({ name: layout.name, values: layout.values, originRow: 0, originCol: 0 });
const OPTIONS = { place: 'Hà Nội', date: '2026-01-20' };

describe('summaryLayout', () => {
  test.each([
    ['eligible chi bộ', eligibleChiBo],
    ['failing chi bộ', failingChiBo],
    ['đảng bộ cơ sở', dangBo],
  ])('%s: merged ranges never overlap (a spreadsheet refuses to write overlapping merges)', (_label, make) => {
    const cells = new Set<string>();
    for (const merge of summaryLayout(make(), OPTIONS).merges) {
      const range = parseRange(merge);
      if (!range) throw new Error(`bad merge ${merge}`);
      for (let r = range.start.row; r <= range.end.row; r++) {
        for (let c = range.start.col; c <= range.end.col; c++) {
          expect({ merge, cell: `${r}:${c}`, taken: cells.has(`${r}:${c}`) }).toEqual({ merge, cell: `${r}:${c}`, taken: false });
          cells.add(`${r}:${c}`);
        }
      }
    }
  });

  test('eligible chi bộ (snapshot)', () => {
    expect(summaryLayout(eligibleChiBo(), OPTIONS)).toMatchSnapshot();
  });

  test('failing chi bộ (snapshot)', () => {
    const result = failingChiBo();
    expect(result.eligible).toBe(false);
    expect(summaryLayout(result, OPTIONS)).toMatchSnapshot();
  });

  test('đảng bộ cơ sở (snapshot)', () => {
    expect(summaryLayout(dangBo(), OPTIONS)).toMatchSnapshot();
  });

  test('the signature block follows the organisation', () => {
    const withCommittee = summaryLayout(eligibleChiBo());
    const withoutCommittee = summaryLayout(failingChiBo());
    const party = summaryLayout(dangBo());
    expect(text(withCommittee)).toEqual(expect.arrayContaining(['T/M CHI ỦY', 'BÍ THƯ']));
    expect(text(withCommittee)).not.toContain('T/M CHI BỘ');
    expect(text(withoutCommittee)).toEqual(expect.arrayContaining(['T/M CHI BỘ', 'BÍ THƯ']));
    expect(text(party)).toEqual(expect.arrayContaining(['T/M ĐẢNG ỦY', 'BÍ THƯ']));
    expect(signatureLabel(dangBo())).toBe('T/M ĐẢNG ỦY');
    // Nơi nhận bottom left, the signature bottom right on the same row.
    for (const layout of [withCommittee, withoutCommittee, party]) {
      const row = layout.values.findIndex((r) => r[0] === 'Nơi nhận:');
      expect(row).toBeGreaterThan(10);
      expect(String(layout.values[row]?.[3])).toMatch(/^T\/M /);
      expect(layout.values[row + 1]?.[3]).toBe('BÍ THƯ');
    }
  });

  test('party-document heading and title', () => {
    const layout = summaryLayout(eligibleChiBo(), OPTIONS);
    // The superior organisation (SPEC §2: "Đảng ủy X" → "ĐẢNG BỘ X"), not the committee.
    expect(layout.values[0]?.[0]).toBe('ĐẢNG BỘ KHỐI CÁC CƠ QUAN THÀNH PHỐ');
    expect(layout.values[0]?.[3]).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(layout.values[1]?.[0]).toBe('CHI BỘ PHÒNG TỔ CHỨC - HÀNH CHÍNH');
    expect(layout.values[2]?.[3]).toBe('Hà Nội, ngày 20 tháng 01 năm 2026');
    expect(layout.values[2]?.[0]).toBe('*');
    expect(layout.values[3]?.[0]).toBe('Số …-BC/CB');
    expect(text(layout).some((t) => /kính gửi/i.test(t))).toBe(false);
    expect(text(layout)).toContain('KẾT QUẢ TỰ ĐÁNH GIÁ MÔ HÌNH “CHI BỘ BỐN TỐT” NĂM 2025');
    expect(text(summaryLayout(dangBo()))).toContain('KẾT QUẢ TỰ ĐÁNH GIÁ MÔ HÌNH “ĐẢNG BỘ CƠ SỞ BỐN TỐT” NĂM 2025');
    expect(dateLine()).toBe('…, ngày … tháng … năm …');
    expect(layout.merges).toEqual(expect.arrayContaining(['A1:C1', 'D1:F1']));
  });

  test('values only, Times New Roman, A4 portrait one page wide, marker in a hidden column', () => {
    for (const result of [eligibleChiBo(), failingChiBo(), dangBo()]) {
      const layout = summaryLayout(result, { sheetName: 'Tổng hợp (2)' });
      expect(layout.name).toBe('Tổng hợp (2)');
      expect(layout.formulas ?? {}).toEqual({});
      for (const value of layout.values.flat()) {
        expect(typeof value === 'string' && value.startsWith('=')).toBe(false);
      }
      expect(layout.fontName).toBe('Times New Roman');
      expect(layout.print).toEqual({
        paper: 'A4',
        orientation: 'portrait',
        fitToWidth: true,
        area: `A1:F${layout.values.length}`,
        margins: DOCUMENT_MARGINS,
      });
      expect(layout.marker).toBe(SUMMARY_MARKER);
      expect(findMarker(asGrid(layout))).toBe(SUMMARY_MARKER);
      const markerCol = layout.values[0]?.indexOf(SUMMARY_MARKER) ?? -1;
      expect(markerCol).toBe(6);
      expect(layout.columns[markerCol]?.hidden).toBe(true);
    }
  });

  test('percentages are shown with 2 decimals while the result keeps exact values', () => {
    const result = eligibleChiBo();
    const before = JSON.stringify(result);
    const layout = summaryLayout(result);
    expect(JSON.stringify(result)).toBe(before);
    expect(result.stats.goodShare).toBeCloseTo(11 / 12, 15);
    expect(text(layout).some((t) => t.includes('91,67%'))).toBe(true);
    expect(text(layout).some((t) => t.includes('98,61%'))).toBe(true);
  });

  test('the reasons are listed with their place and the threshold used', () => {
    const result = failingChiBo();
    const layout = summaryLayout(result);
    for (const reason of result.reasons) expect(text(layout)).toContain(reason.message);
    expect(text(layout)).toContain('trang Sinh hoạt, ô H5');
    expect(text(layout).filter((t) => /[A-Za-zÀ-ỹ ]+![A-Z]{1,3}\d+/.test(t))).toEqual([]);
    expect(text(layout).some((t) => t.includes('cần ít nhất 5'))).toBe(true);
    expect(text(layout)).toContain('Lưu ý');
  });

  test('a generated summary is never read as input', () => {
    const layout = summaryLayout(eligibleChiBo());
    const read = readWorkbook([asGrid(layout)]);
    expect(read.generatedMarker).toBe(SUMMARY_MARKER);
    expect(read.hasInputSheets).toBe(false);
    // Even under the name of an input sheet.
    const disguised = readWorkbook([...validChiBo().filter((g) => g.name !== 'Thông tin'), { ...asGrid(layout), name: 'Thông tin' }]);
    expect(disguised.issues.map((i) => i.code)).toEqual(['SHEET_MISSING']);
    expect(disguised.records.info.name).toBeNull();
  });
});
