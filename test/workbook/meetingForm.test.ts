/**
 * The meeting form, host-neutral: roster defaults, validation, the preview (the check's per-meeting
 * rules with the workbook's policy) and the write plan (one row, one column, nothing else).
 */
import { defaultPolicy, type Policy } from '../../src/core/policy';
import { isoToExcelSerial } from '../../src/core/dates';
import { parseMark } from '../../src/core/vocabulary';
import { checkWorkbook } from '../../src/workbook/check';
import { COUNTED_MARKS, countFormula } from '../../src/workbook/layout/meetingCountFormulas';
import {
  countFormMarks,
  defaultMark,
  isTransferNote,
  meetingBookOf,
  newMeetingForm,
  previewMeeting,
  validateMeetingForm,
  type MeetingForm,
  type RosterMember,
} from '../../src/workbook/meetingForm';
import { MeetingSaveError, planMeetingSave, type GridWithFormulas } from '../../src/workbook/meetingSave';
import { parseRange } from '../../src/workbook/a1';
import type { SheetGrid } from '../../src/workbook/types';
import { MEETING_HEADERS } from '../../scripts/sheetHeaders';

function member(name: string, extra: Partial<RosterMember> = {}): RosterMember {
  return { key: name, name, card: null, exempt: false, transferred: false, note: null, ...extra };
}

/** `present` members of `size` present, the rest absent with reason. */
function roster(size: number): RosterMember[] {
  return Array.from({ length: size }, (_, i) => member(`Đảng viên ${i + 1}`));
}

function form(members: readonly RosterMember[], patch: Partial<MeetingForm> = {}): MeetingForm {
  return { ...newMeetingForm('2025-03-10', members), speakers: 7, minutes: 120, selfAssessment: 'tot', ...patch };
}

/** Applies a plan's writes to copies of the grids (as Office.js would: null leaves a cell). */
function applied(grids: GridWithFormulas[], writes: ReturnType<typeof planMeetingSave>['writes']): SheetGrid[] {
  const out = grids.map((g) => ({ ...g, values: g.values.map((row) => [...row]) }));
  for (const write of writes) {
    const grid = out.find((g) => g.name === write.sheet) as SheetGrid;
    const range = parseRange(write.address);
    if (!range) throw new Error(write.address);
    write.values.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null) return;
        const r = range.start.row + i - grid.originRow;
        const c = range.start.col + j - grid.originCol;
        while (grid.values.length <= r) grid.values.push([]);
        const cells = grid.values[r] as unknown[];
        while (cells.length <= c) cells.push(null);
        cells[c] = value;
      }),
    );
  }
  return out;
}

const MEETINGS_HEADER = [...MEETING_HEADERS];

describe('roster', () => {
  test('everyone present until marked; exempt members M; members who transferred out not required', () => {
    expect(defaultMark(member('A'))).toBe('C');
    expect(defaultMark(member('B', { exempt: true }))).toBe('M');
    expect(defaultMark(member('C', { transferred: true }))).toBeNull();
    expect(defaultMark(member('D', { exempt: true, transferred: true }))).toBeNull();
  });

  test('a transfer is a Ghi chú that begins with the words of SPEC §2, in any case or spelling of diacritics', () => {
    for (const note of [
      'Chuyển đi tháng 5',
      'chuyển sinh hoạt đi Đảng bộ phường 2',
      'ĐÃ CHUYỂN SINH HOẠT ngày 01/06/2025',
      'Chuyển đi'.normalize('NFD'),
    ]) {
      expect(isTransferNote(note)).toBe(true);
    }
    for (const note of [null, '', 'Chuyển đến năm 2024', 'Miễn sinh hoạt do tuổi cao', 'Sẽ chuyển đi']) expect(isTransferNote(note)).toBe(false);
  });

  test('the book reads members (exempt, transfer notes, cards), meetings and each meeting’s marks', () => {
    const grids: SheetGrid[] = [
      {
        name: 'Thông tin',
        values: [
          ['Mục', 'Giá trị'],
          ['Loại tổ chức', 'Chi bộ cơ sở'],
          ['Năm đánh giá', 2025],
          ['Loại hình', 'Lực lượng vũ trang'],
        ],
        originRow: 0,
        originCol: 0,
      },
      {
        name: 'Đảng viên',
        values: [
          ['Họ và tên', 'Số thẻ đảng viên', 'Miễn sinh hoạt', 'Xếp loại', 'Kỷ luật', 'Ghi chú'],
          ['Trần An', '001', 'Không', 'HTTNV', 'Không', null],
          ['Lê Bình', '002', 'Có', 'KXL', 'Không', 'Tuổi cao'],
          ['Phạm Cường', '003', 'Không', null, 'Không', 'Chuyển đi ngày 01/04/2025'],
        ],
        originRow: 0,
        originCol: 0,
      },
      {
        name: 'Sinh hoạt',
        values: [MEETINGS_HEADER, [1, isoToExcelSerial('2025-01-10'), 'Thường kỳ', 2, 1, 1, 0, 3, 60, 'Có', 'Đã ký', 'Tốt']],
        originRow: 0,
        originCol: 0,
      },
      {
        name: 'Điểm danh',
        values: [
          ['Họ và tên', 'Số thẻ đảng viên', '10/01/2025'],
          ['Trần An', '001', 'x'],
          ['Lê Bình', '002', 'M'],
          ['Phạm Cường', '003', 'CP'],
        ],
        originRow: 0,
        originCol: 0,
      },
    ];
    const book = meetingBookOf(grids);
    expect(book.armedForces).toBe(true);
    expect(book.year).toBe(2025);
    expect(book.roster.map((m) => [m.name, m.card, m.exempt, m.transferred])).toEqual([
      ['Trần An', '001', false, false],
      ['Lê Bình', '002', true, false],
      ['Phạm Cường', '003', false, true],
    ]);
    expect(book.meetings).toHaveLength(1);
    const [meeting] = book.meetings;
    expect(meeting).toMatchObject({
      row: 2,
      date: '2025-01-10',
      kind: 'regular',
      speakers: 3,
      minutes: 60,
      secretarySigned: true,
      selfAssessment: 'tot',
    });
    expect(Object.values(meeting?.marks ?? {})).toEqual(['C', 'M', 'P']);
  });
});

describe('validation', () => {
  const members = [member('An'), member('Bình', { exempt: true }), member('Cường', { transferred: true })];

  test('a complete form is valid', () => {
    expect(validateMeetingForm(form(members), { roster: members, armedForces: false })).toEqual([]);
  });

  test('each missing or impossible field is named, with its field', () => {
    const errors = validateMeetingForm(form(members, { date: '2025-02-30', speakers: null, minutes: -5 }), { roster: members, armedForces: false });
    expect(errors.map((e) => e.field)).toEqual(['date', 'speakers', 'minutes']);
    expect(errors[0]?.message).toContain('dd/mm/yyyy');
  });

  test('M only for an exempt member, D only in the armed forces, at least one member required', () => {
    const marks = { An: 'M' as const, Bình: 'D' as const };
    const errors = validateMeetingForm(form(members, { marks }), { roster: members, armedForces: false });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('Không có đảng viên nào phải dự'),
      expect.stringContaining('An không được miễn sinh hoạt'),
      expect.stringContaining('lực lượng vũ trang'),
    ]);
    expect(validateMeetingForm(form(members, { marks: { An: 'C', Bình: 'D' } }), { roster: members, armedForces: true })).toEqual([]);
  });
});

describe('preview: the per-meeting rules of the check, with the workbook policy', () => {
  test('counts come from the marks: M, D and not-required members are outside Số đảng viên', () => {
    expect(countFormMarks(['C', 'C', 'P', 'K', 'M', 'D', null])).toEqual({ members: 4, present: 2, excused: 1, unexcused: 1, notRequired: 2 });
  });

  test.each([
    // size, absent, speakers, minutes, kind, expected codes
    [14, 1, 5, 90, 'regular', []],
    [14, 3, 5, 90, 'regular', ['ATTENDANCE_LOW']], // 11/14 = 78.6 %
    [14, 0, 4, 90, 'regular', ['SPEAKERS_LOW']],
    [14, 0, 5, 75, 'regular', ['DURATION_SHORT']],
    [14, 0, 5, 110, 'combined', ['DURATION_SHORT']], // Kết hợp needs 120 whatever the size
    [9, 0, 3, 60, 'regular', []], // under 10 members: 60 minutes, 3 speakers
    [21, 0, 6, 90, 'regular', ['SPEAKERS_LOW']], // above 20 members: 7 speakers
  ] as const)('%i members, %i absent, %i speakers, %i minutes, %s → %j', (size, absent, speakers, minutes, kind, codes) => {
    const members = roster(size);
    const marks = Object.fromEntries(members.map((m, i) => [m.key, i < absent ? ('P' as const) : ('C' as const)]));
    const preview = previewMeeting(form(members, { marks, speakers, minutes, kind }), members, defaultPolicy());
    expect(preview.problems.map((p) => p.code)).toEqual(codes);
  });

  test('the thresholds are the workbook policy’s', () => {
    const members = roster(14);
    const policy: Policy = { ...defaultPolicy(), speakersMedium: 6, durationRegular: 100, attendanceMinPercent: 95 };
    const marks = { [members[0]?.key as string]: 'P' as const };
    const preview = previewMeeting(form(members, { marks, speakers: 5, minutes: 95 }), members, policy);
    expect(preview.speakersNeeded).toBe(6);
    expect(preview.minutesNeeded).toBe(100);
    expect(preview.problems.map((p) => p.code)).toEqual(['ATTENDANCE_LOW', 'SPEAKERS_LOW', 'DURATION_SHORT']);
  });

  test('blank speakers and minutes are shown as missing, not judged; unsigned minutes and a missing self-assessment are listed', () => {
    const members = roster(5);
    const preview = previewMeeting(
      form(members, { speakers: null, minutes: null, chairSigned: false, selfAssessment: null }),
      members,
      defaultPolicy(),
    );
    expect(preview.problems).toEqual([]);
    expect(preview.unsigned).toEqual(['chair']);
    expect(preview.selfAssessmentMissing).toBe(true);
  });

  test('what the preview says is what the check then says of the saved row', () => {
    const members = roster(14).map((m, i) => ({ ...m, card: String(100 + i) }));
    const membersGrid: SheetGrid = {
      name: 'Đảng viên',
      values: [
        ['Họ và tên', 'Số thẻ đảng viên', 'Miễn sinh hoạt', 'Xếp loại', 'Kỷ luật'],
        ...members.map((m) => [m.name, m.card, 'Không', 'HTTNV', 'Không']),
      ],
      originRow: 0,
      originCol: 0,
    };
    const info: SheetGrid = {
      name: 'Thông tin',
      values: [
        ['Mục', 'Giá trị'],
        ['Loại tổ chức', 'Chi bộ cơ sở'],
        ['Năm đánh giá', 2025],
      ],
      originRow: 0,
      originCol: 0,
    };
    for (const [speakers, minutes, kind] of [
      [4, 90, 'regular'],
      [5, 85, 'regular'],
      [7, 115, 'combined'],
      [5, 90, 'thematic'],
    ] as const) {
      const meetings: GridWithFormulas = { name: 'Sinh hoạt', values: [MEETINGS_HEADER], originRow: 0, originCol: 0 };
      const attendance: GridWithFormulas = { name: 'Điểm danh', values: [['Họ và tên', 'Số thẻ đảng viên']], originRow: 0, originCol: 0 };
      const filled = form(members, { speakers, minutes, kind });
      const plan = planMeetingSave(filled, members, meetings, attendance, { mode: 'new' });
      const result = checkWorkbook([info, membersGrid, ...applied([meetings, attendance], plan.writes)], { asOf: '2025-03-31' });
      const perMeeting = result.reasons.filter((r) => r.code === 'SPEAKERS_LOW' || r.code === 'DURATION_SHORT').map((r) => r.code);
      expect(perMeeting).toEqual(
        previewMeeting(filled, members, defaultPolicy())
          .problems.map((p) => p.code)
          .filter((c) => c !== 'ATTENDANCE_LOW'),
      );
      // The row and the column agree (no MATRIX_MISMATCH, no bad cell) on the sheets the form writes.
      expect(result.issues.filter((i) => i.sheet === 'Sinh hoạt' || i.sheet === 'Điểm danh')).toEqual([]);
    }
  });
});

describe('the write plan', () => {
  const members = [
    member('Trần An', { card: '001' }),
    member('Lê Bình', { card: '002', exempt: true }),
    member('Phạm Cường', { card: '003', transferred: true }),
    member('Võ Dũng', { card: '004' }),
  ];
  const meetingsGrid = (): GridWithFormulas => ({
    name: 'Sinh hoạt',
    values: [
      ['SỔ SINH HOẠT CHI BỘ'],
      MEETINGS_HEADER,
      [1, isoToExcelSerial('2025-01-10'), 'Thường kỳ', 2, 2, 0, 0, 3, 60, 'Có', 'Có', 'Tốt', 'Đạt'],
      // A row of the template: count formulas (their results read "") and a helper formula.
      [null, null, null, null, '', '', '', null, null, null, null, null, ''],
      [null, null, null, null, '', '', '', null, null, null, null, null, ''],
    ],
    formulas: [
      [],
      [],
      [],
      [null, null, null, null, '=IF($B4="","",1)', '=F', '=G', null, null, null, null, null, '=H'],
      [null, null, null, null, '=IF($B5="","",1)', '=F', '=G', null, null, null, null, null, '=H'],
    ],
    originRow: 0,
    originCol: 0,
  });
  const attendanceGrid = (): GridWithFormulas => ({
    name: 'Điểm danh',
    values: [
      ['Họ và tên', 'Số thẻ đảng viên', isoToExcelSerial('2025-01-10'), null, 'Ghi chú của tôi'],
      ['Trần An', '001', 'C', null, 'giữ nguyên'],
      ['Lê Bình', '002', 'M', null, null],
      ['Phạm Cường', '003', 'C', null, null],
    ],
    originRow: 4,
    originCol: 1,
  });

  test('a new meeting: the first row below every typed row (template formulas count as free), the first blank column after the dates', () => {
    const filled = form(members, { date: '2025-02-12', marks: { 'Võ Dũng': 'K' }, speakers: 4, minutes: 90 });
    const plan = planMeetingSave(filled, members, meetingsGrid(), attendanceGrid(), { mode: 'new' });
    expect(plan.meetingRow).toBe(4);
    expect(plan.attendanceColumn).toBe('E');
    expect(plan.sameDateRows).toEqual([]);
    expect(plan.addedMembers).toEqual(['Võ Dũng']);
    const [row, column, name, card] = plan.writes;
    expect(row).toEqual({
      sheet: 'Sinh hoạt',
      address: 'A4:L4',
      values: [[2, isoToExcelSerial('2025-02-12'), 'Thường kỳ', 2, 1, 0, 1, 4, 90, 'Có', 'Có', 'Tốt']],
      numberFormats: [[null, 'dd/mm/yyyy', '@', null, null, null, null, null, null, '@', '@', '@']],
    });
    // Origin B5: header at E5, members from E6; the transferred member is not required (nothing written), Võ Dũng is added in row 9.
    expect(column).toEqual({
      sheet: 'Điểm danh',
      address: 'E5:E9',
      values: [[isoToExcelSerial('2025-02-12')], ['C'], ['M'], [null], ['K']],
      numberFormats: [['dd/mm/yyyy'], ['@'], ['@'], [null], ['@']],
    });
    expect(name).toEqual({ sheet: 'Điểm danh', address: 'B9', values: [['Võ Dũng']], numberFormats: [['@']] });
    expect(card).toEqual({ sheet: 'Điểm danh', address: 'C9', values: [['004']], numberFormats: [['@']] });
    expect(plan.writes).toHaveLength(4);
  });

  test('a date that already has a row is reported (same-day sessions); editing that row is not', () => {
    const filled = form(members, { date: '2025-01-10', kind: 'thematic' });
    expect(planMeetingSave(filled, members, meetingsGrid(), attendanceGrid(), { mode: 'new' }).sameDateRows).toEqual([3]);
    const edit = planMeetingSave(filled, members, meetingsGrid(), attendanceGrid(), { mode: 'edit', row: 3, date: '2025-01-10' });
    expect(edit.sameDateRows).toEqual([]);
    expect(edit.meetingRow).toBe(3);
    expect(edit.attendanceColumn).toBe('D');
  });

  test('editing writes only what changes: the same marks and labels stay as typed', () => {
    const filled = form(members, {
      date: '2025-01-10',
      speakers: 3,
      minutes: 60,
      marks: { 'Trần An': 'C', 'Lê Bình': 'M', 'Phạm Cường': 'C', 'Võ Dũng': null },
    });
    const plan = planMeetingSave(filled, members, meetingsGrid(), attendanceGrid(), { mode: 'edit', row: 3, date: '2025-01-10' });
    expect(plan.writes).toEqual([]);
    const changed = planMeetingSave(
      { ...filled, minutes: 65, marks: { ...filled.marks, 'Phạm Cường': 'P' } },
      members,
      meetingsGrid(),
      attendanceGrid(),
      {
        mode: 'edit',
        row: 3,
        date: '2025-01-10',
      },
    );
    expect(changed.writes.map((w) => [w.address, w.values])).toEqual([
      ['E3:I3', [[1, 1, null, null, 65]]],
      ['D8', [['P']]],
    ]);
  });

  test('editing a row that is no longer that meeting, or a sheet without its columns, is refused in Vietnamese', () => {
    const filled = form(members);
    expect(() => planMeetingSave(filled, members, meetingsGrid(), attendanceGrid(), { mode: 'edit', row: 3, date: '2025-01-11' })).toThrow(
      MeetingSaveError,
    );
    const bare: GridWithFormulas = { name: 'Sinh hoạt', values: [['Ngày', 'Loại']], originRow: 0, originCol: 0 };
    expect(() => planMeetingSave(filled, members, bare, attendanceGrid(), { mode: 'new' })).toThrow(/thiếu cột "Số đảng viên"/);
  });
});

describe('the template’s count formulas', () => {
  test('plain functions every spreadsheet program has, over the Điểm danh column whose header is the row’s date', () => {
    const formula = countFormula('present', 7);
    expect(formula).toBe(
      `=IF($B7="","",IFERROR(SUMPRODUCT(COUNTIF(INDEX('Điểm danh'!$C$2:$Z$501,0,MATCH($B7,'Điểm danh'!$C$1:$Z$1,0)),{"C","x","✓","✔","1","có","có mặt","CM"})),""))`,
    );
    const functions = new Set([...formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]));
    expect([...functions].sort()).toEqual(['COUNTIF', 'IF', 'IFERROR', 'INDEX', 'MATCH', 'SUMPRODUCT']);
    expect(countFormula('unexcused', 2)).not.toMatch(/BONTOT/);
  });

  test('every spelling a formula counts is read by the check as that mark', () => {
    const expected = { present: 'C', excused: 'P', unexcused: 'K' } as const;
    for (const key of Object.keys(COUNTED_MARKS) as (keyof typeof COUNTED_MARKS)[]) {
      for (const spelling of COUNTED_MARKS[key]) expect([spelling, parseMark(spelling)]).toEqual([spelling, { ok: true, value: expected[key] }]);
    }
  });
});
