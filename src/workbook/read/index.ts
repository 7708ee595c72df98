/**
 * Sheet grids → typed records + data issues (SPEC §2, §3).
 *
 * Sheets and columns are found by header through the template's definitions (template.ts): case,
 * diacritics, NFC/NFD, spaces and column order do not matter, the header row may sit below title
 * rows (within the first 10 rows), extra columns and sheets are ignored. Every bad cell becomes an
 * Issue with its A1 address (the grid's origin included) and a Vietnamese message saying what was
 * found and what is expected. A row with a bad cell still yields a record: the bad field is null
 * (or its blank default), so every rule that does not need that cell still counts it.
 *
 * Known limit: `Mã` of `Tiêu chí` is text, but when Excel has already made a number of it the
 * number is read back as its shortest decimal ("1.1"). A typed "1.10" and "1.1" are then the same
 * number and cannot be told apart; the template formats the column as text to avoid it.
 */

import type { PolicyEntry } from '../../core/policy';
import { msg } from '../../core/messages';
import '../../core/messages/viIssues';
import { foldText } from '../../core/text';
import type { Issue, OrgRecords } from '../../core/types';
import { findMarker } from '../generated';
import { readPolicyGrid, type PolicyCellEntry } from '../layout/policySheet';
import { SHEET_NAMES, requiredSheets, sheetKeyOf, warnedSheets, type SheetKey } from '../layout/template';
import type { SheetGrid } from '../types';
import { compareMatrix, readAttendance } from './attendance';
import { CellTexts } from './cellTexts';
import { readCriteria } from './criteria';
import { emptyInfo, readInfo } from './info';
import { readMeetings } from './meetings';
import { readMembers } from './members';
import { SheetView } from './sheetView';
import { readSubordinates } from './subordinates';

export { CellTexts, labelText, type CellRef } from './cellTexts';
export { FORMULA_WITHOUT_RESULT_MESSAGE, nameKey } from './cells';
export { MAX_POINTS } from './criteria';
export { HEADER_SEARCH_ROWS } from './sheetView';

/** The names of the sheets as this workbook spells them, by the core's sheet ids (for evaluate). */
export type FoundSheetNames = Partial<Record<'info' | 'members' | 'meetings' | 'attendance' | 'criteria' | 'subordinates' | 'policy', string>>;

export interface ReadResult {
  records: OrgRecords;
  issues: Issue[];
  /** The `Cấu hình` rows (each with the A1 address of its value), or null without that sheet. */
  policyEntries: PolicyCellEntry[] | null;
  /** The sheet name the policy entries were read from (for issues), or null. */
  policySheet: string | null;
  /**
   * The marker of a sheet the product generated (`Tổng hợp`, a consolidation), or null. Marked
   * sheets are never read as input; a consolidation marker wins over a summary marker.
   */
  generatedMarker: string | null;
  /** Whether the workbook has any input sheet (Thông tin, Đảng viên, …) besides generated ones. */
  hasInputSheets: boolean;
  /** The names the workbook gives its sheets, by the core's sheet ids (EvaluateOptions.sheetNames). */
  sheetNames: FoundSheetNames;
}

// ---------------------------------------------------------------- the workbook

/** Picks, for each sheet key, the grid that stands for it: an exact name first, then an alias. */
function pickSheets(grids: readonly SheetGrid[]): Map<SheetKey, SheetGrid> {
  const picked = new Map<SheetKey, SheetGrid>();
  const exact = (grid: SheetGrid, key: SheetKey): boolean => foldText(grid.name) === foldText(SHEET_NAMES[key]);
  for (const grid of grids) {
    const key = sheetKeyOf(grid.name);
    if (key === null) continue;
    const current = picked.get(key);
    if (!current || (!exact(current, key) && exact(grid, key))) picked.set(key, grid);
  }
  return picked;
}

/**
 * Reads a workbook's sheets into records and issues. Never throws on data: whatever cannot be read
 * is an issue, and what can be read is read (also without `Thông tin` or with an unknown kind).
 */
export function readWorkbook(sheets: readonly SheetGrid[]): ReadResult {
  const issues: Issue[] = [];
  let generatedMarker: string | null = null;
  const inputs: SheetGrid[] = [];
  for (const grid of sheets) {
    const marker = findMarker(grid);
    if (marker !== null) {
      if (generatedMarker === null || marker.endsWith('consolidation')) generatedMarker = marker;
      continue;
    }
    inputs.push(grid);
  }
  const picked = pickSheets(inputs);
  // This workbook's text cache, made with the first pass over its text cells (the workbook's
  // legacy encoding, if any: LEGACY_ENCODING) and shared by every sheet view.
  const texts = CellTexts.of(inputs);
  const view = (key: SheetKey): SheetView | null => {
    const grid = picked.get(key);
    return grid ? new SheetView(grid, issues, texts) : null;
  };

  const infoView = view('info');
  const info = infoView ? readInfo(infoView) : emptyInfo();
  const kind = info.kind;

  for (const key of requiredSheets(kind)) {
    if (picked.has(key)) continue;
    const name = SHEET_NAMES[key];
    issues.push({
      severity: 'error',
      sheet: name,
      cell: null,
      code: 'SHEET_MISSING',
      ...msg('SHEET_MISSING', { sheet: name }),
    });
  }
  for (const key of warnedSheets(kind)) {
    if (picked.has(key)) continue;
    const name = SHEET_NAMES[key];
    issues.push({
      severity: 'warning',
      sheet: name,
      cell: null,
      code: 'SHEET_MISSING',
      ...msg('SHEET_MISSING.attendance', { sheet: name, meetings: SHEET_NAMES.meetings }),
    });
  }

  const readsMeetings = kind !== 'dang-bo';
  const membersView = view('members');
  const membersRead = membersView ? readMembers(membersView, kind, info.year) : null;
  const meetingsView = readsMeetings ? view('meetings') : null;
  const meetings = meetingsView ? readMeetings(meetingsView, info.year) : null;
  const attendanceView = readsMeetings ? view('attendance') : null;
  const attendanceRead = attendanceView ? readAttendance(attendanceView, membersRead, info.type) : null;
  if (attendanceRead && meetings && meetingsView && attendanceView) compareMatrix(attendanceRead, meetings, meetingsView, attendanceView, info.year);
  const attendance = attendanceRead ? attendanceRead.matrix : null;
  const criteriaView = view('criteria');
  const criteria = criteriaView ? readCriteria(criteriaView) : null;
  const subordinatesView = kind !== 'chi-bo' ? view('subordinates') : null;
  const subordinates = subordinatesView ? readSubordinates(subordinatesView) : null;

  const policyGrid = picked.get('policy');
  const policyEntries = policyGrid ? readPolicyGrid(policyGrid) : null;

  const sheetNames: FoundSheetNames = {};
  const names: [keyof FoundSheetNames, SheetKey][] = [
    ['info', 'info'],
    ['members', 'members'],
    ['meetings', 'meetings'],
    ['attendance', 'attendance'],
    ['criteria', 'criteria'],
    ['subordinates', 'subordinates'],
    ['policy', 'policy'],
  ];
  for (const [id, key] of names) {
    const grid = picked.get(key);
    if (grid) sheetNames[id] = grid.name;
  }

  return {
    records: {
      info,
      members: membersRead ? membersRead.members : null,
      meetings,
      attendance,
      criteria,
      subordinates,
    },
    issues,
    policyEntries,
    policySheet: policyGrid ? policyGrid.name : null,
    generatedMarker,
    hasInputSheets: [...picked.keys()].some((key) => key !== 'policy' && key !== 'summary' && key !== 'lists'),
    sheetNames,
  };
}

/** The entries as plain PolicyEntry values (without cells). */
export function plainEntries(entries: readonly PolicyCellEntry[]): PolicyEntry[] {
  return entries.map(({ key, value }) => ({ key, value }));
}
