/**
 * The Office.js adapter against the in-memory fake: which ranges are read and written, how many
 * round trips, and that nothing of the user's changes.
 */
import { INFO_HEADERS, MEETING_HEADERS } from '../../scripts/sheetHeaders';
import { defaultPolicy, policyFromEntries, type Policy } from '../../src/core/policy';
import {
  clearHighlights,
  createTemplate,
  HIGHLIGHT_FILL,
  HIGHLIGHT_FORMULA,
  highlightIssues,
  readPolicyEntries,
  readSheets,
  selectCell,
  widthToPoints,
  writePolicy,
  writeSheet,
} from '../../src/hosts/excel';
import { checkWorkbook } from '../../src/workbook/check';
import { findMarker, markerFor, placeMarker } from '../../src/workbook/generated';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import { LIST_COLUMNS, listValidation, SHEET_NAMES } from '../../src/workbook/layout/template';
import type { CellValue, SheetGrid, SheetLayout } from '../../src/workbook/types';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type FakeSheetInit } from '../fakes/office';
import { chiBoWorkbook as workbook } from '../fakes/workbooks';
import { AS_OF, validChiBo } from '../workbook/grids';

jest.setTimeout(120_000);

function run<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((context) => batch(context as unknown as Excel.RequestContext));
}

async function measured<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<{ result: T; syncs: number }> {
  return fake.countSyncs(() => run(fake, batch));
}

/** Deep equality of snapshots: a fast JSON comparison, toEqual only to show a difference. */
function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

// ------------------------------------------------------------------------------- fixtures

/** A party-document summary with `reasons` reason rows, marker placed like the workbook layer does. */
function summary(reasons: number, name: string = SHEET_NAMES.summary): SheetLayout {
  const tricky: CellValue[][] = [
    ['Công thức?', '=SUM(A1:A3)', 'không phải công thức', 'Sinh hoạt', 'B2', ''],
    ['Ngày?', '01/02/2026', 'là chữ, không phải ngày', 'Sinh hoạt', 'B3', ''],
    ['Số thẻ', '0123', 'giữ số 0 đầu', 'Đảng viên', 'C3', ''],
    ['Dấu trừ', '-5 buổi', 'không phải công thức', 'Sinh hoạt', 'I4', ''],
    ['Điện thoại', '+84 912 345 678', 'không phải công thức', 'Thông tin', 'B9', ''],
    ['Chữ TRUE', 'TRUE', 'là chữ', 'Thông tin', 'B8', ''],
  ];
  const values: CellValue[][] = [
    ['ĐẢNG BỘ PHƯỜNG BẾN NGHÉ', null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM', null, null],
    ['CHI BỘ KHU PHỐ 3', null, null, 'Bến Nghé, ngày … tháng … năm 2026', null, null],
    ['Số: …-BC/CB', null, null, null, null, null],
    [null, null, null, null, null, null],
    ['BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ CHI BỘ BỐN TỐT NĂM 2025', null, null, null, null, null],
    ['Tiêu chí', 'Tỷ lệ', 'Đạt', null, null, null],
    ['1.1', 0.98, 'Đạt', null, null, null],
    ['1.2', 0.955, 'Đạt', null, null, null],
    ['STT', 'Mã', 'Lý do', 'Trang', 'Ô', 'Ngưỡng'],
    ...tricky,
    ...Array.from({ length: reasons }, (_, i): CellValue[] => [
      i + 7,
      'ABSENCE_UNEXCUSED',
      `Đảng viên Nguyễn Văn ${i + 1} vắng không lý do (ngưỡng: 0 lần)`,
      'Điểm danh',
      `D${i + 3}`,
      0,
    ]),
    ['Nơi nhận:', null, null, 'T/M CHI ỦY', null, null],
    ['- Đảng ủy phường;', null, null, 'BÍ THƯ', null, null],
  ];
  const last = values.length;
  const layout: SheetLayout = {
    name,
    values,
    columns: [{ width: 8 }, { width: 22 }, { width: 60 }, { width: 16 }, { width: 8 }, { width: 10 }],
    formats: [
      { range: 'A1:F3', bold: true, align: 'center' },
      { range: 'A5:F5', bold: true, fontSize: 14, align: 'center', wrap: true },
      { range: 'B7:B8', numberFormat: '0.00%' },
      { range: `A9:F${last - 2}`, border: true, verticalAlign: 'top' },
      { range: 'A9:F9', bold: true, fill: '#D9E1F2' },
      { range: `D${last - 1}:F${last}`, bold: true, align: 'center', italic: false, underline: false, fontColor: '#000000' },
    ],
    merges: ['A1:C1', 'D1:F1', 'A2:C2', 'D2:F2', 'A5:F5'],
    validations: [],
    frozenRows: 0,
    hidden: false,
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
    fontName: 'Times New Roman',
  };
  return placeMarker(layout, markerFor('tong-hop'));
}

/** Template layouts as the workbook layer describes them (a subset, with every feature used). */
function templateLayouts(): SheetLayout[] {
  const lists: SheetLayout = {
    name: SHEET_NAMES.lists,
    values: [
      LIST_COLUMNS.map((list) => list.header),
      ...Array.from({ length: Math.max(...LIST_COLUMNS.map((l) => l.items.length)) }, (_, r) => LIST_COLUMNS.map((l) => l.items[r] ?? null)),
    ],
    columns: LIST_COLUMNS.map(() => ({ width: 30, numberFormat: '@' })),
    formats: [],
    merges: [],
    validations: [],
    frozenRows: 1,
    hidden: true,
  };
  const info: SheetLayout = {
    name: SHEET_NAMES.info,
    values: [[...INFO_HEADERS], ['Tên tổ chức', null], ['Loại tổ chức', null], ['Loại hình', null], ['Năm đánh giá', 2025]],
    columns: [{ width: 32 }, { width: 40 }],
    formats: [{ range: 'A1:B1', bold: true, fill: '#D9E1F2' }],
    merges: [],
    validations: [
      { range: 'B3', validation: listValidation('orgKind') },
      { range: 'B4', validation: listValidation('orgType') },
      { range: 'B5', validation: { type: 'wholeNumber', min: 2000, max: 2100 } },
    ],
    frozenRows: 1,
    hidden: false,
  };
  const formulas: Record<string, string> = {};
  for (let row = 2; row <= 200; row++) formulas[`M${row}`] = `=BONTOT.MEETING_QUALITY(D${row},E${row},H${row},I${row},C${row})`;
  const meetings: SheetLayout = {
    name: SHEET_NAMES.meetings,
    values: [
      [...MEETING_HEADERS, 'Chất lượng (tự tính)'],
      // A placeholder where a formula goes must not make the cell text.
      ...Array.from({ length: 199 }, (): CellValue[] => [null, null, null, null, null, null, null, null, null, null, null, null, '']),
    ],
    formulas,
    columns: [
      { width: 6 },
      { width: 12, numberFormat: 'dd/mm/yyyy' },
      { width: 14 },
      { width: 12, numberFormat: '0' },
      { width: 10, numberFormat: '0' },
      { width: 10, numberFormat: '0' },
      { width: 10, numberFormat: '0' },
      { width: 10, numberFormat: '0' },
      { width: 12, numberFormat: '0' },
      { width: 10 },
      { width: 10 },
      { width: 12 },
      { width: 18 },
    ],
    formats: [{ range: 'A1:M1', bold: true, wrap: true }],
    merges: [],
    validations: [
      { range: 'B2:B500', validation: { type: 'date' } },
      { range: 'C2:C500', validation: listValidation('meetingKind') },
      { range: 'D2:D500', validation: { type: 'wholeNumber', min: 0 } },
    ],
    frozenRows: 1,
    hidden: false,
  };
  const criteria: SheetLayout = {
    name: SHEET_NAMES.criteria,
    values: [
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm tự chấm', 'Minh chứng'],
      ['1.1', 'Hoàn thành tốt nhiệm vụ chính trị', null, null, null],
      ['1.1.1', 'Lãnh đạo thực hiện nhiệm vụ', 10, null, null],
      ['1.10', 'Mã có số 0 cuối', 5, null, null],
    ],
    columns: [{ width: 10, numberFormat: '@' }, { width: 60 }, { width: 12 }, { width: 12 }, { width: 30 }],
    formats: [{ range: 'A1:E1', bold: true }],
    merges: [],
    validations: [{ range: 'D2:D300', validation: { type: 'decimal', min: 0 } }],
    frozenRows: 1,
    hidden: false,
  };
  return [info, meetings, criteria, lists];
}

function expectedGrid(init: FakeSheetInit): unknown[][] {
  // What a used range gives back: blanks as "", no fully blank trailing columns/rows.
  const rows = (init.values ?? []).map((row) => row.map((v) => (v === null || v === undefined ? '' : v)));
  const width = Math.max(
    0,
    ...rows.map((row) => {
      let w = row.length;
      while (w > 0 && row[w - 1] === '') w--;
      return w;
    }),
  );
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

// --------------------------------------------------------------------------------- reading

describe('readSheets', () => {
  test('reads every sheet, hidden ones too, with the used range origin', async () => {
    const init = workbook(20);
    const fake = createFakeExcel({ sheets: init });
    // A formatted but empty cell far away must not stretch the grid (values-only used range).
    fake.setCell('Thông tin', 'H40', { format: { fill: '#FFFF00' } });
    const { result: grids, syncs } = await measured(fake, (context) => readSheets(context));
    expect(syncs).toBe(2);
    expect(grids.map((g) => g.name)).toEqual(init.map((s) => s.name));
    for (const sheet of init) {
      const grid = grids.find((g) => g.name === sheet.name) as SheetGrid;
      expect(grid.hidden).toBe(sheet.visibility === 'Hidden');
      if (sheet.name === 'Trống') {
        expect(grid).toMatchObject({ values: [], originRow: 0, originCol: 0 });
        continue;
      }
      expect(grid.values).toEqual(expectedGrid(sheet));
    }
    expect(grids.find((g) => g.name === 'Điểm danh')).toMatchObject({ originRow: 1, originCol: 1 });
    expect(grids.find((g) => g.name === 'Đảng viên')).toMatchObject({ originRow: 0, originCol: 0 });
    // Dates arrive as serial numbers; text that looks like a number stays text.
    const members = grids.find((g) => g.name === 'Đảng viên') as SheetGrid;
    expect(typeof members.values[2]?.[3]).toBe('number');
    expect(members.values[2]?.[2]).toBe('01000000');
  });

  test('the grids it reads check the same as the grids they came from', async () => {
    const original = validChiBo();
    const fake = createFakeExcel({
      sheets: original.map((g) => ({ name: g.name, values: g.values, visibility: g.hidden ? 'Hidden' : 'Visible' })),
    });
    const grids = await run(fake, (context) => readSheets(context));
    const fromExcel = checkWorkbook(grids, { asOf: AS_OF });
    const fromGrids = checkWorkbook(original, { asOf: AS_OF });
    expect(fromExcel.eligible).toBe(true);
    expect(fromExcel.organization).toEqual(fromGrids.organization);
    expect(fromExcel.reasons).toEqual(fromGrids.reasons);
    expect(fromExcel.issues).toEqual(fromGrids.issues);
  });

  test('include filters the sheets it reads', async () => {
    const fake = createFakeExcel({ sheets: workbook(5) });
    const grids = await run(fake, (context) => readSheets(context, { include: (name, hidden) => !hidden && name !== 'Trống' }));
    expect(grids.map((g) => g.name)).toEqual(['Thông tin', 'Đảng viên', 'Sinh hoạt', 'Điểm danh', 'Tiêu chí']);
  });

  test('a sheet past the cell limit is read in row chunks, one sync each', async () => {
    const init = workbook(300, 24);
    const limit = 1000;
    const fake = createFakeExcel({ sheets: init, limits: { maxCellsPerRead: limit } });
    const { result: grids, syncs } = await measured(fake, (context) => readSheets(context, { maxCellsPerRead: limit }));
    for (const sheet of init.filter((s) => s.name !== 'Trống')) {
      expect(grids.find((g) => g.name === sheet.name)?.values).toEqual(expectedGrid(sheet));
    }
    // Điểm danh: 301 × 26 cells; Đảng viên: 302 × 8 cells; the rest fits in one read.
    const attendanceChunks = Math.ceil(301 / Math.floor(limit / 26));
    const memberChunks = Math.ceil(302 / Math.floor(limit / 8));
    const log = fake.syncLog.slice(-syncs);
    expect(log.slice(2).every((s) => s.cellsRead <= limit && s.failed === null)).toBe(true);
    // Pieces of small sizes share a sync, so at most one chunk per sync beyond what fits.
    expect(syncs).toBeGreaterThan(2);
    expect(syncs).toBeLessThanOrEqual(2 + attendanceChunks + memberChunks);
    expect(log.slice(2).reduce((sum, s) => sum + s.cellsRead, 0)).toBe(301 * 26 + 302 * 8);
  });

  test('a response past the payload limit falls back to sizes first, then chunks', async () => {
    const init = workbook(400, 24);
    const maxPayloadBytes = 64 * 1024;
    const fake = createFakeExcel({ sheets: init, limits: { maxPayloadBytes } });
    const { result: grids, syncs } = await measured(fake, (context) => readSheets(context, { maxPayloadBytes }));
    for (const sheet of init.filter((s) => s.name !== 'Trống')) {
      expect(grids.find((g) => g.name === sheet.name)?.values).toEqual(expectedGrid(sheet));
    }
    const log = fake.syncLog.slice(-syncs);
    expect(log[1]?.failed).toBe('ResponsePayloadSizeLimitExceeded');
    expect(log.filter((s) => s.failed === null).every((s) => s.responseBytes <= maxPayloadBytes)).toBe(true);
  });
});

// ---------------------------------------------------------------------------- sync counts

describe('round trips do not grow with the workbook', () => {
  const sizes = [20, 5000];
  const measuredSyncs: Record<number, { read: number; write: number; cells: number }> = {};

  test.each(sizes)('%i members × 24 meetings: ≤ 2 syncs to read, ≤ 2 to write the summary', async (members) => {
    const fake = createFakeExcel({ sheets: workbook(members, 24) });
    const read = await measured(fake, (context) => readSheets(context));
    const attendance = read.result.find((g) => g.name === 'Điểm danh') as SheetGrid;
    expect(attendance.values).toHaveLength(members + 1);
    expect(attendance.values[0]).toHaveLength(26);
    const layout = summary(members);
    const write = await measured(fake, (context) => writeSheet(context, layout, { replaceOnlyIfMarker: true }));
    expect(write.result).toEqual({ sheetName: 'Tổng hợp', replaced: false });
    expect(fake.values('Tổng hợp')).toHaveLength(layout.values.length);
    const cells = fake.syncLog.reduce((sum, s) => sum + s.cellsRead, 0);
    measuredSyncs[members] = { read: read.syncs, write: write.syncs, cells };
    expect(read.syncs).toBeLessThanOrEqual(2);
    expect(write.syncs).toBeLessThanOrEqual(2);
  });

  test('the counts are the same for both sizes', () => {
    const small = measuredSyncs[20];
    const large = measuredSyncs[5000];
    expect(small && large).toBeTruthy();
    expect(large?.read).toBe(small?.read);
    expect(large?.write).toBe(small?.write);
    expect(large && small && large.cells > 100 * small.cells).toBe(true);
  });
});

// ----------------------------------------------------------------------------- the summary

describe('writeSheet (summary)', () => {
  test('writes values as text where they are text, formats, merges, widths, print setup, hidden marker', async () => {
    const fake = createFakeExcel({ sheets: workbook(5) });
    const layout = summary(3);
    await run(fake, (context) => writeSheet(context, layout, { replaceOnlyIfMarker: true }));
    const s = 'Tổng hợp';
    // Text stays text: no formula, no date, no lost leading zero, no boolean.
    expect(fake.cell(s, 'B10')).toMatchObject({ value: '=SUM(A1:A3)', formula: null, numberFormat: '@' });
    expect(fake.cell(s, 'B11')).toMatchObject({ value: '01/02/2026', numberFormat: '@' });
    expect(fake.cell(s, 'B12').value).toBe('0123');
    expect(fake.cell(s, 'B13')).toMatchObject({ value: '-5 buổi', formula: null });
    expect(fake.cell(s, 'B14')).toMatchObject({ value: '+84 912 345 678', formula: null });
    expect(fake.cell(s, 'B15').value).toBe('TRUE');
    // Numbers stay numbers with their format.
    expect(fake.cell(s, 'B8')).toMatchObject({ value: 0.955, numberFormat: '0.00%' });
    expect(fake.cell(s, 'A16')).toMatchObject({ value: 7, numberFormat: 'General' });
    expect(fake.values(s, 'A1:F2')).toEqual([
      ['ĐẢNG BỘ PHƯỜNG BẾN NGHÉ', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM', '', ''],
      ['CHI BỘ KHU PHỐ 3', '', '', 'Bến Nghé, ngày … tháng … năm 2026', '', ''],
    ]);
    const snap = fake.snapshot(s);
    expect(snap.merges).toEqual(['A1:C1', 'D1:F1', 'A2:C2', 'D2:F2', 'A5:F5']);
    expect(snap.cells.A5?.format).toMatchObject({
      font: expect.objectContaining({ bold: true, size: 14, name: 'Times New Roman' }),
      horizontalAlignment: 'Center',
      wrapText: true,
    });
    expect(snap.cells.A9?.format).toMatchObject({
      fill: '#D9E1F2',
      borders: expect.objectContaining({ EdgeTop: 'Continuous', InsideVertical: 'Continuous' }),
    });
    expect(snap.columnWidths).toMatchObject({ A: widthToPoints(8), C: widthToPoints(60) });
    expect(snap.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: `A1:F${layout.values.length}`,
    });
    // The marker: row 1, the column after the content, hidden, text.
    expect(snap.hiddenColumns).toEqual(['G']);
    expect(fake.cell(s, 'G1')).toMatchObject({ value: markerFor('tong-hop'), numberFormat: '@' });
    expect(fake.activeSheet).toBe(s);
    expect(fake.suspendCalls).toBe(1);
  });

  test('a user sheet named "Tổng hợp" is left alone and "Tổng hợp (2)" is written, then replaced', async () => {
    const fake = createFakeExcel({
      sheets: [
        ...workbook(5),
        {
          name: 'Tổng hợp',
          values: [
            ['Bảng của tôi', 42],
            ['=không phải của add-in', null],
          ],
        },
      ],
    });
    fake.setCell('Tổng hợp', 'A1', { format: { fill: '#00B050', font: { bold: true } } });
    const before = fake.snapshot('Tổng hợp');
    const first = await measured(fake, (context) => writeSheet(context, summary(3), { replaceOnlyIfMarker: true }));
    expect(first.result).toEqual({ sheetName: 'Tổng hợp (2)', replaced: false });
    expect(first.syncs).toBe(2);
    expectSame(fake.snapshot('Tổng hợp'), before);
    expect(fake.cell('Tổng hợp (2)', 'A1').value).toBe('ĐẢNG BỘ PHƯỜNG BẾN NGHÉ');

    // Run again with a shorter summary: "(2)" carries the marker, so it is replaced, and
    // nothing of the longer old content is left behind.
    const second = await measured(fake, (context) => writeSheet(context, summary(0), { replaceOnlyIfMarker: true }));
    expect(second.result).toEqual({ sheetName: 'Tổng hợp (2)', replaced: true });
    expect(second.syncs).toBe(2);
    expect(fake.sheetNames().filter((n) => n.startsWith('Tổng hợp'))).toEqual(['Tổng hợp', 'Tổng hợp (2)']);
    const rows = summary(0).values.length;
    expect(fake.values('Tổng hợp (2)')).toHaveLength(rows);
    expect(fake.cell('Tổng hợp (2)', `C${rows + 1}`).value).toBe('');
    expectSame(fake.snapshot('Tổng hợp'), before);
  });

  test('a generated "Tổng hợp" is replaced in place (position kept, no new sheet)', async () => {
    const fake = createFakeExcel({ sheets: workbook(5) });
    await run(fake, (context) => writeSheet(context, summary(10), { replaceOnlyIfMarker: true }));
    const names = fake.sheetNames();
    fake.setCell('Tổng hợp', 'C30', { format: { fill: '#123456' } });
    const result = await run(fake, (context) => writeSheet(context, summary(2), { replaceOnlyIfMarker: true }));
    expect(result).toEqual({ sheetName: 'Tổng hợp', replaced: true });
    expect(fake.sheetNames()).toEqual(names);
    expect(fake.cell('Tổng hợp', 'C30').format.fill).toBeNull();
    expect(fake.cell('Tổng hợp', 'B10').value).toBe('=SUM(A1:A3)');
  });

  test('finds the next free "(n)" past the first candidates, and works where null objects fail', async () => {
    const users: FakeSheetInit[] = ['Tổng hợp', ...[2, 3].map((n) => `Tổng hợp (${n})`)].map((name) => ({ name, values: [['của người dùng']] }));
    const options: FakeExcelOptions[] = [{}, { nullChaining: 'throw' }];
    for (const option of options) {
      const fake = createFakeExcel({ ...option, sheets: [...workbook(3), ...users] });
      const before = users.map((u) => fake.snapshot(u.name));
      const result = await run(fake, (context) => writeSheet(context, summary(1), { replaceOnlyIfMarker: true, candidates: 2 }));
      expect(result).toEqual({ sheetName: 'Tổng hợp (4)', replaced: false });
      expectSame(
        users.map((u) => fake.snapshot(u.name)),
        before,
      );
      const again = await run(fake, (context) => writeSheet(context, summary(1), { replaceOnlyIfMarker: true }));
      expect(again).toEqual({ sheetName: 'Tổng hợp (4)', replaced: true });
    }
  });

  test('the written sheet is recognised as generated when read back', async () => {
    const fake = createFakeExcel({ sheets: workbook(3) });
    await run(fake, (context) => writeSheet(context, summary(1), { replaceOnlyIfMarker: true }));
    const grids = await run(fake, (context) => readSheets(context));
    expect(findMarker(grids.find((g) => g.name === 'Tổng hợp') as SheetGrid)).toBe(markerFor('tong-hop'));
  });
});

// --------------------------------------------------------------------- user data untouched

describe("the user's cells never change", () => {
  function userBook(): FakeExcel {
    const fake = createFakeExcel({ sheets: workbook(20) });
    fake.setCell('Sinh hoạt', 'A1:L1', { format: { fill: '#FFF2CC', font: { bold: true } }, numberFormat: '@' });
    fake.setCell('Sinh hoạt', 'B2:B25', { numberFormat: 'dd/mm/yyyy' });
    fake.setCell('Đảng viên', 'B3', { format: { fill: '#FFC7CE' } }); // the user's own red fill
    fake.addConditionalFormat('Điểm danh', ['D3:AA22'], { type: 'ContainsText', fill: '#FFEB9C', extra: { text: 'K' } });
    fake.addConditionalFormat('Sinh hoạt', ['H2:H25'], { type: 'Custom', formula: '=H2<7', fill: '#FFC7CE' });
    return fake;
  }

  test('while reading, writing the summary, creating the template, saving the policy and selecting', async () => {
    const fake = userBook();
    const before = fake.snapshotAll();
    await run(fake, (context) => readSheets(context));
    expectSame(fake.snapshotAll(), before);
    await run(fake, (context) => writeSheet(context, summary(20), { replaceOnlyIfMarker: true }));
    const result = await run(fake, (context) => createTemplate(context, templateLayouts()));
    expect(result.skipped).toEqual(['Thông tin', 'Sinh hoạt', 'Tiêu chí']);
    expect(result.created).toEqual(['Danh mục']);
    await run(fake, (context) => writePolicy(context, policyLayout(defaultPolicy())));
    await run(fake, (context) => selectCell(context, 'Điểm danh', 'D5'));
    const after = fake.snapshotAll();
    expect(Object.keys(after)).toEqual([...Object.keys(before), 'Tổng hợp', 'Danh mục']);
    for (const name of Object.keys(before).filter((n) => n !== 'Cấu hình')) expectSame(after[name], before[name]);
  });

  test("while highlighting and clearing: only the add-in's conditional formats come and go", async () => {
    const fake = userBook();
    const before = fake.snapshotAll();
    const places = [
      { sheet: 'Điểm danh', cell: 'D3' },
      { sheet: 'Điểm danh', cell: 'D4' },
      { sheet: 'Điểm danh', cell: 'D5' },
      { sheet: 'Điểm danh', cell: 'G9' },
      { sheet: 'sinh hoạt', cell: 'H7' }, // sheet names match case-insensitively
      { sheet: 'Sinh hoạt', cell: 'B2:L2' },
      { sheet: 'Sinh hoạt', cell: 'H7' }, // twice: one highlight
      { sheet: 'Thông tin', cell: null }, // whole-sheet issue: nothing to highlight
      { sheet: 'Không có trang này', cell: 'A1' },
    ];
    const highlight = await measured(fake, (context) => highlightIssues(context, places));
    expect(highlight.syncs).toBe(3);
    expect(highlight.result).toBe(4);
    const ours = (name: string) => fake.snapshot(name).conditionalFormats.filter((cf) => cf.formula === HIGHLIGHT_FORMULA);
    expect(ours('Điểm danh')).toEqual([expect.objectContaining({ type: 'Custom', ranges: ['D3:D5', 'G9'], fill: HIGHLIGHT_FILL })]);
    expect(ours('Sinh hoạt').map((cf) => cf.ranges)).toEqual([['B2:L2', 'H7']]);
    // Cells, formats and the user's conditional formats are as they were.
    for (const name of Object.keys(before)) {
      const { conditionalFormats, ...rest } = fake.snapshot(name);
      const { conditionalFormats: beforeFormats, ...beforeRest } = before[name] as (typeof before)[string];
      expectSame(rest, beforeRest);
      expect(conditionalFormats.filter((cf) => cf.formula !== HIGHLIGHT_FORMULA)).toEqual(beforeFormats);
    }
    // A new check replaces the highlights instead of piling them up.
    await run(fake, (context) => highlightIssues(context, [{ sheet: 'Điểm danh', cell: 'E3' }]));
    expect(ours('Điểm danh').map((cf) => cf.ranges)).toEqual([['E3']]);
    expect(ours('Sinh hoạt')).toEqual([]);
    const cleared = await run(fake, (context) => clearHighlights(context));
    expect(cleared).toBe(1);
    expectSame(fake.snapshotAll(), before);
    expect(await run(fake, (context) => clearHighlights(context))).toBe(0);
  });
});

// ------------------------------------------------------------------------------- template

describe('createTemplate', () => {
  test('adds only missing sheets with headers, widths, formats, frozen header, dropdowns and formulas', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'Sheet1', values: [] },
        { name: 'thông tin', values: [['Của tôi']] },
      ],
    });
    const before = fake.snapshot('thông tin');
    const { result, syncs } = await measured(fake, (context) => createTemplate(context, templateLayouts()));
    expect(syncs).toBe(2);
    expect(result).toEqual({ created: ['Sinh hoạt', 'Tiêu chí', 'Danh mục'], skipped: ['Thông tin'] });
    expectSame(fake.snapshot('thông tin'), before);
    expect(fake.sheetNames()).toEqual(['Sheet1', 'thông tin', 'Sinh hoạt', 'Tiêu chí', 'Danh mục']);

    const meetings = fake.snapshot('Sinh hoạt');
    expect(fake.values('Sinh hoạt', 'A1:M1')[0]).toEqual(templateLayouts()[1]?.values[0]);
    expect(meetings.frozenRows).toBe(1);
    expect(meetings.columnWidths.B).toBe(widthToPoints(12));
    expect(fake.cell('Sinh hoạt', 'B2').numberFormat).toBe('dd/mm/yyyy');
    expect(fake.cell('Sinh hoạt', `B${1 + 1000}`).numberFormat).toBe('dd/mm/yyyy');
    // Helper column: a real formula, not text (its placeholder "" must not make the cell "@").
    expect(fake.cell('Sinh hoạt', 'M2')).toMatchObject({ formula: '=BONTOT.MEETING_QUALITY(D2,E2,H2,I2,C2)' });
    expect(fake.cell('Sinh hoạt', 'M2').numberFormat).not.toBe('@');
    expect(fake.cell('Sinh hoạt', 'M200').formula).toBe('=BONTOT.MEETING_QUALITY(D200,E200,H200,I200,C200)');
    // Dropdowns: inline when no item has a comma; a range on the hidden list sheet otherwise.
    expect(meetings.validations.C2?.rule).toEqual({ list: { inCellDropDown: true, source: 'Thường kỳ,Chuyên đề,Kết hợp' } });
    expect(meetings.validations.C500).toBeDefined();
    expect(meetings.validations.C501).toBeUndefined();
    expect(meetings.validations.D2?.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(meetings.validations.D2?.errorAlert).toMatchObject({ showAlert: true, message: 'Hãy nhập số nguyên từ 0 trở lên.' });

    // Codes such as "1.10" stay text.
    expect(fake.cell('Tiêu chí', 'A4')).toMatchObject({ value: '1.10', numberFormat: '@' });
    expect(fake.cell('Tiêu chí', 'A50').numberFormat).toBe('@');
    expect(fake.snapshot('Danh mục').visibility).toBe('Hidden');
    expect(fake.cell('Danh mục', 'B2').value).toBe(LIST_COLUMNS[1].items[0]);
  });

  test('a list with commas points at the list sheet; existing sheets are never touched', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Sheet1', values: [] }] });
    await run(fake, (context) => createTemplate(context, templateLayouts()));
    const info = fake.snapshot('Thông tin');
    const orgType = LIST_COLUMNS.findIndex((l) => l.key === 'orgType');
    const letter = String.fromCharCode(65 + orgType);
    const count = LIST_COLUMNS[orgType]?.items.length ?? 0;
    expect(info.validations.B4?.rule).toEqual({ list: { inCellDropDown: true, source: `='Danh mục'!$${letter}$2:$${letter}$${count + 1}` } });
    expect(info.validations.B3?.rule).toEqual({ list: { inCellDropDown: true, source: 'Chi bộ cơ sở,Chi bộ trực thuộc,Đảng bộ cơ sở' } });
    expect(info.validations.B5?.rule).toEqual({ wholeNumber: { formula1: 2000, formula2: 2100, operator: 'Between' } });

    // Running it again creates nothing and changes nothing.
    fake.setCell('Thông tin', 'B2', { value: 'Chi bộ Khu phố 3' });
    const before = fake.snapshotAll();
    const again = await measured(fake, (context) => createTemplate(context, templateLayouts()));
    expect(again.result.created).toEqual([]);
    expect(again.syncs).toBe(1);
    expectSame(fake.snapshotAll(), before);
  });
});

// --------------------------------------------------------------------------------- policy

describe('policy sheet', () => {
  function changed(): Policy {
    const result = policyFromEntries([
      { key: 'attendanceMinPercent', value: 90 },
      { key: 'severity.MEETING_SELF_LOW', value: 'block' },
      { key: 'deadline.dangKy.2026', value: '10/07/2026' },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.policy;
  }

  test('round-trips through the hidden Cấu hình sheet and recalculates', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Thông tin', values: [['Mục', 'Giá trị']] }] });
    expect(await run(fake, (context) => readPolicyEntries(context))).toBeNull();
    const policy = changed();
    const write = await measured(fake, (context) => writePolicy(context, policyLayout(policy)));
    expect(write.syncs).toBe(2);
    expect(fake.snapshot('Cấu hình').visibility).toBe('Hidden');
    expect(fake.calculations).toEqual(['Full']);
    // "10/07/2026" and "31/01" stay text in the sheet.
    const entries = await run(fake, (context) => readPolicyEntries(context));
    expect(entries).not.toBeNull();
    const back = policyFromEntries(entries ?? []);
    expect(back).toEqual({ ok: true, policy });
  });

  test('replaces the content of an existing policy sheet', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Thông tin', values: [['Mục', 'Giá trị']] }] });
    await run(fake, (context) => writePolicy(context, policyLayout(changed())));
    fake.setCell('Cấu hình', 'A300', { value: 'rác cũ' });
    await run(fake, (context) => writePolicy(context, policyLayout(defaultPolicy())));
    expect(fake.sheetNames()).toEqual(['Thông tin', 'Cấu hình']);
    expect(fake.cell('Cấu hình', 'A300').value).toBe('');
    const entries = await run(fake, (context) => readPolicyEntries(context));
    expect(policyFromEntries(entries ?? [])).toEqual({ ok: true, policy: defaultPolicy() });
    expect(fake.calculations).toEqual(['Full', 'Full']);
  });

  test("keeps a sheet of the user's that is only named Cấu hình as a copy before writing", async () => {
    const own = [
      ['Danh sách cấu hình máy tính', null],
      ['Máy 1', 'Core i5'],
    ];
    const fake = createFakeExcel({
      sheets: [
        { name: 'Thông tin', values: [['Mục', 'Giá trị']] },
        { name: 'Cấu hình', values: own },
      ],
    });
    const write = await measured(fake, (context) => writePolicy(context, policyLayout(defaultPolicy())));
    expect(write.result).toEqual({ copy: 'Cấu hình (bản gốc)' });
    expect(write.syncs).toBe(3);
    expect(fake.sheetNames()).toEqual(['Thông tin', 'Cấu hình', 'Cấu hình (bản gốc)']);
    expect(fake.cell('Cấu hình (bản gốc)', 'A1').value).toBe('Danh sách cấu hình máy tính');
    expect(fake.cell('Cấu hình (bản gốc)', 'B2').value).toBe('Core i5');
    expect(fake.snapshot('Cấu hình (bản gốc)').visibility).toBe('Visible');
    const entries = await run(fake, (context) => readPolicyEntries(context));
    expect(policyFromEntries(entries ?? [])).toEqual({ ok: true, policy: defaultPolicy() });
    // Saved again: the sheet is the policy sheet now, replaced without a second copy.
    expect(await run(fake, (context) => writePolicy(context, policyLayout(changed())))).toEqual({ copy: null });
    expect(fake.sheetNames()).toEqual(['Thông tin', 'Cấu hình', 'Cấu hình (bản gốc)']);
  });

  test('an empty sheet named Cấu hình is simply filled', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'Thông tin', values: [['Mục']] },
        { name: 'Cấu hình', values: [] },
      ],
    });
    expect(await run(fake, (context) => writePolicy(context, policyLayout(defaultPolicy())))).toEqual({ copy: null });
    expect(fake.sheetNames()).toEqual(['Thông tin', 'Cấu hình']);
  });
});

// --------------------------------------------------------------------------------- select

describe('selectCell', () => {
  test('activates the sheet and selects the cell in one sync', async () => {
    const fake = createFakeExcel({ sheets: workbook(3) });
    const { syncs } = await measured(fake, (context) => selectCell(context, 'Sinh hoạt', 'H7'));
    expect(syncs).toBe(1);
    expect(fake.activeSheet).toBe('Sinh hoạt');
    expect(fake.selection).toEqual({ sheet: 'Sinh hoạt', address: 'H7' });
    await run(fake, (context) => selectCell(context, 'Điểm danh', "'Điểm danh'!D4:D6"));
    expect(fake.selection).toEqual({ sheet: 'Điểm danh', address: 'D4:D6' });
  });

  test('a missing or hidden sheet is an error with a Vietnamese message', async () => {
    const fake = createFakeExcel({ sheets: workbook(3) });
    await expect(run(fake, (context) => selectCell(context, 'Không có', 'A1'))).rejects.toThrow('Không có trang "Không có"');
    await expect(run(fake, (context) => selectCell(context, 'Cấu hình', 'B5'))).rejects.toThrow('Trang "Cấu hình" đang ẩn');
    expect(fake.selection?.sheet).not.toBe('Cấu hình');
  });
});
