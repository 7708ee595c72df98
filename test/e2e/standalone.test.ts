/**
 * The standalone page (dist/taskpane.html opened in a plain browser, real office.js → host null)
 * in Chromium: workbooks made here are uploaded through the page's file input and what the page
 * shows — verdicts, criteria, reasons and issues, read through their data-testid hooks — must
 * equal `bontot check --json` for the same files with the same as-of date (?asOf= on the page,
 * --as-of for the CLI). Downloads are opened with ExcelJS; the print view is rendered.
 */
import ExcelJS from 'exceljs';
import path from 'path';
import type { Page } from 'playwright-core';
import { AS_OF, AS_OF_SHOWN, writeBooks, type BookFiles } from './books';
import { pickFiles, readCards, useBrowserHarness, type ShownPlace } from './pageHarness';
import { cliCheck, cliConsolidate, OUTPUT, screenshotPath, type CliFile, type CliJson, type CliPlace } from './support';

jest.setTimeout(120_000);

// office.js's own telemetry frame, blocked by the CSP, is tolerated in the after-test check (see
// support.ts); test/e2e/security.test.ts pins down exactly what it is.
const harness = useBrowserHarness();
let books: BookFiles;
let cli: CliJson;
let cliStatus: number;

beforeAll(async () => {
  books = await writeBooks();
  ({ json: cli, status: cliStatus } = await cliCheck(uploadOrder(), AS_OF, books.dir));
});

function uploadOrder(): string[] {
  return [books.correct, books.ruleBreaks, books.dataErrors, books.unreadable, books.dangBo];
}

async function open(options: { width?: number; query?: string } = {}): Promise<Page> {
  const session = await harness.standalone({ width: options.width ?? 1280, query: options.query ?? `?asOf=${AS_OF}`, stubPrint: true });
  return session.page;
}

/** Uploads files through the page's own file input and waits until every card is there. */
async function upload(page: Page, files: readonly string[]): Promise<void> {
  await pickFiles(page, books.dir, files);
  // Show every item of long lists.
  while ((await page.locator('button.more').count()) > 0) await page.locator('button.more').first().click();
}

const placeKey = (p: ShownPlace | CliPlace): string => `${p.code}|${p.severity}|${p.sheet}|${p.cell}|${p.message}`;
const sortedPlaces = (places: readonly (ShownPlace | CliPlace)[]): ShownPlace[] =>
  places
    .map((p) => ({ code: p.code, severity: p.severity, sheet: p.sheet, cell: p.cell, message: p.message }))
    .sort((a, b) => placeKey(a).localeCompare(placeKey(b)));

function cliFile(name: string): CliFile {
  const found = cli.files.find((file) => file.file === name);
  if (!found) throw new Error(`bontot check --json has no entry for ${name}`);
  return found;
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return '';
    return JSON.stringify(value);
  }
  return String(value);
}

/** Every cell of a sheet as text, and whether any cell holds a formula. */
function sheetCells(sheet: ExcelJS.Worksheet): { texts: string[]; formulas: string[] } {
  const texts: string[] = [];
  const formulas: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(cell.address);
      texts.push(valueText(cell.value));
    });
  });
  return { texts, formulas };
}

/** With several files the cards are folded: opens one as a user does, from its row in the board's table. */
async function openCard(page: Page, file: string): Promise<void> {
  const open = await page.locator(`.file-card[data-file="${file}"] details`).evaluate((d) => (d as HTMLDetailsElement).open);
  if (!open) await page.locator(`[data-testid="board-row"][data-file="${file}"] [data-testid="board-open"]`).click();
}

async function download(page: Page, testid: string, within?: string): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  if (within) await openCard(page, within);
  const button = within ? page.locator(`.file-card[data-file="${within}"] [data-testid="${testid}"]`) : page.locator(`[data-testid="${testid}"]`);
  const [event] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const target = path.join(OUTPUT, `downloaded-${event.suggestedFilename()}`);
  await event.saveAs(target);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(target);
  return { name: event.suggestedFilename(), workbook };
}

test('several workbooks: verdicts, criteria, reasons and issues on screen equal `bontot check --json`', async () => {
  const page = await open();
  const files = uploadOrder();
  await upload(page, files);
  const cards = await readCards(page);
  expect(cards.map((c) => c.file)).toEqual(files);
  expect(cliStatus).toBe(2); // one unreadable file

  for (const card of cards) {
    const expected = cliFile(card.file);
    if (expected.error !== undefined) {
      expect(card.status).toBe('error');
      expect(card.error).toBe(expected.error);
      expect(card.eligible).toBeNull();
      continue;
    }
    expect({ file: card.file, status: card.status, eligible: card.eligible }).toEqual({
      file: card.file,
      status: 'checked',
      eligible: expected.eligible,
    });
    expect(card.criteria).toEqual(expected.criteria);
    expect(sortedPlaces(card.reasons)).toEqual(sortedPlaces(expected.reasons ?? []));
    expect(sortedPlaces(card.issues)).toEqual(sortedPlaces(expected.issues ?? []));
    expect(card.organization).toContain(expected.organization?.name ?? '');
    expect(card.meta).toContain(AS_OF_SHOWN);
  }

  // The workbooks do what they were made for, so the comparison above is not vacuous.
  const byFile = Object.fromEntries(cards.map((c) => [c.file, c]));
  expect(byFile[books.correct]?.eligible).toBe(true);
  expect(byFile[books.dangBo]?.eligible).toBe(true);
  expect(byFile[books.ruleBreaks]?.eligible).toBe(false);
  expect(new Set(byFile[books.ruleBreaks]?.reasons.map((r) => r.code))).toEqual(
    new Set(['SPEAKERS_LOW', 'DURATION_SHORT', 'MINUTES_UNSIGNED', 'ABSENCE_UNEXCUSED', 'DISCIPLINE', 'RATING_NOT_COMPLETED']),
  );
  expect(byFile[books.ruleBreaks]?.issues).toEqual([]);
  expect(byFile[books.ruleBreaks]?.reasons.find((r) => r.code === 'SPEAKERS_LOW')).toMatchObject({ sheet: 'Sinh hoạt', cell: 'H5' });
  expect(byFile[books.dataErrors]?.reasons.map((r) => r.code)).toContain('DATA_INVALID');
  expect(new Set(byFile[books.dataErrors]?.issues.map((i) => i.code))).toEqual(
    new Set(['NUMBER_INVALID', 'DATE_INVALID', 'VALUE_INVALID', 'SCORE_INVALID', 'MATRIX_MISMATCH']),
  );
  expect(byFile[books.unreadable]?.error).toMatch(/không phải là sổ tính Excel/);

  // Reasons that block are listed before warnings; each place reads "trang Sheet, ô Cell".
  await openCard(page, books.ruleBreaks);
  const ruleCard = page.locator(`.file-card[data-file="${books.ruleBreaks}"]`);
  await expect(ruleCard.locator('[data-testid="reason"][data-code="SPEAKERS_LOW"]').innerText()).resolves.toContain('trang Sinh hoạt, ô H5');

  // The totals of several files are those of `bontot consolidate` for the same files: the three
  // chi bộ workbooks are one organisation (same name, kind and year), counted once.
  const consolidated = await cliConsolidate(files, AS_OF, books.dir, 'tong-hop-e2e.xlsx');
  expect(consolidated.totals.duplicates).toBe(2);
  const totals = page.locator('[data-testid="totals-line"]');
  await expect(totals.getAttribute('data-eligible')).resolves.toBe(String(consolidated.totals.eligible));
  await expect(totals.getAttribute('data-organizations')).resolves.toBe(String(consolidated.totals.organizations));
  await expect(page.locator('[data-testid="status"]').innerText()).resolves.toContain(
    `${consolidated.totals.eligible}/${consolidated.totals.organizations} tổ chức đủ điều kiện`,
  );

  await page.screenshot({ path: screenshotPath('standalone-results-1280'), fullPage: true });
});

test('the downloaded summary opens with ExcelJS and holds the verdict, values only', async () => {
  const page = await open();
  await upload(page, [books.ruleBreaks, books.correct]);

  const failing = await download(page, 'download-summary', books.ruleBreaks);
  expect(failing.name).toBe('chi-bo-vi-pham.tonghop.xlsx');
  expect(failing.workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp']);
  const failingCells = sheetCells(failing.workbook.getWorksheet('Tổng hợp') as ExcelJS.Worksheet);
  expect(failingCells.formulas).toEqual([]);
  const failingText = failingCells.texts.join('\n');
  expect(failingText).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  expect(failingText).toMatch(/Chưa đủ điều kiện/);
  expect(failingText).toContain('Chi bộ Phòng Tổ chức - Hành chính');
  // The reasons and the thresholds they used are in the document.
  expect(failingText).toMatch(/cần ít nhất 5/);

  const passing = await download(page, 'download-summary', books.correct);
  expect(passing.name).toBe('chi-bo-dat.tonghop.xlsx');
  const passingCells = sheetCells(passing.workbook.getWorksheet('Tổng hợp') as ExcelJS.Worksheet);
  expect(passingCells.formulas).toEqual([]);
  expect(passingCells.texts.join('\n')).toMatch(/(?<!Chưa )[Đđ]ủ điều kiện/);
  expect(passingCells.texts.join('\n')).not.toMatch(/Chưa đủ điều kiện/);
  await expect(page.locator('[data-testid="status"]').innerText()).resolves.toContain('chi-bo-dat.tonghop.xlsx');
});

test('several files: the consolidated workbook downloads with one row per file', async () => {
  const page = await open();
  const files = uploadOrder();
  await upload(page, files);
  const { name, workbook } = await download(page, 'download-consolidation');
  expect(name).toBe('danh-sach-to-chuc.xlsx');
  const sheet = workbook.getWorksheet('Danh sách tổ chức');
  expect(sheet).toBeDefined();
  const { texts, formulas } = sheetCells(sheet as ExcelJS.Worksheet);
  expect(formulas).toEqual([]);
  const all = texts.join('\n');
  for (const file of cli.files) {
    if (file.organization?.name) expect(all).toContain(file.organization.name);
  }
  // The unreadable file is listed too (by its file name), so nothing silently drops out.
  expect(all).toContain(books.unreadable);
  expect(all).toContain(`ngày ${AS_OF_SHOWN}`);
  // The rows' statuses: as many "eligible" organisations as the CLI counts.
  const rows: string[][] = [];
  (sheet as ExcelJS.Worksheet).eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(valueText)));
  // One row per organisation, each once (the three chi bộ workbooks are one organisation), and the unreadable file.
  const consolidated = await cliConsolidate(files, AS_OF, books.dir, 'tong-hop-e2e.xlsx');
  const listed = rows.filter((row) => /^\d+$/.test(row[0] ?? '')); // numbered rows (STT); the notes under the list are not
  expect(listed.map((row) => row[12])).toEqual(consolidated.rows.map((row) => row.file));
});

test('the print view renders the Tổng hợp document (print media) and the page hides behind it', async () => {
  const page = await open();
  await upload(page, [books.ruleBreaks]);
  await page.locator('[data-testid="print-summary"]').click();
  await expect(page.evaluate(() => (window as unknown as { __prints: number }).__prints)).resolves.toBe(1);
  const documentNode = page.locator('#print-view [data-testid="print-document"]');
  await expect(documentNode.count()).resolves.toBe(1);
  const text = await documentNode.innerText().catch(async () => (await documentNode.textContent()) ?? '');
  expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  expect(text).toMatch(/Chưa đủ điều kiện/);
  expect(text).toContain('BÍ THƯ');
  // No cell text became markup in the document.
  await expect(page.locator('#print-view td img, #print-view td script, #print-view td a').count()).resolves.toBe(0);

  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => ({
    print: getComputedStyle(document.getElementById('print-view') as HTMLElement).display,
    app: getComputedStyle(document.getElementById('app') as HTMLElement).display,
    height: (document.getElementById('print-view') as HTMLElement).getBoundingClientRect().height,
  }));
  expect(shown.print).not.toBe('none');
  expect(shown.app).toBe('none');
  expect(shown.height).toBeGreaterThan(300);
  await page.screenshot({ path: screenshotPath('standalone-print-view'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  const screen = await page.evaluate(() => getComputedStyle(document.getElementById('print-view') as HTMLElement).display);
  expect(screen).toBe('none');
});

test('without ?asOf the page checks as of today (pinned clock), like the CLI without --as-of', async () => {
  const { page } = await harness.standalone({ fixedTime: `${AS_OF}T09:00:00` });
  await upload(page, [books.ruleBreaks]);
  const [card] = await readCards(page);
  expect(card?.meta).toContain(AS_OF_SHOWN);
  const expected = cliFile(books.ruleBreaks);
  expect(card?.eligible).toBe(expected.eligible);
  expect(sortedPlaces(card?.reasons ?? [])).toEqual(sortedPlaces(expected.reasons ?? []));
});
