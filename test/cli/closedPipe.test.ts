/**
 * `bontot check … | head`: the reader of the output goes away before the report ends. The command
 * finishes without a stack trace, with its own exit status, and still writes what it was asked to.
 */
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { ROOT, tempDir } from './helpers';

function runClosingStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'bontot.js'), ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // As `head -1` does: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output into a pipe that closes early', () => {
  it('check: no EPIPE stack trace, the exit status of the verdict', async () => {
    const run = await runClosingStdout(['check', 'samples/chi-bo-mau.xlsx', 'samples/dang-bo-mau.xlsx', '--as-of', '2026-01-15']);
    expect(run.stderr).not.toMatch(/EPIPE|Error|Lỗi/);
    expect(run.code).toBe(1);
  });

  it('consolidate: the list is still written', async () => {
    const out = join(tempDir('bontot-pipe-'), 'tong-hop.xlsx');
    const run = await runClosingStdout(['consolidate', 'samples/chi-bo-mau.xlsx', 'samples/dang-bo-mau.xlsx', '-o', out, '--as-of', '2026-01-15']);
    expect(run.stderr).not.toMatch(/EPIPE|Error|Lỗi/);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
