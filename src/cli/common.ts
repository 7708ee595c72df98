/** What the `bontot` subcommands share: output streams, --policy, --as-of, generated-file detection. */
import { promises as fs, readdirSync, statSync } from 'fs';
import { isValidYmd, todayIso } from '../core/dates';
import { policyFromJson, type Policy } from '../core/policy';
import type { IsoDate } from '../core/types';
import { UsageError } from './args';
import { expandInputs, NoMatchError, type EntryType, type FileSystemView } from './inputs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export const EXIT_OK = 0;
export const EXIT_NOT_ELIGIBLE = 1;
export const EXIT_ERROR = 2;

/** --as-of YYYY-MM-DD, validated; today when absent. */
export function parseAsOf(value: string | undefined): IsoDate {
  if (value === undefined) return todayIso();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match || !isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new UsageError(`--as-of "${value}" không hợp lệ; cần một ngày có thật dạng YYYY-MM-DD (ví dụ 2025-12-31).`);
  }
  return value.trim();
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
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`Tệp cấu hình "${path}" không phải JSON hợp lệ: ${(error as Error).message}.`);
  }
  const parsed = policyFromJson(json);
  if (!parsed.ok) {
    throw new UsageError(`Tệp cấu hình "${path}" không hợp lệ:\n${parsed.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return parsed.policy;
}

/** Which files the product wrote: shared with the standalone page (src/workbook/consolidate.ts). */
export { generatedKind, type GeneratedKind } from '../workbook/consolidate';
import type { GeneratedKind } from '../workbook/consolidate';

export const GENERATED_NOTES: Record<GeneratedKind, string> = {
  'tong-hop': 'Bỏ qua: đây là bản "Tổng hợp" do bontot tạo, không phải sổ tính của tổ chức.',
  consolidation: 'Bỏ qua: đây là danh sách tổng hợp do bontot tạo; dùng "bontot consolidate" để đọc lại.',
  other: 'Bỏ qua: tệp do bontot tạo, không phải sổ tính của tổ chức.',
};

export async function fileExists(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
