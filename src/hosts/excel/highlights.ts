/**
 * Marking the cells behind issues with the add-in's own conditional formats (light red, tagged
 * by their formula so that only the add-in's highlights are ever cleared), and clearing them.
 */

import { parseRange, rangeA1 } from '../../workbook/a1';
import { rangePart, sameSheetName } from './common';

/** The fill of the add-in's highlights (Excel's light red) and the tag in their rule formula. */
export const HIGHLIGHT_FILL = '#FFC7CE';

const HIGHLIGHT_TAG = 'BONTOT-HIGHLIGHT';

/** Always TRUE; the string literal tags the conditional format as the add-in's own. */
export const HIGHLIGHT_FORMULA = `=ISTEXT("${HIGHLIGHT_TAG}")`;

function isHighlightFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.toUpperCase().includes(`"${HIGHLIGHT_TAG}"`);
}

export interface HighlightPlace {
  sheet: string;
  /** A1 cell or range; null (a whole-sheet issue) is skipped. */
  cell: string | null;
}

export interface HighlightOptions {
  fill?: string;
}

/** Longest address list handed to one getRanges call. */
const MAX_AREAS_ADDRESS = 2000;

/** Cells of one sheet as vertical runs ("B5:B9"), grouped into address lists for getRanges. */
function highlightGroups(cells: readonly string[]): string[] {
  const points = new Map<number, Set<number>>();
  const areas: string[] = [];
  for (const cell of cells) {
    const range = parseRange(rangePart(cell).replace(/\$/g, ''));
    if (!range) continue;
    if (range.start.row === range.end.row && range.start.col === range.end.col) {
      let rows = points.get(range.start.col);
      if (!rows) points.set(range.start.col, (rows = new Set()));
      rows.add(range.start.row);
    } else {
      areas.push(rangeA1(range.start.row, range.start.col, range.end.row, range.end.col));
    }
  }
  for (const [col, rowSet] of [...points].sort((a, b) => a[0] - b[0])) {
    const rows = [...rowSet].sort((a, b) => a - b);
    let start = rows[0] as number;
    let prev = start;
    for (const row of rows.slice(1).concat([Number.NaN])) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      areas.push(rangeA1(start, col, prev, col));
      start = row;
      prev = row;
    }
  }
  const groups: string[] = [];
  let current = '';
  for (const area of [...new Set(areas)]) {
    if (current !== '' && current.length + area.length + 1 > MAX_AREAS_ADDRESS) {
      groups.push(current);
      current = '';
    }
    current = current === '' ? area : `${current},${area}`;
  }
  if (current !== '') groups.push(current);
  return groups;
}

/** The add-in's own highlight conditional formats on every sheet (2 syncs). */
async function findHighlights(
  context: Excel.RequestContext,
): Promise<{ names: string[]; sheets: Excel.Worksheet[]; ours: Excel.ConditionalFormat[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const sheets = worksheets.items;
  const collections = sheets.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load('items/type,items/customOrNullObject/rule/formula');
    return formats;
  });
  await context.sync();
  const ours: Excel.ConditionalFormat[] = [];
  for (const formats of collections) {
    for (const format of formats.items) {
      if (format.type === 'Custom' && isHighlightFormula(format.customOrNullObject.rule.formula)) ours.push(format);
    }
  }
  return { names: sheets.map((s) => s.name), sheets, ours };
}

/**
 * Highlights the cells that have issues with conditional formats the add-in owns (a custom rule
 * whose always-true formula carries a tag), after removing its previous highlights. The user's
 * own formats and conditional formats are never touched. 3 syncs. Returns the number of areas.
 */
export async function highlightIssues(
  context: Excel.RequestContext,
  places: readonly HighlightPlace[],
  options: HighlightOptions = {},
): Promise<number> {
  const { names, sheets, ours } = await findHighlights(context);
  for (const format of ours) format.delete();
  const bySheet = new Map<number, string[]>();
  for (const place of places) {
    if (!place.cell) continue;
    const index = names.findIndex((name) => sameSheetName(name, place.sheet));
    if (index < 0) continue;
    const list = bySheet.get(index) ?? [];
    list.push(place.cell);
    bySheet.set(index, list);
  }
  let areas = 0;
  for (const [index, cells] of bySheet) {
    const sheet = sheets[index] as Excel.Worksheet;
    for (const address of highlightGroups(cells)) {
      const target = address.includes(',') ? sheet.getRanges(address) : sheet.getRange(address);
      const format = target.conditionalFormats.add('Custom');
      format.custom.rule.formula = HIGHLIGHT_FORMULA;
      format.custom.format.fill.color = options.fill ?? HIGHLIGHT_FILL;
      areas += address.split(',').length;
    }
  }
  if (ours.length > 0 || areas > 0) await context.sync();
  return areas;
}

/** Removes exactly the add-in's highlights (≤ 3 syncs). Returns how many were removed. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const { ours } = await findHighlights(context);
  if (ours.length === 0) return 0;
  for (const format of ours) format.delete();
  await context.sync();
  return ours.length;
}
