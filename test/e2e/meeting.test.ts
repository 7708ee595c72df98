/**
 * Ghi buổi sinh hoạt in Chromium (issue 26): the built page with office.js replaced by the
 * in-memory Office.js fake, at task-pane width (350 px). A clerk opens the tab, marks one member
 * absent, types speakers and minutes, sees the preview, saves; only the meeting's `Sinh hoạt` row
 * and `Điểm danh` column change, and the check then finds no data issue on those sheets.
 * Screenshot: test/e2e/__screenshots__/excel-meeting-350.png.
 */
import type { FakeSheetInit } from '../fakes/office';
import { withoutMeetings } from '../hosts/meetingRecording';
import { validChiBo } from '../workbook/grids';
import { captureUserState, clickForStatus, userChanges } from './excelPage';
import { useExcelHarness } from './pageHarness';
import { screenshotPath } from './support';

jest.setTimeout(120_000);

const excel = useExcelHarness();

/** The user's own sheet, there before the add-in. */
const NOTES: FakeSheetInit = {
  name: 'Ghi chép',
  values: [
    ['Việc cần làm', 'Hạn'],
    ['Họp chi ủy', 46030],
  ],
};

test('record a meeting at 350 px: preview before saving, one row and one column written, nothing else', async () => {
  const session = await excel.open([...withoutMeetings(validChiBo()), NOTES]);
  const page = session.page;
  await captureUserState(page, 'start');

  await page.locator('[data-testid="tab-meeting"]').click();
  await page.waitForSelector('[data-testid="tab-meeting"][aria-selected="true"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="meeting-mark"]').length === 13);
  const marks = page.locator('[data-testid="meeting-mark"]');
  await expect(marks.evaluateAll((nodes) => nodes.map((n) => (n as HTMLSelectElement).value))).resolves.toEqual([...Array(12).fill('C'), 'M']);

  await page.locator('[data-testid="meeting-date"]').fill('2025-01-08');
  await marks.nth(1).selectOption('P');
  await page.locator('[data-testid="meeting-speakers"]').fill('4');
  await page.locator('[data-testid="meeting-minutes"]').fill('95');
  await page.locator('[data-testid="meeting-self"]').selectOption('tot');
  // The preview names the unmet rule before anything is saved: 4 speakers, 12 members need 5.
  const preview = page.locator('[data-testid="meeting-preview"]');
  await expect(preview.textContent()).resolves.toContain('4 ý kiến phát biểu, cần ít nhất 5.');
  await page.locator('[data-testid="meeting-speakers"]').fill('6');
  await expect(preview.textContent()).resolves.toContain('6 ý kiến phát biểu, cần ít nhất 5.');
  await expect(preview.textContent()).resolves.toContain('Tỷ lệ dự họp 91,67%, cần trên 85%.');
  await page.screenshot({ path: screenshotPath('excel-meeting-350'), fullPage: true });

  const { key } = await clickForStatus(page, '[data-testid="meeting-save"]', ['meeting.saved', 'meeting.failed', 'meeting.invalid']);
  expect(key).toBe('meeting.saved');
  const changes = await userChanges(page, 'start');
  const places = changes.map((line) => line.slice(0, line.indexOf(':')));
  // Sinh hoạt row 2 and Điểm danh column C only (the sheets' other cells, and the user's sheet, as they were).
  expect(places.length).toBeGreaterThan(0);
  for (const place of places) expect(place).toMatch(/^(Sinh hoạt![A-L]2|Điểm danh!C\d+)$/);
  expect(places).toEqual(expect.arrayContaining(['Sinh hoạt!B2', 'Sinh hoạt!E2', 'Điểm danh!C1', 'Điểm danh!C3']));

  // The check agrees with what was recorded: no data issue on the two sheets.
  await page.locator('[data-testid="tab-check"]').click();
  const checked = await clickForStatus(page, '[data-testid="check-run"]', ['check.done', 'check.failed']);
  expect(checked.key).toBe('check.done');
  const issues = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="issue"]')].map((n) => `${n.dataset.code} ${n.dataset.sheet}!${n.dataset.cell}`),
  );
  expect(issues.filter((line) => / (Sinh hoạt|Điểm danh)!/.test(line))).toEqual([]);
});
