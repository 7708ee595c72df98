/**
 * Legacy encodings (TCVN3, VNI) in the workbook layer: LEGACY_ENCODING warnings with the Unicode
 * text and the cell, converted labels that count, the workbook's preferred encoding, no false
 * alarms on Unicode workbooks, and the plan of cells to convert (planLegacyFix).
 */
import { detectLegacyEncoding, toTcvn3, toVni } from '../../src/core/legacyEncoding';
import type { Issue } from '../../src/core/types';
import { a1 } from '../../src/workbook/a1';
import { checkWorkbook } from '../../src/workbook/check';
import {
  backupSheetName,
  countBySheet,
  isBackupSheetName,
  legacyEncodingMessage,
  planLegacyFix,
  PRODUCT_TEXTS,
  scanLegacyEncoding,
  unicodeFontFor,
} from '../../src/workbook/legacyFix';
import { markerFor } from '../../src/workbook/generated';
import { labelText, readWorkbook } from '../../src/workbook/read';
import type { CheckResult, SheetGrid } from '../../src/workbook/types';
import { ENGLISH, LABELS_AND_CELLS, PLACES, fullNames } from '../core/legacyEncodingCorpus';
import { AS_OF, chiBoBook, chiBoSpec, dangBoBook, validChiBo, validDangBo, type FixtureBook } from './grids';

const check = (grids: SheetGrid[]): CheckResult => checkWorkbook(grids, { asOf: AS_OF });
const legacyIssues = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.code === 'LEGACY_ENCODING');
const otherIssues = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.code !== 'LEGACY_ENCODING');

/** The verdict without the warnings: what must not change when text is typed in a legacy font. */
function verdict(result: CheckResult): unknown {
  return { eligible: result.eligible, criteria: result.criteria, reasons: result.reasons, stats: result.stats, organization: result.organization };
}

/** Every string cell of a book through a converter. */
function encodeAll(book: FixtureBook, encode: (text: string) => string): FixtureBook {
  return book.mapText((text) => encode(text));
}

const ENCODERS = [
  ['TCVN3', toTcvn3],
  ['VNI', toVni],
] as const;

describe('the label seam', () => {
  test('a TCVN3 rating: the Unicode text, one warning with the cell, the message of SPEC §3', () => {
    const issues: Issue[] = [];
    const text = labelText('  Hoµn thµnh tèt nhiÖm vô ', { sheet: 'Đảng viên', cell: 'F3' }, issues);
    expect(text).toBe('Hoàn thành tốt nhiệm vụ');
    expect(issues).toEqual([
      {
        severity: 'warning',
        sheet: 'Đảng viên',
        cell: 'F3',
        code: 'LEGACY_ENCODING',
        message:
          'Văn bản gõ bằng phông TCVN3 (ABC): "Hoµn thµnh tèt nhiÖm vô" — chữ Unicode là "Hoàn thành tốt nhiệm vụ". Hãy chuyển mã sang Unicode.',
        text: {
          key: 'LEGACY_ENCODING',
          params: { encoding: 'TCVN3 (ABC)', before: 'Hoµn thµnh tèt nhiÖm vô', after: 'Hoàn thành tốt nhiệm vụ' },
        },
      },
    ]);
  });

  test('VNI text names its font', () => {
    const issues: Issue[] = [];
    expect(labelText('Nguyeãn Vaên An', { sheet: 'Đảng viên', cell: 'B2' }, issues)).toBe('Nguyễn Văn An');
    expect(issues[0]?.message).toBe(legacyEncodingMessage('VNI', 'Nguyeãn Vaên An', 'Nguyễn Văn An').message);
    expect(issues[0]?.message).toContain('VNI (VNI-Times)');
  });

  test('Unicode, English, numbers and dates pass unchanged and unflagged', () => {
    const issues: Issue[] = [];
    const at = { sheet: 'x', cell: 'A1' };
    expect(labelText('Hoàn thành tốt nhiệm vụ', at, issues)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(labelText('Hoàn thành tốt nhiệm vụ'.normalize('NFD'), at, issues)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(labelText('Café résumé', at, issues)).toBe('Café résumé');
    expect(labelText(2025, at, issues)).toBe('2025');
    expect(labelText(new Date(Date.UTC(2025, 0, 15)), at, issues)).toBe('2025-01-15');
    expect(issues).toEqual([]);
  });
});

describe('the reader with legacy text', () => {
  test.each(ENCODERS)('a chi bộ whose Xếp loại column is in %s gets the Unicode verdict, plus one warning per rating cell', (_name, encode) => {
    const book = chiBoBook();
    const ratings: string[] = [];
    for (let row = 2; row <= 14; row++) {
      const value = book.get('Đảng viên', `F${row}`);
      if (typeof value === 'string') {
        book.set('Đảng viên', `F${row}`, encode(value));
        ratings.push(`F${row}`);
      }
    }
    const unicode = check(validChiBo());
    const legacy = check(book.grids());
    expect(unicode.eligible).toBe(true);
    expect(verdict(legacy)).toEqual(verdict(unicode));
    expect(otherIssues(legacy.issues)).toEqual([]);
    const warnings = legacyIssues(legacy.issues);
    expect(warnings.map((w) => `${w.sheet}!${w.cell}`)).toEqual(ratings.map((cell) => `Đảng viên!${cell}`));
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(warnings[1]?.message).toContain('— chữ Unicode là "Hoàn thành tốt nhiệm vụ"');
    const members = readWorkbook(book.grids()).records.members ?? [];
    expect(members.map((m) => m.rating)).toEqual((readWorkbook(validChiBo()).records.members ?? []).map((m) => m.rating));
  });

  test.each(ENCODERS)('a chi bộ that is not eligible stays so, for the same reasons, in %s', (_name, encode) => {
    const spec = chiBoSpec();
    // 4 of 12 rated members at HTNV: 66.67 % at HTTNV or above, under the 80 % of the policy.
    for (const index of [2, 3, 4]) (spec.members[index] as { rating: unknown }).rating = 'Hoàn thành nhiệm vụ';
    const unicode = check(chiBoBook(spec).grids());
    expect(unicode.eligible).toBe(false);
    expect(unicode.reasons.map((r) => r.code)).toContain('RATING_GOOD_SHARE_LOW');
    const legacy = check(encodeAll(chiBoBook(spec), encode).grids());
    expect(verdict(legacy)).toEqual(verdict(unicode));
    expect(otherIssues(legacy.issues)).toEqual([]);
  });

  test.each(ENCODERS)('a whole chi bộ workbook typed in %s reads as the Unicode one; every warned cell once', (_name, encode) => {
    const unicode = readWorkbook(validChiBo());
    const legacy = readWorkbook(encodeAll(chiBoBook(), encode).grids());
    expect(legacy.records).toEqual(unicode.records);
    expect(otherIssues(legacy.issues)).toEqual([]);
    const places = legacyIssues(legacy.issues).map((w) => `${w.sheet}!${w.cell}`);
    expect(new Set(places).size).toBe(places.length);
    // Headers, names, labels; the short ones too: TCVN3 "Cã" (Có), "M·" (Mã), VNI "Toát" (Tốt).
    expect(places).toEqual(expect.arrayContaining(['Thông tin!A1', 'Đảng viên!B2', 'Đảng viên!F3', 'Sinh hoạt!C2', 'Tiêu chí!A1', 'Thông tin!B7']));
    expect(check(encodeAll(chiBoBook(), encode).grids()).eligible).toBe(true);
  });

  test.each(ENCODERS)('a đảng bộ cơ sở typed in %s gets the Unicode verdict', (_name, encode) => {
    const legacy = check(encodeAll(dangBoBook(), encode).grids());
    expect(verdict(legacy)).toEqual(verdict(check(validDangBo())));
    expect(otherIssues(legacy.issues)).toEqual([]);
    expect(legacyIssues(legacy.issues).length).toBeGreaterThan(0);
  });

  test('names in one sheet in TCVN3 and Unicode in the other still pair (Đảng viên ↔ Điểm danh)', () => {
    const book = chiBoBook();
    for (let row = 2; row <= 14; row++) book.set('Đảng viên', `B${row}`, toTcvn3(book.get('Đảng viên', `B${row}`) as string));
    book.removeColumn('Đảng viên', 'Số thẻ đảng viên');
    book.removeColumn('Điểm danh', 'Số thẻ đảng viên');
    const result = readWorkbook(book.grids());
    expect(otherIssues(result.issues)).toEqual([]);
    const members = result.records.members ?? [];
    const rows = result.records.attendance?.rows ?? [];
    expect(members.map((m) => m.key)).toEqual(rows.map((r) => r.key));
    expect(members[0]?.name).toBe('Nguyễn Văn An');
  });

  test('warnings come from the cells the reader reads, not from columns it ignores (Ghi chú), whatever the row', () => {
    const book = chiBoBook();
    book.set('Đảng viên', 'H3', toTcvn3('Chuyển sinh hoạt đến từ Đảng bộ phường'));
    book.set('Đảng viên', 'H13', toTcvn3('Chuyển sinh hoạt đến từ Đảng bộ phường'));
    book.set('Đảng viên', 'G4', toTcvn3('Khiển trách'));
    const result = readWorkbook(book.grids());
    expect(result.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(['LEGACY_ENCODING Đảng viên!G4']);
    expect(result.records.members?.[2]?.discipline).toBe('Khiển trách');
    // The conversion covers every text cell, read or not.
    expect(planLegacyFix(book.grids()).map((fix) => fix.cell)).toEqual(['H3', 'G4', 'H13']);
  });

  test('the workbook’s dominant encoding settles a text that reads both ways ("Thö": TCVN3 Thử, VNI Thư)', () => {
    const withKyLuat = (encode: (text: string) => string): SheetGrid[] => {
      const book = encodeAll(chiBoBook(), encode);
      book.set('Đảng viên', 'B3', 'Thö');
      return book.grids();
    };
    const name = (grids: SheetGrid[]): string | undefined => readWorkbook(grids).records.members?.[1]?.name;
    expect(name(withKyLuat(toVni))).toBe('Thư');
    expect(name(withKyLuat(toTcvn3))).toBe('Thử');
    expect(scanLegacyEncoding(withKyLuat(toVni)).prefer).toBe('VNI');
    expect(scanLegacyEncoding(withKyLuat(toTcvn3)).prefer).toBe('TCVN3');
  });

  test('a short label is read in the workbook’s encoding only when the workbook has legacy text', () => {
    // "Cã" is TCVN3 for "Có", too short for detection alone.
    const unicodeBook = chiBoBook().set('Thông tin', 'B7', 'Cã');
    const alone = readWorkbook(unicodeBook.grids());
    expect(alone.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(['VALUE_INVALID B7']);
    const legacyBook = encodeAll(chiBoBook(), toTcvn3);
    expect(legacyBook.get('Thông tin', 'B7')).toBe('Cã');
    const read = readWorkbook(legacyBook.grids());
    expect(read.records.info.hasCommittee).toBe(true);
    expect(read.issues.find((i) => i.cell === 'B7' && i.sheet === 'Thông tin')?.message).toContain('chữ Unicode là "Có"');
  });
});

describe('no false alarms', () => {
  test('the texts the product writes (headers, seed criteria, policy descriptions) are not legacy: the first pass may skip them', () => {
    expect(PRODUCT_TEXTS.size).toBeGreaterThan(100);
    for (const text of PRODUCT_TEXTS) {
      expect([text, detectLegacyEncoding(text)]).toEqual([text, null]);
      expect([text, detectLegacyEncoding(text, { prefer: 'VNI' })]).toEqual([text, null]);
    }
  });

  test('the valid fixtures, in NFC, NFD and capitals, give no warning', () => {
    expect(readWorkbook(validChiBo()).issues).toEqual([]);
    expect(readWorkbook(validDangBo()).issues).toEqual([]);
    expect(
      readWorkbook(
        chiBoBook()
          .mapText((t) => t.normalize('NFD'))
          .grids(),
      ).issues,
    ).toEqual([]);
    expect(
      readWorkbook(
        chiBoBook()
          .mapText((t) => t.toUpperCase())
          .grids(),
      ).issues,
    ).toEqual([]);
    expect(planLegacyFix(validChiBo())).toEqual([]);
    expect(planLegacyFix(validDangBo())).toEqual([]);
  });

  test('a Đảng viên sheet of ordinary Unicode names, places, labels and English text: no LEGACY_ENCODING', () => {
    const texts = [...fullNames(), ...PLACES, ...LABELS_AND_CELLS, ...ENGLISH];
    const book = chiBoBook();
    const rows = book.values('Đảng viên');
    texts.forEach((text, index) => {
      rows.push([14 + index, text, `8${String(index).padStart(7, '0')}`, null, null, null, null, text]);
    });
    const issues = legacyIssues(readWorkbook(book.grids()).issues);
    expect(issues).toEqual([]);
    expect(planLegacyFix(book.grids())).toEqual([]);
    expect(scanLegacyEncoding(book.grids()).hasLegacy).toBe(false);
  });
});

describe('planLegacyFix', () => {
  const mixed = (): SheetGrid[] => [
    {
      name: 'Đảng viên',
      originRow: 2,
      originCol: 1,
      values: [
        ['Hä vµ tªn', 'XÕp lo¹i', 'Ghi chú', 'Số'],
        ['NguyÔn V¨n An', 'Hoµn thµnh tèt nhiÖm vô', 'Đã chuyển sinh hoạt', 12],
        ['Trần Thị Bình', '  Hoaøn thaønh nhieäm vuï ', 'Café', new Date(Date.UTC(2025, 2, 1))],
        ['Lª ThÞ Hoa', 'HTTNV', null, true],
      ],
    },
    { name: 'Khác', originRow: 0, originCol: 0, values: [['Chi bé c¬ së', 'Chi bộ cơ sở', 'Nguyễn V¨n An']] },
    { name: 'Tổng hợp', originRow: 0, originCol: 0, values: [['Hoµn thµnh', markerFor('tong-hop')]] },
    { name: 'Đảng viên (bản gốc)', originRow: 0, originCol: 0, values: [['NguyÔn V¨n An']] },
  ];

  test('lists exactly the flagged cells, with addresses from the origin, encodings and kept spaces', () => {
    expect(planLegacyFix(mixed())).toEqual([
      { sheet: 'Đảng viên', cell: 'B3', before: 'Hä vµ tªn', after: 'Họ và tên', encoding: 'TCVN3' },
      { sheet: 'Đảng viên', cell: 'C3', before: 'XÕp lo¹i', after: 'Xếp loại', encoding: 'TCVN3' },
      { sheet: 'Đảng viên', cell: 'B4', before: 'NguyÔn V¨n An', after: 'Nguyễn Văn An', encoding: 'TCVN3' },
      { sheet: 'Đảng viên', cell: 'C4', before: 'Hoµn thµnh tèt nhiÖm vô', after: 'Hoàn thành tốt nhiệm vụ', encoding: 'TCVN3' },
      { sheet: 'Đảng viên', cell: 'C5', before: '  Hoaøn thaønh nhieäm vuï ', after: '  Hoàn thành nhiệm vụ ', encoding: 'VNI' },
      { sheet: 'Đảng viên', cell: 'B6', before: 'Lª ThÞ Hoa', after: 'Lê Thị Hoa', encoding: 'TCVN3' },
      { sheet: 'Khác', cell: 'A1', before: 'Chi bé c¬ së', after: 'Chi bộ cơ sở', encoding: 'TCVN3' },
      // A mixed cell: only its legacy word changes.
      { sheet: 'Khác', cell: 'C1', before: 'Nguyễn V¨n An', after: 'Nguyễn Văn An', encoding: 'TCVN3' },
    ]);
  });

  test('counts per sheet and encoding', () => {
    expect(countBySheet(planLegacyFix(mixed()))).toEqual([
      { sheet: 'Đảng viên', cells: 6, encodings: { TCVN3: 5, VNI: 1 } },
      { sheet: 'Khác', cells: 2, encodings: { TCVN3: 2, VNI: 0 } },
    ]);
  });

  test('agrees with the reader: every LEGACY_ENCODING cell is in the plan with the same Unicode text', () => {
    const grids = encodeAll(chiBoBook(), toVni).grids();
    const plan = planLegacyFix(grids);
    const planned = new Map(plan.map((fix) => [`${fix.sheet}!${fix.cell}`, fix.after]));
    const warnings = legacyIssues(readWorkbook(grids).issues);
    expect(warnings.length).toBeGreaterThan(100);
    for (const warning of warnings) {
      const after = planned.get(`${warning.sheet}!${warning.cell}`);
      expect(after).toBeDefined();
      expect(warning.message).toContain(`chữ Unicode là "${after?.trim()}"`);
    }
    // After the plan, nothing is left to convert and the workbook reads without warnings.
    const fixed = grids.map((grid) => ({
      ...grid,
      values: grid.values.map((row, r) =>
        row.map((value, c) => {
          const fix = plan.find((f) => f.sheet === grid.name && f.cell === a1(grid.originRow + r, grid.originCol + c));
          return fix ? fix.after : value;
        }),
      ),
    }));
    expect(planLegacyFix(fixed)).toEqual([]);
    expect(readWorkbook(fixed).issues).toEqual([]);
  });
});

describe('helpers', () => {
  test('backup sheet names: suffix, Excel’s 31 characters, no clash', () => {
    expect(backupSheetName('Đảng viên', [])).toBe('Đảng viên (bản gốc)');
    expect(backupSheetName('Đảng viên', ['ĐẢNG VIÊN (BẢN GỐC)'])).toBe('Đảng viên (bản gốc 2)');
    const long = backupSheetName('Danh sách đảng viên chi bộ khu phố 3', []);
    expect([...long].length).toBeLessThanOrEqual(31);
    expect(long.endsWith(' (bản gốc)')).toBe(true);
    expect(isBackupSheetName('Đảng viên (bản gốc)')).toBe(true);
    expect(isBackupSheetName('Đảng viên (bản gốc 3)')).toBe(true);
    expect(isBackupSheetName('Đảng viên')).toBe(false);
  });

  test('legacy fonts get a Unicode font; other fonts are left alone', () => {
    expect(unicodeFontFor('.VnTime')).toBe('Times New Roman');
    expect(unicodeFontFor('.VnTimeH')).toBe('Times New Roman');
    expect(unicodeFontFor('.VnArial')).toBe('Arial');
    expect(unicodeFontFor('VNI-Times')).toBe('Times New Roman');
    expect(unicodeFontFor('VNI-Helve')).toBe('Arial');
    expect(unicodeFontFor('Times New Roman')).toBeNull();
    expect(unicodeFontFor('Calibri')).toBeNull();
    expect(unicodeFontFor(undefined)).toBeNull();
  });
});
