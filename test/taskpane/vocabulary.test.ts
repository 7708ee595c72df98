/** @jest-environment jsdom */
/**
 * One vocabulary on the page and in the pane (issue #20): with the English switch no label of the
 * Vietnamese catalogue is left on screen; no reason code and no policy jargon (block, warn, SPEC)
 * reaches a person's eyes in either language; the status line says the state of the last action in
 * the current language, and clearing the results clears it.
 *
 * Left out on purpose: the names of sheets and columns (they stay Vietnamese in both languages,
 * glossary), the product's name, the user's data (file and organisation names) and a finding's
 * message and a file's read error, which come from the core's catalogue (src/core), not the pane's.
 */
import * as xlsx from '../../src/hosts/xlsx/exceljs';
import { REASON_CODES } from '../../src/core/types';
import { VI_ALL } from '../../src/core/messages/all';
import { EN } from '../../src/core/messages/en';
import type { SheetGrid, SheetLayout } from '../../src/workbook/types';
import { startApp } from '../../taskpane/app';
import { catalogue, setLanguage, t, useLanguage } from '../../taskpane/i18n';
import type { InputFile, StandaloneMode } from '../../taskpane/standaloneMode';
import { AS_OF, validChiBo } from '../workbook/grids';
import type { Status } from '../../taskpane/ui';
import { byTestId, fakeWorkbook, flush, mountExcel, one } from './helpers';

jest.setTimeout(120_000);

/** Names that stay Vietnamese in English (sheets, columns, document names, the product) — glossary. */
const KEPT_NAMES = [
  'Bốn Tốt',
  'Thông tin',
  'Đảng viên',
  'Sinh hoạt',
  'Điểm danh',
  'Tiêu chí',
  'Chi bộ trực thuộc',
  'Cấu hình (bản gốc)',
  'Cấu hình',
  'Tổng hợp',
  'Danh sách tổ chức',
  'Xếp loại',
  'Chi bộ bốn tốt',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Quy định 366-QĐ/TW',
  'Đảng ủy phường Bến Thành',
];

/** Text a person reads: text nodes and the labels read aloud or shown on hover / in empty fields. */
function visibleTexts(root: ParentNode, skip: readonly string[] = ['message', 'error-message', 'line-note']): string[] {
  const texts: string[] = [];
  const skipped = (node: Node): boolean => {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') return true;
      if (skip.includes(el.getAttribute('data-testid') ?? '')) return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text && !skipped(node)) texts.push(text);
  }
  for (const el of (root as Element).querySelectorAll?.('[aria-label], [title], [placeholder]') ?? []) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}

/** Fixed pieces of the Vietnamese catalogue: each value split at its placeholders, Vietnamese letters only. */
function vietnameseFragments(): string[] {
  const vi = catalogue('vi');
  const fragments = new Set<string>();
  for (const [key, value] of Object.entries(vi)) {
    if (key.startsWith('lang.') || key === 'app.title') continue;
    for (const piece of value.split(/\{\w+\}/)) {
      let fragment = piece.trim().replace(/^[\s“”"(),.:;—–-]+|[\s“”"(),.:;—–-]+$/g, '');
      for (const name of KEPT_NAMES) fragment = fragment.split(name).join('').trim();
      fragment = fragment.replace(/^[\s“”"(),.:;—–-]+|[\s“”"(),.:;—–-]+$/g, '');
      // A piece with a Vietnamese letter and more than a word's start: pure ASCII pieces ("dd/mm") are shared.
      if (fragment.length >= 3 && /[\u00C0-\u1EF9]/.test(fragment)) fragments.add(fragment);
    }
  }
  return [...fragments];
}

function leftVietnamese(texts: readonly string[], userData: readonly string[]): { text: string; fragment: string }[] {
  const fragments = vietnameseFragments();
  const found: { text: string; fragment: string }[] = [];
  for (const text of texts) {
    let rest = text;
    for (const name of [...userData, ...KEPT_NAMES]) rest = rest.split(name).join(' ');
    const fragment = fragments.find((f) => rest.includes(f));
    if (fragment) found.push({ text, fragment });
  }
  return found;
}

function codesShown(texts: readonly string[]): string[] {
  return texts.flatMap((text) => REASON_CODES.filter((code) => text.includes(code)).map((code) => `${code} in “${text}”`));
}

// ----------------------------------------------------------------------------------- the page

function plainLayouts(grids: readonly SheetGrid[]): SheetLayout[] {
  return grids.map((grid) => ({
    name: grid.name,
    values: grid.values.map((row) => row.map((value) => (value === undefined ? null : (value as string | number | boolean | null)))),
    columns: [],
    formats: [],
    merges: [],
    validations: [],
    frozenRows: 0,
    hidden: false,
  }));
}

function input(name: string, bytes: Uint8Array | string): InputFile {
  return { name, read: async () => (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) };
}

const ORG_NAMES = ['Chi bộ Phòng Tổ chức - Hành chính', 'Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình'];
const FILES = ['tot.xlsx', 'thieu.xlsx', 'hong.xlsx'];

let eligibleBook: Uint8Array;
let failingBook: Uint8Array;
beforeAll(async () => {
  eligibleBook = await xlsx.writeWorkbookBuffer(plainLayouts(validChiBo()), { kind: null });
  failingBook = await xlsx.writeWorkbookBuffer(
    plainLayouts(
      validChiBo((spec) => {
        (spec.meetings[3] as { speakers: number }).speakers = 1;
        (spec.meetings[5] as { minutes: unknown }).minutes = 'nhiều';
        (spec.meetings[2] as { excused: number }).excused = 40;
      }),
    ),
    { kind: null },
  );
});

beforeEach(() => {
  localStorage.clear();
  useLanguage('vi');
});

function mountPage(): { root: HTMLElement; page: StandaloneMode; status: Status } {
  document.body.innerHTML = '<div id="app"></div><section id="print-view" class="print-view"></section>';
  const root = document.getElementById('app') as HTMLElement;
  const app = startApp(root, {
    host: 'standalone',
    standalone: { loadXlsx: async () => xlsx, download: () => undefined, print: () => undefined, search: `?asOf=${AS_OF}` },
  });
  return { root, page: app.standalone as StandaloneMode, status: app.status };
}

/** Clicks the language switch; the first switch to English completes when its labels' chunk has loaded. */
async function switchLanguage(root: HTMLElement): Promise<void> {
  one(root, 'language').click();
  await flush();
}

async function batch(page: StandaloneMode): Promise<void> {
  await page.processFiles([
    input(FILES[0] as string, eligibleBook),
    input(FILES[1] as string, failingBook),
    input(FILES[2] as string, 'không phải sổ tính'),
  ]);
  await flush();
}

describe('the standalone page', () => {
  test('in English, no label of the Vietnamese catalogue is left on screen (board, cards, status)', async () => {
    const { root, page } = mountPage();
    await batch(page);
    await switchLanguage(root);
    expect(document.documentElement.lang).toBe('en');
    const texts = visibleTexts(document.body);
    expect(texts.length).toBeGreaterThan(50);
    expect(leftVietnamese(texts, [...FILES, ...ORG_NAMES])).toEqual([]);
  });

  test('no reason code on screen, in either language', async () => {
    const { root, page } = mountPage();
    await batch(page);
    expect(byTestId(root, 'reason').length).toBeGreaterThan(0);
    expect(codesShown(visibleTexts(document.body, []))).toEqual([]);
    await switchLanguage(root);
    expect(codesShown(visibleTexts(document.body, []))).toEqual([]);
  });

  test('a read error and a duplicate, on the card and on the board, follow the language switch both ways', async () => {
    const { root, page } = mountPage();
    await page.processFiles([input('tot.xlsx', eligibleBook), input('ban-sao.xlsx', eligibleBook), input('hong.xlsx', 'không phải sổ tính')]);
    await flush();
    const vi = VI_ALL['read.notZip'];
    const en = EN['read.notZip'];
    const cardText = (): string | null | undefined => one(root, 'file-error').querySelector('[data-testid="error-message"]')?.textContent;
    const notes = (): string[] => byTestId(root, 'line-note').map((node) => node.textContent ?? '');
    expect(cardText()).toBe(vi);
    expect(notes()).toContain(vi);
    expect(notes().some((note) => note.includes('có trong nhiều đầu vào: tot.xlsx và ban-sao.xlsx'))).toBe(true);
    await switchLanguage(root);
    await flush();
    expect(cardText()).toBe(en);
    expect(notes()).toContain(en);
    expect(notes().some((note) => note.includes('is in more than one input: tot.xlsx and ban-sao.xlsx'))).toBe(true);
    expect(leftVietnamese(notes(), [...FILES, 'ban-sao.xlsx', ...ORG_NAMES])).toEqual([]);
    await switchLanguage(root);
    await flush();
    expect(cardText()).toBe(vi);
    expect(notes()).toContain(vi);
  });

  test('a language switch after a batch says the batch’s result; clearing the results clears the status', async () => {
    const { root, page, status: line } = mountPage();
    await batch(page);
    const status = one(root, 'status');
    const before = status.textContent?.trim();
    expect(before).toContain('Đã xử lý 3 tệp');
    expect(line.state).toMatchObject({ key: 'standalone.done', action: 'batch' });
    await switchLanguage(root);
    expect(status.textContent?.trim()).toBe(t('standalone.done', line.state?.params, 'en'));
    expect(status.textContent).toContain('Processed 3 files');
    expect(status.textContent).not.toMatch(/Checking|Đang kiểm tra/);
    await switchLanguage(root);
    expect(status.textContent?.trim()).toBe(before);

    // Print, then clear: the print's message goes with the results, in both languages.
    one<HTMLButtonElement>(byTestId(root, 'file-result')[0] as HTMLElement, 'print-summary').click();
    expect(status.textContent).toContain('Đang mở hộp thoại in');
    one<HTMLButtonElement>(root, 'clear-results').click();
    expect(status.textContent).toBe('');
    expect(line.state).toBeNull();
    await switchLanguage(root);
    expect(status.textContent).toBe('');
    await switchLanguage(root);
    expect(status.textContent).toBe('');
  });
});

// ----------------------------------------------------------------------------------- the pane

describe('the task pane inside Excel', () => {
  async function checkedPane() {
    const grids = validChiBo((spec) => {
      (spec.meetings[3] as { speakers: number }).speakers = 1;
      (spec.meetings[5] as { minutes: unknown }).minutes = 'nhiều';
      (spec.meetings[7] as { self: unknown }).self = 'Trung bình'; // MEETING_SELF_LOW: a note (Lưu ý)
    });
    const mounted = await mountExcel(fakeWorkbook(grids));
    one<HTMLButtonElement>(mounted.root, 'check-run').click();
    await mounted.excel.check.check();
    await flush(10);
    for (const tab of ['summary', 'template', 'policy', 'deadlines', 'meeting'] as const) mounted.excel.tabs.select(tab);
    // The meeting form is a lazy chunk: its labels are checked once it has read the lists.
    for (let i = 0; i < 50 && byTestId(mounted.root, 'meeting-save').length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    await flush(10);
    return mounted;
  }

  test('in English, no label of the Vietnamese catalogue is left in any tab', async () => {
    const { root } = await checkedPane();
    expect(byTestId(root, 'reason').length).toBeGreaterThan(0);
    await setLanguage('en');
    await flush();
    expect(byTestId(root, 'meeting-save')).toHaveLength(1);
    const texts = visibleTexts(root);
    expect(leftVietnamese(texts, ORG_NAMES)).toEqual([]);
  });

  test('no reason code in any tab, in either language; the policy tab says no block, warn or SPEC', async () => {
    const { root, excel } = await checkedPane();
    for (const lang of ['vi', 'en'] as const) {
      await setLanguage(lang);
      expect(codesShown(visibleTexts(root, []))).toEqual([]);
      const policyText = visibleTexts(excel.policy.control('criterionMinPercent')?.closest('section') as HTMLElement, []).join('\n');
      expect(policyText).not.toMatch(/\bblock\b|\bwarn\b|SPEC/);
      expect(policyText).toContain(lang === 'vi' ? 'Kế hoạch của Thành ủy, mục II.2.2' : 'The City Party Committee’s plan, section II.2.2');
    }
    await setLanguage('vi');
  });

  test('"Lý do (N)" counts the reasons that block, not the notes', async () => {
    const { root } = await checkedPane();
    const reasons = byTestId(root, 'reason');
    const blocking = reasons.filter((r) => r.dataset.severity === 'block').length;
    const notes = reasons.length - blocking;
    expect(notes).toBeGreaterThan(0);
    const heading = one(root, 'reasons').querySelector('h3, h2, h4')?.textContent;
    expect(heading).toBe(`Lý do không đạt (${blocking}) và lưu ý (${notes})`);
  });
});
