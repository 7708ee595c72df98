/**
 * `bontot fix-encoding` as a process: a TCVN3/VNI workbook → a new file with Unicode in exactly the
 * flagged cells (fonts of those cells made Unicode) and every other cell unchanged; the input is
 * never touched; what a rewrite loses (a chart part) is said before writing; exit codes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { toTcvn3, toVni } from '../../src/core/legacyEncoding';
import { lostParts, workbookParts } from '../../src/hosts/xlsx/fix';
import { fakeXls, runCli, sha256, tempDir } from './helpers';

/** The cells the test writes in a legacy encoding, with their Unicode text. */
const LEGACY_CELLS: { sheet: string; cell: string; unicode: string; encode: (text: string) => string }[] = [
  { sheet: 'Đảng viên', cell: 'B1', unicode: 'Họ và tên', encode: toTcvn3 },
  { sheet: 'Đảng viên', cell: 'C1', unicode: 'Xếp loại', encode: toTcvn3 },
  { sheet: 'Đảng viên', cell: 'B2', unicode: 'Nguyễn Văn An', encode: toTcvn3 },
  { sheet: 'Đảng viên', cell: 'C2', unicode: 'Hoàn thành tốt nhiệm vụ', encode: toTcvn3 },
  { sheet: 'Đảng viên', cell: 'B3', unicode: 'Trần Thị Bình', encode: toTcvn3 },
  { sheet: 'Đảng viên', cell: 'C3', unicode: 'Hoàn thành xuất sắc nhiệm vụ', encode: toTcvn3 },
  { sheet: 'Sinh hoạt', cell: 'A2', unicode: 'Thường kỳ', encode: toVni },
  { sheet: 'Sinh hoạt', cell: 'B2', unicode: 'Chi bộ họp đủ nội dung', encode: toVni },
];

const TCVN3_FONT: Partial<ExcelJS.Font> = { name: '.VnTime', size: 13, bold: true, color: { argb: 'FF1F4E79' } };

/** A workbook with legacy cells, Unicode and English cells, numbers, a date, a formula whose result is legacy text, a note. */
async function legacyWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const members = workbook.addWorksheet('Đảng viên');
  const meetings = workbook.addWorksheet('Sinh hoạt');
  const other = workbook.addWorksheet('Khác');
  for (const { sheet, cell, unicode, encode } of LEGACY_CELLS) {
    const target = workbook.getWorksheet(sheet)?.getCell(cell) as ExcelJS.Cell;
    target.value = encode(unicode);
    target.font = encode === toTcvn3 ? TCVN3_FONT : { name: 'VNI-Times', size: 12, italic: true };
  }
  members.getCell('A1').value = 'STT';
  members.getCell('A2').value = 1;
  members.getCell('A3').value = 2;
  members.getCell('D1').value = 'Ngày vào Đảng';
  members.getCell('D2').value = new Date(Date.UTC(2010, 4, 19));
  members.getCell('D2').numFmt = 'dd/mm/yyyy';
  members.getCell('E2').value = 'Phạm Thị Dung';
  members.getCell('E2').font = { name: 'Times New Roman', size: 12 };
  members.getCell('E3').value = 'Meeting notes in English, café';
  members.getCell('F2').value = { formula: 'B2', result: toTcvn3('Nguyễn Văn An') } as ExcelJS.CellFormulaValue;
  members.getCell('A1').note = 'Số thứ tự';
  members.getColumn(2).width = 28;
  meetings.getCell('A1').value = 'Loại';
  meetings.getCell('C2').value = 95;
  other.getCell('A1').value = 'Chi bộ Phòng Tổ chức - Hành chính';
  other.getCell('B1').value = 'Hoàn thành tốt nhiệm vụ';
  await workbook.xlsx.writeFile(path);
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Every non-empty cell of every sheet: value and style, by "Sheet!A1". */
function cellsOf(workbook: ExcelJS.Workbook): Map<string, { value: unknown; style: unknown }> {
  const cells = new Map<string, { value: unknown; style: unknown }>();
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.set(`${sheet.name}!${cell.address}`, { value: JSON.parse(JSON.stringify(cell.value)), style: JSON.parse(JSON.stringify(cell.style)) });
      });
    });
  });
  return cells;
}

let dir: string;
let input: string;
let inputHash: string;

beforeAll(async () => {
  dir = tempDir('bontot-fix-');
  input = join(dir, 'chi-bo.xlsx');
  await legacyWorkbook(input);
  inputHash = sha256(input);
});

afterEach(() => {
  expect(sha256(input)).toBe(inputHash);
});

describe('bontot fix-encoding', () => {
  test('writes a new file: Unicode in exactly the flagged cells, everything else unchanged; says how many per sheet', async () => {
    const output = join(dir, 'unicode.xlsx');
    const run = await runCli(['fix-encoding', input, '-o', output]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // 9 flagged: the 8 cells and the formula's result, which is reported and left alone.
    expect(run.stdout).toContain('9 ô gõ bằng phông TCVN3 (ABC) và VNI (VNI-Times)');
    expect(run.stdout).toContain('  Đảng viên: 6 ô (TCVN3 (ABC))');
    expect(run.stdout).toContain('  Sinh hoạt: 2 ô (VNI (VNI-Times))');
    expect(run.stdout).toContain(`B2: "${toTcvn3('Nguyễn Văn An')}" → "Nguyễn Văn An"`);
    expect(run.stdout).not.toContain('Khác:');
    // The formula cell is reported, not converted.
    expect(run.stdout).toMatch(/trang Đảng viên, ô F2: ô có công thức/);
    expect(run.stdout).toMatch(/Đã ghi ".*unicode\.xlsx": 8 ô/);

    const before = cellsOf(await load(input));
    const after = cellsOf(await load(output));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const flagged = new Map(LEGACY_CELLS.map((c) => [`${c.sheet}!${c.cell}`, c]));
    for (const [place, cell] of before) {
      const fixed = flagged.get(place);
      const now = after.get(place);
      if (!fixed) {
        expect({ place, ...now }).toEqual({ place, ...cell });
        continue;
      }
      expect(now?.value).toBe(fixed.unicode);
      // Only the font name changes (a legacy font would draw Unicode as garbage); size, weight and colour stay.
      const font = (cell.style as { font: Record<string, unknown> }).font;
      expect((now?.style as { font: unknown }).font).toEqual({ ...font, name: 'Times New Roman' });
    }
    expect(run.stdout).toContain('Đổi phông của 8 ô');
    // The note and the column width came through.
    const members = (await load(output)).getWorksheet('Đảng viên');
    expect(members?.getCell('A1').note).toBe('Số thứ tự');
    expect(members?.getColumn(2).width).toBe(28);
  });

  test('refuses to overwrite an existing OUT without --force (exit 2), overwrites with it', async () => {
    const output = join(dir, 'exists.xlsx');
    writeFileSync(output, 'giữ nguyên');
    const refused = await runCli(['fix-encoding', input, '-o', output]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('đã có; không ghi đè');
    expect(readFileSync(output, 'utf8')).toBe('giữ nguyên');
    const forced = await runCli(['fix-encoding', input, '-o', output, '--force']);
    expect(forced.code).toBe(0);
    expect((await load(output)).getWorksheet('Đảng viên')?.getCell('C2').value).toBe('Hoàn thành tốt nhiệm vụ');
  });

  test('never writes the input, even with --force (exit 2)', async () => {
    const run = await runCli(['fix-encoding', input, '-o', input, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('trùng tệp đầu vào');
  });

  test('usage errors and unreadable input: exit 2 with a Vietnamese message', async () => {
    const noOut = await runCli(['fix-encoding', input]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('Thiếu tệp kết quả');
    const notXlsx = await runCli(['fix-encoding', input, '-o', join(dir, 'out.csv')]);
    expect(notXlsx.code).toBe(2);
    const xls = join(dir, 'cu.xls');
    writeFileSync(xls, fakeXls());
    const old = await runCli(['fix-encoding', xls, '-o', join(dir, 'cu.xlsx')]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('.xls');
    expect(existsSync(join(dir, 'cu.xlsx'))).toBe(false);
    const missing = await runCli(['fix-encoding', join(dir, 'khong-co.xlsx'), '-o', join(dir, 'x.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy tệp');
  });

  test('a workbook with a chart and a pivot table is warned about before writing', async () => {
    const zip = await JSZip.loadAsync(readFileSync(input));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const withChart = join(dir, 'bieu-do.xlsx');
    writeFileSync(withChart, await zip.generateAsync({ type: 'uint8array' }));
    const hash = sha256(withChart);
    const output = join(dir, 'bieu-do-unicode.xlsx');
    const run = await runCli(['fix-encoding', withChart, '-o', output]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const warning = lines.findIndex((line) => line.startsWith('Cảnh báo:'));
    const written = lines.findIndex((line) => line.startsWith('Đã ghi'));
    expect(warning).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(warning);
    expect(run.stdout).toContain('biểu đồ (chart): 1 phần (xl/charts/chart1.xml)');
    expect(run.stdout).toContain('bảng tổng hợp (PivotTable): 1 phần');
    expect(run.stdout).not.toContain('ghi chú (comment)');
    const names = Object.keys((await JSZip.loadAsync(readFileSync(output))).files);
    expect(names).not.toContain('xl/charts/chart1.xml');
    expect(sha256(withChart)).toBe(hash);
  });

  test('nothing to convert: says so and writes nothing (exit 0); --dry-run writes nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Đảng viên').getCell('A1').value = 'Nguyễn Văn An';
    const unicode = join(dir, 'unicode-in.xlsx');
    await workbook.xlsx.writeFile(unicode);
    const output = join(dir, 'unicode-out.xlsx');
    const run = await runCli(['fix-encoding', unicode, '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('không có ô nào gõ bằng phông TCVN3');
    expect(existsSync(output)).toBe(false);
    const dry = await runCli(['fix-encoding', input, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Đảng viên: 6 ô');
    expect(dry.stdout).toContain('--dry-run');
  });

  test('help: the subcommand and the main help', async () => {
    const help = await runCli(['fix-encoding', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('bontot fix-encoding IN.xlsx -o OUT.xlsx [--force] [--dry-run]');
    expect(help.stdout).toContain('Tệp đầu vào không bao giờ bị sửa');
    const main = await runCli(['--help']);
    expect(main.stdout).toContain('fix-encoding');
  });
});

describe('part-name inspection', () => {
  const input = [
    '[Content_Types].xml',
    'xl/workbook.xml',
    'xl/worksheets/sheet1.xml',
    'xl/charts/chart1.xml',
    'xl/charts/chart2.xml',
    'xl/charts/style1.xml',
    'xl/drawings/drawing1.xml',
    'xl/drawings/vmlDrawing1.vml',
    'xl/media/image1.png',
    'xl/pivotTables/pivotTable1.xml',
    'xl/pivotCache/pivotCacheDefinition1.xml',
    'xl/vbaProject.bin',
    'xl/slicers/slicer1.xml',
    'xl/externalLinks/externalLink1.xml',
    'xl/comments1.xml',
    'xl/threadedComments/threadedComment1.xml',
  ];

  test('finds the kinds a workbook has', () => {
    expect(workbookParts(input).map((k) => [k.id, k.parts.length])).toEqual([
      ['charts', 2],
      ['pivotTables', 2],
      ['slicers', 1],
      ['drawings', 1],
      ['images', 1],
      ['vba', 1],
      ['externalLinks', 1],
      ['comments', 1],
      ['threadedComments', 1],
    ]);
  });

  test('reports the kinds the output has fewer of', () => {
    const output = ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/comments1.xml'];
    expect(lostParts(input, output).map((k) => `${k.id} ${k.input}→${k.output}`)).toEqual([
      'charts 2→0',
      'pivotTables 2→0',
      'slicers 1→0',
      'vba 1→0',
      'externalLinks 1→0',
      'threadedComments 1→0',
    ]);
    expect(lostParts(['xl/workbook.xml'], ['xl/workbook.xml'])).toEqual([]);
  });
});
