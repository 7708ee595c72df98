/**
 * The Office.js fake must be at least as strict as Office.js where the adapter could go wrong:
 * unloaded properties throw, writes land only at sync, typed strings are parsed, limits bite.
 */
import { createFakeExcel, FakeOfficeError, parseAddress, rectAddress } from './office';

function sheets() {
  return [
    {
      name: 'Data',
      values: [
        ['Tên', 'Số'],
        ['An', 3],
        ['Bình', 4],
      ],
    },
    { name: 'Ẩn', values: [['x']], visibility: 'Hidden' as const },
  ];
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code });
}

describe('Office.js fake', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const fake = createFakeExcel({ sheets: sheets() });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
      expect(() => range.values).toThrow(FakeOfficeError);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([
        ['Tên', 'Số'],
        ['An', 3],
        ['Bình', 4],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const items = context.workbook.worksheets;
      expect(() => items.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes land at sync, in order, and count one sync', async () => {
    const fake = createFakeExcel({ sheets: sheets() });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('C1').values = [['mới']];
      expect(fake.cell('Data', 'C1').value).toBe('');
      await context.sync();
      expect(fake.cell('Data', 'C1').value).toBe('mới');
    });
    expect(fake.syncCount).toBe(1);
  });

  test('null objects: isNullObject after sync; getItem of a missing sheet fails the sync', async () => {
    const fake = createFakeExcel({ sheets: sheets() });
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Không có');
      const present = context.workbook.worksheets.getItemOrNullObject('data');
      missing.load('name');
      present.load('name');
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Data');
      context.workbook.worksheets.getItem('Không có').getRange('A1').load('values');
      await expectCode(context.sync(), 'ItemNotFound');
    });
  });

  test('methods on a null object: null objects by default, a failed sync in "throw" mode', async () => {
    const propagate = createFakeExcel({ sheets: sheets() });
    await propagate.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject('Không có').getRange('A1');
      range.load('values');
      await context.sync();
      expect(range.isNullObject).toBe(true);
    });
    const strict = createFakeExcel({ sheets: sheets(), nullChaining: 'throw' });
    await strict.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject('Không có').getRange('A1').load('values');
      await expectCode(context.sync(), 'InvalidObjectPath');
    });
  });

  test('strings are parsed as typed unless the cell is text ("@")', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S' }] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:F1').values = [['=1+1', '01/02/2026', '0123', 'TRUE', "'=text", '-x']];
      sheet.getRange('A2:D2').numberFormat = [['@', '@', '@', '@']];
      sheet.getRange('A2:D2').values = [['=1+1', '01/02/2026', '0123', 'TRUE']];
      await context.sync();
    });
    expect(fake.cell('S', 'A1').formula).toBe('=1+1');
    expect(fake.cell('S', 'B1')).toMatchObject({ value: 46024, numberFormat: 'm/d/yyyy' }); // 2 Jan 2026, en-US
    expect(fake.cell('S', 'C1').value).toBe(123);
    expect(fake.cell('S', 'D1').value).toBe(true);
    expect(fake.cell('S', 'E1').value).toBe('=text');
    expect(fake.cell('S', 'F1').formula).toBe('=-x');
    expect(fake.values('S', 'A2:D2')).toEqual([['=1+1', '01/02/2026', '0123', 'TRUE']]);
    expect(fake.cell('S', 'A2').formula).toBeNull();
  });

  test('a written array must match the range; null leaves a cell unchanged', async () => {
    const fake = createFakeExcel({ sheets: sheets() });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A2:B2').values = [[null, 30]];
      await context.sync();
      sheet.getRange('A2:B2').values = [['x']].concat([['y']]);
      await expectCode(context.sync(), 'InvalidArgument');
    });
    expect(fake.values('Data', 'A2:B2')).toEqual([['An', 30]]);
  });

  test('used range (values only), address with the sheet name, hidden sheets', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'Sinh hoạt',
          values: [
            ['a', null],
            [null, 'b'],
          ],
          origin: 'C4',
        },
      ],
    });
    fake.setCell('Sinh hoạt', 'Z100', { format: { fill: '#FF0000' } });
    await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Sinh hoạt').getUsedRangeOrNullObject(true);
      used.load('address,rowCount,columnCount,values');
      const formatted = context.workbook.worksheets.getItem('Sinh hoạt').getUsedRange(false);
      formatted.load('address');
      await context.sync();
      expect(used.address).toBe("'Sinh hoạt'!C4:D5");
      expect(used.values).toEqual([
        ['a', ''],
        ['', 'b'],
      ]);
      expect(formatted.address).toBe("'Sinh hoạt'!C4:Z100");
    });
  });

  test('limits: oversized responses and requests fail, reads above the cell limit return null', async () => {
    const values = Array.from({ length: 200 }, (_, r) => [`hàng ${r}`, r]);
    const fake = createFakeExcel({ sheets: [{ name: 'S', values }], limits: { maxPayloadBytes: 500, maxCellsPerRead: 100 } });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const big = sheet.getRange('A1:B50'); // 100 cells: within the cell limit, above 500 bytes
      big.load('values,rowCount');
      await expectCode(context.sync(), 'ResponsePayloadSizeLimitExceeded');
      expect(() => big.values).toThrow(); // nothing was delivered
      const over = sheet.getRange('A1:B60');
      over.load('values,rowCount');
      await context.sync();
      expect(over.values).toBeNull();
      expect(over.rowCount).toBe(60);
      sheet.getRange('C1:C200').values = values.map((row) => [row[0]]);
      await expectCode(context.sync(), 'RequestPayloadSizeLimitExceeded');
    });
    expect(fake.cell('S', 'C1').value).toBe('');
  });

  test('conditional formats: add, load through customOrNullObject, delete', async () => {
    const fake = createFakeExcel({ sheets: sheets() });
    fake.addConditionalFormat('Data', ['A1:A3'], { type: 'CellValue', fill: '#00FF00' });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const cf = sheet.getRanges('B2,B3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#FFC7CE';
      await context.sync();
      const all = sheet.getRange().conditionalFormats;
      all.load('items/type,items/customOrNullObject/rule/formula');
      await context.sync();
      expect(all.items.map((item) => item.type)).toEqual(['Custom', 'CellValue']);
      expect(all.items[0]?.customOrNullObject.rule.formula).toBe('=TRUE');
      expect(all.items[1]?.customOrNullObject.isNullObject).toBe(true);
      all.items[0]?.delete();
      await context.sync();
    });
    expect(fake.snapshot('Data').conditionalFormats).toEqual([expect.objectContaining({ type: 'CellValue', ranges: ['A1:A3'], fill: '#00FF00' })]);
  });

  test('address helpers', () => {
    expect(rectAddress(parseAddress("'Tổng hợp'!$B$2:$D$9") as never)).toBe('B2:D9');
    expect(rectAddress(parseAddress('C:C') as never)).toBe('C:C');
    expect(parseAddress('A0')).toBeNull();
  });
});

describe('Office.js fake: charts (ExcelApi 1.1)', () => {
  test('add, name, title, data labels, position; items after load; the numbers come from the cells; delete', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'S',
          values: [
            ['Nhóm', 'Đủ', 'Không'],
            ['A', 2, 1],
            ['B', 0, 3],
          ],
        },
      ],
    });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const chart = sheet.charts.add('BarStacked100', sheet.getRange('A1:C3'), 'Columns');
      chart.name = 'Mine';
      chart.title.text = 'Tiêu đề';
      chart.dataLabels.showValue = true;
      chart.legend.position = 'Bottom';
      chart.setPosition('A5', 'F20');
      expect(fake.charts('S')).toEqual([]); // nothing before the sync
      await context.sync();
    });
    expect(fake.charts('S')).toEqual([
      expect.objectContaining({
        name: 'Mine',
        type: 'BarStacked100',
        source: 'A1:C3',
        title: 'Tiêu đề',
        showValue: true,
        legendPosition: 'Bottom',
        position: { from: 'A5', to: 'F20' },
        categories: ['A', 'B'],
        series: [
          { name: 'Đủ', values: [2, 0] },
          { name: 'Không', values: [1, 3] },
        ],
      }),
    ]);
    await fake.run(async (context) => {
      const charts = context.workbook.worksheets.getItem('S').charts;
      expect(() => charts.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      charts.load('items/name');
      await context.sync();
      expect(charts.items.map((c) => c.name)).toEqual(['Mine']);
      charts.items[0]!.delete();
      await context.sync();
    });
    expect(fake.charts('S')).toEqual([]);
  });

  test('an unknown chart type or series orientation fails the sync, as in Excel', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'S', values: [['a', 1]] }] });
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.charts.add('StackedBars', sheet.getRange('A1:B1'), 'Columns');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.charts.add('BarStacked', sheet.getRange('A1:B1'), 'Diagonal');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.charts('S')).toEqual([]);
  });
});
