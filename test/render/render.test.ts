/**
 * A real render (`npm run test:render`, not part of `npm test`): the summary of the sample, the
 * consolidation of both samples and a new template, as the product writes them, printed to PDF by
 * LibreOffice (`soffice --headless --convert-to pdf`), which does not re-measure rows and so shows
 * what a file without row heights or page setup would print. Asserts the paper (A4), the
 * orientation and the page counts; every page is kept as a PNG (pdftoppm) in
 * test/e2e/__renders__ for review beside the browser screenshots.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { writeDocuments, ROOT, type WrittenDocuments } from './documents';

const OUT = join(ROOT, 'test', 'e2e', '__renders__');
const A4 = { short: 595.3, long: 841.9 };

interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

function pdfInfo(pdf: string): PdfInfo {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(text)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Text of one page, laid out (pdftotext -layout). */
function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

function toPdf(files: string[], dir: string): void {
  // A profile of its own, so a LibreOffice the user has open does not take the job.
  const profile = `file://${join(dir, 'profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'pipe',
    timeout: 240_000,
  });
}

function keepPngs(pdf: string, name: string): string[] {
  for (const old of readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(OUT, old));
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, name)]);
  return readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

const pdfOf = (dir: string, file: string): string => join(dir, basename(file).replace(/\.xlsx$/, '.pdf'));

describe('documents printed by LibreOffice', () => {
  let dir: string;
  let docs: WrittenDocuments;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bontot-render-'));
    mkdirSync(OUT, { recursive: true });
    docs = await writeDocuments(dir);
    toPdf([docs.summary, docs.consolidation, ...docs.template.map((t) => t.file)], dir);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the summary of the sample: one A4 portrait page, nothing clipped', () => {
    const pdf = pdfOf(dir, docs.summary);
    const info = pdfInfo(pdf);
    expect(info).toEqual({ pages: 1, width: expect.closeTo(A4.short, 0), height: expect.closeTo(A4.long, 0) });
    const text = pageText(pdf, 1).replace(/\s+/g, ' ');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG BỘ PHƯỜNG BẾN THÀNH');
    // The reasons print whole: their dates and thresholds are on the page (a row without a stored
    // height would print one line of each).
    expect(text).toContain('08/07/2025; theo Kế hoạch, không được có đảng viên vắng mặt không có lý do.');
    expect(text).toContain('90 phút (sinh hoạt thường kỳ, chi bộ có 14 đảng viên).');
    expect(text).toContain('dưới mức Khá (lưu ý khi tự đánh giá Trung bình, Kém hoặc Không đạt).');
    expect(text).toContain('trang Điểm danh, ô J4');
    expect(text).toContain('T/M CHI ỦY');
    expect(keepPngs(pdf, 'tong-hop')).toHaveLength(1);
  });

  test('the consolidation: A4 landscape, one page wide', () => {
    const pdf = pdfOf(dir, docs.consolidation);
    const info = pdfInfo(pdf);
    expect(info).toEqual({ pages: 1, width: expect.closeTo(A4.long, 0), height: expect.closeTo(A4.short, 0) });
    const text = pageText(pdf, 1).replace(/\s+/g, ' ');
    // The first and the last printed column on the one page.
    expect(text).toContain('STT');
    expect(text).toContain('Tệp nguồn');
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG BẾN THÀNH');
    expect(text).toContain('T/M ĐẢNG ỦY');
    expect(keepPngs(pdf, 'tong-hop-to-chuc')).toHaveLength(1);
  });

  test('the template: A4, one page wide per sheet (every page holds the first and last header)', () => {
    for (const [index, { sheet, file }] of docs.template.entries()) {
      const pdf = pdfOf(dir, file);
      const info = pdfInfo(pdf);
      expect({ sheet, size: [Math.min(info.width, info.height), Math.max(info.width, info.height)] }).toEqual({
        sheet,
        size: [expect.closeTo(A4.short, 0), expect.closeTo(A4.long, 0)],
      });
      expect(info.pages).toBeGreaterThanOrEqual(1);
      expect(info.pages).toBeLessThanOrEqual(4);
      for (let page = 1; page <= info.pages; page++) {
        const text = pageText(pdf, page);
        const first = { 'Thông tin': 'Mục', 'Đảng viên': 'STT', 'Sinh hoạt': 'STT', 'Điểm danh': 'Họ và tên', 'Tiêu chí': 'Mã' }[sheet] ?? '';
        const last =
          { 'Thông tin': 'Giá trị', 'Đảng viên': 'Ghi chú', 'Sinh hoạt': 'Tự đánh giá', 'Điểm danh': '', 'Tiêu chí': 'Minh chứng' }[sheet] ?? '';
        expect({ sheet, page, first: text.includes(first), last: text.includes(last), helper: /#NAME\?/.test(text) }).toEqual({
          sheet,
          page,
          first: true,
          last: true,
          helper: false,
        });
      }
      expect(keepPngs(pdf, `mau-${index + 1}`).length).toBe(info.pages);
    }
  });
});
