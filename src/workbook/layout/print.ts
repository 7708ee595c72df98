/**
 * Print setup shared by every sheet the product writes: A4, the margins of Hướng dẫn 36-HD/VPTW
 * (top and bottom 20 mm, left 30 mm, right 15 mm), one page wide and as many pages tall as needed,
 * centred across the page. pageSetup resolves a layout's print setup into everything a host writes,
 * so that Office.js and ExcelJS print a sheet alike (test/hosts/hostParity.test.ts).
 */
import { rangeA1 } from '../a1';
import { layoutWidth } from './cells';
import type { PageMargins, PrintSetup, SheetLayout } from '../types';

const MM_PER_INCH = 25.4;

/** Margins in inches (ExcelJS and the file format); Office.js takes points (× 72). */
export const DOCUMENT_MARGINS: PageMargins = {
  top: 20 / MM_PER_INCH,
  bottom: 20 / MM_PER_INCH,
  left: 30 / MM_PER_INCH,
  right: 15 / MM_PER_INCH,
  header: 8 / MM_PER_INCH,
  footer: 8 / MM_PER_INCH,
};

/** A4, fit to one page wide, the document margins; area and title rows when given. */
export function printSetup(orientation: PrintSetup['orientation'], extra: Pick<PrintSetup, 'area' | 'titleRows'> = {}): PrintSetup {
  return { paper: 'A4', orientation, fitToWidth: true, margins: DOCUMENT_MARGINS, ...extra };
}

/**
 * A layout's print setup with nothing left to a host: what both hosts write (`fitToWidth`: one
 * page wide, as many pages tall as needed).
 */
export interface PageSetup extends PrintSetup {
  centerHorizontally: boolean;
  margins: PageMargins;
  area: string;
}

/**
 * The page setup of a layout that prints (null otherwise). Without an area of its own, a sheet
 * prints its written rows up to its first hidden column (the marker column is left out).
 */
export function pageSetup(layout: SheetLayout): PageSetup | null {
  const print = layout.print;
  if (!print) return null;
  const hidden = layout.columns.findIndex((column) => column.hidden);
  return {
    ...print,
    centerHorizontally: true,
    margins: print.margins ?? DOCUMENT_MARGINS,
    area: print.area ?? rangeA1(0, 0, Math.max(layout.values.length, 1) - 1, (hidden > 0 ? hidden : layoutWidth(layout)) - 1),
  };
}
