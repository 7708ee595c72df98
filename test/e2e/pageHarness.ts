/**
 * The set-up every browser test file shares, in one place:
 *  - useBrowserHarness: once per file the build check, the server over dist/, one Chromium and
 *    (with `officeStandIn`) the Office.js stand-in; after each test, the test's session checked
 *    clean (assertClean) and closed; after the file, the browser and the server closed.
 *  - the standalone page (dist/taskpane.html in a plain browser, Microsoft's real office.js → host
 *    null): opened and ready, files picked through its file input until every card is there.
 *  - the Excel pane against the stand-in (excelPage.ts's openExcel).
 * The after-test check tolerates office.js's blocked telemetry frame (support.ts) in standalone
 * sessions only: Excel sessions load the stand-in instead of office.js, so nothing is tolerated.
 */
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { FakeSheetInit } from '../fakes/office';
import { openExcel } from './excelPage';
import {
  assertClean,
  buildOfficeStandIn,
  launchBrowser,
  openSession,
  requireBuild,
  startServer,
  type Server,
  type Session,
  type SessionOptions,
} from './support';

/** The selector of an element of the standalone page by its data-testid. */
export function standaloneSelector(testid: string): string {
  return `#app[data-mode="standalone"] [data-testid="${testid}"]`;
}

export interface StandaloneOptions {
  width?: number;
  height?: number;
  /** Appended to taskpane.html, e.g. `?asOf=2026-01-15`. */
  query?: string;
  /** What shows when the page is ready (default: the pick-files button). */
  waitFor?: string;
  /** Runs before the page's own scripts (e.g. to take a browser feature away). */
  initScript?: string;
  stubPrint?: boolean;
  fixedTime?: string;
}

export interface ExcelOptions {
  width?: number;
  height?: number;
  today?: string;
}

export interface BrowserHarness {
  readonly browser: Browser;
  readonly server: Server;
  /** A standalone-mode session whose page is still blank (the test opens what it wants). */
  session(options: SessionOptions): Promise<Session>;
  /** The standalone page, opened and ready. */
  standalone(options?: StandaloneOptions): Promise<Session>;
  /** The Excel pane against the Office.js stand-in (needs `officeStandIn`), starting from `sheets`. */
  excel(sheets: FakeSheetInit[], options?: ExcelOptions): Promise<Session>;
  /** Closes the test's session now, without the after-test check. */
  closeSession(): Promise<void>;
}

export function useBrowserHarness(options: { officeStandIn?: boolean } = {}): BrowserHarness {
  let browser: Browser;
  let server: Server;
  let script: string | null = null;
  /** The test's session and whether office.js's telemetry frame is tolerated in its check. */
  let current: { session: Session; officeTelemetry: boolean } | null = null;

  beforeAll(async () => {
    requireBuild();
    [server, browser, script] = await Promise.all([startServer(), launchBrowser(), options.officeStandIn ? buildOfficeStandIn() : null]);
  });

  afterEach(async () => {
    if (!current) return;
    const { session, officeTelemetry } = current;
    current = null;
    try {
      await assertClean(session, server.origin, { officeTelemetry });
    } finally {
      await session.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const keep = (session: Session, officeTelemetry: boolean): Session => {
    current = { session, officeTelemetry };
    return session;
  };

  return {
    get browser() {
      return browser;
    },
    get server() {
      return server;
    },
    session: async (sessionOptions) => keep(await openSession(browser, sessionOptions), true),
    standalone: async (page = {}) => {
      const session = keep(
        await openSession(browser, { width: page.width ?? 1280, height: page.height ?? 900, stubPrint: page.stubPrint, fixedTime: page.fixedTime }),
        true,
      );
      if (page.initScript) await session.page.addInitScript(page.initScript);
      await session.page.goto(`${server.url}taskpane.html${page.query ?? ''}`);
      await session.page.waitForSelector(page.waitFor ?? standaloneSelector('pick-files'));
      return session;
    },
    excel: async (sheets, excelOptions) => {
      if (script === null) throw new Error('The Excel pane needs the Office.js stand-in: useBrowserHarness({ officeStandIn: true }).');
      return keep(await openExcel(browser, server, script, sheets, excelOptions), false);
    },
    closeSession: async () => {
      const session = current?.session;
      current = null;
      await session?.close();
    },
  };
}

/**
 * The Excel-mode harness of a browser test file (useBrowserHarness with the stand-in): `open`
 * starts a test's pane.
 */
export function useExcelHarness(): { open(sheets: FakeSheetInit[]): Promise<Session> } {
  const harness = useBrowserHarness({ officeStandIn: true });
  return { open: (sheets) => harness.excel(sheets) };
}

/** Waits until the standalone page shows `count` file cards and is idle (its pick button enabled again). */
export async function waitForCards(page: Page, count: number, options: { timeout?: number } = {}): Promise<void> {
  await page.waitForFunction(
    (cards) =>
      document.querySelectorAll('.file-card').length === cards &&
      !(document.querySelector('[data-testid="pick-files"]') as HTMLButtonElement).disabled,
    count,
    options,
  );
}

/**
 * Picks files of `dir` through the standalone page's own file input and waits until there are
 * `cards` cards (default: one per file) and the page is idle.
 */
export async function pickFiles(
  page: Page,
  dir: string,
  files: readonly string[],
  options: { cards?: number; timeout?: number } = {},
): Promise<void> {
  await page.setInputFiles(
    '[data-testid="file-input"]',
    files.map((file) => path.join(dir, file)),
  );
  await waitForCards(page, options.cards ?? files.length, options.timeout === undefined ? {} : { timeout: options.timeout });
}

export interface ShownPlace {
  code: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  message: string;
}

export interface ShownCard {
  file: string;
  status: string;
  eligible: boolean | null;
  criteria: { id: string; percent: number | null; pass: boolean | null }[];
  reasons: ShownPlace[];
  issues: ShownPlace[];
  error: string | null;
  organization: string | null;
  meta: string | null;
}

/** Everything the standalone page shows per file card, read through the data-testid hooks. */
export function readCards(page: Page): Promise<ShownCard[]> {
  return page.evaluate(() => {
    const places = (card: Element, id: string) =>
      [...card.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)].map((node) => ({
        code: node.dataset.code ?? '',
        severity: node.dataset.severity ?? '',
        sheet: node.dataset.sheet ?? null,
        cell: node.dataset.cell ?? null,
        message: node.querySelector('[data-testid="message"]')?.textContent ?? '',
      }));
    return [...document.querySelectorAll<HTMLElement>('.file-card')].map((card) => {
      const verdict = card.querySelector<HTMLElement>('[data-testid="verdict"]');
      return {
        file: card.dataset.file ?? '',
        status: card.dataset.status ?? '',
        eligible: verdict ? verdict.dataset.eligible === 'true' : null,
        criteria: [...card.querySelectorAll<HTMLElement>('[data-testid="criterion"]')].map((row) => ({
          id: row.dataset.id ?? '',
          percent: row.dataset.percent ? Number(row.dataset.percent) : null,
          // data-pass is "null" for a criterion that cannot be computed (an invalid point cell).
          pass: row.dataset.pass === 'null' ? null : row.dataset.pass === 'true',
        })),
        reasons: places(card, 'reason'),
        issues: places(card, 'issue'),
        error: card.querySelector('[data-testid="error-message"]')?.textContent ?? null,
        organization: card.querySelector('[data-testid="organization"]')?.textContent ?? null,
        meta: card.querySelector('.meta')?.textContent ?? null,
      };
    });
  });
}
