/**
 * The meeting form's Office.js side against the in-memory fake: a year recorded through the form
 * checks exactly like the bundled sample typed by hand, saving takes 2 syncs and writes one row and
 * one column only, editing rewrites only what changed, same-day sessions are asked about first.
 */
import { join } from 'path';
import { CHI_BO_SAMPLE } from '../../scripts/make-samples';
import { isoToExcelSerial } from '../../src/core/dates';
import { createTemplate, readSheets } from '../../src/hosts/excel';
import { readMeetingBook, saveMeeting } from '../../src/hosts/excel/meeting';
import { readWorkbookFile } from '../../src/hosts/xlsx/node';
import { checkWorkbook } from '../../src/workbook/check';
import { formOfMeeting, newMeetingForm, type MeetingBook, type MeetingForm } from '../../src/workbook/meetingForm';
import { templateLayouts } from '../../src/workbook/layout/templateLayouts';
import type { SheetGrid } from '../../src/workbook/types';
import { createFakeExcel, type FakeExcel, type SheetSnapshot } from '../fakes/office';
import { formsOfSpec, withoutMeetings } from './meetingRecording';

const AS_OF = '2026-01-15';
const SAMPLE = join(__dirname, '..', '..', 'samples', 'chi-bo-mau.xlsx');

function run<T>(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((context) => batch(context as unknown as Excel.RequestContext));
}

async function book(fake: FakeExcel): Promise<MeetingBook> {
  return run(fake, (context) => readMeetingBook(context));
}

async function record(fake: FakeExcel, current: MeetingBook, form: MeetingForm): Promise<number> {
  const { syncs } = await fake.countSyncs(() =>
    run(fake, (context) =>
      saveMeeting(context, {
        form,
        roster: current.roster,
        sheets: { meetings: current.sheets.meetings as string, attendance: current.sheets.attendance as string },
        target: { mode: 'new' },
      }),
    ),
  );
  return syncs;
}

/** Every cell of every sheet except the listed cells ("Sheet!A1"). */
function cellsExcept(snapshots: Record<string, SheetSnapshot>, allowed: (sheet: string, address: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const snapshot of Object.values(snapshots)) {
    for (const [address, cell] of Object.entries(snapshot.cells)) {
      if (!allowed(snapshot.name, address)) out[`${snapshot.name}!${address}`] = cell;
    }
  }
  return out;
}

let typed: SheetGrid[];
beforeAll(async () => {
  typed = await readWorkbookFile(SAMPLE);
});

describe('a year recorded through the form', () => {
  test('checks exactly like the sample typed by hand (verdict, criteria, reasons with cells, issues, statistics)', async () => {
    const fake = createFakeExcel({ sheets: withoutMeetings(typed) });
    const empty = await book(fake);
    expect(empty.meetings).toHaveLength(0);
    expect(empty.roster).toHaveLength(CHI_BO_SAMPLE.members?.length ?? -1);
    const forms = formsOfSpec(CHI_BO_SAMPLE, empty);
    // One form per `Sinh hoạt` row of the sample, the two rows of its same-day session included.
    expect(forms).toHaveLength(CHI_BO_SAMPLE.meetings?.length ?? -1);
    for (const form of forms) {
      const current = await book(fake);
      expect(await record(fake, current, form)).toBeLessThanOrEqual(2);
    }
    const recorded = await run(fake, (context) => readSheets(context));
    const expected = checkWorkbook(typed, { asOf: AS_OF });
    const actual = checkWorkbook(recorded, { asOf: AS_OF });
    // The sample carries four planted problems: the form must reproduce them, cell for cell.
    expect(expected.reasons.map((r) => `${r.code} ${r.sheet}!${r.cell}`)).toEqual([
      'MEETING_ATTENDANCE_LOW Sinh hoạt!E13',
      'ABSENCE_UNEXCUSED Điểm danh!J4',
      'DURATION_SHORT Sinh hoạt!I10',
      'MEETING_SELF_LOW Sinh hoạt!L5',
    ]);
    expect(actual.eligible).toBe(expected.eligible);
    expect(actual.criteria).toEqual(expected.criteria);
    expect(actual.reasons).toEqual(expected.reasons);
    expect(actual.issues).toEqual(expected.issues);
    expect(actual.stats).toEqual(expected.stats);
    // The meetings now read back as the form wrote them: 13 rows, counts from the marks.
    const after = await book(fake);
    expect(after.meetings.map((m) => m.date)).toEqual(CHI_BO_SAMPLE.meetings?.map((m) => m.date));
  });

  test('one save: 2 syncs, one Sinh hoạt row and one Điểm danh column, every other cell unchanged', async () => {
    const fake = createFakeExcel({ sheets: withoutMeetings(typed) });
    const current = await book(fake);
    const [first, second] = formsOfSpec(CHI_BO_SAMPLE, current);
    expect(await record(fake, current, first as MeetingForm)).toBe(2);
    const before = fake.snapshotAll();
    const again = await book(fake);
    const syncs = await record(fake, again, second as MeetingForm);
    expect(syncs).toBeLessThanOrEqual(2);
    const after = fake.snapshotAll();
    // Row 3 of Sinh hoạt (the second meeting) and column D of Điểm danh (its marks) only.
    const allowed = (sheet: string, address: string): boolean =>
      (sheet === 'Sinh hoạt' && /^[A-Z]+3$/.test(address)) || (sheet === 'Điểm danh' && /^D\d+$/.test(address));
    expect(cellsExcept(after, allowed)).toEqual(cellsExcept(before, allowed));
    expect(fake.cell('Sinh hoạt', 'B3').value).toBe(isoToExcelSerial('2025-02-12'));
    expect(fake.cell('Sinh hoạt', 'B3').numberFormat).toBe('dd/mm/yyyy');
    expect(fake.cell('Sinh hoạt', 'C3').value).toBe('Thường kỳ');
    expect(fake.cell('Sinh hoạt', 'D3').value).toBe(14);
    expect(fake.cell('Điểm danh', 'D1').value).toBe(isoToExcelSerial('2025-02-12'));
    // The exempt member (last of the list) is marked M, everyone else as the form says.
    expect(fake.cell('Điểm danh', 'D16').value).toBe('M');
  });
});

describe('editing and same-day sessions', () => {
  test('editing a meeting rewrites only the cells that change in its row and its column', async () => {
    const fake = createFakeExcel({ sheets: withoutMeetings(typed) });
    const current = await book(fake);
    const forms = formsOfSpec(CHI_BO_SAMPLE, current);
    for (const form of forms.slice(0, 3)) await record(fake, await book(fake), form);
    // A clerk typed "x" for a present member by hand: the same mark, kept as typed.
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('Điểm danh').getRange('D2').values = [['x']];
      await context.sync();
    });
    const loaded = await book(fake);
    const meeting = loaded.meetings[1];
    if (!meeting) throw new Error('second meeting');
    const form = formOfMeeting(meeting, loaded.roster);
    const third = loaded.roster[2];
    if (!third) throw new Error('member');
    form.marks[third.key] = 'K';
    form.minutes = 95;
    const before = fake.snapshotAll();
    const { syncs } = await fake.countSyncs(() =>
      run(fake, (context) =>
        saveMeeting(context, {
          form,
          roster: loaded.roster,
          sheets: { meetings: 'Sinh hoạt', attendance: 'Điểm danh' },
          target: { mode: 'edit', row: meeting.row, date: meeting.date },
        }),
      ),
    );
    expect(syncs).toBe(2);
    const after = fake.snapshotAll();
    const cellsAfter = cellsExcept(after, () => false);
    const cellsBefore = cellsExcept(before, () => false);
    const changed = [...new Set([...Object.keys(cellsAfter), ...Object.keys(cellsBefore)])].filter(
      (key) => JSON.stringify(cellsAfter[key]) !== JSON.stringify(cellsBefore[key]),
    );
    // Present 14 → 13 (or as the marks say), unexcused 0 → 1, minutes, and the one mark.
    expect(changed.sort()).toEqual(['Sinh hoạt!E3', 'Sinh hoạt!G3', 'Sinh hoạt!I3', 'Điểm danh!D4'].sort());
    expect(fake.cell('Điểm danh', 'D2').value).toBe('x');
    expect(fake.cell('Điểm danh', 'D4').value).toBe('K');
    expect(fake.cell('Sinh hoạt', 'G3').value).toBe(1);
    expect(fake.cell('Sinh hoạt', 'I3').value).toBe(95);
  });

  test('a second meeting on a date that has one is reported before anything is written; declining writes nothing', async () => {
    const fake = createFakeExcel({ sheets: withoutMeetings(typed) });
    const current = await book(fake);
    const [first] = formsOfSpec(CHI_BO_SAMPLE, current);
    await record(fake, current, first as MeetingForm);
    const loaded = await book(fake);
    const thematic: MeetingForm = { ...(first as MeetingForm), kind: 'thematic', minutes: 60 };
    const before = fake.snapshotAll();
    const asked: number[][] = [];
    const declined = await run(fake, (context) =>
      saveMeeting(context, {
        form: thematic,
        roster: loaded.roster,
        sheets: { meetings: 'Sinh hoạt', attendance: 'Điểm danh' },
        target: { mode: 'new' },
        confirm: (plan) => {
          asked.push(plan.sameDateRows);
          return false;
        },
      }),
    );
    expect(asked).toEqual([[2]]);
    expect(declined.written).toBe(false);
    expect(fake.snapshotAll()).toEqual(before);
    const accepted = await run(fake, (context) =>
      saveMeeting(context, {
        form: thematic,
        roster: loaded.roster,
        sheets: { meetings: 'Sinh hoạt', attendance: 'Điểm danh' },
        target: { mode: 'new' },
        confirm: () => true,
      }),
    );
    expect(accepted.written).toBe(true);
    expect(accepted.plan.meetingRow).toBe(3);
    expect(accepted.plan.attendanceColumn).toBe('D');
    // Two rows of one date, Thường kỳ + Chuyên đề: one combined session for the check (SPEC §2).
    const reread = await book(fake);
    expect(reread.meetings.map((m) => [m.date, m.kind])).toEqual([
      ['2025-01-08', 'regular'],
      ['2025-01-08', 'thematic'],
    ]);
    expect(reread.meetings[1]?.marks).not.toBeNull();
  });
});

describe('a workbook made with the template of this version', () => {
  test('a clerk who types the marks by hand types no count: the row reads the counts of its date’s column', async () => {
    const fake = createFakeExcel({ sheets: [] });
    await run(fake, (context) => createTemplate(context, templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'co-quan', year: 2025 })));
    const day = isoToExcelSerial('2025-01-10');
    const typedCells: [string, string, string | number][] = [
      ['Đảng viên', 'B2', 'Trần Văn An'],
      ['Đảng viên', 'B3', 'Lê Thị Bình'],
      ['Đảng viên', 'B4', 'Phạm Văn Cường'],
      ['Điểm danh', 'A2', 'Trần Văn An'],
      ['Điểm danh', 'A3', 'Lê Thị Bình'],
      ['Điểm danh', 'A4', 'Phạm Văn Cường'],
      ['Điểm danh', 'C1', day],
      ['Điểm danh', 'C2', 'x'],
      ['Điểm danh', 'C3', 'có phép'],
      ['Điểm danh', 'C4', 'KP'],
      ['Sinh hoạt', 'B2', day],
      ['Sinh hoạt', 'C2', 'Thường kỳ'],
      ['Sinh hoạt', 'D2', 3],
      ['Sinh hoạt', 'H2', 3],
      ['Sinh hoạt', 'I2', 60],
    ];
    for (const [sheet, address, value] of typedCells) fake.setCell(sheet, address, { value });
    const grids = await run(fake, (context) => readSheets(context));
    const meetings = grids.find((g) => g.name === 'Sinh hoạt');
    expect(meetings?.values[1]?.slice(4, 7)).toEqual([1, 1, 1]);
    // A row without a date reads "" in its count cells: blank to the check.
    expect(meetings?.values[2]?.slice(4, 7)).toEqual(['', '', '']);
    const result = checkWorkbook(grids, { asOf: AS_OF });
    expect(result.issues.filter((i) => i.sheet === 'Sinh hoạt' && ['COUNT_MISMATCH', 'NUMBER_INVALID'].includes(i.code))).toEqual([]);
    expect(result.issues.filter((i) => i.code === 'MATRIX_MISMATCH')).toEqual([]);
  });

  test('members typed, meetings recorded: the form replaces the count formulas of its own row only', async () => {
    const fake = createFakeExcel({
      sheets: [],
    });
    await run(fake, (context) => createTemplate(context, templateLayouts({ kind: 'chi-bo', level: 'co-so', type: 'co-quan', year: 2025 })));
    await run(fake, async (context) => {
      const members = context.workbook.worksheets.getItem('Đảng viên');
      members.getRange('A2:H4').values = [
        [1, 'Trần Văn An', '01234567', null, 'Không', null, 'Không', null],
        [2, 'Lê Thị Bình', '01234568', null, 'Có', null, 'Không', null],
        [3, 'Phạm Văn Cường', '01234569', null, 'Không', null, 'Không', 'Chuyển đi tháng 3/2025'],
      ];
      await context.sync();
    });
    const formulaBefore = fake.cell('Sinh hoạt', 'E3').formula;
    expect(formulaBefore).toMatch(/^=.*COUNTIF/);
    const current = await book(fake);
    expect(current.roster.map((m) => [m.name, m.exempt, m.transferred])).toEqual([
      ['Trần Văn An', false, false],
      ['Lê Thị Bình', true, false],
      ['Phạm Văn Cường', false, true],
    ]);
    const form = newMeetingForm('2025-01-10', current.roster);
    form.speakers = 3;
    form.minutes = 60;
    form.selfAssessment = 'tot';
    const syncs = await record(fake, current, form);
    expect(syncs).toBe(2);
    // Row 2 now holds values; row 3 keeps the template's formula.
    expect(fake.cell('Sinh hoạt', 'E2').formula).toBeNull();
    expect(fake.cell('Sinh hoạt', 'E2').value).toBe(1);
    expect(fake.cell('Sinh hoạt', 'D2').value).toBe(1);
    expect(fake.cell('Sinh hoạt', 'E3').formula).toBe(formulaBefore);
    // Điểm danh had no member rows: the form adds the members who have a mark, cards as text.
    expect(fake.cell('Điểm danh', 'A2').value).toBe('Trần Văn An');
    expect(fake.cell('Điểm danh', 'B2').value).toBe('01234567');
    expect(fake.cell('Điểm danh', 'C2').value).toBe('C');
    expect(fake.cell('Điểm danh', 'C3').value).toBe('M');
    expect(fake.cell('Điểm danh', 'A4').value).toBe('');
    // The helper formulas of Điểm danh stay where the template put them.
    expect(fake.cell('Điểm danh', 'AA2').formula).toMatch(/ATTENDANCE_RATE/);
  });
});
