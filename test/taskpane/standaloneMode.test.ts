/** @jest-environment jsdom */
/**
 * The standalone page (outside Office): .xlsx files checked in the page with the same verdicts
 * as `bontot check`, unreadable files reported, generated files skipped, downloads and printing.
 */
import { checkFileJson } from '../../src/cli/check';
import * as xlsx from '../../src/hosts/xlsx/exceljs';
import { checkWorkbook } from '../../src/workbook/check';
import { CONSOLIDATION_SHEET } from '../../src/workbook/consolidate';
import { summaryLayout } from '../../src/workbook/layout/summary';
import type { SheetGrid, SheetLayout } from '../../src/workbook/types';
import { startApp } from '../../taskpane/app';
import type { InputFile, StandaloneDeps, StandaloneMode } from '../../taskpane/standaloneMode';
import { AS_OF, validChiBo } from '../workbook/grids';
import { setLanguage } from '../../taskpane/i18n';
import { byTestId, flush, one, PAYLOAD } from './helpers';

jest.setTimeout(120_000);

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

async function book(grids: readonly SheetGrid[]): Promise<Uint8Array> {
  return xlsx.writeWorkbookBuffer(plainLayouts(grids), { kind: null });
}

function input(name: string, bytes: Uint8Array | string): InputFile {
  return { name, read: async () => (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) };
}

interface Mounted {
  root: HTMLElement;
  page: StandaloneMode;
  downloads: { name: string; bytes: Uint8Array }[];
  prints: number;
  loads: () => number;
}

function mount(deps: Partial<StandaloneDeps> = {}): Mounted {
  document.body.innerHTML = '<div id="app"></div><section id="print-view" class="print-view"></section>';
  const root = document.getElementById('app') as HTMLElement;
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  let loads = 0;
  const mounted: Mounted = { root, page: null as unknown as StandaloneMode, downloads, prints: 0, loads: () => loads };
  const app = startApp(root, {
    host: 'standalone',
    standalone: {
      loadXlsx: async () => {
        loads += 1;
        return xlsx;
      },
      download: (name, bytes) => downloads.push({ name, bytes }),
      print: () => {
        mounted.prints += 1;
      },
      search: `?asOf=${AS_OF}`,
      ...deps,
    },
  });
  mounted.page = app.standalone as StandaloneMode;
  return mounted;
}

beforeEach(() => localStorage.clear());

let eligibleBook: Uint8Array;
let failingBook: Uint8Array;
let failingGrids: SheetGrid[];
beforeAll(async () => {
  eligibleBook = await book(validChiBo());
  failingGrids = validChiBo((spec) => {
    (spec.meetings[3] as { speakers: number }).speakers = 1;
    (spec.meetings[5] as { minutes: unknown }).minutes = 'nhiều';
    spec.info[0] = ['Tên tổ chức', PAYLOAD];
  });
  failingBook = await book(failingGrids);
});

test('several files, one unreadable: two verdicts, one error, the others still checked', async () => {
  const { root, page, loads } = mount();
  expect(loads()).toBe(0); // ExcelJS loads only when a file is checked
  await page.processFiles([input('a.xlsx', eligibleBook), input('hong.xlsx', 'đây không phải sổ tính'), input('b.xlsx', failingBook)]);
  await flush();
  expect(loads()).toBe(1);
  const results = byTestId(root, 'file-result');
  expect(results.map((n) => n.dataset.file)).toEqual(['a.xlsx', 'b.xlsx']);
  expect(results.map((n) => one(n, 'verdict').dataset.eligible)).toEqual(['true', 'false']);
  const errors = byTestId(root, 'file-error');
  expect(errors).toHaveLength(1);
  expect(errors[0]?.dataset.file).toBe('hong.xlsx');
  expect(one(errors[0] as HTMLElement, 'error-message').textContent).toBe(
    'Tệp không phải là sổ tính Excel (.xlsx). Hãy mở tệp trong Excel và lưu lại dạng .xlsx (sổ tính Excel).',
  );
  expect(errors[0]?.textContent).toContain('Không đọc được tệp');
  expect(one(root, 'status').textContent).toContain('1/2 tổ chức đủ điều kiện; 1 tệp không đọc được');
  // The payload from a cell is text.
  expect(document.querySelectorAll('img')).toHaveLength(0);
  expect(one(results[1] as HTMLElement, 'organization').textContent).toContain(PAYLOAD);
  expect(document.querySelectorAll('[style]')).toHaveLength(0);
});

test('the screen shows what `bontot check --json` gives: verdict, criteria, reasons and issues with sheet and cell', async () => {
  const { root, page } = mount();
  await page.processFiles([input('b.xlsx', failingBook)]);
  const data = await xlsx.readWorkbookData(failingBook);
  const json = checkFileJson('b.xlsx', checkWorkbook(data.sheets, { asOf: AS_OF }));
  const card = one(root, 'file-result');
  expect(one(card, 'verdict').dataset.eligible).toBe(String(json.eligible));
  expect(
    byTestId(card, 'criterion').map((n) => ({
      id: n.dataset.id,
      pass: n.dataset.pass === 'true',
      percent: n.dataset.percent === '' ? null : Number(n.dataset.percent),
    })),
  ).toEqual(json.criteria);
  const shown = (id: string) =>
    byTestId(card, id).map((n) => ({
      code: n.dataset.code,
      severity: n.dataset.severity,
      sheet: n.dataset.sheet ?? null,
      cell: n.dataset.cell ?? null,
      message: n.querySelector('[data-testid="message"]')?.textContent,
    }));
  const sortKey = (x: { code?: string; cell: string | null; message?: string }) => `${x.code}|${x.cell}|${x.message}`;
  const sorted = <T extends { code?: string; cell: string | null; message?: string }>(xs: T[]) =>
    [...xs].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  expect(sorted(shown('reason'))).toEqual(
    sorted(json.reasons.map((r) => ({ code: r.code, severity: r.severity, sheet: r.sheet, cell: r.cell, message: r.message }))),
  );
  expect(sorted(shown('issue'))).toEqual(
    sorted(json.issues.map((i) => ({ code: i.code, severity: i.severity, sheet: i.sheet, cell: i.cell, message: i.message }))),
  );
  expect(json.reasons.some((r) => r.code === 'SPEAKERS_LOW')).toBe(true);
  expect(json.issues.some((i) => i.code === 'NUMBER_INVALID')).toBe(true);
  // Places are named as text in this mode (no Excel to select in).
  expect(card.querySelector('button[data-testid="goto"]')).toBeNull();
  expect(byTestId(card, 'issue').find((n) => n.dataset.code === 'NUMBER_INVALID')?.textContent).toMatch(/trang Sinh hoạt, ô I\d+/);
});

test('files the product generated are noted and skipped', async () => {
  const summary = await xlsx.writeWorkbookBuffer([summaryLayout(checkWorkbook(validChiBo(), { asOf: AS_OF }))], {
    kind: 'tong-hop',
    title: 'Tổng hợp',
  });
  const { root, page } = mount();
  await page.processFiles([input('a.tonghop.xlsx', summary), input('a.xlsx', eligibleBook)]);
  const skipped = byTestId(root, 'file-skipped');
  expect(skipped.map((n) => n.dataset.file)).toEqual(['a.tonghop.xlsx']);
  expect(one(skipped[0] as HTMLElement, 'skip-note').textContent).toContain('“Tổng hợp” do Bốn Tốt tạo');
  expect(byTestId(root, 'file-result')).toHaveLength(1);
  expect(one(root, 'status').textContent).toContain('1 tệp bỏ qua');
});

test('"Tải báo cáo tổng hợp" downloads NAME.tonghop.xlsx holding Tổng hợp alone', async () => {
  const { root, page, downloads } = mount();
  await page.processFiles([input('Chi bo A.xlsx', eligibleBook)]);
  one<HTMLButtonElement>(root, 'download-summary').click();
  await flush(20);
  await waitFor(() => downloads.length === 1);
  expect(downloads[0]?.name).toBe('Chi bo A.tonghop.xlsx');
  const back = await xlsx.readWorkbookData(downloads[0]?.bytes as Uint8Array);
  expect(back.sheets.map((s) => s.name)).toEqual(['Tổng hợp']);
  expect(back.generatedKind).toBe('tong-hop');
  expect(one(root, 'status').textContent).toContain('Chi bo A.tonghop.xlsx');
});

test('with several files, "Tải bảng tổng hợp các tổ chức" downloads the consolidation', async () => {
  const { root, page, downloads } = mount();
  await page.processFiles([input('a.xlsx', eligibleBook)]);
  expect(one(root, 'totals').hidden).toBe(true);
  await page.processFiles([input('b.xlsx', failingBook), input('hong.xlsx', 'x')]);
  const totals = one(root, 'totals');
  expect(totals.hidden).toBe(false);
  expect(one(totals, 'totals-line').textContent).toContain(
    'Tổ chức cơ sở đảng đủ điều kiện đề nghị công nhận: 1/2 (50%); chỉ tiêu 50%: đủ so với chỉ tiêu',
  );
  one<HTMLButtonElement>(root, 'download-consolidation').click();
  await waitFor(() => downloads.length === 1);
  expect(downloads[0]?.name).toBe('danh-sach-to-chuc.xlsx');
  const back = await xlsx.readWorkbookData(downloads[0]?.bytes as Uint8Array);
  expect(back.sheets.map((s) => s.name)).toEqual([CONSOLIDATION_SHEET]);
  expect(back.generatedKind).toBe('consolidation');
  const text = JSON.stringify(back.sheets[0]?.values);
  expect(text).toContain('a.xlsx');
  expect(text).toContain('b.xlsx');
  expect(text).toContain('Không đọc được tệp');
  // Without an issuer the heading and signature are dotted, to complete by hand.
  expect(text).toContain('T/M ……………');

  // The issuer field gives the consolidation its heading and signature.
  const issuer = one<HTMLInputElement>(root, 'consolidation-issuer');
  issuer.value = 'Đảng ủy phường Bến Thành';
  issuer.dispatchEvent(new Event('input'));
  one<HTMLButtonElement>(root, 'download-consolidation').click();
  await waitFor(() => downloads.length === 2);
  const issued = JSON.stringify((await xlsx.readWorkbookData(downloads[1]?.bytes as Uint8Array)).sheets[0]?.values);
  expect(issued).toContain('ĐẢNG ỦY PHƯỜNG BẾN THÀNH');
  expect(issued).toContain('ĐẢNG BỘ PHƯỜNG BẾN THÀNH');
  expect(issued).toContain('T/M ĐẢNG ỦY');
});

test('checking a file again replaces its card; "Xóa kết quả" empties the list', async () => {
  const { root, page } = mount();
  await page.processFiles([input('a.xlsx', eligibleBook)]);
  await page.processFiles([input('a.xlsx', failingBook)]);
  const cards = byTestId(root, 'file-result');
  expect(cards).toHaveLength(1);
  expect(one(cards[0] as HTMLElement, 'verdict').dataset.eligible).toBe('false');
  one<HTMLButtonElement>(root, 'clear-results').click();
  expect(byTestId(root, 'file-result')).toHaveLength(0);
  expect(page.entries()).toHaveLength(0);
});

test('"In / Lưu PDF" renders the Tổng hợp document in the print section and opens the print dialog', async () => {
  const mounted = mount();
  await mounted.page.processFiles([input('a.xlsx', eligibleBook)]);
  one<HTMLButtonElement>(mounted.root, 'print-summary').click();
  expect(mounted.prints).toBe(1);
  const section = document.getElementById('print-view') as HTMLElement;
  const table = one(section, 'print-document');
  expect(table.classList.contains('doc')).toBe(true);
  expect(document.body.classList.contains('printing')).toBe(true);
  expect(table.textContent).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  expect(table.textContent).toContain('BÁO CÁO');
  expect(table.textContent).toContain('T/M CHI ỦY');
  expect(table.textContent).not.toContain('BONTOT-GENERATED'); // the hidden marker column is not printed
  // Merged lines span the page; the title is bold and centred through classes, not style attributes.
  const title = [...table.querySelectorAll('td')].find((td) => td.textContent === 'BÁO CÁO') as HTMLElement;
  expect(title.getAttribute('colspan')).toBe('6');
  expect(title.classList.contains('b')).toBe(true);
  expect(title.classList.contains('al-center')).toBe(true);
  expect(table.querySelectorAll('col')).toHaveLength(6);
  expect(document.querySelectorAll('[style]')).toHaveLength(0);
  window.dispatchEvent(new Event('afterprint'));
  expect(document.body.classList.contains('printing')).toBe(false);
});

test('?sample=chi-bo-mau preloads the bundled example from this origin, shown as vi-du-chi-bo.xlsx; "Xem ví dụ" does the same', async () => {
  const urls: string[] = [];
  const fetchBytes = async (url: string) => {
    urls.push(url);
    return eligibleBook.slice().buffer as ArrayBuffer;
  };
  const { root, page } = mount({ fetchBytes, search: `?sample=chi-bo-mau&asOf=${AS_OF}` });
  await page.ready;
  expect(urls).toEqual(['samples/chi-bo-mau.xlsx']);
  expect(byTestId(root, 'file-result').map((n) => n.dataset.file)).toEqual(['vi-du-chi-bo.xlsx']);
  expect(page.asOf).toBe(AS_OF);
  one<HTMLButtonElement>(root, 'use-sample').click();
  await waitFor(() => urls.length === 2);
  expect(urls[1]).toBe('samples/chi-bo-mau.xlsx');
});

test('a sample that cannot be fetched is reported; an odd ?sample= value is ignored', async () => {
  const failing = mount({
    fetchBytes: async () => {
      throw new Error('HTTP 404');
    },
  });
  await failing.page.loadSample('chi-bo-mau');
  expect(one(failing.root, 'error-message').textContent).toContain('Không tải được tệp ví dụ “vi-du-chi-bo.xlsx”: HTTP 404');
  const urls: string[] = [];
  const odd = mount({ search: '?sample=../secret', fetchBytes: async (url) => (urls.push(url), new ArrayBuffer(0)) });
  await odd.page.ready;
  expect(urls).toEqual([]);
});

test('a sample that cannot be fetched is said again in the language switched to, and back', async () => {
  const failing = mount({
    fetchBytes: async () => {
      throw new Error('HTTP 404');
    },
  });
  const text = (): string | null => one(failing.root, 'error-message').textContent;
  await failing.page.loadSample('chi-bo-mau');
  expect(text()).toBe('Không tải được tệp ví dụ “vi-du-chi-bo.xlsx”: HTTP 404');
  await setLanguage('en', document);
  await flush();
  expect(text()).toBe('Could not load the example “vi-du-chi-bo.xlsx”: HTTP 404');
  // Loaded again while English is chosen: English at once.
  await failing.page.loadSample('chi-bo-mau');
  expect(text()).toBe('Could not load the example “vi-du-chi-bo.xlsx”: HTTP 404');
  await setLanguage('vi', document);
  await flush();
  expect(text()).toBe('Không tải được tệp ví dụ “vi-du-chi-bo.xlsx”: HTTP 404');
  // The entry the board and the list sheet read keeps the Vietnamese words.
  expect(failing.page.entries()).toEqual([
    expect.objectContaining({ file: 'vi-du-chi-bo.xlsx', status: 'error', message: 'Không tải được tệp ví dụ “vi-du-chi-bo.xlsx”: HTTP 404' }),
  ]);
});

test('dropping files on the page checks them', async () => {
  const { root } = mount();
  const file = new File([eligibleBook as BlobPart], 'keo-tha.xlsx');
  const drop = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
  one(root, 'dropzone').dispatchEvent(drop);
  expect(drop.defaultPrevented).toBe(true);
  await waitFor(() => byTestId(root, 'file-result').length === 1);
  expect(one(root, 'file-result').dataset.file).toBe('keo-tha.xlsx');
});

test('a file picked with the file input is checked; the pick button opens it', async () => {
  const { root } = mount();
  const fileInput = one<HTMLInputElement>(root, 'file-input');
  let opened = 0;
  fileInput.addEventListener('click', () => (opened += 1));
  one<HTMLButtonElement>(root, 'pick-files').click();
  expect(opened).toBe(1);
  expect(fileInput.multiple).toBe(true);
  expect(fileInput.accept).toContain('.xlsx');
  const file = new File([failingBook as BlobPart], 'chon.xlsx');
  Object.defineProperty(fileInput, 'files', { value: [file], configurable: true });
  fileInput.dispatchEvent(new Event('change'));
  await waitFor(() => byTestId(root, 'file-result').length === 1);
  expect(one(root, 'verdict').dataset.eligible).toBe('false');
});

test('English labels on the standalone page', async () => {
  localStorage.setItem('bontot.lang', 'en');
  const { root } = mount();
  await flush(); // the remembered English relabels the page once its labels (a lazy chunk) have loaded
  expect(one(root, 'pick-files').textContent).toBe('Choose .xlsx files…');
  expect(one(root, 'use-sample').textContent).toBe('See an example');
  expect(document.documentElement.lang).toBe('en');
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
