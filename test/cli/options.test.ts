/** `bontot` options shared by the commands: --version, --as-of in the Vietnamese form, a --policy file that is not JSON. */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ROOT, runCli, tempDir } from './helpers';

const SAMPLE = join(ROOT, 'samples', 'chi-bo-mau.xlsx');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let dir: string;
beforeAll(() => {
  dir = tempDir('bontot-options-');
});

test.each([['--version'], ['-v']])('%s prints the package version, exit 0', async (flag) => {
  const run = await runCli([flag]);
  expect(run).toMatchObject({ code: 0, stdout: `bontot ${version}\n`, stderr: '' });
});

test('check: --as-of 15/01/2026 is the same day as 2026-01-15', async () => {
  const vietnamese = await runCli(['check', SAMPLE, '--json', '--as-of', '15/01/2026'], dir);
  const iso = await runCli(['check', SAMPLE, '--json', '--as-of', '2026-01-15'], dir);
  expect(vietnamese.code).toBe(iso.code);
  expect(JSON.parse(vietnamese.stdout).asOf).toBe('2026-01-15');
  expect(vietnamese.stdout).toBe(iso.stdout);
  // A day that does not exist, in either form, is a usage error.
  expect(await runCli(['check', SAMPLE, '--as-of', '29/02/2025'], dir)).toMatchObject({ code: 2 });
  expect((await runCli(['check', SAMPLE, '--as-of', '1/3/2026', '--json'], dir)).stdout).toContain('"asOf": "2026-03-01"');
});

test('consolidate: --as-of 15/01/2026 is accepted and reported as 2026-01-15', async () => {
  const run = await runCli(['consolidate', SAMPLE, '-o', join(dir, 'tong-hop.xlsx'), '--as-of', '15/01/2026', '--json'], dir);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).asOf).toBe('2026-01-15');
  const bad = await runCli(['consolidate', SAMPLE, '-o', join(dir, 'x.xlsx'), '--as-of', '32/01/2026'], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--as-of "32/01/2026" không hợp lệ');
});

describe('a --policy file that is not JSON: a Vietnamese message, exit 2', () => {
  test.each([
    // V8 gives no position for a wrong first token: no place then.
    ['an xlsx by mistake', 'PK\u0003\u0004 binary', ''],
    ['a trailing comma', '{\n  "durationRegular": 70,\n}\n', ' (lỗi ở dòng 3, cột 1)'],
    ['cut short', '{ "durationRegular": ', ' (lỗi ở dòng 1, cột 22)'],
  ])('%s', async (_name, content, place) => {
    writeFileSync(join(dir, 'p.json'), content);
    for (const command of [
      ['check', SAMPLE],
      ['consolidate', SAMPLE, '-o', join(dir, 'y.xlsx')],
    ]) {
      const run = await runCli([...command, '--policy', 'p.json'], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`Tệp cấu hình "p.json" không phải JSON hợp lệ${place}; cần một đối tượng JSON`);
      // Node's English parser message does not reach the user.
      expect(run.stderr).not.toMatch(/Unexpected|is not valid JSON|JSON input|position/);
    }
  });

  test('an empty file', async () => {
    writeFileSync(join(dir, 'rong.json'), '\uFEFF  \n');
    const run = await runCli(['check', SAMPLE, '--policy', 'rong.json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Tệp cấu hình "rong.json" trống; cần một đối tượng JSON');
  });
});
