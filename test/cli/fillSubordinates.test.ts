/**
 * `bontot fill-subordinates` as a process: a đảng bộ with four chi bộ files (one exact, one spelled
 * differently, one new, one of another year) and an unreadable one → a new file whose `Chi bộ trực
 * thuộc` is filled; inputs never touched; what a rewrite loses said first; the filled workbook is
 * then checked by `bontot check` like any other; usage errors and exit codes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readWorkbookFile } from '../../src/hosts/xlsx/node';
import type { SheetGrid } from '../../src/workbook/types';
import { AS_OF, chiBoBook, chiBoSpec, validDangBo, type ChiBoSpec } from '../workbook/grids';
import { fakeXls, runCli, sha256, tempDir } from './helpers';

const DANG_BO = 'Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình';

function setInfo(spec: { info: [string, unknown][] }, item: string, value: unknown): void {
  spec.info = spec.info.map(([i, v]) => (i === item ? [i, value] : [i, v]));
}

function chiBoGrids(name: string, edit?: (spec: ChiBoSpec) => void): SheetGrid[] {
  const spec = chiBoSpec();
  setInfo(spec, 'Tên tổ chức', name);
  setInfo(spec, 'Loại tổ chức', 'Chi bộ trực thuộc');
  setInfo(spec, 'Cấp ủy cấp trên', 'Đảng ủy Công ty CP Cơ khí Hòa Bình');
  edit?.(spec);
  return chiBoBook(spec).grids();
}

/** Grids as an .xlsx written by ExcelJS (numbers stay numbers: dates are Excel serials). */
async function writeGrids(path: string, grids: readonly SheetGrid[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.name);
    grid.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(grid.originRow + r + 1, grid.originCol + c + 1).value = value as ExcelJS.CellValue;
      });
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

async function fixtureFiles(dir: string): Promise<{ dangBo: string; chiBo: string[] }> {
  const dangBo = await writeGrids(
    join(dir, 'dang-bo.xlsx'),
    validDangBo((spec) => setInfo(spec, 'Tên tổ chức', DANG_BO)),
  );
  const chiBo = [
    await writeGrids(join(dir, 'van-phong.xlsx'), chiBoGrids('Chi bộ Văn phòng')),
    await writeGrids(
      join(dir, 'ke-toan.xlsx'),
      chiBoGrids('chi bo KE TOAN', (spec) => (spec.members = spec.members.slice(0, 12))),
    ),
    await writeGrids(join(dir, 'doi-xe.xlsx'), chiBoGrids('Chi bộ Đội xe')),
    await writeGrids(
      join(dir, 'kinh-doanh-2024.xlsx'),
      chiBoGrids('Chi bộ Kinh doanh', (spec) => setInfo(spec, 'Năm đánh giá', 2024)),
    ),
  ];
  return { dangBo, chiBo };
}

function subordinateRows(grids: readonly SheetGrid[]): unknown[][] {
  return (grids.find((g) => g.name === 'Chi bộ trực thuộc') as SheetGrid).values;
}

jest.setTimeout(120_000);

describe('bontot fill-subordinates', () => {
  test('fills a new copy from four chi bộ files; reports an unreadable one and still writes; inputs untouched', async () => {
    const dir = tempDir();
    const { dangBo, chiBo } = await fixtureFiles(dir);
    const broken = join(dir, 'cu.xls');
    writeFileSync(broken, fakeXls());
    const inputs = [dangBo, ...chiBo, broken];
    const hashes = inputs.map(sha256);
    const output = join(dir, 'dang-bo.capnhat.xlsx');
    const run = await runCli(['fill-subordinates', dangBo, ...chiBo, broken, '-o', output, '--as-of', AS_OF]);
    expect(run.code).toBe(2);
    expect(inputs.map(sha256)).toEqual(hashes);
    expect(run.stdout).toContain('Thêm chi bộ mới (1):\n  Dòng 9: Chi bộ Đội xe');
    expect(run.stdout).toMatch(
      /Cập nhật \(2\):\n {2}Dòng 2: Chi bộ Văn phòng \[[^\]]*van-phong\.xlsx\]: Số đảng viên 8 → 13; Kết quả tự kiểm tra \(trống\) → "Đủ điều kiện \(tự kiểm tra đến ngày 15\/01\/2026\)"/,
    );
    expect(run.stdout).toContain('Tên trên trang giữ nguyên "Chi bộ Kế toán"; tệp của chi bộ ghi "chi bo KE TOAN".');
    expect(run.stdout).toContain('kinh-doanh-2024.xlsx": sổ tính năm 2024, khác năm đánh giá 2025 của đảng bộ');
    expect(run.stdout).toMatch(/Không đọc được ".*cu\.xls": .*Excel 97/);
    expect(run.stdout).toContain('Đã ghi');

    const after = await readWorkbookFile(output);
    const rows = subordinateRows(after);
    expect(rows[0]).toEqual(['STT', 'Tên chi bộ', 'Số đảng viên', 'Xếp loại', 'Chi bộ bốn tốt', 'Kết quả tự kiểm tra']);
    expect(rows[1]).toEqual([1, 'Chi bộ Văn phòng', 13, 'Hoàn thành tốt nhiệm vụ', 'Có', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    expect(rows[2]).toEqual([2, 'Chi bộ Kế toán', 12, 'Hoàn thành tốt nhiệm vụ', 'Có', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    expect(rows[4]).toEqual([4, 'Chi bộ Kinh doanh', 11, 'Hoàn thành tốt nhiệm vụ', 'Không', null]);
    expect(rows[8]).toEqual([8, 'Chi bộ Đội xe', 13, null, null, 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    // The other sheets come through unchanged.
    const before = await readWorkbookFile(dangBo);
    for (const name of ['Thông tin', 'Tiêu chí']) {
      expect(after.find((g) => g.name === name)?.values).toEqual(before.find((g) => g.name === name)?.values);
    }

    // The filled workbook is checked like any other: the new chi bộ still needs the đảng ủy's rating.
    const check = await runCli(['check', output, '--json', '--as-of', AS_OF]);
    expect(check.code).toBe(1);
    const file = JSON.parse(check.stdout).files[0];
    expect(file.organization).toEqual({ name: DANG_BO, kind: 'dang-bo', level: 'co-so', year: 2025 });
    expect(file.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    expect(file.reasons.map((r: { code: string; cell: string }) => `${r.code} ${r.cell}`)).toEqual(['RATING_MISSING D9']);
  });

  test('--lang en: notes, results and reasons in English; the workbook still gets the Vietnamese result', async () => {
    const dir = tempDir();
    const { dangBo, chiBo } = await fixtureFiles(dir);
    const output = join(dir, 'out.xlsx');
    const run = await runCli(['fill-subordinates', dangBo, ...chiBo, '-o', output, '--as-of', AS_OF, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Party cells added (1):\n  Row 9: Chi bộ Đội xe');
    expect(run.stdout).toMatch(/Row 9: Chi bộ Đội xe \[[^\]]*doi-xe\.xlsx\] — 13 party members; Eligible \(self-check as of 15\/01\/2026\)/);
    expect(run.stdout).toContain('A new party cell on the sheet: the party committee enters its "Xếp loại" (rating).');
    expect(run.stdout).toContain('The name on the sheet is kept as "Chi bộ Kế toán"; the party cell\'s file writes "chi bo KE TOAN".');
    expect(run.stdout).toContain('kinh-doanh-2024.xlsx": a workbook of 2024, not the party committee\'s evaluation year 2025. Use the file of 2025.');
    expect(run.stdout).toContain("none of the chosen files is this party cell's.");
    // What is written into the workbook is quoted as written (Vietnamese, the đảng bộ's document).
    expect(run.stdout).toContain('→ "Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)"');
    for (const vietnamese of [
      'Chi bộ mới trên trang',
      'Tên trên trang giữ nguyên',
      'khác năm đánh giá',
      'không có tệp của chi bộ này',
      '13 đảng viên; Đủ',
    ]) {
      expect(run.stdout).not.toContain(vietnamese);
    }
    expect(subordinateRows(await readWorkbookFile(output))[8]).toEqual([
      8,
      'Chi bộ Đội xe',
      13,
      null,
      null,
      'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)',
    ]);

    const json = JSON.parse(
      (await runCli(['fill-subordinates', dangBo, ...chiBo, '-o', output, '--force', '--as-of', AS_OF, '--json', '--lang', 'en'])).stdout,
    );
    expect(json.added[0].notes).toEqual(['A new party cell on the sheet: the party committee enters its "Xếp loại" (rating).']);
    expect(json.added[0].result).toBe('Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)');
    expect(json.added[0]).not.toHaveProperty('noteTexts');
    expect(json.refused[0].reason).toContain('a workbook of 2024');
  });

  test('--json: added, changed, refused; exit 1 when a file was refused', async () => {
    const dir = tempDir();
    const { dangBo, chiBo } = await fixtureFiles(dir);
    const output = join(dir, 'out.xlsx');
    const run = await runCli(['fill-subordinates', dangBo, ...chiBo, '-o', output, '--as-of', AS_OF, '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.output).toBe(output);
    expect(json.sheet).toBe('Chi bộ trực thuộc');
    expect(json.added.map((r: { name: string; row: number }) => [r.name, r.row])).toEqual([['Chi bộ Đội xe', 9]]);
    expect(json.changed.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    expect(json.refused).toEqual([{ file: chiBo[3], reason: expect.stringContaining('năm 2024') }]);
    expect(json.added[0].notes).toEqual(['Chi bộ mới trên trang: đảng ủy ghi "Xếp loại" của chi bộ.']);
    expect(json.leftAlone[0]).toEqual({ row: 4, name: expect.any(String), reason: 'không có tệp của chi bộ này trong các tệp đã chọn.' });
    expect(json.leftAlone).toHaveLength(5);
    expect(json.unreadable).toEqual([]);
    expect(json.lostParts).toEqual([]);
  });

  test('says first which parts the rewrite cannot carry (a chart)', async () => {
    const dir = tempDir();
    const { dangBo, chiBo } = await fixtureFiles(dir);
    const zip = await JSZip.loadAsync(readFileSync(dangBo));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    const withChart = join(dir, 'dang-bo-chart.xlsx');
    writeFileSync(withChart, await zip.generateAsync({ type: 'uint8array' }));
    const output = join(dir, 'out.xlsx');
    const run = await runCli(['fill-subordinates', withChart, chiBo[0] as string, '-o', output, '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toContain('Cảnh báo: sổ tính mới được ghi lại bằng thư viện ExcelJS');
    expect(lines[1]).toContain('biểu đồ (chart): 1 phần (xl/charts/chart1.xml)');
    expect(existsSync(output)).toBe(true);
  });

  test('usage errors and refusals of the đảng bộ file exit 2 and write nothing', async () => {
    const dir = tempDir();
    const { dangBo, chiBo } = await fixtureFiles(dir);
    const output = join(dir, 'out.xlsx');
    expect((await runCli(['fill-subordinates', dangBo, '-o', output])).code).toBe(2);
    expect((await runCli(['fill-subordinates', dangBo, chiBo[0] as string])).stderr).toContain('Thiếu tệp kết quả');
    expect((await runCli(['fill-subordinates', dangBo, chiBo[0] as string, '-o', dangBo])).stderr).toContain('trùng tệp đầu vào');
    expect((await runCli(['fill-subordinates', dangBo, chiBo[0] as string, '-o', output, '--as-of', '2025-02-30'])).code).toBe(2);
    // A chi bộ's workbook given as the đảng bộ's.
    const wrong = await runCli(['fill-subordinates', chiBo[0] as string, chiBo[1] as string, '-o', output]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('cần sổ tính của đảng bộ cơ sở');
    expect(existsSync(output)).toBe(false);
    // An existing output is not overwritten without --force.
    writeFileSync(output, 'x');
    const exists = await runCli(['fill-subordinates', dangBo, chiBo[0] as string, '-o', output]);
    expect(exists.code).toBe(2);
    expect(readFileSync(output, 'utf8')).toBe('x');
    const help = await runCli(['fill-subordinates', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('bontot fill-subordinates DANG-BO.xlsx CHI-BO.xlsx... -o OUT.xlsx');
  });
});
