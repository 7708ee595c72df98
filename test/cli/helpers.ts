/** Runs `bontot` as a separate process (ts-node, transpile only) and builds fixture workbooks. */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeWorkbookFile } from '../../src/hosts/xlsxFile';
import type { SheetLayout } from '../../src/workbook/types';

export const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli.ts');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `bontot ...args` in `cwd`, as a child process. */
export function runCli(args: readonly string[], cwd: string = ROOT): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), CLI, ...args], {
      cwd,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function tempDir(prefix = 'bontot-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export async function writeLayouts(path: string, layouts: SheetLayout[], kind: string | null = null): Promise<string> {
  await writeWorkbookFile(layouts, path, { kind });
  return path;
}

/** An OLE2 (.xls) header followed by zeros: what Excel 97-2003 files start with. */
export function fakeXls(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}
