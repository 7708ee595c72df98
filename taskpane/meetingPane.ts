/**
 * Ghi buổi sinh hoạt: the monthly chore in one form (issue 26). Date (today by default), kind, the
 * members of `Đảng viên` — everyone present until marked; exempt members and those who
 * transferred out shown but not required — speakers, minutes, signatures and self-assessment.
 * Before saving, the pane shows what the meeting will get by the per-meeting rules (previewMeeting:
 * the check's own core functions, with the workbook's policy). Saving writes one `Sinh hoạt` row
 * and one `Điểm danh` column (saveMeeting, 2 round trips); picking a recorded meeting edits it.
 * A date that already has a meeting asks first (same-day sessions, SPEC §2).
 */
import { formatDate, parseDate } from '../src/core/dates';
import { formatNumber } from '../src/core/text';
import type { MeetingKind, SelfAssessment } from '../src/core/types';
import { readMeetingBook, saveMeeting } from '../src/hosts/excel/meeting';
import {
  formOfMeeting,
  newMeetingForm,
  previewMeeting,
  validateMeetingForm,
  type FormMark,
  type MeetingBook,
  type MeetingForm,
} from '../src/workbook/meetingForm';
import { type SaveTarget } from '../src/workbook/meetingSave';
import { el, errorText, replaceChildren, uid } from './dom';
import type { ExcelContext } from './excelContext';
import { ref, registerStrings, type I18nKey } from './i18n';
import { MEETING_EN, MEETING_VI, type MeetingKey } from './meetingStrings';

registerStrings(MEETING_VI, MEETING_EN);

/** A key of this pane's labels (added to the page's tables above). */
const k = (key: MeetingKey): I18nKey => key as unknown as I18nKey;
import { BusyGuard, field, progressBar, type Status } from './ui';

export interface MeetingPane {
  panel: HTMLElement;
  /** Reads the roster and the recorded meetings (again); null when it failed. */
  load(): Promise<MeetingBook | null>;
  /** Saves the form (asking first when its date already has a meeting); true when written. */
  save(): Promise<boolean>;
  form: {
    meeting: HTMLSelectElement;
    date: HTMLInputElement;
    kind: HTMLSelectElement;
    speakers: HTMLInputElement;
    minutes: HTMLInputElement;
    chair: HTMLInputElement;
    secretary: HTMLInputElement;
    self: HTMLSelectElement;
  };
  /** The mark control of a member (by the member's name). */
  mark(name: string): HTMLSelectElement | null;
}

const KINDS: MeetingKind[] = ['regular', 'thematic', 'combined'];
const SELF: SelfAssessment[] = ['tot', 'kha', 'trung-binh', 'kem', 'dat', 'khong-dat'];
const MARK_KEYS: Record<Exclude<FormMark, null>, I18nKey> = {
  C: k('meeting.mark.C'),
  P: k('meeting.mark.P'),
  K: k('meeting.mark.K'),
  M: k('meeting.mark.M'),
  D: k('meeting.mark.D'),
};

/** A whole number typed in a field, or null (blank or not a number). */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return trimmed === '' ? null : Number.NaN;
  return Number(trimmed);
}

/** The pane, built into `panel` when given (the tab's panel, made before this chunk loaded). */
export function createMeetingPane(ctx: ExcelContext, status: Status, into?: HTMLElement): MeetingPane {
  const meeting = el('select', { testid: 'meeting-pick' });
  const date = el('input', { attrs: { type: 'date', required: true, value: ctx.today() }, testid: 'meeting-date' });
  const kind = el(
    'select',
    { testid: 'meeting-kind' },
    // The workbook gets the Vietnamese label (the option's value maps to it); people read their language.
    KINDS.map((kindValue) => el('option', { attrs: { value: kindValue }, i18n: k(`meeting.kind.${kindValue}`) })),
  );
  const speakers = el('input', { attrs: { type: 'number', min: 0, step: 1, inputmode: 'numeric', required: true }, testid: 'meeting-speakers' });
  const minutes = el('input', { attrs: { type: 'number', min: 0, step: 1, inputmode: 'numeric', required: true }, testid: 'meeting-minutes' });
  const chair = el('input', { attrs: { type: 'checkbox', checked: true }, testid: 'meeting-chair' });
  const secretary = el('input', { attrs: { type: 'checkbox', checked: true }, testid: 'meeting-secretary' });
  const self = el('select', { testid: 'meeting-self' }, [
    el('option', { attrs: { value: '' }, i18n: k('meeting.self.none') }),
    ...SELF.map((s) => el('option', { attrs: { value: s }, i18n: k(`meeting.self.${s}`) })),
  ]);
  const members = el('div', { class: 'member-marks', testid: 'meeting-members' });
  const marksError = el('p', { class: 'field-error', attrs: { hidden: true }, testid: 'meeting-marks-error' });
  const errors = {
    date: el('p', { class: 'field-error', attrs: { hidden: true }, testid: 'meeting-date-error' }),
    speakers: el('p', { class: 'field-error', attrs: { hidden: true }, testid: 'meeting-speakers-error' }),
    minutes: el('p', { class: 'field-error', attrs: { hidden: true }, testid: 'meeting-minutes-error' }),
  };
  const preview = el('div', {
    class: 'meeting-preview',
    attrs: { role: 'region' },
    i18nAttrs: { 'aria-label': k('meeting.preview') },
    testid: 'meeting-preview',
  });
  const confirmBox = el('div', { class: 'outcome', testid: 'meeting-confirm' });
  const outcome = el('div', { class: 'outcome', testid: 'meeting-outcome' });
  const submit = el('button', { class: 'primary', attrs: { type: 'submit' }, i18n: k('meeting.save'), testid: 'meeting-save' });
  const reload = el('button', { attrs: { type: 'button' }, i18n: k('meeting.reload'), testid: 'meeting-reload' });
  const progress = progressBar(k('meeting.saving'));

  const marksFieldset = el('fieldset', {}, [
    el('legend', { i18n: k('meeting.members') }),
    el('p', { class: 'hint', i18n: k('meeting.membersHint') }),
    members,
    marksError,
  ]);
  const form = el('form', { class: 'form', attrs: { novalidate: true } }, [
    field(uid('mt-pick'), el('label', { i18n: k('meeting.pick') }), meeting),
    field(uid('mt-date'), el('label', { i18n: k('meeting.date') }), date, { error: errors.date }),
    field(uid('mt-kind'), el('label', { i18n: k('meeting.kind') }), kind),
    marksFieldset,
    field(uid('mt-speakers'), el('label', { i18n: k('meeting.speakers') }), speakers, { error: errors.speakers }),
    field(uid('mt-minutes'), el('label', { i18n: k('meeting.minutes') }), minutes, { error: errors.minutes }),
    el('div', { class: 'field checks' }, [
      el('label', { class: 'check' }, [chair, el('span', { i18n: k('meeting.chair') })]),
      el('label', { class: 'check' }, [secretary, el('span', { i18n: k('meeting.secretary') })]),
    ]),
    field(uid('mt-self'), el('label', { i18n: k('meeting.self') }), self),
    el('h3', { class: 'subhead', i18n: k('meeting.preview') }),
    preview,
    confirmBox,
    el('div', { class: 'actions' }, [submit, reload]),
  ]);
  const content = [el('p', { class: 'intro', i18n: k('meeting.intro') }), form, progress, outcome];
  const panel = into ?? el('section', { class: 'pane' });
  replaceChildren(panel, content);

  let book: MeetingBook | null = null;
  let target: SaveTarget = { mode: 'new' };
  const markControls = new Map<string, HTMLSelectElement>();

  const readForm = (): MeetingForm => {
    const parsed = parseDate(date.value);
    const marks: Record<string, FormMark> = {};
    for (const [key, control] of markControls) marks[key] = control.value === '' ? null : (control.value as FormMark);
    const chosenSelf = SELF.find((s) => s === self.value) ?? null;
    return {
      date: parsed.ok ? parsed.value : date.value,
      kind: KINDS.find((k) => k === kind.value) ?? 'regular',
      marks,
      speakers: wholeNumber(speakers.value),
      minutes: wholeNumber(minutes.value),
      chairSigned: chair.checked,
      secretarySigned: secretary.checked,
      selfAssessment: chosenSelf,
    };
  };

  const fillForm = (values: MeetingForm): void => {
    date.value = values.date;
    kind.value = values.kind;
    speakers.value = values.speakers === null ? '' : String(values.speakers);
    minutes.value = values.minutes === null ? '' : String(values.minutes);
    chair.checked = values.chairSigned;
    secretary.checked = values.secretarySigned;
    self.value = values.selfAssessment ?? '';
    for (const [key, control] of markControls) control.value = values.marks[key] ?? '';
    renderPreview();
  };

  const renderRoster = (): void => {
    markControls.clear();
    if (!book) return replaceChildren(members, []);
    const rows = book.roster.map((member) => {
      const id = uid('mt-mark');
      const options: (Exclude<FormMark, null> | '')[] = ['C', 'P', 'K'];
      if (member.exempt) options.push('M');
      if (book?.armedForces) options.push('D');
      options.push('');
      const control = el(
        'select',
        { attrs: { id }, data: { member: member.name }, testid: 'meeting-mark' },
        options.map((mark) => el('option', { attrs: { value: mark }, i18n: mark === '' ? k('meeting.mark.none') : MARK_KEYS[mark] })),
      );
      control.addEventListener('change', renderPreview);
      markControls.set(member.key, control);
      const badges: HTMLElement[] = [];
      if (member.exempt) badges.push(el('span', { class: ['badge', 'badge-warn'], i18n: k('meeting.exempt') }));
      if (member.transferred) badges.push(el('span', { class: ['badge', 'badge-warn'], i18n: k('meeting.transferred') }));
      return el('div', { class: 'member-row' }, [el('label', { attrs: { for: id } }, [member.name, ' ', ...badges]), control]);
    });
    if (rows.length === 0) rows.push(el('p', { class: 'notice', i18n: k('meeting.noMembers') }));
    replaceChildren(members, rows);
  };

  const renderPicker = (): void => {
    const options = [el('option', { attrs: { value: 'new' }, i18n: k('meeting.pick.new') })];
    for (const recorded of book?.meetings ?? []) {
      options.push(
        el('option', {
          attrs: { value: String(recorded.row) },
          i18n: k('meeting.pick.existing'),
          params: { date: formatDate(recorded.date), kind: recorded.kind ? ref(k(`meeting.kind.${recorded.kind}`)) : '?', row: recorded.row },
        }),
      );
    }
    replaceChildren(meeting, options);
    meeting.value = target.mode === 'edit' ? String(target.row) : 'new';
  };

  const line = (key: I18nKey, params: Record<string, string | number>, ok: boolean | null): HTMLElement =>
    el('li', { class: ok === false ? 'fail' : ok === true ? 'pass' : 'pending' }, [
      el('span', {
        class: ['badge', ok === false ? 'badge-block' : ok === true ? 'badge-ok' : 'badge-warn'],
        i18n: ok === false ? k('meeting.fail') : ok === true ? k('meeting.pass') : k('meeting.pending'),
      }),
      ' ',
      el('span', { i18n: key, params }),
    ]);

  function renderPreview(): void {
    if (!book) return replaceChildren(preview, []);
    const values = readForm();
    const result = previewMeeting(values, book.roster, ctx.policy);
    const codes = new Set(result.problems.map((p) => p.code));
    const { counts } = result;
    const items: HTMLElement[] = [
      el('li', {
        i18n: k('meeting.preview.counts'),
        params: { members: counts.members, present: counts.present, excused: counts.excused, unexcused: counts.unexcused },
      }),
      line(
        k('meeting.preview.attendance'),
        { rate: result.rate === null ? '—' : formatNumber(result.rate * 100), min: formatNumber(result.attendanceMinPercent) },
        result.rate === null ? null : !codes.has('ATTENDANCE_LOW'),
      ),
      values.speakers === null || Number.isNaN(values.speakers)
        ? line(k('meeting.preview.speakersMissing'), { needed: result.speakersNeeded }, null)
        : line(k('meeting.preview.speakers'), { given: values.speakers, needed: result.speakersNeeded }, !codes.has('SPEAKERS_LOW')),
      values.minutes === null || Number.isNaN(values.minutes)
        ? line(k('meeting.preview.minutesMissing'), { needed: result.minutesNeeded }, null)
        : line(k('meeting.preview.minutes'), { given: values.minutes, needed: result.minutesNeeded }, !codes.has('DURATION_SHORT')),
      line(result.unsigned.length === 0 ? k('meeting.preview.signed') : k('meeting.preview.unsigned'), {}, result.unsigned.length === 0),
      line(result.selfAssessmentMissing ? k('meeting.preview.selfMissing') : k('meeting.preview.self'), {}, !result.selfAssessmentMissing),
    ];
    if (counts.unexcused > 0) items.push(line(k('meeting.preview.unexcused'), { count: counts.unexcused }, false));
    replaceChildren(preview, [el('ul', { class: 'preview-list' }, items)]);
  }

  const showErrors = (found: ReturnType<typeof validateMeetingForm>): void => {
    const byField = (name: string): string[] => found.filter((e) => e.field === name).map((e) => e.message);
    const show = (node: HTMLElement, control: HTMLElement | null, messages: string[]): void => {
      node.hidden = messages.length === 0;
      node.textContent = messages.join(' ');
      if (control) {
        if (messages.length > 0) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    };
    show(errors.date, date, byField('date'));
    show(errors.speakers, speakers, byField('speakers'));
    show(errors.minutes, minutes, byField('minutes'));
    show(marksError, null, byField('marks'));
  };

  const guard = new BusyGuard(() => [submit, reload, meeting], progress);

  const load = (): Promise<MeetingBook | null> =>
    guard.run(async () => {
      status.say(k('meeting.loading'), undefined, 'busy');
      try {
        book = await ctx.run((context) => readMeetingBook(context));
      } catch (error) {
        status.say(k('meeting.loadFailed'), { message: errorText(error) }, 'error');
        return null;
      }
      renderRoster();
      renderPicker();
      const editing = target.mode === 'edit' ? book.meetings.find((m) => target.mode === 'edit' && m.row === target.row) : undefined;
      if (editing) fillForm(formOfMeeting(editing, book.roster));
      else {
        target = { mode: 'new' };
        meeting.value = 'new';
        fillForm({ ...newMeetingForm(date.value || ctx.today(), book.roster), kind: readForm().kind });
        speakers.value = '';
        minutes.value = '';
        renderPreview();
      }
      const missing = !book.sheets.meetings || !book.sheets.attendance || !book.sheets.members;
      status.say(
        missing ? k('meeting.sheetsMissing') : k('meeting.loaded'),
        { members: book.roster.length, meetings: book.meetings.length },
        missing ? 'error' : 'info',
      );
      return book;
    });

  /** Asks before a second meeting on a date: resolves true to go on. */
  const askSameDay = (rows: readonly number[]): Promise<boolean> =>
    new Promise((resolve) => {
      const yes = el('button', { class: 'primary', attrs: { type: 'button' }, i18n: k('meeting.sameDay.yes'), testid: 'meeting-confirm-yes' });
      const no = el('button', { attrs: { type: 'button' }, i18n: k('meeting.sameDay.no'), testid: 'meeting-confirm-no' });
      const done = (answer: boolean): void => {
        replaceChildren(confirmBox, []);
        resolve(answer);
      };
      yes.addEventListener('click', () => done(true));
      no.addEventListener('click', () => done(false));
      replaceChildren(confirmBox, [
        el('p', {
          class: ['notice', 'notice-warn'],
          attrs: { role: 'alert' },
          i18n: k('meeting.sameDay'),
          params: { date: formatDate(readForm().date), rows: rows.join(', ') },
        }),
        el('div', { class: 'actions' }, [yes, no]),
      ]);
      yes.focus();
    });

  const save = async (): Promise<boolean> => {
    if (guard.busy) return false;
    if (!book) {
      await load();
      if (!book) return false;
    }
    const current = book;
    const values = readForm();
    const found = validateMeetingForm(values, current);
    showErrors(found);
    if (found.length > 0) {
      status.say(k('meeting.invalid'), { count: found.length }, 'error');
      const first = found[0]?.field;
      (first === 'date'
        ? date
        : first === 'speakers'
          ? speakers
          : first === 'minutes'
            ? minutes
            : (markControls.values().next().value ?? date)
      ).focus();
      return false;
    }
    if (!current.sheets.meetings || !current.sheets.attendance) {
      status.say(k('meeting.sheetsMissing'), {}, 'error');
      return false;
    }
    const sheets = { meetings: current.sheets.meetings, attendance: current.sheets.attendance };
    const editedRow = target.mode === 'edit' ? target.row : -1;
    const known = current.meetings.filter((m) => m.date === values.date && m.row !== editedRow).map((m) => m.row);
    // Asked when the meeting comes to a date that has one: a new meeting, or an edit that moves the date.
    const movesToDate = target.mode === 'new' || target.date !== values.date;
    if (movesToDate && known.length > 0 && !(await askSameDay(known))) {
      status.say(k('meeting.cancelled'), undefined, 'info');
      return false;
    }
    const saveTarget = target;
    const saved = await guard.run(async () => {
      status.say(k('meeting.saving'), undefined, 'busy');
      try {
        const result = await ctx.run((context) =>
          saveMeeting(context, {
            form: values,
            roster: current.roster,
            sheets,
            target: saveTarget,
            // A same-day row the pane did not know of (the sheet changed since it was read): not written.
            confirm: (plan) => plan.sameDateRows.every((row) => known.includes(row)),
          }),
        );
        if (!result.written) {
          status.say(k('meeting.changedMeanwhile'), undefined, 'error');
          return null;
        }
        return result.plan;
      } catch (error) {
        status.say(k('meeting.failed'), { message: errorText(error) }, 'error');
        return null;
      }
    });
    if (!saved) return false;
    const params = {
      date: formatDate(values.date),
      row: saved.meetingRow,
      column: saved.attendanceColumn,
      meetings: sheets.meetings,
      attendance: sheets.attendance,
    };
    replaceChildren(outcome, [
      el('p', {
        class: ['notice', 'notice-ok'],
        i18n: k('meeting.saved'),
        params,
        testid: 'meeting-result',
        data: { row: saved.meetingRow, column: saved.attendanceColumn },
      }),
      saved.addedMembers.length > 0
        ? el('p', { class: 'notice', i18n: k('meeting.addedMembers'), params: { names: saved.addedMembers.join(', ') } })
        : null,
    ]);
    target = { mode: 'edit', row: saved.meetingRow, date: values.date };
    await load();
    status.say(k('meeting.saved'), params, 'ok', { shownNearby: true });
    return true;
  };

  meeting.addEventListener('change', () => {
    replaceChildren(confirmBox, []);
    if (!book || meeting.value === 'new') {
      target = { mode: 'new' };
      if (book) fillForm({ ...newMeetingForm(ctx.today(), book.roster), speakers: null, minutes: null });
      return;
    }
    const row = Number(meeting.value);
    const recorded = book.meetings.find((m) => m.row === row);
    if (!recorded) return;
    target = { mode: 'edit', row, date: recorded.date };
    fillForm(formOfMeeting(recorded, book.roster));
  });
  for (const control of [date, kind, speakers, minutes, chair, secretary, self]) {
    control.addEventListener('input', renderPreview);
    control.addEventListener('change', renderPreview);
  }
  ctx.onPolicy(() => renderPreview());
  reload.addEventListener('click', () => void load());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  return {
    panel,
    load,
    save,
    form: { meeting, date, kind, speakers, minutes, chair, secretary, self },
    mark: (name) => [...markControls.values()].find((control) => control.getAttribute('data-member') === name) ?? null,
  };
}
