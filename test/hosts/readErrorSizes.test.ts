/** Sizes in read errors follow the reader's language: a decimal comma in Vietnamese, a point in English. */
import JSZip from 'jszip';
import { registerCatalogue, render } from '../../src/core/messages';
import { EN } from '../../src/core/messages/en';
import { inspectXlsxZip, WorkbookReadError } from '../../src/hosts/xlsx/zip';

registerCatalogue('en', EN);

describe('sizes in a refused zip', () => {
  it('writes "1,5 MB" in Vietnamese and "1.5 MB" in English', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(1.5 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    let error: unknown = null;
    try {
      inspectXlsxZip(bytes);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WorkbookReadError);
    const refused = error as WorkbookReadError;
    expect(refused.code).toBe('TOO_LARGE');
    expect(refused.message).toContain('phần "xl/worksheets/sheet1.xml" 1,5 MB');
    expect(refused.message).toContain('giới hạn 300 MB mỗi phần, 400 MB tổng');
    const english = render(refused.text!, 'en');
    expect(english).toContain('part "xl/worksheets/sheet1.xml" 1.5 MB');
    expect(english).not.toMatch(/\d,\d MB/);
  });
});
