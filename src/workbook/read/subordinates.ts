/** `Chi bộ trực thuộc`: a đảng bộ's cells (members, rating, recognised as model). */
import { msg, ref } from '../../core/messages';
import '../../core/messages/viIssues';
import type { SubordinateCell } from '../../core/types';
import { parseRecognised } from '../../core/vocabulary';
import { SUBORDINATES_SHEET } from '../layout/template';
import { formulaIssue, notYetRatedCell, ratingTyped, readCount, readRating } from './cells';
import { locateHeader, reportMissingColumns, rowBlank, type SheetView } from './sheetView';

export function readSubordinates(sheet: SheetView): SubordinateCell[] {
  const columns = SUBORDINATES_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const known = [...header.cols.entries()].filter(([key]) => key !== 'stt').map(([, c]) => c);
  const cells: SubordinateCell[] = [];
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    const nameCol = col('name');
    let name = nameCol === undefined ? null : sheet.text(r, nameCol);
    if (name === null) {
      if (nameCol !== undefined) {
        sheet.issue('VALUE_INVALID', sheet.addr(r, nameCol), msg('VALUE_INVALID.cellName', { row: String(sheet.rowNumber(r)) }));
      }
      name = `Dòng ${sheet.rowNumber(r)}`;
    }
    const members = readCount(sheet, r, col('members'), 'Số đảng viên', 'null', ref('what.cellMembers'));
    const rating = readRating(sheet, r, col('rating'));
    const modelCol = col('isModel');
    let isModel: boolean | null = null;
    if (sheet.formulaWithoutResult(r, modelCol)) formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, modelCol as number), 'Chi bộ bốn tốt');
    else if (modelCol !== undefined && !sheet.blank(r, modelCol)) {
      const raw = sheet.raw(r, modelCol);
      isModel = parseRecognised(typeof raw === 'string' ? sheet.text(r, modelCol) : raw);
      if (isModel === null) {
        sheet.issue('VALUE_INVALID', sheet.addr(r, modelCol), msg('VALUE_INVALID.model', { text: sheet.text(r, modelCol) ?? '' }));
      }
    }
    const ratingUnreadable = rating === null && ratingTyped(sheet, r, col('rating')) && !notYetRatedCell(sheet, r, col('rating'));
    cells.push({
      name,
      members,
      rating,
      ratingUnreadable,
      isModel,
      row: sheet.rowNumber(r),
      ratingCell: sheet.addr(r, col('rating') ?? nameCol ?? 0),
    });
  }
  return cells;
}
