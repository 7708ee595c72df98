/**
 * Every sheet the product writes prints alike in Excel, LibreOffice and WPS: A4, orientation,
 * margins, one page wide (fitToHeight 0), a print area, repeated title rows, and a stored height on
 * every row with text. Read back from the written files with ExcelJS, and from the in-memory
 * Office.js fake for the Excel host (with its sync counts).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultPolicy } from '../../src/core/policy';
import { createTemplate, writeSheet } from '../../src/hosts/excel';
import { writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';
import { checkWorkbook } from '../../src/workbook/check';
import { rowFromCheck } from '../../src/workbook/consolidate';
import { consolidationLayout } from '../../src/workbook/layout/consolidation';
import { DOCUMENT_MARGINS } from '../../src/workbook/layout/print';
import { rowHeightPoints } from '../../src/workbook/layout/rowHeights';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import type { SheetLayout } from '../../src/workbook/types';
import { createFakeExcel, type FakeExcel } from '../fakes/office';
import { chiBoWorkbook } from '../fakes/workbooks';
import { AS_OF, validChiBo, validDangBo } from '../workbook/grids';

jest.setTimeout(120_000);

const failing = () =>
  checkWorkbook(
    validChiBo((spec) => {
      (spec.marks[2] as unknown[])[7] = 'K';
    }),
    { asOf: AS_OF },
  );

async function loadBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The workbook's defined names (print areas, print titles) as written. */
async function definedNames(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('xl/workbook.xml')!.async('string')).replace(/&apos;/g, "'");
}

function expectRowHeights(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const heights = layout.rowHeights ?? {};
  const rows = Object.keys(heights).map(Number);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect({ row: r + 1, height: ws.getRow(r + 1).height }).toEqual({ row: r + 1, height: heights[r] });
  // Every row with text has a height.
  layout.values.forEach((row, r) => {
    if (row.some((value, c) => !layout.columns[c]?.hidden && value !== null && value !== '')) expect(heights[r]).toBeGreaterThan(0);
  });
}

describe('ExcelJS host: page setup and row heights read back', () => {
  test('Tổng hợp: A4 portrait, one page wide, document margins, print area, heights of wrapped reasons', async () => {
    const layout = summaryLayout(failing());
    const bytes = await writeWorkbookBuffer([layout], { kind: 'tong-hop' });
    const ws = (await loadBack(bytes)).getWorksheet('Tổng hợp')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.margins).toMatchObject({
      left: DOCUMENT_MARGINS.left,
      right: DOCUMENT_MARGINS.right,
      top: DOCUMENT_MARGINS.top,
      bottom: DOCUMENT_MARGINS.bottom,
    });
    expect(ws.pageSetup.printArea).toBe(`A1:F${layout.values.length}`);
    expect(await definedNames(bytes)).toContain(`'Tổng hợp'!$A$1:$F$${layout.values.length}<`);
    expectRowHeights(ws, layout);
    const reasonRow = layout.values.findIndex((row) => typeof row[1] === 'string' && row[1].includes('vắng mặt không có lý do'));
    expect(ws.getRow(reasonRow + 1).height).toBeGreaterThanOrEqual(rowHeightPoints(3, 13));
    // Every cell has an explicit size (LibreOffice prints a font without one at 10 pt).
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 13 });
  });

  test('consolidation: A4 landscape, one page wide, the table header repeated', async () => {
    const rows = [validChiBo(), validDangBo()].map((grids, i) => rowFromCheck(`${i}.xlsx`, checkWorkbook(grids, { asOf: AS_OF })));
    const layout = consolidationLayout(rows, { asOf: AS_OF, policy: defaultPolicy(), issuer: 'Đảng ủy phường Bến Thành' });
    const bytes = await writeWorkbookBuffer([layout]);
    const ws = (await loadBack(bytes)).getWorksheet('Danh sách tổ chức')!;
    const header = layout.values.findIndex((row) => row[0] === 'STT') + 1;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${header}:${header}`,
    });
    expect(ws.pageSetup.printArea).toBe(`A1:M${layout.values.length}`);
    expect(ws.getRow(header).height).toBeGreaterThan(rowHeightPoints(1, 12));
    expectRowHeights(ws, layout);
  });

  test('template: every visible sheet A4 one page wide with its header repeated and whole-column print areas', async () => {
    const layouts = templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'dia-ban', year: 2025 });
    const bytes = await writeWorkbookBuffer(layouts, { kind: 'template' });
    const wb = await loadBack(bytes);
    const names = await definedNames(bytes);
    for (const layout of layouts.filter((l) => !l.hidden)) {
      const ws = wb.getWorksheet(layout.name)!;
      expect({ sheet: layout.name, setup: ws.pageSetup }).toMatchObject({
        sheet: layout.name,
        setup: { paperSize: 9, orientation: layout.print?.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
      });
      expectRowHeights(ws, layout);
    }
    expect(names).toContain("'Tiêu chí'!$A:$E");
    expect(names).toMatch(/'Thông tin'!\$A\$1:\$B\$\d+</);
    expect(wb.getWorksheet('Thông tin')!.pageSetup.orientation).toBe('portrait');
    expect(wb.getWorksheet('Điểm danh')!.pageSetup.orientation).toBe('landscape');
  });
});

describe('Office.js host: page layout and row heights in the same batch', () => {
  const PT = 72;

  function expectPageLayout(fake: FakeExcel, sheet: string, layout: SheetLayout): void {
    const snap = fake.snapshot(sheet);
    expect(snap.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: layout.print?.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: DOCUMENT_MARGINS.left * PT,
      rightMargin: DOCUMENT_MARGINS.right * PT,
      topMargin: DOCUMENT_MARGINS.top * PT,
      bottomMargin: DOCUMENT_MARGINS.bottom * PT,
    });
    for (const [r, height] of Object.entries(layout.rowHeights ?? {}))
      expect({ row: Number(r) + 1, height: snap.rowHeights[String(Number(r) + 1)] }).toEqual({ row: Number(r) + 1, height });
  }

  test('the summary: 2 syncs, page layout, row heights', async () => {
    const fake = createFakeExcel({ sheets: chiBoWorkbook(5) });
    const layout = summaryLayout(failing());
    const { syncs } = await fake.countSyncs(() =>
      fake.run((context) => writeSheet(context as unknown as Excel.RequestContext, layout, { replaceOnlyIfMarker: true })),
    );
    expect(syncs).toBeLessThanOrEqual(2);
    expectPageLayout(fake, 'Tổng hợp', layout);
    expect(fake.snapshot('Tổng hợp').pageLayout.printArea).toBe(`A1:F${layout.values.length}`);
  });

  test('the template: print title rows and whole-column print areas, heights of the Tiêu chí rows', async () => {
    const fake = createFakeExcel({ sheets: [] });
    const layouts = templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'dia-ban', year: 2025 });
    await fake.run((context) => createTemplate(context as unknown as Excel.RequestContext, layouts));
    for (const layout of layouts.filter((l) => !l.hidden)) {
      expectPageLayout(fake, layout.name, layout);
      expect(fake.snapshot(layout.name).pageLayout.printTitleRows).toBe('$1:$1');
    }
    expect(fake.snapshot('Tiêu chí').pageLayout.printArea).toBe('A:E');
  });
});
