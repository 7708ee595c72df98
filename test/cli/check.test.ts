/** `bontot` as a process: help, usage errors, `check` (text, JSON, exit codes, --policy, --write-summary). */
import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { policyFromEntries } from '../../src/core/policy';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import { chiBoSpec, dangBoSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';
import { fakeXls, ROOT, runCli, sha256, tempDir, writeLayouts } from './helpers';

const AS_OF = '2026-03-01';
let dir: string;
let good: string;
let bad: string;
let party: string;

beforeAll(async () => {
  dir = tempDir();
  good = await writeLayouts(join(dir, 'tot.xlsx'), plainLayouts(chiBoSpec({ seed: 1, name: 'Chi bộ Khu phố 1' })));
  bad = await writeLayouts(
    join(dir, 'chua-dat.xlsx'),
    plainLayouts(chiBoSpec({ seed: 2, name: 'Chi bộ Khu phố 2', problems: { unexcusedAbsence: true, shortMeeting: true, selfLow: true } })),
  );
  party = await writeLayouts(join(dir, 'dang-bo.xlsx'), plainLayouts(dangBoSpec({ seed: 3, name: 'Đảng bộ Công ty Cổ phần Minh Phát' })));
  writeFileSync(join(dir, 'cu.xls'), fakeXls());
  writeFileSync(join(dir, 'ghi-chu.xlsx'), 'không phải sổ tính');
});

describe('help and usage errors', () => {
  it('prints Vietnamese help for the command and each subcommand, exit 0', async () => {
    const main = await runCli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('bontot check FILE.xlsx... [--json] [--policy P.json] [--as-of YYYY-MM-DD] [--write-summary]');
    expect(main.stdout).toContain('bontot template OUT.xlsx [--kind chi-bo|dang-bo] [--type TYPE] [--year YYYY] [--name NAME]');
    expect(main.stdout).toContain('bontot consolidate FILE.xlsx... -o OUT.xlsx [--policy P.json] [--as-of YYYY-MM-DD] [--json]');
    expect(main.stdout).toContain('Mã thoát');
    for (const [command, expected] of [
      ['check', 'kiểm tra sổ tính'],
      ['template', 'sổ tính mẫu'],
      ['consolidate', 'Danh sách tổ chức'],
    ] as const) {
      const sub = await runCli([command, '--help']);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toContain(`bontot ${command}`);
      expect(sub.stdout).toContain(expected);
    }
  });

  it('the launcher says how to build when the compiled CLI is missing', async () => {
    const bare = tempDir('bontot-bare-');
    mkdirSync(join(bare, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'bontot.js'), join(bare, 'bin', 'bontot.js'));
    const run = spawnSync(process.execPath, [join(bare, 'bin', 'bontot.js'), '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm install && npm run build');
  });

  it.each([
    [[], 'Cách dùng'],
    [['kiem-tra'], 'Lệnh không hợp lệ'],
    [['check'], 'Thiếu tệp'],
    [['check', 'a.xlsx', '--bogus'], 'Tùy chọn không hợp lệ: --bogus'],
    [['check', 'a.xlsx', '--as-of', '2025-02-30'], '--as-of "2025-02-30" không hợp lệ'],
    [['check', 'a.xlsx', '--as-of', '31/02/2025'], 'cần một ngày có thật dạng dd/mm/yyyy (ví dụ 31/12/2025) hoặc YYYY-MM-DD'],
    [['check', 'a.xlsx', '--as-of', '2025/03/01'], '--as-of "2025/03/01" không hợp lệ'],
    [['check', 'a.xlsx', '--as-of'], '--as-of cần một giá trị'],
    [['check', 'a.xlsx', '--json=yes'], 'không nhận giá trị'],
    [['consolidate', 'a.xlsx'], 'Thiếu tệp kết quả'],
    [['template'], 'Thiếu tên tệp'],
    [['template', 'x.xlsx', '--type', 'ngan-hang'], '--type "ngan-hang" không hợp lệ'],
    [['template', 'x.xlsx', '--kind', 'to-dang'], '--kind "to-dang" không hợp lệ'],
    [['template', 'x.xlsx', '--year', '25'], '--year "25" không hợp lệ'],
  ])('bontot %j → exit 2 with "%s"', async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('check', () => {
  it('--json prints the SPEC §6 document; unreadable files get an error entry; exit 2', async () => {
    const run = await runCli(['check', 'tot.xlsx', 'cu.xls', 'chua-dat.xlsx', 'ghi-chu.xlsx', 'khong-co.xlsx', '--json', '--as-of', AS_OF], dir);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(['asOf', 'files', 'summary']);
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual(['tot.xlsx', 'cu.xls', 'chua-dat.xlsx', 'ghi-chu.xlsx', 'khong-co.xlsx']);
    const [ok, xls, failing, text, missing] = doc.files;
    expect(Object.keys(ok)).toEqual(['file', 'organization', 'eligible', 'criteria', 'reasons', 'issues']);
    expect(ok.organization).toEqual({ name: 'Chi bộ Khu phố 1', kind: 'chi-bo', level: 'co-so', year: 2025 });
    expect(ok.eligible).toBe(true);
    expect(ok.criteria.map((c: { id: string }) => c.id)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    for (const criterion of ok.criteria) {
      expect(Object.keys(criterion)).toEqual(['id', 'percent', 'pass']);
      expect(typeof criterion.percent).toBe('number');
      expect(criterion.pass).toBe(true);
    }
    expect(Object.keys(xls)).toEqual(['file', 'error', 'eligible']);
    expect(xls.eligible).toBe(false);
    expect(xls.error).toContain('lưu lại dạng .xlsx');
    expect(text).toEqual({ file: 'ghi-chu.xlsx', error: expect.stringContaining('không phải là sổ tính Excel'), eligible: false });
    expect(missing.error).toContain('Không tìm thấy');
    expect(failing.eligible).toBe(false);
    const codes = failing.reasons.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['ABSENCE_UNEXCUSED', 'DURATION_SHORT', 'MEETING_SELF_LOW']));
    for (const reason of failing.reasons) expect(Object.keys(reason)).toEqual(['code', 'severity', 'message', 'sheet', 'cell']);
    const absence = failing.reasons.find((r: { code: string }) => r.code === 'ABSENCE_UNEXCUSED');
    expect(absence).toMatchObject({ severity: 'block', sheet: 'Điểm danh', cell: expect.stringMatching(/^[A-Z]+\d+$/) });
    expect(failing.reasons.find((r: { code: string }) => r.code === 'MEETING_SELF_LOW').severity).toBe('warn');
    // The summary counts readable files only, numbers unrounded, target a fraction.
    expect(doc.summary).toEqual({
      organizations: 2,
      eligible: 1,
      share: 0.5,
      target: 0.5,
      targetMet: true,
      subordinate: { organizations: 0, eligible: 0 },
    });
  });

  it('exit 0 when every file is eligible, 1 when one is not', async () => {
    expect((await runCli(['check', 'tot.xlsx', 'dang-bo.xlsx', '--as-of', AS_OF], dir)).code).toBe(0);
    expect((await runCli(['check', 'tot.xlsx', 'chua-dat.xlsx', '--as-of', AS_OF], dir)).code).toBe(1);
  });

  it('prints readable Vietnamese text by default', async () => {
    const run = await runCli(['check', 'tot.xlsx', 'chua-dat.xlsx', 'cu.xls', '--as-of', AS_OF], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('== tot.xlsx ==');
    expect(run.stdout).toContain('Tổ chức: Chi bộ Khu phố 1 — Chi bộ cơ sở, năm 2025');
    expect(run.stdout).toContain('Kết luận: Đủ điều kiện đề nghị công nhận "Chi bộ bốn tốt".');
    expect(run.stdout).toContain('Kết luận: Chưa đủ điều kiện đề nghị công nhận "Chi bộ bốn tốt".');
    expect(run.stdout).toMatch(/1\.1 Hoàn thành tốt nhiệm vụ chính trị: \d+(,\d{1,2})?% — đạt/);
    // Severity words and "trang X, ô Y"; no code unless --codes.
    expect(run.stdout).toMatch(/ {2}Không đạt — trang Điểm danh, ô [A-Z]+\d+: Đồng chí .* vắng mặt không có lý do tại buổi sinh hoạt ngày /);
    expect(run.stdout).toMatch(/ {2}Không đạt — trang Sinh hoạt, ô I\d+: .*cần ít nhất 90 phút/);
    expect(run.stdout).toMatch(/ {2}Lưu ý — trang Sinh hoạt, ô [A-Z]+\d+: .* tự đánh giá "/);
    expect(run.stdout).not.toMatch(/ABSENCE_UNEXCUSED|DURATION_SHORT|MEETING_SELF_LOW/);
    expect(run.stdout).toContain('Không đọc được: Tệp .xls (Excel 97-2003)');
    // Totals say "đủ điều kiện", never "đạt" (SPEC §1, Target); each file starts with its as-of date.
    expect(run.stdout.trim().split('\n').pop()).toBe('1/2 tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận (50%), chỉ tiêu 50%');
    expect(run.stdout).not.toContain('tổ chức đạt');
    expect(run.stdout).toMatch(/== tot\.xlsx ==\nSố liệu tính đến ngày \d\d\/\d\d\/\d{4}\n/);
  });

  it('percentages in text are rounded to 2 decimals, JSON keeps them unrounded', async () => {
    const run = await runCli(['check', 'dang-bo.xlsx', 'tot.xlsx', 'chua-dat.xlsx', '--json', '--as-of', AS_OF], dir);
    const doc = JSON.parse(run.stdout);
    expect(doc.summary.share).toBeCloseTo(2 / 3, 12);
    const text = await runCli(['check', 'dang-bo.xlsx', 'tot.xlsx', 'chua-dat.xlsx', '--as-of', AS_OF], dir);
    expect(text.stdout).toContain('2/3 tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận (66,67%), chỉ tiêu 50%');
  });

  it('--policy overrides thresholds; an invalid policy is a usage error naming the setting', async () => {
    writeFileSync(join(dir, 'nhe.json'), JSON.stringify({ durationRegular: 70, severity: { ABSENCE_UNEXCUSED: 'warn' } }));
    writeFileSync(join(dir, 'sai.json'), JSON.stringify({ attendanceMinPercent: 150 }));
    writeFileSync(join(dir, 'hong.json'), '{ "durationRegular": ');
    const relaxed = await runCli(['check', 'chua-dat.xlsx', '--policy', 'nhe.json', '--json', '--as-of', AS_OF], dir);
    expect(relaxed.code).toBe(0);
    const entry = JSON.parse(relaxed.stdout).files[0];
    expect(entry.eligible).toBe(true);
    expect(entry.reasons.map((r: { code: string }) => r.code)).not.toContain('DURATION_SHORT');
    expect(entry.reasons.find((r: { code: string }) => r.code === 'ABSENCE_UNEXCUSED').severity).toBe('warn');
    const invalid = await runCli(['check', 'tot.xlsx', '--policy', 'sai.json'], dir);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('attendanceMinPercent');
    expect(invalid.stdout).toBe('');
    const broken = await runCli(['check', 'tot.xlsx', '--policy', 'hong.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('không phải JSON hợp lệ');
    expect((await runCli(['check', 'tot.xlsx', '--policy', 'khong-co.json'], dir)).stderr).toContain('Không tìm thấy tệp cấu hình');
  });

  it("a workbook's Cấu hình sheet changes a threshold", async () => {
    const spec = chiBoSpec({ seed: 2, name: 'Chi bộ Khu phố 2', problems: { shortMeeting: true } });
    const relaxed = policyFromEntries([{ key: 'durationRegular', value: 70 }]);
    if (!relaxed.ok) throw new Error('policy');
    await writeLayouts(join(dir, 'cau-hinh.xlsx'), [...plainLayouts(spec), policyLayout(relaxed.policy)]);
    await writeLayouts(join(dir, 'mac-dinh.xlsx'), plainLayouts(spec));
    const run = await runCli(['check', 'cau-hinh.xlsx', 'mac-dinh.xlsx', '--json', '--as-of', AS_OF], dir);
    const [withSheet, without] = JSON.parse(run.stdout).files;
    expect(withSheet.eligible).toBe(true);
    expect(without.eligible).toBe(false);
    const short = without.reasons.find((r: { code: string }) => r.code === 'DURATION_SHORT');
    expect(short.message).toContain('90 phút');
    expect(run.code).toBe(1);
    const text = await runCli(['check', 'cau-hinh.xlsx', '--as-of', AS_OF], dir);
    expect(text.stdout).toContain('Ngưỡng theo trang "Cấu hình" của sổ tính, khác mặc định: Thời gian sinh hoạt thường kỳ tối thiểu (phút) = 70.');
    expect(text.code).toBe(0);
  });

  it('--write-summary writes NAME.tonghop.xlsx with the Tổng hợp sheet alone, values only; inputs unchanged', async () => {
    const copy = join(dir, 'ban-sao.xlsx');
    copyFileSync(bad, copy);
    const before = sha256(copy);
    const run = await runCli(['check', 'ban-sao.xlsx', '--write-summary', '--as-of', AS_OF], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Đã ghi bản tổng hợp: ban-sao.tonghop.xlsx');
    expect(sha256(copy)).toBe(before);
    const out = join(dir, 'ban-sao.tonghop.xlsx');
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp']);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    const all = texts.join('\n');
    expect(all).toContain('Chi bộ Khu phố 2');
    expect(all).toContain('Chưa đủ điều kiện đề nghị công nhận');
    expect(wb.worksheets[0]!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });

    // The summary is a file the product wrote: check skips it with a note, outside the counts.
    const again = await runCli(['check', 'ban-sao.tonghop.xlsx', 'tot.xlsx', '--json', '--as-of', AS_OF], dir);
    expect(again.code).toBe(0);
    const doc = JSON.parse(again.stdout);
    expect(doc.files[0]).toEqual({ file: 'ban-sao.tonghop.xlsx', skipped: expect.stringContaining('Tổng hợp') });
    expect(doc.summary.organizations).toBe(1);

    // Running again overwrites the summary it wrote, but never a user's file of that name.
    const rerun = await runCli(['check', 'ban-sao.xlsx', '--write-summary', '--as-of', AS_OF], dir);
    expect(rerun.code).toBe(1);
    copyFileSync(good, join(dir, 'tot.tonghop.xlsx'));
    const userFile = sha256(join(dir, 'tot.tonghop.xlsx'));
    const refused = await runCli(['check', 'tot.xlsx', '--write-summary', '--as-of', AS_OF], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('không phải bản tổng hợp do bontot tạo');
    const refusedEn = await runCli(['check', 'tot.xlsx', '--write-summary', '--as-of', AS_OF, '--lang', 'en'], dir);
    expect(refusedEn.code).toBe(2);
    expect(refusedEn.stderr).toContain('tot.tonghop.xlsx" is not written: the file exists and is not a summary bontot wrote.');
    expect(refusedEn.stderr).not.toMatch(/Không ghi|bản tổng hợp/);
    expect(sha256(join(dir, 'tot.tonghop.xlsx'))).toBe(userFile);
  });

  it('never modifies any input', async () => {
    const files = [good, bad, party, join(dir, 'cu.xls')];
    const before = files.map(sha256);
    await runCli(['check', ...files, '--json', '--as-of', AS_OF], dir);
    await runCli(['consolidate', ...files, '-o', join(dir, 'kiem-tra-hash.xlsx'), '--as-of', AS_OF], dir);
    expect(files.map(sha256)).toEqual(before);
  });
});
