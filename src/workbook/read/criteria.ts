/** `Tiêu chí`: the criteria rows (code, maximum and self-assessed points). */
import { msg } from '../../core/messages';
import '../../core/messages/viIssues';
import type { CriterionRow } from '../../core/types';
import { CRITERIA_SHEET } from '../layout/template';
import { formulaIssue, numberCell } from './cells';
import { locateHeader, reportMissingColumns, rowBlank, type SheetView } from './sheetView';

/** Largest points value of one `Tiêu chí` cell: far above any real scale, below any overflow. */
export const MAX_POINTS = 1_000_000;

// ---------------------------------------------------------------- Tiêu chí

const CODE_PATTERN = /^1\.[1-4](\.[0-9a-z]+)*$/i;

/** The text of a `Mã` cell; a number Excel made of it is read back as its shortest decimal. */
function codeText(sheet: SheetView, r: number, c: number): string | null {
  const value = sheet.raw(r, c);
  if (typeof value === 'number' && Number.isFinite(value)) return String(Number(value.toPrecision(12)));
  const text = sheet.text(r, c);
  if (text === null) return null;
  return text.replace(/\s+/g, '').replace(/,/g, '.').replace(/\.+$/, '');
}

export function readCriteria(sheet: SheetView): CriterionRow[] {
  const columns = CRITERIA_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const codeCol = col('code');
  const maxCol = col('max');
  const selfCol = col('self');
  const known = [...header.cols.values()];
  const rows: CriterionRow[] = [];
  /** Rows with a self-score but no maximum: reported once leaves are known. */
  const selfWithoutMax: { row: CriterionRow; cell: string }[] = [];
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    /** The first point cell of the row that is invalid: its criterion's percent is not computed. */
    let invalidCell: string | undefined;
    const points = (c: number | undefined, header: string): number | null => {
      if (c === undefined) return null;
      const cell = numberCell(sheet, r, c);
      if (cell.state === 'blank') return null;
      if (cell.state !== 'number' || cell.value < 0 || cell.value > MAX_POINTS) invalidCell ??= sheet.addr(r, c);
      if (cell.state === 'formula') {
        formulaIssue(sheet, 'NUMBER_INVALID', sheet.addr(r, c), header);
        return null;
      }
      if (cell.state === 'bad') {
        sheet.issue('NUMBER_INVALID', sheet.addr(r, c), msg('NUMBER_INVALID.score', { header, text: cell.text }));
        return null;
      }
      if (cell.value < 0) {
        sheet.issue('SCORE_INVALID', sheet.addr(r, c), msg('SCORE_INVALID.negative', { header, value: cell.value }));
        return null;
      }
      if (cell.value > MAX_POINTS) {
        // A typo such as 1e308: sums of such values overflow and the percent would read "NaN %".
        sheet.issue('SCORE_INVALID', sheet.addr(r, c), msg('SCORE_INVALID.tooLarge', { header, value: cell.value }));
        return null;
      }
      return cell.value;
    };
    const maxPoints = points(maxCol, 'Điểm tối đa');
    let selfPoints = points(selfCol, 'Điểm tự chấm');
    const code = codeCol === undefined ? null : codeText(sheet, r, codeCol);
    const codeCell = sheet.addr(r, codeCol ?? 0);
    const selfCell = sheet.addr(r, selfCol ?? codeCol ?? 0);
    const scored = !sheet.blank(r, maxCol) || !sheet.blank(r, selfCol);
    if (code === null) {
      // A heading row ("a/ Các tiêu chí chung") has neither code nor points.
      if (sheet.formulaWithoutResult(r, codeCol)) formulaIssue(sheet, 'VALUE_INVALID', codeCell, 'Mã');
      else if (scored && codeCol !== undefined) {
        sheet.issue('VALUE_INVALID', codeCell, msg('VALUE_INVALID.criterionCodeBlank', { row: String(sheet.rowNumber(r)) }));
      }
      continue;
    }
    if (!CODE_PATTERN.test(code)) {
      sheet.issue('VALUE_INVALID', codeCell, msg('VALUE_INVALID.criterionCode', { code }));
      continue;
    }
    if (maxPoints !== null && selfPoints !== null && selfPoints > maxPoints) {
      sheet.issue('SCORE_INVALID', selfCell, msg('SCORE_INVALID.aboveMax', { code, self: selfPoints, max: maxPoints }));
      selfPoints = null;
      invalidCell ??= selfCell;
    } else if (maxPoints !== null && selfPoints === null && selfCol !== undefined && sheet.blank(r, selfCol)) {
      sheet.issue('SCORE_MISSING', selfCell, msg('SCORE_MISSING', { code, max: maxPoints }), 'warning');
    }
    const row: CriterionRow = {
      code,
      maxPoints,
      selfPoints,
      row: sheet.rowNumber(r),
      codeCell,
      selfCell,
      ...(invalidCell !== undefined ? { invalidCell } : {}),
    };
    rows.push(row);
    if (maxPoints === null && selfPoints !== null && maxCol !== undefined && sheet.blank(r, maxCol)) {
      selfWithoutMax.push({ row, cell: sheet.addr(r, maxCol) });
    }
  }
  for (const { row, cell } of selfWithoutMax) {
    const hasChildren = rows.some((other) => other.code.toLowerCase().startsWith(`${row.code.toLowerCase()}.`));
    if (hasChildren) continue;
    sheet.issue('NUMBER_INVALID', cell, msg('NUMBER_INVALID.maxBlank', { code: row.code, self: row.selfPoints ?? 0 }));
    row.invalidCell ??= cell;
  }
  return rows;
}
