/**
 * The meeting form's Office.js side: reads what the form shows (readMeetingBook, 2 syncs, the
 * sheets it needs only) and records a meeting (saveMeeting, 2 syncs whatever the size: the two
 * sheets' used ranges with their formulas, then every write at once). What is written is decided by
 * src/workbook/meetingForm.ts; here grids and writes only move in and out.
 */
import { meetingBookOf, type MeetingBook, type MeetingForm, type RosterMember } from '../../workbook/meetingForm';
import { planMeetingSave, MeetingSaveError, type GridWithFormulas, type MeetingWritePlan, type SaveTarget } from '../../workbook/meetingSave';
import { sheetKeyOf } from '../../workbook/layout/template';
import { readSheets } from './read';

/** The sheets the form reads: Thông tin (Loại hình, year), Đảng viên, Sinh hoạt, Điểm danh. */
export async function readMeetingBook(context: Excel.RequestContext): Promise<MeetingBook> {
  const grids = await readSheets(context, {
    include: (name) => {
      const key = sheetKeyOf(name);
      return key === 'info' || key === 'members' || key === 'meetings' || key === 'attendance';
    },
  });
  return meetingBookOf(grids);
}

export interface SaveMeetingRequest {
  form: MeetingForm;
  roster: readonly RosterMember[];
  /** The sheet names the book was read from. */
  sheets: { meetings: string; attendance: string };
  target: SaveTarget;
  /**
   * Called with the plan before anything is written: return false to write nothing (the pane
   * asks before a second meeting on a date that has one). Default: write.
   */
  confirm?: (plan: MeetingWritePlan) => boolean | Promise<boolean>;
}

export interface SaveMeetingResult {
  plan: MeetingWritePlan;
  written: boolean;
}

function origin(address: string): { row: number; col: number } {
  const part = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const match = /^\$?([A-Z]+)\$?(\d+)/.exec(part.split(':')[0] ?? '');
  if (!match) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of match[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/**
 * Records the form: one read of both sheets (values and formulas, to tell a template formula from
 * a typed cell), then one sync with every write. Never touches a cell outside the meeting's row, its
 * `Điểm danh` column and the name cells of members added to `Điểm danh`.
 */
export async function saveMeeting(context: Excel.RequestContext, request: SaveMeetingRequest): Promise<SaveMeetingResult> {
  const worksheets = context.workbook.worksheets;
  const names = [request.sheets.meetings, request.sheets.attendance];
  const used = names.map((name) => {
    const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load('address,values,formulas');
    return range;
  });
  await context.sync();
  const grids: GridWithFormulas[] = used.map((range, i) => {
    const name = names[i] as string;
    if (range.isNullObject) return { name, values: [], formulas: [], originRow: 0, originCol: 0 };
    const start = origin(range.address);
    return { name, values: range.values as unknown[][], formulas: range.formulas as unknown[][], originRow: start.row, originCol: start.col };
  });
  const plan = planMeetingSave(request.form, request.roster, grids[0] as GridWithFormulas, grids[1] as GridWithFormulas, request.target);
  if (request.confirm && !(await request.confirm(plan))) return { plan, written: false };
  context.application.suspendApiCalculationUntilNextSync();
  for (const write of plan.writes) {
    const range = worksheets.getItem(write.sheet).getRange(write.address);
    // Formats first: a text cell must be text before its value arrives (Office.js parses strings as typed).
    if (write.numberFormats.some((row) => row.some((format) => format !== null))) range.numberFormat = write.numberFormats as string[][];
    range.values = write.values as (string | number | boolean)[][];
  }
  await context.sync();
  return { plan, written: true };
}

export { MeetingSaveError };
