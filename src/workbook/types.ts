/**
 * What moves between hosts (Office.js, ExcelJS) and the host-neutral workbook layer.
 * Hosts read sheets into SheetGrid and write SheetLayout; nothing else crosses the line.
 */
import type { OrgStats } from '../core/verdict';
import type { CriterionResult, IsoDate, Issue, OrgKind, OrgLevel, Reason } from '../core/types';
import type { Policy } from '../core/policy';

/**
 * The value of a formula cell whose file stores no computed result (a file written by a script
 * and never opened in a spreadsheet program): not blank — the reader reports it as a cell to
 * recompute, never as "trống". Compared by identity.
 */
export const FORMULA_WITHOUT_RESULT: Readonly<{ formulaWithoutResult: true }> = Object.freeze({ formulaWithoutResult: true as const });

/** One sheet's used range as values. Excel dates arrive as serial numbers (Office.js) or Date (ExcelJS). */
export interface SheetGrid {
  name: string;
  /** values[r][c] is the cell at row originRow + r, column originCol + c (both 0-based). */
  values: unknown[][];
  originRow: number;
  originCol: number;
  /** Hidden sheets (the policy sheet, list sheets) are still read. */
  hidden?: boolean;
}

export type CellValue = string | number | boolean | null;

export type HorizontalAlign = 'left' | 'center' | 'right';

/** A format applied to a rectangular range of a layout (A1 range like "A1:D1" or "B5"). */
export interface RangeFormat {
  range: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  align?: HorizontalAlign;
  verticalAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Excel number format: "@" text, "dd/mm/yyyy", "0.00%", … */
  numberFormat?: string;
  border?: boolean;
}

export interface ColumnLayout {
  width: number;
  hidden?: boolean;
  numberFormat?: string;
}

/** Data validation on a column's data cells (below the header row). */
export type ColumnValidation =
  | { type: 'list'; items: readonly string[] }
  /** A list whose items contain commas must point at a range (hidden list sheet), never inline. */
  | { type: 'listRange'; sheet: string; range: string; items: readonly string[] }
  | { type: 'wholeNumber'; min: number; max?: number }
  | { type: 'decimal'; min: number; max?: number }
  | { type: 'date' };

/** Page margins in inches (Hướng dẫn 36-HD/VPTW: top and bottom 20 mm, left 30 mm, right 15 mm). */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/** How a sheet prints: A4, orientation, margins, one page wide (any number of pages tall). */
export interface PrintSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  fitToWidth: boolean;
  /** A1 range ("A1:F40") or whole columns ("A:L", rows grow with the data). */
  area?: string;
  /** Rows repeated at the top of every printed page, 1-based ("1:1", "8:8"). */
  titleRows?: string;
  margins?: PageMargins;
}

/** A sheet to write: values plus everything a host needs to make it look right. */
export interface SheetLayout {
  name: string;
  values: CellValue[][];
  /** Formulas by A1 address (template helper columns); values hold their placeholder. */
  formulas?: Record<string, string>;
  columns: ColumnLayout[];
  formats: RangeFormat[];
  merges: string[];
  /** Validation per column range, e.g. { range: "C2:C500", validation }. */
  validations: { range: string; validation: ColumnValidation }[];
  frozenRows: number;
  hidden: boolean;
  /** Print setup (the summary is a document people print and sign). */
  print?: PrintSetup;
  /** Row heights in points by 0-based row (rowHeights.ts): wrapped rows carry their height so that
   * programs that do not re-measure rows (LibreOffice, WPS) print every line. */
  rowHeights?: Record<number, number>;
  /** Font of every cell (formats may change its size); default Times New Roman 11 (rowHeights.ts layoutFont). */
  fontName?: string;
  fontSize?: number;
  /** Set on sheets the product generated; the marker cell holds it (see marker.ts). */
  marker?: string;
}

export interface OrganizationSummary {
  name: string | null;
  kind: OrgKind | null;
  level: OrgLevel | null;
  year: number | null;
}

/** The full verdict for one workbook: what the pane, the page and `bontot check --json` show. */
export interface CheckResult {
  organization: OrganizationSummary;
  eligible: boolean;
  criteria: CriterionResult[];
  reasons: Reason[];
  issues: Issue[];
  stats: OrgStats;
  policy: Policy;
  /** Where the policy came from. */
  policySource: 'default' | 'workbook' | 'given';
  asOf: IsoDate;
  /** Extra facts for the summary document. */
  info: { superior: string | null; hasCommittee: boolean | null; typeLabel: string | null };
}

export interface CheckOptions {
  /** Overrides the workbook's `Cấu hình` policy (the CLI's --policy). */
  policy?: Policy;
  /** Default: today. */
  asOf?: IsoDate;
}
