/**
 * Round trips to record one meeting through the pane's form (issue 26), on the in-memory Office.js
 * fake: src/hosts/excel/meeting.ts saveMeeting of a new meeting on the large workbook (every member
 * marked). Reading the form's lists beforehand is not part of the save and not counted.
 */
import { readMeetingBook, saveMeeting } from '../src/hosts/excel/meeting';
import { newMeetingForm } from '../src/workbook/meetingForm';
import type { SheetLayout } from '../src/workbook/types';
import { createFakeExcel } from '../test/fakes/office';

export interface RecordMeetingSyncs {
  syncs: number;
  members: number;
  /** The `Sinh hoạt` row and `Điểm danh` column written (facts that the save happened). */
  row: number;
  column: string;
}

export async function countRecordMeetingSyncs(layouts: readonly SheetLayout[], date = '2025-12-29'): Promise<RecordMeetingSyncs> {
  const fake = createFakeExcel({
    sheets: layouts.map((layout) => ({ name: layout.name, values: layout.values, visibility: layout.hidden ? 'Hidden' : 'Visible' })),
  });
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    fake.run((context) => batch(context as unknown as Excel.RequestContext));
  const book = await run((context) => readMeetingBook(context));
  if (!book.sheets.meetings || !book.sheets.attendance) throw new Error('the bench workbook has no Sinh hoạt or Điểm danh');
  const form = { ...newMeetingForm(date, book.roster), speakers: 7, minutes: 120, selfAssessment: 'tot' as const };
  const sheets = { meetings: book.sheets.meetings, attendance: book.sheets.attendance };
  const saved = await fake.countSyncs(() => run((context) => saveMeeting(context, { form, roster: book.roster, sheets, target: { mode: 'new' } })));
  if (!saved.result.written) throw new Error('the meeting was not written');
  const written = fake.cell(sheets.meetings, `E${saved.result.plan.meetingRow}`).value;
  if (written !== book.roster.filter((m) => !m.exempt && !m.transferred).length) throw new Error(`Có mặt written as ${String(written)}`);
  return { syncs: saved.syncs, members: book.roster.length, row: saved.result.plan.meetingRow, column: saved.result.plan.attendanceColumn };
}
