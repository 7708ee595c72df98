/**
 * File-system wrappers of the ExcelJS adapter (Node only: the CLI, scripts, tests).
 * The browser page imports exceljs.ts directly and never this file.
 */
import { promises as fs } from 'fs';
import { inflateRawSync } from 'zlib';
import { msg } from '../../core/messages';
import type { SheetGrid, SheetLayout } from '../../workbook/types';
import { readWorkbookData as readWorkbookDataWith, writeWorkbookBuffer, type ReadOptions, type WorkbookData, type WriteOptions } from './exceljs';
import { WorkbookReadError, type InflateRawSync } from './zip';

// What the CLI takes from here besides the functions below: the read error and the read's types.
export { WorkbookReadError, type ReadOptions, type WorkbookData, type WriteOptions };

/** zlib's synchronous raw inflate, stopped at `maxBytes` of output (the zip checks' fast path). */
export const nodeInflateRaw: InflateRawSync = (compressed, maxBytes) => {
  try {
    // maxOutputLength must be at least 1; a part declared empty that inflates to a byte is caught
    // by the caller's length check.
    // One output chunk of the declared size (plus a byte, to see a part that yields more): zlib
    // then returns it as it is instead of concatenating 16 KB chunks into a copy.
    const limit = Math.max(1, maxBytes);
    return inflateRawSync(compressed, { maxOutputLength: limit, chunkSize: Math.max(64, Math.min(limit + 1, 64 * 1024 * 1024)) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw error;
  }
};

/** readWorkbookData of exceljs.ts with Node's inflater for the zip checks. */
export function readWorkbookData(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookData> {
  return readWorkbookDataWith(data, { inflateRaw: nodeInflateRaw, ...options });
}

/** readWorkbookBuffer of exceljs.ts with Node's inflater for the zip checks. */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return (await readWorkbookData(data, options)).sheets;
}

/** Reads a file's bytes; a missing or unreadable path becomes a WorkbookReadError with a Vietnamese message. */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) {
      throw new WorkbookReadError('NOT_FOUND', msg('read.directory', { path }));
    }
    return new Uint8Array(await fs.readFile(path));
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookReadError('NOT_FOUND', msg('read.notFound', { path }));
    if (code === 'EACCES' || code === 'EPERM') {
      throw new WorkbookReadError('NOT_FOUND', msg('read.noPermission', { path }));
    }
    throw new WorkbookReadError('NOT_FOUND', msg('read.failed', { path, detail: (error as Error).message }));
  }
}

/** A path, or bytes already in memory. */
export type WorkbookSource = string | ArrayBuffer | Uint8Array;

export async function readWorkbookFileData(source: WorkbookSource, options: ReadOptions = {}): Promise<WorkbookData> {
  const bytes = typeof source === 'string' ? await readFileBytes(source) : source;
  return readWorkbookData(bytes, options);
}

/** Reads a workbook file (or bytes) into grids. Throws WorkbookReadError with a Vietnamese message. */
export async function readWorkbookFile(source: WorkbookSource, options: ReadOptions = {}): Promise<SheetGrid[]> {
  return (await readWorkbookFileData(source, options)).sheets;
}

/** Writes layouts to a new `.xlsx` at `path`, or returns the bytes when no path is given. */
export async function writeWorkbookFile(layouts: readonly SheetLayout[], path: string, options?: WriteOptions): Promise<void>;
export async function writeWorkbookFile(layouts: readonly SheetLayout[], path?: undefined, options?: WriteOptions): Promise<Uint8Array>;
export async function writeWorkbookFile(layouts: readonly SheetLayout[], path?: string, options: WriteOptions = {}): Promise<void | Uint8Array> {
  const bytes = await writeWorkbookBuffer(layouts, options);
  if (path === undefined) return bytes;
  // Write beside, then rename: a crash never leaves a half-written file under the final name.
  const temp = `${path}.${process.pid}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, path);
}
