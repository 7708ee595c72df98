/**
 * Driving the task pane in Excel mode in Chromium: the page loads with the Office.js stand-in
 * (officeFake.entry.ts) holding an in-memory workbook; the tests act through the real UI and read
 * the workbook back through the fake's own API (window.__e2e.fake) with page.evaluate.
 */
import type { Browser, Page } from 'playwright-core';
import type { CellScalar, FakeSheetInit, SheetSnapshot } from '../fakes/office';
import type { E2EHandle } from './officeFake.entry';
import { openSession, type Server, type Session } from './support';

export { isAddinSheet } from './userState';

type E2EWindow = Window & { __e2e: E2EHandle };

export async function openExcel(
  browser: Browser,
  server: Server,
  script: string,
  sheets: FakeSheetInit[],
  options: { width?: number; height?: number; today?: string } = {},
): Promise<Session> {
  const session = await openSession(browser, {
    width: options.width ?? 350,
    height: options.height ?? 900,
    office: { script, init: { sheets } },
    fixedTime: `${options.today ?? '2026-01-15'}T09:00:00`,
  });
  await session.page.goto(`${server.url}taskpane.html`);
  await session.page.waitForSelector('#app[data-mode="excel"] [data-testid="tab-check"]');
  // The start-up read (year and policy) is done when the policy note leaves "loading".
  await session.page.waitForFunction(() => document.querySelector('[data-testid="policy-note"]')?.getAttribute('data-i18n') !== 'policy.loading');
  return session;
}

/** Clicks, then waits until the status line announces `key` (one of the i18n keys), and returns its text. */
export async function clickForStatus(page: Page, selector: string, keys: string | readonly string[]): Promise<{ key: string; text: string }> {
  const wanted = typeof keys === 'string' ? [keys] : [...keys];
  await page.evaluate(() => document.querySelector('[data-testid="status"]')?.removeAttribute('data-i18n'));
  await page.locator(selector).click();
  try {
    await page.waitForFunction((list) => list.includes(document.querySelector('[data-testid="status"]')?.getAttribute('data-i18n') ?? ''), wanted, {
      timeout: 20_000,
    });
  } catch {
    const now = await page.locator('[data-testid="status"]').textContent();
    throw new Error(`after a click on ${selector}, the status line never announced ${wanted.join(' or ')} (it says "${now ?? ''}")`);
  }
  return page.evaluate(() => {
    const node = document.querySelector('[data-testid="status"]') as HTMLElement;
    return { key: node.getAttribute('data-i18n') ?? '', text: node.textContent ?? '' };
  });
}

export async function showTab(page: Page, tab: 'check' | 'summary' | 'template' | 'policy' | 'deadlines'): Promise<void> {
  await page.locator(`[data-testid="tab-${tab}"]`).click();
  await page.waitForSelector(`[data-testid="tab-${tab}"][aria-selected="true"]`);
}

// ------------------------------------------------------------------------------ the fake, read back

// Big results travel as one JSON string: Playwright's structured serialisation of large objects is slow.

/** One sheet's full snapshot. */
export async function snapshotSheet(page: Page, sheet: string): Promise<SheetSnapshot> {
  return JSON.parse(
    await page.evaluate((name) => JSON.stringify((window as unknown as E2EWindow).__e2e.fake.snapshot(name)), sheet),
  ) as SheetSnapshot;
}

export function fakeState(page: Page): Promise<{
  sheets: { name: string; visibility: string }[];
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
  calculations: string[];
  associated: string[];
}> {
  return page.evaluate(() => {
    const { fake, associated } = (window as unknown as E2EWindow).__e2e;
    return {
      sheets: fake.sheetNames().map((name) => ({ name, visibility: fake.sheet(name).visibility })),
      selection: fake.selection,
      activeSheet: fake.activeSheet,
      calculations: [...fake.calculations],
      associated: [...associated],
    };
  });
}

export async function sheetValues(page: Page, sheet: string): Promise<CellScalar[][]> {
  return JSON.parse(await page.evaluate((name) => JSON.stringify((window as unknown as E2EWindow).__e2e.fake.values(name)), sheet)) as CellScalar[][];
}

export interface CellWrite {
  sheet: string;
  address: string;
  value: CellScalar;
}

/** Types values into cells through the fake's API (as stored values, like a person's entries). */
export async function writeCells(page: Page, writes: readonly CellWrite[]): Promise<void> {
  await page.evaluate((json) => {
    const { fake } = (window as unknown as E2EWindow).__e2e;
    for (const write of JSON.parse(json) as CellWrite[]) fake.setCell(write.sheet, write.address, { value: write.value });
  }, JSON.stringify(writes));
}

// ------------------------------------------------------------------------------ "nothing changed"

/** Remembers the user's sheets (values, formats, validations, merges, their own conditional formats) in the page. */
export async function captureUserState(page: Page, label: string): Promise<number> {
  return page.evaluate((name) => (window as unknown as E2EWindow).__e2e.capture(name), label);
}

/** Differences of the user's sheets since captureUserState(label); the add-in's highlights count only with highlightsToo. */
export function userChanges(page: Page, label: string, options: { highlightsToo?: boolean } = {}): Promise<string[]> {
  return page.evaluate(([name, too]) => (window as unknown as E2EWindow).__e2e.changes(name, too), [label, options.highlightsToo === true] as const);
}

/** The add-in's highlight conditional formats, "Sheet!ranges". */
export function highlights(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as E2EWindow).__e2e.highlights());
}
