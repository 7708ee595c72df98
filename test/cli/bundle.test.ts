/**
 * The bundled CLI (dist/cli/bontot.js + commands.js, webpack.cli.config.js;
 * needs `npm run build`, so `npm run test:unit` leaves it out): bin/bontot.js runs it, it answers
 * as the module-by-module build does, and it loads ExcelJS and the commands only when needed.
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { compiledLauncher, ROOT, tempDir } from './helpers';
import { fromPackage, runTraced } from './trace';

const SAMPLE = join(ROOT, 'samples', 'chi-bo-mau.xlsx');
const BIN = join(ROOT, 'bin', 'bontot.js');
const BUNDLE = join(ROOT, 'dist', 'cli', 'bontot.js');
const COMMANDS = join(ROOT, 'dist', 'cli', 'commands.js');

test('npm run build wrote the bundle and bin/bontot.js runs it', () => {
  expect(existsSync(BUNDLE)).toBe(true);
  const run = runTraced(BIN, ['check', SAMPLE, '--json'], ROOT);
  expect(run.modules).toContain(BUNDLE);
  expect(run.modules).toContain(COMMANDS);
});

test('check of the sample: the same output and exit status as the module-by-module build, without ExcelJS', () => {
  const asOf = ['--as-of', '2026-01-15'];
  for (const args of [
    ['check', SAMPLE, '--json', ...asOf],
    ['check', SAMPLE, ...asOf],
  ]) {
    const bundled = runTraced(BIN, args, ROOT);
    const modular = runTraced(compiledLauncher(), args, ROOT);
    expect(bundled.stdout).toBe(modular.stdout);
    expect(bundled.stderr).toBe(modular.stderr);
    expect(bundled.status).toBe(modular.status);
    expect(fromPackage(bundled.modules, 'exceljs')).toEqual([]);
  }
}, 120_000);

test.each([[['--help']], [['--version']]])('%j reads only the launcher part of the bundle', (args) => {
  const run = runTraced(BIN, args, ROOT);
  expect(run.status).toBe(0);
  expect(run.modules).toContain(BUNDLE);
  expect(run.modules).not.toContain(COMMANDS);
  expect(fromPackage(run.modules, 'exceljs')).toEqual([]);
});

test('the commands that write load ExcelJS', () => {
  const dir = tempDir('bontot-bundle-');
  const template = runTraced(BIN, ['template', join(dir, 'mau.xlsx')], dir);
  expect(template.status).toBe(0);
  expect(fromPackage(template.modules, 'exceljs').length).toBeGreaterThan(0);
  const out = join(dir, 'tong-hop.xlsx');
  const consolidate = runTraced(BIN, ['consolidate', SAMPLE, join(dir, 'mau.xlsx'), '-o', out, '--json'], dir);
  expect(consolidate.stderr).toBe('');
  expect(consolidate.status).toBe(0);
  expect(JSON.parse(consolidate.stdout).rows).toHaveLength(2);
  expect(existsSync(out)).toBe(true);
}, 120_000);
