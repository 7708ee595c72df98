/** What the `bontot` subcommands share: output streams, --policy, --as-of, reading files from disk. */
import { promises as fs, readdirSync, statSync } from 'fs';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { isValidYmd, todayIso } from '../core/dates';
import { messageIn, type Lang } from '../core/messages';
import { policyFromJson, type Policy } from '../core/policy';
import type { IsoDate } from '../core/types';
import { readFileBytes, readWorkbookData } from '../hosts/xlsx/node';
import type { CheckFileHost } from '../workbook/checkFile';
import { UsageError } from './args';
import { expandInputs, NoMatchError, type EntryType, type FileSystemView } from './inputs';

export { EXIT_ERROR, EXIT_NOT_ELIGIBLE, EXIT_OK, errorMessage, processIo, type CliIo } from './io';

/** --as-of as dd/mm/yyyy (the Vietnamese form, e.g. 15/01/2026) or YYYY-MM-DD, validated; today when absent. */
export function parseAsOf(value: string | undefined): IsoDate {
  if (value === undefined) return todayIso();
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vietnamese
      ? [Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1])]
      : [NaN, NaN, NaN];
  if (!isValidYmd(year, month, day)) {
    throw new UsageError(
      `--as-of "${value}" không hợp lệ; cần một ngày có thật dạng dd/mm/yyyy (ví dụ 31/12/2025) hoặc YYYY-MM-DD (ví dụ 2025-12-31).`,
      `--as-of "${value}" is not valid; give a real date written dd/mm/yyyy (for example 31/12/2025) or YYYY-MM-DD (for example 2025-12-31).`,
    );
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Where a JSON text stops parsing, as "dòng L, cột C" / "line L, column C" (from V8's "at position N"), or null. */
function jsonErrorPlace(text: string, error: unknown, lang: 'vi' | 'en' = 'vi'): string | null {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  const offset = position ? Number(position[1]) : /Unexpected end of JSON input/.test(String(error)) ? text.length : null;
  if (offset === null) return null;
  const before = text.slice(0, offset).split('\n');
  const column = (before[before.length - 1] ?? '').length + 1;
  return lang === 'vi' ? `dòng ${before.length}, cột ${column}` : `line ${before.length}, column ${column}`;
}

/** --policy P.json: the same settings as the `Cấu hình` sheet. Invalid → usage error naming the setting. */
export async function loadPolicy(path: string | undefined): Promise<Policy | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `Không tìm thấy tệp cấu hình "${path}".` : `Không đọc được tệp cấu hình "${path}" (${(error as Error).message}).`,
      code === 'ENOENT' ? `Policy file "${path}" not found.` : `Policy file "${path}" cannot be read (${(error as Error).message}).`,
    );
  }
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  const exampleJson = '{"criterionMinPercent": 90, "severity.SPEAKERS_LOW": "warn"}';
  if (body.trim() === '') {
    throw new UsageError(
      `Tệp cấu hình "${path}" trống; cần một đối tượng JSON, ví dụ ${exampleJson}.`,
      `Policy file "${path}" is empty; a JSON object is needed, for example ${exampleJson}.`,
    );
  }
  try {
    json = JSON.parse(body);
  } catch (error) {
    // Node's own message is English ("Unexpected token …"): say it in Vietnamese, with the place.
    const place = jsonErrorPlace(body, error);
    const placeEn = jsonErrorPlace(body, error, 'en');
    throw new UsageError(
      `Tệp cấu hình "${path}" không phải JSON hợp lệ${place ? ` (lỗi ở ${place})` : ''}; cần một đối tượng JSON, ví dụ ${exampleJson}.`,
      `Policy file "${path}" is not valid JSON${placeEn ? ` (error at ${placeEn})` : ''}; a JSON object is needed, for example ${exampleJson}.`,
    );
  }
  const parsed = policyFromJson(json);
  if (!parsed.ok) {
    const list = (lang: Lang): string => parsed.errors.map((e) => `  - ${messageIn(e, lang)}`).join('\n');
    throw new UsageError(`Tệp cấu hình "${path}" không hợp lệ:\n${list('vi')}`, `Policy file "${path}" is not valid:\n${list('en')}`);
  }
  return parsed.policy;
}

/** A file on disk as checkFile reads it (src/workbook/checkFile.ts): Node's reader, bytes dropped once read. */
export function diskFile(path: string): CheckFileHost {
  return { bytes: () => readFileBytes(path), read: (bytes) => readWorkbookData(bytes) };
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

function entryType(path: string): EntryType | null {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** The disk as src/cli/inputs.ts sees it; links are followed (the walk's depth is bounded there). */
export const diskView: FileSystemView = {
  typeOf: entryType,
  list(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((entry) => ({
        name: entry.name,
        type: entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : entry.isSymbolicLink() ? entryType(`${path}/${entry.name}`) : null,
      }));
    } catch {
      return [];
    }
  },
};

/** The command's file arguments with folders and patterns expanded; a pattern matching nothing is a usage error. */
export function inputFiles(args: readonly string[], recursive: boolean): string[] {
  try {
    return expandInputs(args, diskView, { recursive });
  } catch (error) {
    if (error instanceof NoMatchError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * One full collection, between reading many files and a large write: the reading leaves garbage
 * in the old generation that V8 has no reason to collect yet, and the write (ExcelJS and its
 * workbook) would then come on top of it — the command's peak memory grew with the number of
 * inputs. The same way jest-leak-detector reaches `gc` without `--expose-gc` on the command line;
 * where it is not possible, nothing happens.
 */
export function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Not available in this runtime: the write goes on without it.
  }
}
