/**
 * The pane's first check in a workbook that is not (yet) a Bốn Tốt workbook (issue #21).
 *
 * Threshold: a workbook "has the product's sheets" when at least one sheet is an input sheet of
 * SPEC §2 — Thông tin, Đảng viên, Sinh hoạt, Điểm danh, Tiêu chí or Chi bộ trực thuộc, by name or
 * alias (sheetKeyOf: case, diacritics and spaces ignored), empty or not. `Cấu hình`, `Tổng hợp` and
 * `Danh mục` do not count: a saved policy or a written summary is not data to check. Without any
 * input sheet a verdict would only list missing sheets (SHEET_MISSING, "Chưa đủ điều kiện"), so the
 * pane says in one line that there is nothing to check yet and offers the Mẫu tab instead.
 */
import { sheetKeyOf, type SheetKey } from '../src/workbook/layout/template';
import type { CheckResult } from '../src/workbook/types';
import { el } from './dom';

/** The sheets whose presence makes a workbook one to check. */
export const INPUT_SHEET_KEYS: readonly SheetKey[] = ['info', 'members', 'meetings', 'attendance', 'criteria', 'subordinates'];

/** True when some sheet name is one of the input sheets (see the threshold above). */
export function hasProductSheets(sheets: readonly { name: string }[]): boolean {
  return sheets.some((sheet) => {
    const key = sheetKeyOf(sheet.name);
    return key !== null && INPUT_SHEET_KEYS.includes(key);
  });
}

/** The one-line notice with the button that opens the Mẫu tab. */
export function noProductSheetsNotice(openTemplate: () => void): HTMLElement {
  const button = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: 'check.openTemplate', testid: 'open-template' });
  button.addEventListener('click', () => openTemplate());
  return el('div', { class: 'no-sheets', testid: 'no-sheets' }, [
    el('p', { class: 'notice', i18n: 'check.noSheets', testid: 'no-sheets-text' }),
    el('div', { class: 'actions' }, [button]),
  ]);
}

/** True when the check read text typed in TCVN3 or VNI fonts (its LEGACY_ENCODING warnings). */
export function legacyTextFound(result: Pick<CheckResult, 'issues'>): boolean {
  return result.issues.some((issue) => issue.code === 'LEGACY_ENCODING');
}
