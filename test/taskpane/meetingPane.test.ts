/** @jest-environment jsdom */
/**
 * The Ghi buổi sinh hoạt tab, driven through its DOM against the in-memory Office.js fake: the
 * roster with everyone present, the preview before saving, saving, the same-day question, editing.
 */
import { isoToExcelSerial } from '../../src/core/dates';
import { createFakeExcel } from '../fakes/office';
import { withoutMeetings } from '../hosts/meetingRecording';
import { AS_OF, validChiBo } from '../workbook/grids';
import { byTestId, flush, mountExcel, one } from './helpers';

jest.setTimeout(60_000);

beforeEach(() => localStorage.clear());

async function mounted() {
  const fake = createFakeExcel({ sheets: withoutMeetings(validChiBo()) });
  const mount = await mountExcel(fake);
  one<HTMLButtonElement>(mount.root, 'tab-meeting').click();
  const pane = await mount.excel.meeting();
  const book = await pane.load();
  if (!book) throw new Error('the roster was not read');
  return { ...mount, excel: { ...mount.excel, meeting: pane }, book };
}

function setValue(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The preview's lines as [badge, text]. */
function previewLines(root: HTMLElement): string[] {
  return [...one(root, 'meeting-preview').querySelectorAll('li')].map((li) => (li.textContent ?? '').trim());
}

test('the tab lists every member present until marked, the exempt member M, labels on every field', async () => {
  const { root, excel, book } = await mounted();
  expect(one(root, 'tab-meeting').textContent).toBe('Ghi buổi sinh hoạt');
  const marks = byTestId<HTMLSelectElement>(root, 'meeting-mark');
  expect(marks).toHaveLength(13);
  expect(marks.map((m) => m.value)).toEqual([...Array(12).fill('C'), 'M']);
  expect(book.roster[12]?.exempt).toBe(true);
  // Every control has a label that names it.
  const panel = excel.meeting.panel;
  for (const control of panel.querySelectorAll('input, select')) {
    const id = control.getAttribute('id');
    const label = id ? panel.querySelector(`label[for="${id}"]`) : control.closest('label');
    expect(label?.textContent?.trim()).toBeTruthy();
  }
  expect(excel.meeting.form.date.value).toBe(AS_OF);
  expect(previewLines(root)[0]).toBe('Phải dự 12 đảng viên: có mặt 12, vắng có lý do 0, vắng không lý do 0.');
});

test('the preview shows what the meeting will get before saving, with the workbook’s thresholds', async () => {
  const { root, excel } = await mounted();
  const { form } = excel.meeting;
  const absent = ['K', 'P'];
  byTestId<HTMLSelectElement>(root, 'meeting-mark')
    .slice(0, 2)
    .forEach((control, i) => setValue(control, absent[i] as string));
  setValue(form.speakers, '4');
  setValue(form.minutes, '75');
  const lines = previewLines(root);
  expect(lines[0]).toBe('Phải dự 12 đảng viên: có mặt 10, vắng có lý do 1, vắng không lý do 1.');
  expect(lines[1]).toBe('Chưa đạt Tỷ lệ dự họp 83,33%, cần trên 85%.');
  expect(lines[2]).toBe('Chưa đạt 4 ý kiến phát biểu, cần ít nhất 5.');
  expect(lines[3]).toBe('Chưa đạt Thời gian 75 phút, cần ít nhất 90 phút.');
  expect(lines).toContain('Chưa đạt Chưa tự đánh giá chất lượng buổi sinh hoạt.');
  expect(lines[lines.length - 1]).toBe(
    'Chưa đạt Số đảng viên vắng mặt không có lý do: 1 (theo Kế hoạch, không được có đảng viên vắng mặt không có lý do).',
  );
  setValue(byTestId<HTMLSelectElement>(root, 'meeting-mark')[0] as HTMLSelectElement, 'C');
  setValue(form.speakers, '5');
  setValue(form.minutes, '90');
  setValue(form.self, 'tot');
  expect(previewLines(root).slice(1, 4)).toEqual([
    'Đạt Tỷ lệ dự họp 91,67%, cần trên 85%.',
    'Đạt 5 ý kiến phát biểu, cần ít nhất 5.',
    'Đạt Thời gian 90 phút, cần ít nhất 90 phút.',
  ]);
});

test('saving writes one row and one column in 2 syncs; a second meeting that day is asked about first; picking a meeting edits it', async () => {
  const { root, excel, fake } = await mounted();
  const { form } = excel.meeting;
  setValue(form.date, '2025-01-08');
  setValue(form.speakers, '5');
  setValue(form.minutes, '90');
  setValue(form.self, 'tot');
  setValue(excel.meeting.mark(fake.cell('Đảng viên', 'B3').value as string) as HTMLSelectElement, 'P');
  const { result: saved, syncs } = await fake.countSyncs(() => excel.meeting.save());
  expect(saved).toBe(true);
  // 2 to save, 2 to read the lists again afterwards.
  expect(syncs).toBe(4);
  expect(one(root, 'meeting-result').dataset).toMatchObject({ row: '2', column: 'C' });
  expect(fake.cell('Sinh hoạt', 'B2').value).toBe(isoToExcelSerial('2025-01-08'));
  expect(['D2', 'E2', 'F2', 'G2', 'H2', 'I2'].map((a) => fake.cell('Sinh hoạt', a).value)).toEqual([12, 11, 1, 0, 5, 90]);
  expect(fake.cell('Điểm danh', 'C1').value).toBe(isoToExcelSerial('2025-01-08'));
  expect(fake.cell('Điểm danh', 'C3').value).toBe('P');
  expect(one(root, 'status').textContent).toContain('dòng 2');
  // Now in edit mode for that meeting.
  expect(form.meeting.value).toBe('2');

  // A new meeting on the same date: asked first; "Không ghi" writes nothing.
  setValue(form.meeting, 'new');
  setValue(form.date, '2025-01-08');
  setValue(form.kind, 'thematic');
  setValue(form.speakers, '5');
  setValue(form.minutes, '60');
  const before = fake.snapshotAll();
  const declined = excel.meeting.save();
  await flush();
  expect(one(root, 'meeting-confirm').textContent).toContain('Ngày 08/01/2025 đã có buổi sinh hoạt (dòng 2)');
  one<HTMLButtonElement>(root, 'meeting-confirm-no').click();
  expect(await declined).toBe(false);
  expect(fake.snapshotAll()).toEqual(before);
  const accepted = excel.meeting.save();
  await flush();
  one<HTMLButtonElement>(root, 'meeting-confirm-yes').click();
  expect(await accepted).toBe(true);
  expect(fake.cell('Sinh hoạt', 'C3').value).toBe('Chuyên đề');
  expect(fake.cell('Điểm danh', 'D1').value).toBe(isoToExcelSerial('2025-01-08'));

  // Pick the first meeting: the form shows it; change its minutes; only that cell changes.
  setValue(form.meeting, '2');
  expect([form.kind.value, form.speakers.value, form.minutes.value, form.self.value]).toEqual(['regular', '5', '90', 'tot']);
  expect(excel.meeting.mark(fake.cell('Đảng viên', 'B3').value as string)?.value).toBe('P');
  setValue(form.minutes, '95');
  const beforeEdit = JSON.stringify(fake.snapshotAll());
  expect(await excel.meeting.save()).toBe(true);
  expect(fake.cell('Sinh hoạt', 'I2').value).toBe(95);
  const afterEdit = fake.snapshotAll();
  afterEdit['Sinh hoạt'] = JSON.parse(beforeEdit)['Sinh hoạt'];
  const beforeCells = JSON.parse(beforeEdit) as typeof afterEdit;
  expect(JSON.stringify(afterEdit)).toBe(JSON.stringify(beforeCells));
});

test('a form with a missing field is refused next to the field; nothing is written', async () => {
  const { root, excel, fake } = await mounted();
  const before = fake.snapshotAll();
  setValue(excel.meeting.form.minutes, '90');
  expect(await excel.meeting.save()).toBe(false);
  const error = one(root, 'meeting-speakers-error');
  expect(error.hidden).toBe(false);
  expect(error.textContent).toContain('số ý kiến phát biểu');
  expect(excel.meeting.form.speakers.getAttribute('aria-invalid')).toBe('true');
  expect(excel.meeting.form.speakers.getAttribute('aria-describedby')).toContain(error.id);
  expect(document.activeElement).toBe(excel.meeting.form.speakers);
  expect(fake.snapshotAll()).toEqual(before);
});
