/**
 * Issue 17 through the built CLI: a self-score above its maximum is "chưa tính được — sửa trang
 * Tiêu chí, ô D20" in the text and `percent: null, pass: null` in the JSON, with no CRITERION_LOW;
 * a formula cell whose file holds no computed result is reported with its column's code.
 */
import { join } from 'path';
import type { SheetGrid, SheetLayout } from '../../src/workbook/types';
import { chiBoBook, chiBoSpec } from '../workbook/grids';
import { runCli, tempDir, writeLayouts } from './helpers';

const AS_OF = '2026-01-15';

function layouts(grids: readonly SheetGrid[], formulas: Record<string, Record<string, string>> = {}): SheetLayout[] {
  return grids.map((grid) => ({
    name: grid.name,
    values: grid.values.map((row) => row.map((value) => (value === undefined ? null : (value as string | number | boolean | null)))),
    ...(formulas[grid.name] ? { formulas: formulas[grid.name] } : {}),
    columns: [],
    formats: [],
    merges: [],
    validations: [],
    frozenRows: 0,
    hidden: false,
  }));
}

let dir: string;
beforeAll(async () => {
  dir = tempDir('bontot-clerk-');
  const spec = chiBoSpec();
  const row = spec.criteria.find((c) => c.code === '1.2.3');
  if (!row) throw new Error('1.2.3');
  row.self = 37;
  await writeLayouts(join(dir, 'diem-sai.xlsx'), layouts(chiBoBook(spec).grids()));
  // Sinh hoạt!E5 (Có mặt of April) as a formula with no stored result, as a script writes it.
  const book = chiBoBook();
  book.set('Sinh hoạt', 'E5', null);
  await writeLayouts(join(dir, 'cong-thuc.xlsx'), layouts(book.grids(), { 'Sinh hoạt': { E5: '=12' } }));
});

test('an invalid score: the criterion is "chưa tính được", no made-up CRITERION_LOW (text and JSON)', async () => {
  const text = await runCli(['check', 'diem-sai.xlsx', '--as-of', AS_OF], dir);
  expect(text.code).toBe(1);
  expect(text.stdout).toContain('1.2 Chất lượng sinh hoạt tốt: chưa tính được — sửa trang Tiêu chí, ô D20');
  expect(text.stdout).not.toContain('CRITERION_LOW');
  const json = await runCli(['check', 'diem-sai.xlsx', '--json', '--as-of', AS_OF], dir);
  const file = (
    JSON.parse(json.stdout) as { files: { criteria: unknown[]; reasons: { code: string }[]; issues: { code: string; cell: string }[] }[] }
  ).files[0];
  expect(file?.criteria[1]).toEqual({ id: '1.2', percent: null, pass: null });
  expect(file?.reasons.map((r) => r.code)).toEqual(['DATA_INVALID']);
  expect(file?.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(['SCORE_INVALID D20']);
});

test('a formula cell without a stored result: NUMBER_INVALID at that cell, saying so, not "trống"', async () => {
  const json = await runCli(['check', 'cong-thuc.xlsx', '--json', '--as-of', AS_OF], dir);
  const file = (JSON.parse(json.stdout) as { files: { issues: { code: string; sheet: string; cell: string; message: string }[] }[] }).files[0];
  const errors = (file?.issues ?? []).filter((i) => i.code !== 'MATRIX_MISMATCH');
  expect(errors.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(['NUMBER_INVALID Sinh hoạt!E5']);
  expect(errors[0]?.message).toContain('ô có công thức nhưng chưa có giá trị đã tính — mở và lưu lại tệp trong Excel');
  expect(errors[0]?.message).not.toContain('trống');
});
