/** `Sinh hoạt`: one record per meeting row, with the fields its errors make unreadable. */
import { isoParts } from '../../core/dates';
import { msg, ref } from '../../core/messages';
import '../../core/messages/viIssues';
import type { Issue, Meeting, MeetingField, MeetingKind, SelfAssessment } from '../../core/types';
import { parseMeetingKind, parseSelfAssessment, parseSigned } from '../../core/vocabulary';
import { MEETINGS_SHEET } from '../layout/template';
import { readAmount, readCount, readDate, readLabel, readYesNo } from './cells';
import { locateHeader, reportMissingColumns, rowBlank, type SheetView } from './sheetView';

const MEETING_FIELDS: readonly MeetingField[] = [
  'date',
  'kind',
  'members',
  'present',
  'excused',
  'unexcused',
  'speakers',
  'minutes',
  'chairSigned',
  'secretarySigned',
  'selfAssessment',
];

export function readMeetings(sheet: SheetView, year: number | null): Meeting[] {
  const columns = MEETINGS_SHEET.columns;
  const header = locateHeader(sheet, columns);
  reportMissingColumns(sheet, header, columns, (c) => c.required);
  const col = (key: string): number | undefined => header.cols.get(key);
  const headerOf = (key: string): string => columns.find((c) => c.key === key)?.header ?? key;
  const known = [...header.cols.entries()].filter(([key]) => key !== 'stt').map(([, c]) => c);
  const meetings: Meeting[] = [];
  const presentFields = MEETING_FIELDS.filter((field) => col(field) !== undefined);
  for (let r = header.row + 1; r < sheet.rowCount; r++) {
    if (rowBlank(sheet, r, known)) continue;
    const firstCol = col('date') ?? known[0] ?? 0;
    const cells = Object.fromEntries(MEETING_FIELDS.map((field) => [field, sheet.addr(r, col(field) ?? firstCol)])) as Record<MeetingField, string>;
    const issuesBefore = sheet.issues.length;
    const date = readDate(sheet, r, col('date'), headerOf('date'), true);
    if (date !== null && year !== null && isoParts(date).year !== year) {
      sheet.issue('DATE_OUT_OF_YEAR', cells.date, msg('DATE_OUT_OF_YEAR', { date: { date }, year: String(year) }), 'warning');
    }
    const kindCol = col('kind');
    let kind: MeetingKind | null = null;
    if (kindCol !== undefined) {
      if (sheet.blank(r, kindCol)) {
        sheet.issue('VALUE_INVALID', cells.kind, msg('VALUE_INVALID.kindBlank', { header: headerOf('kind') }));
      } else kind = readLabel(sheet, r, kindCol, headerOf('kind'), parseMeetingKind);
    }
    const members = readCount(sheet, r, col('members'), headerOf('members'), 'error', ref('what.members'));
    const present = readCount(sheet, r, col('present'), headerOf('present'), 'error', ref('what.present'));
    // Blank counts are 0; an unreadable one (already an error) is also 0 here, but flagged so that
    // the meeting's own attendance (MEETING_ATTENDANCE_LOW) is not judged on a made-up count.
    const excusedRead = readCount(sheet, r, col('excused'), headerOf('excused'), 'null', ref('what.excused'));
    const unexcusedRead = readCount(sheet, r, col('unexcused'), headerOf('unexcused'), 'null', ref('what.unexcused'));
    const unreadableCount = (read: number | null, c: number | undefined): boolean => read === null && c !== undefined && !sheet.blank(r, c);
    const absencesUnreadable = unreadableCount(excusedRead, col('excused')) || unreadableCount(unexcusedRead, col('unexcused'));
    const excused = excusedRead ?? 0;
    const unexcused = unexcusedRead ?? 0;
    const speakers = readCount(sheet, r, col('speakers'), headerOf('speakers'), 'error', ref('what.speakers'));
    const minutes = readAmount(sheet, r, col('minutes'), headerOf('minutes'), 'error', ref('what.minutes'));
    const chairSigned = readYesNo(sheet, r, col('chairSigned'), headerOf('chairSigned'), parseSigned);
    const secretarySigned = readYesNo(sheet, r, col('secretarySigned'), headerOf('secretarySigned'), parseSigned);
    const selfAssessment = readLabel<SelfAssessment>(sheet, r, col('selfAssessment'), headerOf('selfAssessment'), parseSelfAssessment);
    // The fields whose cell gave an error (unreadable, or blank where a value is required): the
    // rules that need them are skipped for this row (SPEC §3). Found from the row's own errors.
    const unreadable = unreadableFields(sheet.issues, issuesBefore, sheet.name, cells, presentFields);
    if (members !== null && present !== null && present + excused + unexcused > members) {
      sheet.issue(
        'COUNT_MISMATCH',
        cells.present,
        msg('COUNT_MISMATCH', { present, excused, unexcused, total: present + excused + unexcused, members }),
      );
    }
    meetings.push({
      row: sheet.rowNumber(r),
      date,
      kind,
      members,
      present,
      excused,
      unexcused,
      speakers,
      minutes,
      chairSigned: chairSigned === true,
      secretarySigned: secretarySigned === true,
      selfAssessment,
      ...(absencesUnreadable ? { absencesUnreadable } : {}),
      cells,
      unreadable: unreadable.length > 0 ? unreadable : undefined,
    });
  }
  return meetings;
}

/** The fields of a meeting row whose cell got an error issue since `from` (in `issues`). */
function unreadableFields(
  issues: readonly Issue[],
  from: number,
  sheet: string,
  cells: Record<MeetingField, string>,
  present: readonly MeetingField[],
): MeetingField[] {
  const fields: MeetingField[] = [];
  for (let i = from; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    if (issue.severity !== 'error' || issue.sheet !== sheet) continue;
    for (const field of present) if (cells[field] === issue.cell && !fields.includes(field)) fields.push(field);
  }
  return fields;
}
