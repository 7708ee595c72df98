/** @jest-environment jsdom */
/**
 * "Điền trang Chi bộ trực thuộc" in jsdom. Excel mode against the Office.js fake: the preview
 * lists what is added, changed, left alone and refused and changes nothing; cancel changes nothing;
 * confirm writes only the planned cells, keeps "Chi bộ trực thuộc (bản gốc)" and checks again. The
 * standalone page: a đảng bộ's file and its chi bộ's files → `NAME.capnhat.xlsx` whose sheet is
 * filled; the inputs' bytes are untouched. Text from files renders as text.
 */
import JSZip from 'jszip';
import * as xlsx from '../../src/hosts/xlsx/exceljs';
import type { SheetGrid, SheetLayout } from '../../src/workbook/types';
import { startApp } from '../../taskpane/app';
import type { StandaloneMode } from '../../taskpane/standaloneMode';
import { filledFileName } from '../../taskpane/subordinatesPane';
import { setLanguage } from '../../taskpane/i18n';
import type { InputFile } from '../../taskpane/standaloneMode';
import { AS_OF, chiBoBook, chiBoSpec, validDangBo } from '../workbook/grids';
import { VI_ALL } from '../../src/core/messages/all';
import { EN } from '../../src/core/messages/en';
import { byTestId, fakeWorkbook, flush, mountExcel, PAYLOAD } from './helpers';

jest.setTimeout(120_000);

const SHEET = 'Chi bộ trực thuộc';
const DANG_BO = 'Đảng bộ Công ty Cổ phần Cơ khí Hòa Bình';

function setInfo(spec: { info: [string, unknown][] }, item: string, value: unknown): void {
  spec.info = spec.info.map(([i, v]) => (i === item ? [i, value] : [i, v]));
}

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

async function file(name: string, grids: readonly SheetGrid[]): Promise<InputFile & { bytes: Uint8Array }> {
  const bytes = await xlsx.writeWorkbookBuffer(plainLayouts(grids), { kind: null });
  return { name, bytes, read: async () => bytes.slice() };
}

function chiBoGrids(name: string, edit?: (spec: ReturnType<typeof chiBoSpec>) => void): SheetGrid[] {
  const spec = chiBoSpec();
  setInfo(spec, 'Tên tổ chức', name);
  setInfo(spec, 'Cấp ủy cấp trên', 'Đảng ủy Công ty Cổ phần Cơ khí Hòa Bình');
  edit?.(spec);
  return chiBoBook(spec).grids();
}

const dangBoGrids = (): SheetGrid[] => validDangBo((spec) => setInfo(spec, 'Tên tổ chức', DANG_BO));

let files: (InputFile & { bytes: Uint8Array })[];
beforeAll(async () => {
  files = [
    await file('van-phong.xlsx', chiBoGrids('Chi bộ Văn phòng')),
    await file('ke-toan.xlsx', chiBoGrids('chi bo KE TOAN')),
    await file('moi.xlsx', chiBoGrids(`Chi bộ ${PAYLOAD}`)),
    await file(
      'kinh-doanh-2024.xlsx',
      chiBoGrids('Chi bộ Kinh doanh', (spec) => setInfo(spec, 'Năm đánh giá', 2024)),
    ),
    { name: 'hong.xlsx', bytes: new Uint8Array([1, 2, 3]), read: async () => new Uint8Array([1, 2, 3]) },
  ];
});

afterEach(() => setLanguage('vi', document));

function texts(root: ParentNode, id: string): string[] {
  return byTestId(root, id).map((node) => node.textContent ?? '');
}

describe('Excel pane', () => {
  test('previews without changing anything; cancel changes nothing', async () => {
    const fake = fakeWorkbook(dangBoGrids());
    const { excel, root } = await mountExcel(fake);
    const before = fake.snapshotAll();
    const plan = await excel.fill.preview(files);
    expect(plan?.writes.length).toBeGreaterThan(0);
    expect(fake.snapshotAll()).toEqual(before);
    expect(texts(root, 'fill-added-row')).toEqual([
      `Dòng 9: Chi bộ ${PAYLOAD} [moi.xlsx] — 13 đảng viên; Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)Chi bộ mới trên trang: đảng ủy ghi "Xếp loại" của chi bộ.`,
    ]);
    expect(root.querySelector('img')).toBeNull();
    expect(texts(root, 'fill-changed-row')[0]).toContain(
      'Dòng 2: Chi bộ Văn phòng [van-phong.xlsx] — Số đảng viên: từ 8 thành 13; Kết quả tự kiểm tra: từ (trống) thành “Đủ điều kiện',
    );
    expect(texts(root, 'fill-changed-row')[1]).toContain('Tên trên trang giữ nguyên "Chi bộ Kế toán"');
    expect(byTestId(root, 'fill-refused-row').map((n) => n.dataset.file)).toEqual(['kinh-doanh-2024.xlsx']);
    expect(byTestId(root, 'fill-unreadable-row').map((n) => n.dataset.file)).toEqual(['hong.xlsx']);
    expect(byTestId(root, 'fill-left-row')).toHaveLength(5);
    expect(texts(root, 'fill-warning')[0]).toContain('“Chi bộ trực thuộc (bản gốc)”');
    expect(texts(root, 'fill-confirm')).toEqual([`Ghi ${plan?.writes.length} ô`]);
    expect(document.activeElement).toBe(byTestId(root, 'fill-confirm')[0]);

    (byTestId(root, 'fill-cancel')[0] as HTMLButtonElement).click();
    expect(texts(root, 'fill-cancelled')).toEqual(['Đã hủy: sổ tính không thay đổi.']);
    expect(await excel.fill.confirm()).toBeNull();
    expect(fake.snapshotAll()).toEqual(before);

    // The report follows the language switch.
    await excel.fill.preview(files.slice(1, 2));
    await setLanguage('en', document);
    expect(texts(root, 'fill-changed-row')[0]).toContain(
      'Row 3: Chi bộ Kế toán [ke-toan.xlsx] — Số đảng viên: from 9 to 13; Kết quả tự kiểm tra: from (blank) to “Đủ điều kiện',
    );
    expect(fake.snapshotAll()).toEqual(before);
  });

  test('confirm writes the planned cells, keeps a copy and checks again; English labels follow the switch', async () => {
    const fake = fakeWorkbook(dangBoGrids());
    const { excel, root } = await mountExcel(fake);
    const original = fake.values(SHEET);
    await excel.fill.preview(files);
    const result = await excel.fill.confirm();
    expect(result?.copy).toBe('Chi bộ trực thuộc (bản gốc)');
    expect(fake.values('Chi bộ trực thuộc (bản gốc)')).toEqual(original);
    const values = fake.values(SHEET);
    expect(values[0]?.[5]).toBe('Kết quả tự kiểm tra');
    expect(values[1]).toEqual([1, 'Chi bộ Văn phòng', 13, 'Hoàn thành tốt nhiệm vụ', 'Có', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    expect(values[8]).toEqual([8, `Chi bộ ${PAYLOAD}`, 13, '', '', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    // Xếp loại and Chi bộ bốn tốt columns: exactly as before on every original row.
    for (let r = 1; r < original.length; r++) expect(values[r]?.slice(3, 5)).toEqual(original[r]?.slice(3, 5));
    expect(texts(root, 'fill-written')[0]).toBe(
      `Đã ghi ${result?.written.length} ô vào trang “Chi bộ trực thuộc”; bản gốc được giữ ở trang “Chi bộ trực thuộc (bản gốc)”.`,
    );
    // The check runs again after writing: the new chi bộ still needs the committee's rating.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const checked = await excel.check.check();
    expect(checked?.reasons.map((r) => `${r.code} ${r.cell}`)).toEqual(['RATING_MISSING D9']);
    await setLanguage('en', document);
    expect(texts(root, 'fill-written')[0]).toContain('the original is kept on “Chi bộ trực thuộc (bản gốc)”');
    expect(texts(root, 'fill-title')[0]).toBe('Fill the “Chi bộ trực thuộc” sheet');
  });

  test('a chi bộ workbook open in Excel is refused with a reason, nothing written', async () => {
    const fake = fakeWorkbook(chiBoGrids('Chi bộ Văn phòng'));
    const { excel, root } = await mountExcel(fake);
    const before = fake.snapshotAll();
    expect(await excel.fill.preview(files.slice(0, 1))).toBeNull();
    expect(texts(root, 'fill-error')[0]).toContain('cần sổ tính của đảng bộ cơ sở');
    expect(fake.snapshotAll()).toEqual(before);
  });
});

/**
 * The core's texts of a report (results, notes, why a row is left alone, why a file is refused or
 * unreadable) as [Vietnamese, English], from the catalogues, with the parameters the test files give.
 */
const REPORT_TEXTS: [string, string][] = [
  ['fill.note.newRow', {}],
  ['fill.note.renamed', { sheetName: 'Chi bộ Kế toán', name: 'chi bo KE TOAN' }],
  ['fill.left.noFile', {}],
  ['fill.refuse.otherYear', { fileYear: '2024', year: '2025' }],
  ['read.notZip', {}],
].map(([key, params]) => {
  const fill = (template: string): string =>
    Object.entries(params as Record<string, string>).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, value), template);
  return [fill(VI_ALL[key as keyof typeof VI_ALL] as string), fill(EN[key as keyof typeof EN] as string)];
});

/** The report's rows: their notes, results and reasons (the core's texts). */
function reportTexts(root: ParentNode): string[] {
  return ['fill-note', 'fill-result', 'fill-reason'].flatMap((id) => texts(root, id));
}

/** Every core text of the report is in `lang` and none in the other language. */
function expectReportIn(root: ParentNode, lang: 0 | 1): void {
  const shown = reportTexts(root);
  for (const pair of REPORT_TEXTS) {
    expect(shown).toContain(pair[lang]);
    expect(shown).not.toContain(pair[1 - lang]);
  }
  const results = texts(root, 'fill-result');
  expect(results.length).toBeGreaterThan(0);
  for (const result of results) expect(result).toMatch(lang === 0 ? /^Đủ điều kiện \(tự kiểm tra/ : /^Eligible \(self-check as of/);
}

describe('the report in the chosen language', () => {
  test('Excel pane: notes, results and reasons follow a language switch both ways; cell values stay as written', async () => {
    const fake = fakeWorkbook(dangBoGrids());
    const { excel, root } = await mountExcel(fake);
    await excel.fill.preview(files);
    expectReportIn(root, 0);
    await setLanguage('en', document);
    await flush();
    expectReportIn(root, 1);
    // What a cell holds is shown as it is (the workbook is Vietnamese).
    expect(texts(root, 'fill-changed-row')[0]).toContain('Kết quả tự kiểm tra: from (blank) to “Đủ điều kiện');
    await setLanguage('vi', document);
    await flush();
    expectReportIn(root, 0);
  });

  test('Excel pane: a report made while English is chosen is English at once', async () => {
    const fake = fakeWorkbook(dangBoGrids());
    const { excel, root } = await mountExcel(fake);
    await setLanguage('en', document);
    await excel.fill.preview(files);
    await flush();
    expectReportIn(root, 1);
  });

  test('Excel pane: why the open workbook cannot be filled follows the switch', async () => {
    const fake = fakeWorkbook(chiBoGrids('Chi bộ Văn phòng'));
    const { app, excel, root } = await mountExcel(fake);
    await excel.fill.preview(files.slice(0, 1));
    expect(texts(root, 'fill-error')).toEqual([VI_ALL['fill.error.chiBo']]);
    expect(app.status.text).toBe(`Không điền được: ${VI_ALL['fill.error.chiBo']}`);
    await setLanguage('en', document);
    await flush();
    expect(texts(root, 'fill-error')).toEqual([EN['fill.error.chiBo']]);
    // The status line (announced to screen readers) says the same in the language of the moment.
    expect(app.status.text).toBe(`Could not fill: ${EN['fill.error.chiBo']}`);
    await setLanguage('vi', document);
    await flush();
    expect(app.status.text).toBe(`Không điền được: ${VI_ALL['fill.error.chiBo']}`);
  });

  test('standalone page: the report and a đảng bộ file that cannot be read follow the switch', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const root = document.getElementById('app') as HTMLElement;
    const app = startApp(root, {
      host: 'standalone',
      standalone: { loadXlsx: async () => xlsx, download: () => undefined, search: `?asOf=${AS_OF}` },
    });
    const page = app.standalone as StandaloneMode;
    await page.fill.fill(await file('dang-bo-2025.xlsx', dangBoGrids()), files);
    expectReportIn(root, 0);
    await setLanguage('en', document);
    await flush();
    expectReportIn(root, 1);
    await page.fill.fill({ name: 'bad.xlsx', read: async () => new TextEncoder().encode('not a zip') }, files.slice(0, 1));
    await flush();
    expect(texts(root, 'fill-error')).toEqual([`bad.xlsx: ${EN['read.notZip']}`]);
    expect(app.status.text).toBe(`Could not fill bad.xlsx: ${EN['read.notZip']}`);
    await setLanguage('vi', document);
    await flush();
    expect(texts(root, 'fill-error')).toEqual([`bad.xlsx: ${VI_ALL['read.notZip']}`]);
    expect(app.status.text).toBe(`Không điền được bad.xlsx: ${VI_ALL['read.notZip']}`);
  });
  test('standalone page: what the rewrite cannot carry (a chart) is named in the language of the moment', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const root = document.getElementById('app') as HTMLElement;
    const app = startApp(root, {
      host: 'standalone',
      standalone: { loadXlsx: async () => xlsx, download: () => undefined, search: `?asOf=${AS_OF}` },
    });
    const zip = await JSZip.loadAsync((await file('dang-bo.xlsx', dangBoGrids())).bytes);
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await (app.standalone as StandaloneMode).fill.fill({ name: 'dang-bo-chart.xlsx', read: async () => bytes.slice() }, files.slice(0, 1));
    const lost = (): string => texts(root, 'fill-lost')[0] ?? '';
    expect(lost()).toContain(`${VI_ALL['part.charts']} (1)`);
    await setLanguage('en', document);
    await flush();
    expect(lost()).toContain(`${EN['part.charts']} (1)`);
    expect(lost()).not.toContain(VI_ALL['part.charts']);
    await setLanguage('vi', document);
    await flush();
    expect(lost()).toContain(`${VI_ALL['part.charts']} (1)`);
  });
});

describe('standalone page', () => {
  test('fills a new NAME.capnhat.xlsx from the đảng bộ and chi bộ files; inputs untouched', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const root = document.getElementById('app') as HTMLElement;
    const downloads: { name: string; bytes: Uint8Array }[] = [];
    const app = startApp(root, {
      host: 'standalone',
      standalone: { loadXlsx: async () => xlsx, download: (name, bytes) => downloads.push({ name, bytes }), search: `?asOf=${AS_OF}` },
    });
    const page = app.standalone as StandaloneMode;
    const dangBo = await file('dang-bo-2025.xlsx', dangBoGrids());
    const inputsBefore = [dangBo, ...files].map((f) => [...f.bytes]);
    const made = await page.fill.fill(dangBo, files);
    expect(made?.name).toBe('dang-bo-2025.capnhat.xlsx');
    expect(filledFileName('C:\\hồ sơ\\Đảng bộ.xlsx')).toBe('Đảng bộ.capnhat.xlsx');
    expect(byTestId(root, 'fill-added-row')).toHaveLength(1);
    expect(byTestId(root, 'fill-refused-row')).toHaveLength(1);
    expect(byTestId(root, 'fill-lost')).toEqual([]);
    expect(downloads).toEqual([]);
    (byTestId(root, 'fill-download')[0] as HTMLButtonElement).click();
    expect(downloads.map((d) => d.name)).toEqual(['dang-bo-2025.capnhat.xlsx']);
    const written = await xlsx.readWorkbookData(downloads[0]?.bytes as Uint8Array);
    const sheet = written.sheets.find((s) => s.name === SHEET) as SheetGrid;
    expect(sheet.values[2]).toEqual([2, 'Chi bộ Kế toán', 13, 'Hoàn thành tốt nhiệm vụ', 'Có', 'Đủ điều kiện (tự kiểm tra đến ngày 15/01/2026)']);
    expect(sheet.values[8]?.[1]).toBe(`Chi bộ ${PAYLOAD}`);
    expect([dangBo, ...files].map((f) => [...f.bytes])).toEqual(inputsBefore);
    expect(root.querySelector('img')).toBeNull();
  });

  test('a đảng bộ file that is not a workbook says so and offers nothing to download', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const root = document.getElementById('app') as HTMLElement;
    const app = startApp(root, {
      host: 'standalone',
      standalone: { loadXlsx: async () => xlsx, download: () => undefined, search: `?asOf=${AS_OF}` },
    });
    const made = await (app.standalone as StandaloneMode).fill.fill(
      { name: 'bad.xlsx', read: async () => new TextEncoder().encode('not a zip') },
      files.slice(0, 1),
    );
    expect(made).toBeNull();
    expect(texts(root, 'fill-error')[0]).toMatch(/^bad\.xlsx: /);
    expect(byTestId(root, 'fill-download')).toEqual([]);
  });
});
