/**
 * Security of the page in Chromium, in both modes: workbook text carrying HTML and script is shown
 * as text and runs nothing; the page asks nothing of any other origin; the Content Security Policy
 * is sent (header) and declared (meta), and nothing violates it — the one exception being the
 * telemetry frame that Microsoft's office.js tries to add outside Office, which the CSP blocks.
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { sheetsFromGrids } from '../taskpane/helpers';
import { AS_OF, PAYLOADS, payloadGrids, writeBooks, type BookFiles } from './books';
import { clickForStatus } from './excelPage';
import { pickFiles, useBrowserHarness } from './pageHarness';
import { assertClean, foreignRequests, isOfficeTelemetryViolation, OFFICE_TELEMETRY_HOST, problems, ROOT, type Session } from './support';

jest.setTimeout(120_000);

const harness = useBrowserHarness({ officeStandIn: true });
let books: BookFiles;

beforeAll(async () => {
  books = await writeBooks();
});

/** The CSP that scripts/serve.js sends and taskpane.html declares. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SERVED_CSP = (require(path.join(ROOT, 'scripts', 'serve.js')) as { CSP: string }).CSP;

interface DomFacts {
  images: number;
  iframesFromData: number;
  inlineScripts: number;
  foreignScripts: string[];
  javascriptLinks: number;
  eventAttributes: string[];
  styleAttributes: number;
  pwned: boolean;
  text: string;
}

/** What the page's DOM holds that data could have smuggled in. */
function domFacts(page: Page): Promise<DomFacts> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const eventAttributes: string[] = [];
    for (const node of all) for (const attr of node.getAttributeNames()) if (/^on/i.test(attr)) eventAttributes.push(`${node.tagName}[${attr}]`);
    return {
      images: document.images.length,
      iframesFromData: [...document.querySelectorAll('iframe')].filter((f) => !/oaspapps\.com/.test(f.src)).length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      foreignScripts: [...document.scripts].map((s) => s.src).filter((src) => src && new URL(src).origin !== location.origin),
      javascriptLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((n) =>
        ['href', 'src', 'action', 'formaction'].some((a) => /^\s*javascript:/i.test(n.getAttribute(a) ?? '')),
      ).length,
      eventAttributes,
      // office.js's telemetry iframe (blocked) is the only element that may carry one.
      styleAttributes: all.filter((n) => n.hasAttribute('style') && !(n.tagName === 'IFRAME')).length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
      text: document.body.innerText,
    };
  });
}

function expectInert(facts: DomFacts): void {
  expect({
    images: facts.images,
    iframesFromData: facts.iframesFromData,
    inlineScripts: facts.inlineScripts,
    foreignScripts: facts.foreignScripts,
    javascriptLinks: facts.javascriptLinks,
    eventAttributes: facts.eventAttributes,
    styleAttributes: facts.styleAttributes,
    pwned: facts.pwned,
  }).toEqual({
    images: 0,
    iframesFromData: 0,
    inlineScripts: 0,
    foreignScripts: [],
    javascriptLinks: 0,
    eventAttributes: [],
    styleAttributes: 0,
    pwned: false,
  });
}

test('standalone: HTML and script in cells show as text, run nothing, and stay text in the print view', async () => {
  const session = await harness.standalone({ query: `?asOf=${AS_OF}`, stubPrint: true });
  const page = session.page;
  await page.setInputFiles('[data-testid="file-input"]', path.join(books.dir, books.payload));
  await page.waitForSelector('[data-testid="file-result"]');

  const facts = await domFacts(page);
  expectInert(facts);
  // The payloads are on screen, character for character.
  expect(facts.text).toContain(`${PAYLOADS.img} ${PAYLOADS.script}`); // the organisation's name
  expect(facts.text).toContain(`Xếp loại "${PAYLOADS.script}" không hợp lệ`);
  expect(facts.text).toContain(`Xếp loại "${PAYLOADS.link}" không hợp lệ`);
  expect(facts.text).toContain(`Tự đánh giá "${PAYLOADS.img}" không hợp lệ`);
  await expect(page.locator('[data-testid="organization"]').textContent()).resolves.toContain(PAYLOADS.img);

  await page.locator('[data-testid="print-summary"]').click();
  await page.waitForSelector('#print-view [data-testid="print-document"]', { state: 'attached' });
  const printed = await page.locator('#print-view').textContent();
  expect(printed).toContain(PAYLOADS.img);
  expectInert(await domFacts(page));
  expect(session.dialogs).toEqual([]);
});

test('Excel mode: HTML and script in cells show as text, run nothing, and a link to such a cell only selects it', async () => {
  const session = await harness.excel(sheetsFromGrids(payloadGrids()));
  const page = session.page;
  const { key } = await clickForStatus(page, '[data-testid="check-run"]', ['check.done', 'check.failed']);
  expect(key).toBe('check.done');
  const facts = await domFacts(page);
  expectInert(facts);
  expect(facts.text).toContain(`${PAYLOADS.img} ${PAYLOADS.script}`);
  expect(facts.text).toContain(`Tự đánh giá "${PAYLOADS.img}" không hợp lệ`);
  // The issue about the <script> rating is a link: clicking it selects the cell and nothing else.
  const selected = await clickForStatus(page, '[data-testid="issue"][data-cell="F4"] [data-testid="goto"]', ['check.selected', 'check.selectFailed']);
  expect(selected.text).toContain('trang Đảng viên, ô F4');
  expectInert(await domFacts(page));
  expect(session.dialogs).toEqual([]);
});

test('the CSP is sent as a header and declared in the page, the same policy, without unsafe sources', async () => {
  const { page } = await harness.session({ width: 1280, height: 900 });
  const response = await page.goto(`${harness.server.url}taskpane.html`);
  const header = response?.headers()['content-security-policy'];
  expect(header).toBe(SERVED_CSP);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(SERVED_CSP);
  // The built page declares what the source page declares.
  expect(readFileSync(path.join(ROOT, 'taskpane', 'taskpane.html'), 'utf8')).toContain(SERVED_CSP);
  for (const directive of ['default-src', 'script-src', 'style-src', 'connect-src', 'object-src', 'frame-src', 'base-uri', 'form-action']) {
    expect(SERVED_CSP).toMatch(new RegExp(`(^|; )${directive} `));
  }
  expect(SERVED_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
});

test('the violation detector works: an inline style and an inline script in the page are reported and blocked', async () => {
  const session = await harness.excel(sheetsFromGrids(payloadGrids()));
  const page = session.page;
  const outcome = await page.evaluate(() => {
    document.body.setAttribute('style', 'background: red');
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.head.appendChild(inline);
    inline.remove();
    return {
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.background).not.toBe('rgb(255, 0, 0)');
  let directives: string[] = [];
  for (let i = 0; i < 50 && !(directives.includes('script-src-elem') && directives.includes('style-src-attr')); i++) {
    await page.waitForTimeout(100);
    directives = [...new Set((await session.violations()).map((v) => v.directive))].sort();
  }
  expect(directives).toEqual(['script-src-elem', 'style-src-attr']);
  expect((await problems(session, harness.server.origin)).cspViolations.length).toBeGreaterThanOrEqual(2);
  // These were provoked on purpose: forget them (and their console lines) before the after-test check.
  await page.evaluate(() => document.body.removeAttribute('style'));
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length = 0;
  });
  session.consoleErrors.length = 0;
});

test('no request leaves the origin, in either mode; outside Office only office.js’s blocked telemetry frame breaks the CSP', async () => {
  // Standalone, with the real office.js, kept open past office.js's 3 s telemetry timer.
  const { server } = harness;
  const standalone = await harness.standalone({ query: `?asOf=${AS_OF}` });
  await pickFiles(standalone.page, books.dir, [books.correct, books.ruleBreaks]);
  await standalone.page.waitForTimeout(3500);
  expect(standalone.requests.length).toBeGreaterThan(5);
  expect(foreignRequests(standalone, server.origin)).toEqual([]);
  expect(standalone.requests.some((url) => url.includes(OFFICE_TELEMETRY_HOST))).toBe(false);
  const violations = await standalone.violations();
  // Whatever office.js attempted is blocked, attributed to office.js, and nothing else violates.
  expect(violations.filter((v) => !isOfficeTelemetryViolation(v))).toEqual([]);
  const frames = await standalone.page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.src));
  for (const src of frames) expect(new URL(src).host).toBe(OFFICE_TELEMETRY_HOST);
  await assertClean(standalone, server.origin, { officeTelemetry: true });
  await standalone.close();

  // Excel mode (no office.js from Microsoft): not a single violation, every request to the origin.
  const session = await harness.excel(sheetsFromGrids(payloadGrids()));
  await clickForStatus(session.page, '[data-testid="check-run"]', ['check.done', 'check.failed']);
  expect(session.requests.every((url) => url.startsWith(`${server.origin}/`))).toBe(true);
  expect(await session.violations()).toEqual([]);
});

test('the request check itself: a foreign URL is reported, the origin and its blobs are not', () => {
  const fake = {
    requests: ['http://localhost:1/taskpane.html', 'blob:http://localhost:1/abc', 'http://localhost:2/x.js', 'https://cdn.example.com/office.js'],
  } as Session;
  expect(foreignRequests(fake, 'http://localhost:1')).toEqual(['http://localhost:2/x.js', 'https://cdn.example.com/office.js']);
});
