/**
 * "Điền trang Chi bộ trực thuộc" in Chromium, through the built page's real UI.
 * - Excel mode against the Office.js fake: a đảng bộ's open workbook; the chi bộ's files picked in
 *   the Tổng hợp tab; the preview changes nothing; the confirm writes the sheet, keeps
 *   "Chi bộ trực thuộc (bản gốc)", leaves every other sheet as it was, and the check runs again.
 * - The standalone page: the đảng bộ's file and the chi bộ's files → `NAME.capnhat.xlsx` downloaded.
 * Screenshots at task-pane width go to test/e2e/__screenshots__/.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { SheetGrid } from '../../src/workbook/types';
import { chiBoBook, chiBoSpec, validDangBo } from '../workbook/grids';
import { AS_OF } from './books';
import { captureUserState, clickForStatus, fakeState, sheetValues, showTab, userChanges } from './excelPage';
import { standaloneSelector, useBrowserHarness } from './pageHarness';
import { screenshotPath, writeGrids } from './support';

jest.setTimeout(120_000);

const SHEET = 'Chi bộ trực thuộc';
const DANG_BO = 'Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình';

const harness = useBrowserHarness({ officeStandIn: true });
let chiBoFiles: string[];
let dangBoFile: string;

function setInfo(spec: { info: [string, unknown][] }, item: string, value: unknown): void {
  spec.info = spec.info.map(([i, v]) => (i === item ? [i, value] : [i, v]));
}

function chiBoGrids(name: string, year = 2025): SheetGrid[] {
  const spec = chiBoSpec();
  setInfo(spec, 'Tên tổ chức', name);
  setInfo(spec, 'Loại tổ chức', 'Chi bộ trực thuộc');
  setInfo(spec, 'Cấp ủy cấp trên', 'Đảng ủy Công ty Cổ phần Cơ khí Hòa Bình');
  setInfo(spec, 'Năm đánh giá', year);
  return chiBoBook(spec).grids();
}

const dangBoGrids = (): SheetGrid[] => validDangBo((spec) => setInfo(spec, 'Tên tổ chức', DANG_BO));

beforeAll(async () => {
  chiBoFiles = [
    await writeGrids('fill-van-phong.xlsx', chiBoGrids('Chi bộ Văn phòng')),
    await writeGrids('fill-ke-toan.xlsx', chiBoGrids('CHI BO KE TOAN')),
    await writeGrids('fill-doi-xe.xlsx', chiBoGrids('Chi bộ Đội xe')),
    await writeGrids('fill-kinh-doanh-2024.xlsx', chiBoGrids('Chi bộ Kinh doanh', 2024)),
  ];
  dangBoFile = await writeGrids('fill-dang-bo.xlsx', dangBoGrids());
});

async function waitEnabled(page: Page, testid: string): Promise<void> {
  await page.waitForSelector(`[data-testid="${testid}"]:not([disabled])`, { timeout: 30_000 });
}

test('Excel mode: pick the chi bộ files, preview, confirm; a kept copy; other sheets untouched', async () => {
  const grids = dangBoGrids();
  const { page } = await harness.excel(
    grids.map((grid) => ({ name: grid.name, values: grid.values })),
    { height: 1400 },
  );
  await captureUserState(page, 'start');
  const before = await sheetValues(page, SHEET);
  await showTab(page, 'summary');
  await page.setInputFiles('[data-testid="fill-chibo-input"]', chiBoFiles);
  await waitEnabled(page, 'fill-confirm');
  const added = await page.locator('[data-testid="fill-added-row"]').allTextContents();
  expect(added).toHaveLength(1);
  expect(added[0]).toContain('Dòng 9: Chi bộ Đội xe');
  expect(await page.locator('[data-testid="fill-changed-row"]').count()).toBe(2);
  expect(await page.locator('[data-testid="fill-refused-row"]').getAttribute('data-file')).toBe('fill-kinh-doanh-2024.xlsx');
  expect(await page.locator('[data-testid="fill-warning"]').textContent()).toContain('Chi bộ trực thuộc (bản gốc)');
  // The preview changed nothing.
  expect(await userChanges(page, 'start')).toEqual([]);
  await page.screenshot({ path: screenshotPath('excel-fill-preview-350'), fullPage: true });

  // The pane writes, says so next to its button, then checks the workbook again (the status line
  // ends on the check: the new chi bộ still needs the committee's rating).
  await clickForStatus(page, '[data-testid="fill-confirm"]', ['fill.written', 'check.done']);
  expect(await page.locator('[data-testid="fill-written"]').textContent()).toContain('bản gốc được giữ ở trang “Chi bộ trực thuộc (bản gốc)”');
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.getAttribute('data-i18n') === 'check.done');
  expect(await page.locator('[data-testid="status"]').textContent()).toContain('Lý do không đạt: 1; lưu ý: 0; lỗi dữ liệu: 0;');
  const after = await sheetValues(page, SHEET);
  expect(after[0]).toEqual(['STT', 'Tên chi bộ', 'Số đảng viên', 'Xếp loại', 'Chi bộ bốn tốt', 'Kết quả tự kiểm tra']);
  expect(after[1]).toEqual([1, 'Chi bộ Văn phòng', 13, 'Hoàn thành tốt nhiệm vụ', 'Có', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
  expect(after[8]).toEqual([8, 'Chi bộ Đội xe', 13, '', '', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
  for (let r = 1; r < before.length; r++) expect(after[r]?.slice(3, 5)).toEqual(before[r]?.slice(3, 5));
  expect(await sheetValues(page, 'Chi bộ trực thuộc (bản gốc)')).toEqual(before);
  const state = await fakeState(page);
  expect(state.sheets.map((s) => s.name)).toContain('Chi bộ trực thuộc (bản gốc)');
  // Only Chi bộ trực thuộc changed among the user's sheets.
  const changes = await userChanges(page, 'start');
  expect(changes.length).toBeGreaterThan(0);
  expect(changes.filter((change) => !change.startsWith(`${SHEET}!`))).toEqual([]);
  await page.screenshot({ path: screenshotPath('excel-fill-written-350'), fullPage: true });
});

test('standalone page: the đảng bộ file and the chi bộ files give NAME.capnhat.xlsx', async () => {
  const { page } = await harness.standalone({ query: `?asOf=${AS_OF}`, waitFor: standaloneSelector('fill-pick-dangbo') });
  await page.setInputFiles('[data-testid="fill-dangbo-input"]', dangBoFile);
  await page.setInputFiles('[data-testid="fill-chibo-input"]', chiBoFiles);
  await waitEnabled(page, 'fill-run');
  await page.locator('[data-testid="fill-run"]').click();
  await waitEnabled(page, 'fill-download');
  expect(await page.locator('[data-testid="fill-added-row"]').count()).toBe(1);
  expect(await page.locator('[data-testid="fill-refused-row"]').count()).toBe(1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="fill-download"]').click()]);
  expect(download.suggestedFilename()).toBe('fill-dang-bo.capnhat.xlsx');
  const saved = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved as string);
  const sheet = workbook.getWorksheet(SHEET) as ExcelJS.Worksheet;
  expect(sheet.getCell('F1').value).toBe('Kết quả tự kiểm tra');
  expect(sheet.getCell('B9').value).toBe('Chi bộ Đội xe');
  expect(sheet.getCell('C3').value).toBe(13);
  expect(sheet.getCell('D3').value).toBe('Hoàn thành tốt nhiệm vụ');
  await page.screenshot({ path: screenshotPath('standalone-fill-1280'), fullPage: true });
});
