/**
 * The metrics of `npm run bench` and their budgets (issue 11). Metric names are an interface:
 * the JSON line carries them as top-level keys, the README table shows them, `--check` enforces
 * the budgets below. Budgets are not to be moved to make a run pass.
 */

export const METRIC_NAMES = [
  'syncs_check_small',
  'syncs_check_large',
  'syncs_summary_small',
  'syncs_summary_large',
  'syncs_record_meeting',
  'core_vs_parse_ratio',
  'check_vs_inflate_ratio',
  'consolidate_vs_load_ratio',
  'consolidate_rss_ratio',
  'fn_overhead_ratio',
  'functions_js_kb',
  'taskpane_initial_kb',
  'cli_small_vs_node_ratio',
  'page_first_verdict_kb',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

/** A measured value; null when it could not be measured (counts as a broken budget). */
export type Metrics = Record<MetricName, number | null>;

export interface Budget {
  /** The metrics the budget is about (one, or a pair that must also be equal). */
  metrics: readonly MetricName[];
  max: number;
  /** Every metric of the budget must have the same value. */
  equal?: boolean;
  /** How the budget reads in the table. */
  text: string;
  /** What is measured, for the table's legend and the README. */
  meaning: string;
}

export const BUDGETS: readonly Budget[] = [
  {
    metrics: ['syncs_check_small', 'syncs_check_large'],
    max: 2,
    equal: true,
    text: '≤ 2, and equal',
    meaning: 'context.sync() calls to read every sheet a check needs (Cấu hình included), 20 vs 5 000 members × 24 meetings, Office.js fake',
  },
  {
    metrics: ['syncs_summary_small', 'syncs_summary_large'],
    max: 2,
    equal: true,
    text: '≤ 2, and equal',
    meaning: 'context.sync() calls to write the Tổng hợp sheet, same two workbooks',
  },
  {
    metrics: ['syncs_record_meeting'],
    max: 2,
    text: '≤ 2',
    meaning:
      'context.sync() calls to save one meeting from the Ghi buổi sinh hoạt form (a Sinh hoạt row and a Điểm danh column), 5 000-member workbook, Office.js fake',
  },
  {
    metrics: ['core_vs_parse_ratio'],
    max: 0.05,
    text: '≤ 0.05',
    meaning: 'checkWorkbook time on the large workbook’s grids ÷ ExcelJS parse time of the same .xlsx',
  },
  {
    metrics: ['check_vs_inflate_ratio'],
    max: 2,
    text: '≤ 2',
    meaning:
      "reading the large workbook’s values and checkWorkbook ÷ zlib.inflateRawSync of every part of its zip plus one indexOf('<c ') pass over each, one warm process (issue 25)",
  },
  {
    metrics: ['consolidate_vs_load_ratio'],
    max: 1.25,
    text: '≤ 1.25',
    meaning: '`bontot consolidate` of 500 generated workbooks ÷ a plain ExcelJS load of the same files',
  },
  {
    metrics: ['consolidate_rss_ratio'],
    max: 1.5,
    text: '≤ 1.5',
    meaning: 'peak RSS of `bontot consolidate` on 500 files ÷ on 50 files',
  },
  {
    metrics: ['fn_overhead_ratio'],
    max: 3,
    text: '≤ 3',
    meaning: '100 000 MEETING_QUALITY calls through the bound function of dist/functions.js ÷ the same rule inline (meetingProblems)',
  },
  {
    metrics: ['functions_js_kb'],
    max: 60,
    text: '≤ 60',
    meaning: 'size of the minified dist/functions.js (KB)',
  },
  {
    metrics: ['taskpane_initial_kb'],
    max: 250,
    text: '≤ 250',
    meaning: 'scripts taskpane.html loads inside Excel before any interaction, except office.js and lazy chunks (KB)',
  },
  {
    metrics: ['cli_small_vs_node_ratio'],
    max: 2.5,
    text: '≤ 2.5',
    meaning: '`bontot check samples/chi-bo-mau.xlsx --json` ÷ `node -e 0`, whole processes, wall-clock medians measured in one run',
  },
  {
    metrics: ['page_first_verdict_kb'],
    max: 350,
    text: '≤ 350',
    meaning:
      'JavaScript the standalone page loads from its own origin before the verdict of `?sample=chi-bo-mau` shows, office.js and its companion files excluded, in Chromium (KB)',
  },
];

export interface BudgetFailure {
  metrics: readonly MetricName[];
  budget: string;
  message: string;
}

/** The budgets a set of metrics breaks (empty when every budget holds). */
export function budgetFailures(metrics: Metrics): BudgetFailure[] {
  const failures: BudgetFailure[] = [];
  for (const budget of BUDGETS) {
    const problems: string[] = [];
    for (const name of budget.metrics) {
      const value = metrics[name];
      if (value === null || !Number.isFinite(value)) problems.push(`${name} was not measured`);
      else if (value > budget.max) problems.push(`${name} = ${value} > ${budget.max}`);
    }
    if (budget.equal && problems.length === 0) {
      const values = budget.metrics.map((name) => metrics[name]);
      if (new Set(values).size > 1) problems.push(`${budget.metrics.join(' ≠ ')} (${values.join(' vs ')})`);
    }
    if (problems.length > 0) failures.push({ metrics: budget.metrics, budget: budget.text, message: problems.join('; ') });
  }
  return failures;
}

/** The budget a metric belongs to. */
export function budgetOf(name: MetricName): Budget {
  const budget = BUDGETS.find((b) => b.metrics.includes(name));
  if (!budget) throw new Error(`no budget for ${name}`);
  return budget;
}

/** Whether one metric, on its own, is within its budget (the pair's equality is checked by budgetFailures). */
export function withinBudget(name: MetricName, value: number | null): boolean {
  return value !== null && Number.isFinite(value) && value <= budgetOf(name).max;
}
