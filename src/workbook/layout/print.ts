/**
 * Print setup shared by every sheet the product writes: A4, the margins of Hướng dẫn 36-HD/VPTW
 * (top and bottom 20 mm, left 30 mm, right 15 mm), one page wide and as many pages tall as needed.
 */
import type { PageMargins, PrintSetup } from '../types';

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
