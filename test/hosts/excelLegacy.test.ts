/**
 * "Chuyển mã sang Unicode" in Excel: convertCells against the in-memory Office.js fake — a copy of
 * each changed sheet keeps the original text, only the planned cells change (text format "@",
 * Unicode font in place of a legacy one), every other cell keeps its value and format; 3 syncs.
 * Also the fake's Worksheet.copy.
 */
import { toTcvn3, toVni } from '../../src/core/legacyEncoding';
import { convertCells, readSheets } from '../../src/hosts/excel';
import { a1 } from '../../src/workbook/a1';
import { checkWorkbook } from '../../src/workbook/check';
import { planLegacyFix, type LegacyFix } from '../../src/workbook/legacyFix';
import type { SheetGrid } from '../../src/workbook/types';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type SheetSnapshot } from '../fakes/office';
import { AS_OF, chiBoBook } from '../workbook/grids';

jest.setTimeout(120_000);

function run<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((context) => batch(context as unknown as Excel.RequestContext));
}

function fakeOf(grids: readonly SheetGrid[], options: Omit<FakeExcelOptions, 'sheets'> = {}): FakeExcel {
  return createFakeExcel({
    ...options,
    sheets: grids.map((grid) => ({ name: grid.name, values: grid.values, origin: a1(grid.originRow, grid.originCol) })),
  });
}

const NAME_FORMULA = '=UPPER(B2)';

/**
 * A chi bộ typed in TCVN3, its Đảng viên sheet formatted as people do (.VnTime font, bold header,
 * a fill, a date format, a merged title-less layout), one formula cell whose result is TCVN3 text,
 * and a sheet of Unicode notes that nothing flags.
 */
function legacyFake(encode: (text: string) => string = toTcvn3): FakeExcel {
  const grids = chiBoBook().mapText(encode).grids();
  grids.push({
    name: 'Ghi chú',
    values: [
      ['Chi bộ Phòng Tổ chức', 'Meeting notes'],
      ['Hoàn thành tốt nhiệm vụ', 12],
    ],
    originRow: 0,
    originCol: 0,
  });
  const fake = fakeOf(grids, { formulaValue: (formula) => (formula === NAME_FORMULA ? encode('NGUYỄN VĂN AN') : '#NAME?') });
  fake.setCell('Đảng viên', 'A1:H14', { format: { font: { name: '.VnTime', size: 13 } } });
  fake.setCell('Đảng viên', 'A1:H1', { format: { font: { bold: true }, fill: '#DDEBF7', horizontalAlignment: 'Center' } });
  fake.setCell('Đảng viên', 'D2:D14', { numberFormat: 'dd/mm/yyyy' });
  fake.setCell('Đảng viên', 'I2', { formula: NAME_FORMULA });
  fake.sheet('Đảng viên').columnWidths.set(1, 180);
  fake.sheet('Đảng viên').merges.push({ r0: 15, c0: 0, r1: 15, c1: 3 });
  fake.addConditionalFormat('Đảng viên', ['F2:F14'], { type: 'Custom', formula: '=F2="Kh«ng"', fill: '#FFEB9C' });
  return fake;
}

async function planOf(fake: FakeExcel): Promise<LegacyFix[]> {
  return planLegacyFix(await run(fake, (context) => readSheets(context)));
}

/** A sheet's snapshot without what a copy changes: its name and its rules' ids. */
function copyView(snapshot: SheetSnapshot): unknown {
  const { name: _name, conditionalFormats, ...rest } = snapshot;
  return { ...rest, conditionalFormats: conditionalFormats.map(({ id: _id, ...format }) => format) };
}

describe('convertCells', () => {
  test('copies each changed sheet first, converts exactly the planned cells, leaves every other cell as it was (3 syncs)', async () => {
    const fake = legacyFake();
    const before = fake.snapshotAll();
    const sheetsBefore = fake.sheetNames();
    const plan = await planOf(fake);
    expect(plan.length).toBeGreaterThan(100);
    // The formula's result is flagged too (a grid holds results): the adapter must leave it alone.
    expect(plan.some((fix) => fix.sheet === 'Đảng viên' && fix.cell === 'I2')).toBe(true);

    const { result, syncs } = await fake.countSyncs(() => run(fake, (context) => convertCells(context, plan, { keepCopies: true })));
    expect(syncs).toBe(3);
    expect(result.skipped).toEqual([{ change: plan.find((f) => f.cell === 'I2' && f.sheet === 'Đảng viên'), reason: 'formula' }]);
    expect(result.written).toHaveLength(plan.length - 1);

    const changedSheets = [...new Set(result.written.map((c) => c.sheet))];
    expect([...changedSheets].sort()).toEqual(['Sinh hoạt', 'Thông tin', 'Tiêu chí', 'Đảng viên', 'Điểm danh'].sort());
    expect(result.sheets.map((s) => [s.sheet, s.copy])).toEqual(changedSheets.map((sheet) => [sheet, `${sheet} (bản gốc)`]));
    // Each copy sits right after its sheet, visible, and holds the original text and formats.
    const names = fake.sheetNames();
    expect(names).toHaveLength(sheetsBefore.length + changedSheets.length);
    for (const sheet of changedSheets) {
      const copy = `${sheet} (bản gốc)`;
      expect(names.indexOf(copy)).toBe(names.indexOf(sheet) + 1);
      const snapshot = fake.snapshot(copy);
      expect(snapshot.visibility).toBe('Visible');
      expect(copyView(snapshot)).toEqual(copyView(before[sheet] as SheetSnapshot));
    }
    // The sheet nothing flagged is untouched and has no copy.
    expect(fake.snapshot('Ghi chú')).toEqual(before['Ghi chú']);
    expect(names).not.toContain('Ghi chú (bản gốc)');

    // In each changed sheet: planned cells hold the Unicode text as text ("@"), their legacy font
    // is Times New Roman, the rest of their format is as it was; every other cell is unchanged.
    const written = new Map(result.written.map((c) => [`${c.sheet}!${c.cell}`, c]));
    for (const sheet of changedSheets) {
      const now = fake.snapshot(sheet);
      const was = before[sheet] as SheetSnapshot;
      expect({ ...now, cells: null }).toEqual({ ...was, cells: null });
      expect(Object.keys(now.cells).sort()).toEqual(Object.keys(was.cells).sort());
      for (const [address, cell] of Object.entries(was.cells)) {
        const change = written.get(`${sheet}!${address}`);
        const after = now.cells[address];
        if (!change) {
          expect({ address, cell: after }).toEqual({ address, cell });
          continue;
        }
        const font = cell.format.font.name === '.VnTime' ? 'Times New Roman' : cell.format.font.name;
        expect(after).toEqual({
          ...cell,
          value: change.after,
          numberFormat: '@',
          format: { ...cell.format, font: { ...cell.format.font, name: font } },
        });
      }
    }
    expect(fake.cell('Đảng viên', 'B2').value).toBe('Nguyễn Văn An');
    expect(fake.cell('Đảng viên', 'B2').format.font).toMatchObject({ name: 'Times New Roman', size: 13 });
    expect(fake.cell('Đảng viên', 'B1').format.font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(fake.cell('Đảng viên', 'I2').formula).toBe(NAME_FORMULA);
    expect(result.fontsChanged).toBe(result.written.filter((c) => c.sheet === 'Đảng viên').length);

    // The workbook now checks without LEGACY_ENCODING, the copies are not read, and nothing is left to plan.
    const grids = await run(fake, (context) => readSheets(context));
    const check = checkWorkbook(grids, { asOf: AS_OF });
    expect(check.issues).toEqual([]);
    expect(check.eligible).toBe(true);
    expect(planLegacyFix(grids).filter((fix) => fix.cell !== 'I2')).toEqual([]);
  });

  test('VNI: the same, and a second conversion names its copy "(bản gốc 2)"', async () => {
    const fake = legacyFake(toVni);
    const plan = await planOf(fake);
    await run(fake, (context) =>
      convertCells(
        context,
        plan.filter((fix) => fix.sheet === 'Sinh hoạt'),
        { keepCopies: true },
      ),
    );
    expect(fake.cell('Sinh hoạt', 'C2').value).toBe('Thường kỳ');
    expect(fake.cell('Sinh hoạt (bản gốc)', 'C2').value).toBe(toVni('Thường kỳ'));
    // Someone types VNI text again; the next conversion keeps the first copy and makes a second.
    fake.setCell('Sinh hoạt', 'L2', { value: toVni('Kém') });
    const again = await planOf(fake);
    expect(again.filter((fix) => fix.sheet === 'Sinh hoạt')).toEqual([
      { sheet: 'Sinh hoạt', cell: 'L2', before: toVni('Kém'), after: 'Kém', encoding: 'VNI' },
    ]);
    const result = await run(fake, (context) =>
      convertCells(
        context,
        again.filter((fix) => fix.sheet === 'Sinh hoạt'),
        { keepCopies: true },
      ),
    );
    expect(result.sheets).toEqual([{ sheet: 'Sinh hoạt', cells: 1, copy: 'Sinh hoạt (bản gốc 2)' }]);
    expect(fake.cell('Sinh hoạt (bản gốc 2)', 'L2').value).toBe(toVni('Kém'));
    expect(fake.cell('Sinh hoạt (bản gốc)', 'L2').value).toBe(toVni('Khá'));
    expect(fake.cell('Sinh hoạt', 'L2').value).toBe('Kém');
  });

  test('a large plan goes in pieces: one read and one write per piece, the same workbook in the end', async () => {
    const whole = legacyFake();
    const pieces = legacyFake();
    const plan = await planOf(whole);
    await run(whole, (context) => convertCells(context, plan, { keepCopies: true }));
    const { result, syncs } = await pieces.countSyncs(() =>
      run(pieces, (context) => convertCells(context, plan, { keepCopies: true, maxCellsPerSync: 40 })),
    );
    const perPiece = Math.ceil(plan.length / 40);
    const writes = Math.ceil((plan.length - 1) / 40);
    expect(syncs).toBe(1 + perPiece + writes);
    expect(result.written).toHaveLength(plan.length - 1);
    const strip = (all: Record<string, SheetSnapshot>): unknown =>
      Object.fromEntries(Object.entries(all).map(([name, snap]) => [name, copyView(snap)]));
    expect(strip(pieces.snapshotAll())).toEqual(strip(whole.snapshotAll()));
    expect(pieces.sheetNames()).toEqual(whole.sheetNames());
  });

  test('a cell changed since planning, and a sheet gone, are left alone', async () => {
    const fake = legacyFake();
    const plan = await planOf(fake);
    fake.setCell('Đảng viên', 'B3', { value: 'Trần Thị Bình' });
    const target = plan.filter((fix) => fix.sheet === 'Đảng viên' && (fix.cell === 'B2' || fix.cell === 'B3'));
    const gone = { sheet: 'Không có', cell: 'A1', before: 'x', after: 'y' };
    const result = await run(fake, (context) => convertCells(context, [...target, gone], { keepCopies: false }));
    expect(result.written.map((c) => c.cell)).toEqual(['B2']);
    expect(result.skipped.map((s) => [s.change.cell, s.reason])).toEqual([
      ['A1', 'missing'],
      ['B3', 'changed'],
    ]);
    expect(fake.cell('Đảng viên', 'B3').value).toBe('Trần Thị Bình');
    expect(fake.cell('Đảng viên', 'B3').numberFormat).toBe('General');
    // Without keepCopies no sheet is added.
    expect(fake.sheetNames().some((name) => name.includes('bản gốc'))).toBe(false);
    expect(result.sheets).toEqual([{ sheet: 'Đảng viên', cells: 1, copy: null }]);
  });

  test('text that Excel would read as a formula or a number stays text ("@" first)', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Khác', values: [['x']] }] });
    const changes = [{ sheet: 'Khác', cell: 'A1', before: 'x', after: '=Hoàn thành' }];
    await run(fake, (context) => convertCells(context, changes, { keepCopies: false }));
    expect(fake.cell('Khác', 'A1')).toMatchObject({ value: '=Hoàn thành', formula: null, numberFormat: '@' });
  });

  test('nothing to do: no sync', async () => {
    const fake = legacyFake();
    const { syncs } = await fake.countSyncs(() => run(fake, (context) => convertCells(context, [], { keepCopies: true })));
    expect(syncs).toBe(0);
  });
});

describe('the fake’s Worksheet.copy', () => {
  test('names copies as Excel does, places them, and copies cells, formats, merges, rules and validations', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'A', values: [['x', 1]] },
        { name: 'B', values: [['y']] },
      ],
    });
    fake.setCell('A', 'A1', { format: { font: { bold: true } }, numberFormat: '@' });
    fake.sheet('A').merges.push({ r0: 2, c0: 0, r1: 2, c1: 1 });
    fake.addConditionalFormat('A', ['A1:B1'], { type: 'Custom', formula: '=TRUE', fill: '#FF0000' });
    await run(fake, async (context) => {
      const a = context.workbook.worksheets.getItem('A');
      a.copy('After', a);
      a.copy('End');
      a.copy();
      await context.sync();
    });
    expect(fake.sheetNames()).toEqual(['A (4)', 'A', 'A (2)', 'B', 'A (3)']);
    const { name: _a, conditionalFormats: cfA, ...original } = fake.snapshot('A');
    const { name: _b, conditionalFormats: cfB, ...copy } = fake.snapshot('A (2)');
    expect(copy).toEqual(original);
    expect(cfB.map(({ id: _id, ...rest }) => rest)).toEqual(cfA.map(({ id: _id, ...rest }) => rest));
    expect(cfB[0]?.id).not.toBe(cfA[0]?.id);
    // The copy is independent of its source.
    fake.setCell('A (2)', 'A1', { value: 'changed' });
    expect(fake.cell('A', 'A1').value).toBe('x');
  });

  test('Before/After need relativeTo; a long name is cut to 31 characters', async () => {
    const long = 'Danh sách đảng viên chi bộ số 12';
    const fake = createFakeExcel({ sheets: [{ name: long.slice(0, 31), values: [['x']] }] });
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem(long.slice(0, 31)).copy('Before');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await run(fake, async (context) => {
      const copy = context.workbook.worksheets.getItem(long.slice(0, 31)).copy('End');
      copy.load('name');
      await context.sync();
      expect(copy.name).toBe(`${long.slice(0, 27)} (2)`);
    });
  });
});
