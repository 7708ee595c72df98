/** Runs `bontot` as a separate process (ts-node, transpile only) and builds fixture workbooks. */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeWorkbookFile } from '../../src/hosts/xlsx/node';
import type { SheetLayout } from '../../src/workbook/types';

export const ROOT = join(__dirname, '..', '..');

/**
 * The CLI compiled once (tsc -p tsconfig.cli.json) into build/cli-test-<hash of the sources>/,
 * with bin/bontot.js copied beside it, so every test runs the real launcher on the current
 * sources. The hash makes the compile happen once per source change, shared by test files.
 */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (path: string): void => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.endsWith('.ts')) hash.update(full).update(readFileSync(full));
    }
  };
  walk(join(ROOT, 'src'));
  for (const file of ['tsconfig.json', 'tsconfig.cli.json', 'bin/bontot.js']) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

let launcher: string | Error | null = null;

export function compiledLauncher(): string {
  if (launcher instanceof Error) throw launcher;
  if (launcher) return launcher;
  const base = join(ROOT, 'build', `cli-test-${sourceHash()}`);
  const bin = join(base, 'bin', 'bontot.js');
  if (!existsSync(bin)) {
    const staging = `${base}.${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    const tsc = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.cli.json'), '--outDir', join(staging, 'dist', 'cli')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    if (tsc.status !== 0) {
      launcher = new Error(`tsc -p tsconfig.cli.json failed:\n${tsc.stdout}${tsc.stderr}`);
      throw launcher;
    }
    mkdirSync(join(staging, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'bontot.js'), join(staging, 'bin', 'bontot.js'));
    try {
      renameSync(staging, base);
    } catch {
      // Another test file compiled the same sources first.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  launcher = bin;
  return bin;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `bontot ...args` in `cwd`, as a child process running the launcher. */
export function runCli(args: readonly string[], cwd: string = ROOT): Promise<RunResult> {
  const bin = compiledLauncher();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } });
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
