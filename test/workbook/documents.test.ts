/**
 * Party-document rules shared by the summary and the consolidation (SPEC §2 as amended, Hướng dẫn
 * 36-HD/VPTW): the heading derived from `Cấp ủy cấp trên`, the issuing body, the number line, the
 * date form, the signature, the issuer of a consolidation, places as "trang X, ô Y", and the row
 * heights and print setup every written sheet carries.
 */
import { defaultPolicy } from '../../src/core/policy';
import { checkWorkbook } from '../../src/workbook/check';
import { rowFromCheck } from '../../src/workbook/consolidate';
import { consolidationLayout, issuerHeading } from '../../src/workbook/layout/consolidation';
import { DOCUMENT_MARGINS } from '../../src/workbook/layout/print';
import { cellTextWidthPoints, layoutRowHeights, rowHeightPoints, textWidthPoints, wrappedLineCount } from '../../src/workbook/layout/rowHeights';
import { dateLine, issuingBody, placeText, summaryLayout, superiorOrganisation } from '../../src/workbook/layout/summary';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import type { CheckResult, SheetLayout } from '../../src/workbook/types';
import { AS_OF, validChiBo, validDangBo } from './grids';

const setInfo = (info: [string, unknown][], key: string, value: unknown): [string, unknown][] => info.map(([k, v]) => [k, k === key ? value : v]);
const text = (layout: SheetLayout): string[] => layout.values.flat().filter((v): v is string => typeof v === 'string');
const leftColumn = (layout: SheetLayout, rows: number): unknown[] => layout.values.slice(0, rows).map((row) => row[0]);

describe('superior organisation from Cấp ủy cấp trên (SPEC §2)', () => {
  test.each([
    ['Đảng ủy phường Bến Thành', 'ĐẢNG BỘ PHƯỜNG BẾN THÀNH'],
    ['Đảng uỷ Khối các cơ quan thành phố', 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN THÀNH PHỐ'],
    ['đảng ủy xã Tân Phú', 'ĐẢNG BỘ XÃ TÂN PHÚ'],
    ['Thành ủy Hồ Chí Minh', 'ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH'],
    ['Tỉnh ủy Bình Dương', 'ĐẢNG BỘ TỈNH BÌNH DƯƠNG'],
    ['Quận ủy Quận 1', 'ĐẢNG BỘ QUẬN QUẬN 1'],
    ['Huyện ủy Củ Chi', 'ĐẢNG BỘ HUYỆN CỦ CHI'],
    ['Ban Chấp hành Đảng bộ Công ty X', 'BAN CHẤP HÀNH ĐẢNG BỘ CÔNG TY X'],
    ['  Đảng bộ  Khu công nghiệp ', 'ĐẢNG BỘ KHU CÔNG NGHIỆP'],
  ])('%s → %s', (typed, printed) => {
    expect(superiorOrganisation(typed)).toBe(printed);
  });

  test('nothing typed gives null (the summary prints a dotted line)', () => {
    expect(superiorOrganisation(null)).toBeNull();
    expect(superiorOrganisation('  ')).toBeNull();
  });

  test('the issuing body: CHI BỘ Y, ĐẢNG ỦY Y from "Đảng bộ Y"', () => {
    expect(issuingBody('chi-bo', 'Chi bộ Khu phố 3')).toBe('CHI BỘ KHU PHỐ 3');
    expect(issuingBody('chi-bo', 'Khu phố 3')).toBe('CHI BỘ KHU PHỐ 3');
    expect(issuingBody('dang-bo', 'Đảng bộ Công ty Cổ phần Cơ khí Minh Phát')).toBe('ĐẢNG ỦY CÔNG TY CỔ PHẦN CƠ KHÍ MINH PHÁT');
    expect(issuingBody('dang-bo', null)).toBe('ĐẢNG ỦY …');
  });
});

describe('the date line (one form in every document)', () => {
  test.each([
    ['2026-01-05', 'Hà Nội, ngày 05 tháng 01 năm 2026'],
    ['2026-02-28', 'Hà Nội, ngày 28 tháng 02 năm 2026'],
    ['2026-04-15', 'Hà Nội, ngày 15 tháng 4 năm 2026'],
    ['2026-12-09', 'Hà Nội, ngày 09 tháng 12 năm 2026'],
    ['2026-03-10', 'Hà Nội, ngày 10 tháng 3 năm 2026'],
  ])('%s', (date, line) => {
    expect(dateLine('Hà Nội', date)).toBe(line);
  });

  test('the consolidation prints its date in the same form', () => {
    const rows = [rowFromCheck('a.xlsx', checkWorkbook(validChiBo(), { asOf: AS_OF }))];
    const layout = consolidationLayout(rows, { asOf: '2026-04-05', policy: defaultPolicy() });
    expect(text(layout)).toContain('…, ngày 05 tháng 4 năm 2026');
  });
});

describe('Tổng hợp heading for each kind of organisation', () => {
  const heading = (result: CheckResult): unknown[] => leftColumn(summaryLayout(result), 4);

  test('a chi bộ cơ sở with a chi ủy', () => {
    const result = checkWorkbook(
      validChiBo((spec) => {
        spec.info = setInfo(spec.info, 'Cấp ủy cấp trên', 'Quận ủy Bình Thạnh');
      }),
      { asOf: AS_OF },
    );
    expect(heading(result)).toEqual(['ĐẢNG BỘ QUẬN BÌNH THẠNH', 'CHI BỘ PHÒNG TỔ CHỨC - HÀNH CHÍNH', '*', 'Số …-BC/CB']);
    expect(text(summaryLayout(result))).toEqual(expect.arrayContaining(['T/M CHI ỦY', 'BÍ THƯ']));
  });

  test('a chi bộ trực thuộc without a chi ủy', () => {
    const result = checkWorkbook(
      validChiBo((spec) => {
        spec.info = setInfo(
          setInfo(setInfo(spec.info, 'Loại tổ chức', 'Chi bộ trực thuộc'), 'Cấp ủy cấp trên', 'Đảng ủy phường Bến Thành'),
          'Có chi ủy',
          'Không',
        );
        spec.info = setInfo(spec.info, 'Tên tổ chức', 'Chi bộ Khu phố 3');
      }),
      { asOf: AS_OF },
    );
    expect(result.organization.level).toBe('truc-thuoc');
    expect(heading(result)).toEqual(['ĐẢNG BỘ PHƯỜNG BẾN THÀNH', 'CHI BỘ KHU PHỐ 3', '*', 'Số …-BC/CB']);
    const layout = summaryLayout(result);
    expect(text(layout)).toEqual(expect.arrayContaining(['T/M CHI BỘ', 'BÍ THƯ', 'Nơi nhận:', '- Đảng ủy phường Bến Thành (để báo cáo),']));
    expect(text(layout).some((t) => /kính gửi|Số:/i.test(t))).toBe(false);
  });

  test('a đảng bộ cơ sở', () => {
    const result = checkWorkbook(
      validDangBo((spec) => {
        spec.info = setInfo(spec.info, 'Cấp ủy cấp trên', 'Thành ủy Hồ Chí Minh');
      }),
      { asOf: AS_OF },
    );
    expect(heading(result)).toEqual(['ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH', 'ĐẢNG ỦY CÔNG TY CỔ PHẦN CƠ KHÍ HÒA BÌNH', '*', 'Số …-BC/ĐU']);
    expect(text(summaryLayout(result))).toEqual(expect.arrayContaining(['T/M ĐẢNG ỦY', 'BÍ THƯ', '- Lưu Văn phòng Đảng ủy.']));
  });

  test('without Cấp ủy cấp trên the top line is dotted', () => {
    const result = checkWorkbook(
      validChiBo((spec) => {
        spec.info = spec.info.filter(([k]) => k !== 'Cấp ủy cấp trên');
      }),
      { asOf: AS_OF },
    );
    expect(heading(result)[0]).toBe('ĐẢNG BỘ ……………');
  });
});

describe('places in documents', () => {
  test('"trang X, ô Y", never Sheet!A1', () => {
    expect(placeText('Điểm danh', 'J4')).toBe('trang Điểm danh, ô J4');
    expect(placeText('Thông tin', null)).toBe('trang Thông tin');
    expect(placeText(null, null)).toBe('');
    const result = checkWorkbook(
      validChiBo((spec) => {
        (spec.marks[2] as unknown[])[7] = 'K';
      }),
      { asOf: AS_OF },
    );
    expect(result.reasons.some((reason) => reason.cell !== null)).toBe(true);
    const values = text(summaryLayout(result));
    expect(values.some((t) => t.startsWith('trang Điểm danh, ô '))).toBe(true);
    expect(values.filter((t) => /!\$?[A-Z]{1,3}\$?\d+/.test(t))).toEqual([]);
  });
});

describe('consolidation issued by a committee (consolidate --issuer)', () => {
  const rows = (): ReturnType<typeof rowFromCheck>[] => [rowFromCheck('a.xlsx', checkWorkbook(validChiBo(), { asOf: AS_OF }))];

  test.each([
    ['Đảng ủy phường Bến Thành', 'ĐẢNG BỘ PHƯỜNG BẾN THÀNH', 'ĐẢNG ỦY PHƯỜNG BẾN THÀNH', 'ĐU', 'T/M ĐẢNG ỦY'],
    ['Thành ủy Hồ Chí Minh', 'ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH', 'THÀNH ỦY HỒ CHÍ MINH', 'TU', 'T/M BAN THƯỜNG VỤ'],
    ['Huyện ủy Củ Chi', 'ĐẢNG BỘ HUYỆN CỦ CHI', 'HUYỆN ỦY CỦ CHI', 'HU', 'T/M BAN THƯỜNG VỤ'],
    ['Ban Thường vụ Đảng ủy xã Tân Phú', 'ĐẢNG BỘ XÃ TÂN PHÚ', 'ĐẢNG ỦY XÃ TÂN PHÚ', 'ĐU', 'T/M BAN THƯỜNG VỤ'],
  ])('%s', (issuer, organisation, body, symbol, signature) => {
    expect(issuerHeading(issuer)).toMatchObject({ organisation, body, symbol, signature });
    const layout = consolidationLayout(rows(), { asOf: AS_OF, policy: defaultPolicy(), issuer });
    expect(leftColumn(layout, 4)).toEqual([organisation, body, '*', `Số …-BC/${symbol}`]);
    expect(text(layout)).toEqual(expect.arrayContaining([signature, 'BÍ THƯ', 'ĐẢNG CỘNG SẢN VIỆT NAM']));
    expect(text(layout).some((t) => /T\/M CẤP ỦY|Như trên|Kính gửi/i.test(t))).toBe(false);
  });

  test('without an issuer the heading and signature lines are dotted', () => {
    const layout = consolidationLayout(rows(), { asOf: AS_OF, policy: defaultPolicy() });
    expect(leftColumn(layout, 4)).toEqual(['ĐẢNG BỘ ……………', '……………………', '*', 'Số …-BC/…']);
    expect(text(layout)).toContain('T/M ……………');
  });

  test('A4 landscape, one page wide, the table header repeated on every page', () => {
    const layout = consolidationLayout(rows(), { asOf: AS_OF, policy: defaultPolicy() });
    const header = layout.values.findIndex((row) => row[0] === 'STT');
    expect(layout.print).toEqual({
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      area: `A1:M${layout.values.length}`,
      titleRows: `${header + 1}:${header + 1}`,
      margins: DOCUMENT_MARGINS,
    });
    // The wrapped header ("Tiêu chí 1.1 (%)" in 9 characters) takes more than one line.
    expect(layout.rowHeights?.[header]).toBeGreaterThan(rowHeightPoints(1, 12));
  });
});

describe('row heights from text and column widths', () => {
  test('text width grows with the text, bold is wider', () => {
    expect(textWidthPoints('ĐẢNG CỘNG SẢN VIỆT NAM', 14)).toBeGreaterThan(textWidthPoints('DANG CONG', 14));
    expect(textWidthPoints('Tiêu chí', 13, true)).toBeGreaterThan(textWidthPoints('Tiêu chí', 13));
    // Diacritics do not widen a letter.
    expect(textWidthPoints('ệ', 12)).toBe(textWidthPoints('e', 12));
  });

  test('lines: a short text is one line, a long one wraps by words, a newline starts a line', () => {
    const width = cellTextWidthPoints([46]);
    expect(wrappedLineCount('Đạt', width, 13)).toBe(1);
    const long = 'Đảng viên Lê Quang Sơn vắng không có lý do buổi sinh hoạt ngày 08/07/2025; yêu cầu: không có đảng viên vắng không lý do.';
    const lines = wrappedLineCount(long, width, 13);
    expect(lines).toBeGreaterThanOrEqual(3);
    expect(lines).toBeLessThanOrEqual(4);
    expect(wrappedLineCount(long, cellTextWidthPoints([46, 13, 12]), 13)).toBeLessThan(lines);
    expect(wrappedLineCount('a\nb\nc', width, 13)).toBe(3);
    expect(wrappedLineCount('x'.repeat(400), width, 11)).toBeGreaterThan(1);
  });

  test('every row with text gets a height; a wrapped row is as tall as its lines', () => {
    const layout: SheetLayout = {
      name: 'T',
      values: [
        ['Ngắn', 'x'.repeat(10)],
        [null, null],
        ['một hai ba bốn năm sáu bảy tám chín mười '.repeat(6), null],
      ],
      columns: [{ width: 20 }, { width: 10 }],
      formats: [{ range: 'A3', wrap: true, fontSize: 12 }],
      merges: [],
      validations: [],
      frozenRows: 0,
      hidden: false,
    };
    const heights = layoutRowHeights(layout);
    expect(Object.keys(heights)).toEqual(['0', '2']);
    expect(heights[0]).toBe(rowHeightPoints(1, 11));
    const lines = wrappedLineCount(layout.values[2]![0] as string, cellTextWidthPoints([20]), 12);
    expect(lines).toBeGreaterThan(5);
    expect(heights[2]).toBe(rowHeightPoints(lines, 12));
    // Merged over both columns the same text takes fewer lines.
    const merged = layoutRowHeights({ ...layout, merges: ['A3:B3'] });
    expect(merged[2]).toBeLessThan(heights[2] as number);
  });

  test('the summary: each reason row is as tall as its wrapped message', () => {
    const result = checkWorkbook(
      validChiBo((spec) => {
        (spec.marks[2] as unknown[])[7] = 'K';
      }),
      { asOf: AS_OF },
    );
    const layout = summaryLayout(result);
    const reasonRow = layout.values.findIndex(
      (row) => typeof row[1] === 'string' && row[1].startsWith('Đồng chí') && row[1].includes('vắng mặt không có lý do'),
    );
    expect(reasonRow).toBeGreaterThan(0);
    expect(layout.rowHeights?.[reasonRow]).toBeGreaterThanOrEqual(rowHeightPoints(3, 13));
  });
});

describe('template sheets print on A4, one page wide', () => {
  test('every visible sheet has a print setup, the header repeated, row heights', () => {
    const layouts = templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'dia-ban', year: 2025 });
    for (const layout of layouts.filter((l) => !l.hidden)) {
      expect(layout.print).toMatchObject({ paper: 'A4', fitToWidth: true, titleRows: '1:1', margins: DOCUMENT_MARGINS });
      expect(layout.rowHeights?.[0]).toBeGreaterThan(0);
    }
    const byName = new Map(layouts.map((l) => [l.name, l]));
    expect(byName.get('Thông tin')?.print).toMatchObject({ orientation: 'portrait', area: `A1:B${byName.get('Thông tin')!.values.length}` });
    // Helper formula columns are left out of the printed columns.
    expect(byName.get('Tiêu chí')?.print).toMatchObject({ orientation: 'landscape', area: 'A:E' });
    expect(byName.get('Sinh hoạt')?.print?.area).toBe('A:L');
    const criteria = byName.get('Tiêu chí')!;
    const longest = criteria.values.reduce(
      (best, row, r) => (String(row[1] ?? '').length > String(criteria.values[best]?.[1] ?? '').length ? r : best),
      1,
    );
    expect(criteria.rowHeights?.[longest]).toBeGreaterThanOrEqual(rowHeightPoints(4, 11));
  });
});
