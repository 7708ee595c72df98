/**
 * The task pane in Excel mode, in Chromium: the built page (dist/) with office.js replaced by the
 * in-memory Office.js fake (officeFake.entry.ts). One workbook goes through what a user does:
 * create the template, fill it, check, click an issue and a reason (the selection moves), highlight
 * and clear, save a policy (a bad value first), write the summary, look at the deadlines. After
 * every step, every cell of the user's sheets keeps its value and format. Screenshots of each pane
 * at task-pane width (350 px) go to test/e2e/__screenshots__/.
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import type { CellScalar, FakeSheetInit } from '../fakes/office';
import { columnLetters, parseA1, parseRange } from '../../src/workbook/a1';
import { validChiBo } from '../workbook/grids';
import { AS_OF_SHOWN } from './books';
import {
  captureUserState,
  clickForStatus,
  fakeState,
  highlights,
  isAddinSheet,
  sheetValues,
  showTab,
  snapshotSheet,
  userChanges,
  writeCells,
  type CellWrite,
} from './excelPage';
import { useExcelHarness } from './pageHarness';
import { DIST, screenshotPath } from './support';

jest.setTimeout(120_000);

const excel = useExcelHarness();

/** The user's own sheet, there before the add-in: text, a number, fills, fonts and a conditional format. */
const NOTES: FakeSheetInit = {
  name: 'Ghi chép',
  values: [
    ['Việc cần làm', 'Hạn', 'Ghi chú'],
    ['Nộp báo cáo tự đánh giá', 46022, '=TODAY()'],
    ['Họp chi ủy', 46030, 'Phòng họp 2'],
  ],
};

async function decorateNotes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { fake } = (window as unknown as { __e2e: { fake: import('../fakes/office').FakeExcel } }).__e2e;
    fake.setCell('Ghi chép', 'A1:C1', { format: { fill: '#FFF2CC', font: { bold: true, color: '#1F4E78' }, horizontalAlignment: 'Center' } });
    fake.setCell('Ghi chép', 'B2:B3', { numberFormat: 'dd/mm/yyyy' });
    fake.setCell('Ghi chép', 'C2', { formula: '=TODAY()', value: '' });
    fake.addConditionalFormat('Ghi chép', ['B2:B3'], { type: 'Custom', formula: '=B2<TODAY()', fill: '#F8CBAD' });
  });
}

/** The fixture's data written where the template put its columns (headers must agree). */
function fillWrites(template: Record<string, CellScalar[][]>, fixture: ReturnType<typeof validChiBo>): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const grid of fixture) {
    const target = template[grid.name];
    if (!target) throw new Error(`the template has no sheet ${grid.name}`);
    if (grid.name === 'Thông tin') {
      // By label: fill or correct the value next to each item.
      let next = target.length;
      for (const row of grid.values.slice(1)) {
        const [label, value] = row as [string, CellScalar | null];
        const at = target.findIndex((r) => r[0] === label);
        if (value === null || value === undefined) continue;
        if (at >= 0) {
          if (target[at]?.[1] !== value) writes.push({ sheet: grid.name, address: `B${at + 1}`, value });
        } else {
          writes.push({ sheet: grid.name, address: `A${next + 1}`, value: label }, { sheet: grid.name, address: `B${next + 1}`, value });
          next += 1;
        }
      }
      continue;
    }
    if (grid.name === 'Tiêu chí') {
      // The template's own sub-criteria: every row with a maximum scores it in full.
      target.forEach((row, r) => {
        if (r > 0 && typeof row[2] === 'number') writes.push({ sheet: grid.name, address: `D${r + 1}`, value: row[2] });
      });
      continue;
    }
    const header = grid.values[0] as unknown[];
    header.forEach((title, c) => {
      if (title === null || title === undefined) return;
      const there = target[0]?.[c];
      if (there === '' || there === undefined) writes.push({ sheet: grid.name, address: `${columnLetters(c)}1`, value: title as CellScalar });
      else if (there !== title)
        throw new Error(`${grid.name}: the template's column ${columnLetters(c)} is "${String(there)}", the fixture's "${String(title)}"`);
    });
    grid.values.slice(1).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== '')
          writes.push({ sheet: grid.name, address: `${columnLetters(c)}${r + 2}`, value: value as CellScalar });
      }),
    );
  }
  return writes;
}

/** Whether a highlight ("Sheet!A1:B2,C3") covers a cell. */
function covers(marked: readonly string[], sheet: string, cell: string): boolean {
  const target = parseA1(cell);
  if (!target) throw new Error(`bad cell ${cell}`);
  return marked.some((entry) => {
    const bang = entry.lastIndexOf('!');
    if (entry.slice(0, bang) !== sheet) return false;
    return entry
      .slice(bang + 1)
      .split(',')
      .some((part) => {
        const range = parseRange(part);
        return (
          range !== null &&
          target.row >= range.start.row &&
          target.row <= range.end.row &&
          target.col >= range.start.col &&
          target.col <= range.end.col
        );
      });
  });
}

/** Runs one step; a failure names the step. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await work();
    if (process.env.E2E_DEBUG) process.stderr.write(`step "${name}": ${Date.now() - started} ms\n`);
    return result;
  } catch (error) {
    if (error instanceof Error) error.message = `[step: ${name}] ${error.message}`;
    throw error;
  }
}

/** Every cell (value, formula, number format, format), validation, merge … of the user's sheets is as captured. */
async function expectUserDataKept(page: Page, label: string, options: { highlightsToo?: boolean } = {}): Promise<void> {
  expect(await userChanges(page, label, options)).toEqual([]);
}

function shownPlaces(page: Page, testid: 'reason' | 'issue') {
  return page.evaluate(
    (id) =>
      [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)].map((node) => ({
        code: node.dataset.code ?? '',
        sheet: node.dataset.sheet ?? null,
        cell: node.dataset.cell ?? null,
        link: node.querySelector('button[data-testid="goto"]') !== null,
      })),
    testid,
  );
}

test('Excel mode: template → fill → check → select → highlight → clear → policy → summary, user cells untouched throughout', async () => {
  const session = await excel.open([NOTES]);
  const page = session.page;
  await decorateNotes(page);
  await captureUserState(page, 'start');
  const functionIds = (JSON.parse(readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string }[] }).functions.map(
    (f) => f.id,
  );

  await step('start-up', async () => {
    const state = await fakeState(page);
    // The functions bundle registered every custom function in the (shared) runtime.
    expect([...state.associated].sort()).toEqual([...functionIds].sort());
    await expect(page.locator('[data-testid="policy-note"]').getAttribute('data-i18n')).resolves.toBe('policy.loaded.default');
  });

  await step('create the template', async () => {
    await showTab(page, 'template');
    await page.locator('[data-testid="template-kind"]').selectOption('chi-bo.co-so');
    await page.locator('[data-testid="template-type"]').selectOption('co-quan');
    await page.locator('[data-testid="template-year"]').fill('2025');
    await page.locator('[data-testid="template-name"]').fill('Chi bộ Phòng Tổ chức - Hành chính');
    const { key } = await clickForStatus(page, '[data-testid="template-create"]', ['template.created', 'template.failed']);
    expect(key).toBe('template.created');
    const state = await fakeState(page);
    expect(state.sheets).toEqual([
      { name: 'Ghi chép', visibility: 'Visible' },
      { name: 'Thông tin', visibility: 'Visible' },
      { name: 'Đảng viên', visibility: 'Visible' },
      { name: 'Sinh hoạt', visibility: 'Visible' },
      { name: 'Điểm danh', visibility: 'Visible' },
      { name: 'Tiêu chí', visibility: 'Visible' },
      { name: 'Cấu hình', visibility: 'Hidden' },
      { name: 'Danh mục', visibility: 'Hidden' },
    ]);
    const created = await page
      .locator('[data-testid="template-created-sheet"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-sheet')));
    expect(created).toEqual(['Thông tin', 'Đảng viên', 'Sinh hoạt', 'Điểm danh', 'Tiêu chí', 'Cấu hình', 'Danh mục']);
    await expectUserDataKept(page, 'start', { highlightsToo: true });
    await captureUserState(page, 'template');
    await page.screenshot({ path: screenshotPath('excel-template-350'), fullPage: true });
  });

  await step('fill the template (through the fake, as a user types)', async () => {
    const names = ['Thông tin', 'Đảng viên', 'Sinh hoạt', 'Điểm danh', 'Tiêu chí'];
    const template: Record<string, CellScalar[][]> = {};
    for (const name of names) template[name] = await sheetValues(page, name);
    const fixture = validChiBo((spec) => {
      (spec.meetings[3] as { speakers: unknown }).speakers = 1; // SPEAKERS_LOW at Sinh hoạt!H5
      (spec.meetings[5] as { minutes: unknown }).minutes = 'nhiều'; // NUMBER_INVALID at Sinh hoạt!I7
    });
    await writeCells(page, fillWrites(template, fixture));
    expect(await captureUserState(page, 'filled')).toBeGreaterThan(1000);
    expect((await fakeState(page)).sheets.map((s) => s.name).filter((name) => !isAddinSheet(name))).toEqual(['Ghi chép', ...names]);
    // The fill changed the template's sheets (and the "unchanged" check would see it).
    await expect(userChanges(page, 'template')).resolves.not.toEqual([]);
  });

  await step('check', async () => {
    await showTab(page, 'check');
    const { text } = await clickForStatus(page, '[data-testid="check-run"]', ['check.done', 'check.failed']);
    expect(text).toMatch(/^Chưa đủ điều kiện đề nghị công nhận/);
    await expect(page.locator('[data-testid="verdict"]').getAttribute('data-eligible')).resolves.toBe('false');
    await expect(
      page.locator('[data-testid="criterion"]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-percent')])),
    ).resolves.toEqual([
      ['1.1', '100'],
      ['1.2', '100'],
      ['1.3', '100'],
      ['1.4', '100'],
    ]);
    const reasons = await shownPlaces(page, 'reason');
    const issues = await shownPlaces(page, 'issue');
    expect(reasons).toContainEqual({ code: 'SPEAKERS_LOW', sheet: 'Sinh hoạt', cell: 'H5', link: true });
    expect(reasons).toContainEqual({ code: 'DATA_INVALID', sheet: null, cell: null, link: false });
    expect(issues).toContainEqual({ code: 'NUMBER_INVALID', sheet: 'Sinh hoạt', cell: 'I7', link: true });
    // Every place with a cell is a link; the headings count what is listed.
    for (const place of [...reasons, ...issues]) expect(place.link).toBe(place.sheet !== null && place.cell !== null);
    await expect(page.locator('[data-testid="reasons"] h3').first().innerText()).resolves.toContain(`(${reasons.length})`);
    await expect(page.locator('[data-testid="issues"] h3').first().innerText()).resolves.toContain(`(${issues.length})`);
    await expect(page.locator('[data-testid="check-results"] .meta').innerText()).resolves.toContain(AS_OF_SHOWN);
    await expectUserDataKept(page, 'filled', { highlightsToo: true });
    await page.screenshot({ path: screenshotPath('excel-check-350'), fullPage: true });
  });

  await step('click an issue and a reason: the selection moves there', async () => {
    const issue = await clickForStatus(page, '[data-testid="issue"][data-code="NUMBER_INVALID"] [data-testid="goto"]', [
      'check.selected',
      'check.selectFailed',
    ]);
    expect(issue.text).toContain('trang Sinh hoạt, ô I7');
    let state = await fakeState(page);
    expect({ selection: state.selection, active: state.activeSheet }).toEqual({
      selection: { sheet: 'Sinh hoạt', address: 'I7' },
      active: 'Sinh hoạt',
    });
    const reason = await clickForStatus(page, '[data-testid="reason"][data-code="SPEAKERS_LOW"] [data-testid="goto"]', [
      'check.selected',
      'check.selectFailed',
    ]);
    expect(reason.key).toBe('check.selected');
    state = await fakeState(page);
    expect(state.selection).toEqual({ sheet: 'Sinh hoạt', address: 'H5' });
    await expectUserDataKept(page, 'filled', { highlightsToo: true });
  });

  await step('highlight, then clear', async () => {
    const lit = await clickForStatus(page, '[data-testid="highlight"]', ['check.highlighted', 'check.highlightFailed', 'check.nothingToHighlight']);
    expect(lit.key).toBe('check.highlighted');
    // Cells, formats and the user's own conditional formats unchanged; only the add-in's highlights are new.
    await expectUserDataKept(page, 'filled');
    const marked = await highlights(page);
    expect(marked.length).toBeGreaterThan(0);
    expect(covers(marked, 'Sinh hoạt', 'H5')).toBe(true);
    expect(covers(marked, 'Sinh hoạt', 'I7')).toBe(true);
    expect(covers(marked, 'Sinh hoạt', 'B2')).toBe(false);
    await expect(userChanges(page, 'filled', { highlightsToo: true })).resolves.not.toEqual([]);

    const cleared = await clickForStatus(page, '[data-testid="clear-highlights"]', ['check.cleared', 'check.highlightFailed']);
    expect(cleared.text).toContain(`Đã bỏ ${marked.length} vùng`);
    await expectUserDataKept(page, 'filled', { highlightsToo: true });
    await expect(highlights(page)).resolves.toEqual([]);
  });

  await step('policy: a bad value is refused and named; a good one is saved to Cấu hình', async () => {
    await showTab(page, 'policy');
    const field = page.locator('input[data-key="criterionMinPercent"]');
    await expect(field.inputValue()).resolves.toBe('95');
    const policyBefore = await snapshotSheet(page, 'Cấu hình');
    await field.fill('abc');
    const refused = await clickForStatus(page, '[data-testid="policy-save"]', ['policy.invalid', 'policy.saved', 'policy.failed']);
    expect(refused.key).toBe('policy.invalid');
    await expect(page.locator('[data-testid="field-error"][data-key="criterionMinPercent"]').isVisible()).resolves.toBe(true);
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await snapshotSheet(page, 'Cấu hình')).toEqual(policyBefore);
    await page.screenshot({ path: screenshotPath('excel-policy-error-350') });

    const calculationsBefore = (await fakeState(page)).calculations.length;
    await field.fill('90');
    const saved = await clickForStatus(page, '[data-testid="policy-save"]', ['policy.invalid', 'policy.saved', 'policy.failed']);
    expect(saved.key).toBe('policy.saved');
    const rows = await sheetValues(page, 'Cấu hình');
    expect(rows.find((row) => row[0] === 'criterionMinPercent')?.[1]).toBe(90);
    // The custom functions got the new policy and Excel recalculated.
    expect((await fakeState(page)).calculations.length).toBeGreaterThan(calculationsBefore);
    await expectUserDataKept(page, 'filled', { highlightsToo: true });
    await page.locator('[data-testid="tab-policy"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('excel-policy-350') });
  });

  await step('summary: the Tổng hợp sheet is written with values only and opened', async () => {
    await showTab(page, 'summary');
    const { key } = await clickForStatus(page, '[data-testid="summary-write"]', [
      'summary.written',
      'summary.replaced',
      'summary.renamed',
      'summary.failed',
      'check.failed',
    ]);
    expect(key).toBe('summary.written');
    await expectUserDataKept(page, 'filled', { highlightsToo: true });
    const summary = await snapshotSheet(page, 'Tổng hợp');
    const cells = Object.values(summary.cells);
    expect(cells.filter((cell) => cell.formula !== null)).toEqual([]);
    const text = cells.map((cell) => String(cell.value)).join('\n');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toMatch(/Chưa đủ điều kiện/);
    expect(text).toContain('Chi bộ Phòng Tổ chức - Hành chính');
    expect(text).toMatch(/BONTOT-GENERATED/); // the hidden marker
    // The check the summary ran used the saved policy (90 %).
    expect(text).toMatch(/≥ 90%/);
    expect((await fakeState(page)).activeSheet).toBe('Tổng hợp');
    await expect(page.locator('[data-testid="summary-result"]').getAttribute('data-sheet')).resolves.toBe('Tổng hợp');
    await page.screenshot({ path: screenshotPath('excel-summary-350'), fullPage: true });
  });

  await step('deadlines of the workbook year, as of the pinned day', async () => {
    await showTab(page, 'deadlines');
    await expect(page.locator('[data-testid="deadlines-year"]').inputValue()).resolves.toBe('2025');
    const rows = await page.locator('[data-testid="deadline"]').evaluateAll((nodes) =>
      nodes.map((n) => ({
        stage: n.getAttribute('data-stage'),
        date: n.getAttribute('data-date'),
        overdue: n.getAttribute('data-overdue'),
        days: n.getAttribute('data-days'),
      })),
    );
    expect(rows.map((r) => r.stage)).toEqual(['dangKy', 'chiTieu', 'deNghi', 'thamDinh', 'congNhan']);
    expect(rows.find((r) => r.stage === 'deNghi')).toMatchObject({ date: '2025-12-31', overdue: 'true' });
    expect(rows.find((r) => r.stage === 'thamDinh')).toMatchObject({ date: '2026-02-15', overdue: 'false', days: '31' });
    await expect(page.locator('[data-testid="deadline"][data-overdue="true"] [data-testid="overdue"]').count()).resolves.toBe(
      rows.filter((r) => r.overdue === 'true').length,
    );
    await expectUserDataKept(page, 'filled', { highlightsToo: true });
    await page.screenshot({ path: screenshotPath('excel-deadlines-350'), fullPage: true });
  });

  // Nothing at all changed in the user's sheets since they were filled (highlights included).
  await expectUserDataKept(page, 'filled', { highlightsToo: true });
});
