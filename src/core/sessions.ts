/**
 * Meetings as sessions (SPEC §2, Sinh hoạt): a clerk often writes a combined session on two lines —
 * its Thường kỳ part and its Chuyên đề part with the same date. Exactly one Thường kỳ row and one
 * Chuyên đề row on one date are one Kết hợp session: counted once, its duration the sum of the two
 * rows (checked against the combined minimum), its speakers the larger, its members the larger
 * `Số đảng viên`, its reasons at the Thường kỳ row. Any other rows that share a date are sessions of
 * their own, row by row.
 *
 * A row whose date or kind could not be read may have been part of such a pair: the sessions it
 * could have formed are "uncertain", and the rules that judge a session as a whole (duration,
 * speakers, the meeting's attendance) skip them rather than give a reason the clerk's real data may
 * not have (SPEC §3: an unreadable cell never produces a second, made-up reason).
 */
import type { IsoDate, Meeting, MeetingKind } from './types';

export interface Session {
  /** The row the session's reasons point at: the Thường kỳ row of a pair, else the meeting itself. */
  main: Meeting;
  /** The Chuyên đề row of a same-day pair; null for a session written on one row. */
  partner: Meeting | null;
  date: IsoDate | null;
  /** 'combined' for a same-day pair. */
  kind: MeetingKind | null;
  /** The larger `Số đảng viên` of a pair; null when a row's value is unknown. */
  members: number | null;
  /** The larger count of a pair; null when a row's value is unknown. */
  speakers: number | null;
  /** The sum of a pair's minutes; null when a row's value is unknown. */
  minutes: number | null;
  /**
   * True when an unreadable date or kind elsewhere may change what this session is (a pair that a
   * third row would break, a row that an unreadable one would pair with): its whole-session rules
   * are not judged.
   */
  uncertain: boolean;
}

/** Kinds that can be one half of a same-day pair (null: unreadable, could be either). */
function pairable(kind: MeetingKind | null): boolean {
  return kind === null || kind === 'regular' || kind === 'thematic';
}

/** Two kinds that could be the two halves of a pair, reading an unknown kind as either half. */
function couldPair(a: MeetingKind | null, b: MeetingKind | null): boolean {
  if (!pairable(a) || !pairable(b)) return false;
  if (a === null || b === null) return true;
  return a !== b;
}

function larger(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}

function single(meeting: Meeting, uncertain: boolean): Session {
  return {
    main: meeting,
    partner: null,
    date: meeting.date,
    kind: meeting.kind,
    members: meeting.members,
    speakers: meeting.speakers,
    minutes: meeting.minutes,
    uncertain,
  };
}

function pair(regular: Meeting, thematic: Meeting, uncertain: boolean): Session {
  return {
    main: regular,
    partner: thematic,
    date: regular.date,
    kind: 'combined',
    members: larger(regular.members, thematic.members),
    speakers: larger(regular.speakers, thematic.speakers),
    minutes: regular.minutes === null || thematic.minutes === null ? null : regular.minutes + thematic.minutes,
    uncertain,
  };
}

/**
 * The same-day pairs of a list of meetings, by date: exactly two rows on the date, one Thường kỳ
 * and one Chuyên đề — or two that could be, one of their kinds unreadable (then the row of the
 * readable Thường kỳ kind, else the first row, stands as `regular`). The reader uses it to leave the
 * pairing out of MATRIX_MISMATCH: an unreadable kind is reported once, as the data error it is.
 */
export function sameDayPairs(meetings: readonly Meeting[]): Map<IsoDate, { regular: Meeting; thematic: Meeting }> {
  const byDate = groupByDate(meetings);
  const pairs = new Map<IsoDate, { regular: Meeting; thematic: Meeting }>();
  for (const [date, rows] of byDate) {
    if (rows.length !== 2) continue;
    const [a, b] = rows as [Meeting, Meeting];
    if (!couldPair(a.kind, b.kind)) continue;
    const regular = b.kind === 'regular' || a.kind === 'thematic' ? b : a;
    pairs.set(date, { regular, thematic: regular === a ? b : a });
  }
  return pairs;
}

function groupByDate(meetings: readonly Meeting[]): Map<IsoDate, Meeting[]> {
  const byDate = new Map<IsoDate, Meeting[]>();
  for (const meeting of meetings) {
    if (meeting.date === null) continue;
    const list = byDate.get(meeting.date);
    if (list) list.push(meeting);
    else byDate.set(meeting.date, [meeting]);
  }
  return byDate;
}

/**
 * The sessions of a list of meetings (the counted meetings of a chi bộ), in the order of their
 * first row. A workbook without same-day rows and without unreadable dates or kinds gets one
 * certain session per row.
 */
export function meetingSessions(meetings: readonly Meeting[]): Session[] {
  const byDate = groupByDate(meetings);
  const undated = meetings.filter((m) => m.date === null);
  // Kinds of the rows whose date is unreadable, with how many of each.
  const undatedKinds = new Map<MeetingKind | null, number>();
  for (const row of undated) undatedKinds.set(row.kind, (undatedKinds.get(row.kind) ?? 0) + 1);
  const uncertain = new Set<Meeting>();
  const paired = new Map<Meeting, Session>();
  for (const rows of byDate.values()) {
    if (rows.length === 2) {
      const [a, b] = rows as [Meeting, Meeting];
      if (a.kind === null || b.kind === null) {
        // An unreadable kind on a same-day row: the pairing is left unmade and neither row judged whole.
        if (couldPair(a.kind, b.kind)) {
          uncertain.add(a);
          uncertain.add(b);
        }
        continue;
      }
      if (couldPair(a.kind, b.kind)) {
        const regular = a.kind === 'regular' ? a : b;
        const thematic = regular === a ? b : a;
        // Any row with an unreadable date could have been a third row of this date.
        const session = pair(regular, thematic, undated.length > 0);
        paired.set(regular, session);
        paired.set(thematic, session);
      }
    } else if (rows.length === 1 && undated.length > 0) {
      const [only] = rows as [Meeting];
      if ([...undatedKinds.keys()].some((kind) => couldPair(only.kind, kind))) uncertain.add(only);
    }
  }
  if (undated.length > 0) {
    // By kind, not row by row: a sheet of thousands of unreadable dates stays linear.
    const aloneKinds = new Set<MeetingKind | null>();
    for (const rows of byDate.values()) if (rows.length === 1) aloneKinds.add((rows[0] as Meeting).kind);
    for (const row of undated) {
      const alone = [...aloneKinds].some((kind) => couldPair(kind, row.kind));
      const another = [...undatedKinds].some(([kind, count]) => (kind === row.kind ? count > 1 : count > 0) && couldPair(kind, row.kind));
      if (alone || another) uncertain.add(row);
    }
  }
  const sessions: Session[] = [];
  const seen = new Set<Session>();
  for (const meeting of meetings) {
    const session = paired.get(meeting);
    if (session) {
      if (seen.has(session)) continue;
      seen.add(session);
      sessions.push(session);
    } else {
      sessions.push(single(meeting, uncertain.has(meeting)));
    }
  }
  return sessions;
}
