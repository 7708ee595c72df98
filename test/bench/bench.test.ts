/**
 * The benchmark harness (bench/): its budget logic, how it reads taskpane.html, and the shape of
 * `npm run bench -- --json` from a quick run of the real harness. Nothing here asserts on time:
 * the quick run's numbers mean nothing, only their presence and types are checked.
 * Needs the build (`npm test` builds first).
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { BUDGETS, budgetFailures, METRIC_NAMES, type Metrics } from '../../bench/budgets';
import { isInitialScript, scriptSources } from '../../bench/sizes';

const ROOT = join(__dirname, '..', '..');

function passing(): Metrics {
  return {
    syncs_check_small: 2,
    syncs_check_large: 2,
    syncs_summary_small: 2,
    syncs_summary_large: 2,
    syncs_record_meeting: 2,
    core_vs_parse_ratio: 0.05,
    check_vs_inflate_ratio: 2,
    consolidate_vs_load_ratio: 1.25,
    consolidate_rss_ratio: 1.5,
    fn_overhead_ratio: 3,
    functions_js_kb: 60,
    taskpane_initial_kb: 250,
    cli_small_vs_node_ratio: 2.5,
    page_first_verdict_kb: 350,
  };
}

describe('budgets', () => {
  test('every metric has exactly one budget', () => {
    const covered = BUDGETS.flatMap((b) => b.metrics);
    expect([...covered].sort()).toEqual([...METRIC_NAMES].sort());
  });

  test('values at the budget pass', () => {
    expect(budgetFailures(passing())).toEqual([]);
  });

  test.each(METRIC_NAMES.map((name) => [name]))('%s just above its budget fails', (name) => {
    const metrics = passing();
    const budget = BUDGETS.find((b) => b.metrics.includes(name));
    metrics[name] = (budget?.max ?? 0) + 0.001;
    const failures = budgetFailures(metrics);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.metrics).toContain(name);
    expect(failures[0]?.message).toContain(name);
  });

  test('a metric that was not measured breaks its budget', () => {
    const metrics = passing();
    metrics.fn_overhead_ratio = null;
    expect(budgetFailures(metrics).map((f) => f.message)).toEqual(['fn_overhead_ratio was not measured']);
    metrics.fn_overhead_ratio = Number.NaN;
    expect(budgetFailures(metrics)).toHaveLength(1);
  });

  test('sync counts must be equal for the small and the large workbook', () => {
    const metrics = passing();
    metrics.syncs_check_small = 1;
    const failures = budgetFailures(metrics);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.metrics).toEqual(['syncs_check_small', 'syncs_check_large']);
    metrics.syncs_check_small = 2;
    metrics.syncs_summary_large = 3;
    expect(budgetFailures(metrics)[0]?.message).toContain('syncs_summary_large = 3 > 2');
  });
});

describe('task pane scripts', () => {
  test('reads quoted and unquoted src attributes, in order', () => {
    const html =
      '<script src=assets/office-js/office.js></script><body><script src="functions.js"></script>' +
      "<script defer src='taskpane.js?v=1'></script><script>inline()</script>";
    expect(scriptSources(html)).toEqual(['assets/office-js/office.js', 'functions.js', 'taskpane.js?v=1']);
  });

  test('office.js (local or from the CDN) and lazy chunks do not count', () => {
    expect(isInitialScript('assets/office-js/office.js')).toBe(false);
    expect(isInitialScript('https://appsforoffice.microsoft.com/lib/1/hosted/office.js')).toBe(false);
    expect(isInitialScript('chunks/exceljs.1234abcd.js')).toBe(false);
    expect(isInitialScript('./chunks/exceljs.js')).toBe(false);
    expect(isInitialScript('functions.js')).toBe(true);
    expect(isInitialScript('taskpane.js')).toBe(true);
  });
});

describe('npm run bench -- --quick --json --check', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'run.js'), '--quick', '--json', '--check', '--no-build'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  const lines = (run.stdout ?? '').trim().split('\n');
  const last = lines[lines.length - 1] ?? '';

  test('prints the table, then one JSON object on the last line of stdout', () => {
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain('| metric | value | budget |');
    for (const name of METRIC_NAMES) expect(run.stdout).toContain(`| \`${name}\` |`);
    expect(last.startsWith('{')).toBe(true);
    expect(() => JSON.parse(last)).not.toThrow();
  });

  test('the JSON has every metric as a top-level number, and the budgets', () => {
    const report = JSON.parse(last) as Record<string, unknown>;
    expect(report.errors).toEqual({});
    for (const name of METRIC_NAMES) {
      expect(typeof report[name]).toBe('number');
      expect(Number.isFinite(report[name])).toBe(true);
    }
    for (const name of ['syncs_check_small', 'syncs_check_large', 'syncs_summary_small', 'syncs_summary_large', 'syncs_record_meeting']) {
      expect(Number.isInteger(report[name])).toBe(true);
    }
    expect(Object.keys(report.budgets as object).sort()).toEqual([...METRIC_NAMES].sort());
    expect(report.params).toMatchObject({ mode: 'quick' });
    expect(report.machine).toMatchObject({ nproc: expect.any(Number), node: process.version });
  });

  test('--check exits 1 exactly when the report lists a broken budget', () => {
    const report = JSON.parse(last) as { ok: boolean; failures: unknown[] };
    expect(report.ok).toBe(report.failures.length === 0);
    expect(run.status).toBe(report.ok ? 0 : 1);
  });
});
