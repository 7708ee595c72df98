/** @jest-environment jsdom */
/**
 * Issue #21, a first run that leads somewhere — in jsdom:
 *  - the page: "Tải mẫu trống" downloads the workbook `bontot template` writes (same sheets, same
 *    cells, same marker), which the page then checks; "Tải tệp ví dụ" downloads the bundled
 *    example; the picker accepts .xls and a picked .xls gets its advice; "ví dụ", never "mẫu", for
 *    the example;
 *  - the pane: a workbook without the product's sheets gets one line and a button to the Mẫu tab,
 *    not a verdict; the TCVN3/VNI block only after legacy text was found; "Khôi phục mặc định" asks
 *    first; a percent field reads 0–1 as a fraction.
 */
import { toTcvn3 } from '../../src/core/legacyEncoding';
import { defaultPolicy, NUMBER_SETTINGS } from '../../src/core/policy';
import * as xlsx from '../../src/hosts/xlsx/exceljs';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import { startApp } from '../../taskpane/app';
import { EXAMPLE_SAMPLE, exampleFileName, TEMPLATE_MARKER, templateFileName } from '../../taskpane/blankTemplate';
import { hasProductSheets, legacyTextFound } from '../../taskpane/firstRun';
import { setLanguage } from '../../taskpane/i18n';
import { isPercentKey, PERCENT_KEYS, percentFieldText } from '../../taskpane/percentField';
import { FILE_ACCEPT, type StandaloneDeps, type StandaloneMode } from '../../taskpane/standaloneMode';
import { createFakeExcel } from '../fakes/office';
import { AS_OF, chiBoBook, validChiBo } from '../workbook/grids';
import { byTestId, fakeWorkbook, flush, mountExcel, one } from './helpers';

jest.setTimeout(120_000);

afterEach(() => setLanguage('vi', document));

async function waitFor(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

// ------------------------------------------------------------------------------------ the page

interface Page {
  root: HTMLElement;
  page: StandaloneMode;
  downloads: { name: string; bytes: Uint8Array }[];
  urls: string[];
}

function mountPage(deps: Partial<StandaloneDeps> = {}, exampleBytes: Uint8Array = new Uint8Array([1, 2, 3])): Page {
  document.body.innerHTML = '<div id="app"></div>';
  const root = document.getElementById('app') as HTMLElement;
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  const urls: string[] = [];
  const app = startApp(root, {
    host: 'standalone',
    standalone: {
      loadXlsx: async () => xlsx,
      fetchBytes: async (url) => {
        urls.push(url);
        return exampleBytes.slice().buffer as ArrayBuffer;
      },
      download: (name, bytes) => downloads.push({ name, bytes }),
      search: `?asOf=${AS_OF}`,
      ...deps,
    },
  });
  return { root, page: app.standalone as StandaloneMode, downloads, urls };
}

describe('standalone page', () => {
  test('"Tải mẫu trống" downloads the workbook `bontot template` writes, for the chosen kind, Loại hình, year and name', async () => {
    const { root, downloads } = mountPage();
    const section = one(root, 'starter');
    expect(section.querySelector('h2')?.textContent).toBe('Chưa có sổ tính? Tải mẫu trống');
    expect(one<HTMLSelectElement>(root, 'blank-year').value).toBe(AS_OF.slice(0, 4));
    one<HTMLSelectElement>(root, 'blank-kind').value = 'dang-bo.co-so';
    one<HTMLSelectElement>(root, 'blank-type').value = 'doanh-nghiep';
    one<HTMLInputElement>(root, 'blank-year').value = '2026';
    one<HTMLInputElement>(root, 'blank-name').value = 'Đảng bộ Công ty Cổ phần Cơ khí';
    one<HTMLButtonElement>(root, 'blank-download').click();
    await waitFor(() => downloads.length === 1, 'the download');
    expect(downloads[0]?.name).toBe('mau-dang-bo-co-so-2026.xlsx');
    expect(one(root, 'status').textContent).toContain('Đã tạo tệp mau-dang-bo-co-so-2026.xlsx');

    const got = await xlsx.readWorkbookData(downloads[0]?.bytes as Uint8Array);
    const cli = await xlsx.readWorkbookData(
      await xlsx.writeWorkbookBuffer(
        templateLayouts({ kind: 'dang-bo', level: 'co-so', type: 'doanh-nghiep', year: 2026, name: 'Đảng bộ Công ty Cổ phần Cơ khí' }),
        TEMPLATE_MARKER,
      ),
    );
    expect(got.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
    expect(got.sheets.map((s) => s.name)).toContain('Chi bộ trực thuộc');
    expect(got.sheets).toEqual(cli.sheets);
    expect(got.generatedKind).toBe('template');
    const info = got.sheets.find((s) => s.name === 'Thông tin')?.values ?? [];
    expect(info.find((row) => row[0] === 'Loại tổ chức')?.[1]).toBe('Đảng bộ cơ sở');
    expect(info.find((row) => row[0] === 'Năm đánh giá')?.[1]).toBe(2026);
    expect(info.find((row) => row[0] === 'Loại hình')?.[1]).toBe('Doanh nghiệp');
  });

  test('the downloaded blank chi bộ template is checked by the page (not skipped as a generated file)', async () => {
    const { root, page, downloads } = mountPage();
    one<HTMLSelectElement>(root, 'blank-kind').value = 'chi-bo.truc-thuoc';
    one<HTMLInputElement>(root, 'blank-name').value = 'Chi bộ Khu phố 5';
    one(root, 'starter')
      .querySelector('form')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await waitFor(() => downloads.length === 1, 'the download');
    expect(downloads[0]?.name).toBe(templateFileName('chi-bo.truc-thuoc', Number(AS_OF.slice(0, 4))));
    const bytes = downloads[0]?.bytes as Uint8Array;
    await page.processFiles([{ name: 'chi-bo-khu-pho-5.xlsx', read: async () => bytes }]);
    const card = one(root, 'file-result');
    expect(one(card, 'organization').textContent).toContain('Chi bộ Khu phố 5');
    // A blank form is not eligible yet: nobody is rated and no meeting is recorded.
    expect(one(card, 'verdict').dataset.eligible).toBe('false');
    expect(byTestId(root, 'file-skipped')).toHaveLength(0);
  });

  test('a year outside 2000–2100 is refused next to the field; nothing is downloaded', async () => {
    const { root, downloads } = mountPage();
    one<HTMLInputElement>(root, 'blank-year').value = '25';
    one<HTMLButtonElement>(root, 'blank-download').click();
    await flush();
    expect(downloads).toHaveLength(0);
    expect(one(root, 'blank-year-error').hidden).toBe(false);
    expect(one(root, 'blank-year').getAttribute('aria-invalid')).toBe('true');
    expect(one(root, 'status').textContent).toContain('Năm đánh giá phải là số nguyên');
  });

  test('"Tải tệp ví dụ" beside "Xem ví dụ" downloads the bundled example as served, under its ví dụ name', async () => {
    const example = new Uint8Array([80, 75, 5, 6, 9, 9]);
    const { root, downloads, urls } = mountPage({}, example);
    expect(one(root, 'use-sample').textContent).toBe('Xem ví dụ');
    expect(one(root, 'download-example').textContent).toBe('Tải tệp ví dụ');
    one<HTMLButtonElement>(root, 'download-example').click();
    await waitFor(() => downloads.length === 1, 'the download');
    expect(urls).toEqual([`samples/${EXAMPLE_SAMPLE}.xlsx`]);
    expect(downloads[0]?.name).toBe('vi-du-chi-bo.xlsx');
    expect([...(downloads[0]?.bytes ?? [])]).toEqual([...example]);
  });

  test('"mẫu" is the template only: no button, heading or file name calls the example a "mẫu"', async () => {
    const { root } = mountPage();
    expect(exampleFileName('chi-bo-mau')).toBe('vi-du-chi-bo.xlsx');
    expect(exampleFileName('dang-bo-mau')).toBe('vi-du-dang-bo.xlsx');
    const labels = [...root.querySelectorAll('button, h2, label')].map((n) => n.textContent ?? '');
    const withMau = labels.filter((text) => /mẫu/i.test(text));
    expect(withMau).toEqual(['Chưa có sổ tính? Tải mẫu trống', 'Tải mẫu trống']);
    await setLanguage('en', document);
    expect(one(root, 'use-sample').textContent).toBe('See an example');
    expect(one(root, 'blank-download').textContent).toBe('Download blank template');
    expect(one(root, 'download-example').textContent).toBe('Download the example file');
  });

  test('the picker offers .xls; a picked .xls gets the advice to save it as .xlsx', async () => {
    const { root } = mountPage();
    const picker = one<HTMLInputElement>(root, 'file-input');
    expect(picker.accept).toBe(FILE_ACCEPT);
    expect(picker.accept.split(',')).toEqual(expect.arrayContaining(['.xlsx', '.xls', 'application/vnd.ms-excel']));
    const ole2 = new Uint8Array(4096);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const file = new File([ole2], 'bao-cao-2024.xls', { type: 'application/vnd.ms-excel' });
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    picker.dispatchEvent(new Event('change'));
    await waitFor(() => byTestId(root, 'file-error').length === 1, 'the error card');
    expect(one(root, 'file-error').dataset.file).toBe('bao-cao-2024.xls');
    expect(one(root, 'error-message').textContent).toContain('Tệp .xls (Excel 97-2003)');
    expect(one(root, 'error-message').textContent).toContain('lưu lại dạng .xlsx');
  });
});

// ------------------------------------------------------------------------------------ the pane

describe('pane: a workbook without the product’s sheets', () => {
  test('the threshold: one input sheet (by name or alias) is enough; Cấu hình, Tổng hợp and others are not', () => {
    expect(hasProductSheets([{ name: 'Sheet1' }, { name: 'Cấu hình' }, { name: 'Tổng hợp' }, { name: 'Danh mục' }])).toBe(false);
    expect(hasProductSheets([])).toBe(false);
    for (const name of ['Thông tin', 'ĐẢNG VIÊN', 'sinh hoat', 'Điểm danh', 'Tiêu chí', 'Chi bộ trực thuộc', 'Danh sách đảng viên']) {
      expect(hasProductSheets([{ name: 'Sheet1' }, { name }])).toBe(true);
    }
  });

  test('Kiểm tra says so in one line with a button that opens the Mẫu tab; no verdict, no TCVN3/VNI block', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Sheet1', values: [] }] });
    const { excel, root } = await mountExcel(fake);
    expect(one(excel.check.panel, 'encoding').hidden).toBe(true);
    expect(await excel.check.check()).toBeNull();
    const notice = one(root, 'no-sheets');
    expect(one(notice, 'no-sheets-text').textContent).toBe(
      'Sổ tính chưa có trang nào của Bốn Tốt (Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí, Chi bộ trực thuộc) nên chưa có gì để kiểm tra.',
    );
    expect(byTestId(root, 'verdict')).toHaveLength(0);
    expect(byTestId(root, 'reason')).toHaveLength(0);
    expect(one(root, 'status').textContent).toContain('chưa có gì để kiểm tra');
    expect(one(excel.check.panel, 'encoding').hidden).toBe(true);
    expect(excel.tabs.selected()).toBe('check');
    one<HTMLButtonElement>(notice, 'open-template').click();
    expect(excel.tabs.selected()).toBe('template');
    expect(excel.template.panel.hidden).toBe(false);
    expect(document.activeElement).toBe(excel.tabs.tab('template'));
    // From there, one click creates the sheets, and the next check gives a verdict.
    const created = await excel.template.create();
    expect(created?.created).toContain('Thông tin');
    const result = await excel.check.check();
    expect(result).not.toBeNull();
    expect(byTestId(root, 'no-sheets')).toHaveLength(0);
    expect(byTestId(root, 'verdict')).toHaveLength(1);
  });

  test('Tổng hợp on a new workbook writes nothing and says why on screen (the notice is on the Kiểm tra tab)', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Sheet1', values: [] }] });
    const { excel, root } = await mountExcel(fake);
    excel.tabs.select('summary');
    expect(await excel.summary.write()).toBeNull();
    expect(fake.sheetNames()).toEqual(['Sheet1']);
    const line = one(root, 'status');
    expect(line.textContent).toContain('chưa có gì để kiểm tra');
    expect(line.classList.contains('status-offscreen')).toBe(false);
    excel.tabs.select('check');
    await excel.check.check();
    expect(one(root, 'status').classList.contains('status-offscreen')).toBe(true);
  });

  test('English wording of the notice and its button', async () => {
    const { excel, root } = await mountExcel(createFakeExcel({ sheets: [{ name: 'Sheet1', values: [] }] }));
    await excel.check.check();
    await setLanguage('en', document);
    expect(one(root, 'no-sheets-text').textContent).toContain('none of the Bốn Tốt sheets');
    expect(one(root, 'open-template').textContent).toBe('Create the template sheets…');
  });
});

describe('pane: the TCVN3/VNI block', () => {
  test('hidden on a workbook without legacy text, shown once a check found some', async () => {
    const clean = await mountExcel(fakeWorkbook(validChiBo()));
    const result = await clean.excel.check.check();
    expect(result && legacyTextFound(result)).toBe(false);
    expect(one(clean.excel.check.panel, 'encoding').hidden).toBe(true);

    const book = chiBoBook();
    const name = book.get('Đảng viên', 'B2');
    expect(typeof name).toBe('string');
    book.set('Đảng viên', 'B2', toTcvn3(name as string));
    const legacy = await mountExcel(fakeWorkbook(book.grids()));
    const found = await legacy.excel.check.check();
    expect(found && legacyTextFound(found)).toBe(true);
    expect(one(legacy.excel.check.panel, 'encoding').hidden).toBe(false);
  });
});

describe('pane: Cấu hình', () => {
  test('"Khôi phục mặc định" asks first; Hủy keeps the saved policy, the confirm button restores it', async () => {
    const fake = fakeWorkbook(validChiBo());
    const { excel, root } = await mountExcel(fake);
    const saved = (): unknown => fake.values('Cấu hình').find((row) => row[0] === 'speakersSmall')?.[1];
    (excel.policy.control('speakersSmall') as HTMLInputElement).value = '4';
    expect(await excel.policy.save()).toBe(true);
    expect(saved()).toBe(4);

    const ask = one(root, 'policy-reset-ask');
    expect(ask.hidden).toBe(true);
    one<HTMLButtonElement>(root, 'policy-reset').click();
    await flush();
    expect(ask.hidden).toBe(false);
    expect(one(ask, 'policy-reset-ask-question').textContent).toContain('sẽ bị ghi đè');
    expect(document.activeElement).toBe(one(ask, 'policy-reset-ask-cancel'));
    expect(saved()).toBe(4);
    expect((excel.policy.control('speakersSmall') as HTMLInputElement).value).toBe('4');

    one<HTMLButtonElement>(ask, 'policy-reset-ask-cancel').click();
    await flush();
    expect(ask.hidden).toBe(true);
    expect(saved()).toBe(4);
    expect(one(root, 'status').textContent).toContain('Đã hủy');
    expect(document.activeElement).toBe(one(root, 'policy-reset'));

    one<HTMLButtonElement>(root, 'policy-reset').click();
    one<HTMLButtonElement>(ask, 'policy-reset-ask-confirm').click();
    await waitFor(() => saved() === 3, 'the restored default');
    expect(ask.hidden).toBe(true);
    expect((excel.policy.control('speakersSmall') as HTMLInputElement).value).toBe('3');
    expect(excel.ctx.policy).toEqual(defaultPolicy());
  });

  test('percentFieldText: a bare 0–1 is a fraction, as the functions read it; anything else as typed', () => {
    expect(percentFieldText('0,95')).toBe('95');
    expect(percentFieldText(' 0.855 ')).toBe('85,5');
    expect(percentFieldText('1')).toBe('100');
    expect(percentFieldText('0')).toBe('0');
    expect(percentFieldText(',5')).toBe('50');
    expect(percentFieldText('95')).toBe('95');
    expect(percentFieldText('1,5')).toBe('1,5');
    expect(percentFieldText('0,95 %')).toBe('0,95 %');
    expect(percentFieldText('chín lăm')).toBe('chín lăm');
    expect(PERCENT_KEYS).toEqual([
      'criterionMinPercent',
      'ratingCompletedMinPercent',
      'ratingGoodMinPercent',
      'excellentCapPercent',
      'attendanceMinPercent',
      'modelTargetPercent',
    ]);
    expect(isPercentKey('absenceMaxStreak')).toBe(false);
  });

  test('"0,95" typed in a percent field shows and saves 95 %; the hint beside each percent field says so', async () => {
    const fake = fakeWorkbook(validChiBo());
    const { excel, root } = await mountExcel(fake);
    const hints = byTestId(root, 'percent-hint');
    expect(hints).toHaveLength(PERCENT_KEYS.length);
    expect(hints[0]?.textContent).toBe('Có thể nhập 95 hoặc 0,95: số từ 0 đến 1 được hiểu là tỷ lệ (0,95 = 95%), như trong các hàm BONTOT.');
    for (const key of PERCENT_KEYS) {
      const control = excel.policy.control(key) as HTMLInputElement;
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ');
      expect(described.some((id) => document.getElementById(id)?.querySelector('[data-testid="percent-hint"]'))).toBe(true);
    }
    const nonPercent = NUMBER_SETTINGS.filter((s) => !isPercentKey(s.key)).map((s) => excel.policy.control(s.key) as HTMLInputElement);
    expect(nonPercent.every((control) => !document.getElementById(`${control.id}-hint`)?.querySelector('[data-testid="percent-hint"]'))).toBe(true);

    const criterion = excel.policy.control('criterionMinPercent') as HTMLInputElement;
    criterion.value = '0,95';
    criterion.dispatchEvent(new Event('change'));
    expect(criterion.value).toBe('95');
    const attendance = excel.policy.control('attendanceMinPercent') as HTMLInputElement;
    attendance.value = '0,9'; // saved without a change event (typed, then Lưu)
    expect(await excel.policy.save()).toBe(true);
    expect(excel.ctx.policy.criterionMinPercent).toBe(95);
    expect(excel.ctx.policy.attendanceMinPercent).toBe(90);
    expect(fake.values('Cấu hình').find((row) => row[0] === 'attendanceMinPercent')?.[1]).toBe(90);
    // A count is not a percent: 1 stays 1.
    const streak = excel.policy.control('absenceMaxStreak') as HTMLInputElement;
    streak.value = '1';
    streak.dispatchEvent(new Event('change'));
    expect(streak.value).toBe('1');
    expect(await excel.policy.save()).toBe(true);
    expect(excel.ctx.policy.absenceMaxStreak).toBe(1);
  });
});
