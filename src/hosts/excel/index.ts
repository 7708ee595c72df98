/**
 * The Office.js host: moves sheets between Excel and the workbook layer. Grids in (SheetGrid),
 * layouts out (SheetLayout); no rule logic lives here.
 *
 * Every function takes an `Excel.RequestContext` (from `Excel.run`), so tests can hand it the
 * in-memory fake of test/fakes/office/. No global `Excel` value is used at run time: enum
 * values are passed as their string literals.
 *
 * Round trips (context.sync) per call, whatever the number of rows:
 * - readSheets: 2 (sheet list; every used range at once). Only a sheet past Excel's limits (5 M
 *   cells per read, 5 MB per request on the web) costs more: it is read in row chunks, one sync each.
 * - writeSheet (the summary): 2 (find the target and read its marker; write everything).
 * - createTemplate: 2 (1 when every sheet exists). writePolicy: 2. readPolicyEntries: 2. selectCell: 1.
 * - highlightIssues: 3 (sheet list; the add-in's old highlights; delete + add). clearHighlights: ≤ 3.
 * - convertCells: 3 (sheet list; the planned cells; copies + writes), one read and one write more per
 *   further 1500 cells (every cell is a range of its own in the request).
 * - fillSubordinatesSheet: 2 (the sheet and the planned cells; the copy + writes).
 *
 * The adapters, one file each: read.ts (sheets in, chunked past Excel's limits), layout.ts
 * (a SheetLayout queued onto a worksheet), sheets.ts (the generated sheets: summary, template,
 * policy; selecting a cell), highlights.ts (marking issues with conditional formats), convert.ts
 * (writing planned cell changes back), meeting.ts (the meeting form), common.ts (what they share).
 * This index exports what the task pane, the tests and bench/ use, by name — except meeting.ts,
 * which is imported directly (src/hosts/excel/meeting) so that it stays in the task pane's lazy
 * "meeting" chunk instead of joining the start-up bundle through this index.
 */

export { EXCEL_MAX_CELLS_PER_READ, EXCEL_MAX_PAYLOAD_BYTES, type ReadOptions, readSheets, readSheet } from './read';
export { widthToPoints, heightRuns } from './layout';
export {
  TEMPLATE_ROWS,
  type WriteSheetOptions,
  type SheetChart,
  type WriteSheetResult,
  writeSheet,
  type TemplateResult,
  createTemplate,
  readPolicyEntries,
  type PolicyWriteResult,
  writePolicy,
  selectCell,
} from './sheets';
export { HIGHLIGHT_FILL, HIGHLIGHT_FORMULA, type HighlightPlace, type HighlightOptions, highlightIssues, clearHighlights } from './highlights';
export {
  type CellChange,
  type ConvertCellsOptions,
  type ConvertSkipReason,
  type ConvertCellsResult,
  CONVERT_CELLS_PER_SYNC,
  convertCells,
  type SubordinateCellWrite,
  type FillSubordinatesResult,
  fillSubordinatesSheet,
} from './convert';
