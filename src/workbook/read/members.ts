/** `Đảng viên`: the member list (keys, exemption, rating, discipline, transfer notes). */
import type { DisciplineReading } from '../../core/discipline';
import { msg, ref } from '../../core/messages';
import '../../core/messages/viIssues';
import { foldText } from '../../core/text';
import type { Member, OrgKind } from '../../core/types';
import { parseExempt } from '../../core/vocabulary';
import { MEMBERS_SHEET, type ColumnDef } from '../layout/template';
import { cardKey, checkDate, formulaIssue, nameKey, notYetRatedCell, ratingTyped, readRating, readYesNo } from './cells';
import { locateHeader, reportMissingColumns, rowBlank, type SheetView } from './sheetView';

/**
 * The discipline that counts for DISCIPLINE: a form of the evaluation year (no year written = that
 * year). A form of another year is not counted; with no known evaluation year a form dated by the
 * text cannot be placed and is not counted either (the missing year is already a data error).
 */
function countedDiscipline(reading: DisciplineReading, evaluationYear: number | null): boolean {
  if (reading.kind !== 'form') return false;
  if (reading.year === null) return true;
  return evaluationYear !== null && reading.year === evaluationYear;
}

/** `Ghi chú` of a member who transferred out during the year (SPEC §2). */
const TRANSFER_NOTE = /^(?:chuyen di|chuyen sinh hoat di|da chuyen sinh hoat)\b/;

// ---------------------------------------------------------------- Đảng viên

export interface MembersRead {
  members: Member[];
  /** Whether members are keyed by Số thẻ đảng viên. */
  byCard: boolean;
  /** Every member key, with the cell of its first row. */
  keys: ReadonlyMap<string, string>;
  /**
   * The keys whose first member is exempt from meetings or has an unreadable `Miễn sinh hoạt`
   * (the members an M mark agrees with): kept while reading, so the matrix needs no map of all
   * members for its M marks.
   */
  exemptKeys: ReadonlySet<string>;
}

export function readMembers(sheet: SheetView, kind: OrgKind | null, year: number | null): MembersRead {
  const columns = MEMBERS_SHEET.columns;
  const header = locateHeader(sheet, columns);
  // A đảng bộ reads this sheet for DISCIPLINE only: the name and Kỷ luật are what it needs.
  const required = (c: ColumnDef): boolean => (kind === 'dang-bo' ? c.key === 'name' || c.key === 'discipline' : c.required);
  reportMissingColumns(sheet, header, columns, required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const byCard = col('card') !== undefined;
  const members: Member[] = [];
  const seen = new Map<string, string>();
  const exemptKeys = new Set<string>();
  const known = [...header.cols.entries()].filter(([key]) => key !== 'stt').map(([, c]) => c);
  // The columns, looked up once (not once per row).
  const nameCol = col('name');
  const cardCol = col('card');
  const joinedCol = col('joined');
  const exemptCol = col('exempt');
  const ratingCol = col('rating');
  const disciplineCol = col('discipline');
  const noteCol = col('note');
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    const name = nameCol === undefined ? null : sheet.text(r, nameCol);
    const firstCell = sheet.addr(r, nameCol ?? 0);
    if (name === null && nameCol !== undefined) {
      if (sheet.formulaWithoutResult(r, nameCol)) formulaIssue(sheet, 'VALUE_INVALID', firstCell, 'Họ và tên');
      else sheet.issue('VALUE_INVALID', firstCell, msg('VALUE_INVALID.memberName', { row: String(sheet.rowNumber(r)) }));
    }
    const card = cardCol === undefined ? null : sheet.text(r, cardCol);
    if (name === null && card === null) continue;
    const key = card !== null ? cardKey(card) : nameKey(name ?? '');
    const keyCell = card !== null && cardCol !== undefined ? sheet.addr(r, cardCol) : firstCell;
    const previous = seen.get(key);
    if (previous !== undefined && (card !== null || !byCard)) {
      const duplicate =
        card !== null ? msg('DUPLICATE_MEMBER.card', { value: card, previous }) : msg('DUPLICATE_MEMBER.name', { value: name ?? '', previous });
      sheet.issue('DUPLICATE_MEMBER', keyCell, duplicate, 'warning');
    } else if (previous === undefined) seen.set(key, keyCell);
    checkDate(sheet, r, joinedCol, 'Ngày vào Đảng', false);
    const exemptRead = readYesNo(sheet, r, exemptCol, 'Miễn sinh hoạt', parseExempt);
    const exempt = exemptRead === true;
    const exemptUnreadable = exemptRead === null;
    if (previous === undefined && (exempt || exemptUnreadable)) exemptKeys.add(key);
    const rating = readRating(sheet, r, ratingCol);
    const ratingUnreadable = rating === null && ratingTyped(sheet, r, ratingCol) && !notYetRatedCell(sheet, r, ratingCol);
    const disciplineText = disciplineCol === undefined ? null : sheet.text(r, disciplineCol);
    let discipline: string | null = null;
    if (disciplineText !== null) {
      const reading = sheet.texts.discipline(disciplineText);
      if (reading.kind === 'invalid')
        sheet.issue('VALUE_INVALID', sheet.addr(r, disciplineCol as number), msg('issue.column', { header: 'Kỷ luật', problem: reading.text }));
      else if (countedDiscipline(reading, year)) discipline = disciplineText;
    } else if (sheet.formulaWithoutResult(r, disciplineCol)) {
      formulaIssue(sheet, 'VALUE_INVALID', sheet.addr(r, disciplineCol as number), 'Kỷ luật');
    }
    // Ghi chú is free text: read (legacy text converted, so "ChuyÓn ®i" is a transfer) but not
    // warned about, as before it was read at all; the conversion plan still covers it.
    const note = noteCol === undefined || sheet.blank(r, noteCol) ? null : sheet.peek(r, noteCol);
    const transferred = note !== null && TRANSFER_NOTE.test(foldText(note));
    if (rating === 'KXL' && !exempt && !exemptUnreadable && note === null) {
      sheet.issue(
        'KXL_UNEXPLAINED',
        sheet.addr(r, ratingCol as number),
        msg('KXL_UNEXPLAINED', { name: name ?? card ?? '', kxl: ref('rating.KXL') }),
        'warning',
      );
    }
    members.push({
      key,
      name: name ?? card ?? '',
      exempt,
      // Always present (undefined when false): every member record keeps one shape for the rules' loops.
      exemptUnreadable: exemptUnreadable ? true : undefined,
      transferred: transferred ? true : undefined,
      rating,
      ratingUnreadable,
      discipline,
      row: sheet.rowNumber(r),
      nameCell: firstCell,
      ratingCell: sheet.addr(r, ratingCol ?? nameCol ?? 0),
      disciplineCell: disciplineCol === undefined ? null : sheet.addr(r, disciplineCol),
    });
  }
  return { members, byCard, keys: seen, exemptKeys };
}
