/**
 * Hostile files for the reader and the CLI, built in memory so the tests stay fast: a lying zip
 * (declares a small part that inflates far beyond it), a sheet of a million rows written as XML,
 * thousands of sheets, an old .xls header, a truncated download.
 */
import JSZip from 'jszip';
import { writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';
import type { SheetLayout } from '../../src/workbook/types';

export function layout(partial: Partial<SheetLayout> & { name: string }): SheetLayout {
  return { values: [], columns: [], formats: [], merges: [], validations: [], frozenRows: 0, hidden: false, ...partial };
}

/** A small real workbook (one sheet) as bytes. */
export function smallWorkbook(name = 'Thông tin'): Promise<Uint8Array> {
  return writeWorkbookBuffer(
    [
      layout({
        name,
        values: [
          ['Mục', 'Giá trị'],
          ['Tên tổ chức', 'Chi bộ 1'],
        ],
      }),
    ],
    { kind: null },
  );
}

/** Sets the declared uncompressed size of a part, in its central-directory and local headers. */
export function declareSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let found = false;
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const name = new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLength));
    if (name !== part) continue;
    view.setUint32(i + 24, size, true);
    view.setUint32(view.getUint32(i + 42, true) + 22, size, true);
    found = true;
  }
  if (!found) throw new Error(`no part ${part}`);
  return out;
}

/** Replaces (or adds) parts of a zip. */
export async function withParts(bytes: Uint8Array, parts: Record<string, string | Uint8Array>, level = 6): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
}

/**
 * A lying zip: sheet1.xml inflates to `actualBytes` (spaces inside sheetData, valid XML) but
 * declares `declared` bytes.
 */
export async function lyingSheet(actualBytes: number, declared: number): Promise<Uint8Array> {
  const base = await smallWorkbook();
  const sheet = await (await JSZip.loadAsync(base)).file('xl/worksheets/sheet1.xml')!.async('string');
  const padded = sheet.replace('<sheetData>', `<sheetData>${' '.repeat(actualBytes)}`);
  return declareSize(await withParts(base, { 'xl/worksheets/sheet1.xml': padded }, 9), 'xl/worksheets/sheet1.xml', declared);
}

/** A workbook whose only sheet has `rows` rows of two cells, its XML written directly. */
export async function manyRows(rows: number, prefix = ''): Promise<Uint8Array> {
  const base = await smallWorkbook('Đảng viên');
  const sheet = await (await JSZip.loadAsync(base)).file('xl/worksheets/sheet1.xml')!.async('string');
  const p = prefix;
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    parts.push(
      `<${p}row r="${r}"><${p}c r="A${r}"><${p}v>${r}</${p}v></${p}c><${p}c r="B${r}" t="inlineStr"><${p}is><${p}t>HTTNV</${p}t></${p}is></${p}c></${p}row>`,
    );
  }
  const xml = sheet.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${parts.join('')}</sheetData>`);
  return withParts(base, { 'xl/worksheets/sheet1.xml': xml });
}

/** A workbook of `count` sheets, each with one value (ExcelJS writes it). */
export function manySheets(count: number): Promise<Uint8Array> {
  return writeWorkbookBuffer(
    Array.from({ length: count }, (_, i) => layout({ name: `Trang ${i + 1}`, values: [[i + 1]] })),
    { kind: null },
  );
}

/** An OLE2 header followed by zeros: what an Excel 97-2003 .xls starts with. */
export function xlsBytes(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}
