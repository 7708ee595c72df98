/** The meeting rules of a chi bộ: speakers, duration, months, quarters, minutes and self-assessment. */
import { countedMonths, countedQuarters, isRegularKind, isThematicKind } from '../calendar';
import { isoParts, quarterOf } from '../dates';
import { countedMeetings, countedSessions, inYear, isChiBo, meetingsInYear, type RuleContext } from '../figures';
import { minDuration, minSpeakers } from '../meeting';
import { msg, ref, roman } from '../messages';
import type { Finding, Meeting, MeetingField } from '../types';
import { isLowSelfAssessment } from '../vocabulary';
import { found, meetingLabel, sessionLabel, type Rule } from './findings';

// ---------------------------------------------------------------- meetings

/**
 * SPEAKERS_LOW (chi bộ): each session has at least the speakers its number of members requires (a
 * same-day pair: the larger count of its two rows, for the larger number of members).
 */
export const ruleSpeakersLow: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const session of countedSessions(ctx)) {
    if (session.uncertain || session.members === null || session.speakers === null) continue;
    const needed = minSpeakers(session.members, ctx.policy);
    if (session.speakers >= needed) continue;
    findings.push(
      found(
        'SPEAKERS_LOW',
        ctx.sheets.meetings,
        session.main.cells.speakers,
        msg('SPEAKERS_LOW', { meeting: sessionLabel(session), speakers: session.speakers, needed, members: session.members }),
      ),
    );
  }
  return findings;
};

/**
 * DURATION_SHORT (chi bộ): each session lasts at least the minutes its kind and size require; a
 * same-day pair is the sum of its two rows against the combined minimum.
 */
export const ruleDurationShort: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const session of countedSessions(ctx)) {
    const { kind, minutes, members, partner, main } = session;
    if (session.uncertain || kind === null || minutes === null) continue;
    // A combined meeting needs the same minutes whatever the size; the others need the size.
    if (kind !== 'combined' && members === null) continue;
    const needed = minDuration(members ?? 0, kind, ctx.policy);
    if (minutes >= needed) continue;
    const length =
      partner === null
        ? ref('duration.minutes', { minutes })
        : ref('duration.sum', { first: main.minutes ?? 0, second: partner.minutes ?? 0, minutes });
    const params = { meeting: sessionLabel(session), length, needed, kind: ref(`kind.${kind}`) };
    const message =
      kind === 'combined' || members === null ? msg('DURATION_SHORT.combined', params) : msg('DURATION_SHORT.sized', { ...params, members });
    findings.push(found('DURATION_SHORT', ctx.sheets.meetings, main.cells.minutes, message));
  }
  return findings;
};

/** Whether a meeting row's field gave a data error (unreadable, or blank where required). */
function unreadableField(meeting: Meeting, field: MeetingField): boolean {
  return meeting.unreadable !== undefined && meeting.unreadable.includes(field);
}

/**
 * The months that cannot be judged missing: a meeting row without a readable date could be any
 * month's meeting (null: every month of the year), one whose `Loại` alone is unreadable its own
 * month (and quarter): SPEC §3, no made-up REGULAR_MONTH_MISSING / THEMATIC_QUARTER_MISSING.
 */
function undecidableMonths(ctx: RuleContext): Set<number> | null {
  const months = new Set<number>();
  for (const meeting of ctx.records.meetings ?? []) {
    if (meeting.date === null) return null;
    if (meeting.kind === null && inYear(meeting.date, ctx.year) === true) months.add(isoParts(meeting.date).month);
  }
  return months;
}

/** REGULAR_MONTH_MISSING (chi bộ): a regular or combined meeting in every counted month. */
export const ruleRegularMonthMissing: Rule = (ctx) => {
  const year = ctx.year;
  if (!isChiBo(ctx) || ctx.records.meetings === null || year === null) return [];
  const undecidable = undecidableMonths(ctx);
  if (undecidable === null) return [];
  const held = new Set(
    meetingsInYear(ctx.records, year)
      .filter((m) => isRegularKind(m.kind))
      .map((m) => isoParts(m.date).month),
  );
  return countedMonths(year, ctx.asOf)
    .filter((month) => !held.has(month) && !undecidable.has(month))
    .map((month) =>
      found('REGULAR_MONTH_MISSING', ctx.sheets.meetings, null, msg('REGULAR_MONTH_MISSING', { month: String(month), year: String(year) })),
    );
};

/** THEMATIC_QUARTER_MISSING (chi bộ): a thematic or combined meeting in every counted quarter. */
export const ruleThematicQuarterMissing: Rule = (ctx) => {
  const year = ctx.year;
  if (!isChiBo(ctx) || ctx.records.meetings === null || year === null) return [];
  const undecidable = undecidableMonths(ctx);
  if (undecidable === null) return [];
  const undecidableQuarters = new Set([...undecidable].map((month) => quarterOf(month)));
  const held = new Set(
    meetingsInYear(ctx.records, year)
      .filter((m) => isThematicKind(m.kind))
      .map((m) => quarterOf(isoParts(m.date).month)),
  );
  return countedQuarters(year, ctx.asOf)
    .filter((quarter) => !held.has(quarter) && !undecidableQuarters.has(quarter))
    .map((quarter) =>
      found('THEMATIC_QUARTER_MISSING', ctx.sheets.meetings, null, msg('THEMATIC_QUARTER_MISSING', { quarter: roman(quarter), year: String(year) })),
    );
};

/** MINUTES_UNSIGNED (chi bộ): one finding per missing signature (chair, secretary), at its cell. */
export const ruleMinutesUnsigned: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const meeting of countedMeetings(ctx)) {
    // An unreadable signature is its own data error, not "not signed" (SPEC §3).
    if (!meeting.chairSigned && !unreadableField(meeting, 'chairSigned')) {
      findings.push(
        found('MINUTES_UNSIGNED', ctx.sheets.meetings, meeting.cells.chairSigned, msg('MINUTES_UNSIGNED.chair', { meeting: meetingLabel(meeting) })),
      );
    }
    if (!meeting.secretarySigned && !unreadableField(meeting, 'secretarySigned')) {
      findings.push(
        found(
          'MINUTES_UNSIGNED',
          ctx.sheets.meetings,
          meeting.cells.secretarySigned,
          msg('MINUTES_UNSIGNED.secretary', { meeting: meetingLabel(meeting) }),
        ),
      );
    }
  }
  return findings;
};

/**
 * MINUTES_BOOK_UNSTAMPED (chi bộ): `Sổ biên bản đóng dấu giáp lai` is "Có". "Không" gives a
 * finding left to the policy's severity; a missing or blank row gives a warning.
 */
export const ruleMinutesBookUnstamped: Rule = (ctx) => {
  if (!isChiBo(ctx)) return [];
  const { minutesBookStamped, minutesBookStampedCell, minutesBookStampedUnreadable } = ctx.records.info;
  if (minutesBookStamped === true || minutesBookStampedUnreadable === true) return [];
  if (minutesBookStamped === false) {
    return [found('MINUTES_BOOK_UNSTAMPED', ctx.sheets.info, minutesBookStampedCell, msg('MINUTES_BOOK_UNSTAMPED'))];
  }
  return [
    found('MINUTES_BOOK_UNSTAMPED', ctx.sheets.info, minutesBookStampedCell, msg('MINUTES_BOOK_UNSTAMPED.blank', { sheet: ctx.sheets.info }), 'warn'),
  ];
};

/** SELF_ASSESSMENT_MISSING (chi bộ): each meeting has a self-assessed quality. */
export const ruleSelfAssessmentMissing: Rule = (ctx) =>
  countedMeetings(ctx)
    .filter((meeting) => meeting.selfAssessment === null && !unreadableField(meeting, 'selfAssessment'))
    .map((meeting) =>
      found(
        'SELF_ASSESSMENT_MISSING',
        ctx.sheets.meetings,
        meeting.cells.selfAssessment,
        msg('SELF_ASSESSMENT_MISSING', { meeting: meetingLabel(meeting) }),
      ),
    );

/** MEETING_SELF_LOW (chi bộ): a meeting self-assessed Trung bình, Kém or Không đạt. */
export const ruleMeetingSelfLow: Rule = (ctx) =>
  countedMeetings(ctx)
    .filter((meeting) => meeting.selfAssessment !== null && isLowSelfAssessment(meeting.selfAssessment))
    .map((meeting) =>
      found(
        'MEETING_SELF_LOW',
        ctx.sheets.meetings,
        meeting.cells.selfAssessment,
        msg('MEETING_SELF_LOW', { meeting: meetingLabel(meeting), level: ref(`selfAssessment.${meeting.selfAssessment ?? 'kem'}`) }),
      ),
    );
