/**
 * Security review, as tests that fail when a change reopens a hole:
 * - the pages' Content Security Policy: no 'unsafe-eval', no 'unsafe-inline' for scripts (task pane
 *   meta, the server's header, the help pages);
 * - no HTML from text: no innerHTML, insertAdjacentHTML, document.write, eval or new Function in our
 *   sources or in the initial bundles; the lazy ExcelJS chunk holds only the known, unreachable
 *   eval-like fallbacks of its dependencies;
 * - no network but the add-in's own files: no URL, fetch or XMLHttpRequest in our sources beyond the
 *   samples the page fetches from its own origin;
 * - text starting with =, +, - or @ (a formula, a DDE payload, a phone number, a duration) is never
 *   written as a formula, by either host, in anything the product writes — including the user's own
 *   text that the summary, the consolidation and the template carry.
 * The browser-level checks (payload text inert, no foreign request, CSP violations) live in
 * test/e2e/security.test.ts.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { defaultPolicy } from '../../src/core/policy';
import { createTemplate, writePolicy, writeSheet } from '../../src/hosts/excel';
import { readWorkbookBuffer, writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';
import { checkWorkbook } from '../../src/workbook/check';
import { rowFromCheck } from '../../src/workbook/consolidate';
import { consolidationLayout } from '../../src/workbook/layout/consolidation';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import type { SheetLayout } from '../../src/workbook/types';
import { createFakeExcel, type FakeExcel } from '../fakes/office';
import { AS_OF, chiBoBook } from '../workbook/grids';
import { params } from './fuzz';
import { layout } from './hostileFiles';

const ROOT = join(__dirname, '..', '..');

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(entry)) out.push(full);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** Source without comments (a comment may name what the code must never do). */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const OUR_SOURCES = [...files('src', /\.ts$/), ...files('functions', /\.ts$/), ...files('taskpane', /\.ts$/)];

// ------------------------------------------------------------------------------------ CSP

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map((words) => [words[0] as string, words.slice(1)]),
  );
}

function expectStrictScripts(csp: string): void {
  const d = directives(csp);
  const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'wasm-unsafe-eval'");
  expect(scripts.some((s) => /^(\*|https?:|data:|blob:)/.test(s))).toBe(false);
  expect(d.get('object-src')).toEqual(["'none'"]);
}

describe('Content Security Policy', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script by path
  const served = (require(join(ROOT, 'scripts', 'serve.js')) as { CSP: string }).CSP;

  test("the task pane page and the server: scripts from 'self' only, nothing inline or evaluated", () => {
    const html = readFileSync(join(ROOT, 'taskpane', 'taskpane.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(served);
    expectStrictScripts(served);
    expect(directives(served).get('script-src')).toEqual(["'self'"]);
    expect(directives(served).get('connect-src')).toEqual(["'self'", 'blob:']);
    expect(directives(served).get('default-src')).toEqual(["'self'"]);
  });

  test('the help pages run no script at all', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script by path
    const { functionsPage } = require(join(ROOT, 'scripts', 'help-pages.js')) as { functionsPage: (m: unknown, e: unknown) => string };
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const page = functionsPage(
      { functions: [{ id: 'X', name: 'X', description: hostile, parameters: [{ name: hostile, description: hostile }] }] },
      { X: { formula: hostile, result: hostile } },
    );
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(directives(csp).get('script-src')).toEqual(["'none'"]);
    expectStrictScripts(csp);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

// ----------------------------------------------------------------------- no HTML, no eval

const HTML_SINKS =
  /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|\bFunction\s*\(|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]|createContextualFragment|javascript:/;

describe('no HTML from text, no code from strings', () => {
  test('our sources (src, functions, taskpane) use none of the HTML or eval sinks', () => {
    const found = OUR_SOURCES.flatMap((path) =>
      code(path)
        .split('\n')
        .map((line, i) => ({ where: `${relative(ROOT, path)}:${i + 1}`, line }))
        .filter(({ line }) => HTML_SINKS.test(line)),
    );
    expect(found).toEqual([]);
  });

  test('the task pane sets no event-handler or style attribute from strings', () => {
    const found = files('taskpane', /\.ts$/).flatMap((path) =>
      code(path)
        .split('\n')
        .filter((line) => /setAttribute\(\s*['"`](on|style|src|href)/i.test(line))
        .map((line) => `${relative(ROOT, path)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  const dist = join(ROOT, 'dist');
  const built = (name: string): string => {
    const path = join(dist, name);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build (npm test builds first)`);
    return readFileSync(path, 'utf8');
  };

  test('the initial bundles (taskpane.js, functions.js) hold no HTML sink and no eval', () => {
    for (const name of ['taskpane.js', 'functions.js']) {
      const text = built(name);
      for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval('])
        expect({ name, sink, found: text.includes(sink) }).toEqual({ name, sink, found: false });
      // webpack's global lookup: `globalThis` is tried first, so `new Function("return this")` never runs.
      const functions = text.match(/(?<![\w$.])(?:new )?Function\([^)]{0,40}\)/g) ?? [];
      for (const f of functions) expect(f).toMatch(/Function\("return this"\)/);
      if (functions.length > 0) expect(text).toContain('"object"==typeof globalThis)return globalThis');
    }
  });

  test('the lazy ExcelJS chunk: only the known fallbacks of its dependencies, none reachable in a browser', () => {
    const chunk = readdirSync(join(dist, 'chunks')).find((f) => /^xlsx\..*\.js$/.test(f));
    expect(chunk).toBeDefined();
    const text = built(join('chunks', chunk as string));
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval('])
      expect({ sink, found: text.includes(sink) }).toEqual({ sink, found: false });
    const uses = (text.match(/(?<![\w$.])(?:new )?Function\([^)]{0,40}\)/g) ?? []).map((use) => use.replace(/^new /, ''));
    const known = new Set([
      // lodash-style global detection after `self`/`global` (always found in a page).
      'Function("return this")',
      // setImmediate polyfill: only when called with a string of code (JSZip passes functions).
      'Function(""+e)',
      // regenerator-runtime: only when assigning the global `regeneratorRuntime` fails.
      'Function("r","regeneratorRuntime = r")',
    ]);
    expect(uses.filter((use) => !known.has(use))).toEqual([]);
  });

  test('no request but to the add-in itself: no XMLHttpRequest, WebSocket or beacon; fetch only for the samples', () => {
    const network = OUR_SOURCES.flatMap((path) =>
      code(path)
        .split('\n')
        .filter((line) => /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|navigator\.serviceWorker/.test(line))
        .map((line) => `${relative(ROOT, path)}: ${line.trim()}`),
    );
    expect(network).toEqual(["taskpane/standaloneMode.ts: const response = await fetch(url, { credentials: 'same-origin' });"]);
    // The only URL fetched is a relative "samples/NAME.xlsx", NAME letters, digits and dashes.
    const page = code(join(ROOT, 'taskpane', 'standaloneMode.ts'));
    expect(page).toMatch(/fetchBytes\(`samples\/\$\{encodeURIComponent\(fileName\)\}`\)/);
    expect(page).toContain('const SAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;');
    // "Tải tệp ví dụ" fetches the one bundled example, a constant name, through the same fetchBytes.
    const starter = code(join(ROOT, 'taskpane', 'blankTemplate.ts'));
    expect(starter.match(/fetchBytes\(.*\)/g)).toEqual(['fetchBytes(`samples/${encodeURIComponent(EXAMPLE_SAMPLE)}.xlsx`)']);
    expect(starter).toContain("export const EXAMPLE_SAMPLE = 'chi-bo-mau';");
  });

  test("no URL to anywhere in our code: only the add-in's own help pages (localhost:3000, replaced on deploy)", () => {
    const urls = OUR_SOURCES.flatMap((path) =>
      (readFileSync(path, 'utf8').match(/https?:\/\/[^\s'"`)<>]+/g) ?? []).map((url) => `${relative(ROOT, path)} ${url}`),
    );
    const foreign = urls.filter((entry) => !/ https:\/\/localhost:3000\/help\//.test(entry));
    // One exception, exactly: the SVG namespace the board's pictures are created in
    // (document.createElementNS) is a name, never fetched — and only in taskpane/boardPictures.ts.
    const SVG_NAMESPACE = 'taskpane/boardPictures.ts http://www.w3.org/2000/svg';
    expect(foreign.filter((entry) => entry !== SVG_NAMESPACE)).toEqual([]);
    expect(foreign.filter((entry) => entry === SVG_NAMESPACE)).toHaveLength(1);
    for (const name of ['taskpane.js', 'functions.js']) expect(built(name).match(/https?:\/\/[^\s'"`)]+/g) ?? []).toEqual([]);
  });
});

// ---------------------------------------------------------------- text is never a formula

const FORMULA_LIKE = [
  '=1+1',
  '+84 912 345 678',
  '-5 phút',
  '@abc',
  '=HYPERLINK("http://x.example","bấm")',
  "=cmd|' /C calc'!A0",
  '+SUM(A1)',
  '-A1',
  '@SUM(1)',
  '=',
  '+',
  '-',
  '@',
];

/** Text that starts like a formula: the fixed list and random tails. */
const formulaLike = fc.oneof(
  fc.constantFrom(...FORMULA_LIKE),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', ' =', '\t='), fc.string({ maxLength: 30 })).map(([head, tail]) => head + tail),
);

/** A layout with the texts in its value cells, among the cells a real layout has (numbers, blanks). */
function textLayout(name: string, texts: readonly string[]): SheetLayout {
  return layout({
    name,
    values: [['Mục', 'Giá trị', 'Số'], ...texts.map((text, i) => [`Dòng ${i + 1}`, text, i])],
    columns: [{ width: 20 }, { width: 40 }, { width: 8 }],
  });
}

async function xlsxFormulas(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  const formulas: string[] = [];
  for (const name of sheets) {
    const xml = await zip.file(name)!.async('string');
    for (const match of xml.matchAll(/<f(?: [^>]*)?>([^<]*)<\/f>|<f(?: [^>]*)?\/>/g)) {
      formulas.push(
        (match[1] ?? '')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      );
    }
  }
  return formulas;
}

function run<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((context) => batch(context as unknown as Excel.RequestContext));
}

/** Every string value of a layout must land in the fake as that string, as text ("@"), not a formula. */
function expectWrittenAsText(fake: FakeExcel, sheet: string, source: SheetLayout): void {
  source.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value !== 'string' || value === '') return;
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      const cell = fake.cell(sheet, address);
      expect({ address, value: cell.value, formula: cell.formula, format: cell.numberFormat }).toEqual({
        address,
        value,
        formula: null,
        format: '@',
      });
    }),
  );
}

/** A check whose workbook text (name, superior, member names) starts like formulas. */
function hostileCheck(texts: readonly string[]) {
  const book = chiBoBook();
  book.set('Thông tin', 'B2', texts[0] ?? '=1+1');
  book.set('Thông tin', 'B6', texts[1] ?? '+84 912');
  book.set('Đảng viên', 'B2', texts[2] ?? '-5 phút');
  book.set('Điểm danh', 'A2', texts[2] ?? '-5 phút');
  book.set('Đảng viên', 'F3', texts[3] ?? '@abc');
  book.set('Sinh hoạt', 'L4', texts[0] ?? '=1+1');
  return checkWorkbook(book.grids(), { asOf: AS_OF });
}

describe('text that starts like a formula stays text', () => {
  test('xlsx host (CLI, standalone page): written as strings, read back the same, no <f> in any sheet', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(formulaLike, { minLength: 1, maxLength: 8 }), async (texts) => {
        const bytes = await writeWorkbookBuffer([textLayout('Dữ liệu', texts)], { kind: null });
        expect(await xlsxFormulas(bytes)).toEqual([]);
        const [grid] = await readWorkbookBuffer(bytes);
        expect(grid?.values.slice(1).map((row) => row[1])).toEqual(texts.map((t) => (t.trim() === '' ? null : t)));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        texts.forEach((_t, i) => expect(wb.worksheets[0]?.getCell(`B${i + 2}`).type).toBe(ExcelJS.ValueType.String));
      }),
      params(25),
    );
  });

  test('the summary, the consolidation and the template carry user text as text (xlsx host)', async () => {
    const result = hostileCheck(FORMULA_LIKE);
    const summary = summaryLayout(result);
    const list = consolidationLayout([rowFromCheck("=cmd|' /C calc'!A0.xlsx", result)], { asOf: AS_OF, policy: defaultPolicy(), committee: '=1+1' });
    const template = templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'co-quan', year: 2025, name: '=HYPERLINK("http://x.example","bấm")' });
    const declared = template.flatMap((l) => Object.values(l.formulas ?? {}).map((f) => f.replace(/^=/, '')));
    for (const layouts of [[summary], [list], template]) {
      const bytes = await writeWorkbookBuffer(layouts);
      const formulas = await xlsxFormulas(bytes);
      // Only the template's own helper formulas; none made of user text.
      for (const f of formulas) expect(declared).toContain(f);
      const texts = (await readWorkbookBuffer(bytes)).flatMap((g) => g.values.flat()).filter((v): v is string => typeof v === 'string');
      expect(texts.join('\n')).toMatch(/=1\+1|=HYPERLINK|=cmd/);
    }
    expect(summary.formulas ?? {}).toEqual({});
    expect(list.formulas ?? {}).toEqual({});
  });

  test('Excel host: writeSheet, createTemplate and writePolicy write such text as text ("@"), never a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(formulaLike, { minLength: 1, maxLength: 6 }), async (texts) => {
        const fake = createFakeExcel({ sheets: [{ name: 'Sheet1', values: [['của người dùng']] }] });
        const summary = textLayout('Tổng hợp', texts);
        await run(fake, (context) => writeSheet(context, summary, { replaceOnlyIfMarker: true }));
        expectWrittenAsText(fake, 'Tổng hợp', summary);
        const template = textLayout('Thông tin', texts);
        await run(fake, (context) => createTemplate(context, [template]));
        expectWrittenAsText(fake, 'Thông tin', template);
        const policy = { ...textLayout('Cấu hình', texts), hidden: true };
        await run(fake, (context) => writePolicy(context, policy));
        expectWrittenAsText(fake, 'Cấu hình', policy);
        expect(fake.cell('Sheet1', 'A1').value).toBe('của người dùng');
      }),
      params(25),
    );
  });

  test('Excel host: the real summary, template and policy layouts with hostile user text', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Sheet1', values: [['x']] }] });
    const summary = summaryLayout(hostileCheck(FORMULA_LIKE));
    const written = await run(fake, (context) => writeSheet(context, summary, { replaceOnlyIfMarker: true }));
    const template = templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'co-quan', year: 2025, name: '=HYPERLINK("http://x.example","bấm")' });
    await run(fake, (context) => createTemplate(context, template));
    await run(fake, (context) => writePolicy(context, policyLayout(defaultPolicy())));
    const declared = new Set(template.flatMap((l) => Object.values(l.formulas ?? {}).map((f) => (f.startsWith('=') ? f : `=${f}`))));
    for (const name of fake.sheetNames()) {
      for (const [address, cell] of Object.entries(fake.snapshot(name).cells)) {
        if (cell.formula !== null) expect({ name, address, formula: declared.has(cell.formula) }).toEqual({ name, address, formula: true });
        if (typeof cell.value === 'string' && /^\s*[=+\-@]/.test(cell.value))
          expect({ name, address, format: cell.numberFormat }).toEqual({ name, address, format: '@' });
      }
    }
    const texts = Object.values(fake.snapshot(written.sheetName).cells).map((c) => String(c.value));
    expect(texts.join('\n')).toContain('=1+1');
    expect(fake.cell('Thông tin', 'B2').value).toBe('=HYPERLINK("http://x.example","bấm")');
  });
});
