/**
 * What `bontot` loads at start (issue 25): a check reads and decides without ExcelJS, which loads
 * only when a command writes; --help and --version load no command and no core. Runs the CLI as
 * tsc compiles it (module by module, so each load is visible); test/cli/bundle.test.ts checks the
 * built bundle the same way.
 */
import { join } from 'path';
import { compiledLauncher, ROOT, tempDir } from './helpers';
import { fromPackage, runTraced } from './trace';

const SAMPLE = join(ROOT, 'samples', 'chi-bo-mau.xlsx');

/** The launcher's own modules under dist/cli: the core, the rules and the readers live elsewhere. */
const coreModules = (modules: readonly string[]): string[] => modules.filter((file) => /\/dist\/cli\/(core|workbook|hosts)\//.test(file));

let launcher: string;
beforeAll(() => {
  launcher = compiledLauncher();
}, 120_000);

test('check of the sample, text and --json, loads no ExcelJS (its verdict needs only the values reader)', () => {
  for (const args of [
    ['check', SAMPLE, '--json'],
    ['check', SAMPLE],
  ]) {
    const run = runTraced(launcher, args, ROOT);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    expect(run.modules.some((file) => file.endsWith(join('dist', 'cli', 'cli', 'check.js')))).toBe(true);
    expect(fromPackage(run.modules, 'exceljs')).toEqual([]);
    expect(fromPackage(run.modules, 'jszip')).toEqual([]);
  }
});

test('a file that cannot be read is reported without loading ExcelJS', () => {
  const dir = tempDir('bontot-startup-');
  const run = runTraced(launcher, ['check', join(dir, 'khong-co.xlsx'), '--json'], dir);
  expect(run.status).toBe(2);
  expect(JSON.parse(run.stdout).files[0].error).toContain('Không tìm thấy tệp');
  expect(fromPackage(run.modules, 'exceljs')).toEqual([]);
});

test.each([[['--help']], [['--version']], [['help', 'check']], [['check', '--help']]])('%j loads neither the core nor zod nor ExcelJS', (args) => {
  const run = runTraced(launcher, args, ROOT);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/bontot/);
  if (args[0] !== 'check') expect(coreModules(run.modules)).toEqual([]);
  if (args[0] !== 'check') expect(fromPackage(run.modules, 'zod')).toEqual([]);
  expect(fromPackage(run.modules, 'exceljs')).toEqual([]);
});

test('the commands that write load ExcelJS (the trace sees it): template, check --write-summary', () => {
  const dir = tempDir('bontot-startup-');
  const template = runTraced(launcher, ['template', join(dir, 'mau.xlsx')], dir);
  expect(template.status).toBe(0);
  expect(fromPackage(template.modules, 'exceljs').length).toBeGreaterThan(0);
  const summary = runTraced(launcher, ['check', join(dir, 'mau.xlsx'), '--write-summary'], dir);
  expect(summary.stdout).toContain('Đã ghi bản tổng hợp');
  expect(fromPackage(summary.modules, 'exceljs').length).toBeGreaterThan(0);
});
