/**
 * "Nothing of the user's changed", computed where the workbook lives (inside the page, on the
 * Office.js fake's model): a filled template holds ~60 000 formatted cells and ~20 000 validations,
 * far too much to ship to Node after every step. Pure code, bundled into the Office.js stand-in and
 * importable from Node.
 *
 * A state maps each user sheet to its keys ("I7", "I7 #validation", "#merges", …) and the JSON of
 * each thing; cells still at the defaults are left out, so "never written" and "written back as it was" agree.
 */
import { columnName, MAX_COLUMNS, type FakeExcel, type SheetModel } from '../fakes/office';
import { emptyCell } from '../fakes/office/model';

/** The tag in the formula of the add-in's highlight conditional formats (src/hosts/excel/highlights.ts). */
export const HIGHLIGHT_TAG = 'BONTOT-HIGHLIGHT';

/** Sheets the add-in owns and may write; every other sheet is the user's. */
export function isAddinSheet(name: string): boolean {
  return name === 'Cấu hình' || name === 'Danh mục' || /^Tổng hợp( \(\d+\))?$/.test(name);
}

/** Per user sheet: key ("I7", "I7 #validation", "#merges" …) → JSON. */
export type UserState = Map<string, Map<string, string>>;

/** A cell never written, as the fake makes it. */
const DEFAULT_CELL = JSON.stringify(emptyCell());

function address(key: number): string {
  return `${columnName(key % MAX_COLUMNS)}${Math.floor(key / MAX_COLUMNS) + 1}`;
}

function isHighlight(formula: string | null): boolean {
  return typeof formula === 'string' && formula.includes(HIGHLIGHT_TAG);
}

function sheetState(sheet: SheetModel): Map<string, string> {
  const state = new Map<string, string>();
  for (const [key, cell] of sheet.cells) {
    const text = JSON.stringify(cell);
    if (text !== DEFAULT_CELL) state.set(address(key), text);
  }
  for (const [key, validation] of sheet.validations) state.set(`${address(key)} #validation`, JSON.stringify(validation));
  state.set('#visibility', sheet.visibility);
  state.set('#merges', JSON.stringify(sheet.merges));
  state.set('#columnWidths', JSON.stringify([...sheet.columnWidths].sort((a, b) => a[0] - b[0])));
  state.set('#hiddenColumns', JSON.stringify([...sheet.hiddenColumns].sort((a, b) => a - b)));
  state.set('#frozen', JSON.stringify([sheet.frozenRows, sheet.frozenColumns]));
  state.set('#pageLayout', JSON.stringify(sheet.pageLayout));
  state.set('#cf-user', JSON.stringify(sheet.conditionalFormats.filter((cf) => !isHighlight(cf.formula))));
  state.set('#cf-highlight', JSON.stringify(sheet.conditionalFormats.filter((cf) => isHighlight(cf.formula))));
  return state;
}

/** The state of every user sheet of the workbook. */
export function userState(fake: FakeExcel): UserState {
  const state: UserState = new Map();
  for (const sheet of fake.model.sheets) if (!isAddinSheet(sheet.name)) state.set(sheet.name, sheetState(sheet));
  return state;
}

/**
 * What differs in the sheets of `before` (at most `limit` lines); highlights count only with
 * `highlightsToo`. Sheets added since are not the user's data yet and are not compared.
 */
export function stateChanges(before: UserState, after: UserState, options: { highlightsToo?: boolean; limit?: number } = {}): string[] {
  const changes: string[] = [];
  const limit = options.limit ?? 50;
  for (const [sheet, was] of before) {
    const now = after.get(sheet);
    if (!now) {
      changes.push(`${sheet}: the sheet is gone (or was renamed)`);
      continue;
    }
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      if (!options.highlightsToo && key === '#cf-highlight') continue;
      const a = was.get(key);
      const b = now.get(key);
      if (a !== b) changes.push(`${sheet}!${key}: ${(a ?? '(none)').slice(0, 200)} → ${(b ?? '(none)').slice(0, 200)}`);
      if (changes.length >= limit) return changes;
    }
  }
  return changes;
}

/** The add-in's highlights, one "Sheet!A1:B2,C3" per conditional format, on every sheet. */
export function highlightRanges(fake: FakeExcel): string[] {
  const out: string[] = [];
  for (const sheet of fake.model.sheets) {
    for (const cf of sheet.conditionalFormats) {
      if (!isHighlight(cf.formula)) continue;
      out.push(
        `${sheet.name}!${cf.rects.map((r) => (r.r0 === r.r1 && r.c0 === r.c1 ? address(r.r0 * MAX_COLUMNS + r.c0) : `${address(r.r0 * MAX_COLUMNS + r.c0)}:${address(r.r1 * MAX_COLUMNS + r.c1)}`)).join(',')}`,
      );
    }
  }
  return out;
}
