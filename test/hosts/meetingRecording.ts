/**
 * Shared by the meeting-form tests and the bench: the bundled sample's year (scripts/sampleData.ts)
 * as forms, and a fake workbook that holds the sample without its meetings.
 */
import { parseDate } from '../../src/core/dates';
import { parseMeetingKind, parseSelfAssessment } from '../../src/core/vocabulary';
import type { FormMark, MeetingBook, MeetingForm } from '../../src/workbook/meetingForm';
import { headerKey, sheetKeyOf } from '../../src/workbook/layout/template';
import type { SheetGrid } from '../../src/workbook/types';
import { isoToExcelSerial } from '../../src/core/dates';
import type { FakeSheetInit } from '../fakes/office';
import type { OrgSpec } from '../../scripts/sampleData';

/** A grid's values as the fake stores them: Dates (file readers) become Excel serials. */
export function fakeValues(grid: SheetGrid): unknown[][] {
  return grid.values.map((row) =>
    row.map((value) => {
      if (value instanceof Date) {
        const parsed = parseDate(value);
        return parsed.ok ? isoToExcelSerial(parsed.value) : null;
      }
      return value ?? null;
    }),
  );
}

function originOf(grid: SheetGrid): string {
  let n = grid.originCol + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${grid.originRow + 1}`;
}

/**
 * The workbook as a fake's sheets, with the meetings taken out: `Sinh hoạt` keeps its header row
 * (and every column right of the template's, with their values), `Điểm danh` keeps its header row
 * and the members' names and cards, without any date column.
 */
export function withoutMeetings(grids: readonly SheetGrid[]): FakeSheetInit[] {
  return grids.map((grid) => {
    const values = fakeValues(grid);
    const key = sheetKeyOf(grid.name);
    if (key === 'meetings') {
      // Header row only: the rows below hold the meetings (and the helper columns' results).
      return { name: grid.name, values: values.slice(0, 1), origin: originOf(grid), visibility: grid.hidden ? 'Hidden' : 'Visible' };
    }
    if (key === 'attendance') {
      const header = values[0] ?? [];
      const keep = header.map((cell) => typeof cell === 'string' && ['hovaten', 'sothedangvien'].includes(headerKey(cell)));
      return {
        name: grid.name,
        values: values.map((row) => row.map((cell, c) => (keep[c] ? cell : null))),
        origin: originOf(grid),
        visibility: grid.hidden ? 'Hidden' : 'Visible',
      };
    }
    return { name: grid.name, values, origin: originOf(grid), visibility: grid.hidden ? 'Hidden' : 'Visible' };
  });
}

/** The sample's meetings as the forms a clerk fills in, in the order they were held. */
export function formsOfSpec(spec: OrgSpec, book: MeetingBook): MeetingForm[] {
  const members = spec.members ?? [];
  const attendance = spec.attendance;
  if (!spec.meetings || !attendance) throw new Error('a chi bộ spec');
  return spec.meetings.map((meeting) => {
    // The attendance column of the meeting's date: a same-day session's two rows share one column.
    const column = attendance.dates.indexOf(meeting.date);
    const marks: Record<string, FormMark> = {};
    book.roster.forEach((member) => {
      const at = members.findIndex((m) => m.name === member.name);
      const mark = attendance.marks[at]?.[column] ?? '';
      marks[member.key] = mark === '' ? null : (mark as FormMark);
    });
    const kind = parseMeetingKind(meeting.kind);
    const self = parseSelfAssessment(meeting.selfAssessment);
    if (!kind.ok || !self.ok) throw new Error('sample labels');
    return {
      date: meeting.date,
      kind: kind.value,
      marks,
      speakers: meeting.speakers,
      minutes: meeting.minutes,
      chairSigned: meeting.chairSigned,
      secretarySigned: meeting.secretarySigned,
      selfAssessment: self.value,
    };
  });
}
