/**
 * The sheets the add-in generates in the open workbook: the summary (writeSheet, into a new or
 * its own earlier sheet, never over a person's sheet), the template's sheets (createTemplate),
 * the policy sheet (readPolicyEntries, writePolicy), and selecting a cell for the user.
 */

import { columnLetters } from '../../workbook/a1';
import { backupSheetName } from '../../workbook/legacyFix';
import { findMarker, MARKER_SEARCH_ROWS, placeMarker } from '../../workbook/generated';
import { isPolicySheetValues, type PolicyCellEntry, readPolicyGrid } from '../../workbook/layout/policySheet';
import { SHEET_NAMES } from '../../workbook/layout/template';
import type { SheetLayout } from '../../workbook/types';
import { rangePart, sameSheetName } from './common';
import { queueLayout, validationRows } from './layout';
import { readSheet } from './read';

/** Rows of a template sheet that get the column's number format (the data-entry area). */
export const TEMPLATE_ROWS = 1000;

export interface WriteSheetOptions {
  /** Replace an existing sheet of that name only when it carries the product's marker. */
  replaceOnlyIfMarker: boolean;
  /** Names tried in the first round trip: "Tổng hợp", "Tổng hợp (2)" … "(n)". Default 6. */
  candidates?: number;
  /** A native chart drawn from the written values (ExcelApi 1.1 charts). */
  chart?: SheetChart;
}

/**
 * A chart on a generated sheet: the add-in's own (found again by `name`), drawn from `source`
 * (a block of the written values: categories down the first column, one series per other column).
 */
export interface SheetChart {
  name: string;
  title: string;
  /** A1 range of the data, header row included. */
  source: string;
  /** Excel.ChartType value, e.g. "BarStacked100". */
  type: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

/** Queues the chart: values shown on the bars (not colour alone), legend under it. */
function queueChart(sheet: Excel.Worksheet, chart: SheetChart): void {
  const added = sheet.charts.add(chart.type as Excel.ChartType, sheet.getRange(chart.source), 'Columns' as Excel.ChartSeriesBy);
  added.name = chart.name;
  added.title.text = chart.title;
  added.legend.position = 'Bottom' as Excel.ChartLegendPosition;
  added.dataLabels.showValue = true;
  added.setPosition(chart.from, chart.to);
}

export interface WriteSheetResult {
  sheetName: string;
  /** True when a generated sheet was replaced, false when a new sheet was added. */
  replaced: boolean;
}

function candidateName(base: string, n: number): string {
  return n === 1 ? base : `${base} (${n})`;
}

const MARKER_SCAN_COLUMNS = 64;

const MARKER_SCAN = `A1:${columnLetters(MARKER_SCAN_COLUMNS - 1)}${MARKER_SEARCH_ROWS}`;

/** The layout with its marker in its cells (placeMarker on a copy when it is only in `marker`). */
function withMarker(layout: SheetLayout): SheetLayout {
  if (!layout.marker) return layout;
  const marker = layout.marker;
  const present = layout.values.slice(0, MARKER_SEARCH_ROWS).some((row) => row.some((v) => v === marker));
  if (present) return layout;
  const copy: SheetLayout = {
    ...layout,
    values: layout.values.map((row) => [...row]),
    columns: layout.columns.map((c) => ({ ...c })),
    formats: [...layout.formats],
  };
  return placeMarker(copy, marker);
}

/**
 * Writes a generated sheet (the summary): 2 syncs. The first finds where to write: the first of
 * "Name", "Name (2)", … that is free or carries the product's marker (a sheet without the marker
 * is the user's and is left alone). The second writes everything in one batch under
 * suspendApiCalculationUntilNextSync and activates the sheet.
 */
export async function writeSheet(context: Excel.RequestContext, layout: SheetLayout, options: WriteSheetOptions): Promise<WriteSheetResult> {
  const target = await findTarget(context, layout.name, options);
  const content = withMarker(layout);
  context.application.suspendApiCalculationUntilNextSync();
  let sheet: Excel.Worksheet;
  if (target.exists) {
    sheet = context.workbook.worksheets.getItem(target.name);
  } else {
    sheet = context.workbook.worksheets.add(target.name);
  }
  queueLayout(sheet, { ...content, name: target.name }, { rows: content.values.length, reset: target.exists });
  sheet.visibility = content.hidden ? 'Hidden' : 'Visible';
  if (!content.hidden) {
    sheet.activate();
    sheet.getRange('A1').select();
  }
  // A new sheet has no chart: the chart goes in the same round trip. A replaced sheet (the add-in's
  // own) may hold the chart of an earlier write: its charts are listed now, and the add-in's are
  // replaced in one more round trip; a chart someone else added there is left alone.
  const chart = options.chart;
  let charts: Excel.ChartCollection | null = null;
  if (chart && !target.exists) queueChart(sheet, chart);
  else if (chart) {
    charts = sheet.charts;
    charts.load('items/name');
  }
  await context.sync();
  if (chart && charts) {
    for (const item of charts.items) if (item.name === chart.name) item.delete();
    queueChart(sheet, chart);
    await context.sync();
  }
  return { sheetName: target.name, replaced: target.exists };
}

async function findTarget(context: Excel.RequestContext, base: string, options: WriteSheetOptions): Promise<{ name: string; exists: boolean }> {
  const count = Math.max(1, options.candidates ?? 6);
  const names = Array.from({ length: count }, (_, i) => candidateName(base, i + 1));
  const isGenerated = (values: unknown[][] | undefined): boolean =>
    Array.isArray(values) && findMarker({ name: '', values, originRow: 0, originCol: 0 }) !== null;

  // One round trip: each candidate sheet (null when absent) and the top-left block of its cells.
  // Methods on a null object give null objects; should a host refuse that, fall back below.
  let probes: { name: string; sheet: Excel.Worksheet; scan: Excel.Range }[] | null = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const scan = sheet.getRange(MARKER_SCAN);
    scan.load('values');
    return { name, sheet, scan };
  });
  try {
    await context.sync();
  } catch {
    probes = null;
  }
  if (probes) {
    for (const probe of probes) {
      if (probe.sheet.isNullObject) return { name: probe.name, exists: false };
      if (!options.replaceOnlyIfMarker || isGenerated(probe.scan.values)) return { name: probe.sheet.name, exists: true };
    }
  }

  // Fallback (more candidates, or a host that fails on null objects): list, probe, decide.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((s) => s.name);
  const found = (name: string): string | undefined => existing.find((e) => sameSheetName(e, name));
  const scans = new Map<string, Excel.Range>();
  for (let n = 1; n <= existing.length + 1; n++) {
    const actual = found(candidateName(base, n));
    if (!actual) break;
    const scan = worksheets.getItem(actual).getRange(MARKER_SCAN);
    scan.load('values');
    scans.set(actual, scan);
  }
  if (scans.size > 0 && options.replaceOnlyIfMarker) await context.sync();
  for (let n = 1; ; n++) {
    const name = candidateName(base, n);
    const actual = found(name);
    if (!actual) return { name, exists: false };
    if (!options.replaceOnlyIfMarker || isGenerated(scans.get(actual)?.values)) return { name: actual, exists: true };
  }
}

export interface TemplateResult {
  created: string[];
  skipped: string[];
}

/**
 * Adds the template sheets that do not exist yet (2 syncs). An existing sheet of the same name
 * (Excel compares names case-insensitively) is never touched. The list sheet is added before
 * the sheets whose dropdowns point at it; hidden layouts end hidden.
 */
export async function createTemplate(context: Excel.RequestContext, layouts: readonly SheetLayout[]): Promise<TemplateResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((s) => s.name);
  const created: SheetLayout[] = [];
  const skipped: string[] = [];
  for (const layout of layouts) {
    if (existing.some((name) => sameSheetName(name, layout.name)) || created.some((l) => sameSheetName(l.name, layout.name))) {
      skipped.push(layout.name);
    } else {
      created.push(layout);
    }
  }
  if (created.length === 0) return { created: [], skipped };

  context.application.suspendApiCalculationUntilNextSync();
  const sheets = created.map((layout) => worksheets.add(layout.name));
  created.forEach((layout, i) => {
    const rows = Math.max(layout.values.length, validationRows(layout), layout.frozenRows + TEMPLATE_ROWS);
    queueLayout(sheets[i] as Excel.Worksheet, layout, { rows, reset: false });
  });
  created.forEach((layout, i) => {
    if (layout.hidden) (sheets[i] as Excel.Worksheet).visibility = 'Hidden';
  });
  await context.sync();
  return { created: created.map((l) => l.name), skipped };
}

/** The policy rows of the hidden `Cấu hình` sheet, or null when the workbook has none (1–2 syncs). */
export async function readPolicyEntries(context: Excel.RequestContext, sheetName: string = SHEET_NAMES.policy): Promise<PolicyCellEntry[] | null> {
  const grid = await readSheet(context, sheetName);
  return grid ? readPolicyGrid(grid) : null;
}

export interface PolicyWriteResult {
  /**
   * The copy kept of a sheet of the user's that had the policy sheet's name but was no policy
   * sheet ("Cấu hình (bản gốc)"), or null when there was none to keep.
   */
  copy: string | null;
}

/**
 * Writes the policy sheet (created hidden when absent), then recalculates so that the BONTOT
 * functions use the new thresholds. A policy sheet (or an empty one) is replaced; a sheet of the
 * user's that only has its name is first copied to "Cấu hình (bản gốc)" (add-in edits cannot be
 * undone with Ctrl+Z). 2 syncs when the sheet is new, 3 when it exists.
 */
export async function writePolicy(context: Excel.RequestContext, layout: SheetLayout): Promise<PolicyWriteResult> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(layout.name);
  existing.load('name');
  await context.sync();
  const exists = !existing.isNullObject;
  let copy: string | null = null;
  if (exists) {
    const used = existing.getUsedRangeOrNullObject(true);
    used.load('values');
    worksheets.load('items/name');
    await context.sync();
    if (!used.isNullObject && !isPolicySheetValues(used.values)) {
      copy = backupSheetName(
        existing.name,
        worksheets.items.map((sheet) => sheet.name),
      );
      // Queued before the writes below, so the copy keeps what the user had.
      existing.copy('After', existing).name = copy;
    }
  }
  context.application.suspendApiCalculationUntilNextSync();
  const sheet = exists ? existing : context.workbook.worksheets.add(layout.name);
  queueLayout(sheet, layout, { rows: layout.values.length, reset: exists });
  sheet.visibility = layout.hidden ? 'Hidden' : 'Visible';
  context.workbook.application.calculate('Full');
  await context.sync();
  return { copy };
}

/**
 * Activates the sheet and selects the cell (1 sync). `cell` may carry a "Sheet!" prefix. A sheet
 * that is missing or hidden gives an Error with a Vietnamese message (one more sync to find out).
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(rangePart(cell)).select();
  try {
    await context.sync();
  } catch (error) {
    const probe = context.workbook.worksheets.getItemOrNullObject(sheet);
    probe.load('visibility');
    await context.sync();
    if (probe.isNullObject) throw new Error(`Không có trang "${sheet}" trong sổ tính (có thể đã bị đổi tên hoặc xóa).`);
    if (probe.visibility !== 'Visible') {
      throw new Error(`Trang "${sheet}" đang ẩn nên không chọn được ô ${rangePart(cell)}. Hãy bỏ ẩn trang rồi thử lại.`);
    }
    throw error;
  }
}
