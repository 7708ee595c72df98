/**
 * Hostile files for the reader the standalone page and the CLI use (readWorkbookBuffer): each one
 * is refused with a clear Vietnamese WorkbookReadError, or read with bounded work — never another
 * exception, never an unhandled rejection, never a hang.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { readWorkbookBuffer, writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';
import { DEFAULT_ZIP_LIMITS, inspectXlsxZip, WorkbookReadError, type WorkbookReadErrorCode } from '../../src/hosts/xlsx/zip';
import { nodeInflateRaw, readWorkbookBuffer as readWorkbookBufferNode } from '../../src/hosts/xlsx/node';
import { fixLegacyEncoding } from '../../src/hosts/xlsx/fix';
import { params } from './fuzz';
import { declareSize, layout, lyingSheet, manyRows, manySheets, smallWorkbook, withParts, xlsBytes } from './hostileFiles';

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

async function refusedBy(
  read: typeof readWorkbookBuffer,
  bytes: Uint8Array,
  options: Parameters<typeof readWorkbookBuffer>[1],
): Promise<WorkbookReadError> {
  try {
    await read(bytes, options);
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      expect(error.message).toMatch(VIETNAMESE);
      return error;
    }
    throw error;
  }
  throw new Error('expected a WorkbookReadError');
}

/**
 * The refusal of the browser reader (DecompressionStream checks), and the same refusal from the
 * Node reader (xlsxFile.ts: zlib's synchronous inflate for the checks).
 */
async function refusal(bytes: Uint8Array, options: Parameters<typeof readWorkbookBuffer>[1] = {}): Promise<WorkbookReadError> {
  const browser = await refusedBy(readWorkbookBuffer, bytes, options);
  const node = await refusedBy(readWorkbookBufferNode, bytes, options);
  expect({ code: node.code, message: node.message }).toEqual({ code: browser.code, message: browser.message });
  return browser;
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));
afterEach(() => expect(unhandled).toEqual([]));

describe('not a workbook', () => {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  test.each<{ name: string; bytes: Uint8Array; code: WorkbookReadErrorCode }>([
    { name: 'an empty file', bytes: new Uint8Array(0), code: 'EMPTY' },
    { name: 'a CSV', bytes: text('Họ và tên,Xếp loại\nAn,HTTNV\n'), code: 'NOT_ZIP' },
    {
      name: 'an HTML page saved as .xlsx',
      bytes: text('<!doctype html><html><body><table><tr><td>=1+1</td></tr></table></body></html>'),
      code: 'NOT_ZIP',
    },
    { name: 'a PDF', bytes: text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), code: 'NOT_ZIP' },
    { name: 'a PNG', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), code: 'NOT_ZIP' },
    { name: 'an .xls (OLE2)', bytes: xlsBytes(), code: 'XLS' },
    { name: 'a zip local header and nothing else', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), code: 'DAMAGED' },
    { name: 'the first bytes of a zip', bytes: new Uint8Array([0x50, 0x4b, 0x03]), code: 'NOT_ZIP' },
  ])('$name → $code', async ({ bytes, code }) => {
    expect((await refusal(bytes)).code).toBe(code);
  });

  test('random bytes are refused, whatever they are', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.uint8Array({ maxLength: 3000 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
        ),
        async (bytes) => {
          await refusal(bytes);
        },
      ),
      params(200),
    );
  });
});

describe('damaged workbooks', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await writeWorkbookBuffer(
      [layout({ name: 'Đảng viên', values: [['Họ và tên', 'Xếp loại'], ...Array.from({ length: 300 }, (_, i) => [`Đảng viên ${i + 1}`, 'HTTNV'])] })],
      { kind: null },
    );
  });

  test('cut at any point (a download that did not finish) → DAMAGED', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: good.length - 1 }), async (cut) => {
        expect((await refusal(good.slice(0, cut))).code).toBe('DAMAGED');
      }),
      params(60),
    );
  });

  test('bytes overwritten anywhere: read, or refused with a WorkbookReadError — nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const bytes = good.slice();
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        try {
          const sheets = await readWorkbookBuffer(bytes);
          expect(Array.isArray(sheets)).toBe(true);
        } catch (error) {
          if (!(error instanceof WorkbookReadError)) throw error;
          expect(error.message).toMatch(VIETNAMESE);
        }
      }),
      params(80),
    );
  });

  test('a workbook.xml that is not XML → DAMAGED with the reason', async () => {
    const bytes = await withParts(good, { 'xl/workbook.xml': '<<<không phải XML' });
    expect((await refusal(bytes)).code).toBe('DAMAGED');
  });
});

describe('zip bombs', () => {
  test('a part that declares 100 KB and inflates to 40 MB is stopped at its declared size', async () => {
    const bytes = await lyingSheet(40 * 1024 * 1024, 100_000);
    expect(bytes.length).toBeLessThan(200_000);
    const error = await refusal(bytes);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('bom nén');
  });

  test('a small part (under 64 KB compressed) that lies is refused too', async () => {
    const bytes = await lyingSheet(20 * 1024 * 1024, 1000);
    const error = await refusal(bytes);
    expect(['TOO_LARGE', 'DAMAGED']).toContain(error.code);
  });

  test('an honest part over the declared limits is refused from the central directory alone', async () => {
    const bytes = await lyingSheet(2 * 1024 * 1024, 2 * 1024 * 1024);
    const error = await refusal(bytes, { limits: { maxEntryBytes: 1024 * 1024 } });
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('1 MB mỗi phần');
  });

  test("a small part that is no sheet and lies is refused with our message, not a library's", async () => {
    const base = await smallWorkbook();
    const styles = await (await JSZip.loadAsync(base)).file('xl/styles.xml')!.async('string');
    const padded = await withParts(base, { 'xl/styles.xml': styles.replace('<numFmts', `${' '.repeat(2 * 1024 * 1024)}<numFmts`) }, 9);
    const bytes = declareSize(padded, 'xl/styles.xml', 1000);
    expect(inspectXlsxZip(bytes).find((e) => e.name === 'xl/styles.xml')?.compressedSize).toBeLessThan(64 * 1024);
    for (const error of [
      await refusal(bytes),
      await fixLegacyEncoding(bytes, { inflateRaw: nodeInflateRaw }).then(
        () => null,
        (e: unknown) => e,
      ),
    ]) {
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as WorkbookReadError).code).toBe('TOO_LARGE');
      expect((error as WorkbookReadError).message).toContain('bom nén');
      expect((error as WorkbookReadError).message).not.toMatch(/uncompressed|mismatch|size/i);
    }
  });

  test('fix-encoding reads through the same checks', async () => {
    await expect(fixLegacyEncoding(await lyingSheet(40 * 1024 * 1024, 100_000))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(fixLegacyEncoding(xlsBytes())).rejects.toMatchObject({ code: 'XLS' });
  });
});

describe('size limits', () => {
  test(`the defaults: ${DEFAULT_ZIP_LIMITS.maxSheetRows} rows and ${DEFAULT_ZIP_LIMITS.maxSheetCells} cells a sheet`, () => {
    expect(DEFAULT_ZIP_LIMITS).toMatchObject({
      maxTotalBytes: 400 * 1024 * 1024,
      maxEntryBytes: 300 * 1024 * 1024,
      maxRatio: 500,
      maxEntries: 20_000,
      maxSheetRows: 100_000,
      maxSheetCells: 2_000_000,
    });
  });

  test('a sheet of a million rows is refused before ExcelJS builds it, naming the limit', async () => {
    const bytes = await manyRows(1_000_000);
    const error = await refusal(bytes);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('hơn 100 000 dòng');
    expect(error.message).toContain('xóa các dòng');
  });

  test('rows are counted whatever the namespace prefix (x:row)', async () => {
    const base = await manyRows(1_001);
    const zip = await JSZip.loadAsync(base);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string'))
      .replace('<worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')
      .replace(/<(\/?)(row|c|v|is|t|sheetData)([ >])/g, '<$1x:$2$3');
    const prefixed = await withParts(base, { 'xl/worksheets/sheet1.xml': xml });
    expect((await refusal(prefixed, { limits: { maxSheetRows: 1_000 } })).code).toBe('TOO_LARGE');
  });

  test('at the row limit a sheet is read; one row more is refused', async () => {
    const bytes = await manyRows(1_000);
    const sheets = await readWorkbookBuffer(bytes, { limits: { maxSheetRows: 1_000 } });
    expect(sheets[0]?.values).toHaveLength(1_000);
    expect(sheets[0]?.values[999]).toEqual([1_000, 'HTTNV']);
    expect((await refusal(await manyRows(1_001), { limits: { maxSheetRows: 1_000 } })).code).toBe('TOO_LARGE');
  });

  test('fix-encoding refuses the same sheets', async () => {
    await expect(fixLegacyEncoding(await manyRows(1_001), { limits: { maxSheetRows: 1_000 } })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  test('cells are counted too', async () => {
    const error = await refusal(await manyRows(600), { limits: { maxSheetCells: 1_000 } });
    expect(error.message).toContain('hơn 1 000 ô');
  });

  test('an uncompressed (stored) sheet is counted the same way', async () => {
    const zip = await JSZip.loadAsync(await manyRows(1_001));
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    expect((await refusal(stored, { limits: { maxSheetRows: 1_000 } })).code).toBe('TOO_LARGE');
  });

  test('thousands of sheets are read (bounded work), every name kept', async () => {
    const bytes = await manySheets(2_000);
    const sheets = await readWorkbookBuffer(bytes);
    expect(sheets).toHaveLength(2_000);
    expect(sheets[1_999]).toMatchObject({ name: 'Trang 2000', values: [[2_000]] });
  });

  test('more parts than the limit are refused from the central directory', async () => {
    const error = await refusal(await manySheets(30), { limits: { maxEntries: 20 } });
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('vượt giới hạn 20');
  });

  test('a small workbook is unaffected by the checks', async () => {
    expect((await readWorkbookBuffer(await smallWorkbook()))[0]?.values).toEqual([
      ['Mục', 'Giá trị'],
      ['Tên tổ chức', 'Chi bộ 1'],
    ]);
  });
});
