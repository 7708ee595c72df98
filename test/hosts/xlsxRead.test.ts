/**
 * The values reader (src/hosts/xlsxRead.ts) against the reference, ExcelJS's whole-document load
 * (readWorkbookDataWithExcelJs): the same grids and properties for the samples, every kind of file
 * the product writes, and random workbooks written by ExcelJS; and the parts of SpreadsheetML that
 * ExcelJS never writes (inline strings, prefixed tags, phonetic runs, cells without a reference,
 * the 1904 date system) read to the values Excel shows.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import JSZip from 'jszip';
import zlib from 'zlib';
import { join } from 'path';
import { readWorkbookData, readWorkbookDataWithExcelJs, type WorkbookData } from '../../src/hosts/xlsx/exceljs';
import { writeWorkbookBuffer } from '../../src/hosts/xlsx/exceljs';
import { nodeInflateRaw, readWorkbookData as readWorkbookDataNode } from '../../src/hosts/xlsx/node';
import type { SheetContext } from '../../src/hosts/xlsx/cells';
import { isDateFormat } from '../../src/hosts/xlsx/read';
import { worksheetValuesOfBytes } from '../../src/hosts/xlsx/sheetBytes';
import { worksheetValues } from '../../src/hosts/xlsx/sheetText';
import { countSheetTags, DEFAULT_ZIP_LIMITS } from '../../src/hosts/xlsx/zip';
import { FORMULA_WITHOUT_RESULT, type SheetGrid } from '../../src/workbook/types';
import { defaultPolicy } from '../../src/core/policy';
import { checkWorkbook } from '../../src/workbook/check';
import { summaryLayout } from '../../src/workbook/layout/summary';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import { chiBoSpec, dangBoSpec } from '../../scripts/sampleData';
import { plainLayouts } from '../../scripts/sampleLayouts';
import { params } from '../hardening/fuzz';

const SAMPLES = join(__dirname, '..', '..', 'samples');

async function bothReaders(bytes: Uint8Array): Promise<{ values: WorkbookData; node: WorkbookData; reference: WorkbookData }> {
  return {
    values: await readWorkbookData(bytes),
    node: await readWorkbookDataNode(bytes),
    reference: await readWorkbookDataWithExcelJs(bytes),
  };
}

async function expectSameAsExcelJs(bytes: Uint8Array): Promise<WorkbookData> {
  const { values, node, reference } = await bothReaders(bytes);
  expect(values).toEqual(reference);
  expect(node).toEqual(reference);
  return values;
}

describe('the same values as ExcelJS', () => {
  test.each(readdirSync(SAMPLES).filter((name) => name.endsWith('.xlsx')))('sample %s', async (name) => {
    const data = await expectSameAsExcelJs(new Uint8Array(readFileSync(join(SAMPLES, name))));
    expect(data.sheets.length).toBeGreaterThan(3);
  });

  test('generated chi bộ and đảng bộ workbooks, with problems', async () => {
    const specs = [
      chiBoSpec({ seed: 3, name: 'Chi bộ Khu phố 3', problems: { shortMeeting: true } }),
      chiBoSpec({ seed: 5, name: 'Chi bộ Khu phố 5', problems: { unexcusedAbsence: true } }),
      dangBoSpec({ seed: 9, name: 'Đảng bộ Phường 9' }),
    ];
    for (const spec of specs) await expectSameAsExcelJs(await writeWorkbookBuffer(plainLayouts(spec), { kind: null }));
  });

  test('the template, a summary and their markers', async () => {
    const template = await expectSameAsExcelJs(
      await writeWorkbookBuffer(templateLayouts({ kind: 'chi-bo', type: 'dia-ban', year: 2025 }), { kind: 'template' }),
    );
    expect(template.generatedKind).toBe('template');
    const sample = new Uint8Array(readFileSync(join(SAMPLES, 'chi-bo-mau.xlsx')));
    const result = checkWorkbook((await readWorkbookData(sample)).sheets, { asOf: '2026-03-01', policy: defaultPolicy() });
    const summary = await expectSameAsExcelJs(await writeWorkbookBuffer([summaryLayout(result, { date: '2026-03-01' })], { kind: 'summary' }));
    expect(summary.generatedKind).toBe('summary');
  });

  const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
    fc.string(),
    fc.constantFrom('Nguyễn Văn Á', ' có dấu cách ', '<b>&amp;</b> "x" \'y\'', 'dòng 1\ndòng 2', '=1+1', '_x000D_', 'Hoµn thµnh'),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom<ExcelJS.CellValue>(
      { richText: [{ text: 'Hoàn thành ', font: { bold: true } }, { text: 'tốt' }] },
      { formula: 'A1*2', result: 42 },
      { formula: 'TODAY()', result: new Date('2025-05-06T00:00:00Z') },
      { formula: 'B2&"x"', result: 'chuỗi' },
      { formula: 'NA()', result: { error: '#N/A' } },
      { error: '#DIV/0!' },
      { text: 'liên kết', hyperlink: 'https://example.invalid/' },
      null,
    ),
  );

  const textualFormulaResult = (value: ExcelJS.CellValue): boolean =>
    typeof value === 'object' && value !== null && 'formula' in value && !(typeof value.result === 'number' || value.result instanceof Date);

  test('random workbooks written by ExcelJS (values, formats, merges, hidden sheets)', async () => {
    const sheet = fc.record({
      name: fc.constantFrom('Thông tin', 'Đảng viên', 'Sinh hoạt', 'A & B', "O'Neil", 'Tiêu chí'),
      hidden: fc.boolean(),
      cells: fc.array(
        fc.tuple(
          fc.nat({ max: 30 }),
          fc.nat({ max: 12 }),
          cellValue,
          fc.constantFrom(undefined, 'dd/mm/yyyy', '0.00', '@', 'mm:ss', '[Red]0', '"ngày" d'),
        ),
        {
          maxLength: 60,
        },
      ),
      merge: fc.option(fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 8 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }))),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(sheet, { minLength: 1, maxLength: 3, selector: (s) => s.name }), fc.boolean(), async (sheets, date1904) => {
        const workbook = new ExcelJS.Workbook();
        workbook.properties.date1904 = date1904;
        workbook.keywords = 'bontot:template';
        workbook.creator = 'Người lập & <ký>';
        for (const spec of sheets) {
          const worksheet = workbook.addWorksheet(spec.name, { state: spec.hidden ? 'hidden' : 'visible' });
          for (const [row, col, value, format] of spec.cells) {
            const cell = worksheet.getCell(row + 1, col + 1);
            cell.value = value;
            // Where the readers differ on purpose: ExcelJS turns any formula result in a date
            // format into a date (text and errors into an invalid one, so lost; TRUE into
            // 31/12/1899); the values reader keeps a text, boolean or error result as it is.
            if (textualFormulaResult(value)) cell.numFmt = 'General';
            else if (format !== undefined) cell.numFmt = format;
          }
          if (spec.merge) {
            const [top, left, height, width] = spec.merge;
            worksheet.mergeCells(top + 1, left + 1, top + height, left + 1 + width);
          }
        }
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        await expectSameAsExcelJs(bytes);
      }),
      params(60),
    );
  });
});

// ------------------------------------------------------------------------------- hand-written XML

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

/** A one-sheet workbook from hand-written parts (what other tools than ExcelJS write). */
async function handWritten(parts: {
  sheet: string;
  workbookPr?: string;
  sharedStrings?: string;
  styles?: string;
  prefix?: string;
}): Promise<Uint8Array> {
  const p = parts.prefix ?? '';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${parts.workbookPr ?? ''}<${p}sheets><${p}sheet name="Đảng viên &amp; khác" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', parts.sheet);
  if (parts.sharedStrings) zip.file('xl/sharedStrings.xml', parts.sharedStrings);
  if (parts.styles) zip.file('xl/styles.xml', parts.styles);
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Văn phòng</dc:creator><cp:keywords>bontot:consolidation</cp:keywords></cp:coreProperties>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('SpreadsheetML that ExcelJS does not write', () => {
  test('inline strings, phonetic runs, rich text, errors, booleans, formulas and cells without a reference', async () => {
    const bytes = await handWritten({
      sharedStrings: `<sst ${MAIN}><si><t xml:space="preserve"> Họ và tên </t></si><si><r><t>Hoàn thành </t></r><r><rPr><b/></rPr><t>tốt</t></r><rPh sb="0" eb="1"><t>PHIÊN ÂM</t></rPh></si><si><t>dòng_x000D_</t></si><si/></sst>`,
      sheet:
        `<worksheet ${MAIN}><sheetData>` +
        `<row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>Trực tiếp &lt;1&gt;</t></is></c></row>` +
        `<row><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3"><f>1+1</f><v>2</v></c><c r="E3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>` +
        `<row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4" t="s"><v>3</v></c><c r="D4"/><c r="E4" s="0"><v></v></c><c r="F4" t="d"><v>2025-03-08</v></c></row>` +
        `</sheetData></worksheet>`,
    });
    const data = await readWorkbookDataNode(bytes);
    expect(data.properties).toEqual({
      creator: 'Văn phòng',
      company: null,
      keywords: 'bontot:consolidation',
      title: null,
      subject: null,
      category: null,
    });
    expect(data.generatedKind).toBe('consolidation');
    expect(data.sheets).toHaveLength(1);
    const [sheet] = data.sheets;
    expect(sheet?.name).toBe('Đảng viên & khác');
    expect({ originRow: sheet?.originRow, originCol: sheet?.originCol }).toEqual({ originRow: 1, originCol: 1 });
    expect(sheet?.values).toEqual([
      [' Họ và tên ', 'Hoàn thành tốt', 'Trực tiếp <1>', null, null],
      [true, '#N/A', 2, 'ab', null],
      ['dòng\r', null, null, null, new Date('2025-03-08T00:00:00Z')],
    ]);
    expect(await readWorkbookData(bytes)).toEqual(data);
  });

  // SPEC §3 (2026-12): a formula cell without a stored result (written by a script, never opened in
  // a spreadsheet program) is not blank; an empty text result (t="str", as Excel stores ="") is.
  test('formulas without a stored result are FORMULA_WITHOUT_RESULT in both readers, an empty text result is blank', async () => {
    const bytes = await handWritten({
      sheet:
        `<worksheet ${MAIN}><sheetData>` +
        `<row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1*2</f></c><c r="C1"><f>A1+1</f><v></v></c><c r="D1" t="str"><f>""</f><v></v></c><c r="E1" t="str"><f>"x"</f><v>x</v></c></row>` +
        `</sheetData></worksheet>`,
    });
    const data = await readWorkbookDataNode(bytes);
    expect(data.sheets[0]?.values).toEqual([[5, FORMULA_WITHOUT_RESULT, FORMULA_WITHOUT_RESULT, null, 'x']]);
    expect(data.sheets[0]?.values[0]?.[1]).toBe(FORMULA_WITHOUT_RESULT);
    // ExcelJS's model drops an empty <v> of a text formula (no `result`), so its fallback reader cannot
    // tell ="" from a formula never computed: a known limit of that fallback, documented here.
    const excelJs = (await readWorkbookDataWithExcelJs(bytes)).sheets[0]?.values;
    expect(excelJs).toEqual([[5, FORMULA_WITHOUT_RESULT, FORMULA_WITHOUT_RESULT, FORMULA_WITHOUT_RESULT, 'x']]);
  });

  test('tags with a namespace prefix are read like plain ones', async () => {
    const plain = await handWritten({
      sheet: `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c><c r="B1"><v>7</v></c></row></sheetData><mergeCells><mergeCell ref="A3:B3"/></mergeCells></worksheet>`,
    });
    const prefixed = await handWritten({
      prefix: 'x:',
      sheet: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tên</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect((await readWorkbookDataNode(prefixed)).sheets).toEqual((await readWorkbookDataNode(plain)).sheets);
    expect((await readWorkbookDataNode(prefixed)).sheets[0]?.values).toEqual([['Tên', 7]]);
  });

  test('dates: built-in and custom date formats, the 1904 system, and merged cells keep their top-left value only', async () => {
    const styles = `<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;ngày&quot;\\ 0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" s="1"><v>45725</v></c><c r="B1" s="2"><v>45725</v></c><c r="C1" s="3"><v>45725</v></c><c r="D1"><v>45725</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row><row r="3"><c r="A3" s="2" t="str"><f>"văn"&amp;"bản"</f><v>văn bản</v></c><c r="B3" s="2" t="b"><f>TRUE()</f><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A2:B2"/></mergeCells></worksheet>`;
    const d1900 = (await readWorkbookDataNode(await handWritten({ sheet, styles }))).sheets[0]?.values;
    expect(d1900).toEqual([
      [new Date('2025-03-09T00:00:00Z'), new Date('2025-03-09T00:00:00Z'), 45725, 45725],
      [1, null, null, null],
      // A text or boolean formula result in a date format stays what it is (ExcelJS loses it).
      ['văn bản', true, null, null],
    ]);
    const d1904 = (await readWorkbookDataNode(await handWritten({ sheet, styles, workbookPr: '<workbookPr date1904="1"/>' }))).sheets[0]?.values;
    expect(d1904?.[0]?.[0]).toEqual(new Date('2029-03-10T00:00:00Z'));
  });

  test("ExcelJS's test of date formats: quoted and bracketed parts do not count", () => {
    expect(['dd/mm/yyyy', 'mm:ss', 'h:mm AM/PM', '[$-42A]d mmmm yyyy', 'yyyy"年"']).toEqual(
      ['dd/mm/yyyy', 'mm:ss', 'h:mm AM/PM', '[$-42A]d mmmm yyyy', 'yyyy"年"'].filter(isDateFormat),
    );
    expect(['0.00', '@', '[Red]0', '"ngày" 0', '#,##0 ;(#,##0)', 'General'].filter(isDateFormat)).toEqual([]);
  });

  test('the Node inflater stops at the limit it is given', () => {
    const compressed = new Uint8Array(zlib.deflateRawSync(Buffer.alloc(10_000, 0x41)));
    expect(nodeInflateRaw(compressed, 10_000)?.byteLength).toBe(10_000);
    expect(nodeInflateRaw(compressed, 9_999)).toBeNull();
    expect(() => nodeInflateRaw(compressed.subarray(0, 5), 10_000)).toThrow();
  });
});

// ------------------------------------------------------------------------------------------------
// Files other programs write, and the byte scan against the text scan (issue 25: the values reader
// scans worksheet bytes; every shape below must read as ExcelJS reads it and as before).

/** Every part of a zip, as text, through `edit` (null drops the part), zipped again. */
async function rewritten(bytes: Uint8Array, edit: (name: string, xml: string) => string | null): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  for (const [name, file] of Object.entries(source.files)) {
    if (file.dir) continue;
    const text = edit(name, await file.async('string'));
    if (text !== null) target.file(name, text);
  }
  return new Uint8Array(await target.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** The shared strings of a part ExcelJS wrote (plain `<si><t>` items), still escaped as XML. */
function plainSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>(?:<t(?: [^>]*)?>([^<]*)<\/t>|<t\/>)<\/si>/g)].map((m) => m[1] ?? '');
}

/** Non-ASCII characters as decimal character references, as openpyxl's lxml writer can emit them. */
function characterReferences(text: string): string {
  return [...text].map((ch) => ((ch.codePointAt(0) as number) > 0x7e ? `&#${ch.codePointAt(0) as number};` : ch)).join('');
}

const isWorksheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

describe('files other programs write', () => {
  const original = (seed: number): Promise<Uint8Array> =>
    writeWorkbookBuffer(plainLayouts(chiBoSpec({ seed, name: `Chi bộ Thôn ${seed}`, problems: { unexcusedAbsence: true } })), { kind: null });

  async function expectSameReadingAndVerdict(changed: Uint8Array, before: Uint8Array): Promise<void> {
    const reading = await expectSameAsExcelJs(changed);
    const reference = await readWorkbookDataNode(before);
    expect(reading.sheets).toEqual(reference.sheets);
    const verdict = (data: WorkbookData): unknown => {
      const result = checkWorkbook(data.sheets, { asOf: '2026-03-01', policy: defaultPolicy() });
      return { eligible: result.eligible, issues: result.issues.map((issue) => issue.code).sort() };
    };
    expect(verdict(reading)).toEqual(verdict(reference));
  }

  test('LibreOffice: s="0" and t="n" on every cell, <f aca="false">, date1904="false", a custom General format', async () => {
    const before = await original(11);
    const changed = await rewritten(before, (name, xml) => {
      if (name === 'xl/workbook.xml')
        return xml.replace(/<workbookPr[^>]*\/>/, '<workbookPr backupFile="false" showObjects="all" date1904="false"/>');
      if (name === 'xl/styles.xml') {
        // Style 0 gets LibreOffice's custom "General" (numFmtId 164): not a date.
        const numFmts = /<numFmts count="(\d+)">/.exec(xml);
        const withGeneral = numFmts
          ? xml.replace(numFmts[0], `<numFmts count="${Number(numFmts[1]) + 1}"><numFmt numFmtId="164" formatCode="General"/>`)
          : xml.replace(/(<styleSheet[^>]*>)/, '$1<numFmts count="1"><numFmt numFmtId="164" formatCode="General"/></numFmts>');
        return withGeneral.replace(/(<cellXfs[^>]*>\s*<xf [^>]*?)numFmtId="0"/, '$1numFmtId="164"');
      }
      if (!isWorksheet(name)) return xml;
      return xml
        .replace(/<c r="([A-Z]+\d+)"(?![^>]* s=)/g, '<c r="$1" s="0"')
        .replace(/<c ([^>]*?)(\/?)>/g, (whole, attrs: string, slash: string) => (/ t="/.test(` ${attrs}`) || slash ? whole : `<c ${attrs} t="n">`))
        .replace(/<f>/g, '<f aca="false">');
    });
    const text = await JSZip.loadAsync(changed);
    const sheet = await text.file('xl/worksheets/sheet2.xml')?.async('string');
    expect(sheet).toMatch(/<c r="A2" s="\d+" t="n"><v>/);
    expect(await text.file('xl/workbook.xml')?.async('string')).toContain('date1904="false"');
    await expectSameReadingAndVerdict(changed, before);
  });

  test('openpyxl: inline strings with character references, no XML declaration', async () => {
    const before = await original(12);
    const zip = await JSZip.loadAsync(before);
    const strings = plainSharedStrings((await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '');
    expect(strings.length).toBeGreaterThan(20);
    const changed = await rewritten(before, (name, xml) => {
      if (name === 'xl/sharedStrings.xml') return null;
      const bare = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
      if (name === 'xl/_rels/workbook.xml.rels') return bare.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, '');
      if (name === '[Content_Types].xml') return bare.replace(/<Override [^>]*sharedStrings[^>]*\/>/, '');
      if (!isWorksheet(name)) return bare;
      return bare.replace(/<c ([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, before: string, after: string, index: string) => {
        return `<c ${before}${after} t="inlineStr"><is><t>${characterReferences(strings[Number(index)] ?? '')}</t></is></c>`;
      });
    });
    const sheet = await (await JSZip.loadAsync(changed)).file('xl/worksheets/sheet2.xml')?.async('string');
    expect(sheet?.startsWith('<worksheet')).toBe(true);
    expect(sheet).toMatch(/t="inlineStr"><is><t>[^<]*&#\d+;/);
    await expectSameReadingAndVerdict(changed, before);
  });

  test('openpyxl\'s hand-written shapes: character references, t="str" and t="n" formula results, no declaration', async () => {
    const bytes = await handWritten({
      sheet:
        `<worksheet ${MAIN}><sheetData>` +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>Nguy&#7877;n V&#259;n &#7854;n</t></is></c><c r="B1" t="n"><v>3</v></c><c r="C1" t="str"><f>A1&amp;"x"</f><v>Nguy&#7877;n x</v></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> &#x110;&#x1ea3;ng </t></is></c><c r="B2" t="n"><f>B1*2</f><v>6</v></c><c r="C2" t="b"><v>0</v></c></row>` +
        `</sheetData></worksheet>`,
    });
    const data = await expectSameAsExcelJs(bytes);
    expect(data.sheets[0]?.values).toEqual([
      ['Nguyễn Văn Ắn', 3, 'Nguyễn x'],
      [' Đảng ', 6, false],
    ]);
  });

  test("Excel's shared formulas: the cached result of every cell of the range", async () => {
    const bytes = await handWritten({
      sheet:
        `<worksheet ${MAIN}><sheetData>` +
        `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>` +
        `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>` +
        `<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3" t="str"><f t="shared" ref="C3:C4" si="1">"k"&amp;A3</f><v>k3</v></c></row>` +
        `<row r="4"><c r="C4" t="str"><f t="shared" si="1"/><v>k4</v></c></row>` +
        `</sheetData></worksheet>`,
    });
    const data = await expectSameAsExcelJs(bytes);
    expect(data.sheets[0]?.values).toEqual([
      [1, 2, null],
      [2, 4, null],
      [3, 6, 'k3'],
      [null, null, 'k4'],
    ]);
  });
});

describe('the byte scan reads what the text scan reads', () => {
  const ctx: SheetContext = { sharedStrings: ['không', 'một', 'Hai', ''], dates: [false, true, false], date1904: false, maxCells: 100_000 };
  const bytesOf = (xml: string): Uint8Array => new TextEncoder().encode(xml);

  const attribute = fc.oneof(
    fc.constantFrom(
      ' s="1"',
      ' s="2"',
      ' s=""',
      " s='1'",
      ' s = "1"',
      ' t="s"',
      ' t="n"',
      ' t="b"',
      ' t="e"',
      ' t="str"',
      ' t="d"',
      ' t="inlineStr"',
      ' t="&#115;"',
    ),
    // A `>` inside a value ends the tag for the text scan; a stray `/` before the end.
    fc.constantFrom(' cm="1"', ' x14ac:dyDescent="0.25"', ' ph="1"', ' vm="1"', '\n  s="1"', ' s="&#49;"', ' 1x="2"', ' s="1>"', ' t="s"/ '),
  );
  const content = fc.constantFrom(
    '<v>0</v>',
    '<v>1</v>',
    '<v>2</v>',
    '<v>12</v>',
    '<v>45725</v>',
    '<v>-1.5</v>',
    '<v>1.5E3</v>',
    '<v> 7 </v>',
    '<v>&#49;2</v>',
    '<v>#N/A</v>',
    '<v>2025-03-08</v>',
    '<v>Nguyễn &amp; Văn</v>',
    '<v>dòng\r\nhai</v>',
    '<v>1234567890123456789</v>',
    '<v></v>',
    '<f>A1*2</f><v>4</v>',
    '<f aca="false">A1</f>',
    '<f t="shared" si="0"/><v>3</v>',
    '<is><t>Trực &#7855;</t><rPh sb="0" eb="1"><t>x</t></rPh></is>',
    '<v>1</v><extLst/>',
    '',
  );
  const reference = fc.constantFrom(
    '',
    ' r="A1"',
    ' r="B2"',
    ' r="AA10"',
    ' r="$C$3"',
    ' r="a4"',
    ' r="XFD1"',
    ' r="A0"',
    ' r="A1048576"',
    " r='D5'",
    ' r="&#65;6"',
    ' r="B>2"',
  );
  const cell = fc.record({ reference, attributes: fc.array(attribute, { maxLength: 3 }), content, selfClosing: fc.boolean() });
  const row = fc.record({
    r: fc.constantFrom('', ' r="1"', ' r="3"', ' r="2" spans="1:3"', ' r="x"', ' r="12345678901234567"', ' ht="16" r="4"'),
    cells: fc.array(cell, { maxLength: 5 }),
  });
  const sheet = fc.record({
    prefix: fc.constantFrom('', 'x:', 'ns1.a-b:'),
    rows: fc.array(row, { maxLength: 6 }),
    merge: fc.constantFrom('', 'A1:B2', 'B2:B3', '$A$1:A2'),
  });

  function sheetXml(s: {
    prefix: string;
    rows: { r: string; cells: { reference: string; attributes: string[]; content: string; selfClosing: boolean }[] }[];
    merge: string;
  }): string {
    const p = s.prefix;
    const withPrefix = (content: string): string => content.replace(/<(\/?)(v|f|is|t|rPh|extLst)\b/g, `<$1${p}$2`);
    const rows = s.rows
      .map(
        (r) =>
          `<${p}row${r.r}>` +
          r.cells
            .map((c) =>
              c.selfClosing
                ? `<${p}c${c.reference}${c.attributes.join('')}/>`
                : `<${p}c${c.reference}${c.attributes.join('')}>${withPrefix(c.content)}</${p}c>`,
            )
            .join('') +
          `</${p}row>`,
      )
      .join('');
    const merges = s.merge === '' ? '' : `<${p}mergeCells><${p}mergeCell ref="${s.merge}"/></${p}mergeCells>`;
    return `<?xml version="1.0"?>\n<${p}worksheet ${MAIN.replace('xmlns=', p ? `xmlns:${p.slice(0, -1)}=` : 'xmlns=')}><${p}sheetData>${rows}</${p}sheetData>${merges}</${p}worksheet>`;
  }

  test('random worksheets: the same grid (or the same refusal), and the rows and cells counted as inflatePart counts them', () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const xml = sheetXml(s);
        const bytes = bytesOf(xml);
        const read = (f: () => SheetGrid): unknown => {
          try {
            return f();
          } catch (error) {
            return (error as Error).message;
          }
        };
        expect(read(() => worksheetValuesOfBytes('T', false, bytes, ctx))).toEqual(read(() => worksheetValues('T', false, xml, ctx)));
        const counted = countSheetTags(bytes);
        const limits = { ...DEFAULT_ZIP_LIMITS, maxSheetRows: counted.rows, maxSheetCells: counted.cells };
        expect(() => worksheetValuesOfBytes('T', false, bytes, ctx, { partName: 'xl/worksheets/sheet1.xml', limits })).not.toThrow(
          /vượt giới hạn .* dòng/,
        );
        if (counted.cells > 0) {
          expect(() =>
            worksheetValuesOfBytes('T', false, bytes, ctx, {
              partName: 'xl/worksheets/sheet1.xml',
              limits: { ...limits, maxSheetCells: counted.cells - 1 },
            }),
          ).toThrow(/sheet1\.xml/);
        }
      }),
      params(300),
    );
  });

  test('a cell that never ends, and a tag cut at the end of the part', () => {
    for (const xml of [
      `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>X</f><v>2</v></sheetData></worksheet>`,
      `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"`,
      `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>5</v></c><c`,
    ]) {
      expect(worksheetValuesOfBytes('T', false, bytesOf(xml), ctx)).toEqual(worksheetValues('T', false, xml, ctx));
    }
  });
});
