/**
 * Shared pieces of the real-browser tests (Chromium driven by playwright-core; which Chromium is
 * decided once per Jest run by test/e2e/chromium.js in globalSetup):
 *  - requireBuild: the tests run against dist/ (`npm run build`) in a browser; without either they
 *    fail loudly.
 *  - startServer: scripts/serve.js over dist/ on a free port (it sends the page's CSP header).
 *  - launchBrowser: one headless Chromium per test file.
 *  - buildOfficeStandIn: test/e2e/officeFake.entry.ts bundled for the browser (webpack Node API),
 *    served instead of office.js in Excel mode.
 *  - openSession: a fresh context + page that records every request, dialog, console error, page
 *    error and CSP violation; assertClean fails the test on any of them.
 *  - fixture workbooks as files (writeWorkbookFile) and `bontot check --json` through the built CLI.
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, promises as fs, readdirSync } from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { writeWorkbookFile } from '../../src/hosts/xlsx/node';
import type { CellValue, SheetGrid, SheetLayout } from '../../src/workbook/types';
import type { E2EInit } from './officeFake.entry';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The build under test: dist/, or E2E_DIST (test/e2e/mutants.js points it at broken copies). */
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(__dirname, '__screenshots__');
export const OUTPUT = path.join(__dirname, '__output__');

/** What test/e2e/chromium.js resolved (handed over by Jest's globalSetup in BONTOT_CHROMIUM). */
export interface ResolvedChromium {
  source: string;
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
}

/** The browser of this run; throws the resolver's message when there is none. */
export function chromiumOfRun(): ResolvedChromium {
  const error = process.env.BONTOT_CHROMIUM_ERROR;
  if (error) throw new Error(`The browser tests need Chromium. ${error}`);
  const json = process.env.BONTOT_CHROMIUM;
  if (!json) throw new Error('The browser tests need Chromium: run them with Jest and its globalSetup (jest.config.js → test/e2e/globalSetup.js).');
  return JSON.parse(json) as ResolvedChromium;
}

/** The files of `npm run build` the tests need. */
const BUILT = ['taskpane.html', 'taskpane.js', 'functions.js', 'taskpane.css', 'assets/office-js/office.js', 'cli/cli.js'];

/** Throws (never skips) when dist/ or Chromium is missing. */
export function requireBuild(): void {
  const missing = BUILT.filter((file) => !existsSync(path.join(DIST, file)));
  if (missing.length > 0) {
    throw new Error(
      `The browser tests need the built page: ${missing.map((file) => path.join(DIST, file)).join(', ')} missing. Run \`npm run build\` first (\`npm test\` does).`,
    );
  }
  const browser = chromiumOfRun();
  if (!existsSync(browser.executablePath)) {
    throw new Error(`The browser tests need Chromium at ${browser.executablePath} (${browser.source}), which is gone.`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(OUTPUT, { recursive: true });
}

export interface Server {
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(ROOT, 'scripts', 'serve.js')) as {
    serve(options: { root: string; port: number; tls: null }): Promise<{ server: import('http').Server; url: string }>;
  };
  const { server, url } = await serve({ root: DIST, port: 0, tls: null });
  return {
    url,
    origin: new URL(url).origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  const { executablePath, args, env } = chromiumOfRun();
  return chromium.launch({ executablePath, args, ...(env ? { env: { ...process.env, ...env } } : {}) });
}

const FAKE_OFFICE_DIR = path.join(ROOT, 'test', 'fakes', 'office');
const STAND_IN_SOURCES = [
  path.join(__dirname, 'officeFake.entry.ts'),
  path.join(__dirname, 'userState.ts'),
  path.join(ROOT, 'test', 'support', 'customFunctionsStub.ts'),
  ...readdirSync(FAKE_OFFICE_DIR)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.join(FAKE_OFFICE_DIR, name)),
];

/**
 * Bundles test/e2e/officeFake.entry.ts (with test/fakes/office/) into one browser script. The
 * result is kept in OUTPUT under a hash of its sources, so the test files of one run bundle once.
 */
export async function buildOfficeStandIn(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of STAND_IN_SOURCES) hash.update(await fs.readFile(file));
  const cached = path.join(OUTPUT, `office-standin.${hash.digest('hex').slice(0, 16)}.js`);
  if (existsSync(cached)) return fs.readFile(cached, 'utf8');

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const filename = `office-standin.build-${process.pid}.js`;
  const compiler = webpack({
    mode: 'none',
    target: 'web',
    devtool: false,
    entry: path.join(__dirname, 'officeFake.entry.ts'),
    output: { path: OUTPUT, filename, iife: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.bundle.json') } },
        },
      ],
    },
    optimization: { minimize: false },
    performance: { hints: false },
  });
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error ?? new Error('webpack gave no result')) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(`Bundling the Office.js stand-in failed:\n${stats.toString('errors-only')}`);
  const built = path.join(OUTPUT, filename);
  const script = await fs.readFile(built, 'utf8');
  // Rename is atomic: a test file running beside this one reads a whole bundle or none.
  await fs.rename(built, cached);
  return script;
}

// ------------------------------------------------------------------------------------- sessions

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  /** The script that caused it (when the browser knows). */
  source: string;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request URL the page made, in order. */
  requests: string[];
  dialogs: string[];
  consoleErrors: { text: string; url: string }[];
  pageErrors: string[];
  /** CSP violations seen by the page (securitypolicyviolation events), read from the page. */
  violations(): Promise<CspViolation[]>;
  close(): Promise<void>;
}

export interface SessionOptions {
  width?: number;
  height?: number;
  /** Excel mode: serve this stand-in instead of office.js, starting from this workbook. */
  office?: { script: string; init: E2EInit };
  /** Pins the page's clock (Date) to this local time, e.g. '2026-01-15T09:00:00'. */
  fixedTime?: string;
  /** Replaces window.print with a counter (headless Chromium cannot show the dialog). */
  stubPrint?: boolean;
}

const WATCH_SCRIPT = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample || '',
      source: event.sourceFile || '',
    });
  });
`;

const PRINT_STUB = `
  window.__prints = 0;
  window.print = () => { window.__prints += 1; };
`;

export async function openSession(browser: Browser, options: SessionOptions = {}): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    deviceScaleFactor: 1,
  });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: { text: string; url: string }[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(WATCH_SCRIPT);
  if (options.stubPrint) await context.addInitScript(PRINT_STUB);
  if (options.office) {
    const body = `window.__e2eInit = ${JSON.stringify(options.office.init)};\n${options.office.script}`;
    await context.route('**/assets/office-js/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body }),
    );
  }
  const page = await context.newPage();
  if (options.fixedTime) await page.clock.setFixedTime(new Date(options.fixedTime));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
      consoleErrors.push({ text: message.text(), url: message.location().url });
    }
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return {
    context,
    page,
    requests,
    dialogs,
    consoleErrors,
    pageErrors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: CspViolation[] }).__cspViolations ?? []),
    close: () => context.close(),
  };
}

/** Requests that left the server's origin (blob: URLs the page made itself are its own). */
export function foreignRequests(session: Session, origin: string): string[] {
  return session.requests.filter((url) => !(url.startsWith(`${origin}/`) || url === origin || url.startsWith(`blob:${origin}/`)));
}

/**
 * Microsoft's office.js (its companion o15apptofilemappingtable.js), loaded outside Office, starts a
 * timer that adds a hidden telemetry iframe (style="display:none", src on
 * telemetryservice.firstpartyapps.oaspapps.com) 3 s after load. The page's CSP blocks both the
 * inline style and the frame, so nothing is sent; these two violations — and only they, attributed
 * to office.js by the browser — are what `officeTelemetry` tolerates (standalone mode only).
 */
export const OFFICE_TELEMETRY_HOST = 'telemetryservice.firstpartyapps.oaspapps.com';
const OFFICE_SCRIPT = /\/assets\/office-js\/[^/]+\.js$/;

export function isOfficeTelemetryViolation(violation: CspViolation): boolean {
  if (violation.directive === 'frame-src') return new URL(violation.blocked, 'http://x/').host === OFFICE_TELEMETRY_HOST;
  return violation.directive === 'style-src-attr' && violation.blocked === 'inline' && OFFICE_SCRIPT.test(violation.source);
}

function isOfficeTelemetryMessage(message: { text: string; url: string }): boolean {
  if (message.text.includes(`'https://${OFFICE_TELEMETRY_HOST}/'`) && /frame-src/.test(message.text)) return true;
  return /^Applying inline style violates/.test(message.text) && OFFICE_SCRIPT.test(message.url);
}

/** What a session saw that it should not have (empty lists when clean). */
export async function problems(session: Session, origin: string, options: { officeTelemetry?: boolean } = {}) {
  const violations = session.page.isClosed() ? [] : await session.violations();
  const tolerated = options.officeTelemetry === true;
  return {
    foreignRequests: foreignRequests(session, origin),
    dialogs: session.dialogs,
    consoleErrors: session.consoleErrors.filter((m) => !(tolerated && isOfficeTelemetryMessage(m))).map((m) => `${m.text} (${m.url})`),
    pageErrors: session.pageErrors,
    cspViolations: violations.filter((v) => !(tolerated && isOfficeTelemetryViolation(v))),
  };
}

/** Fails on a request outside the origin, a dialog, a console error, a page error or a CSP violation. */
export async function assertClean(session: Session, origin: string, options: { officeTelemetry?: boolean } = {}): Promise<void> {
  expect(await problems(session, origin, options)).toEqual({
    foreignRequests: [],
    dialogs: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
  });
}

/** Where a screenshot goes: __screenshots__ (committed), or OUTPUT when testing another build (E2E_DIST). */
export function screenshotPath(name: string): string {
  const dir = process.env.E2E_DIST ? path.join(OUTPUT, 'screenshots') : SCREENSHOTS;
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

// ------------------------------------------------------------------------------------- workbooks

/** Grids as plain layouts (values only), as a person's workbook would be. */
export function plainLayouts(grids: readonly SheetGrid[]): SheetLayout[] {
  return grids.map((grid) => ({
    name: grid.name,
    values: grid.values.map((row) => row.map((value) => (value === undefined ? null : (value as CellValue)))),
    columns: [],
    formats: [],
    merges: [],
    validations: [],
    frozenRows: 0,
    hidden: grid.hidden ?? false,
  }));
}

/** Writes a workbook made of grids to OUTPUT/name; returns the path. */
export async function writeGrids(name: string, grids: readonly SheetGrid[]): Promise<string> {
  const file = path.join(OUTPUT, name);
  await writeWorkbookFile(plainLayouts(grids), file, { kind: null });
  return file;
}

/** What `bontot check --json` prints (SPEC §6). */
export interface CliJson {
  asOf: string;
  files: CliFile[];
  summary: {
    organizations: number;
    eligible: number;
    share: number | null;
    target: number;
    targetMet: boolean;
    subordinate: { organizations: number; eligible: number };
  };
}
export interface CliPlace {
  code: string;
  severity: string;
  message: string;
  sheet: string | null;
  cell: string | null;
}
export interface CliFile {
  file: string;
  error?: string;
  eligible: boolean;
  organization?: { name: string | null; kind: string | null; level: string | null; year: number | null };
  criteria?: { id: string; percent: number | null; pass: boolean | null }[];
  reasons?: CliPlace[];
  issues?: CliPlace[];
}

/** Runs the built CLI (`node bin/bontot.js check … --json`) in `cwd`; any exit status is fine. */
export function cliCheck(files: readonly string[], asOf: string, cwd: string): Promise<{ json: CliJson; status: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'bontot.js'), 'check', ...files, '--json', '--as-of', asOf],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        try {
          resolve({ json: JSON.parse(stdout) as CliJson, status });
        } catch {
          reject(new Error(`bontot check --json gave no JSON (status ${status}):\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

/** What `bontot consolidate --json` prints (README: rows, skipped, duplicates, totals). */
export interface ConsolidateJsonDoc {
  rows: {
    file: string;
    via: string;
    error?: string;
    eligible: boolean;
    organization?: { name: string | null };
    criteria?: { id: string; percent: number | null }[];
  }[];
  skipped: { file: string; skipped: string }[];
  duplicates: { key: string; kept: string; dropped: string }[];
  totals: {
    organizations: number;
    eligible: number;
    share: number | null;
    target: number;
    targetMet: boolean;
    byKind: Record<string, { organizations: number; eligible: number }>;
    unreadable: number;
    duplicates: number;
    subordinate?: { organizations: number; eligible: number };
  };
}

/** Runs the built CLI (`node bin/bontot.js consolidate … -o OUT --json`) in `cwd`; any exit status is fine. */
export function cliConsolidate(files: readonly string[], asOf: string, cwd: string, output: string): Promise<ConsolidateJsonDoc> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'bontot.js'), 'consolidate', ...files, '-o', output, '--force', '--json', '--as-of', asOf],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout) as ConsolidateJsonDoc);
        } catch {
          reject(new Error(`bontot consolidate --json gave no JSON (${error?.message ?? ''}):\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}
