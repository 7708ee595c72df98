/**
 * What a column validation asks of a host, decided once for both (Office.js in
 * src/hosts/excel/layout.ts, ExcelJS in src/hosts/xlsx/exceljs.ts): the rule (list source,
 * operator, bounds) and the texts of its error alert, so that a sheet written in Excel and a file
 * written by the CLI check and tell the user the same thing (test/hosts/hostParity.test.ts). The
 * hosts only spell the rule in their API's words.
 *
 * Excel limits the alert's texts: the title to 32 characters and the message to 225 (MS-XLSB
 * DValStrings) — 224 in an .xlsx file (MS-OI29500, dataValidation@error) — so a list too long to
 * name in full gets a short message. An inline list holds at most 255 characters and no item with
 * a comma (the separator) or a quote (inlineList.ts).
 */
import { quoteSheet } from '../a1';
import type { ColumnValidation } from '../types';

/** The alert's title (≤ 32 characters). */
export const VALIDATION_ERROR_TITLE = 'Giá trị không hợp lệ';

/** The longest alert message every Excel accepts, from a file or from Office.js. */
export const VALIDATION_MESSAGE_MAX_LENGTH = 224;

/**
 * A validation rule as both hosts write it. A list's `source` is its items joined by commas
 * ("C,P,K"), or a reference to them as a formula ("='Danh mục'!$A$2:$A$9", absolute or Excel would
 * shift it per cell); a number is at least `min` (and at most `max` when given); a date is after
 * `after` (an ISO date). Every rule lets a cell stay blank and stops a wrong value with the alert
 * of validationMessage.
 */
export type ValidationRule =
  | { type: 'list'; source: string }
  | { type: 'wholeNumber' | 'decimal'; operator: 'between' | 'greaterThanOrEqual'; min: number; max?: number }
  | { type: 'date'; operator: 'greaterThan'; after: string };

/** The rule of a column validation. */
export function validationRule(validation: ColumnValidation): ValidationRule {
  switch (validation.type) {
    case 'list':
      return { type: 'list', source: validation.items.join(',') };
    case 'listRange':
      // "A2:a9" → "$A$2:$A$9".
      return {
        type: 'list',
        source: `=${quoteSheet(validation.sheet)}!${validation.range
          .toUpperCase()
          .replace(/\$/g, '')
          .replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`,
      };
    case 'date':
      return { type: 'date', operator: 'greaterThan', after: '1900-01-01' };
    default:
      return { ...validation, operator: validation.max === undefined ? 'greaterThanOrEqual' : 'between' };
  }
}

/** The Vietnamese message Excel shows when a typed value breaks the validation. */
export function validationMessage(validation: ColumnValidation): string {
  switch (validation.type) {
    case 'list':
    case 'listRange': {
      // "; " between items: an item may itself contain a comma.
      const text = `Hãy chọn một giá trị trong danh sách: ${validation.items.join('; ')}.`;
      return text.length <= VALIDATION_MESSAGE_MAX_LENGTH ? text : 'Hãy chọn một giá trị trong danh sách thả xuống.';
    }
    case 'wholeNumber':
    case 'decimal': {
      const what = validation.type === 'wholeNumber' ? 'số nguyên' : 'số';
      return validation.max !== undefined
        ? `Hãy nhập ${what} từ ${validation.min} đến ${validation.max}.`
        : `Hãy nhập ${what} từ ${validation.min} trở lên.`;
    }
    case 'date':
      return 'Hãy nhập ngày dạng dd/mm/yyyy.';
  }
}
