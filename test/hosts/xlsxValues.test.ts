/**
 * The read path the standalone page bundles (src/hosts/xlsxValues.ts): the values reader through
 * the platform's DecompressionStream('deflate-raw'), and the format's detection — a platform whose
 * DecompressionStream lacks 'deflate-raw' (Safari before 16.4) or has none cannot read values, and
 * xlsx.ts's readWorkbookData reads with ExcelJS there, to the same verdict.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readWorkbookData } from '../../src/hosts/xlsx/exceljs';
import { nodeInflateRaw } from '../../src/hosts/xlsx/node';
import { canReadValues, readWorkbookValues } from '../../src/hosts/xlsx/values';
import { WorkbookReadError } from '../../src/hosts/xlsx/zip';
import { checkWorkbook } from '../../src/workbook/check';

const SAMPLE = readFileSync(join(__dirname, '..', '..', 'samples', 'chi-bo-mau.xlsx'));
const AS_OF = '2026-01-15';

type StreamClass = new (format: string) => TransformStream<Uint8Array, Uint8Array>;
const globals = globalThis as { DecompressionStream?: StreamClass };
const Native = globals.DecompressionStream as StreamClass;

afterEach(() => {
  globals.DecompressionStream = Native;
});

/** A DecompressionStream that knows 'gzip' and 'deflate' but not 'deflate-raw', as older Safari. */
class WithoutDeflateRaw extends Native {
  constructor(format: string) {
    if (format === 'deflate-raw') throw new TypeError(`Unsupported compression format: '${format}'`);
    super(format);
  }
}

test("with the platform's stream the values reader reads what it reads with zlib", async () => {
  expect(canReadValues()).toBe(true);
  const streamed = await readWorkbookValues(SAMPLE);
  const inflated = await readWorkbookValues(SAMPLE, { inflateRaw: nodeInflateRaw });
  expect(streamed).toEqual(inflated);
  expect(streamed.sheets.length).toBeGreaterThan(3);
});

test.each([
  ["a DecompressionStream without 'deflate-raw'", (): void => void (globals.DecompressionStream = WithoutDeflateRaw)],
  ['no DecompressionStream', (): void => void delete globals.DecompressionStream],
])('%s: values cannot be read; readWorkbookData falls back to ExcelJS with the same verdict', async (_name, takeAway) => {
  const values = await readWorkbookValues(SAMPLE, { inflateRaw: nodeInflateRaw });
  const expected = checkWorkbook(values.sheets, { asOf: AS_OF });
  takeAway();
  expect(canReadValues()).toBe(false);
  expect(canReadValues(nodeInflateRaw)).toBe(true);
  // Small parts go through the stream too when there is no synchronous inflater: refused plainly.
  const refused = await readWorkbookValues(SAMPLE).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(WorkbookReadError);
  expect((refused as WorkbookReadError).message).toMatch(/không giải nén được/);
  const fallback = await readWorkbookData(SAMPLE);
  expect(fallback.generatedKind).toBe(values.generatedKind);
  expect(checkWorkbook(fallback.sheets, { asOf: AS_OF })).toEqual(expected);
});
