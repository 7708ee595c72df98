/**
 * The in-memory Office.js (Excel) that tests, browser tests and bench/ run src/hosts/excel against.
 *
 * One file per Office object (see fakeExcel.ts for what the fake promises and how to use it):
 * model.ts holds the plain workbook data, context.ts the request context and its sync counting,
 * object.ts the proxy base (load / sync discipline), then one file per proxy. Only what callers
 * use from outside is exported here, by name.
 */

export {
  type CellScalar,
  type FakeFont,
  type FakeCellFormat,
  type FakeCell,
  type Rect,
  type FakeConditionalFormat,
  type FakeValidation,
  type FakePageLayout,
  MAX_ROWS,
  MAX_COLUMNS,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  SheetModel,
  type FakeChartModel,
  type WorkbookModel,
} from './model';
export { columnName, quoteSheetName, rectAddress, parseAddress } from './address';
export { FakeOfficeError } from './errors';
export { type FakeLocale } from './typing';
export { type SyncRecord, type FakeLimits, FakeRequestContext } from './context';
export { FakeWorkbook } from './workbook';
export { FakeWorksheetCollection } from './worksheets';
export { FakeWorksheet } from './worksheet';
export { FakeChartCollection, FakeChart } from './charts';
export { FakeRange, FakeRangeAreas } from './range';
export { type FakeSheetInit, type FakeExcelOptions, type SheetSnapshot, FAKE_EXCEL_ENUMS, FakeExcel, createFakeExcel } from './fakeExcel';
