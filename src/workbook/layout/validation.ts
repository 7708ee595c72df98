/**
 * The texts of a column validation's error alert, shared by both hosts (Office.js in
 * src/hosts/excel/layout.ts, ExcelJS in src/hosts/xlsx.ts) so that a sheet written in Excel and a
 * file written by the CLI tell the user the same thing. Excel limits these texts: the alert title
 * to 32 characters and the alert message to 225 (MS-XLSB DValStrings) — 224 in an .xlsx file
 * (MS-OI29500, dataValidation@error) — so a list too long to name in full gets a short message.
 */
import type { ColumnValidation } from '../types';

/** The alert's title (≤ 32 characters). */
export const VALIDATION_ERROR_TITLE = 'Giá trị không hợp lệ';

/** The longest alert message every Excel accepts, from a file or from Office.js. */
export const VALIDATION_MESSAGE_MAX_LENGTH = 224;

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
