/**
 * `bontot` as a process against hostile files mixed with good ones: each hostile file gets its own
 * Vietnamese error entry, the good files are still checked (exit 2 with their results in --json),
 * and no input file changes by a byte — through check --write-summary, consolidate and
 * fix-encoding alike.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chiBoSpec, dangBoSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';
import { toTcvn3 } from '../../src/core/legacyEncoding';
import { runCli, sha256, tempDir, writeLayouts } from '../cli/helpers';
import { layout, lyingSheet, manyRows, manySheets, xlsBytes } from './hostileFiles';
import { writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';

const AS_OF = '2026-03-01';
const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

let dir: string;
const good = ['tot.xlsx', 'dang-bo.xlsx'];
/** Hostile file → a phrase its error must contain. */
const HOSTILE: Record<string, RegExp> = {
  'ghi-chu.xlsx': /không phải là sổ tính Excel/,
  'rong.xlsx': /Tệp rỗng/,
  'cu.xls': /\.xls \(Excel 97-2003\)/,
  'dang-tai.xlsx': /hỏng hoặc chưa tải về hết/,
  'bom-nen.xlsx': /bom nén/,
  'trieu-dong.xlsx': /hơn 100 000 dòng/,
  'khong-co.xlsx': /Không tìm thấy tệp/,
  'thu-muc.xlsx': /thư mục/,
};
const inputs = (): string[] => [...good, ...Object.keys(HOSTILE), 'nghin-trang.xlsx'];
let hashes: Map<string, string>;

function hashAll(): Map<string, string> {
  return new Map(
    inputs()
      .filter((f) => existsSync(join(dir, f)) && !f.startsWith('thu-muc'))
      .map((f) => [f, sha256(join(dir, f))]),
  );
}

beforeAll(async () => {
  dir = tempDir('bontot-hostile-');
  await writeLayouts(join(dir, 'tot.xlsx'), plainLayouts(chiBoSpec({ seed: 1, name: 'Chi bộ Khu phố 1' })));
  await writeLayouts(join(dir, 'dang-bo.xlsx'), plainLayouts(dangBoSpec({ seed: 3, name: 'Đảng bộ Công ty Cổ phần Minh Phát' })));
  writeFileSync(join(dir, 'ghi-chu.xlsx'), 'Họ và tên;Xếp loại\nAn;HTTNV\n');
  writeFileSync(join(dir, 'rong.xlsx'), new Uint8Array(0));
  writeFileSync(join(dir, 'cu.xls'), xlsBytes());
  const whole = await writeWorkbookBuffer(plainLayouts(chiBoSpec({ seed: 2, name: 'Chi bộ Khu phố 2' })), { kind: null });
  writeFileSync(join(dir, 'dang-tai.xlsx'), whole.slice(0, Math.floor(whole.length * 0.6)));
  writeFileSync(join(dir, 'bom-nen.xlsx'), await lyingSheet(40 * 1024 * 1024, 100_000));
  writeFileSync(join(dir, 'trieu-dong.xlsx'), await manyRows(1_000_000));
  writeFileSync(join(dir, 'nghin-trang.xlsx'), await manySheets(2_000));
  mkdirSync(join(dir, 'thu-muc.xlsx'));
  hashes = hashAll();
}, 120_000);

afterEach(() => {
  expect(hashAll()).toEqual(hashes);
});

interface CheckDoc {
  files: (
    | { file: string; error: string; eligible: false }
    | { file: string; organization: { name: string | null }; eligible: boolean; issues: { code: string }[] }
  )[];
  summary: { organizations: number; eligible: number };
}

test('check --json: one error entry per hostile file, the good files checked, exit 2', async () => {
  const run = await runCli(['check', ...inputs(), '--json', '--as-of', AS_OF], dir);
  expect(run.code).toBe(2);
  const doc = JSON.parse(run.stdout) as CheckDoc;
  expect(doc.files.map((f) => f.file)).toEqual(inputs());
  for (const [file, phrase] of Object.entries(HOSTILE)) {
    const entry = doc.files.find((f) => f.file === file);
    expect(entry).toMatchObject({ file, eligible: false, error: expect.stringMatching(phrase) });
    expect((entry as { error: string }).error).toMatch(VIETNAMESE);
  }
  const names = doc.files
    .filter((f): f is Extract<CheckDoc['files'][number], { organization: unknown }> => 'organization' in f)
    .map((f) => f.organization.name);
  expect(names).toEqual(['Chi bộ Khu phố 1', 'Đảng bộ Công ty Cổ phần Minh Phát', null]);
  // Thousands of sheets: read (bounded work) and judged like any workbook without the template's sheets.
  const many = doc.files.find((f) => f.file === 'nghin-trang.xlsx') as { issues: { code: string }[]; eligible: boolean };
  expect(many.eligible).toBe(false);
  expect(many.issues.map((i) => i.code)).toContain('SHEET_MISSING');
  expect(doc.summary.organizations).toBe(3);
  expect(doc.summary.eligible).toBe(2);
});

test('check text output and --write-summary: summaries beside the good files only; inputs unchanged', async () => {
  const run = await runCli(['check', ...inputs(), '--write-summary', '--as-of', AS_OF], dir);
  expect(run.code).toBe(2);
  for (const file of Object.keys(HOSTILE)) expect(run.stdout).toContain(`== ${file} ==\nKhông đọc được: `);
  const written = readdirSync(dir)
    .filter((f) => f.endsWith('.tonghop.xlsx'))
    .sort();
  expect(written).toEqual(['dang-bo.tonghop.xlsx', 'nghin-trang.tonghop.xlsx', 'tot.tonghop.xlsx']);
});

test('consolidate: error rows for the hostile files, totals from the readable ones, exit 2', async () => {
  const run = await runCli(['consolidate', ...inputs(), '-o', 'tong-hop-cap-tren.xlsx', '--json', '--as-of', AS_OF], dir);
  expect(run.code).toBe(2);
  const doc = JSON.parse(run.stdout) as {
    rows: { file: string; error?: string }[];
    totals: { organizations: number; eligible: number; unreadable: number };
  };
  const errors = doc.rows.filter((r) => r.error !== undefined).map((r) => r.file);
  expect(errors.sort()).toEqual(Object.keys(HOSTILE).sort());
  expect(doc.totals).toMatchObject({ organizations: 3, eligible: 2, unreadable: Object.keys(HOSTILE).length });
  expect(existsSync(join(dir, 'tong-hop-cap-tren.xlsx'))).toBe(true);
});

test('fix-encoding: a hostile input is refused with its message and nothing is written', async () => {
  for (const [file, phrase] of Object.entries(HOSTILE)) {
    const out = `sua-${file.replace(/\.xls$/, '.xlsx')}`;
    const run = await runCli(['fix-encoding', file, '-o', out], dir);
    expect({ file, code: run.code }).toEqual({ file, code: 2 });
    expect(run.stderr).toMatch(phrase);
    expect(existsSync(join(dir, out))).toBe(false);
  }
});

test('fix-encoding of a legacy workbook writes the new file and leaves the input as it was', async () => {
  await writeLayouts(join(dir, 'tcvn3.xlsx'), [
    layout({
      name: 'Đảng viên',
      values: [
        ['Họ và tên', 'Xếp loại'],
        [toTcvn3('Nguyễn Văn An'), toTcvn3('Hoàn thành tốt nhiệm vụ')],
      ],
    }),
  ]);
  const before = sha256(join(dir, 'tcvn3.xlsx'));
  const run = await runCli(['fix-encoding', 'tcvn3.xlsx', '-o', 'unicode.xlsx'], dir);
  expect(run.code).toBe(0);
  expect(sha256(join(dir, 'tcvn3.xlsx'))).toBe(before);
  expect(existsSync(join(dir, 'unicode.xlsx'))).toBe(true);
});
