/**
 * Issue #21, a first run that leads somewhere, in Chromium against the built page:
 *  - the standalone page: "Tải mẫu trống" downloads the workbook `bontot template` writes (compared
 *    cell by cell with the built CLI's), which the page then checks; "Xem ví dụ" checks the bundled
 *    example, shown as vi-du-chi-bo.xlsx, and "Tải tệp ví dụ" downloads it byte for byte; an .xls
 *    picked through the file input gets its advice; the file heading focused after a check has no
 *    box (a bar for keyboard users only);
 *  - the pane against the Office.js stand-in: a workbook without the product's sheets gets one line
 *    and a button that opens Mẫu; the TCVN3/VNI block shows only when legacy text was found;
 *    "Khôi phục mặc định" asks first; "0,95" in a percent field becomes 95.
 * Screenshots at 350, 390 and 1280 px go to test/e2e/__screenshots__/ (the README's gallery).
 */
import ExcelJS from 'exceljs';
import { execFile } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { toTcvn3 } from '../../src/core/legacyEncoding';
import { a1 } from '../../src/workbook/a1';
import type { SheetGrid } from '../../src/workbook/types';
import type { FakeSheetInit } from '../fakes/office';
import { AS_OF, chiBoBook } from '../workbook/grids';
import { clickForStatus, fakeState, sheetValues, showTab } from './excelPage';
import { standaloneSelector, useBrowserHarness } from './pageHarness';
import { OUTPUT, ROOT, screenshotPath } from './support';

jest.setTimeout(180_000);

const WIDTHS = [350, 390, 1280] as const;

// Standalone sessions load Microsoft's office.js, whose blocked telemetry frame is tolerated (support.ts).
const harness = useBrowserHarness({ officeStandIn: true });

// ------------------------------------------------------------------------------------ helpers

async function openPage(width: number, query = `?asOf=${AS_OF}`): Promise<Page> {
  const session = await harness.standalone({ width, query, waitFor: standaloneSelector('blank-download') });
  return session.page;
}

async function openPane(sheets: FakeSheetInit[], width = 350): Promise<Page> {
  const session = await harness.excel(sheets, { width });
  return session.page;
}

async function downloadFrom(page: Page, selector: string): Promise<{ name: string; file: string }> {
  const [event] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const file = path.join(OUTPUT, `first-run-${event.suggestedFilename()}`);
  await event.saveAs(file);
  return { name: event.suggestedFilename(), file };
}

/** Every sheet of a workbook: name, state and each cell's value as JSON (formulas by their text). */
async function workbookCells(file: string): Promise<{ name: string; state: string; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const cells: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.push(`${cell.address}=${JSON.stringify(cell.value)}`)),
    );
    return { name: sheet.name, state: sheet.state, cells };
  });
}

function runCli(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [path.join(ROOT, 'bin', 'bontot.js'), ...args], { cwd: OUTPUT }, (error, stdout, stderr) =>
      error ? reject(new Error(`bontot ${args.join(' ')} failed: ${stderr || stdout}`)) : resolve(),
    ),
  );
}

function sheetsOf(grids: readonly SheetGrid[]): FakeSheetInit[] {
  return grids.map((grid) => ({ name: grid.name, values: grid.values, origin: a1(grid.originRow, grid.originCol) }));
}

// ------------------------------------------------------------------------------------ the page

describe('standalone page', () => {
  test.each(WIDTHS)('at %i px: "Tải mẫu trống" with its choices, "Xem ví dụ" and "Tải tệp ví dụ" beside the file picker', async (width) => {
    const page = await openPage(width);
    const texts = await page.evaluate(() => ({
      sample: document.querySelector('[data-testid="use-sample"]')?.textContent,
      example: document.querySelector('[data-testid="download-example"]')?.textContent,
      blank: document.querySelector('[data-testid="blank-download"]')?.textContent,
      kinds: [...document.querySelectorAll('[data-testid="blank-kind"] option')].map((o) => o.textContent),
      types: [...document.querySelectorAll('[data-testid="blank-type"] option')].map((o) => o.textContent),
      year: (document.querySelector('[data-testid="blank-year"]') as HTMLInputElement).value,
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    }));
    expect(texts).toEqual({
      sample: 'Xem ví dụ',
      example: 'Tải tệp ví dụ',
      blank: 'Tải mẫu trống',
      kinds: ['Chi bộ cơ sở', 'Chi bộ trực thuộc', 'Đảng bộ cơ sở'],
      types: ['Cơ quan hành chính, đơn vị sự nghiệp', 'Lực lượng vũ trang', 'Thôn, khu phố, phường, xã', 'Doanh nghiệp'],
      year: AS_OF.slice(0, 4),
      overflow: false,
    });
    await page.screenshot({ path: screenshotPath(`standalone-start-${width}`), fullPage: true });
  });

  test('the blank template equals `bontot template` cell by cell, and the page checks it once filled in', async () => {
    const page = await openPage(1280);
    await page.selectOption('[data-testid="blank-kind"]', 'dang-bo.co-so');
    await page.selectOption('[data-testid="blank-type"]', 'doanh-nghiep');
    await page.fill('[data-testid="blank-year"]', '2026');
    await page.fill('[data-testid="blank-name"]', 'Đảng bộ Công ty Cơ khí Minh Phát');
    const got = await downloadFrom(page, '[data-testid="blank-download"]');
    expect(got.name).toBe('mau-dang-bo-co-so-2026.xlsx');
    const cliFile = path.join(OUTPUT, 'first-run-cli-template.xlsx');
    await fs.rm(cliFile, { force: true });
    await runCli([
      'template',
      cliFile,
      '--kind',
      'dang-bo',
      '--type',
      'doanh-nghiep',
      '--year',
      '2026',
      '--name',
      'Đảng bộ Công ty Cơ khí Minh Phát',
    ]);
    const [pageCells, cliCells] = await Promise.all([workbookCells(got.file), workbookCells(cliFile)]);
    expect(pageCells.map((s) => s.name)).toEqual(['Thông tin', 'Chi bộ trực thuộc', 'Tiêu chí', 'Cấu hình', 'Danh mục']);
    expect(pageCells).toEqual(cliCells);

    // Filled in (a rating for one chi bộ) and picked: a verdict, not a "generated file" note.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(got.file);
    const subordinates = workbook.getWorksheet('Chi bộ trực thuộc') as ExcelJS.Worksheet;
    subordinates.getCell('B2').value = 'Chi bộ Phân xưởng 1';
    const filled = path.join(OUTPUT, 'first-run-filled.xlsx');
    await workbook.xlsx.writeFile(filled);
    await page.setInputFiles('[data-testid="file-input"]', filled);
    await page.waitForSelector('.file-card[data-status="checked"]');
    const card = await page.evaluate(() => ({
      organization: document.querySelector('[data-testid="organization"]')?.textContent ?? '',
      skipped: document.querySelectorAll('[data-testid="file-skipped"]').length,
      reasons: [...document.querySelectorAll<HTMLElement>('[data-testid="reason"]')].map((n) => n.dataset.code),
    }));
    expect(card.organization).toContain('Đảng bộ Công ty Cơ khí Minh Phát');
    expect(card.skipped).toBe(0);
    expect(card.reasons).toContain('RATING_MISSING');
  });

  test('"Xem ví dụ" checks the example as vi-du-chi-bo.xlsx (also from ?sample=chi-bo-mau); "Tải tệp ví dụ" downloads the served file', async () => {
    const page = await openPage(1280, `?sample=chi-bo-mau&asOf=${AS_OF}`);
    await page.waitForSelector('.file-card[data-file="vi-du-chi-bo.xlsx"][data-status="checked"]');
    const got = await downloadFrom(page, '[data-testid="download-example"]');
    expect(got.name).toBe('vi-du-chi-bo.xlsx');
    expect(readFileSync(got.file).equals(readFileSync(path.join(ROOT, 'samples', 'chi-bo-mau.xlsx')))).toBe(true);
    await page.locator('[data-testid="clear-results"]').click();
    await page.locator('[data-testid="use-sample"]').click();
    await page.waitForSelector('.file-card[data-file="vi-du-chi-bo.xlsx"][data-status="checked"]');
    const visible = await page.evaluate(() => document.body.innerText);
    expect(visible).not.toMatch(/tệp mẫu|sổ mẫu|chi-bo-mau/i);
  });

  test('an .xls picked through the file input (which offers .xls) gets the advice to save it as .xlsx', async () => {
    const page = await openPage(1280);
    expect(await page.getAttribute('[data-testid="file-input"]', 'accept')).toContain('.xls,');
    const xls = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    await page.setInputFiles('[data-testid="file-input"]', { name: 'bao-cao-cu.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
    await page.waitForSelector('.file-card[data-status="error"]');
    expect(await page.textContent('[data-testid="error-message"]')).toBe(
      'Tệp .xls (Excel 97-2003) hoặc tệp .xlsx đặt mật khẩu không đọc được; hãy mở trong Excel, bỏ mật khẩu nếu có, và lưu lại dạng .xlsx (sổ tính Excel).',
    );
  });

  test('the file heading focused after a check has no box; keyboard users see a bar at its left', async () => {
    const page = await openPage(1280);
    const headingStyle = () =>
      page.evaluate(() => {
        const heading = document.activeElement as HTMLElement;
        const style = getComputedStyle(heading);
        return {
          isHeading: heading.classList.contains('file-name'),
          visible: heading.matches(':focus-visible'),
          outline: style.outlineStyle,
          border: style.borderTopStyle,
          shadow: style.boxShadow,
        };
      });
    await page.locator('[data-testid="use-sample"]').click();
    await page.waitForSelector('.file-card[data-status="checked"]');
    await page.waitForFunction(() => document.activeElement?.classList.contains('file-name'));
    expect(await headingStyle()).toEqual({ isHeading: true, visible: false, outline: 'none', border: 'none', shadow: 'none' });

    await page.locator('[data-testid="clear-results"]').click();
    await page.locator('[data-testid="use-sample"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.file-card[data-status="checked"]');
    await page.waitForFunction(() => document.activeElement?.classList.contains('file-name'));
    expect(await headingStyle()).toEqual({
      isHeading: true,
      visible: true,
      outline: 'none',
      border: 'none',
      shadow: 'rgb(15, 108, 189) -6px 0px 0px 0px',
    });
  });
});

// ------------------------------------------------------------------------------------ the pane

describe('task pane', () => {
  test.each(WIDTHS)('at %i px: a new workbook: Kiểm tra says so in one line; its button opens Mẫu; the next check gives a verdict', async (width) => {
    const page = await openPane([{ name: 'Sheet1', values: [] }], width);
    const { text } = await clickForStatus(page, '[data-testid="check-run"]', 'check.noSheets');
    expect(text).toContain('chưa có gì để kiểm tra');
    const shown = await page.evaluate(() => ({
      notice: document.querySelector('[data-testid="no-sheets-text"]')?.textContent,
      button: document.querySelector('[data-testid="open-template"]')?.textContent,
      verdicts: document.querySelectorAll('[data-testid="verdict"]').length,
      encodingShown: (document.querySelector('[data-testid="encoding"]') as HTMLElement).offsetParent !== null,
    }));
    expect(shown).toEqual({
      notice:
        'Sổ tính chưa có trang nào của Bốn Tốt (Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí, Chi bộ trực thuộc) nên chưa có gì để kiểm tra.',
      button: 'Tạo các trang mẫu…',
      verdicts: 0,
      encodingShown: false,
    });
    await page.screenshot({ path: screenshotPath(`excel-no-sheets-${width}`) });
    await page.locator('[data-testid="open-template"]').click();
    await page.waitForSelector('[data-testid="tab-template"][aria-selected="true"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-template');
    await clickForStatus(page, '[data-testid="template-create"]', 'template.created');
    expect((await fakeState(page)).sheets.map((s) => s.name)).toContain('Thông tin');
    await showTab(page, 'check');
    await clickForStatus(page, '[data-testid="check-run"]', 'check.done');
    expect(await page.locator('[data-testid="verdict"]').count()).toBe(1);
    expect(await page.locator('[data-testid="no-sheets"]').count()).toBe(0);
  });

  test('the TCVN3/VNI block appears only after a check found legacy text', async () => {
    const book = chiBoBook();
    const page = await openPane(sheetsOf(book.grids()));
    await clickForStatus(page, '[data-testid="check-run"]', 'check.done');
    expect(await page.locator('[data-testid="encoding"]').isVisible()).toBe(false);
    await harness.closeSession();

    const legacy = chiBoBook();
    legacy.set('Đảng viên', 'B2', toTcvn3(legacy.get('Đảng viên', 'B2') as string));
    const second = await openPane(sheetsOf(legacy.grids()));
    expect(await second.locator('[data-testid="encoding"]').isVisible()).toBe(false);
    await clickForStatus(second, '[data-testid="check-run"]', 'check.done');
    expect(await second.locator('[data-testid="encoding"]').isVisible()).toBe(true);
    expect(await second.locator('[data-testid="encoding-start"]').textContent()).toBe('Chuyển mã sang Unicode');
  });

  test.each(WIDTHS)(
    'at %i px: Cấu hình: "0,9" in a percent field becomes 90 (said beside it); "Khôi phục mặc định" asks before overwriting',
    async (width) => {
      const page = await openPane(sheetsOf(chiBoBook().grids()), width);
      await showTab(page, 'policy');
      const field = page.locator('input[data-key="criterionMinPercent"]');
      await field.fill('0,9');
      await field.press('Tab');
      expect(await field.inputValue()).toBe('90');
      expect(await page.locator('[data-testid="percent-hint"]').first().isVisible()).toBe(true);
      await page.locator('input[data-key="speakersSmall"]').fill('4');
      await clickForStatus(page, '[data-testid="policy-save"]', 'policy.saved');
      const stored = async (key: string) => (await sheetValues(page, 'Cấu hình')).find((row) => row[0] === key)?.[1];
      expect(await stored('criterionMinPercent')).toBe(90);
      expect(await stored('speakersSmall')).toBe(4);

      await page.locator('[data-testid="policy-reset"]').click();
      await page.waitForSelector('[data-testid="policy-reset-ask"]:not([hidden])');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('policy-reset-ask-cancel');
      await page.locator('input[data-key="criterionMinPercent"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`excel-policy-reset-${width}`) });
      await clickForStatus(page, '[data-testid="policy-reset-ask-cancel"]', 'policy.resetCancelled');
      expect(await stored('speakersSmall')).toBe(4);
      expect(await stored('criterionMinPercent')).toBe(90);

      await page.locator('[data-testid="policy-reset"]').click();
      await clickForStatus(page, '[data-testid="policy-reset-ask-confirm"]', 'policy.resetDone');
      expect(await stored('speakersSmall')).toBe(3);
      expect(await stored('criterionMinPercent')).toBe(95);
    },
  );
});
