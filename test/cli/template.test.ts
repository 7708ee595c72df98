/** `bontot template` as a process, and the committed samples. */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { readWorkbookFile } from '../../src/hosts/xlsx/node';
import { makeSamples } from '../../scripts/make-samples';
import { ROOT, runCli, sha256, tempDir } from './helpers';

const AS_OF = '2026-03-01';
let dir: string;

beforeAll(() => {
  dir = tempDir('bontot-template-');
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('template', () => {
  it('writes a chi bộ workbook with the chosen Loại hình, year and name', async () => {
    const run = await runCli(
      ['template', 'chi-bo.xlsx', '--kind', 'chi-bo', '--type', 'doanh-nghiep', '--year', '2025', '--name', 'Chi bộ Công ty TNHH Hòa Bình'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Đã tạo sổ tính mẫu: chi-bo.xlsx (Chi bộ Công ty TNHH Hòa Bình; Chi bộ cơ sở; năm 2025; loại hình: Doanh nghiệp)');
    const wb = await load(join(dir, 'chi-bo.xlsx'));
    expect(wb.keywords).toBe('bontot:template');
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Thông tin', 'Đảng viên', 'Sinh hoạt', 'Điểm danh', 'Tiêu chí', 'Cấu hình']));
    expect(names).not.toContain('Chi bộ trực thuộc');
    expect(wb.getWorksheet('Cấu hình')!.state).toBe('hidden');
    const info = wb.getWorksheet('Thông tin')!;
    const values = new Map<string, unknown>();
    info.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Tên tổ chức')).toBe('Chi bộ Công ty TNHH Hòa Bình');
    expect(values.get('Năm đánh giá')).toBe(2025);
    expect(values.get('Loại hình')).toBe('Doanh nghiệp');
    // Frozen header and dropdowns survive the file round trip.
    const members = wb.getWorksheet('Đảng viên')!;
    expect(members.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const criteria = wb.getWorksheet('Tiêu chí')!;
    const texts: string[] = [];
    criteria.eachRow((row) => texts.push(String(row.getCell(2).value ?? '')));
    expect(texts.join('\n')).toContain('doanh nghiệp');
  });

  it('an empty template, checked, gives data errors — not a crash', async () => {
    await runCli(['template', 'trong.xlsx', '--year', '2025'], dir);
    const run = await runCli(['check', 'trong.xlsx', '--json', '--as-of', AS_OF], dir);
    expect(run.code).toBe(1);
    const entry = JSON.parse(run.stdout).files[0];
    expect(entry.organization).toMatchObject({ kind: 'chi-bo', level: 'co-so', year: 2025 });
    expect(entry.eligible).toBe(false);
    const codes = new Set(entry.reasons.map((r: { code: string }) => r.code));
    expect(codes.has('RATING_MISSING') || codes.has('CRITERION_MISSING') || codes.has('DATA_INVALID')).toBe(true);
    expect(entry.criteria.every((c: { pass: boolean }) => c.pass === false)).toBe(true);
    expect(entry.issues.some((i: { code: string }) => i.code === 'SCORE_MISSING')).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('a đảng bộ template has Chi bộ trực thuộc and no meeting sheets', async () => {
    const run = await runCli(['template', 'dang-bo.xlsx', '--kind', 'dang-bo', '--type', 'vu-trang', '--year', '2026'], dir);
    expect(run.code).toBe(0);
    const sheets = await readWorkbookFile(join(dir, 'dang-bo.xlsx'));
    const names = sheets.map((s) => s.name);
    expect(names).toContain('Chi bộ trực thuộc');
    expect(names).not.toContain('Sinh hoạt');
    const checked = await runCli(['check', 'dang-bo.xlsx', '--json', '--as-of', AS_OF], dir);
    expect(JSON.parse(checked.stdout).files[0].organization).toMatchObject({ kind: 'dang-bo', level: 'co-so', year: 2026 });
  });

  it('never overwrites an existing file unless --force', async () => {
    const path = join(dir, 'chi-bo.xlsx');
    const before = sha256(path);
    const refused = await runCli(['template', 'chi-bo.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('đã có');
    expect(sha256(path)).toBe(before);
    expect((await runCli(['template', 'chi-bo.xlsx', '--force', '--year', '2024'], dir)).code).toBe(0);
    expect(sha256(path)).not.toBe(before);
    expect((await runCli(['template', 'mau.xls'], dir)).code).toBe(2);
  });
});

describe('samples', () => {
  it('are what scripts/make-samples.ts makes (regenerated: same sheets and values)', async () => {
    const out = tempDir('bontot-samples-');
    const made = await makeSamples(out);
    for (const file of made) {
      const name = file.slice(out.length + 1);
      const fresh = await readWorkbookFile(file);
      const committed = await readWorkbookFile(join(ROOT, 'samples', name));
      expect(committed).toEqual(fresh);
    }
  });

  it('bontot check finds the planted problems', async () => {
    const run = await runCli(['check', 'samples/chi-bo-mau.xlsx', 'samples/dang-bo-mau.xlsx', '--json', '--as-of', AS_OF], ROOT);
    expect(run.code).toBe(1);
    const [chiBo, dangBo] = JSON.parse(run.stdout).files;
    expect(chiBo.organization).toEqual({ name: 'Chi bộ Khu phố 3', kind: 'chi-bo', level: 'truc-thuoc', year: 2025 });
    // October at 11 of 14 (MEETING_ATTENDANCE_LOW, a warning); September's two same-day rows are one session, without a reason.
    expect(chiBo.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'ABSENCE_UNEXCUSED',
      'DURATION_SHORT',
      'MEETING_ATTENDANCE_LOW',
      'MEETING_SELF_LOW',
    ]);
    expect(chiBo.issues).toEqual([]);
    expect(dangBo.organization.kind).toBe('dang-bo');
    expect(dangBo.reasons.map((r: { code: string }) => r.code).sort()).toEqual(['CRITERION_LOW', 'RATING_MISSING']);
  });
});
