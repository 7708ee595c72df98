/** @jest-environment jsdom */
/**
 * "Chuyển mã sang Unicode" (taskpane/encoding.ts) in jsdom against the Office.js fake: it asks first
 * and changes nothing until confirmed, cancel changes nothing, confirm converts the planned cells
 * and keeps a copy of each changed sheet, a double click converts once, text renders as text.
 */
import { toTcvn3 } from '../../src/core/legacyEncoding';
import { a1 } from '../../src/workbook/a1';
import type { SheetGrid } from '../../src/workbook/types';
import { renderEncodingAction, type EncodingAction } from '../../taskpane/encoding';
import type { ExcelRun } from '../../taskpane/excelContext';
import { setLanguage } from '../../taskpane/i18n';
import { createFakeExcel, type FakeExcel } from '../fakes/office';
import { chiBoBook, validChiBo } from '../workbook/grids';
import { mountExcel } from './helpers';

jest.setTimeout(120_000);

const PAYLOAD = '<img src=x onerror=alert(1)>';

function fakeOf(grids: readonly SheetGrid[]): FakeExcel {
  return createFakeExcel({ sheets: grids.map((grid) => ({ name: grid.name, values: grid.values, origin: a1(grid.originRow, grid.originCol) })) });
}

function runner(fake: FakeExcel): ExcelRun {
  return (batch) => fake.run((context) => batch(context as unknown as Excel.RequestContext));
}

function byTestId(root: ParentNode, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
}

function one(root: ParentNode, id: string): HTMLElement {
  const found = byTestId(root, id);
  if (found.length !== 1) throw new Error(`${found.length} × ${id}`);
  return found[0] as HTMLElement;
}

function mount(fake: FakeExcel, options: Parameters<typeof renderEncodingAction>[2] = {}): { container: HTMLElement; action: EncodingAction } {
  document.body.innerHTML = '';
  const container = document.createElement('div');
  document.body.appendChild(container);
  return { container, action: renderEncodingAction(container, runner(fake), options) };
}

/** A chi bộ whose Đảng viên names and ratings are typed in TCVN3 (one name carries markup). */
function legacyFake(): FakeExcel {
  const book = chiBoBook();
  for (let row = 2; row <= 14; row++) {
    for (const column of ['B', 'F']) {
      const value = book.get('Đảng viên', `${column}${row}`);
      if (typeof value === 'string') book.set('Đảng viên', `${column}${row}`, toTcvn3(value));
    }
  }
  book.set('Đảng viên', 'H2', `${PAYLOAD} ${toTcvn3('Chuyển đến')}`);
  return fakeOf(book.grids());
}

afterEach(() => setLanguage('vi', document));

describe('Chuyển mã sang Unicode', () => {
  test('asks first: lists the sheets, counts and examples, and changes nothing before the confirm', async () => {
    const fake = legacyFake();
    const before = fake.snapshotAll();
    const { container, action } = mount(fake);
    expect(one(container, 'encoding-start').textContent).toBe('Chuyển mã sang Unicode');
    one(container, 'encoding-start').click();
    const plan = await action.scan();
    expect(plan).toHaveLength(26);
    expect(one(container, 'encoding-found').textContent).toBe('Tìm thấy 26 ô gõ bằng phông TCVN3 (ABC):');
    expect(byTestId(container, 'encoding-sheet').map((li) => li.dataset.sheet)).toEqual(['Đảng viên']);
    expect(one(container, 'encoding-sheet').firstChild?.textContent).toBe('Đảng viên: 26 ô');
    expect(byTestId(container, 'encoding-example')[0]?.textContent).toBe(`B2: “${toTcvn3('Nguyễn Văn An')}” → “Nguyễn Văn An”`);
    expect(one(container, 'encoding-warning').textContent).toContain('“Đảng viên (bản gốc)”');
    expect(one(container, 'encoding-warning').textContent).toContain('Ctrl+Z');
    expect(one(container, 'encoding-confirm').textContent).toBe('Chuyển mã 26 ô');
    expect(document.activeElement).toBe(one(container, 'encoding-confirm'));
    expect(one(container, 'encoding-status').textContent).toContain('26 ô');
    expect(fake.snapshotAll()).toEqual(before);
  });

  test('cancel changes nothing', async () => {
    const fake = legacyFake();
    const before = fake.snapshotAll();
    const { container, action } = mount(fake);
    await action.scan();
    one(container, 'encoding-cancel').click();
    expect(one(container, 'encoding-cancelled').textContent).toContain('không thay đổi');
    expect(byTestId(container, 'encoding-confirm')).toHaveLength(0);
    expect(fake.snapshotAll()).toEqual(before);
  });

  test('confirm converts the planned cells once (a double click joins), keeps a copy, reports it', async () => {
    const fake = legacyFake();
    const converted = jest.fn();
    const { container, action } = mount(fake, { onConverted: converted });
    await action.scan();
    const button = one(container, 'encoding-confirm');
    button.click();
    button.click();
    const result = await action.confirm();
    expect(result?.written).toHaveLength(26);
    expect(converted).toHaveBeenCalledTimes(1);
    expect(fake.sheetNames().filter((name) => name.includes('bản gốc'))).toEqual(['Đảng viên (bản gốc)']);
    expect(fake.cell('Đảng viên', 'B2').value).toBe('Nguyễn Văn An');
    expect(fake.cell('Đảng viên', 'F3').value).toBe('Hoàn thành tốt nhiệm vụ');
    expect(fake.cell('Đảng viên', 'H2').value).toBe(`${PAYLOAD} Chuyển đến`);
    expect(fake.cell('Đảng viên (bản gốc)', 'B2').value).toBe(toTcvn3('Nguyễn Văn An'));
    expect(one(container, 'encoding-done').textContent).toBe('Đã chuyển mã 26 ô trên 1 trang sang Unicode.');
    expect(one(container, 'encoding-copies').textContent).toContain('“Đảng viên (bản gốc)”');
  });

  test('cell text is shown as text, never as HTML', async () => {
    const { container, action } = mount(legacyFake());
    await action.scan();
    // H2 is the 3rd flagged cell of its sheet (row 2: B2, F2, H2): among the examples.
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(PAYLOAD);
  });

  test('cells on hidden sheets are named and left alone', async () => {
    const fake = legacyFake();
    fake.addSheet({ name: 'Danh mục', values: [[toTcvn3('Hoàn thành tốt nhiệm vụ')]], visibility: 'Hidden' });
    const hiddenBefore = fake.snapshot('Danh mục');
    const { container, action } = mount(fake);
    expect(await action.scan()).toHaveLength(26);
    expect(one(container, 'encoding-hidden').textContent).toContain('1 ô trên trang đang ẩn (“Danh mục”)');
    await action.confirm();
    expect(fake.snapshot('Danh mục')).toEqual(hiddenBefore);
    expect(fake.hasSheet('Danh mục (bản gốc)')).toBe(false);
  });

  test('a Unicode workbook: nothing to convert, no confirm step', async () => {
    const fake = fakeOf(validChiBo());
    const before = fake.snapshotAll();
    const { container, action } = mount(fake);
    expect(await action.scan()).toEqual([]);
    expect(one(container, 'encoding-none').textContent).toContain('không cần chuyển mã');
    expect(byTestId(container, 'encoding-confirm')).toHaveLength(0);
    expect(fake.snapshotAll()).toEqual(before);
  });

  test('an Excel that cannot copy sheets is refused, with nothing changed', async () => {
    const fake = legacyFake();
    const before = fake.snapshotAll();
    const { container, action } = mount(fake, { canCopy: () => false });
    await action.scan();
    expect(await action.confirm()).toBeNull();
    expect(one(container, 'encoding-error').textContent).toContain('ExcelApi 1.7');
    expect(fake.snapshotAll()).toEqual(before);
  });

  test('follows the language switch', async () => {
    const { container, action } = mount(legacyFake());
    await action.scan();
    await setLanguage('en', document);
    expect(one(container, 'encoding-start').textContent).toBe('Convert to Unicode');
    expect(one(container, 'encoding-confirm').textContent).toBe('Convert 26 cells');
    expect(one(container, 'encoding-found').textContent).toBe('26 cells typed in TCVN3 (ABC):');
    action.dispose();
  });

  test('wired into the Kiểm tra tab: converting runs the check again, which has no LEGACY_ENCODING left', async () => {
    const fake = legacyFake();
    const { excel, root } = await mountExcel(fake);
    const before = await excel.check.check();
    // 25 names and ratings warned; the 26th planned cell is a Ghi chú the check does not read.
    expect(before?.issues.filter((i) => i.code === 'LEGACY_ENCODING')).toHaveLength(25);
    const section = one(excel.check.panel, 'encoding');
    one(section, 'encoding-start').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (byTestId(section, 'encoding-confirm').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const checksBefore = excel.check.checks;
    one(section, 'encoding-confirm').click();
    while (byTestId(section, 'encoding-done').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const after = await excel.check.check();
    expect(excel.check.checks).toBeGreaterThan(checksBefore);
    expect(after?.issues).toEqual([]);
    expect(one(root, 'status').textContent).toMatch(/Đủ điều kiện/);
  });
});
