/**
 * The two hosts write the same sheet: each product layout (the summary, the consolidation list,
 * the template's sheets, the policy sheet) goes through the Office.js host (into the in-memory fake
 * of test/fakes/office, by the function the task pane calls) and through the ExcelJS host (into a
 * file, read back), and the two sheets are compared cell by cell — value, number format, font,
 * fill, alignment, border, validation — and sheet by sheet — column widths, hidden columns, row
 * heights, merges, frozen rows, visibility, print setup. A host that starts deciding a look of its
 * own (a font, a row height, a validation message) fails here; the decisions live in the layouts
 * (src/workbook/layout/).
 *
 * The one difference the hosts keep on purpose: Office.js writes a text value into a cell formatted
 * "@" (else Excel would take "=…" for a formula and "01/02/2026" for a date), while a file stores a
 * string as a string whatever its format; the "@" of a cell whose layout value is text therefore
 * matches whatever format the file gives it (a text shows the same under every format the layouts
 * use).
 */
import ExcelJS from 'exceljs';
import { defaultPolicy } from '../../src/core/policy';
import { createTemplate, writePolicy, writeSheet } from '../../src/hosts/excel';
import { writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';
import { columnLetters, parseRange } from '../../src/workbook/a1';
import { checkWorkbook } from '../../src/workbook/check';
import { rowFromCheck } from '../../src/workbook/consolidate';
import { consolidationLayout } from '../../src/workbook/layout/consolidation';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import type { SheetLayout } from '../../src/workbook/types';
import { createFakeExcel, type FakeCell, type FakeExcel, type SheetSnapshot } from '../fakes/office';
import { emptyCell } from '../fakes/office/model';
import { AS_OF, validChiBo, validDangBo } from '../workbook/grids';

jest.setTimeout(120_000);

type Context = Excel.RequestContext;

/** What a cell looks like, in words both hosts can be brought to. */
interface CellLook {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  font: { name: string; size: number; bold: boolean; italic: boolean; underline: boolean; color: string };
  fill: string | null;
  align: string;
  verticalAlign: string;
  wrap: boolean;
  border: boolean;
  validation: ValidationLook | null;
}

interface ValidationLook {
  type: string;
  operator: string | null;
  formulae: string[];
  allowBlank: boolean;
  errorStyle: string;
  errorTitle: string;
  error: string;
}

interface SheetLook {
  visible: boolean;
  frozenRows: number;
  columnWidths: (number | null)[];
  hiddenColumns: string[];
  rowHeights: Record<number, number>;
  merges: string[];
  print: PrintLook | null;
}

interface PrintLook {
  paper: string;
  orientation: string;
  fitWide: number | null;
  fitTall: number | null;
  centered: boolean;
  margins: Record<string, number>;
  area: string | null;
  titleRows: string | null;
}

/** The block compared: every row and column the layout writes, validations included. */
function extent(layout: SheetLayout): { rows: number; cols: number } {
  let rows = layout.values.length;
  let cols = Math.max(layout.columns.length, ...layout.values.map((row) => row.length));
  for (const { range } of layout.validations) {
    const parsed = parseRange(range.replace(/\$/g, ''));
    if (parsed) {
      rows = Math.max(rows, parsed.end.row + 1);
      cols = Math.max(cols, parsed.end.col + 1);
    }
  }
  return { rows, cols };
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/** "$A$1:$F$9" → "A1:F9"; ExcelJS reads a print area back with the sheet's name in front. */
const plainRange = (range: string | null | undefined): string | null => (range ? range.replace(/\$/g, '').replace(/^.*!/, '') : null);

/** ExcelJS reads a whole-column print area ("$A:$H") back as "ANaN:HNaN". */
const exceljsPrintArea = (area: string | undefined): string | null => plainRange(area?.replace(/NaN/g, ''));

/** Office.js names the validation operators as ExcelJS does, in PascalCase and with "To". */
const officeOperator = (operator: unknown): string | null =>
  operator === undefined
    ? null
    : String(operator)
        .replace(/To$/, '')
        .replace(/^./, (ch) => ch.toLowerCase());

// ------------------------------------------------------------------------------------ Office.js

function officeValidation(cell: SheetSnapshot['validations'][string] | undefined): ValidationLook | null {
  if (!cell) return null;
  const [kind, body] = Object.entries(cell.rule)[0] as [string, Record<string, unknown>];
  const alert = cell.errorAlert ?? {};
  const type = { list: 'list', wholeNumber: 'whole', decimal: 'decimal', date: 'date' }[kind] ?? kind;
  const operator = officeOperator(body.operator);
  const formulae =
    kind === 'list'
      ? [String(body.source).startsWith('=') ? String(body.source).slice(1) : `"${String(body.source)}"`]
      : [body.formula1, body.formula2].filter((f) => f !== undefined).map(String);
  return {
    type,
    operator,
    formulae,
    allowBlank: cell.ignoreBlanks,
    errorStyle: String(alert.style ?? '').toLowerCase(),
    errorTitle: String(alert.title ?? ''),
    error: String(alert.message ?? ''),
  };
}

function officeCell(snap: SheetSnapshot, address: string, cell: FakeCell | undefined): CellLook {
  const c = cell ?? emptyCell();
  return {
    value: c.formula !== null || c.value === '' ? null : c.value,
    formula: c.formula === null ? null : c.formula.replace(/^=/, ''),
    numberFormat: c.numberFormat,
    font: { ...c.format.font, underline: c.format.font.underline !== 'None', color: c.format.font.color.toUpperCase() },
    fill: c.format.fill === null ? null : c.format.fill.toUpperCase(),
    align: c.format.horizontalAlignment.toLowerCase(),
    verticalAlign: { Top: 'top', Center: 'middle', Bottom: 'bottom' }[c.format.verticalAlignment] ?? c.format.verticalAlignment,
    wrap: c.format.wrapText,
    border: ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'].every((edge) => c.format.borders[edge] === 'Continuous'),
    validation: officeValidation(snap.validations[address]),
  };
}

function officeSheet(snap: SheetSnapshot, cols: number): SheetLook {
  const page = snap.pageLayout;
  const printed = page.paperSize !== 'Letter';
  return {
    visible: snap.visibility === 'Visible',
    frozenRows: snap.frozenRows,
    // Points back to characters (widthToPoints).
    columnWidths: Array.from({ length: cols }, (_, c) => {
      const points = snap.columnWidths[columnLetters(c)];
      return points === undefined ? null : round((points / 0.75 - 5) / 7);
    }),
    hiddenColumns: snap.hiddenColumns,
    rowHeights: Object.fromEntries(Object.entries(snap.rowHeights).map(([row, height]) => [Number(row) - 1, height])),
    merges: [...snap.merges].sort(),
    print: printed
      ? {
          paper: page.paperSize,
          orientation: page.orientation.toLowerCase(),
          fitWide: page.zoom.horizontalFitToPages ?? null,
          fitTall: page.zoom.verticalFitToPages ?? null,
          centered: page.centerHorizontally,
          margins: Object.fromEntries(
            (['top', 'bottom', 'left', 'right', 'header', 'footer'] as const).map((side) => [side, round(page[`${side}Margin`] / 72)]),
          ),
          area: plainRange(page.printArea),
          titleRows: plainRange(page.printTitleRows),
        }
      : null,
  };
}

// ------------------------------------------------------------------------------------ ExcelJS

const color = (argb: string | undefined, fallback: string): string => (argb ? `#${argb.slice(-6).toUpperCase()}` : fallback);

function exceljsValidation(dv: ExcelJS.DataValidation | undefined): ValidationLook | null {
  if (!dv) return null;
  const formulae = (dv.formulae ?? []).map((f: unknown) =>
    f instanceof Date ? f.toISOString().slice(0, 10) : typeof f === 'string' && dv.type !== 'list' ? f : String(f),
  );
  return {
    type: dv.type,
    operator: dv.type === 'list' ? null : (dv.operator ?? 'between'),
    formulae,
    allowBlank: dv.allowBlank === true,
    errorStyle: dv.errorStyle ?? 'stop',
    errorTitle: dv.errorTitle ?? '',
    error: dv.error ?? '',
  };
}

function exceljsCell(ws: ExcelJS.Worksheet, row: number, col: number): CellLook {
  const cell = ws.getCell(row + 1, col + 1);
  const raw = cell.value as unknown;
  const formula = raw !== null && typeof raw === 'object' && 'formula' in raw ? String((raw as { formula: string }).formula) : null;
  // ExcelJS reads a number under a date format back as a Date: its serial again.
  const serial = raw instanceof Date ? (raw.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : raw;
  const value = formula !== null || serial === null || serial === undefined || serial === '' ? null : (serial as string | number | boolean);
  const font = cell.font ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const border = cell.border ?? {};
  const dv = (ws as unknown as { dataValidations: { find(address: string): ExcelJS.DataValidation | undefined } }).dataValidations.find(cell.address);
  return {
    value,
    formula,
    numberFormat: cell.numFmt || 'General',
    font: {
      name: font.name ?? 'Calibri',
      size: font.size ?? 11,
      bold: font.bold === true,
      italic: font.italic === true,
      underline: font.underline !== undefined && font.underline !== false && font.underline !== 'none',
      color: color(font.color?.argb, '#000000'),
    },
    fill: fill?.type === 'pattern' && fill.pattern === 'solid' ? color(fill.fgColor?.argb, '#000000') : null,
    align: cell.alignment?.horizontal ?? 'general',
    verticalAlign: cell.alignment?.vertical ?? 'bottom',
    wrap: cell.alignment?.wrapText === true,
    border: (['top', 'bottom', 'left', 'right'] as const).every((side) => border[side]?.style === 'thin'),
    validation: exceljsValidation(dv),
  };
}

function exceljsSheet(ws: ExcelJS.Worksheet, cols: number, rows: number): SheetLook {
  const setup = ws.pageSetup;
  const printed = setup.paperSize !== undefined;
  const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  const heights: Record<number, number> = {};
  for (let r = 0; r < rows; r++) {
    const height = ws.getRow(r + 1).height;
    if (height !== undefined && height !== null) heights[r] = height;
  }
  return {
    visible: ws.state === 'visible',
    frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    columnWidths: Array.from({ length: cols }, (_, c) => {
      const width = ws.getColumn(c + 1).width;
      return width === undefined ? null : round(width);
    }),
    hiddenColumns: Array.from({ length: cols }, (_, c) => c)
      .filter((c) => ws.getColumn(c + 1).hidden)
      .map(columnLetters),
    rowHeights: heights,
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    print: printed
      ? {
          paper: setup.paperSize === 9 ? 'A4' : String(setup.paperSize),
          orientation: setup.orientation ?? 'portrait',
          fitWide: setup.fitToPage ? (setup.fitToWidth ?? null) : null,
          fitTall: setup.fitToPage ? (setup.fitToHeight ?? null) : null,
          centered: setup.horizontalCentered === true,
          margins: Object.fromEntries(
            (['top', 'bottom', 'left', 'right', 'header', 'footer'] as const).map((side) => [side, round(setup.margins?.[side] ?? NaN)]),
          ),
          area: exceljsPrintArea(setup.printArea),
          titleRows: plainRange(setup.printTitlesRow),
        }
      : null,
  };
}

// ------------------------------------------------------------------------------------ comparing

async function throughExcelJs(layouts: readonly SheetLayout[]): Promise<ExcelJS.Workbook> {
  const bytes = await writeWorkbookBuffer(layouts);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The differences between the two hosts' sheets, as readable lines (empty when they agree). */
function differences(layout: SheetLayout, fake: FakeExcel, sheetName: string, ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  const snap = fake.snapshot(sheetName);
  const { rows, cols } = extent(layout);
  const office = officeSheet(snap, cols);
  const file = exceljsSheet(ws, cols, rows);
  for (const key of Object.keys(office) as (keyof SheetLook)[]) {
    if (JSON.stringify(office[key]) !== JSON.stringify(file[key])) {
      out.push(`${layout.name} ${key}: Office.js ${JSON.stringify(office[key])} ≠ ExcelJS ${JSON.stringify(file[key])}`);
    }
  }
  const covered = new Set<string>();
  for (const merge of layout.merges) {
    const range = parseRange(merge.replace(/\$/g, ''));
    if (!range) continue;
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        if (r !== range.start.row || c !== range.start.col) covered.add(`${columnLetters(c)}${r + 1}`);
      }
    }
  }
  // Cells that differ alike are told once: the first address and how many.
  const cellDifferences = new Map<string, { first: string; count: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const address = `${columnLetters(c)}${r + 1}`;
      const a = officeCell(snap, address, snap.cells[address]);
      const b = exceljsCell(ws, r, c);
      // The Office.js host's own "@" on a text cell (see the header).
      if (typeof layout.values[r]?.[c] === 'string' && a.numberFormat === '@') a.numberFormat = b.numberFormat;
      // A cell inside a merge shows nothing of its own but the border it draws.
      const keys = covered.has(address) ? (['border'] as const) : (Object.keys(a) as (keyof CellLook)[]);
      for (const key of keys) {
        if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
        const line = `${key}: Office.js ${JSON.stringify(a[key])} ≠ ExcelJS ${JSON.stringify(b[key])}`;
        const seen = cellDifferences.get(line);
        if (seen) seen.count += 1;
        else cellDifferences.set(line, { first: address, count: 1 });
      }
    }
  }
  for (const [line, { first, count }] of cellDifferences) out.push(`${layout.name}!${first}${count > 1 ? ` (+${count - 1} more)` : ''} ${line}`);
  return out;
}

const failing = () =>
  checkWorkbook(
    validChiBo((spec) => {
      (spec.marks[2] as unknown[])[7] = 'K';
    }),
    { asOf: AS_OF },
  );

describe('the Office.js and ExcelJS hosts write the same sheets', () => {
  test('Tổng hợp (writeSheet)', async () => {
    const layout = summaryLayout(failing());
    const fake = createFakeExcel({ sheets: [] });
    const written = await fake.run((context) => writeSheet(context as unknown as Context, layout, { replaceOnlyIfMarker: true }));
    const ws = (await throughExcelJs([layout])).getWorksheet(layout.name)!;
    expect(differences(layout, fake, written.sheetName, ws)).toEqual([]);
  });

  test('Danh sách tổ chức (writeSheet)', async () => {
    const results = [checkWorkbook(validChiBo(), { asOf: AS_OF }), checkWorkbook(validDangBo(), { asOf: AS_OF }), failing()];
    const rows = results.map((result, i) => rowFromCheck(`${i}.xlsx`, result));
    const layout = consolidationLayout(rows, { asOf: AS_OF, policy: defaultPolicy(), issuer: 'Đảng ủy phường Bến Thành' });
    const fake = createFakeExcel({ sheets: [] });
    const written = await fake.run((context) => writeSheet(context as unknown as Context, layout, { replaceOnlyIfMarker: true }));
    const ws = (await throughExcelJs([layout])).getWorksheet(layout.name)!;
    expect(differences(layout, fake, written.sheetName, ws)).toEqual([]);
  });

  test.each([
    ['chi bộ', { kind: 'chi-bo', level: 'co-so', type: 'dia-ban', year: 2025 }],
    ['đảng bộ', { kind: 'dang-bo', level: 'co-so', type: 'doanh-nghiep', year: 2025 }],
  ] as const)('the template of a %s (createTemplate)', async (_, options) => {
    const layouts = templateLayouts(options);
    const fake = createFakeExcel({ sheets: [] });
    await fake.run((context) => createTemplate(context as unknown as Context, layouts));
    const workbook = await throughExcelJs(layouts);
    expect(layouts.flatMap((layout) => differences(layout, fake, layout.name, workbook.getWorksheet(layout.name)!))).toEqual([]);
  });

  test('a layout that uses every field (createTemplate)', async () => {
    const lists: SheetLayout = {
      name: 'Danh mục',
      values: [['Loại hình'], ['Cơ quan hành chính, đơn vị sự nghiệp'], ['Doanh nghiệp']],
      columns: [{ width: 40 }],
      formats: [],
      merges: [],
      validations: [],
      frozenRows: 0,
      hidden: true,
    };
    const layout: SheetLayout = {
      name: 'Mọi thứ',
      values: [
        ['Mục', 'Giá trị', 'Gấp đôi', 'Mã', 'Tỷ lệ', 'Ngày', 'Ghi chú dài ở đây để xuống dòng trong ô hẹp', 'Ẩn'],
        ['=1+1', '+84 912', 3, '1.1', 0.25, 46000, null, 'x'],
        ['-5', '@tên', 4, null, Number.NaN, null, '', 'y'],
        ['Gộp ô', null, null, null, null, null, 'x'.repeat(40_000), null],
      ],
      formulas: { C3: '=C2*2' },
      columns: [
        { width: 30 },
        { width: 45 },
        { width: 10 },
        { width: 8, numberFormat: '@' },
        { width: 9, numberFormat: '0.00%' },
        { width: 12, numberFormat: 'dd/mm/yyyy' },
        { width: 12 },
        { width: 6, hidden: true },
      ],
      formats: [
        { range: 'A1:G1', bold: true, fill: '#D9E1F2', align: 'center', verticalAlign: 'middle', wrap: true, border: true },
        { range: 'C2:C3', numberFormat: '0.00' },
        { range: 'A2', italic: true, underline: true, fontSize: 14, fontColor: '#C00000', wrap: true, verticalAlign: 'top' },
        { range: 'B3', align: 'right', verticalAlign: 'bottom' },
        { range: 'G2:G3', wrap: true, align: 'left' },
      ],
      merges: ['A4:F4'],
      validations: [
        {
          range: 'B2:B50',
          validation: { type: 'listRange', sheet: 'Danh mục', range: 'A2:A3', items: ['Cơ quan hành chính, đơn vị sự nghiệp', 'Doanh nghiệp'] },
        },
        { range: 'A2:A50', validation: { type: 'list', items: ['Có', 'Không'] } },
        { range: 'C2:C50', validation: { type: 'wholeNumber', min: 0 } },
        { range: 'D2:D50', validation: { type: 'wholeNumber', min: 1, max: 12 } },
        { range: 'E2:E50', validation: { type: 'decimal', min: 0, max: 100 } },
        { range: 'F2:F50', validation: { type: 'date' } },
      ],
      frozenRows: 1,
      hidden: false,
      // No area of its own: the written rows up to the hidden column.
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: '1:1' },
      fontName: 'Arial',
      fontSize: 12,
    };
    const fake = createFakeExcel({ sheets: [{ name: 'Sheet1' }] });
    await fake.run((context) => createTemplate(context as unknown as Context, [lists, layout]));
    const workbook = await throughExcelJs([lists, layout]);
    expect([lists, layout].flatMap((l) => differences(l, fake, l.name, workbook.getWorksheet(l.name)!))).toEqual([]);
  });

  test('Cấu hình (writePolicy)', async () => {
    const layout = policyLayout(defaultPolicy());
    const fake = createFakeExcel({ sheets: [{ name: 'Sheet1' }] });
    await fake.run((context) => writePolicy(context as unknown as Context, layout));
    const ws = (await throughExcelJs([layout])).getWorksheet(layout.name)!;
    expect(differences(layout, fake, layout.name, ws)).toEqual([]);
  });
});
