/** @jest-environment jsdom */
/**
 * Issue 17 in the Excel task pane (against the in-memory Office.js fake): a discipline written
 * "Không vi phạm" is no discipline, and a self-score above its maximum shows criterion 1.2 as
 * "chưa tính được — sửa trang Tiêu chí, ô D20" with no made-up CRITERION_LOW.
 */
import type { CheckResult } from '../../src/workbook/types';
import { validChiBo } from '../workbook/grids';
import { byTestId, fakeWorkbook, mountExcel, one } from './helpers';

jest.setTimeout(60_000);

beforeEach(() => {
  localStorage.clear();
});

async function runCheck(root: HTMLElement, excel: { check: { check(): Promise<CheckResult | null> } }): Promise<CheckResult> {
  one<HTMLButtonElement>(root, 'check-run').click();
  const result = await excel.check.check();
  if (!result) throw new Error('check failed');
  return result;
}

test('"Không vi phạm" in Kỷ luật: eligible, no DISCIPLINE', async () => {
  const grids = validChiBo((spec) => {
    (spec.members[1] as { discipline: unknown }).discipline = 'Không vi phạm';
    (spec.members[2] as { discipline: unknown }).discipline = 'Khiển trách (năm 2021)';
  });
  const { root, excel } = await mountExcel(fakeWorkbook(grids));
  const result = await runCheck(root, excel);
  expect(result.eligible).toBe(true);
  expect(one(root, 'verdict').dataset.eligible).toBe('true');
  expect(byTestId(root, 'reason')).toHaveLength(0);
});

test('a self-score above its maximum: the criterion reads "chưa tính được — sửa trang Tiêu chí, ô D20", no CRITERION_LOW', async () => {
  const grids = validChiBo((spec) => {
    const row = spec.criteria.find((c) => c.code === '1.2.3');
    if (row) row.self = 37;
  });
  const { root, excel } = await mountExcel(fakeWorkbook(grids));
  const result = await runCheck(root, excel);
  expect(result.eligible).toBe(false);
  const row = byTestId(root, 'criterion').find((r) => r.dataset.id === '1.2');
  expect(row?.dataset.pass).toBe('null');
  expect(row?.dataset.percent).toBe('');
  expect(row?.textContent).toContain('chưa tính được — sửa trang Tiêu chí, ô D20');
  expect(byTestId(root, 'reason').map((r) => r.dataset.code)).toEqual(['DATA_INVALID']);
});
