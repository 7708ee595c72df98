import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { plainCellValue, readWorkbookBuffer, readWorkbookData, writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';
import { inspectXlsxZip, WorkbookReadError } from '../../src/hosts/xlsx/zip';
import { readWorkbookFile, writeWorkbookFile } from '../../src/hosts/xlsx/node';
import { keywordKindOf } from '../../src/workbook/generated';
import { FORMULA_WITHOUT_RESULT, type SheetLayout } from '../../src/workbook/types';

function layout(partial: Partial<SheetLayout> & { name: string }): SheetLayout {
  return { values: [], columns: [], formats: [], merges: [], validations: [], frozenRows: 0, hidden: false, ...partial };
}

async function excelJsBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function loadBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function readError(bytes: Uint8Array): Promise<WorkbookReadError> {
  try {
    await readWorkbookBuffer(bytes);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error('expected a WorkbookReadError');
}

describe('plainCellValue', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['abc', 'abc'],
    [3.5, 3.5],
    [Number.NaN, null],
    [true, true],
    [{ richText: [{ text: 'Chi ' }, { text: 'bộ' }] }, 'Chi bộ'],
    [{ formula: 'A1*2', result: 14 }, 14],
    [{ formula: 'A1', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    // SPEC §3 (2026-12): a formula without a stored result is not a blank cell (it was null before).
    [{ formula: 'A1' }, FORMULA_WITHOUT_RESULT],
    [{ sharedFormula: 'B2', result: 'x' }, 'x'],
    [{ text: 'trang', hyperlink: 'https://example.org' }, 'trang'],
    [{ text: { richText: [{ text: 'in' }, { text: 'ner' }] }, hyperlink: 'mailto:a@b' }, 'inner'],
    [{ error: '#N/A' }, '#N/A'],
  ])('%j → %j', (input, expected) => {
    expect(plainCellValue(input)).toEqual(expected);
  });

  it('keeps dates as Date', () => {
    const date = new Date(Date.UTC(2025, 2, 5));
    expect(plainCellValue(date)).toBe(date);
  });
});

describe('readWorkbookBuffer', () => {
  it('turns every kind of cell into a plain value and keeps the used range origin', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('Dữ liệu');
      ws.getCell('C3').value = { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Văn An' }] };
      ws.getCell('D3').value = 7;
      ws.getCell('E3').value = { formula: 'D3*2', result: 14 } as ExcelJS.CellFormulaValue;
      ws.getCell('F3').value = { text: 'biên bản', hyperlink: 'https://example.org/bb' };
      ws.getCell('G3').value = { error: ExcelJS.ErrorValue.NotApplicable };
      ws.getCell('H3').value = new Date(Date.UTC(2025, 2, 5));
      ws.getCell('C5').value = 'gộp ô';
      ws.mergeCells('C5:E5');
      ws.getCell('D6').value = '=SUM(A1)';
      const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
      hidden.getCell('A1').value = 'x';
      wb.addWorksheet('Rất ẩn', { state: 'veryHidden' }).getCell('B2').value = 1;
      wb.addWorksheet('Trống');
    });
    const sheets = await readWorkbookBuffer(bytes);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Dữ liệu', false],
      ['Ẩn', true],
      ['Rất ẩn', true],
      ['Trống', false],
    ]);
    const data = sheets[0]!;
    expect(data.originRow).toBe(2);
    expect(data.originCol).toBe(2);
    expect(data.values[0]).toEqual(['Nguyễn Văn An', 7, 14, 'biên bản', '#N/A', new Date(Date.UTC(2025, 2, 5))]);
    // A merged range reports its value in the top-left cell only, like Office.js.
    expect(data.values[2]).toEqual(['gộp ô', null, null, null, null, null]);
    // A text that looks like a formula stays text.
    expect(data.values[3]?.[1]).toBe('=SUM(A1)');
    const date = data.values[0]?.[5] as Date;
    expect(date.getUTCHours()).toBe(0);
    expect(date.toISOString().slice(0, 10)).toBe('2025-03-05');
    expect(sheets[3]).toEqual({ name: 'Trống', values: [], originRow: 0, originCol: 0, hidden: false });
  });

  it('reads the workbook-level marker', async () => {
    const bytes = await writeWorkbookBuffer([layout({ name: 'A', values: [['x']] })], { kind: 'consolidation' });
    const data = await readWorkbookData(bytes);
    expect(data.generatedKind).toBe('consolidation');
    expect(data.properties.keywords).toBe('bontot:consolidation');
    const plain = await readWorkbookData(await excelJsBytes((wb) => wb.addWorksheet('A')));
    expect(plain.generatedKind).toBeNull();
    expect(keywordKindOf({ keywords: 'tài liệu, bontot:tong-hop' })).toBe('tong-hop');
    expect(keywordKindOf({ keywords: 'notbontot:tong-hop' })).toBeNull();
  });

  it('does not expand a whole-column validation of a user file (stays fast)', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('Đảng viên');
      ws.getCell('A1').value = 'Xếp loại';
      (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('A2:A1048576', {
        type: 'list',
        allowBlank: true,
        formulae: ['"a,b"'],
      });
    });
    const started = Date.now();
    const sheets = await readWorkbookBuffer(bytes);
    expect(sheets[0]?.values).toEqual([['Xếp loại']]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('refusing what is not an .xlsx', () => {
  it('an empty file', async () => {
    expect((await readError(new Uint8Array())).code).toBe('EMPTY');
  });

  it('an .xls (OLE2) file says to save as .xlsx', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await readError(ole);
    expect(error.code).toBe('XLS');
    expect(error.message).toContain('.xls');
    expect(error.message).toContain('lưu lại dạng .xlsx');
  });

  it('a text file', async () => {
    const error = await readError(new TextEncoder().encode('Họ và tên,Xếp loại\nAn,HTTNV\n'));
    expect(error.code).toBe('NOT_ZIP');
    expect(error.message).toContain('.xlsx');
  });

  it('a truncated download', async () => {
    const bytes = await writeWorkbookBuffer([layout({ name: 'A', values: [['x', 1]] })]);
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 40]) {
      const error = await readError(bytes.slice(0, cut));
      expect(error.code).toBe('DAMAGED');
      expect(error.message).toMatch(/hỏng|chưa tải về hết/);
    }
  });

  it('a zip that is not a workbook (a .docx)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const error = await readError(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(error.code).toBe('NOT_WORKBOOK');
    expect(error.message).toContain('Word');
  });

  it('a zip bomb (extreme compression ratio) is refused before it is expanded', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(8 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(100_000);
    const error = await readError(bytes);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('bom nén');
    expect(error.message).toContain('500:1');
  });

  it('a zip that declares a huge part is refused from its central directory alone', async () => {
    const bytes = await writeWorkbookBuffer([layout({ name: 'A', values: [['x']] })]);
    const patched = bytes.slice();
    const view = new DataView(patched.buffer);
    // Find the first central-directory entry and declare 3 GB uncompressed.
    let cd = -1;
    for (let i = 0; i < patched.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        cd = i;
        break;
      }
    }
    expect(cd).toBeGreaterThan(0);
    view.setUint32(cd + 24, 3_000_000_000, true);
    expect((await readError(patched)).code).toBe('TOO_LARGE');
    expect(() => inspectXlsxZip(bytes)).not.toThrow();
  });

  it('a zip that lies about its sizes is stopped while inflating, before the lie is expanded', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(80 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Declare 1 MB for the 80 MB part, in the central directory (what readers trust).
    let patched = 0;
    for (let i = 0; i < bytes.length - 46; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 24, true) === 80 * 1024 * 1024) {
        view.setUint32(i + 24, 1024 * 1024, true);
        patched += 1;
      }
    }
    expect(patched).toBe(1);
    const entries = inspectXlsxZip(bytes);
    expect(entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.compressedSize).toBeGreaterThan(64 * 1024);
    const error = await readError(bytes);
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('nhiều hơn kích thước khai báo');
  });

  it('an honest large workbook passes the inflate check', async () => {
    const values = Array.from({ length: 20_000 }, (_, i) => [`Nguyễn Văn ${(i * 7919) % 100_003}`, i * 37, `ghi chú ${(i * 104_729) % 99_991}`]);
    const bytes = await writeWorkbookBuffer([layout({ name: 'Lớn', values })]);
    const big = inspectXlsxZip(bytes).filter((e) => e.compressedSize > 64 * 1024);
    expect(big.length).toBeGreaterThan(0);
    const sheets = await readWorkbookBuffer(bytes);
    expect(sheets[0]?.values).toHaveLength(20_000);
    expect(sheets[0]?.values[19_999]?.[1]).toBe(19_999 * 37);
  });

  it('limits can be tightened', () => {
    return writeWorkbookBuffer([layout({ name: 'A', values: [['x']] })]).then((bytes) => {
      expect(() => inspectXlsxZip(bytes, { maxTotalBytes: 100, maxEntryBytes: 100, maxRatio: 500, maxEntries: 100 })).toThrow(WorkbookReadError);
    });
  });
});

describe('writeWorkbookBuffer', () => {
  const lists = layout({
    name: 'Danh mục',
    hidden: true,
    values: [['Loại hình'], ['Cơ quan hành chính, đơn vị sự nghiệp'], ['Doanh nghiệp']],
    columns: [{ width: 40 }],
  });
  const main = layout({
    name: 'Thông tin',
    values: [
      ['Mục', 'Giá trị', 'Gấp đôi', 'Mã'],
      ['=1+1', '+84 912', 3, '1.1'],
      ['-5', '@tên', 4, null],
    ],
    formulas: { C3: '=C2*2' },
    columns: [{ width: 30 }, { width: 45 }, { width: 10, hidden: true }, { width: 8, numberFormat: '@' }],
    formats: [
      { range: 'A1:D1', bold: true, fill: '#D9E1F2', align: 'center', border: true },
      { range: 'C2:C3', numberFormat: '0.00' },
      { range: 'A2', italic: true, fontSize: 14, fontColor: '#C00000', wrap: true, verticalAlign: 'top' },
    ],
    merges: ['A5:B5'],
    validations: [
      {
        range: 'B2:B50',
        validation: { type: 'listRange', sheet: 'Danh mục', range: '$A$2:$A$3', items: ['Cơ quan hành chính, đơn vị sự nghiệp', 'Doanh nghiệp'] },
      },
      { range: 'A2:A50', validation: { type: 'list', items: ['Có', 'Không'] } },
      { range: 'C2:C50', validation: { type: 'wholeNumber', min: 0 } },
      { range: 'E2:E50', validation: { type: 'decimal', min: 0, max: 100 } },
      { range: 'F2:F50', validation: { type: 'date' } },
    ],
    frozenRows: 1,
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
    fontName: 'Times New Roman',
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const bytes = await writeWorkbookBuffer([main, lists]);
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const formulas = [...sheetXml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas).toEqual(['C2*2']);
    const wb = await loadBack(bytes);
    const ws = wb.getWorksheet('Thông tin')!;
    for (const address of ['A2', 'B2', 'A3', 'B3']) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
    }
    expect(ws.getCell('A2').value).toBe('=1+1');
    expect(ws.getCell('B3').value).toBe('@tên');
    expect(ws.getCell('C3').formula).toBe('C2*2');
    expect(ws.getCell('D2').value).toBe('1.1');
  });

  it('writes formats, merges, widths, hidden columns and sheets, frozen rows, print setup and the marker', async () => {
    const wb = await loadBack(await writeWorkbookBuffer([main, lists], { kind: 'template', title: 'Mẫu' }));
    expect(wb.keywords).toBe('bontot:template');
    expect(wb.creator).toContain('bontot');
    expect(wb.title).toBe('Mẫu');
    const ws = wb.getWorksheet('Thông tin')!;
    expect(ws.state).toBe('visible');
    expect(wb.getWorksheet('Danh mục')!.state).toBe('hidden');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(3).hidden).toBe(true);
    expect(ws.getColumn(4).numFmt).toBe('@');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.name).toBe('Times New Roman');
    expect(ws.getCell('B3').font.name).toBe('Times New Roman');
    expect((ws.getCell('D1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E1F2');
    expect(ws.getCell('B1').alignment.horizontal).toBe('center');
    expect(ws.getCell('C1').border.top?.style).toBe('thin');
    expect(ws.getCell('C2').numFmt).toBe('0.00');
    expect(ws.getCell('A2').font).toMatchObject({ italic: true, size: 14, color: { argb: 'FFC00000' } });
    expect(ws.getCell('A2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('B5').isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getCell('B10').dataValidation).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$3"] });
    expect(ws.getCell('A10').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(ws.getCell('C10').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell('E10').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(ws.getCell('F10').dataValidation).toMatchObject({ type: 'date' });
    expect(ws.getCell('A51').dataValidation).toBeUndefined();
  });

  it('refuses an inline list whose items contain commas', async () => {
    const bad = layout({ name: 'X', validations: [{ range: 'A2:A3', validation: { type: 'list', items: ['a, b', 'c'] } }] });
    await expect(writeWorkbookBuffer([bad])).rejects.toThrow(/listRange/);
  });

  it('round-trips values through the adapter', async () => {
    const bytes = await writeWorkbookBuffer([main, lists]);
    const sheets = await readWorkbookBuffer(bytes);
    expect(sheets[0]?.values[1]).toEqual(['=1+1', '+84 912', 3, '1.1']);
    // The formula cell carries its placeholder as cached result.
    expect(sheets[0]?.values[2]).toEqual(['-5', '@tên', 4, null]);
    expect(sheets[1]?.hidden).toBe(true);
  });
});

describe('file wrappers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bontot-xlsx-'));

  it('writes to a path and reads it back, or returns bytes without a path', async () => {
    const path = join(dir, 'a.xlsx');
    await writeWorkbookFile([layout({ name: 'A', values: [['xin chào']] })], path);
    expect((await readWorkbookFile(path))[0]?.values).toEqual([['xin chào']]);
    const bytes = await writeWorkbookFile([layout({ name: 'B', values: [[1]] })]);
    expect((await readWorkbookFile(bytes))[0]?.name).toBe('B');
    expect((await readWorkbookFile(bytes.buffer as ArrayBuffer))[0]?.name).toBe('B');
  });

  it('a missing file and a directory give Vietnamese errors', async () => {
    await expect(readWorkbookFile(join(dir, 'khong-co.xlsx'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Không tìm thấy'),
    });
    await expect(readWorkbookFile(dir)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('thư mục') });
  });

  it('reading never changes the file', async () => {
    const path = join(dir, 'b.xlsx');
    writeFileSync(path, await writeWorkbookBuffer([layout({ name: 'A', values: [['x']] })]));
    const before = readFileSync(path);
    await readWorkbookFile(path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
