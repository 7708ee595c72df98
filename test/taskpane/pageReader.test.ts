/**
 * The page's reader (taskpane/reader.ts): the values reader where the platform inflates
 * 'deflate-raw' (the ExcelJS chunk is never asked for), the ExcelJS chunk's reader elsewhere, and a
 * chunk that fails to load reported like a read error with the page's message. Node's globals
 * stand in for the browser's (DecompressionStream, Blob streams).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as xlsx from '../../src/hosts/xlsx/exceljs';
import { nodeInflateRaw } from '../../src/hosts/xlsx/node';
import { readBoardInput } from '../../taskpane/board';
import { pageReader } from '../../taskpane/reader';

const SAMPLE = readFileSync(join(__dirname, '..', '..', 'samples', 'chi-bo-mau.xlsx'));
const AS_OF = '2026-01-15';
type StreamClass = new (format: string) => TransformStream<Uint8Array, Uint8Array>;
const globals = globalThis as { DecompressionStream?: StreamClass };
const Native = globals.DecompressionStream as StreamClass;

afterEach(() => {
  globals.DecompressionStream = Native;
});

test('where the platform inflates deflate-raw, files are read without asking for the ExcelJS chunk', async () => {
  let loads = 0;
  const reader = pageReader(async () => {
    loads += 1;
    return xlsx;
  });
  const data = await reader.readWorkbookData(SAMPLE);
  expect(loads).toBe(0);
  expect(data).toEqual(await xlsx.readWorkbookValues(SAMPLE, { inflateRaw: nodeInflateRaw }));
});

test('without DecompressionStream the ExcelJS chunk reads, to the same check; a chunk that fails is a read error', async () => {
  delete globals.DecompressionStream;
  let loads = 0;
  const reader = pageReader(async () => {
    loads += 1;
    return xlsx;
  });
  const fallback = await readBoardInput('a.xlsx', async () => SAMPLE, reader, AS_OF);
  expect(loads).toBe(1);
  globals.DecompressionStream = Native;
  const values = await readBoardInput(
    'a.xlsx',
    async () => SAMPLE,
    pageReader(() => Promise.reject(new Error('unused'))),
    AS_OF,
  );
  expect(fallback).toEqual(values);
  expect(values.status).toBe('checked');

  delete globals.DecompressionStream;
  const failing = pageReader(() => Promise.reject(new Error('Loading chunk 7 failed.')));
  await expect(readBoardInput('b.xlsx', async () => SAMPLE, failing, AS_OF)).resolves.toEqual({
    file: 'b.xlsx',
    status: 'error',
    message: 'Không tải được bộ đọc tệp Excel: Loading chunk 7 failed.',
  });
});
