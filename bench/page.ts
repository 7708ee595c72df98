/**
 * `page_first_verdict_kb`: the JavaScript the standalone page loads from its own origin before the
 * sample's verdict shows. dist/ is served by scripts/serve.js (the server of the browser tests,
 * with the page's CSP) and opened as `taskpane.html?sample=chi-bo-mau` in the Chromium the browser
 * tests use (test/e2e/chromium.js); every response until the verdict ([data-testid="verdict"]) is
 * in the page is recorded, and the `.js` ones from the page's origin are summed, except office.js
 * and the Microsoft files it loads beside it (assets/office-js/: Microsoft's, cached by Office and
 * not the product's weight). The body sizes are the bytes sent (the server does not compress).
 */
import { join } from 'path';
import type { Response } from 'playwright-core';

export interface PageFirstVerdictResult {
  page_first_verdict_kb: number;
  details: {
    /** The scripts counted, in the order they arrived, with their sizes in bytes. */
    scripts: { path: string; bytes: number }[];
    /** Scripts of the origin left out (office.js and its companions). */
    excluded: string[];
    /** Whether the ExcelJS chunk (chunks/xlsx.*) was among the scripts before the verdict. */
    excelJsChunk: boolean;
    browser: string;
  };
}

const ROOT = join(__dirname, '..');
const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

interface ResolvedChromium {
  source: string;
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
}

/** Whether a script path of the page's origin is Microsoft's office.js or one of its companions. */
export function isOfficeJsPath(path: string): boolean {
  return /(^|\/)assets\/office-js\//.test(path) || /(^|\/)office\.js$/i.test(path);
}

export async function measurePageFirstVerdict(dist: string, sample: string = 'chi-bo-mau'): Promise<PageFirstVerdictResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resolveChromium } = require(join(ROOT, 'test', 'e2e', 'chromium.js')) as { resolveChromium(): Promise<ResolvedChromium> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(join(ROOT, 'scripts', 'serve.js')) as {
    serve(options: { root: string; port: number; tls: null }): Promise<{ server: import('http').Server; url: string }>;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const found = await resolveChromium();
  const { server, url } = await serve({ root: dist, port: 0, tls: null });
  const origin = new URL(url).origin;
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    args: found.args,
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
  });
  try {
    const context = await browser.newContext({ locale: 'vi-VN', serviceWorkers: 'block' });
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${url}taskpane.html?sample=${encodeURIComponent(sample)}`);
    await page.waitForSelector('[data-testid="verdict"]', { state: 'attached', timeout: 60_000 });
    const before = [...responses];
    const scripts: { path: string; bytes: number }[] = [];
    const excluded: string[] = [];
    for (const response of before) {
      const address = new URL(response.url());
      if (address.origin !== origin || !address.pathname.endsWith('.js')) continue;
      const path = address.pathname.replace(/^\//, '');
      if (isOfficeJsPath(path)) {
        excluded.push(path);
        continue;
      }
      scripts.push({ path, bytes: (await response.body()).byteLength });
    }
    await context.close();
    return {
      page_first_verdict_kb: kb(scripts.reduce((sum, s) => sum + s.bytes, 0)),
      details: {
        scripts,
        excluded,
        excelJsChunk: scripts.some((s) => /(^|\/)chunks\/xlsx\./.test(s.path)),
        browser: found.source,
      },
    };
  } finally {
    await browser.close();
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (require.main === module) {
  measurePageFirstVerdict(join(ROOT, 'dist')).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
