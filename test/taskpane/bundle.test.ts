/**
 * The built page (dist/, from `npm run build`; `npm test` builds first): the task pane's initial
 * script stays small and ExcelJS is only in the lazy "xlsx" chunk that standalone mode loads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { catalogue } from '../../taskpane/i18n';
import { EN } from '../../taskpane/i18n/en';

const dist = join(__dirname, '..', '..', 'dist');
const MAX_INITIAL_BYTES = 250 * 1024;
/** Strings only ExcelJS (and the JSZip inside it) carries. */
const EXCELJS_MARKERS = ['JSZip', 'Corrupted zip', 'sharedStrings', 'xl/workbook.xml'];

const taskpane = join(dist, 'taskpane.js');

describe('built task pane', () => {
  const chunks = () => (existsSync(join(dist, 'chunks')) ? readdirSync(join(dist, 'chunks')).filter((f) => /^xlsx\..*\.js$/.test(f)) : []);

  test(`the initial scripts (functions.js + taskpane.js) are at most ${MAX_INITIAL_BYTES} bytes and hold no ExcelJS`, () => {
    // taskpane.js takes the core it shares with functions.js from it (webpack dependOn), so the
    // pane's initial JavaScript is both files, counted once.
    const initial = [taskpane, join(dist, 'functions.js')];
    const size = initial.reduce((total, file) => total + statSync(file).size, 0);
    expect(size).toBeLessThanOrEqual(MAX_INITIAL_BYTES);
    const code = initial.map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const marker of EXCELJS_MARKERS) expect(code).not.toContain(marker);
    // The webpack runtime knows where the lazy chunk is.
    expect(code).toContain('chunks/');
  });

  test('ExcelJS is in the lazy xlsx chunk', () => {
    const [chunk] = chunks();
    expect(chunk).toBeDefined();
    const code = readFileSync(join(dist, 'chunks', chunk as string), 'utf8');
    for (const marker of EXCELJS_MARKERS) expect(code).toContain(marker);
  });

  test('the board chunk, where the page reads files (values reader), holds no ExcelJS', () => {
    const boards = readdirSync(join(dist, 'chunks')).filter((f) => /^board\..*\.js$/.test(f));
    expect(boards).toHaveLength(1);
    const code = readFileSync(join(dist, 'chunks', boards[0] as string), 'utf8');
    // 'sharedStrings' and 'xl/workbook.xml' are the values reader's too: only ExcelJS's own markers.
    for (const marker of ['JSZip', 'Corrupted zip']) expect(code).not.toContain(marker);
    expect(code).toContain('deflate-raw');
  });

  test('the English labels are in their lazy chunk (i18n-en), not in the initial scripts', () => {
    const initial = [taskpane, join(dist, 'functions.js')].map((file) => readFileSync(file, 'utf8')).join('\n');
    const [chunk] = readdirSync(join(dist, 'chunks')).filter((f) => /^i18n-en\..*\.js$/.test(f));
    expect(chunk).toBeDefined();
    const lazy = readFileSync(join(dist, 'chunks', chunk as string), 'utf8');
    // Plain-ASCII English sentences without quotes (nothing the minifier escapes) that no Vietnamese
    // label shares and no other source of the pane repeats (encoding.ts has its own English).
    const vietnamese = Object.values(catalogue('vi'));
    const paneDir = join(__dirname, '..', '..', 'taskpane');
    const otherSources = readdirSync(paneDir)
      .filter((f) => f.endsWith('.ts') && f !== 'i18n.ts')
      .map((f) => readFileSync(join(paneDir, f), 'utf8'))
      .join('\n');
    const sentences = Object.values(EN).filter(
      (text) => /^[ -~]{40,}$/.test(text) && !/['"\\]/.test(text) && !vietnamese.some((vi) => vi.includes(text)) && !otherSources.includes(text),
    );
    expect(sentences.length).toBeGreaterThan(20);
    expect(sentences.filter((text) => initial.includes(text))).toEqual([]);
    expect(sentences.filter((text) => !lazy.includes(text))).toEqual([]);
  });

  test('the page loads office.js, then functions.js, then taskpane.js, under its CSP, with no inline script or style', () => {
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => /src="?([^"\s>]+)/.exec(m[1] ?? '')?.[1])).toEqual(['assets/office-js/office.js', 'functions.js', 'taskpane.js']);
    for (const script of scripts) expect((script[2] ?? '').trim()).toBe('');
    expect(html).toMatch(/Content-Security-Policy[^>]*script-src 'self'; style-src 'self'/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(html).not.toMatch(/https?:\/\//);
  });
});

test('the page template has the print section and no inline style', () => {
  const html = readFileSync(join(__dirname, '..', '..', 'taskpane', 'taskpane.html'), 'utf8');
  expect(html).toContain('id="print-view"');
  expect(html).not.toMatch(/\sstyle=/);
});
